"""Arguments and helpers several commands share."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import TextIO

from generators.clock import parse_day
from generators.paths import DEFAULT_POLICIES


def add_policies_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--policies", type=Path, default=DEFAULT_POLICIES, metavar="MAPP",
        help="mappen med styrdokumenten (standard: policies/ i det här förrådet)",
    )


def add_today_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--today", metavar="ÅÅÅÅ-MM-DD",
        help="dagens datum för kontroller som beror på det (översynsdatum); gör körningar reproducerbara",
    )


def policies_dir(args: argparse.Namespace) -> Path:
    from generators.cli import UsageError

    path: Path = args.policies
    if not path.is_dir():
        raise UsageError(f"mappen {path} finns inte.")
    return path


def today(args: argparse.Namespace) -> date:
    from generators.cli import UsageError

    if not args.today:
        return date.today()
    try:
        return parse_day(args.today)
    except ValueError as error:
        raise UsageError(str(error)) from None


def default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def emit(text: str, stream: TextIO | None = None) -> None:
    """One message line for the terminal (stdout unless `stream`), quoting data from exports or policies.

    Under GitHub Actions the runner reads every output line that starts with `::` as a workflow
    command; a supplier name or a cell from an export could forge one. There the line goes out as
    plain text no runner reads as a command (see reporters/github.py); elsewhere as it stands.
    """
    target = stream if stream is not None else sys.stdout
    if os.environ.get("GITHUB_ACTIONS") == "true":
        from generators.reporters.github import plain

        target.write(plain(text))
    else:
        print(text, file=target)
