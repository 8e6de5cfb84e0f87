"""Stickprov: a reproducible, risk-stratified sample of the transactions for manual review.

Every transaction falls in exactly one stratum: those with a violation, those with a signal or that
could not be checked, then the rest by amount band. Stratum sizes are allocated in proportion to
population × weight (largest remainder, at least one from every stratum that has members when the
sample is large enough, never more than a stratum holds). Within a stratum the items are ordered by
SHA-256 of `seed|kind|id`, and the first ones are drawn: the draw depends only on the seed and the
transactions' ids and amounts, never on the order of the rows in the export.

With `method="belopp"` (beloppsviktat urval, monetary-unit sampling) a transaction's chance within
its stratum grows with its amount: the order key is −ln(u)/belopp with u taken from the same SHA-256
(weighted sampling without replacement, Efraimidis–Spirakis), still independent of the row order.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from decimal import Decimal

from generators.audit.findings import Finding

METHOD_NAMES = {"strata": "riskstratifierat urval, SHA-256-ordning per stratum",
                "belopp": "riskstratifierat beloppsviktat urval (monetary-unit sampling), viktad SHA-256-ordning per stratum"}
WEIGHTS = {"avvikelse": 4, "signal": 2, "belopp_hogt": 2, "belopp_mellan": 1, "belopp_lagt": 1, "utan_belopp": 1}


@dataclass(frozen=True)
class Candidate:
    transaction: str  # trip | decision | invoice
    id: str
    amount: Decimal | None
    codes: tuple[str, ...]  # the audit codes reported on it
    severities: frozenset[str]
    checkable: bool


@dataclass(frozen=True)
class Stratum:
    name: str
    label: str
    weight: int
    population: int
    drawn: int


@dataclass(frozen=True)
class SampledItem:
    transaction: str
    id: str
    stratum: str
    rank: int
    order_key: str
    reason: str


@dataclass(frozen=True)
class Sample:
    size: int
    seed: str
    bands: tuple[Decimal, Decimal]
    strata: tuple[Stratum, ...]
    items: tuple[SampledItem, ...]
    method: str = "strata"

    def method_text(self) -> str:
        low, high = (_kr(b) for b in self.bands)
        parts = ", ".join(f"{s.label}: {s.drawn} av {s.population} (vikt {s.weight})" for s in self.strata)
        order = ("ordnas posterna efter SHA-256 av 'frö|typ|id' och de första dras" if self.method == "strata" else
                 "får varje post nyckeln −ln(u)/belopp, där u är SHA-256 av 'frö|typ|id' som tal mellan 0 och 1, och posterna med de "
                 "minsta nycklarna dras: en större post har större chans (en post utan belopp räknas som 1 kr)")
        return (f"Metod: {METHOD_NAMES[self.method]}. Frö: {self.seed}. Begärd storlek: {self.size}. Beloppsgränser: {low} och {high}. "
                f"Varje stratum får en andel av urvalet i proportion till antal × vikt (största rest), minst en post där stratumet "
                f"har poster och urvalet räcker. Inom ett stratum {order}. "
                f"Urvalet beror bara på fröet och transaktionernas id, inte på radernas ordning. Strata: {parts}.")


def _kr(value: Decimal) -> str:
    return f"{int(value):,}".replace(",", " ") + " kr"


def _labels(bands: tuple[Decimal, Decimal]) -> dict[str, str]:
    low, high = (_kr(b) for b in bands)
    return {"avvikelse": "transaktioner med avvikelse", "signal": "signal eller ej prövad",
            "belopp_hogt": f"belopp från {high}", "belopp_mellan": f"belopp från {low} till under {high}",
            "belopp_lagt": f"belopp under {low}", "utan_belopp": "utan belopp"}


def stratum_of(candidate: Candidate, bands: tuple[Decimal, Decimal]) -> str:
    if "violation" in candidate.severities:
        return "avvikelse"
    if candidate.severities or not candidate.checkable:
        return "signal"
    if candidate.amount is None:
        return "utan_belopp"
    if candidate.amount >= bands[1]:
        return "belopp_hogt"
    return "belopp_mellan" if candidate.amount >= bands[0] else "belopp_lagt"


def order_key(seed: str, candidate: Candidate) -> str:
    return hashlib.sha256(f"{seed}|{candidate.transaction}|{candidate.id}".encode()).hexdigest()


def _allocate(size: int, populations: dict[str, int]) -> dict[str, int]:
    present = [name for name in WEIGHTS if populations.get(name)]
    total = sum(populations[n] for n in present)
    size = min(size, total)
    allocation = dict.fromkeys(present, 0)
    if size == 0:
        return allocation
    if size >= len(present):
        for name in present:
            allocation[name] = 1
    remaining = size - sum(allocation.values())
    while remaining > 0:
        open_ = [n for n in present if allocation[n] < populations[n]]
        mass = sum(populations[n] * WEIGHTS[n] for n in open_)
        shares = {n: remaining * populations[n] * WEIGHTS[n] / mass for n in open_}
        given = 0
        for name in open_:
            whole = min(int(shares[name]), populations[name] - allocation[name])
            allocation[name] += whole
            given += whole
        if given == 0:  # hand out the rest one by one, largest remainder first (ties by stratum order)
            for name in sorted(open_, key=lambda n: (-(shares[n] - int(shares[n])), list(WEIGHTS).index(n))):
                if given == remaining:
                    break
                if allocation[name] < populations[name]:
                    allocation[name] += 1
                    given += 1
        remaining -= given
    return allocation


def weighted_key(key: str, candidate: Candidate) -> float:
    """−ln(u)/amount, u in (0, 1) from the hash: smaller keys are drawn first."""
    u = (int(key[:15], 16) + 1) / (16 ** 15 + 1)
    amount = float(abs(candidate.amount)) if candidate.amount else 1.0
    return -math.log(u) / max(amount, 1.0)


def draw(candidates: list[Candidate], size: int, seed: str, bands: tuple[Decimal, Decimal], method: str = "strata") -> Sample:
    labels = _labels(bands)
    by_stratum: dict[str, list[tuple[str, Candidate]]] = {name: [] for name in WEIGHTS}
    for candidate in candidates:
        by_stratum[stratum_of(candidate, bands)].append((order_key(seed, candidate), candidate))
    for members in by_stratum.values():
        if method == "belopp":
            members.sort(key=lambda item: (weighted_key(item[0], item[1]), item[0], item[1].transaction, item[1].id))
        else:
            members.sort(key=lambda item: (item[0], item[1].transaction, item[1].id))
    allocation = _allocate(size, {name: len(members) for name, members in by_stratum.items()})
    items: list[SampledItem] = []
    strata: list[Stratum] = []
    for name, members in by_stratum.items():
        drawn = allocation.get(name, 0)
        strata.append(Stratum(name, labels[name], WEIGHTS[name], len(members), drawn))
        for rank, (key, candidate) in enumerate(members[:drawn], start=1):
            why = f"stratum {labels[name]}, plats {rank} av {len(members)} i {'SHA-256-ordningen' if method == 'strata' else 'den beloppsviktade ordningen'}"
            if candidate.codes:
                why += f"; koder {', '.join(candidate.codes)}"
            items.append(SampledItem(candidate.transaction, candidate.id, name, rank, key, why))
    return Sample(size, seed, bands, tuple(strata), tuple(items), method)


def candidates_of(trips: list, decisions: list, findings: list[Finding], invoices: list | None = None) -> list[Candidate]:
    """One candidate per transaction (trips, decisions, invoices), with the codes reported on it."""
    codes: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        codes.setdefault((finding.transaction, finding.id), []).append(finding)
    found = []
    for kind, rows, amount_of in (("trip", trips, lambda t: t.cost), ("decision", decisions, lambda d: d.amount),
                                  ("invoice", invoices or [], lambda i: abs(i.amount) if i.amount is not None else None)):
        for row in rows:
            on = codes.get((kind, row.id), [])
            found.append(Candidate(kind, row.id, amount_of(row), tuple(sorted({f.code for f in on})),
                                   frozenset(f.severity for f in on), row.checkable))
    return found
