"""The "Vem beslutar?" page in Chromium gives the same answers as `decide` for every behaviour case.

Each case in tests/decisions/*.yaml is asked through the page's form (or, when the form cannot offer
the question's value – an id that does not exist, a matter asked in another body – through the
page's address, `?fraga=…`). The displayed answer must equal `decide`'s answer from the same
published rules/v1/decisions.json: the status, the summary, every sentence of the explanation, and every
fact the page shows (each carries its place in the answer, `data-fact`, and its value); and the
case's own expectations (decision maker, approver, handler, procedure …) must hold on the page.

Cases that edit the policies get decision tables rendered from the edited copy, served to the page in
place of the published file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from generators.decide import Decider, from_rules
from generators.loading.documents import load_policies
from generators.model import build_model
from generators.outputs.rules import render_rules
from tests.browser.conftest import Visit, axe_problems, close_visit, open_visit
from tests.conftest import TODAY
from tests.decide.test_decision_cases import ALL_CASES, COMMIT, Case, asks_the_example, case_key, case_policies, plain
from tests.decide.test_decision_cases import ask as decide_ask

PAGE = "vem-beslutar/"
FORMS = {"delegation": "vb-delegation", "travel": "vb-resa", "whistleblowing": "vb-visselblasning", "procurement": "vb-upphandling"}
# Statuses of questions the form cannot offer: the thing asked about does not exist, or is asked in the
# wrong body. Every other case must be askable through the form itself.
ONLY_BY_ADDRESS = {"not_found", "other_body"}
# Facts a case may expect that the page does not show as such: the travel approval table's internal
# cell id and the whistleblowing route's id (for developers; the page names the cell and the rule in
# the policy's words instead: the explanation, and route_text).
NOT_SHOWN = {"approval", "route"}
# The key facts of each kind of question: the page must show them whenever a case expects them.
KEY_FACTS = ("decided_by", "approver", "handler", "procedure", "substitute", "handover_to", "named_approver",
             "matters", "tiers", "by_traveller", "by_concerned", "signing")

READ_ANSWER = """section => {
  const result = section.querySelector('.vb-resultat');
  if (!result) return null;
  const summary = result.querySelector('.vb-sammanfattning');
  return {
    status: result.getAttribute('data-status'),
    kind: result.getAttribute('data-kind'),
    summary: summary ? summary.textContent : null,
    explanation: Array.from(result.querySelectorAll('.vb-forklaring > li'), li => li.textContent),
    steps: Array.from(result.querySelectorAll('.vb-steg > li'), li => li.textContent),
    facts: Array.from(result.querySelectorAll('[data-fact]'), e => ({
      path: e.getAttribute('data-fact'), value: JSON.parse(e.getAttribute('data-value')), text: e.textContent })),
    text: result.textContent,
  };
}"""


# -- fixtures ------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def published(site_dir: Path) -> Decider:
    """`decide` answering from the published JSON the page reads."""
    return from_rules(site_dir / "rules" / "v1")


@pytest.fixture(scope="module")
def form_page(browser: Any, base_url: str) -> Any:
    """One page of the form for all cases on the published tables (loading the tables once)."""
    visit = open_visit(browser, base_url)
    open_form(visit)
    yield visit
    close_visit(visit)


_EDITED: dict[str, tuple[bytes, Decider]] = {}


def serve_tables(page: Any, tables: dict[str, Any]) -> None:
    """Serve `tables` (decisions.json's data) to the page the way the site publishes them: split into
    rules/v1/decisions/index.json and its parts (generators/outputs/rules/decision_parts.py)."""
    from generators.outputs.rules.decision_parts import document_bodies_of, split_tables

    files = split_tables(tables, document_bodies_of(tables))

    def fulfil(route: Any) -> None:
        path = "decisions/" + route.request.url.split("/rules/v1/decisions/", 1)[1].split("?", 1)[0]
        if path in files:
            route.fulfill(status=200, body=files[path], headers={"Content-Type": "application/json"})
        else:
            route.fulfill(status=404, body=b"not here")

    page.route("**/rules/v1/decisions/**", fulfil)


@pytest.fixture(scope="module")
def edited_tables(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Decision tables of the tree a case asks, with its edits (cached per tree): (decisions.json, decide)."""

    def tables_for(spec: dict[str, Any]) -> tuple[bytes, Decider]:
        key = case_key(spec)
        if key not in _EDITED:
            folder = tmp_path_factory.mktemp("edited")
            policies = case_policies(spec, folder / "policies")
            rules = folder / "rules"
            for relative, data in render_rules(build_model(load_policies(policies)), TODAY, COMMIT).items():
                target = rules / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
            _EDITED[key] = ((rules / "decisions.json").read_bytes(), from_rules(rules))
        return _EDITED[key]

    return tables_for


def open_form(visit: Visit, query: str = "") -> None:
    visit.open(PAGE + query)
    visit.page.wait_for_selector("#vb-delegation:not([hidden])")


# -- asking through the form -----------------------------------------------------------------------
def _has_option(page: Any, select: str, value: str) -> bool:
    return bool(page.eval_on_selector(select, "(s, v) => Array.from(s.options).some(o => o.value === v)", value))


def _choose(page: Any, select: str, value: str) -> bool:
    if not _has_option(page, select, value):
        return False
    page.select_option(select, value)
    return True


def _first_offered(page: Any, select: str, candidates: list[str]) -> bool:
    return any(_choose(page, select, value) for value in candidates)


def _amount(value: Any) -> str:
    """A kronor amount as staff type it: 30 000, 1 250,5."""
    if value is None:
        return ""
    whole = int(value)
    text = f"{whole:,}".replace(",", " ")
    if value != whole:
        text += "," + f"{value:.2f}".split(".")[1]
    return text


def fill_form(page: Any, kind: str, question: dict[str, Any]) -> bool:
    """Fill the form for `question` (decide's own, with defaults resolved); False if it cannot be offered."""
    form = f"#{FORMS[kind]}"
    q = question
    if kind == "delegation":
        if not _choose(page, f"{form} [name=organ]", q["body"] or ""):
            return False
        page.wait_for_selector(f"{form}:not([aria-busy])")  # the body's delegation table is fetched on choosing it
        if q["matter"] is None:
            if not (_choose(page, f"{form} [name=arendetyp]", q["matter_kind"] or "") and _choose(page, f"{form} [name=arende]", "*")):
                return False
        elif not (_choose(page, f"{form} [name=arendetyp]", "") and _choose(page, f"{form} [name=arende]", q["matter"])):
            return False
        page.fill(f"{form} [name=belopp]", _amount(q["amount"]))
    elif kind == "travel":
        if q["traveller"]:
            who = [q["traveller"], f"position:{q['traveller']}", f"role_type:{q['traveller']}"]
        else:
            who = [f"seat:{q['seat']}@{q['body']}" if q["seat"] else f"body:{q['body']}"]
        if not (_first_offered(page, f"{form} [name=resenar]", who) and _choose(page, f"{form} [name=land]", q["country"])):
            return False
    elif kind == "whistleblowing":
        concerns = q["concerns"]
        candidates = [concerns] + [f"{prefix}:{concerns}" for prefix in ("position", "category", "external", "function", "role_type")]
        if not _first_offered(page, f"{form} [name=galler]", candidates):
            return False
    elif kind == "procurement":
        page.fill(f"{form} [name=varde]", _amount(q["value"]))
        if not (_choose(page, f"{form} [name=lag]", q["regime"]) and _choose(page, f"{form} [name=kategori]", q["category"])
                and _choose(page, f"{form} [name=organ]", q["body"])):
            return False
    page.fill(f"{form} [name=datum]", q["date"])
    return True


def address(kind: str, question: dict[str, Any]) -> str:
    """The page's address for a question (the names the form's fields have)."""
    q = question
    params: dict[str, Any]
    if kind == "delegation":
        params = {"fraga": "delegation", "organ": q["body"], "arendetyp": q["matter_kind"],
                  "arende": q["matter"] if q["matter"] is not None else "*", "belopp": q["amount"]}
    elif kind == "travel":
        who = q["traveller"] or (f"seat:{q['seat']}@{q['body']}" if q["seat"] else f"body:{q['body']}")
        params = {"fraga": "resa", "resenar": who, "land": q["country"]}
    elif kind == "whistleblowing":
        params = {"fraga": "visselblasning", "galler": q["concerns"]}
    else:
        params = {"fraga": "upphandling", "varde": q["value"], "lag": q["regime"], "kategori": q["category"], "organ": q["body"]}
    params["datum"] = q["date"]
    return "?" + urlencode({k: v for k, v in params.items() if v is not None})


def read_answer(page: Any, kind: str) -> dict[str, Any]:
    section = page.locator(f"#{FORMS[kind]}-svar")
    section.locator(".vb-resultat").wait_for()
    return section.evaluate(READ_ANSWER)


def ask_page(page: Any, kind: str, question: dict[str, Any]) -> dict[str, Any] | None:
    """Ask through the form and read the displayed answer; None when the form cannot offer the question."""
    page.eval_on_selector(f"#{FORMS[kind]}-svar", "s => { s.replaceChildren(); s.hidden = true; }")
    if not fill_form(page, kind, question):
        return None
    page.click(f"#{FORMS[kind]} button[type=submit]")
    return read_answer(page, kind)


# -- comparing ---------------------------------------------------------------------------------------
def at(data: Any, path: list[str]) -> Any:
    node = data
    for step in path:
        if isinstance(node, list):
            assert step.isdigit() and int(step) < len(node), f"no item {step} in {node!r}"
            node = node[int(step)]
        else:
            assert isinstance(node, dict) and step in node, f"no '{step}' in {node!r}"
            node = node[step]
    return node


def compare(shown: dict[str, Any], expected: dict[str, Any], case: Case) -> None:
    """The page's answer against decide's (JSON form), then the case's own expectations."""
    where = f"{case.file}: {case.name}"
    assert shown is not None, f"{where}: no answer shown"
    assert shown["status"] == expected["status"], f"{where}: status {shown['status']} != {expected['status']}"
    summary = expected["summary"]
    if "--" in summary:  # decide names a command-line option; the page names the field instead
        assert shown["summary"].startswith(summary.split("--")[0]), f"{where}: {shown['summary']!r}"
    else:
        assert shown["summary"] == summary, f"{where}: summary\n page:   {shown['summary']}\n decide: {summary}"
    assert shown["explanation"] == expected["explanation"], (
        f"{where}: explanation differs\n page:\n  " + "\n  ".join(shown["explanation"])
        + "\n decide:\n  " + "\n  ".join(expected["explanation"]))
    assert shown["steps"] == expected["steps"], f"{where}: 'Så här gör du' differs\n page: {shown['steps']}\n decide: {expected['steps']}"
    facts = expected["answer"]
    by_path = {fact["path"]: fact for fact in shown["facts"]}
    for path, fact in by_path.items():
        assert facts is not None, f"{where}: the page shows {path} but decide's answer has no facts"
        assert fact["value"] == at(facts, path.split(".")), f"{where}: {path} on the page is {fact['value']!r}"
        if isinstance(fact["value"], dict) and "label" in fact["value"]:
            # (a label may start with a capital letter on the page where it starts a line)
            assert fact["value"]["label"].casefold() in fact["text"].casefold(), f"{where}: {path} shows {fact['text']!r}"
    text = plain(shown["text"])
    for key, wanted in case.spec["expect"].items():
        if key == "status":
            continue
        if key in ("summary_contains", "explanation_contains", "steps_contains"):
            for part in wanted:
                assert part in text, f"{where}: {part!r} is not on the page"
            continue
        steps = key.split(".")
        prefix = next((n for n in range(len(steps), 0, -1) if ".".join(steps[:n]) in by_path), 0)
        if not prefix:
            assert steps[0] not in KEY_FACTS, f"{where}: the page does not show {key}"
            assert key in NOT_SHOWN, f"{where}: the page does not show {key} (expected {wanted!r})"
            continue
        value = at(by_path[".".join(steps[:prefix])]["value"], steps[prefix:])
        assert value == wanted, f"{where}: {key} on the page is {value!r}, the case expects {wanted!r}"


@pytest.mark.parametrize("case", ALL_CASES, ids=[f"{c.file}: {c.name}" for c in ALL_CASES])
def test_page_answers_like_decide(case: Case, published: Decider, form_page: Visit, edited_tables: Any,
                                  browser: Any, base_url: str) -> None:
    edits = not asks_the_example(case.spec)
    if edits:
        decisions, decider = edited_tables(case.spec)
        visit = open_visit(browser, base_url)
        serve_tables(visit.page, json.loads(decisions))
        open_form(visit)
    else:
        decider, visit = published, form_page
    try:
        expected = decide_ask(decider, case.spec["ask"]).to_json()
        kind = expected["kind"]
        question = expected["question"]  # decide's own reading of the case, defaults filled in
        shown = ask_page(visit.page, kind, question)
        if shown is None:
            assert expected["status"] in ONLY_BY_ADDRESS, (
                f"the form does not offer this question, but decide answers it ({expected['status']}): {question}")
            open_form(visit, address(kind, question))
            shown = read_answer(visit.page, kind)
        compare(shown, expected, case)
        visit.assert_clean(case.name)
    finally:
        if edits:
            close_visit(visit)


# -- keyboard, errors, addresses ---------------------------------------------------------------------
def _tab_to(page: Any, selector: str, limit: int = 200) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def type_date(page: Any, selector: str, day: str) -> None:
    """Type a date into the focused date field, part by part, in the order the browser shows them
    (headless Chromium shows month/day/year whatever the page's language; a Swedish one year-month-day)."""
    year, month, date = day.split("-")
    for order in ((month, date, year), (year, month, date)):
        for _ in range(3):
            page.keyboard.press("ArrowLeft")  # to the first part of the field
        page.keyboard.type("".join(order))
        if page.input_value(selector) == day:
            return
    raise AssertionError(f"could not type {day} into {selector}: it shows {page.input_value(selector)!r}")


def test_form_is_filled_and_submitted_by_keyboard_alone(visit: Visit, published: Decider) -> None:
    open_form(visit)
    page = visit.page
    _tab_to(page, "#vb-d-organ")
    page.keyboard.type("Socialnämnden")  # a closed select takes typed text as a search
    assert page.input_value("#vb-d-organ") == "socialnamnden"
    _tab_to(page, "#vb-d-belopp")
    page.keyboard.press("Enter")  # submitting without a matter: a clear message at the field
    error = page.locator("#vb-d-arende-fel")
    error.wait_for()
    assert "Välj ett ärende" in error.inner_text()
    assert page.evaluate("() => document.activeElement.id") == "vb-d-arende", "focus does not go to the field to fix"
    assert page.get_attribute("#vb-d-arende", "aria-invalid") == "true"
    assert "vb-d-arende-fel" in (page.get_attribute("#vb-d-arende", "aria-describedby") or "")
    problems = axe_problems(page)
    assert not problems, "axe-core on the form with an error message:\n" + "\n".join(problems)

    page.keyboard.type("3.2 Avskrivning")
    assert page.input_value("#vb-d-arende") == "soc-ekonomi-avskrivning-fordringar"
    _tab_to(page, "#vb-d-belopp")
    page.keyboard.type("30 000")
    _tab_to(page, "#vb-d-datum")
    type_date(page, "#vb-d-datum", "2026-11-23")
    _tab_to(page, "#vb-delegation button[type=submit]")
    page.keyboard.press("Enter")
    shown = read_answer(page, "delegation")
    assert page.evaluate("() => document.activeElement.classList.contains('vb-svar-rubrik')"), "focus does not move to the answer"
    assert page.locator("#vb-d-arende-fel").count() == 0, "the error message stays after the question is fixed"
    expected = published.delegation("soc-ekonomi-avskrivning-fordringar", 30000, "2026-11-23", "socialnamnden").to_json()
    assert shown["status"] == expected["status"] == "answered"
    assert shown["summary"] == expected["summary"]
    decided_by = next(f for f in shown["facts"] if f["path"] == "decided_by")
    assert decided_by["value"]["key"] == expected["answer"]["decided_by"]["key"] == "role_type:enhetschef_soc"
    problems = axe_problems(page)
    assert not problems, "axe-core on the page with an answer:\n" + "\n".join(problems)
    # Links in the answer lead to the decision maker's page and to the matter in the delegationsordning.
    hrefs = page.eval_on_selector_all("#vb-delegation-svar a", "links => links.map(a => a.href)")
    assert any(h.endswith("/rolltyper/enhetschef_soc/") for h in hrefs), hrefs
    assert any(h.endswith("/delegationsordningar/socialnamnden/#soc-ekonomi-avskrivning-fordringar") for h in hrefs), hrefs
    visit.assert_clean("keyboard")


def test_an_answer_has_an_address_that_answers_again(visit: Visit) -> None:
    open_form(visit)
    page = visit.page
    page.select_option("#vb-r-resenar", "position:socialchef")
    page.select_option("#vb-r-land", "CA")
    page.fill("#vb-r-datum", "2026-11-23")
    page.click("#vb-resa button[type=submit]")
    first = read_answer(page, "travel")
    assert "fraga=resa" in page.url and "resenar=position%3Asocialchef" in page.url and "land=CA" in page.url
    page.reload()
    again = read_answer(page, "travel")
    assert again == first
    assert page.input_value("#vb-r-resenar") == "position:socialchef"
    visit.assert_clean("address")


def test_text_from_the_tables_is_never_markup(visit: Visit, site_dir: Path) -> None:
    """A hostile label in decisions.json shows up as text on the page, never as an element."""
    tables = json.loads((site_dir / "rules" / "v1" / "decisions.json").read_text(encoding="utf-8"))
    hostile = '<img src=x onerror="window.__owned=1">Socialnämnden'
    tables["delegation"]["bodies"]["socialnamnden"] = hostile
    for version in tables["delegation"]["matters"]["soc-ekonomi-avskrivning-fordringar"]:
        version["matter"]["title"] = "<script>window.__owned=2</script>Avskrivning"
    serve_tables(visit.page, tables)
    open_form(visit, "?fraga=delegation&organ=socialnamnden&arende=soc-ekonomi-avskrivning-fordringar&belopp=1000&datum=2026-11-23")
    shown = read_answer(visit.page, "delegation")
    assert "<script>window.__owned=2</script>Avskrivning" in shown["text"]
    options = visit.page.eval_on_selector("#vb-d-organ", "s => Array.from(s.options, o => o.textContent)")
    assert hostile in options
    assert visit.page.evaluate("() => window.__owned === undefined")
    assert visit.page.locator("#vb-delegation-svar img, #vb-delegation-svar script, #vb-d-organ img").count() == 0
    visit.assert_clean("hostile tables")


def test_missing_tables_are_reported_on_the_page(visit: Visit) -> None:
    visit.page.route("**/rules/v1/decisions/index.json", lambda route: route.fulfill(status=404, body=b"not here"))
    visit.open(PAGE)
    status = visit.page.locator("#vb-status")
    status.filter(has_text="kunde inte hämtas").wait_for()
    assert visit.page.locator("#vb-delegation").is_hidden(), "the form is shown without tables to answer from"
    # The browser itself reports the failed request in the console; that is the only error expected.
    assert all("404" in e for e in visit.console_errors), visit.console_errors
    visit.console_errors.clear()
    visit.assert_clean("missing tables")


def test_the_page_loads_only_the_parts_it_needs(visit: Visit) -> None:
    """The index and the small tables at once; a body's delegation table only when that body is chosen."""
    fetched: list[str] = []
    visit.page.on("request", lambda request: fetched.append(request.url.split("/rules/v1/", 1)[1])
                  if "/rules/v1/" in request.url else None)
    open_form(visit)
    assert "decisions/index.json" in fetched
    assert "decisions.json" not in fetched
    assert not [path for path in fetched if path.startswith("decisions/delegation/")], fetched
    visit.page.select_option("#vb-d-organ", "socialnamnden")
    visit.page.wait_for_function("() => Array.from(document.querySelector('#vb-d-arende').options)"
                                 ".some(o => o.value === 'soc-ekonomi-avskrivning-fordringar')")
    assert [path for path in fetched if path.startswith("decisions/delegation/")] == ["decisions/delegation/socialnamnden.json"]
    visit.assert_clean("parts")


def test_the_amount_field_says_what_the_chosen_matters_limits_count_per(visit: Visit) -> None:
    """A five-year lease is asked per year when the matter's limits are per year (issue: the unit of
    every limit is shown where the amount is asked)."""
    open_form(visit)
    page = visit.page
    help_text = page.locator("#vb-d-belopp-hjalp")
    assert "Lämna tomt" in help_text.inner_text()  # no matter chosen: the general help
    page.select_option("#vb-d-organ", "kommunstyrelsen")
    page.wait_for_function("() => document.querySelector('#vb-d-arende option[value=\"ks-avtal-ovriga-avtal\"]') !== null")
    page.select_option("#vb-d-arende", "ks-avtal-ovriga-avtal")
    assert help_text.inner_text() == "Beloppsgränserna i ärendet gäller per år och samma slag. Till exempel 30 000."
    page.select_option("#vb-d-arende", "")
    assert "Lämna tomt" in help_text.inner_text()
