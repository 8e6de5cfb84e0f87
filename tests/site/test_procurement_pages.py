"""The Upphandling page: the law's amounts on the build date from the reference data (the euro value and
a notice where kronor are unpublished), the value bands worded as the procurement model resolves
them, who decides per body (linked to the matter) and who signs; and the procurement rows on role pages."""

from __future__ import annotations

import html as html_module
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from generators.loading.documents import load_policies
from generators.model import build_model
from generators.model.procurement import decision_makers_for, policies_in_force, signers_for
from generators.wording.swedish import euro, kronor
from tests.site.conftest import EXAMPLE_POLICIES, page, parse

AS_OF = date(2026, 11, 23)
NBSP = "\u00a0"


@pytest.fixture(scope="module")
def model():
    return build_model(load_policies(EXAMPLE_POLICIES))


@pytest.fixture(scope="module")
def policy(model):
    found = policies_in_force(model, AS_OF)
    assert found, "exemplet har en inköps- och upphandlingspolicy som gäller"
    return found[0]


def _plain(fragment: str) -> str:
    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", fragment)).replace(NBSP, " ").split())


def _text(site: Path) -> str:
    return parse(page(site, "upphandling/")).text.replace(NBSP, " ")


def _band_row(html: str, band_id: str) -> str:
    html = html_module.unescape(html)
    row = re.search(rf'<tr id="intervall-{re.escape(band_id)}"[^>]*>(.*?)</tr>', html, re.DOTALL)
    assert row is not None, f"raden för {band_id} saknas"
    return _plain(row.group(1))


def test_the_page_has_metadata_and_is_linked_from_the_start_page(example_site: Path, policy) -> None:
    text = _text(example_site)
    assert policy.meta.title in text
    for label in ("Antagen av", "Diarienummer", "Gäller från", "Dokumentägare", "Nästa översyn"):
        assert label in text
    assert "Hur köper jag in, och vilka beloppsgränser gäller?" in parse(page(example_site, "")).text


def test_direct_procurement_bands_are_worded_exactly(example_site: Path, model, policy) -> None:
    html = page(example_site, "upphandling/").read_text(encoding="utf-8")
    limit = model.reference.value_on("direktupphandlingsgrans", AS_OF)
    documentation = model.reference.value_on("dokumentationsgrans", AS_OF)
    assert limit is not None and documentation is not None
    table = next(t for t in policy.tables if t.regime == "lou" and t.category == "varor_och_tjanster")
    documented = next(b for b in table.bands if b.upper.reference == "direktupphandlingsgrans")
    row = _band_row(html, documented.id).lower()
    assert f"under {kronor(limit.value)}".replace(NBSP, " ") in row
    assert f"från och med {kronor(documentation.value)}".replace(NBSP, " ") in row
    assert "under 700 000 kr" in row and "från och med 100 000 kr" in row
    assert "ska dokumenteras" in row and f"minst {documented.procedure.min_quotes} skriftliga offerter" in row
    first = table.bands[0]
    assert "under 100 000 kr" in _band_row(html, first.id).lower()


def test_the_laws_amounts_with_sources_and_the_eu_threshold_notice(example_site: Path, model, policy) -> None:
    text = _text(example_site)
    parsed = parse(page(example_site, "upphandling/"))
    links = {a.get("href") for tag, a in parsed.elements if tag == "a"}
    limit = model.reference.value_on("direktupphandlingsgrans", AS_OF)
    assert kronor(Decimal(str(limit.value))).replace(NBSP, " ") in text and limit.source_url in links
    threshold = model.reference.value_on("troskelvarde-eu-kommuner", AS_OF)
    assert threshold is not None and threshold.unknown and threshold.value_eur is not None
    in_euro = euro(threshold.value_eur).replace(NBSP, " ")
    assert f"från 1 januari {threshold.valid_from.year} är {in_euro}; beloppet i kronor är ännu inte publicerat" in text
    # The band the threshold bounds shows the euro value, never an invented kronor figure.
    html = page(example_site, "upphandling/").read_text(encoding="utf-8")
    eu_band = next(b for b in policy.bands() if b.lower.reference == "troskelvarde-eu-kommuner")
    row = _band_row(html, eu_band.id).lower()
    assert f"från och med {in_euro}" in row and "kronor är ännu inte publicerat" in row


def test_who_decides_per_body_is_linked_to_the_matter_and_who_signs(example_site: Path, model, policy) -> None:
    html = html_module.unescape(page(example_site, "upphandling/").read_text(encoding="utf-8"))
    org = model.organisation
    checked = 0
    for band_table in policy.tables:
        for band in band_table.bands:
            for body in band_table.bodies:
                for maker in decision_makers_for(band, body, AS_OF, model):
                    assert org.label(maker.actor) in _plain(html)
                    if maker.matter is not None:
                        assert f'/#{maker.matter.id}"' in html, maker.matter.id
                        checked += 1
                    rule, _why = signers_for(policy, maker.actor, org)
                    if rule is not None and rule.signed_by is not None:
                        assert org.label(rule.signed_by) in _plain(html)
    assert checked
    text = _text(example_site)
    for body in policy.tables[0].bodies:
        assert f"{org.bodies[body].name}: vem beslutar och undertecknar" in text


def test_training_jav_and_contract_management(example_site: Path, policy) -> None:
    text = _text(example_site)
    for training in policy.training:
        assert training.name in text
    assert "Jäv" in text and "jävsdeklaration" in text
    for area in policy.contract_management.areas:
        assert area.name in text
    assert str(policy.contract_management.invoice_sampling.sample_size) in text


def test_role_pages_show_the_bands_a_position_decides_and_the_contracts_it_signs(example_site: Path, model, policy) -> None:
    org = model.organisation
    director = parse(page(example_site, "roller/kommundirektor/")).text
    assert "Beslutar om inköp och upphandling" in director
    matters = {m.matter.number for b in policy.bands() for body in ("kommunstyrelsen",)
               for m in decision_makers_for(b, body, AS_OF, model)
               if m.actor.kind == "position" and m.actor.id == "kommundirektor" and m.matter is not None}
    assert matters and all(f"ärende {number} i kommunstyrelsens delegationsordning" in director for number in matters)
    signing = next(r for r in policy.signing if r.countersigned_by is not None and r.countersigned_by.kind == "position")
    signer_text = parse(page(example_site, f"roller/{signing.countersigned_by.id}/")).text
    assert "Undertecknar avtal" in signer_text and "Kontrasignerar" in signer_text
    assert org.positions[signing.countersigned_by.id].title in signer_text
