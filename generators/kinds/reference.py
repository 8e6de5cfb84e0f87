"""Registration of the `reference` document kind. Dated reference data from law (prisbasbelopp, thresholds), each value with its source."""

from __future__ import annotations

from generators.kinds.spec import FileClaim, Kind

KIND = Kind(
    name="reference",
    claims=(
        FileClaim(r"reference/[a-z0-9-]+\.yaml", "reference.schema.json", "referensdata", editor_glob="policies/reference/*.yaml"),
    ),
    builder="generators.model.reference:build",
    governed=False,
    rules=("generators.outputs.rules.reference",),
    synth="generators.synth.policies:reference_files",
)
