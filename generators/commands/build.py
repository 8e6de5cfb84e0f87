"""Huvudjobbet: kontrollera styrdokumenten och generera webbplatsen och JSON-reglerna.

Kontrollen körs först; finns fel stannar bygget (slutkod 1) och inget publiceras. Sedan byggs
webbplatsen med mkdocs till OUT/site/ och JSON-reglerna till OUT/site/rules/v1/.
Samma källor ger byte-identiska filer: datumet tas från SOURCE_DATE_EPOCH eller commit-tiden.

Med --preview byggs en förhandsversion för granskning som fungerar direkt från disken (file://),
till exempel ur artefakten i ett ändringsförslag: länkarna går till index.html och sidan Vem
beslutar? har beslutstabellerna inbäddade. Sökningen behöver fortfarande en webbserver.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from generators.commands._common import add_policies_argument, add_today_argument, default_format, policies_dir, today


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_policies_argument(parser)
    parser.add_argument("--out", type=Path, default=Path("build"), metavar="MAPP", help="utdatamapp (standard: build/)")
    parser.add_argument("--format", choices=("text", "json", "github"), default=None, help="form på kontrollens utskrift")
    parser.add_argument("--strict", action="store_true", help="varningar stoppar också bygget")
    parser.add_argument("--preview", action="store_true",
                        help="förhandsversion som fungerar direkt från disken (file://), för granskning av ett ändringsförslag")
    add_today_argument(parser)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def run(args: argparse.Namespace) -> int:
    from generators.clock import source_epoch
    from generators.paths import REPO_ROOT
    from generators.pipeline import load_and_check
    from generators.reporters import render

    policies = policies_dir(args)
    checked = load_and_check(policies, today(args))
    sys.stdout.write(render(checked.result, args.format or default_format(), args.strict))
    if checked.result.failed(args.strict):
        print("Bygget stoppades: rätta felen ovan först. Inget publicerades.", file=sys.stderr)
        return 1

    # The checked model goes to the site build (one load and one check per build); the rest of the
    # load (diagnostics, results) is let go before mkdocs starts, and so is the model once the hook
    # has made the pages from it: nothing here may keep a reference (`handover` is emptied by the
    # call), and the files' parses kept for a second load are dropped (this process loads no more).
    from generators.loading.documents import forget_parsed

    handover = [checked.model]
    del checked
    forget_parsed()
    epoch = source_epoch(REPO_ROOT, policies)
    if epoch is not None:
        os.environ.setdefault("SOURCE_DATE_EPOCH", str(epoch))
    out = args.out.resolve()
    from generators.outputs.site.build import SiteBuildError, build_site

    # SIGTERM (a cancelled CI job) unwinds like Ctrl-C, so the build removes its unfinished folder.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        build_site(policies.resolve(), out / "site", preview=args.preview, model=handover.pop(), fork_pages=True)
    except SiteBuildError as error:
        message = f"{error}\nBygget stoppades; {out / 'site'} är oförändrad.\n"
        if os.environ.get("GITHUB_ACTIONS") == "true":
            from generators.reporters.github import plain

            message = plain(message)  # findings quote page text: no line of it may start a workflow command
        sys.stderr.write(message)
        return 1
    print(f"Webbplatsen och JSON-reglerna är byggda i {out / 'site'} (regler i {out / 'site' / 'rules' / 'v1'}).")
    return 0
