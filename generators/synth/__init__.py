"""A synthetic large city (storstad) as a complete, valid policies tree, for benchmarks and tests.

`generate(out, bodies=N, matters_per_body=M, seed=S)` writes `organisation.yaml`, one
delegationsordning per body (the kommunstyrelse and N-1 nämnder, each with ~M matters), the travel,
whistleblowing and procurement policies, the personal-data allowlist and the example's reference data.
The same arguments give byte-identical files. The tree passes `python -m generators check`.

The city (Älvhamns stad) is organised like the example municipality, scaled: a stadsledningskontor
with the same central roles (so the whistleblowing function, procurement and HR work the same way),
and for every nämnd a förvaltning with three avdelningar of 2 + M/400 enheter each (20 bodies give
about 500 positions at M = 500, 900 at M = 2 500). Nämnder beyond the sixteen subject nämnder are
stadsdelsnämnder.

Matter titles are composed from the catalogue's verbs, objects and qualifiers and drawn without
repetition; a body whose catalogue is used up (only at a few thousand matters) repeats a title rather
than invent text.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from generators.kinds import kinds
from generators.kinds.spec import resolve
from generators.synth.delegation import MIN_MATTERS
from generators.synth.emit import to_yaml, write
from generators.synth.files import SynthFile, SynthRequest
from generators.synth.plan import build_plan

__all__ = ["MIN_BODIES", "MIN_MATTERS", "generate"]
# The kommunstyrelse and at least one nämnd: the whistleblowing routes and the travel policy name
# förvaltningschefer, so a city without nämnder would not be a valid tree.
MIN_BODIES = 2


def generate(out: Path, bodies: int, matters_per_body: int, seed: int = 1, reference_dir: Path | None = None) -> list[Path]:
    """Write the tree under `out` (which must not hold other files); return the files written.

    Each registered kind with a synth generator (`Kind.synth`) yields its files, in registration order."""
    from generators.paths import DEFAULT_POLICIES

    if bodies < MIN_BODIES or matters_per_body < MIN_MATTERS:
        raise ValueError(f"bodies must be at least {MIN_BODIES} and matters_per_body at least {MIN_MATTERS}")
    request = SynthRequest(build_plan(bodies, matters_per_body), bodies, matters_per_body, seed, reference_dir or DEFAULT_POLICIES / "reference")
    written: list[Path] = []
    for kind in kinds():
        if kind.synth is None:
            continue
        produced: list[SynthFile] = list(resolve(kind.synth)(request))
        for file in produced:
            path = out / file.relative
            if file.copy_from is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(file.copy_from, path)
            else:
                write(path, to_yaml(file.data, file.schema, file.comments))
            written.append(path)
    return written
