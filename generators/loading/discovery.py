"""Which schema claims which file under `policies/`. A file nobody claims is an error.

The claims come from the registered document kinds (`generators/kinds/`), in registration order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from generators.kinds import Kind, kinds
from generators.kinds.spec import VERSION_SUFFIX


@dataclass(frozen=True, slots=True)
class Claim:
    pattern: re.Pattern[str]  # matched against the path relative to the policies folder
    kind: str
    schema: str
    describes: str


@cache
def _claims(registered: tuple[Kind, ...]) -> tuple[Claim, ...]:
    return tuple(
        Claim(re.compile(claim.pattern), kind.name, claim.schema, claim.describes) for kind in registered for claim in kind.claims
    )


def claims() -> tuple[Claim, ...]:
    """Every registered kind's claims, first match wins."""
    return _claims(kinds())


def claim_for(relative: str) -> Claim | None:
    return next((claim for claim in claims() if claim.pattern.fullmatch(relative)), None)


def unclaimed_hint(relative: str) -> str:
    """Why a file is not claimed, in words a policy owner can act on."""
    if relative.endswith(".yml"):
        return "Filändelsen ska vara .yaml, inte .yml."
    if not relative.endswith(".yaml"):
        return "Under policies/ får bara styrdokument i YAML (.yaml) ligga."
    places = "; ".join(f"{claim.pattern.pattern.replace(VERSION_SUFFIX, '')} ({claim.describes})" for claim in claims())
    return f"Ingen schema gäller för filen på den här platsen. Kända platser: {places}."


def policy_files(policies_dir: Path) -> list[Path]:
    """Every entry under the policies folder but its real folders, in a stable order.

    Symlinks (also to folders, and broken ones), FIFOs, devices and sockets are listed too, so the
    loader refuses each with a code (L114) instead of following or silently skipping it.
    """
    return sorted((p for p in policies_dir.rglob("*") if p.is_symlink() or not p.is_dir()), key=lambda p: p.as_posix())
