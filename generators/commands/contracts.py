"""Avtalsregistret: läs in avtalsdatabasens export (XLSX eller CSV) till policies/avtalsregister.yaml.

Exporten har en rad per avtal och kolumnerna som README beskriver under "Avtalsregistret". Varje cell
som inte kan användas redovisas som fil:rad:kolumn: KOD meddelande, och raden läses inte in; inget
gissas och ingen rad försvinner utan att det sägs. Registrets huvud (grunder och kategorier) behålls;
avtalen ersätts med exportens. Kör sedan `python -m generators check`.

Exempel:
  python -m generators contracts import avtalsdatabasen.xlsx
  python -m generators contracts import avtalsdatabasen.csv --dry-run

Slutkod 0 = alla rader inlästa, 1 = någon rad kunde inte läsas in (de övriga är inlästa), 2 = fel i anropet.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generators.commands._common import add_policies_argument, emit, policies_dir

REGISTER = "avtalsregister.yaml"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("import",), help="import: läs in exporten")
    parser.add_argument("export", type=Path, metavar="FIL", help="exporten från avtalsdatabasen (.xlsx eller .csv)")
    parser.add_argument("--sheet", metavar="BLAD", help="arbetsbladet i en XLSX-fil (standard: det första)")
    parser.add_argument("--dry-run", action="store_true", help="pröva exporten utan att skriva registret")
    add_policies_argument(parser)


def run(args: argparse.Namespace) -> int:
    from generators.cli import UsageError
    from generators.imports.contracts import import_contracts, register_text
    from generators.loading.documents import load_policies
    from generators.model import build_model
    from generators.wording.swedish import count, number

    policies = policies_dir(args)
    register_path = policies / REGISTER
    if not register_path.is_file():
        raise UsageError(f"{register_path} finns inte; skriv registrets huvud (grunder och kategorier) först.")
    model = build_model(load_policies(policies))
    register = next((d.data for d in model.documents if d.file.endswith("/" + REGISTER) and isinstance(d.data, dict)), None)
    if model.organisation is None or register is None:
        raise UsageError("Organisationen och avtalsregistrets huvud måste gå att läsa; kör `python -m generators check`.")
    result = import_contracts(args.export, str(args.export), model.organisation, register, args.sheet)
    for problem in result.problems:
        emit(problem.text())
    skipped = len({p.row for p in result.problems if p.row > 1})
    if not result.contracts and result.problems:
        print(f"Inget lästes in: {count(len(result.problems), 'problem', 'problem')} i exporten.", file=sys.stderr)
        return 1
    if not args.dry_run:
        original = register_path.read_text(encoding="utf-8")
        register_path.write_text(register_text(original, result.contracts), encoding="utf-8")
    done = "prövades" if args.dry_run else f"lästes in till {register_path}"
    print(f"{count(len(result.contracts), 'avtal', 'avtal')} {done}; "
          f"{count(skipped, 'rad', 'rader')} av {number(result.rows)} kunde inte läsas in.", file=sys.stderr)
    return 1 if result.problems else 0
