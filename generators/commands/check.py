"""Kontrollera styrdokumenten: schema, organisation, delegation och samstämmighet mellan dokument.

Varje problem skrivs som `fil:rad:kolumn: KOD meddelande`. Slutkod 0 = inga fel,
1 = fel hittades (med --strict även varningar), 2 = fel i anropet eller internt fel.
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
    add_today_argument(parser)


def run(args: argparse.Namespace) -> int:
    from generators.pipeline import load_and_check
    from generators.reporters import render

    checked = load_and_check(policies_dir(args), today(args))
    sys.stdout.write(render(checked.result, args.format or default_format(), args.strict))
    return 1 if checked.result.failed(args.strict) else 0
