"""Registration of the `travel` document kind. The travel and meeting policy (rese- och mötespolicy)."""

from __future__ import annotations

from generators.kinds.spec import VERSION_SUFFIX, CodeFamily, DecidePart, FileClaim, Kind

KIND = Kind(
    name="travel",
    claims=(
        FileClaim(rf"travel{VERSION_SUFFIX}\.yaml", "travel.schema.json", "rese- och mötespolicyn", editor_glob="policies/travel*.yaml"),
    ),
    builder="generators.model.travel:build",
    checks=("generators.checks.travel",),
    codes=(CodeFamily("R5", "Resor"),),
    rules=("generators.outputs.rules.travel",),
    pages=("generators.outputs.site.pages.travel",),
    roles=("generators.outputs.site.roles.travel",),
    decide=DecidePart(table="generators.decide.tables.travel:build"),
    diff="generators.diff.entities:travel_entities",
    synth="generators.synth.policies:travel_files",
)
