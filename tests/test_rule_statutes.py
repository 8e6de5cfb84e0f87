"""The statutes each rule names in its `## Lagrum` section: read completely, attributed correctly.

The statute pages and statutes.json list a check under every chapter and paragraph it names, read
from its documentation (`generators/checks/statutes.py`). A citation the reader cannot attribute
would silently leave the index, so every rule's section must read without a remainder, and every
statute a rule names must be in the example's statute register (so its page has a name and a link).
"""

from __future__ import annotations

import pytest

from generators.checks.statutes import RuleCitation, citations_in, rule_statutes
from generators.model import Model
from generators.pipeline import load_and_check
from tests.conftest import EXAMPLE_POLICIES, TODAY


@pytest.fixture(scope="module")
def model() -> Model:
    return load_and_check(EXAMPLE_POLICIES, TODAY).model


def test_every_rules_law_section_is_read_without_a_remainder(model: Model) -> None:
    statutes = model.reference.statutes
    left = {r.rule.rule.code: r.unattributed for r in rule_statutes(statutes) if r.unattributed}
    assert left == {}, "skriv lagrummet med författningens förkortning, namn eller SFS-nummer före kapitel och paragraf"
    unknown = {(r.rule.rule.code, c.sfs) for r in rule_statutes(statutes) for c in r.citations if c.sfs not in statutes}
    assert unknown == set()


def _cited(model: Model, code: str) -> set[tuple[str, str | None, str | None]]:
    found = next(r for r in rule_statutes(model.reference.statutes) if r.rule.rule.code == code)
    return {(c.sfs, c.chapter, c.section) for c in found.citations}


@pytest.mark.parametrize(("code", "expected"), [
    ("D405", {("2017:725", "6", "38")}),
    # "6 kap. 28–32 §§ (jäv) och 6 kap. 37 §": a range stays one citation
    ("D402", {("2017:725", "6", "28–32"), ("2017:725", "6", "37")}),
    # "KL 6 kap. 40 § och 13 kap. 1 och 5 §§; förvaltningslagen (2017:900) 41 §"
    ("D422", {("2017:725", "6", "40"), ("2017:725", "13", "1, 5"), ("2017:900", None, "41")}),
    # "LOU (2016:1145) 19 a kap. 1–2 §§ …; LUF (2016:1146) 19 a kap. …; LOU 21 kap. …, 17 kap."
    ("U703", {("2016:1145", "19 a", "1–2"), ("2016:1146", "19 a", None), ("2016:1145", "21", None), ("2016:1145", "17", None)}),
    # "LOU (2016:1145) och LUF (2016:1146): 5 kap. (värdet), 19 a kap. (direktupphandling)": both laws named together
    ("U702", {("2016:1145", "5", None), ("2016:1145", "19 a", None), ("2016:1146", "5", None), ("2016:1146", "19 a", None)}),
    # "… bisysslor: LOA 7 c §": a paragraph of a statute without chapters
    ("JV103", {("1994:260", None, "7 c")}),
    # "socialförsäkringsbalken (2010:110) 2 kap. 6–7 §§" and the statute named in running text
    ("D419", {("2010:110", "2", "6–7")}),
    # "Lokal regel: … (i exemplets attestreglemente 9 §)": the organisation's own paragraph is no law
    ("AT101", set()),
])
def test_citations_of_rules(model: Model, code: str, expected: set[tuple[str, str | None, str | None]]) -> None:
    assert _cited(model, code) == expected


def test_a_statute_named_alone_is_cited_as_a_whole(model: Model) -> None:
    cited, left = citations_in("X", "Lag (2021:890), 7 kap. (behandling av personuppgifter); arkivlagen (1990:782).", model.reference.statutes)
    assert cited == [RuleCitation("X", "2021:890", "7", None), RuleCitation("X", "1990:782", None, None)]
    assert left == []


def test_statutes_named_together_share_their_chapters_and_paragraphs(model: Model) -> None:
    """ "LOU och LUF: 5 kap." credits 5 kap. to each law; a law named after a chapter starts anew."""
    cited, left = citations_in("X", "LOU, LUF och KL 6 kap. 38 §; förvaltningslagen (2017:900) 41 §.", model.reference.statutes)
    assert cited == [RuleCitation("X", "2016:1145", "6", "38"), RuleCitation("X", "2016:1146", "6", "38"),
                     RuleCitation("X", "2017:725", "6", "38"), RuleCitation("X", "2017:900", None, "41")]
    assert left == []
    cited, _ = citations_in("X", "KL 6 kap. 37 § och LOU 19 a kap.", model.reference.statutes)
    assert cited == [RuleCitation("X", "2017:725", "6", "37"), RuleCitation("X", "2016:1145", "19 a", None)]
    # a statute named in passing before another, with words between them, is cited as a whole
    cited, _ = citations_in("X", "LOU gäller inte; LUF 5 kap.", model.reference.statutes)
    assert cited == [RuleCitation("X", "2016:1145", None, None), RuleCitation("X", "2016:1146", "5", None)]


def test_a_paragraph_without_a_statute_is_kept_as_unattributed(model: Model) -> None:
    cited, left = citations_in("X", "Se 6 kap. 38 § och 7 §.", model.reference.statutes)
    assert cited == []
    assert left == ["6 kap. 38 §", "7 §"]


def test_running_name_means_the_statute_in_force(model: Model) -> None:
    """Two socialtjänstlagar are in the register; "socialtjänstlagen" is the one that applies now."""
    cited, _ = citations_in("X", "socialtjänstlagen 4 kap. 1 §", model.reference.statutes)
    assert cited == [RuleCitation("X", "2025:400", "4", "1")]
