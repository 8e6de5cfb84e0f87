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
  and the review is the medarbetare's); AU501: the same invoice twice.

Attest days are working days (weekend attest is a signal of its own).

The same seed gives byte-identical files. Ground truth: `ground-truth.csv` (code, transaction, id).
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from generators.decide.engine import Decider
from generators.model import Model
from generators.model.common import Actor
from generators.model.travel import decide_trip

MATTER = "soc-ekonomi-avskrivning-fordringar"
ANSVAR = "5110"
COUNTRIES = ("SE", "NO", "DK", "DE", "FR", "ES", "US", "JP", "CA")
START = date(2026, 1, 12)
RATE = 0.04  # share of rows with each planted violation


@dataclass
class Planted:
    rows: list[tuple[str, str, str]] = field(default_factory=list)  # (code, transaction, id)

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


def generate(model: Model, decider: Decider, out: Path, trips: int, decisions: int, invoices: int, seed: int) -> Planted:
    org = model.organisation
    assert org is not None
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
    _write(out / "trips.csv", ["trip_id", "traveller", "countries", "departure", "return", "approver", "approved_on", "cost_sek"], rows)

    # -- delegation decisions ----------------------------------------------------------------------
    enhetschefer = [p for p in org.positions_of_role_type("enhetschef_soc") if p in user]
    rows = []
    for index in range(decisions):
        decision_id = f"DB{index:06d}"
        day = START + timedelta(days=rng.randrange(0, 300))
        _, tier, piece = decider.delegate(MATTER, 1.0, day)
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
            decider_user = user["socialsekreterare"]
            planted.add("AU302", "decision", decision_id)
        elif roll < 3 * RATE:
            reported = ""
            planted.add("AU303", "decision", decision_id)
        rows.append([decision_id, MATTER, decider_user, day.isoformat(), amount, reported])
    _write(out / "decisions.csv", ["decision_id", "matter", "decider", "decided_on", "amount_sek", "reported_on"], rows)

    # -- invoices and the attest log ---------------------------------------------------------------
    attest = decider.tables.get("attest") or {"lists": []}
    ansvar = next((a for f in attest["lists"] for a in f["ansvar"] if a["code"] == ANSVAR), None)
    workers = [p for p in org.positions_of_role_type("medarbetare") if org.positions[p].administration == "socialforvaltningen"]
    rows, log = [], []
    if ansvar is not None and len(workers) >= 2:
        decider_position = ansvar["decider"]["id"]
        for index in range(invoices):
            invoice_id = f"LR{index:06d}"
            day = START + timedelta(days=rng.randrange(0, 300))
            receiver, reviewer = rng.sample(workers, 2)
            steps = [("receipt", user[receiver]), ("review", user[reviewer]), ("decision", user[decider_position])]
            roll = rng.random()
            row = [invoice_id, "559786-4007", f"F{index:06d}", day.isoformat(), _amount(rng, 1000, 240000), ANSVAR, "4560", "AVT-SN-2023-001"]
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
    _write(out / "reskontra.csv", ["invoice_id", "supplier_id", "invoice_number", "invoice_date", "amount_excl_vat", "ansvar", "account",
                                   "contract_ref"], rows)
    _write(out / "attestlogg.csv", ["invoice_id", "step", "attestant", "attested_on"], log)
    _write(out / "ground-truth.csv", ["code", "transaction", "id"], [list(r) for r in sorted(planted.rows)])
    return planted
