"""The jäv guidelines for staff (jav/) and for systems (jav.json), built from the example: who declares
what to whom and how often, gifts, what to do when jävig, the legal basis with the local rule named as
one, and never a declaration itself."""

from __future__ import annotations

import html as html_module
import json
import re
from pathlib import Path

from tests.site.conftest import page


def _plain(fragment: str) -> str:
    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", fragment)).replace("\u00a0", " ").split())


def test_the_page_says_who_declares_to_whom_and_how_often(example_site: Path) -> None:
    text = _plain(page(example_site, "jav/").read_text(encoding="utf-8"))
    assert "Vem lämnar en deklaration?" in text
    for row in (("Kommundirektör Bisysslor, uppdrag i företag och föreningar, och ekonomiska intressen hos leverantörer och "
                 "motparter till kommunen. Ordförande i kommunstyrelsen när uppdraget börjar, sedan varje år 3 §"),
                "Chef med personal-, budget- och arbetsmiljöansvar Bisysslor",
                "Närmaste chef när uppdraget börjar, sedan varje år 4 §"):
        assert row in text, row
    assert "upphandling, beslutsattest, anställning och myndighetsutövning" in text
    assert "7 §. Gåvor och förmåner" in text and "högst 300 kronor" in text
    assert "8 §. Den som är jävig lämnar genast ärendet till sin närmaste chef" in text
    assert "KL 6 kap. 28–32 §§ , KL 7 kap. 4 § , LOA 7 c § , Skyldigheten att lämna en deklaration" in text


def test_the_start_page_asks_about_jav(example_site: Path) -> None:
    html = page(example_site, "").read_text(encoding="utf-8")
    assert "Vad gäller om jag kan vara jävig?" in _plain(html) and 'href="jav/"' in html


def test_an_hr_system_finds_whom_a_position_declares_to(example_site: Path) -> None:
    """A consumer of jav.json: the groups that cover a position, with recipient and renewal."""
    data = json.loads((example_site / "rules" / "v1" / "jav.json").read_text(encoding="utf-8"))
    version = data["guidelines"][-1]
    covering = [d for d in version["declarations"] if "socialchef" in d["positions"]]
    assert [(d["id"], d["to"]["key"], d["renew_every_months"]) for d in covering] == [("chefer", "relative:narmaste_chef", 12)]
    assert version["gift_limit_sek"] == 300
    assert {m["id"] for m in version["mandates"]} == {"upphandling", "attest", "anstallning", "myndighetsutovning"}
    assert [ref.get("local") for ref in version["legal_basis"]][-1].startswith("Skyldigheten att lämna en deklaration")
