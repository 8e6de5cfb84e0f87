"""Skriv ett syntetiskt styrdokumentträd för en storstad (för prestandamätning och tester).

Trädet har organisationen, en delegationsordning per organ (kommunstyrelsen och nämnderna), rese-,
visselblåsnings- och upphandlingspolicyn, undantagslistan för personuppgifter och exemplets
referensdata. Samma argument ger byte-identiska filer. Trädet klarar `python -m generators check`.

Exempel: python -m generators synth --bodies 20 --matters-per-body 500 --out build/synth/region
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--bodies", type=int, required=True, metavar="N",
                        help="antal delegerande organ: kommunstyrelsen och N-1 nämnder (minst 2)")
    parser.add_argument("--matters-per-body", type=int, required=True, metavar="M",
                        help="antal ärenden i varje delegationsordning (minst 12)")
    parser.add_argument("--out", type=Path, required=True, metavar="MAPP", help="mappen som trädet skrivs till (ny eller tom)")
    parser.add_argument("--seed", type=int, default=1, metavar="S", help="frö för slumpen (standard: 1)")


def run(args: argparse.Namespace) -> int:
    from generators.cli import UsageError
    from generators.synth import MIN_BODIES, MIN_MATTERS, generate

    if args.bodies < MIN_BODIES:
        raise UsageError(f"--bodies måste vara minst {MIN_BODIES}: kommunstyrelsen och minst en nämnd.")
    if args.matters_per_body < MIN_MATTERS:
        raise UsageError(f"--matters-per-body måste vara minst {MIN_MATTERS} (de ärenden som andra styrdokument hänvisar till).")
    out: Path = args.out
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise UsageError(f"{out} finns redan och är inte en tom mapp; välj en ny mapp så att inga filer skrivs över.")
    written = generate(out, args.bodies, args.matters_per_body, args.seed)
    print(f"Skrev {len(written)} filer till {out}.")
    return 0
