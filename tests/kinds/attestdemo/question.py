"""`decide attestdemo --amount KRONOR`: who may attest a payment of that amount."""

from __future__ import annotations

import argparse
from typing import Any

from generators.decide.answers import ANSWERED, NOT_FOUND, Answer
from generators.decide.text import kronor

HELP = "vem får attestera en utbetalning"
DESCRIPTION = "Vilka befattningar får attestera en utbetalning på beloppet A?"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--amount", type=int, required=True, metavar="KRONOR", help="beloppet i kronor")


def answer(tables: dict[str, Any], args: argparse.Namespace, day: str) -> Answer:
    question = {"amount": args.amount, "date": day}
    table = tables.get("attestdemo") or {"attestants": []}
    allowed = [row for row in table["attestants"] if row["up_to"] >= args.amount]
    if not allowed:
        return Answer("attestdemo", question, NOT_FOUND, "Ingen får attestera beloppet.", None,
                      lambda: [f"Ingen attestant har en gräns på minst {kronor(args.amount)}."])
    titles = [row["title"] for row in allowed]
    summary = f"Får attestera: {', '.join(titles)}."
    return Answer("attestdemo", question, ANSWERED, summary, {"attestants": [row["position"] for row in allowed]},
                  lambda: [f"{row['title']} får attestera upp till {kronor(row['up_to'])}." for row in allowed])
