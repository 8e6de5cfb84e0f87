"""Visa vad en ändring betyder i sak: en semantisk diff mellan två versioner av styrdokumenten.

Jämför styrdokumenten i git-revisionen BASE med HEAD (en revision, eller arbetskopian om HEAD
utelämnas) och skriver på svenska, i Markdown, vilka ärenden som lagts till, tagits bort eller fått
ny delegat, vilka beloppsgränser som höjts eller sänkts, vilka celler i resepolicyns beslutstabell
och vilka regler för visselblåsning och upphandling som ändrats, och vilken metadata som ändrats —
dokument för dokument, med ärendenummer, id och gammalt → nytt värde. Sist kommer kontrollerna av
HEAD. Dokument och ärenden jämförs på id, så en fil som bytt namn eller flyttats visas inte som
borttagen och tillagd. Arbetskopian och git-förrådet ändras aldrig.

Exempel:
  python -m generators diff origin/main
  python -m generators diff v2026.1 v2026.2 --out diff.md

En version som redan gäller eller har gällt (antagen, valid_from senast --today) får inte ändras i
sak utan nytt beslut: en sådan ändring står överst i diffen och ger slutkod 1, så att grinden för
ändringsförslaget underkänner det. Undantaget är en rättelse (document.corrections) som förslaget för
in, daterad efter beslutet och senast i dag, efter versionens egen paragraf i protokollet; den står
också överst. Versioner som börjar gälla senare får ändras fritt.

Slutkod 0 = diffen skrevs och HEAD har inga fel, 1 = HEAD har fel (de står sist i diffen) eller en
version i kraft har ändrats utan nytt beslut eller rättelse (överst i diffen), 2 = fel i anropet
(t.ex. en okänd revision).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generators.commands._common import add_today_argument, today


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("base", metavar="BASE", help="git-revisionen att jämföra från, t.ex. origin/main")
    parser.add_argument("head", metavar="HEAD", nargs="?", help="git-revisionen att jämföra med (standard: arbetskopian)")
    parser.add_argument("--repo", type=Path, metavar="MAPP", help="git-förrådet (standard: det här förrådet)")
    parser.add_argument("--policies-path", default="policies", metavar="SÖKVÄG",
                        help="styrdokumentens mapp i förrådet (standard: policies)")
    parser.add_argument("--out", type=Path, metavar="FIL", help="skriv Markdown till FIL i stället för till standard ut")
    add_today_argument(parser)


def _inside(repo: Path, given: str) -> str | None:
    """The folder as a plain relative path inside the repository, or None: no `..` or `.` step (so
    `a/../..` cannot climb out), no absolute path, no empty step, no backslash or control character,
    nothing git would read as an option; in the working tree it must also resolve (symlinks
    followed) to a place inside the repository."""
    path = given.strip("/")
    parts = path.split("/")
    if (
        not path
        or given.startswith("/")
        or any(part in ("", ".", "..") for part in parts)
        or path.startswith("-")
        or any(c == "\\" or ord(c) < 32 or ord(c) == 127 for c in path)
    ):
        return None
    resolved = (repo / path).resolve()
    if resolved != repo and repo not in resolved.parents:
        return None
    return path


def run(args: argparse.Namespace) -> int:
    from generators.cli import UsageError
    from generators.diff import RevisionError, semantic_diff
    from generators.paths import REPO_ROOT

    repo = (args.repo or REPO_ROOT).resolve()
    if not repo.is_dir():
        raise UsageError(f"mappen {repo} finns inte.")
    path = _inside(repo, args.policies_path)
    if path is None:
        raise UsageError(f"--policies-path ska vara en mapp i förrådet, inte '{args.policies_path}'.")
    try:
        result = semantic_diff(repo, args.base, args.head, path, today(args))
    except RevisionError as error:
        raise UsageError(str(error)) from None
    if args.out is not None:
        args.out.write_text(result.markdown, encoding="utf-8")
        print(f"Skrev {args.out}.")
    else:
        sys.stdout.write(result.markdown)
    return 1 if result.failed else 0
