"""Which schema claims which file under `policies/`. A file nobody claims is an error."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Claim:
    pattern: re.Pattern[str]  # matched against the path relative to the policies folder
    kind: str
    schema: str
    describes: str


# A later version of a document sits beside the one in force as `<name>.<label>.yaml`.
_VERSION = r"(\.[a-z0-9-]+)?"
CLAIMS: tuple[Claim, ...] = (
    Claim(re.compile(rf"organisation{_VERSION}\.yaml"), "organisation", "organisation.schema.json", "organisationen"),
    Claim(re.compile(rf"delegation/[a-z0-9-]+{_VERSION}\.yaml"), "delegation", "delegation.schema.json", "en delegationsordning"),
    Claim(re.compile(r"reference/[a-z0-9-]+\.yaml"), "reference", "reference.schema.json", "referensdata"),
    Claim(re.compile(rf"travel{_VERSION}\.yaml"), "travel", "travel.schema.json", "rese- och mötespolicyn"),
    Claim(re.compile(rf"whistleblowing{_VERSION}\.yaml"), "whistleblowing", "whistleblowing.schema.json", "visselblåsarreglementet"),
    Claim(re.compile(rf"procurement{_VERSION}\.yaml"), "procurement", "procurement.schema.json", "upphandlingspolicyn"),
    Claim(re.compile(r"personal-data-allowlist\.yaml"), "allowlist", "personal-data-allowlist.schema.json", "undantagslistan för personuppgifter"),
)


def claim_for(relative: str) -> Claim | None:
    return next((claim for claim in CLAIMS if claim.pattern.fullmatch(relative)), None)


def unclaimed_hint(relative: str) -> str:
    """Why a file is not claimed, in words a policy owner can act on."""
    if relative.endswith(".yml"):
        return "Filändelsen ska vara .yaml, inte .yml."
    if not relative.endswith(".yaml"):
        return "Under policies/ får bara styrdokument i YAML (.yaml) ligga."
    places = "; ".join(f"{claim.pattern.pattern.replace(_VERSION, '')} ({claim.describes})" for claim in CLAIMS)
    return f"Ingen schema gäller för filen på den här platsen. Kända platser: {places}."


def policy_files(policies_dir: Path) -> list[Path]:
    """Every entry under the policies folder but its real folders, in a stable order.

    Symlinks (also to folders, and broken ones), FIFOs, devices and sockets are listed too, so the
    loader refuses each with a code (L114) instead of following or silently skipping it.
    """
    return sorted((p for p in policies_dir.rglob("*") if p.is_symlink() or not p.is_dir()), key=lambda p: p.as_posix())
