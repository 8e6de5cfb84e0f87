"""Generera .github/CODEOWNERS från dokumentägarna, eller kontrollera (--check) att filen är aktuell.

Varje styrdokuments ägare (document.owner, en befattning) kopplas till ett GitHub-team i
.github/owner-teams.yaml. Utan --check skrivs .github/CODEOWNERS om. Med --check skrivs inget: den
incheckade filen jämförs med den som skulle genereras. Slutkod 0 = filen är aktuell (eller skrevs),
1 = filen är inaktuell, eller en ägare saknar team, eller en policyfil har fel, 2 = fel i anropet.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from pathlib import Path

from generators.paths import REPO_ROOT


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--check", action="store_true", help="skriv inget; slutkod 1 om den incheckade filen inte är aktuell")
    parser.add_argument(
        "--root", type=Path, default=REPO_ROOT, metavar="MAPP",
        help="förrådets rot; sökvägarna i CODEOWNERS räknas härifrån (standard: det här förrådet)",
    )
    parser.add_argument("--policies", type=Path, metavar="MAPP", help="styrdokumenten (standard: ROOT/policies)")
    parser.add_argument("--teams", type=Path, metavar="FIL", help="befattning → team (standard: ROOT/.github/owner-teams.yaml)")
    parser.add_argument("--out", type=Path, metavar="FIL", help="filen som skrivs eller kontrolleras (standard: ROOT/.github/CODEOWNERS)")


def _annotate(file: str, title: str, message: str, line: int | None = None, column: int | None = None) -> None:
    """A workflow annotation under GitHub Actions, so the problem shows on the pull request."""
    if os.environ.get("GITHUB_ACTIONS") != "true":
        return

    from generators.reporters.github import command

    place: dict[str, str | int] = {}
    if line is not None:
        place["line"] = line
    if column is not None:
        place["col"] = column
    print(command("error", message, file=file, **place, title=title))


def _log(text: str) -> None:
    """To stderr; under GitHub Actions as plain text no runner reads as a workflow command (the
    committed file's lines reach the log in the diff)."""
    if os.environ.get("GITHUB_ACTIONS") == "true":
        from generators.reporters.github import plain

        text = plain(text)
    sys.stderr.write(text)


def run(args: argparse.Namespace) -> int:
    from generators.cli import UsageError
    from generators.outputs import codeowners

    if not args.root.is_dir():
        raise UsageError(f"mappen {args.root} finns inte.")
    if args.policies is not None and not args.policies.is_dir():
        raise UsageError(f"mappen {args.policies} finns inte.")
    try:
        sources = codeowners.Sources.for_repository(args.root, args.policies, args.teams, args.out)
    except ValueError as error:
        raise UsageError(str(error)) from None
    output = sources.shown(sources.output)

    try:
        expected = codeowners.generate(sources)
    except codeowners.CodeownersError as error:
        for problem in error.problems:
            _log(f"{problem}\n")
            _annotate(problem.file, "CODEOWNERS kan inte genereras", problem.message, problem.line, problem.column)
        print(f"{output} kunde inte genereras: rätta {'felet' if len(error.problems) == 1 else 'felen'} ovan.", file=sys.stderr)
        return 1

    if not args.check:
        changed = codeowners.write(sources)
        print(f"Skrev {output}." if changed else f"{output} är redan aktuell.")
        return 0

    current = codeowners.committed(sources)
    if current == expected.encode("utf-8"):
        print(f"{output} är aktuell.")
        return 0
    if current is None:
        message = f"{output} saknas. Kör `{codeowners.REGENERATE}` och checka in filen."
    else:
        message = (
            f"{output} är inte aktuell: den stämmer inte med dokumentägarna i "
            f"{sources.shown(sources.policies)}/ och kopplingen i {sources.shown(sources.teams)}. "
            f"Kör `{codeowners.REGENERATE}` och checka in filen."
        )
        old = current.decode("utf-8", errors="replace").splitlines(keepends=True)
        diff = difflib.unified_diff(old, expected.splitlines(keepends=True), f"{output} (incheckad)", f"{output} (genererad)")
        _log("".join(diff))
    _log(f"{message}\n")
    _annotate(output, "CODEOWNERS är inte aktuell", message)
    return 1
