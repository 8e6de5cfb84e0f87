"""Skriv liggaren över publicerade id:n (ledger/published-ids.json), eller kontrollera (--check) att den är aktuell.

Liggaren listar varje ärende och varje delegationsordning som någon gång har publicerats, med
dokument och första version. Kommandot lägger till nya id:n och tar aldrig bort något. Kör det när
du har lagt till ärenden och checka in filen med ändringen; kontrollen X830 använder liggaren för att
hindra att ett publicerat id försvinner utan att markeras som upphört (retired_matters).

Med --check skrivs inget: slutkod 1 om den incheckade filen saknas, inte går att läsa eller inte är
den som skulle skrivas. Slutkod 0 = aktuell (eller skriven), 1 = inaktuell eller fel i
styrdokumenten, 2 = fel i anropet.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from generators.commands._common import add_policies_argument, policies_dir


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_policies_argument(parser)
    parser.add_argument("--ledger", type=Path, metavar="FIL",
                        help="liggarens fil (standard: ledger/published-ids.json bredvid mappen med styrdokumenten)")
    parser.add_argument("--check", action="store_true", help="skriv inget; slutkod 1 om den incheckade filen inte är aktuell")


def run(args: argparse.Namespace) -> int:
    from generators.checks.ledger.published import LEDGER_DIR, LEDGER_FILE, REGENERATE, LedgerError, merged, read, render
    from generators.loading.documents import load_policies
    from generators.model import build_model
    from generators.paths import display_base, display_path

    policies = policies_dir(args).resolve()
    path = (args.ledger or policies.parent / LEDGER_DIR / LEDGER_FILE).resolve()
    shown = display_path(path, display_base(policies))
    loaded = load_policies(policies)
    if loaded.failed:
        for d in loaded.diagnostics:
            if d.severity == "error":
                print(f"{d.file}:{d.line}:{d.column}: {d.code} {d.message}", file=sys.stderr)
        print(f"{shown} kan inte genereras: styrdokumenten har fel som gör att alla id:n inte går att läsa. Rätta felen först.",
              file=sys.stderr)
        return 1
    model = build_model(loaded)
    if model.organisation is None:
        print(f"{shown} kan inte genereras: organisationen saknas, så det är okänt vems styrdokument det gäller.", file=sys.stderr)
        return 1
    existing = None
    if path.is_file():
        try:
            existing = read(path)
        except LedgerError as error:
            print(f"{shown} kan inte läsas: {error} Återställ den incheckade filen.", file=sys.stderr)
            return 1
    municipality = model.organisation.municipality.get("id")
    if existing is not None and existing.municipality not in (None, municipality):
        print(f"{shown} gäller organisationen '{existing.municipality}', men styrdokumenten gäller '{municipality}'.", file=sys.stderr)
        return 1
    expected = render(municipality, merged(existing, model))
    current = path.read_text(encoding="utf-8") if path.is_file() else None
    if args.check:
        if current == expected:
            print(f"{shown} är aktuell.")
            return 0
        if current is None:
            print(f"{shown} saknas. Kör `{REGENERATE}` och checka in filen.", file=sys.stderr)
            return 1
        sys.stderr.writelines(difflib.unified_diff(current.splitlines(keepends=True), expected.splitlines(keepends=True),
                                                   f"{shown} (incheckad)", f"{shown} (genererad)"))
        print(f"{shown} är inte aktuell: styrdokumenten har id:n som saknas i den. Kör `{REGENERATE}` och checka in filen.",
              file=sys.stderr)
        return 1
    if current == expected:
        print(f"{shown} är redan aktuell.")
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(expected, encoding="utf-8")
    added = len(expected.splitlines()) - (len(current.splitlines()) if current else 0)
    print(f"Skrev {shown} ({added} nya rader)." if current else f"Skrev {shown}.")
    return 0
