"""The rule-code scheme, the families and the table of every code ever issued.

A code is a family prefix and three digits:

- the nine original families are one letter and a hundreds digit that belongs to the family:
  `L1xx` loading, `S2xx` schema, `O3xx` organisation, `D4xx` delegation, `R5xx` travel,
  `V6xx` whistleblowing, `U7xx` procurement, `X8xx` cross-document and metadata, `P9xx` personal data;
- a new family takes two letters and owns all of 100–999 (`AT101` for an attestreglemente,
  `AR101` for an avtalsregister, …), so families never run out of digits and no existing code
  changes meaning.

Document kinds declare their families (`Kind.codes`); the core's are below. `codes.tsv` beside this
module lists every code ever issued, active or retired; a code is never reused, and a code that
disappears from the registry must be listed as retired (tests/test_rule_codes.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generators.kinds import CodeFamily, kinds

TABLE_PATH = Path(__file__).with_name("codes.tsv")

# Families that belong to no single document kind. The loader's and the schema's come first in the
# catalogue; the cross-document and personal-data families after the kinds'.
CORE_FIRST: tuple[CodeFamily, ...] = (CodeFamily("L1", "Inläsning"), CodeFamily("S2", "Schema"))
CORE_LAST: tuple[CodeFamily, ...] = (CodeFamily("X8", "Mellan dokument och metadata"), CodeFamily("P9", "Personuppgifter"),
                                     CodeFamily("AU", "Internkontroll av transaktioner"))
# AU: the `audit` command's codes (generators/audit/): findings on exported transactions, not on the
# policies, so they are not in the check registry; they share this table so that no code is reused.

_CODE = re.compile(r"(?P<letters>[A-Z])(?P<digit>[1-9])\d\d|(?P<pair>[A-Z]{2})[1-9]\d\d")
_PREFIX = re.compile(r"[A-Z][1-9]|[A-Z]{2}")


def families() -> tuple[CodeFamily, ...]:
    """Every family in catalogue order: the core's first ones, each kind's, the core's last ones."""
    found = (*CORE_FIRST, *(family for kind in kinds() for family in kind.codes), *CORE_LAST)
    letters = [letters_of(f.prefix) for f in found]
    if len(letters) != len(set(letters)):
        raise RuntimeError(f"two code families share a prefix: {sorted(letters)}")
    for family in found:
        if not _PREFIX.fullmatch(family.prefix):
            raise RuntimeError(f"code family prefix {family.prefix!r}: one letter and a digit, or two letters")
    return found


def letters_of(prefix_or_code: str) -> str:
    """The family key shown in the catalogue: `R` for `R5`/`R501`, `AT` for `AT`/`AT101`."""
    match = re.match(r"[A-Z]+", prefix_or_code)
    return match.group(0) if match else ""


def family_labels() -> dict[str, str]:
    """Family key → Swedish label, in catalogue order."""
    return {letters_of(f.prefix): f.label for f in families()}


def family_of(code: str) -> CodeFamily | None:
    """The family a well-formed code belongs to, or None."""
    match = _CODE.fullmatch(code)
    if match is None:
        return None
    prefix = match.group("pair") or f"{match.group('letters')}{match.group('digit')}"
    return next((f for f in families() if f.prefix == prefix), None)


@dataclass(frozen=True)
class CodeEntry:
    code: str
    status: str  # "active" or "retired"
    name: str


def read_table(path: Path = TABLE_PATH) -> list[CodeEntry]:
    """The code table: one `code<TAB>status<TAB>name` line per code ever issued; `#` comments."""
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, status, name = line.split("\t")
        entries.append(CodeEntry(code, status, name))
    return entries


def table_problems(table: list[CodeEntry], registered: dict[str, tuple[str, bool]]) -> list[str]:
    """What is wrong between the table and the registry (`code → (name, retired)`), in English for
    developers. Empty when every code is well-formed, listed once, keeps its name, and every listed
    active code is registered."""
    problems: list[str] = []
    seen: dict[str, CodeEntry] = {}
    for entry in table:
        if entry.code in seen:
            problems.append(f"{entry.code}: listed twice in the code table (a code is never reused)")
        seen[entry.code] = entry
        if entry.status not in ("active", "retired"):
            problems.append(f"{entry.code}: status {entry.status!r} is neither 'active' nor 'retired'")
        if family_of(entry.code) is None:
            problems.append(f"{entry.code}: not a code of a registered family (see generators/checks/codes.py)")
    for code, (name, retired) in sorted(registered.items()):
        listed = seen.get(code)
        if listed is None:
            problems.append(f"{code}: registered but missing from the code table; add `{code}\tactive\t{name}`")
            continue
        if listed.status == "retired" and not retired:
            problems.append(f"{code}: retired in the code table, so it may not be used again")
        if listed.status == "active" and retired:
            problems.append(f"{code}: the rule is retired; mark it retired in the code table")
        if listed.name != name:
            problems.append(f"{code}: named {name!r} but {listed.name!r} in the code table (a code keeps its meaning)")
    for code, entry in sorted(seen.items()):
        if entry.status == "active" and code not in registered:
            problems.append(f"{code}: active in the code table but no rule has it; a removed rule's code is marked retired, never freed")
    return problems
