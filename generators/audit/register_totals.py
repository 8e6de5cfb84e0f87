"""Completeness first, for the decision register: its rows counted per month and nämnd against the
control totals the diarium exports (`--decision-totals`: `period`, `body`, `decision_count`).

A register of delegation decisions has no amounts that a huvudbok books, so what shows it complete
is a count from the system that registers the decisions (the diarium or ärendehanteringssystem: the
number of delegation decisions it holds per month and nämnd, the figure its own report prints). A
decision is counted in the month of `decided_on` and under the nämnd whose delegationsordning holds
its matter that day. No tolerance: both sides count the same registered decisions, so one decision
of difference is a row one side has and the other lacks. A row the register cannot place (no date,
a matter no delegationsordning has) is reported where it is read and counted in no period, so a
diarium that counted it shows the gap here too.

AU113 at the control row whose count differs (also when the register has nothing for it), AU114 at
the register's first decision of a month and nämnd the control totals do not cover.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generators.audit.inputs import AU103, AU105, AU106, Table, read_table
from generators.audit.transactions import Decision
from generators.diagnostics import TabularProblem
from generators.model import Model
from generators.model.common import Actor

AU113, AU114 = "AU113", "AU114"
TOTAL_COLUMNS = ("period", "body", "decision_count")
_PERIOD = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


@dataclass(frozen=True)
class RegisterPeriod:
    """One month and nämnd: the diarium's count (None where the control totals have none) and the register's."""

    period: str
    body: str
    body_label: str
    diarium_count: int | None
    register_count: int
    code: str | None  # AU113, AU114, or None when the counts agree


@dataclass(frozen=True)
class DecisionReconciliation:
    totals_file: str
    periods: list[RegisterPeriod]

    @property
    def gaps(self) -> list[RegisterPeriod]:
        return [p for p in self.periods if p.code is not None]


def _decisions(count: int) -> str:
    return f"{count} beslut"


def read_decision_totals(path: Path, model: Model) -> tuple[list[tuple[str, str, int, str, int, int]], Table]:
    """(period, body, count, file, line, count column) per readable control row, and the table with its problems."""
    org = model.organisation
    assert org is not None
    table = read_table("decision_totals", path, TOTAL_COLUMNS, ())
    totals: list[tuple[str, str, int, str, int, int]] = []
    seen: dict[tuple[str, str], int] = {}
    for row in table.rows:
        before = len(table.problems)
        period, body, counted = row.get("period"), row.get("body"), row.get("decision_count")
        if not _PERIOD.fullmatch(period):
            table.problem(row, "period", AU103, f"'{period}' i 'period' är ingen period; skriv ÅÅÅÅ-MM, t.ex. 2026-03." if period
                          else "'period' saknas; skriv ÅÅÅÅ-MM, t.ex. 2026-03.")
        if not body:
            table.problem(row, "body", AU103, "'body' saknas; ange nämndens id i organisationsfilen.")
        elif body not in org.bodies:
            table.problem(row, "body", AU105, f"Organet '{body}' finns inte i organisationsfilen.")
        if not re.fullmatch(r"\d+", counted):
            table.problem(row, "decision_count", AU103, f"'{counted}' i 'decision_count' är inget antal; skriv ett heltal från 0." if counted
                          else "'decision_count' saknas; skriv antalet delegationsbeslut, ett heltal från 0.")
        if len(table.problems) == before and (period, body) in seen:
            table.problem(row, "period", AU106, f"Perioden {period} för {body} förekommer redan på rad {seen[(period, body)]}; "
                          "kontrollsummorna har ett antal per period och nämnd.")
        if len(table.problems) != before:
            continue
        seen[(period, body)] = row.line
        totals.append((period, body, int(counted), row.file, row.line, row.column("decision_count")))
    return totals, table


def reconcile_decisions(model: Model, decisions: list[Decision], totals: list[tuple[str, str, int, str, int, int]],
                        totals_file: str) -> tuple[DecisionReconciliation, list[TabularProblem]]:
    """AU113 and AU114: the register's count per month and nämnd against the control totals, and
    every month and nämnd of either side for the report's opening section."""
    org = model.organisation
    assert org is not None
    placed: dict[tuple[str, str], list[Decision]] = {}
    for decision in decisions:
        found = model.matters_by_id(decision.decided_on).get(decision.matter) if decision.decided_on is not None else None
        if found is None or decision.decided_on is None:
            continue  # no date or no such matter: reported where the row is read (AU103, AU107)
        placed.setdefault((decision.decided_on.strftime("%Y-%m"), found[0].body), []).append(decision)
    problems: list[TabularProblem] = []
    periods: list[RegisterPeriod] = []
    covered = set()
    for period, body, counted, file, line, column in totals:
        covered.add((period, body))
        registered = len(placed.get((period, body), []))
        periods.append(RegisterPeriod(period, body, org.label(Actor('body', body)), counted, registered, AU113 if registered != counted else None))
        if registered != counted:
            problems.append(TabularProblem(file, line, column, AU113,
                                         f"{org.label(Actor('body', body))} {period}: diariet har "
                                         f"{_decisions(counted)} på delegation och registret {_decisions(registered)}; registret är inte "
                                         "fullständigt eller inte detsamma som diariet, och granskningen av perioden bevisar ingenting."))
    for (period, body), members in sorted(placed.items()):
        if (period, body) in covered:
            continue
        first = min(members, key=lambda d: (d.file, d.line))
        periods.append(RegisterPeriod(period, body, org.label(Actor('body', body)), None, len(members), AU114))
        problems.append(TabularProblem(first.file, first.line, 1, AU114,
                                     f"Registret har {_decisions(len(members))} för {org.label(Actor('body', body))} {period}, men kontrollsummorna ({totals_file}) "
                                     "har inget antal för perioden och nämnden: besluten kan inte stämmas av."))
    periods.sort(key=lambda p: (p.period, p.body))
    return DecisionReconciliation(totals_file, periods), problems
