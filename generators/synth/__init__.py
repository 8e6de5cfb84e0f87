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

from generators.synth.delegation import MIN_MATTERS, delegation_documents
from generators.synth.emit import to_yaml, write
from generators.synth.plan import build_plan, organisation_document
from generators.synth.policies import allowlist_document, procurement_document, travel_document, whistleblowing_document

__all__ = ["MIN_BODIES", "MIN_MATTERS", "generate"]
# The kommunstyrelse and at least one nämnd: the whistleblowing routes and the travel policy name
# förvaltningschefer, so a city without nämnder would not be a valid tree.
MIN_BODIES = 2


def generate(out: Path, bodies: int, matters_per_body: int, seed: int = 1, reference_dir: Path | None = None) -> list[Path]:
    """Write the tree under `out` (which must not hold other files); return the files written."""
    from generators.paths import DEFAULT_POLICIES

    if bodies < MIN_BODIES or matters_per_body < MIN_MATTERS:
        raise ValueError(f"bodies must be at least {MIN_BODIES} and matters_per_body at least {MIN_MATTERS}")
    plan = build_plan(bodies, matters_per_body)
    written: list[Path] = []

    def emit(relative: str, data: object, schema: str, comments: list[str]) -> None:
        path = out / relative
        write(path, to_yaml(data, schema, comments))
        written.append(path)

    emit("organisation.yaml", organisation_document(plan), "../schemas/organisation.schema.json",
         ["Älvhamns stads organisation: organ, förvaltningar, befattningar, rolltyper och externa parter.",
          f"Syntetisk storstad för prestandamätning (generators/synth), {bodies} styrelse och nämnder, frö {seed}."])
    orders = delegation_documents(plan, matters_per_body, seed)
    for name, document in orders:
        emit(f"delegation/{name}.yaml", document, "../../schemas/delegation.schema.json",
             [f"{document['document']['title']} 2026."])
    emit("travel.yaml", travel_document(plan), "../schemas/travel.schema.json", ["Rese- och mötespolicy för Älvhamns stad."])
    emit("whistleblowing.yaml", whistleblowing_document(plan), "../schemas/whistleblowing.schema.json",
         ["Reglemente för visselblåsning i Älvhamns stad (lag 2021:890)."])
    emit("procurement.yaml", procurement_document(plan), "../schemas/procurement.schema.json",
         ["Inköps- och upphandlingspolicy för Älvhamns stad."])
    emit("personal-data-allowlist.yaml", allowlist_document(), "../schemas/personal-data-allowlist.schema.json",
         ["Granskade funktionsadresser och funktionsnummer som får stå i publicerade styrdokument."])
    source = reference_dir or DEFAULT_POLICIES / "reference"
    for path in sorted(source.glob("*.yaml")):
        target = out / "reference" / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        written.append(target)
    return written
