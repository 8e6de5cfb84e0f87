"""The transactions the audit checks, read from their exports (formats in README, "Internkontroll").

A row with a problem in a cell the checks need is kept as a transaction with `checkable=False`: it
is counted and listed in the report as not checked, never silently left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from generators.audit.inputs import (
    AU106,
    Table,
    UserPositions,
    identity_number_in,
    parse_amount,
    parse_countries,
    parse_day,
    read_table,
    resolve_people,
)
from generators.model.common import Actor
from generators.model.organisation import Organisation

TRIP_COLUMNS = ("trip_id", "traveller", "countries", "departure", "approver", "approved_on")
TRIP_OPTIONAL = ("return", "cost_sek", "organiser")
DECISION_COLUMNS = ("decision_id", "matter", "decider", "decided_on")
DECISION_OPTIONAL = ("amount_sek", "reported_on", "counterparty", "hired", "reported_to_head_on")


@dataclass(frozen=True, slots=True)
class Trip:
    id: str
    file: str
    line: int
    traveller_text: str
    travellers: tuple[Actor, ...]  # the traveller's positions on the decision day (or the body/seat)
    countries: tuple[str, ...]
    departure: date | None
    return_day: date | None
    approver_text: str
    approvers: tuple[Actor, ...]
    approved_on: date | None
    cost: Decimal | None
    checkable: bool
    organiser: str = ""  # the organisation that arranges or supplies the trip (organisationsnummer), when the export has it

    @property
    def day(self) -> date | None:
        """The day the rules are taken from: the approval (the decision), or the departure without one."""
        return self.approved_on or self.departure


@dataclass(frozen=True, slots=True)
class Decision:
    id: str
    file: str
    line: int
    matter: str
    decider_text: str
    deciders: tuple[Actor, ...]
    decided_on: date | None
    amount: Decimal | None
    reported_on: date | None
    checkable: bool
    counterparty: str = ""  # the organisation the matter concerns (a supplier), when the register has it
    hired: str = ""  # the person an anställningsbeslut hires: a user id or the recruitment system's id
    reported_to_head_on: date | None = None  # a decision on vidaredelegation: the day it was reported to the förvaltningschef
    head_report_column: bool = False  # the register has the column `reported_to_head_on` at all


def read_trips(path: Path, org: Organisation, users: UserPositions, countries: frozenset[str]) -> tuple[list[Trip], Table]:
    table = read_table("trips", path, TRIP_COLUMNS, TRIP_OPTIONAL)
    trips: list[Trip] = []
    seen: dict[str, int] = {}
    for row in table.rows:
        before = len(table.problems)
        trip_id = row.get("trip_id")
        if not trip_id:
            table.problem(row, "trip_id", "AU103", "'trip_id' saknas; varje resa behöver ett id.")
            trip_id = f"rad-{row.line}"
        elif trip_id in seen:
            table.problem(row, "trip_id", AU106, f"Resan '{trip_id}' förekommer redan på rad {seen[trip_id]}; varje rad ska ha ett eget id.")
        else:
            seen[trip_id] = row.line
        departure = parse_day(table, row, "departure")
        return_day = parse_day(table, row, "return", required=False)
        approved_on = parse_day(table, row, "approved_on", required=False)
        if departure and return_day and return_day < departure:
            table.problem(row, "return", "AU103", f"Hemresan {return_day.isoformat()} ligger före avresan {departure.isoformat()}.")
        day = approved_on or departure
        travellers = resolve_people(table, row, "traveller", day, org, users)
        approvers = resolve_people(table, row, "approver", day, org, users, required=False)
        trip_countries = parse_countries(table, row, "countries", countries)
        cost = parse_amount(table, row, "cost_sek", required=False)
        trips.append(Trip(trip_id, row.file, row.line, row.get("traveller"), travellers, trip_countries, departure, return_day,
                          row.get("approver"), approvers, approved_on, cost, checkable=len(table.problems) == before,
                          organiser=row.get("organiser")))
    return trips, table


def read_decisions(path: Path, org: Organisation, users: UserPositions) -> tuple[list[Decision], Table]:
    table = read_table("decisions", path, DECISION_COLUMNS, DECISION_OPTIONAL)
    decisions: list[Decision] = []
    seen: dict[str, int] = {}
    for row in table.rows:
        before = len(table.problems)
        decision_id = row.get("decision_id")
        if not decision_id:
            table.problem(row, "decision_id", "AU103", "'decision_id' saknas; varje beslut behöver ett id.")
            decision_id = f"rad-{row.line}"
        elif decision_id in seen:
            table.problem(row, "decision_id", AU106, f"Beslutet '{decision_id}' förekommer redan på rad {seen[decision_id]}; varje rad ska ha ett eget id.")
        else:
            seen[decision_id] = row.line
        matter = row.get("matter")
        if not matter:
            table.problem(row, "matter", "AU103", "'matter' saknas; ange ärendets id i delegationsordningen.")
        decided_on = parse_day(table, row, "decided_on")
        reported_on = parse_day(table, row, "reported_on", required=False)
        if decided_on and reported_on and reported_on < decided_on:
            table.problem(row, "reported_on", "AU103", f"Anmälan {reported_on.isoformat()} ligger före beslutet {decided_on.isoformat()}.")
        head_report = parse_day(table, row, "reported_to_head_on", required=False)
        if decided_on and head_report and head_report < decided_on:
            table.problem(row, "reported_to_head_on", "AU103",
                          f"Anmälan till förvaltningschefen {head_report.isoformat()} ligger före beslutet {decided_on.isoformat()}.")
        deciders = resolve_people(table, row, "decider", decided_on, org, users)
        amount = parse_amount(table, row, "amount_sek", required=False)
        hired = row.get("hired")
        if hired and identity_number_in(table, row, "hired", hired):
            hired = ""  # reported (masked) and the row not checked; the number is kept nowhere
        decisions.append(Decision(decision_id, row.file, row.line, matter, row.get("decider"), deciders, decided_on, amount, reported_on,
                                  checkable=len(table.problems) == before, counterparty=row.get("counterparty"), hired=hired,
                                  reported_to_head_on=head_report, head_report_column="reported_to_head_on" in row.columns))
    return decisions, table
