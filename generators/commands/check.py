"""Kontrollera styrdokumenten: schema, organisation, delegation och samstämmighet mellan dokument.

Varje problem skrivs som `fil:rad:kolumn: KOD meddelande`. Slutkod 0 = inga fel,
1 = fel hittades (med --strict även varningar), 2 = fel i anropet eller internt fel.

Filer som inte har ändrats sedan förra kontrollen läses ur cachen i .styrdokument-cache/, och ett helt
oförändrat träd får förra svaret direkt; resultatet är alltid detsamma som utan cachen. --no-cache
(eller STYRDOKUMENT_NO_CACHE=1) läser allt från början.
"""

from __future__ import annotations

import argparse
import sys

from generators.commands._common import add_policies_argument, add_today_argument, default_format, policies_dir, today


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_policies_argument(parser)
    parser.add_argument(
        "--format", choices=("text", "json", "github"), default=None,
        help="utskriftens form (standard: github under GitHub Actions, annars text)",
    )
    parser.add_argument("--strict", action="store_true", help="varningar underkänner också")
    parser.add_argument(
        "--no-cache", action="store_true",
        help="läs och kontrollera allt från början utan cachen i .styrdokument-cache/ (samma som STYRDOKUMENT_NO_CACHE=1)",
    )
    add_today_argument(parser)


def run(args: argparse.Namespace) -> int:
    from generators.loading.disk_cache import default_folder, disabled_by_environment
    from generators.pipeline import check_report

    folder = None if args.no_cache or disabled_by_environment() else default_folder()
    output, code = check_report(policies_dir(args), today(args), args.format or default_format(), args.strict, folder)
    sys.stdout.write(output)
    return code
