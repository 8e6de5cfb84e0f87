"""Every attest chain `decide attest` can give, precomputed by `chain` itself, as plain data for lookup.

The attest chain is logic (the amount level, the own-costs and director rules, the third step's
independence), not a table. An engine that only looks up data (the OPA bundle's Rego,
generators/outputs/opa/) needs the answers written out, and they are computed here by calling
`generators.decide.attest.chain` over every class of question, so the chain stays implemented once.

What the answer depends on is finite, and each input falls into one class:
- the day: a segment between two consecutive dates on which a reglemente or a förteckning begins or
  ends (within a segment the same documents are in force);
- the amount: a band between two cuts (the ansvar's level's `up_to`, above which another attestant
  decides, and the third step's `from_amount`, from which it applies);
- the category: none; one of the reglemente's categories; `unknown`, any other id;
- whose costs (`--for`): none; a position the chain treats specially for the ansvar (the director
  of the director rule, an attestant of the ansvar or a chef above one); `other`, any other
  position (the same chain as none, computed for one of them); `unknown`, an id not in the line.

Layout (the `attest` key of the bundle's data):

    segments: [{from, to, not_found: status,
                ansvar: {code: {cuts: [{value, inclusive}], none|other|unknown: GRID, positions: {pid: GRID}}}}]
    answers:  [{status, answer}]
    GRID:     {none|unknown: BANDS, categories: {id: BANDS}}; BANDS: [answer index per band]

Lookup: the segment whose from ≤ day ≤ to (to null: open) → `ansvar[code]` (missing: the segment's
`not_found` status) → the class of `for` (`line_of_command` in the attest table tells a position)
→ the class of the category → the last band whose cut the amount reaches (amount > value, or ≥
where inclusive) → `answers[index]`.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from generators.decide.attest import chain

_FIRST_DAY = "0001-01-01"


def _after(day: str) -> str:
    """The next day (the last day there is has none: it stays itself)."""
    return day if day == date.max.isoformat() else (date.fromisoformat(day) + timedelta(days=1)).isoformat()


def _segments(table: dict[str, Any]) -> list[tuple[str, str | None]]:
    """(from, to) of each day segment, from the first day there is to an open end."""
    starts = {_FIRST_DAY}
    for reglemente in table["reglementen"]:
        document = reglemente["document"]
        starts.add(document["valid_from"])
        if document["valid_to"]:
            starts.add(_after(document["valid_to"]))
    for forteckning in table["lists"]:
        starts.add(forteckning["period"]["from"])
        starts.add(_after(forteckning["period"]["to"]))
    ordered = sorted(starts)
    ends: list[str | None] = [(date.fromisoformat(n) - timedelta(days=1)).isoformat() for n in ordered[1:]]
    return list(zip(ordered, [*ends, None], strict=True))


def _cuts(level: dict[str, Any] | None, reglemente: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Where an ansvar's amount bands begin: 0 kr, above its level's `up_to` (another attestant
    decides there) and at the third step's `from_amount`."""
    cuts = {(0, True)}
    if level is not None and level["up_to"] is not None:
        cuts.add((level["up_to"], False))
    third = (reglemente or {}).get("third_step")
    if third is not None and third["from_amount"] is not None:
        cuts.add((third["from_amount"], True))
    # At one value, "from v" (inclusive) begins before "above v".
    return [{"value": value, "inclusive": inclusive} for value, inclusive in sorted(cuts, key=lambda c: (c[0], not c[1]))]


def _representatives(cuts: list[dict[str, Any]]) -> list[float]:
    """An amount inside each band: the cut itself where inclusive, else between it and the next."""
    amounts: list[float] = []
    for index, cut in enumerate(cuts):
        if cut["inclusive"]:
            amounts.append(cut["value"])
            continue
        following = cuts[index + 1]["value"] if index + 1 < len(cuts) else None
        amounts.append(cut["value"] + 1 if following is None or following > cut["value"] + 1 else (cut["value"] + following) / 2)
    return amounts


def _in_force(reglemente: dict[str, Any], day: str) -> bool:
    document = reglemente["document"]
    return bool(document["status"] == "antagen" and document["valid_from"] <= day and (document["valid_to"] is None or day <= document["valid_to"]))


def _special_positions(table: dict[str, Any], reglemente: dict[str, Any] | None, ansvar: dict[str, Any]) -> list[str]:
    """The positions whose costs the chain treats differently for this ansvar (see the module docstring)."""
    line = table["line_of_command"]
    found: set[str] = set()
    for actor in (ansvar["decider"], ansvar["substitute"], ansvar["above_level"]):
        if actor is not None and actor["kind"] == "position" and actor["id"] in line:
            found.add(actor["id"])
            found.update(line[actor["id"]]["superiors"])
    director = (reglemente or {}).get("director_costs")
    if director is not None and director["director"]["kind"] == "position":
        found.add(director["director"]["id"])
    return sorted(p for p in found if p in line)


class _Answers:
    """The distinct answers, each stored once and referred to by index."""

    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []
        self._index: dict[str, int] = {}

    def add(self, status: str, facts: dict[str, Any] | None) -> int:
        import json

        item = {"status": status, "answer": _without_reasons(facts)}
        key = json.dumps(item, sort_keys=True)
        if key not in self._index:
            self._index[key] = len(self.items)
            self.items.append(item)
        return self._index[key]


def _without_reasons(facts: dict[str, Any] | None) -> dict[str, Any] | None:
    """The facts without the steps' Swedish reasons (the explanation is `decide`'s to give)."""
    if facts is None:
        return None
    steps = [{k: v for k, v in step.items() if k not in ("reasons", "substitute_reasons")} for step in facts["steps"]]
    return {**facts, "steps": steps}


def attest_grid(table: dict[str, Any] | None) -> dict[str, Any] | None:
    """The precomputed chains for the attest table `table` (decisions.json's `attest`), or None."""
    if table is None:
        return None
    answers = _Answers()
    segments = []
    for start, end in _segments(table):
        day = start
        reglemente = next((r for r in sorted(table["reglementen"], key=lambda r: r["document"]["valid_from"], reverse=True)
                           if _in_force(r, day)), None)
        categories = [c["id"] for c in reglemente["categories"]] if reglemente is not None else []
        missing = chain(table, "", 0, None, None, day)  # no ansvar has an empty code
        # The ansvar `chain` finds for each code on the day: the first adopted förteckning's.
        found: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
        for forteckning in table["lists"]:
            if forteckning["document"]["status"] == "antagen" and forteckning["period"]["from"] <= day <= forteckning["period"]["to"]:
                for ansvar in forteckning["ansvar"]:
                    found.setdefault(ansvar["code"], (forteckning, ansvar))
        by_code = {code: _code_grid(table, reglemente, categories, forteckning, ansvar, day, answers)
                   for code, (forteckning, ansvar) in sorted(found.items())}
        segments.append({"from": start, "to": end, "not_found": missing.status, "ansvar": by_code})
    return {"segments": segments, "answers": answers.items}


def _code_grid(table: dict[str, Any], reglemente: dict[str, Any] | None, categories: list[str], forteckning: dict[str, Any],
               ansvar: dict[str, Any], day: str, answers: _Answers) -> dict[str, Any]:
    """Every class of question on one ansvar on the segment beginning `day`, answered by `chain`."""
    line = table["line_of_command"]
    # `chain` reads the reglemente in force and the first förteckning row with the code; handing it
    # only those (the same dictionaries) gives the same chain without its searches.
    narrowed = {"reglementen": [reglemente] if reglemente is not None else [],
                "lists": [{**forteckning, "ansvar": [ansvar]}], "line_of_command": line}
    level = next((lv for lv in (reglemente or {}).get("amount_levels", []) if lv["id"] == ansvar["level"]), None)
    cuts = _cuts(level, reglemente)
    amounts = _representatives(cuts)
    # Categories fall into classes too: one the ansvar does not carry (the chain stops there,
    # whatever the amount or whose costs), one the third step names (each its own), and every
    # other, which gives the chain of no category. Each class is computed once, by `chain`.
    third_categories = ((reglemente or {}).get("third_step") or {}).get("categories", [])
    carried = ansvar["categories"]
    excluded = [c for c in categories if carried is not None and c not in carried]
    code = ansvar["code"]

    def grid(for_position: str | None) -> dict[str, Any]:
        def bands(category: str | None) -> list[int]:
            return [answers.add(a.status, a.facts) for a in (chain(narrowed, code, amount, category, for_position, day) for amount in amounts)]

        plain = bands(None)
        not_carried = bands(excluded[0]) if excluded else plain
        by_category = {c: not_carried if c in excluded else bands(c) if c in third_categories else plain for c in categories}
        return {"none": plain, "unknown": bands(_not_in(categories)), "categories": by_category}

    special = _special_positions(table, reglemente, ansvar)
    other = next((p for p in sorted(line) if p not in special), None)
    return {
        "cuts": cuts,
        "none": grid(None),
        "other": grid(other) if other is not None else grid(None),
        "unknown": grid(_not_in(line)),
        "positions": {p: grid(p) for p in special},
    }


def _not_in(known: dict[str, Any] | list[str]) -> str:
    """An id that is none of `known` (for an `unknown` class)."""
    candidate = "okand"
    while candidate in known:
        candidate += "_"
    return candidate
