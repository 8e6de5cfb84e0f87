"""Benchmark of the OPA bundle against `decide` in-process: prints figures, asserts nothing.

    python -m bench.opa [--rules build/site/rules/v1] [--questions 200]

Without --rules the JSON rules (and the bundle) are rendered from policies/ first. The same mixed
questions (every kind: delegation, travel, whistleblowing, procurement, attest; dates and amounts
across the periods and tiers) are asked of the bundle's policy in regopy (rego-cpp, the engine the
tests use; OPA itself cannot be installed here) and of `decide`'s engine over decisions.json, which
builds the same status and facts (the explanation not asked for). Figures: loading and compiling
the bundle, and questions per second for each, per kind.
"""

from __future__ import annotations

import argparse
import itertools
import json
import time
from pathlib import Path
from typing import Any

AMOUNTS = [0, 30_000, 100_000, 250_000, 700_000, 5_500_000]
DAYS = ["2026-06-30", "2026-11-23", "2027-01-01"]


def _published(rules: Path | None) -> tuple[bytes, bytes]:
    """(decisions.json, the bundle), from --rules or rendered from policies/."""
    from generators.outputs.opa import BUNDLE_PATH

    if rules is not None:
        return (rules / "decisions.json").read_bytes(), (rules / BUNDLE_PATH).read_bytes()
    from generators.clock import build_date
    from generators.loading.documents import load_policies
    from generators.model import build_model
    from generators.outputs.rules import render_rules
    from generators.paths import DEFAULT_POLICIES, REPO_ROOT

    files = render_rules(build_model(load_policies(DEFAULT_POLICIES)), build_date(REPO_ROOT), None)
    return files["decisions.json"], files[BUNDLE_PATH]


def _questions(tables: dict[str, Any], per_kind: int) -> dict[str, list[dict[str, Any]]]:
    """`per_kind` questions of each kind, cycling over what the tables hold."""
    found: dict[str, list[dict[str, Any]]] = {}
    delegation = tables.get("delegation") or {}
    found["delegation"] = [{"question": "delegation", "matter": m, "amount": a, "date": d}
                           for m, a, d in itertools.product(sorted(delegation.get("matters", {})), AMOUNTS, DAYS)]
    travel = tables.get("travel") or {}
    countries = ["SE", "NO", "DE", "US", "JP"]
    found["travel"] = [{"question": "travel", "traveller": t.split(":", 1)[1], "country": c, "date": d}
                       for t, c, d in itertools.product(sorted(k for k in travel.get("travellers", {}) if k.startswith("position:")), countries, DAYS)]
    whistle = tables.get("whistleblowing") or {}
    found["whistleblowing"] = [{"question": "whistleblowing", "concerns": k, "date": d}
                               for k, d in itertools.product(sorted(whistle.get("concerned", {})), DAYS)]
    versions = (tables.get("procurement") or {}).get("versions", [])
    keys = sorted({key for version in versions for key in version["tables"]})
    found["procurement"] = [{"question": "procurement", "regime": k.split("/")[0], "category": k.split("/")[1], "value": a, "date": d}
                            for k, a, d in itertools.product(keys, AMOUNTS, DAYS)]
    attest = tables.get("attest") or {}
    codes = sorted({a["code"] for f in attest.get("lists", []) for a in f["ansvar"]})
    found["attest"] = [{"question": "attest", "ansvar": c, "amount": a, "category": None, "for": None, "date": d}
                       for c, a, d in itertools.product(codes, AMOUNTS, ["2026-03-02", "2026-11-23"])]
    return {kind: (qs * (per_kind // len(qs) + 1))[:per_kind] for kind, qs in found.items() if qs}


def _decide(decider: Any, tables: dict[str, Any], q: dict[str, Any]) -> tuple[str, Any]:
    from generators.decide.attest import chain

    kind = q["question"]
    if kind == "delegation":
        answer = decider.delegation(q["matter"], q["amount"], q["date"])
    elif kind == "travel":
        answer = decider.travel(q["traveller"], q["country"], q["date"])
    elif kind == "whistleblowing":
        answer = decider.whistleblowing(q["concerns"], q["date"])
    elif kind == "procurement":
        answer = decider.procurement(q["value"], q["date"], q["regime"], q["category"])
    else:
        answer = chain(tables["attest"], q["ansvar"], q["amount"], q["category"], q["for"], q["date"])
    return answer.status, answer.facts


def _rate(count: int, seconds: float) -> str:
    return f"{count / seconds:>12,.0f}".replace(",", " ") + " frågor/s"


def rates(rules: Path | None, per_kind: int = 20, budget: float = 30.0) -> tuple[float, float, float]:
    """(loading and compiling the bundle in seconds, the bundle's questions per second, `decide`'s
    in-process), over the same mixed questions of every kind, taken in turn (the benchmark's row).
    The bundle answers a few a second in regopy, so its questions stop after `budget` seconds."""
    from generators.decide.engine import Decider
    from generators.outputs.opa.evaluate import BundleEngine

    decisions, bundle = _published(rules)
    tables = json.loads(decisions)
    del decisions
    start = time.perf_counter()
    engine = BundleEngine(bundle)
    compiled = time.perf_counter() - start
    decider = Decider(tables)
    by_kind = list(_questions(tables, per_kind).values())
    questions = [kind[i] for i in range(per_kind) for kind in by_kind]  # every kind in turn
    start = time.perf_counter()
    asked = 0
    for question in questions:
        engine.answer(question)
        asked += 1
        if time.perf_counter() - start > budget:
            break
    rego = asked / (time.perf_counter() - start)
    many = questions * 20
    start = time.perf_counter()
    for question in many:
        _decide(decider, tables, question)
    native = len(many) / (time.perf_counter() - start)
    return compiled, rego, native


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", type=Path, help="mapp med publicerade JSON-regler (decisions.json och opa/bundle.tar.gz)")
    parser.add_argument("--questions", type=int, default=200, help="frågor per frågetyp till paketet (decide får 100 gånger fler)")
    args = parser.parse_args()
    from generators.decide.engine import Decider
    from generators.outputs.opa.evaluate import BundleEngine

    decisions, bundle = _published(args.rules)
    tables = json.loads(decisions)
    start = time.perf_counter()
    engine = BundleEngine(bundle)
    print(f"{'OPA-paketet i regopy: läsa in och kompilera':<52} {time.perf_counter() - start:>9.2f} s  ({len(bundle) / 1e6:.1f} MB packat)")
    decider = Decider(tables)
    print(f"{'Frågetyp':<16} {'paketet (regopy)':>22} {'decide i processen':>22} {'kvot':>10}")
    for kind, questions in _questions(tables, args.questions).items():
        start = time.perf_counter()
        for question in questions:
            engine.answer(question)
        rego = time.perf_counter() - start
        many = questions * 100
        start = time.perf_counter()
        for question in many:
            _decide(decider, tables, question)
        native = time.perf_counter() - start
        ratio = (len(many) / native) / (len(questions) / rego)
        print(f"{kind:<16} {_rate(len(questions), rego):>22} {_rate(len(many), native):>22} {ratio:>9,.0f}×".replace(",", " "))


if __name__ == "__main__":
    main()
