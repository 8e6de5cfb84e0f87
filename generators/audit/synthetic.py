"""Synthetic transaction exports with planted violations and a ground-truth file.

For the example organisation's policies (or any tree with the same socialnämnd matter and ansvar):
users for every position, trips by employees, delegation decisions on ärende
`soc-ekonomi-avskrivning-fordringar` and invoices on ansvar `5110`. Every lawful row follows the
rules as the decision tables state them on its day; a share of rows gets one planted violation, by
construction and independent of the audit's checks:

- AU201: a trip outside the EU/EES that the kommundirektör approves, approved instead by the
  traveller's närmaste chef;
- AU202: approved two days after departure;
- AU301: the enhetschef deciding an amount of the next tier; AU302: a socialsekreterare deciding;
  AU303: no reporting date;
- AU401: no beslutsattest; AU403 and AU402: the decider also reviews (two persons in conjunction,
  and the review is the medarbetare's); AU501: the same invoice twice;
- AU803: the approver declared the traveller a närstående (every trip of that pair inside the
  declaration's period is planted), or has a bisyssla at the trip's organiser;
- AU804: the socialchef hires an applicant they declared a närstående (ärende
  `soc-personal-anstallning-avdelningschef`);
- AU305: a decision on the socialchef's vidaredelegation in `soc-allmant-yttrande-remiss` with no
  report to the förvaltningschef.

The declarations are written to `intressen.csv`; the jäv and vidaredelegation rows draw from random
streams of their own, so the other planted rows are the same as without them.

Attest days are working days (weekend attest is a signal of its own).

Besides: payments the avtalsregister exempts (`exempt_payments`), lawful and in the ground truth as
`exempt` (no check may flag them), and `huvudbok.csv`, the huvudbok's totals per month with three
planted gaps (AU110–AU112, in the ground truth as transaction `ledger` with the period as id).

The same seed gives byte-identical files. Ground truth: `ground-truth.csv` (code, transaction, id).
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from generators.decide.answers import ANSWERED
from generators.decide.engine import Decider, further_for
from generators.model import Model
from generators.model.common import Actor
from generators.model.contracts import contracts_model
from generators.model.organisation import Organisation
from generators.model.travel import decide_trip

MATTER = "soc-ekonomi-avskrivning-fordringar"
HIRING_MATTER = "soc-personal-anstallning-avdelningschef"
FURTHER_MATTER = "soc-allmant-yttrande-remiss"  # vidaredelegerad by the socialchef
INTEREST_HEADER = ["person", "organisation", "related_person", "relation", "valid_from", "valid_to", "kind"]
ANSVAR = "5110"
COUNTRIES = ("SE", "NO", "DK", "DE", "FR", "ES", "US", "JP", "CA")
START = date(2026, 1, 12)
RATE = 0.04  # share of rows with each planted violation


@dataclass(frozen=True)
class Subjects:
    """What the exports are about: a delegation matter with amount tiers and who decides its first
    tier, a position with no delegation in it, an ansvar with its attestants, an account and the
    largest amount an invoice gets (within the ansvar's amount level and below the third step)."""

    matter: str
    deciders: tuple[str, ...]
    outsider: str
    ansvar: str
    workers: tuple[str, ...]  # positions that may receive and review on the ansvar
    account: str
    max_amount: float
    hiring_matter: str | None = None  # an anställningsbeslut matter (AU804); None: no hiring decisions
    further_matter: str | None = None  # a matter a förvaltningschef vidaredelegerar (AU305); None: none


def example_subjects(model: Model) -> Subjects:
    """The example organisation's (and the test fixture's): the socialnämnd's write-offs and ansvar 5110."""
    org = model.organisation
    assert org is not None
    return Subjects(MATTER, tuple(org.positions_of_role_type("enhetschef_soc")), "socialsekreterare", ANSVAR,
                    tuple(p for p in org.positions_of_role_type("medarbetare") if org.positions[p].administration == "socialforvaltningen"),
                    "4560", 240000.0, HIRING_MATTER, FURTHER_MATTER)


def city_subjects(model: Model, decider: Decider, day: date = START) -> Subjects:
    """The same roles found in a synthetic city (`python -m generators synth`): the first matter whose
    first tier is delegated and has a tier above it (its deciders: the first tier's positions without a mandate in a higher
    tier), the first ansvar whose receiver and reviewer are
    the medarbetare and whose beslutsattestant is a position, an account no attest category holds."""
    org = model.organisation
    assert org is not None
    matter, deciders = None, ()
    for matter_id in sorted((decider.tables.get("delegation") or {}).get("matters", {})):
        _, _, piece = decider.delegate(matter_id, 1.0, day)
        if piece is not None and len(piece.tiers) >= 2 and piece.tiers[0]["delegated"] and piece.tiers[0]["members"]:
            standing = _standing_above_first_tier(org, piece.tiers[1:])
            matter = matter_id
            deciders = tuple(m["id"] for m in piece.tiers[0]["members"] if m["kind"] == "position" and m["id"] not in standing)
            break
    attest = decider.tables.get("attest") or {"lists": [], "reglementen": []}
    reglemente = next((r for r in attest["reglementen"] if r["document"]["valid_from"] <= day.isoformat()), None)
    staff = {"role_type:medarbetare"}
    ansvar = next((a for f in attest["lists"] for a in f["ansvar"] if a["receiver"] and a["reviewer"] and a["decider"]
                   and {a["receiver"]["key"], a["reviewer"]["key"]} <= staff and a["decider"]["kind"] == "position"), None)
    if matter is None or ansvar is None or reglemente is None:
        raise ValueError("the tree has no matter with amount tiers or no ansvar the generator can use")
    level = next((lv for lv in reglemente["amount_levels"] if lv["id"] == ansvar["level"]), None)
    third = (reglemente.get("third_step") or {}).get("from_amount")
    cap = min(v for v in (240000.0, level["up_to"] if level else None, third - 1 if third else None) if v is not None)
    accounts = {a for r in attest["reglementen"] for c in r["categories"] for a in c["accounts"]}
    account = next(a for a in (f"{n}" for n in range(4000, 10000)) if a not in accounts)
    outsider = next(p for p in sorted(org.positions_of_role_type("medarbetare")) if p not in deciders)
    workers = tuple(sorted(org.positions_of_role_type("medarbetare")))
    return Subjects(matter, deciders, outsider, ansvar["code"], workers, account, float(cap))


def _positions_of(org: Organisation, actor: dict[str, Any]) -> set[str]:
    """The positions a decision table's actor names: the position, or a role type's members."""
    if actor.get("kind") == "position":
        return {str(actor["id"])}
    if actor.get("kind") == "role_type":
        return set(org.positions_of_role_type(str(actor["id"])))
    return set()


def _standing_above_first_tier(org: Organisation, higher: list[dict[str, Any]]) -> set[str]:
    """The positions with a mandate in a tier above the first: its delegate, its substitutes, and every
    chef above either (a superior may decide where the delegationsordning says so). An amount of such a
    tier decided by one of them is lawful (the synthetic region's direktupphandling names the
    förvaltningschef both among the first tier's chefs and as the second tier's delegate), so the
    AU301 planting draws only from the first tier's deciders outside this set."""
    named: set[str] = set()
    for tier in higher:
        if tier.get("delegated") and tier.get("decided_by"):
            named |= _positions_of(org, tier["decided_by"])
        for substitute in (tier.get("substitute") or {}).get("actors", []):
            named |= _positions_of(org, substitute)
    return named | {p for p in org.positions if any(org.is_above(p, n) for n in named)}


@dataclass
class Planted:
    rows: list[tuple[str, str, str]] = field(default_factory=list)  # (code, transaction, id)
    # The ledger gaps (AU110–AU112): (code, "ledger", period); input problems, not findings.
    gaps: list[tuple[str, str, str]] = field(default_factory=list)
    # Lawful near-misses no check may flag: ("exempt", "invoice", id), a payment the avtalsregister exempts.
    lawful: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, code: str, transaction: str, ident: str) -> None:
        self.rows.append((code, transaction, ident))


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def _amount(rng: random.Random, low: float, high: float) -> str:
    """A non-round amount in kronor and öre (round amounts are a signal of their own)."""
    value = Decimal(str(round(rng.uniform(low, high), 2)))
    if value % 1000 == 0:
        value += Decimal("0.37")
    return f"{value:.2f}"


def _weekday(day: date) -> date:
    return day + timedelta(days=(7 - day.weekday()) % 7) if day.weekday() >= 5 else day


def generate(model: Model, decider: Decider, out: Path, trips: int, decisions: int, invoices: int, seed: int,
             subjects: Subjects | None = None) -> Planted:
    org = model.organisation
    assert org is not None
    subjects = subjects or example_subjects(model)
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    user = {pid: f"u{index:05d}" for index, pid in enumerate(sorted(org.positions), start=1)}
    _write(out / "users.csv", ["user_id", "position", "valid_from", "valid_to"], [[u, p, "2020-01-01", ""] for p, u in sorted(user.items())])
    planted = Planted()

    # -- trips --------------------------------------------------------------------------------------
    travellers = [p for p in sorted(org.positions) if org.superior(p) is not None and org.positions[p].level in
                  ("medarbetare", "specialist", "enhetschef", "avdelningschef")]
    rows = []
    for index in range(trips):
        trip_id = f"R{index:06d}"
        traveller = rng.choice(travellers)
        country = rng.choice(COUNTRIES)
        approved = START + timedelta(days=rng.randrange(0, 300))
        departure = approved + timedelta(days=rng.randrange(3, 40))
        decision = decide_trip(model, Actor("position", traveller), country, approved)
        if decision is None or decision.approver is None or decision.approver.kind != "position":
            continue
        approver = user[decision.approver.id]
        roll = rng.random()
        superior = org.superior(traveller)
        if roll < RATE and decision.approver.id == "kommundirektor" and superior not in (None, "kommundirektor"):
            approver = user[str(superior)]
            planted.add("AU201", "trip", trip_id)
        elif roll < 2 * RATE:
            approved = departure + timedelta(days=2)
            planted.add("AU202", "trip", trip_id)
        rows.append([trip_id, user[traveller], country, departure.isoformat(), (departure + timedelta(days=3)).isoformat(),
                     approver, approved.isoformat(), _amount(rng, 800, 40000)])
    interests = plant_trip_conflicts(random.Random(f"{seed}/resor-jav"), rows, planted)
    _write(out / "trips.csv", ["trip_id", "traveller", "countries", "departure", "return", "approver", "approved_on", "cost_sek",
                               "organiser"], rows)

    # -- delegation decisions ----------------------------------------------------------------------
    enhetschefer = [p for p in subjects.deciders if p in user]
    rows = []
    for index in range(decisions):
        decision_id = f"DB{index:06d}"
        day = START + timedelta(days=rng.randrange(0, 300))
        _, tier, piece = decider.delegate(subjects.matter, 1.0, day)
        if piece is None or tier is None:
            continue
        first, second = piece.tiers[0], piece.tiers[1]
        limit = float(first["up_to"])
        chef = rng.choice(enhetschefer)
        decider_user, amount = user[chef], _amount(rng, 500, limit - 1)
        reported: str = (day + timedelta(days=rng.randrange(20, 45))).isoformat()
        roll = rng.random()
        if roll < RATE and second["up_to"] is not None:
            amount = _amount(rng, limit + 1, float(second["up_to"]))
            planted.add("AU301", "decision", decision_id)
        elif roll < 2 * RATE:
            decider_user = user[subjects.outsider]
            planted.add("AU302", "decision", decision_id)
        elif roll < 3 * RATE:
            reported = ""
            planted.add("AU303", "decision", decision_id)
        rows.append([decision_id, subjects.matter, decider_user, day.isoformat(), amount, reported])
    extra, declared = plant_decision_conflicts(random.Random(f"{seed}/beslut-jav"), decider, user, decisions, planted, subjects)
    interests += declared
    _write(out / "decisions.csv", ["decision_id", "matter", "decider", "decided_on", "amount_sek", "reported_on", "hired",
                                   "reported_to_head_on"], [[*r, "", ""] for r in rows] + extra)

    # -- invoices and the attest log ---------------------------------------------------------------
    attest = decider.tables.get("attest") or {"lists": []}
    ansvar = next((a for f in attest["lists"] for a in f["ansvar"] if a["code"] == subjects.ansvar), None)
    workers = list(subjects.workers)
    rows, log = [], []
    if ansvar is not None and len(workers) >= 2:
        decider_position = ansvar["decider"]["id"]
        for index in range(invoices):
            invoice_id = f"LR{index:06d}"
            day = START + timedelta(days=rng.randrange(0, 300))
            receiver, reviewer = rng.sample(workers, 2)
            steps = [("receipt", user[receiver]), ("review", user[reviewer]), ("decision", user[decider_position])]
            roll = rng.random()
            row = [invoice_id, "559786-4007", f"F{index:06d}", day.isoformat(), _amount(rng, 1000, subjects.max_amount), subjects.ansvar, subjects.account,
                   "AVT-SN-2023-001"]
            if roll < RATE:
                steps = steps[:2]
                planted.add("AU401", "invoice", invoice_id)
            elif roll < 2 * RATE:
                # The decider reviewing breaks two rules: two in conjunction, and the review belongs to
                # the medarbetare the förteckning names.
                steps[1] = ("review", user[decider_position])
                planted.add("AU403", "invoice", invoice_id)
                planted.add("AU402", "invoice", invoice_id)
            rows.append(row)
            for step, who in steps:
                log.append([invoice_id, step, who, _weekday(day + timedelta(days=1)).isoformat()])
            if RATE * 2 <= roll < RATE * 3:
                twin = f"{invoice_id}-D"
                rows.append([twin, *row[1:3], (day + timedelta(days=9)).isoformat(), *row[4:]])
                log += [[twin, step, who, _weekday(day + timedelta(days=10)).isoformat()] for step, who in steps]
                planted.add("AU501", "invoice", twin)
    if ansvar is not None and len(workers) >= 2:
        _plant_exempt_payments(model, rng, planted, rows, log, [user[w] for w in workers], user[ansvar["decider"]["id"]], max(1, invoices // 100),
                               subjects)
    _write(out / "reskontra.csv", ["invoice_id", "supplier_id", "invoice_number", "invoice_date", "amount_excl_vat", "ansvar", "account",
                                   "contract_ref"], rows)
    _write_ledger(out / "huvudbok.csv", rows, planted)
    _write(out / "attestlogg.csv", ["invoice_id", "step", "attestant", "attested_on"], log)
    _write(out / "intressen.csv", INTEREST_HEADER, interests)
    _write(out / "ground-truth.csv", ["code", "transaction", "id"], [list(r) for r in sorted([*planted.rows, *planted.gaps, *planted.lawful])])
    return planted


def plant_trip_conflicts(rng: random.Random, rows: list[list[str]], planted: Planted) -> list[list[str]]:
    """Jäv in trip approvals (AU803), planted into the trip rows: an `organiser` cell is added to every
    row. The declarations returned name the approver (a user id) and either the traveller, as a
    närstående for a period around one approval, or an organiser only the planted trip has. A
    relation covers every trip between the same two people in its period (whichever approves), so
    each of those is planted too: the ground truth follows from what was declared, not from the audit's check."""
    declarations: list[list[str]] = []
    related: list[tuple[str, str, date, date]] = []  # (approver, traveller, from, to)
    for index, row in enumerate(rows):
        trip_id, traveller, approver, approved = row[0], row[1], row[5], date.fromisoformat(row[6])
        roll = rng.random()
        organiser = ""
        if approver != traveller and roll < RATE / 2:
            start, end = approved - timedelta(days=rng.randrange(0, 20)), approved + timedelta(days=rng.randrange(0, 20))
            related.append((approver, traveller, start, end))
            declarations.append([approver, "", traveller, "narstaende", start.isoformat(), end.isoformat(), "jav"])
        elif approver != traveller and roll < RATE:
            organiser = f"55{index:08d}"  # "month" 00: an organisation, never a sole trader's personnummer
            declarations.append([approver, organiser, "", "", (approved - timedelta(days=30)).isoformat(), "", "bisyssla"])
            planted.add("AU803", "trip", trip_id)
        row.append(organiser)
    for row in rows:
        approved = date.fromisoformat(row[6])
        if any({row[5], row[1]} == {a, t} and start <= approved <= end for a, t, start, end in related):  # either way round
            planted.add("AU803", "trip", row[0])
    planted.rows = list(dict.fromkeys(planted.rows))
    return declarations


def plant_decision_conflicts(rng: random.Random, decider: Decider, user: dict[str, str], count: int,
                             planted: Planted, subjects: Subjects) -> tuple[list[list[str]], list[list[str]]]:
    """Hiring decisions (AU804: the delegate hires an applicant they declared a närstående) and
    decisions on vidaredelegation (AU305: none reported to the förvaltningschef), as rows of the
    decision register (its columns, `hired` and `reported_to_head_on` included) and the declarations.
    Each row is lawful but for what is planted: the delegate decides, the decision is reported to the
    nämnd where the delegationsordning says so. Nothing is written for a tree without the matters."""
    rows: list[list[str]] = []
    declarations: list[list[str]] = []
    hiring, further_matter = subjects.hiring_matter or "", subjects.further_matter or ""
    for index in range(max(count // 5, 20) if hiring else 0):
        decision_id, day = f"DA{index:06d}", START + timedelta(days=rng.randrange(0, 300))
        status, tier, _ = decider.delegate(hiring, None, day)
        if status != ANSWERED or tier is None or not tier["delegated"] or tier["decided_by"]["kind"] != "position":
            continue
        head, hired = user[tier["decided_by"]["id"]], f"REK-{index:06d}"
        if rng.random() < 2 * RATE:
            declarations.append([head, "", hired, "narstaende", (day - timedelta(days=60)).isoformat(), "", "jav"])
            planted.add("AU804", "decision", decision_id)
        rows.append([decision_id, hiring, head, day.isoformat(), "", "", hired, ""])
    for index in range(max(count // 5, 20) if further_matter else 0):
        decision_id, day = f"DV{index:06d}", START + timedelta(days=rng.randrange(0, 300))
        status, tier, piece = decider.delegate(further_matter, None, day)
        further = further_for(piece, None, day.isoformat()) if status == ANSWERED and piece is not None else []
        if not further or further[0]["to"]["kind"] != "position":
            continue
        to = user[further[0]["to"]["id"]]
        head_report = (day + timedelta(days=rng.randrange(1, 8))).isoformat()
        if rng.random() < 2 * RATE:
            head_report = ""
            planted.add("AU305", "decision", decision_id)
        rows.append([decision_id, further_matter, to, day.isoformat(), "", (day + timedelta(days=rng.randrange(20, 45))).isoformat(), "",
                     head_report])
    return rows, declarations


def _plant_exempt_payments(model: Model, rng: random.Random, planted: Planted, rows: list[list[str]], log: list[list[str]],
                           workers: list[str], decider: str, count: int, subjects: Subjects) -> None:
    """Payments that need no contract (the avtalsregister's `exempt_payments`, by account): each from a
    recipient of its own, large enough (from 150 000 kr, within the attest level) that AU604, AU701 and AU902 would flag a
    purchase, with a lawful attest chain. Lawful: in the ground truth as `exempt`."""
    accounts = sorted(a for r in contracts_model(model).registers for e in r.exempt_payments.values() for a in e.accounts)
    if not accounts:
        return
    for index in range(count):
        invoice_id = f"EX{index:06d}"
        day = START + timedelta(days=rng.randrange(0, 300))
        receiver, reviewer = rng.sample(workers, 2)
        rows.append([invoice_id, f"2120{index:06d}", f"AVG-{index:06d}", day.isoformat(), _amount(rng, min(150000, subjects.max_amount / 2), subjects.max_amount),
                     subjects.ansvar,
                     accounts[0], ""])
        attested = _weekday(day + timedelta(days=1)).isoformat()
        log += [[invoice_id, "receipt", receiver, attested], [invoice_id, "review", reviewer, attested], [invoice_id, "decision", decider, attested]]
        planted.lawful.append(("exempt", "invoice", invoice_id))


def _write_ledger(path: Path, rows: list[list[str]], planted: Planted) -> None:
    """The huvudbok's totals per month of the invoice rows (invoice date, amount excl. VAT), with three
    planted gaps: the first full month's total 100 kr off (AU110), a month before the export that the
    huvudbok has (AU111), and the last month left out of the huvudbok (AU112)."""
    totals: dict[str, Decimal] = {}
    for row in rows:
        totals[row[3][:7]] = totals.get(row[3][:7], Decimal(0)) + Decimal(row[4])
    periods = sorted(totals)
    if len(periods) < 3:
        return
    off, missing = periods[1], periods[-1]
    totals[off] += Decimal(100)
    before = f"{int(periods[0][:4]) - 1}-12"
    ledger = [[before, "48 500,00"], *([p, f"{totals[p]:.2f}"] for p in periods if p != missing)]
    planted.gaps += [("AU110", "ledger", off), ("AU111", "ledger", before), ("AU112", "ledger", missing)]
    _write(path, ["period", "amount_excl_vat"], ledger)
