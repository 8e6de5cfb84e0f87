"""`decide attest`: the whole attest chain for one invoice, computed over the published attest.json.

The chain is computed from attest.json's data alone (standard library), so an invoice system that
reads the published file and this command give the same answer: `decide attest` without `--rules`
renders the same data in-process from the policies and runs the same `chain`.

Steps, each with its reasons: mottagningsattest (or system matching where the reglemente allows it),
granskningsattest, beslutsattest (the förteckning's attestant; above the amount level the attestant
above it; for someone's own costs the next chef above them, for the direktör the post the reglemente
names), the substitute (only when the ordinary attestant is absent, where the reglemente says so) and
the third step where its categories or amount apply, taken by whoever of its attestant and substitute
is not one of the first attestants or below them in the line.
"""

from __future__ import annotations

from generators.decide.answers import ANSWERED, NOT_FOUND, NOT_IN_FORCE, UNDETERMINED, Answer
from generators.decide.text import kronor, lower_first, sentence

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

ATTEST_FILE = "attest.json"


def _in_force(document: dict[str, Any], day: str) -> bool:
    valid_to = document.get("valid_to")
    return document["status"] == "antagen" and document["valid_from"] <= day and (valid_to is None or day <= valid_to)


def _same_or_below(line: dict[str, Any], actor: dict[str, Any] | None, other: dict[str, Any] | None) -> bool:
    """Is `actor` the same as `other`, or (both positions) below it in the line of command?"""
    if actor is None or other is None:
        return False
    if actor["key"] == other["key"]:
        return True
    if actor["kind"] != "position" or other["kind"] != "position":
        return False
    return other["id"] in line.get(actor["id"], {}).get("superiors", [])


def _position(line: dict[str, Any], pid: str) -> dict[str, Any]:
    title = line[pid]["title"]
    return {"kind": "position", "id": pid, "key": f"position:{pid}", "label": title, "body": None}


def _cited(text: str, cite: str) -> str:
    """A reglemente's own sentence with its source: 'Text … (Lokal regel: … 3 §).'"""
    return sentence(f"{text.strip().rstrip('.')} ({cite})")


def _label(actor: dict[str, Any] | None) -> str:
    return lower_first(actor["label"]) if actor else "ingen"


def _step(step: str, label: str, actor: dict[str, Any] | None, reasons: list[str], substitute: dict[str, Any] | None = None,
          substitute_reasons: list[str] | None = None) -> dict[str, Any]:
    return {"step": step, "label": label, "attestant": actor, "substitute": substitute,
            "reasons": reasons, "substitute_reasons": substitute_reasons or []}


def chain(data: dict[str, Any], code: str, amount: float, category: str | None, for_position: str | None, day: str) -> Answer:
    """The attest chain for an invoice of `amount` kr (excl. moms) on ansvar `code` on `day`."""
    question = {"ansvar": code, "amount": amount, "category": category, "for": for_position, "date": day}

    def answer(status: str, summary: str, facts: dict[str, Any] | None, lines: list[str]) -> Answer:
        return Answer("attest", question, status, summary, facts, lambda: lines)

    reglemente = next((r for r in sorted(data["reglementen"], key=lambda r: r["document"]["valid_from"], reverse=True)
                       if _in_force(r["document"], day)), None)
    if reglemente is None:
        return answer(NOT_IN_FORCE, f"Inget attestreglemente gäller {day}.", None, [])
    found = [(f, a) for f in data["lists"] if f["document"]["status"] == "antagen" and f["period"]["from"] <= day <= f["period"]["to"]
             for a in f["ansvar"] if a["code"] == code]
    if not found:
        return answer(NOT_FOUND, f"Ansvar {code} finns inte i någon antagen attestförteckning som gäller {day}.", None, [])
    forteckning, ansvar = found[0]
    line = data["line_of_command"]
    rules = reglemente["rules"]
    categories = {c["id"]: c for c in reglemente["categories"]}
    if category is not None and category not in categories:
        known = ", ".join(sorted(categories))
        return answer(NOT_FOUND, f"Kategorin '{category}' finns inte i attestreglementet.", None, [f"Kända kategorier: {known}."])
    if category is not None and ansvar["categories"] is not None and category not in ansvar["categories"]:
        return answer(UNDETERMINED, f"Ansvar {code} bär inte kategorin {categories[category]['name'].lower()} enligt "
                      f"{forteckning['document']['title']}.", None, ["Kontrollera konteringen innan fakturan attesteras."])
    if for_position is not None and for_position not in line:
        return answer(NOT_FOUND, f"Befattningen '{for_position}' finns inte i organisationen.", None, [])
    steps: list[dict[str, Any]] = []
    explanation: list[str] = [(f"{forteckning['document']['title']} gäller {forteckning['period']['from']}–{forteckning['period']['to']} "
                              f"för {forteckning['body']['name']}; {reglemente['document']['title']} gäller {day}.")]

    # 1. Receipt (or system matching where the reglemente allows it).
    receipt_reasons = [_cited(reglemente['steps']['receipt']['text'], reglemente['steps']['receipt']['cite'])]
    if "system_matching" in rules:
        receipt_reasons.append(sentence(f"Har fakturan matchats mot beställning och godsmottagning ersätter matchningen "
                                        f"mottagningsattesten ({rules['system_matching']['cite']})"))
    steps.append(_step("receipt", reglemente["steps"]["receipt"]["label"], ansvar["receiver"], receipt_reasons))

    # 2. Review.
    review_reasons = [_cited(reglemente['steps']['review']['text'], reglemente['steps']['review']['cite'])]
    if "two_in_conjunction" in rules:
        review_reasons.append(sentence(f"Granskaren är en annan person än den som beslutsattesterar ({rules['two_in_conjunction']['cite']})"))
    steps.append(_step("review", reglemente["steps"]["review"]["label"], ansvar["reviewer"], review_reasons))

    # 3. Decision: the förteckning's attestant, unless the amount, the director rule or the own-costs rules say otherwise.
    decider, substitute = ansvar["decider"], ansvar["substitute"]
    decision_reasons = [sentence(f"{_label(decider).capitalize()} är beslutsattestant för {ansvar['kind_label']} {code} "
                                 f"({ansvar['name']}) enligt {forteckning['document']['title']}")]
    substitute_reasons: list[str] = []
    level = next((lv for lv in reglemente["amount_levels"] if lv["id"] == ansvar["level"]), None)
    if level is not None and level["up_to"] is not None and amount > level["up_to"]:
        if ansvar["above_level"] is None:
            return answer(UNDETERMINED, f"{kronor(amount)} är över beloppsnivån {level['name'].lower()} ({kronor(level['up_to'])}) för "
                          f"ansvar {code}, och förteckningen anger ingen attestant över nivån.", None, explanation)
        decider, substitute = ansvar["above_level"], None
        decision_reasons.append(sentence(f"Beloppet är över nivån {level['name'].lower()} ({kronor(level['up_to'])}); över nivån "
                                         f"beslutsattesterar {_label(decider)} enligt förteckningen"))
    elif level is not None:
        limit = "utan beloppsgräns" if level["up_to"] is None else f"upp till {kronor(level['up_to'])}"
        decision_reasons.append(sentence(f"Beloppet ryms i nivån {level['name'].lower()} ({limit})"))
    director = reglemente["director_costs"]
    if for_position is not None:
        holder = _position(line, for_position)
        if director is not None and director["director"]["key"] == holder["key"]:
            decider, substitute = director["attested_by"], director["substitute"]
            decision_reasons.append(sentence(f"Kostnaderna är {_label(holder)}s egna; de beslutsattesteras av {_label(decider)} "
                                             f"({director['cite']})"))
        else:
            for role in ("decider", "substitute"):
                current = decider if role == "decider" else substitute
                conflict = "own" if current is not None and current["key"] == holder["key"] else (
                    "superior" if _same_or_below(line, current, holder) else None)
                rule = rules.get("own_costs" if conflict == "own" else "superior_costs") if conflict else None
                if rule is None:
                    continue
                superiors = [p for p in line[for_position]["superiors"] if not _same_or_below(line, _position(line, p), holder)]
                taken = {a["key"] for a in (decider, substitute) if a is not None and a is not current}
                replacement = next((_position(line, p) for p in superiors if f"position:{p}" not in taken), None)
                why = "sina egna kostnader" if conflict == "own" else f"kostnader för {_label(holder)}, som är chef ovanför"
                text = (f"{_label(current).capitalize()} får inte beslutsattestera {why}; i stället "
                        f"{_label(replacement) if replacement else 'ingen chef ovanför i linjen'} ({rule['cite']})")
                if role == "decider":
                    decider = replacement
                    decision_reasons.append(sentence(text))
                else:
                    substitute = replacement
                    substitute_reasons.append(sentence(text))
            if decider is None:
                return answer(UNDETERMINED, f"Ingen chef ovanför {_label(holder)} kan beslutsattestera kostnaderna.", None, decision_reasons)
    decision_reasons.append(_cited(reglemente['steps']['decision']['text'], reglemente['steps']['decision']['cite']))
    if substitute is not None and "substitute_only_when_absent" in rules:
        substitute_reasons.append(sentence(f"{_label(substitute).capitalize()} beslutsattesterar bara när {_label(decider)} är frånvarande "
                                           f"({rules['substitute_only_when_absent']['cite']})"))
    steps.append(_step("decision", reglemente["steps"]["decision"]["label"], decider, decision_reasons, substitute, substitute_reasons))

    # 4. Third step, where its categories or amount apply.
    third = reglemente["third_step"]
    third_applies = False
    if third is not None:
        triggers: list[str] = []
        if category is not None and category in third["categories"]:
            triggers.append(f"kategorin {categories[category]['name'].lower()} alltid går till det tredje steget")
        if third["from_amount"] is not None and amount >= third["from_amount"]:
            triggers.append(f"beloppet är minst {kronor(third['from_amount'])}")
        third_applies = bool(triggers)
        if third_applies:
            first = [a for a in (ansvar["reviewer"], decider, substitute) if a is not None]
            chosen = None
            for candidate, note in ((third["attestant"], "ordinarie"), (third["substitute"], "ersättare")):
                if not any(_same_or_below(line, candidate, other) for other in first):
                    chosen = (candidate, note)
                    break
            reasons = [sentence(f"Det tredje steget gäller eftersom {' och '.join(triggers)} ({third['cite']})")]
            if chosen is None:
                return answer(UNDETERMINED, f"Det tredje steget gäller men varken {_label(third['attestant'])} eller "
                              f"{_label(third['substitute'])} är oberoende av de första attestanterna.", None, reasons)
            if chosen[1] == "ersättare":
                reasons.append(sentence(f"{_label(third['attestant']).capitalize()} står under eller är någon av de första attestanterna; "
                                        f"därför tar {_label(chosen[0])} steget"))
                steps.append(_step("third", "Tredje atteststeget", chosen[0], reasons))
            else:
                steps.append(_step("third", "Tredje atteststeget", chosen[0], reasons, third["substitute"],
                                   [sentence(f"{_label(third['substitute']).capitalize()} tar steget när {_label(chosen[0])} är frånvarande")]))
    facts = {
        "ansvar": {"code": code, "name": ansvar["name"], "kind": ansvar["kind"], "body": forteckning["body"]},
        "list": forteckning["document"]["id"], "list_version": forteckning["document"]["version"],
        "reglemente": reglemente["document"]["id"], "reglemente_version": reglemente["document"]["version"],
        "steps": steps, "third_step": third_applies,
    }
    who = ", ".join(f"{s['label'].lower()}: {_label(s['attestant'])}" for s in steps)
    summary = sentence(f"Faktura på {kronor(amount)} på ansvar {code} ({ansvar['name']}): {who}")
    for s in steps:
        explanation.append(f"{s['label']}: {_label(s['attestant'])}. " + " ".join(s["reasons"]))
        if s["substitute"] is not None:
            explanation.append(f"Ersättare för {s['label'].lower()}: {_label(s['substitute'])}. " + " ".join(s["substitute_reasons"]))
    return answer(ANSWERED, summary, facts, explanation)
