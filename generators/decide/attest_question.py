"""`decide attest --ansvar A --amount N [--category C] [--for POSITION]`: the whole attest chain.

The answer is `generators.decide.attest.chain` over the attest table (decisions.json's `attest`,
which attest.json publishes with its header), from the policies or from `--rules DIR` alike.
"""

from __future__ import annotations

from generators.decide.answers import NOT_IN_FORCE, Answer
from generators.decide.attest import chain

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from typing import Any

HELP = "vem tar emot, granskar och beslutsattesterar en faktura, och gäller det tredje steget"
DESCRIPTION = ("Hela attestkedjan för en faktura på ansvar A med beloppet N kronor exklusive moms: mottagnings-, gransknings- och "
               "beslutsattest, ersättare, och om det tredje atteststeget gäller och vem som tar det.")


def _amount(text: str) -> int:
    """Whole kronor as an invoice system sends them ("80000", "80 000", "80 000 kr")."""
    import argparse

    cleaned = text.replace("\u00a0", "").replace(" ", "").removesuffix("kr")
    if not cleaned.isdigit():
        raise argparse.ArgumentTypeError(f"'{text}' är inget belopp i hela kronor (skriv t.ex. 80000)")
    return int(cleaned)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--ansvar", required=True, metavar="KOD", help="ansvarets, kostnadsställets eller projektets kod, t.ex. 5110")
    parser.add_argument("--amount", required=True, type=_amount, metavar="KRONOR", help="fakturans belopp i kronor exklusive moms")
    parser.add_argument("--category", metavar="ID", help="kostnadskategori ur attestreglementet, t.ex. konsulttjanster")
    parser.add_argument("--for", dest="for_position", metavar="BEFATTNING",
                        help="vems kostnader fakturan gäller (egna kostnader, chefens kostnader, direktörens kostnader)")


def answer(tables: dict[str, Any], args: argparse.Namespace, day: str) -> Answer:
    table = tables.get("attest")
    if table is None:
        question = {"ansvar": args.ansvar, "amount": args.amount, "category": args.category, "for": args.for_position, "date": day}
        return Answer("attest", question, NOT_IN_FORCE, "Styrdokumenten har inget antaget attestreglemente.", None, list)
    return chain(table, args.ansvar, args.amount, args.category, args.for_position, day)
