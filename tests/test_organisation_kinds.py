"""A region and a kommunalförbund adopt the tool: their own trees pass, and nothing the tool makes
for them names Ekbacka or speaks of a kommun.

`tests/fixtures/region/` has regionfullmäktige (with its own delegation to nämnderna under KL 5 kap.
2 §), a regionstyrelse served by three förvaltningar whose chefs each vidaredelegerar within their own
(KL 7 kap. 6 §), a hälso- och sjukvårdsnämnd, a regional utvecklingsnämnd and a whistleblowing
function that also handles reports about förtroendevalda (lawful: at most V612's warning).
`tests/fixtures/kommunalforbund/` is a small förbund whose direktion is both fullmäktige and styrelse,
with no `publication:` settings (the site's title then comes from the name).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generators.pipeline import load_and_check
from tests.conftest import FIXTURES, TODAY
from tests.site.conftest import build

KINDS = {
    "region": ("Region Norrby", "regionens"),
    "kommunalforbund": ("Norrbygdens IT-förbund", "förbundets"),
}
# What a region's or a förbund's site must never say. Statute titles ("kommunallagen") are not words
# about the organisation and do not match.
FORBIDDEN = re.compile(r"ekbacka|kommunen|kommunens|kommunstyrelsen|kommundirektören|kommunfullmäktige", re.IGNORECASE)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_tree_passes_check_without_errors(kind: str) -> None:
    result = load_and_check(FIXTURES / kind / "policies", TODAY).result
    errors = [f"{d.file}:{d.line}: {d.code} {d.message}" for d in result.diagnostics if d.severity == "error"]
    assert errors == []


def test_the_region_gets_only_a_warning_for_its_own_function_handling_fortroendevalda() -> None:
    result = load_and_check(FIXTURES / "region" / "policies", TODAY).result
    assert sorted({d.code for d in result.diagnostics}) == ["V612"]


@pytest.fixture(scope="session")
def kind_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each fixture tree built once for the session."""
    root = tmp_path_factory.mktemp("kind-sites")
    return {kind: build(FIXTURES / kind / "policies", root / kind / "site") for kind in sorted(KINDS)}


@pytest.mark.site
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_built_site_and_json_name_neither_ekbacka_nor_a_kommun(kind: str, kind_sites: dict[str, Path]) -> None:
    site = kind_sites[kind]
    found = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".json", ".xml", ".txt") or not path.is_file():
            continue
        for match in FORBIDDEN.finditer(path.read_text(encoding="utf-8", errors="replace")):
            found.append(f"{path.relative_to(site)}: {match.group(0)}")
    assert found == []


@pytest.mark.site
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_title_footer_and_accessibility_statement_are_the_organisations(kind: str, kind_sites: dict[str, Path]) -> None:
    name, genitive = KINDS[kind]
    start = (kind_sites[kind] / "index.html").read_text(encoding="utf-8")
    assert f"<title>Styrdokument – {name}</title>" in start
    assert "md-copyright__highlight" in start and name in start.split("md-copyright__highlight", 1)[1][:200]
    statement = (kind_sites[kind] / "tillganglighet" / "index.html").read_text(encoding="utf-8")
    assert f"{name} står bakom den här webbplatsen, där {genitive} styrdokument publiceras" in statement


@pytest.mark.site
def test_the_region_delegation_pages_show_the_forms_of_real_rows(kind_sites: dict[str, Path]) -> None:
    """Rows written with the forms real delegationsordningar use (tests/model/test_delegation_forms.py) read on the page."""
    pages = kind_sites["region"] / "delegationsordningar"
    styrelsen = re.sub(r"<[^>]+>", "", (pages / "regionstyrelsen" / "index.html").read_text(encoding="utf-8"))
    hsn = re.sub(r"<[^>]+>", "", (pages / "halso_och_sjukvardsnamnden" / "index.html").read_text(encoding="utf-8"))
    assert "Ingen delegat (ren verkställighet)" in styrelsen
    assert "Handlingar kontrasigneras av regiondirektören, kanslichefen eller annan som delegaten utser." in styrelsen
    assert "Gäller upp till 6 månader." in styrelsen
    assert "Anmäls löpande via nämndsekreteraren." in styrelsen
    assert "Anmäls skyndsamt via nämndsekreteraren." in hsn


def test_rule_docs_and_titles_name_neither_ekbacka_nor_a_kommun() -> None:
    """The check catalogue is published on every organisation's site: its pages say "fullmäktige",
    "styrelsen", "direktören" and "organisationen" (the fast guard for the site test above)."""
    from generators.checks.registry import all_rules

    found = [f"{r.rule.code}: {m.group(0)}" for r in all_rules() for m in FORBIDDEN.finditer(f"{r.rule.summary}\n{r.doc}")]
    assert found == []


@pytest.mark.site
@pytest.mark.parametrize(("kind", "promised", "not_promised"), [
    ("region", ["vem som utreder en visselblåsarrapport"], ["tjänsteresa", "inköp"]),
    ("kommunalforbund", [], ["tjänsteresa", "visselblåsarrapport", "inköp"]),
])
def test_the_start_page_promises_only_the_answers_its_documents_give(
        kind: str, promised: list[str], not_promised: list[str], kind_sites: dict[str, Path]) -> None:
    """The region has a whistleblowing regulation but no travel or procurement policy, the förbund
    only delegation: the start page's entry for Vem beslutar? names what the page can answer."""
    start = re.sub(r"<[^>]+>", "", (kind_sites[kind] / "index.html").read_text(encoding="utf-8"))
    entry = next(line for line in start.splitlines() if "Välj nämnd, ärende, belopp och datum" in line)
    assert "vem som får fatta beslutet" in entry
    for words in promised:
        assert words in entry
    for words in not_promised:
        assert words not in entry
