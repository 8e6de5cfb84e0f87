"""The attest chains the engine joins (generators/audit/attest_chain.py) are the chains `decide attest`
gives: for sampled questions (ansvar, amount, category, whose costs, day) the answer SQL picks from
the loaded grid equals `generators.decide.attest.chain`'s, status and steps (attestant, substitute)
alike. `decide` is the oracle; nothing here restates an attest rule."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from generators.audit.attest_chain import REQUIRED_SQL, load_chains
from generators.audit.engine import INVOICE_COLUMNS, Engine
from generators.audit.run import load_model
from generators.decide.answers import ANSWERED
from generators.decide.attest import chain
from generators.decide.attest_grid import attest_grid
from generators.decide.sources import tables_of_model
from tests.conftest import REPO

POLICIES = REPO / "tests" / "fixtures" / "kommun" / "policies"
AS_OF = date(2026, 12, 1)


@cache
def _tables() -> tuple[Any, dict[str, Any], dict[str, Any]]:
    model = load_model(POLICIES)
    table = tables_of_model(model, AS_OF)["attest"]
    grid = attest_grid(table)
    assert grid is not None
    return model, table, grid


def _interesting() -> tuple[list[str], list[str], list[float], list[str]]:
    """Values a question may take: the ansvar codes, categories, the amounts at and around every cut,
    and the positions (each with some that no table has)."""
    _, table, grid = _tables()
    codes = sorted({a["code"] for f in table["lists"] for a in f["ansvar"]}) + ["9999"]
    categories = sorted({c["id"] for r in table["reglementen"] for c in r["categories"]})
    cuts = {cut["value"] for s in grid["segments"] for g in s["ansvar"].values() for cut in g["cuts"]}
    amounts = sorted({max(0.0, float(c) + d) for c in cuts for d in (-1, -0.01, 0, 0.01, 1)})
    positions = sorted(table["line_of_command"])[:40] + ["okand_befattning"]
    return codes, categories, amounts, positions


def _days() -> list[date]:
    _, table, _ = _tables()
    edges = {date.fromisoformat(r["document"]["valid_from"]) for r in table["reglementen"]}
    edges |= {date.fromisoformat(f["period"][k]) for f in table["lists"] for k in ("from", "to")}
    return sorted({d + timedelta(days=k) for d in edges for k in (-1, 0, 1)})


@st.composite
def questions(draw: st.DrawFn) -> tuple[str, float, str | None, str | None, date]:
    codes, categories, amounts, positions = _interesting()
    amount = draw(st.one_of(st.sampled_from(amounts), st.floats(min_value=0, max_value=2_000_000, allow_nan=False).map(lambda a: round(a, 2))))
    return (draw(st.sampled_from(codes)), amount, draw(st.one_of(st.none(), st.sampled_from(categories))),
            draw(st.one_of(st.none(), st.sampled_from(positions))), draw(st.sampled_from(_days())))


@settings(max_examples=25, deadline=None)
@given(st.lists(questions(), min_size=1, max_size=40))
def test_sql_verdicts_are_the_chains_decide_gives(asked: list[tuple[str, float, str | None, str | None, date]]) -> None:
    model, table, grid = _tables()
    assert model.organisation is not None
    engine = Engine()
    try:
        load_chains(engine, table, model.organisation)
        # The account is the category's own id here, mapped to it on every day asked.
        engine.load("invoices", INVOICE_COLUMNS, ((i, f"F{i}", "s", str(i), day.isoformat(), f"{amount:.2f}", False, code, category, holder,
                                                   None, True, "f", i + 2, None, None) for i, (code, amount, category, holder, day) in enumerate(asked)))
        engine.load("attest_accounts", (("account", "VARCHAR"), ("day", "DATE"), ("category", "VARCHAR")),
                    sorted({(c, d.isoformat(), c) for _, _, c, _, d in asked if c is not None}))
        engine.db.execute(REQUIRED_SQL)
        picked = dict(engine.rows("SELECT idx, answer FROM attest_required"))
    finally:
        engine.close()
    for index, (code, amount, category, holder, day) in enumerate(asked):
        expected = chain(table, code, float(f"{amount:.2f}"), category, holder, day.isoformat())
        answer = picked[index]
        if answer is None:  # no row for the ansvar on the day: decide finds no förteckning either
            assert expected.status != ANSWERED, (code, amount, category, holder, day)
            continue
        got = grid["answers"][answer]
        assert got["status"] == expected.status, (code, amount, category, holder, day)
        if expected.status == ANSWERED:
            assert expected.facts is not None and got["answer"] is not None
            want = [(s["step"], (s["attestant"] or {}).get("key"), (s["substitute"] or {}).get("key")) for s in expected.facts["steps"]]
            have = [(s["step"], (s["attestant"] or {}).get("key"), (s["substitute"] or {}).get("key")) for s in got["answer"]["steps"]]
            assert have == want, (code, amount, category, holder, day)
