"""Browse by law: the statute index (outputs/citations.py), its JSON file and its site pages.

A matter that cites KL 6 kap. 38 § appears under that section, on the KL page (linked to its row on
the delegation page) and in statutes.json (with file and line); a range is its own group; a
repealed statute names its successor; every check that names a section is listed under it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from generators.model import Model
from generators.outputs.citations import build_index
from generators.outputs.rules.common import RulesContext
from generators.outputs.rules.statutes import adopted, render
from generators.outputs.site.context import GeneratedPage, SiteContext
from generators.outputs.site.pages import generate
from generators.pipeline import load_and_check
from tests.conftest import FIXTURE_POLICIES, REPO, TODAY

MATTER = "ks-allmant-yttrande-remiss"
CITED = '          - {sfs: "2017:725", chapter: "7", section: "5"}\n        reporting: {reported: true}\n        note: "Remissvar'


@pytest.fixture(scope="module")
def policies(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The kommun fixture, with KS 1.2 citing KL 6 kap. 38 § and KL 6 kap. 28–32 §§ beside 7 kap. 5 §."""
    policies = tmp_path_factory.mktemp("statutes") / "policies"
    shutil.copytree(FIXTURE_POLICIES, policies)
    path = policies / "delegation" / "kommunstyrelsen.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(CITED) == 1
    extra = ('          - {sfs: "2017:725", chapter: "6", section: "38"}\n'
             '          - {sfs: "2017:725", chapter: "6", section: "28-32"}\n')
    path.write_text(text.replace(CITED, extra + CITED), encoding="utf-8")
    return policies


@pytest.fixture(scope="module")
def model(policies: Path) -> Model:
    return load_and_check(policies, TODAY).model


def _group(model: Model, sfs: str, chapter: str | None, section: str | None) -> Any:
    entry = next(e for e in build_index(model, adopted) if e.sfs == sfs)
    return next(g for g in entry.groups if (g.chapter, g.section) == (chapter, section))


def test_a_matter_citing_kl_6_38_is_under_that_section(model: Model) -> None:
    group = _group(model, "2017:725", "6", "38")
    assert group.where == "6 kap. 38 §"
    cited = [c for c in group.documents if c.entity_id == MATTER]
    assert len(cited) == 1
    assert cited[0].file.endswith("delegation/kommunstyrelsen.yaml")
    assert cited[0].entity_label.startswith("1.2 Yttrande över remiss")
    # the checks that name the section are listed under it too
    assert {"D405", "D406", "D420"} <= {c.code for c in group.checks}
    # the same matter is still under 7 kap. 5 §, and under nothing it does not cite
    assert MATTER in {c.entity_id for c in _group(model, "2017:725", "7", "5").documents}
    assert MATTER not in {c.entity_id for c in _group(model, "2017:725", "6", "37").documents}


def test_a_range_is_one_group_however_it_is_written(model: Model) -> None:
    group = _group(model, "2017:725", "6", "28–32")   # written 28-32 in the file
    assert group.where == "6 kap. 28–32 §§"
    assert MATTER in {c.entity_id for c in group.documents}
    assert "riktlinjer-jav" in {c.document_id for c in group.documents}
    assert {"D402", "D415"} <= {c.code for c in group.checks}


def test_a_check_naming_two_laws_together_is_under_each(model: Model) -> None:
    """U702's Lagrum reads "LOU (2016:1145) och LUF (2016:1146): 5 kap. …, 19 a kap. …": both pages list it."""
    for sfs in ("2016:1145", "2016:1146"):
        for chapter in ("5", "19 a"):
            assert "U702" in {c.code for c in _group(model, sfs, chapter, None).checks}, (sfs, chapter)
    lou = next(e for e in build_index(model, adopted) if e.sfs == "2016:1145")
    whole = [g for g in lou.groups if (g.chapter, g.section) == (None, None)]
    assert "U702" not in {c.code for g in whole for c in g.checks}   # not as the law as a whole


def test_groups_are_ordered_by_chapter_and_first_paragraph(model: Model) -> None:
    entry = next(e for e in build_index(model, adopted) if e.sfs == "2017:725")
    keys = [(g.chapter, g.section) for g in entry.groups]
    assert keys.index(("6", "28")) < keys.index(("6", "28–32")) < keys.index(("6", "37")) < keys.index(("6", "38"))
    assert keys.index(("5", "1")) < keys.index(("6", "6")) < keys.index(("13", "1, 5"))


def _validate(data: dict[str, Any]) -> None:
    schemas = [json.loads(p.read_text(encoding="utf-8")) for p in (REPO / "schemas").glob("rules-*.schema.json")]
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas)
    schema = json.loads((REPO / "schemas" / "rules-statutes.schema.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == []


def test_statutes_json_lists_the_matter_with_file_and_line(model: Model) -> None:
    rendered = render(RulesContext(model, TODAY, None))
    assert rendered is not None
    data = json.loads(json.dumps(rendered.data, default=str))
    _validate(data)
    kl = next(s for s in data["statutes"] if s["sfs"] == "2017:725")
    assert kl["in_force_on_as_of"] is True and kl["replaced_by"] is None
    group = next(g for g in kl["groups"] if (g["chapter"], g["section"]) == ("6", "38"))
    assert group["label"] == "6 kap. 38 §"
    row = next(d for d in group["documents"] if d["entity_id"] == MATTER)
    assert row["kind"] == "delegation" and row["document_id"] == "ks-delegationsordning"
    assert row["file"].endswith("delegation/kommunstyrelsen.yaml")
    assert "D405" in {c["code"] for c in group["checks"]}
    old = next(s for s in data["statutes"] if s["sfs"] == "2001:453")
    assert old["in_force_on_as_of"] is False and old["replaced_by"] == "2025:400" and old["valid_to"] == "2025-06-30"


def test_the_line_is_where_the_reference_stands(model: Model, policies: Path) -> None:
    cited = next(c for c in _group(model, "2017:725", "6", "38").documents if c.entity_id == MATTER)
    lines = (policies / "delegation" / "kommunstyrelsen.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[cited.line - 1] == '          - {sfs: "2017:725", chapter: "6", section: "38"}'


def test_a_statute_that_cites_nothing_still_has_an_entry(model: Model) -> None:
    """Every statute in the register is listed (a region's HSL page exists before anything cites it)."""
    index = build_index(model, adopted)
    assert {e.sfs for e in index} >= set(model.reference.statutes)
    assert [e.sfs for e in index][:2] == ["1949:105", "1949:381"]   # SFS order: year, then number


@pytest.fixture(scope="module")
def site_pages(model: Model) -> dict[str, GeneratedPage]:
    return {page.path: page for page in generate(SiteContext(model, TODAY))}


def test_the_kl_page_links_the_matter_under_its_section(site_pages: dict[str, GeneratedPage]) -> None:
    page = site_pages["forfattningar/2017-725.md"]
    assert page.nav == ("Författningar",)
    section = page.content.split("## 6 kap. 38 §", 1)[1].split("\n## ", 1)[0]
    assert f'href="../../delegationsordningar/kommunstyrelsen/&#35;{MATTER}"' in section
    assert 'href="../../kontroller/d405/"' in section
    assert "## 6 kap. 28–32 §§" in page.content


def test_the_index_marks_the_repealed_statute_and_its_successor(site_pages: dict[str, GeneratedPage]) -> None:
    index = site_pages["forfattningar/index.md"].content
    row = next(line for line in index.split("<tr>") if "2001-453/" in line)
    assert "Upphävd: gällde till och med 30 juni 2025. Ersatt av" in row
    assert '<a href="2025-400/">' in row
    old = site_pages["forfattningar/2001-453.md"].content
    assert "Upphävd författning" in old and 'href="../2025-400/"' in old
    assert 'href="../2001-453/"' in site_pages["forfattningar/2025-400.md"].content  # Ersätter …
