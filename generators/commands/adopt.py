"""Starta en ny organisations egen liggare och ägarkarta, när policies/ har bytts ut mot dess styrdokument.

Kör kommandot en gång efter att du har ersatt policies/ med din organisations styrdokument. Det skriver

- ledger/published-ids.json: en ny liggare med organisationens egna ärenden och delegationsordningar
  (en liggare för en annan organisation, till exempel exemplets, ersätts);
- .github/owner-teams.yaml: varje befattning som äger ett styrdokument kopplas till ett team i
  GitHub-organisationen (--github-org, standard: organisationens id), och plattformsteamet;
- .github/CODEOWNERS: genererad ur de två.

Byt sedan gärna teamnamnen i .github/owner-teams.yaml mot era egna och kör `python -m generators
codeowners`. Gäller liggaren redan samma organisation ändras ingenting utan --force: liggaren får
aldrig krympa, och ägarkartan är redan er egen. Slutkod 0 = klart, 1 = styrdokumenten har fel,
2 = fel i anropet.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from generators.paths import REPO_ROOT


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=REPO_ROOT, metavar="MAPP", help="förrådets rot (standard: det här förrådet)")
    parser.add_argument("--policies", type=Path, metavar="MAPP", help="styrdokumenten (standard: ROOT/policies)")
    parser.add_argument("--github-org", metavar="NAMN", help="GitHub-organisationen för teamen (standard: organisationens id)")
    parser.add_argument("--force", action="store_true", help="börja om också när liggaren redan gäller samma organisation")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", text.lower().replace("_", "-")).strip("-") or "organisation"


def team_map_text(name: str, org: str, owners: dict[str, str]) -> str:
    """A fresh `.github/owner-teams.yaml`: one team per owning position, the platform team, and the
    fixed paths (the policies folder and the reference data fall to the owner of the organisation)."""
    steward = owners.get("__organisation__") or next(iter(sorted(p for p in owners if p != "__organisation__")), "kansliet")
    platform = f"@{org}/styrdokument-plattform"
    steward_team = f"@{org}/{_slug(steward)}"
    lines = [
        "# yaml-language-server: $schema=../schemas/owner-teams.schema.json",
        f"# Vilket GitHub-team granskar ändringar i vilket styrdokument ({name}).",
        "# Skriven av `python -m generators adopt`. Byt gärna teamnamnen mot era egna och kör sedan",
        "# `python -m generators codeowners` så att .github/CODEOWNERS skrivs om.",
        "",
        f'platform_team: "{platform}"',
        "",
        "paths:",
        "  - path: /policies/",
        f'    owners: "{steward_team}"',
        "    why: >-",
        "      Ägaren av organisationsbeskrivningen granskar nya styrdokument tills CODEOWNERS har",
        "      genererats om med dokumentets egen ägare.",
        "  - path: /policies/reference/",
        f'    owners: "{steward_team}"',
        "    why: >-",
        "      Referensdata kommer från lag och myndigheter och har ingen dokumentägare.",
        "  - path: /.github/owner-teams.yaml",
        f'    owners: ["{platform}", "{steward_team}"]',
        "    why: >-",
        "      Filen bestämmer vem som granskar styrdokumenten: en ändring av ansvarsfördelningen.",
        "  - path: /.github/CODEOWNERS",
        f'    owners: ["{platform}", "{steward_team}"]',
        "    why: >-",
        "      Genereras från den här filen och dokumentägarna.",
        "",
        "positions:",
    ]
    positions = sorted(p for p in owners if p != "__organisation__")
    lines += [f'  {position}: "@{org}/{_slug(position)}"' for position in positions] or ["  {}"]
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    from generators.checks.ledger.published import LEDGER_DIR, LEDGER_FILE, LedgerError, merged, read, render
    from generators.cli import UsageError
    from generators.loading.documents import load_policies
    from generators.model import build_model
    from generators.outputs import codeowners

    root = args.root.resolve()
    policies = (args.policies or root / "policies").resolve()
    if not policies.is_dir():
        raise UsageError(f"mappen {policies} finns inte.")
    try:
        sources = codeowners.Sources.for_repository(root, policies)
    except ValueError as error:
        raise UsageError(str(error)) from None
    loaded = load_policies(policies)
    if loaded.failed:
        for d in loaded.diagnostics:
            if d.severity == "error":
                print(f"{d.file}:{d.line}:{d.column}: {d.code} {d.message}", file=sys.stderr)
        print("Styrdokumenten har fel som gör att alla id:n och ägare inte går att läsa. Rätta felen först "
              "(`python -m generators check`).", file=sys.stderr)
        return 1
    model = build_model(loaded)
    if model.organisation is None:
        print("policies/organisation.yaml saknas: utan organisationen går det inte att veta vems styrdokument det är.", file=sys.stderr)
        return 1
    municipality = str(model.organisation.municipality.get("id"))
    name = str(model.organisation.municipality.get("name", municipality))

    ledger = policies.parent / LEDGER_DIR / LEDGER_FILE
    existing = None
    if ledger.is_file():
        try:
            existing = read(ledger)
        except LedgerError:
            existing = None  # an unreadable ledger is replaced: nothing of this organisation's is in it
    if existing is not None and existing.municipality == municipality and not args.force:
        print(f"{sources.shown(ledger)} gäller redan {name}; ingenting ändrades. Använd --force för att börja om.")
        return 0

    ledger.parent.mkdir(parents=True, exist_ok=True)
    ledger.write_text(render(municipality, merged(None, model)), encoding="utf-8")
    print(f"Skrev {sources.shown(ledger)}: en ny liggare för {name}.")

    owners: dict[str, str] = {}
    for owned in codeowners.owned_documents(sources, model):
        if owned.owner.kind == "position" and owned.owner.id:
            owners[owned.owner.id] = owned.owner.id
    organisation_owner = model.organisation.meta.owner
    if organisation_owner.kind == "position" and organisation_owner.id:
        owners["__organisation__"] = organisation_owner.id
    org = _slug(args.github_org or municipality)
    sources.teams.parent.mkdir(parents=True, exist_ok=True)
    sources.teams.write_text(team_map_text(name, org, owners), encoding="utf-8")
    count = len(owners) - ("__organisation__" in owners)
    print(f"Skrev {sources.shown(sources.teams)}: {count} {'befattning' if count == 1 else 'befattningar'}, team i @{org}.")

    try:
        codeowners.write(sources)
    except codeowners.CodeownersError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{sources.shown(sources.output)} kunde inte genereras: rätta felen ovan.", file=sys.stderr)
        return 1
    print(f"Skrev {sources.shown(sources.output)}. Kör nu `make site` och `make test`.")
    return 0
