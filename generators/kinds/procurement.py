"""Registration of the `procurement` document kind. The procurement policy (inköps- och upphandlingspolicy)."""

from __future__ import annotations

from generators.kinds.spec import VERSION_SUFFIX, CodeFamily, DecidePart, FileClaim, Kind

KIND = Kind(
    name="procurement",
    claims=(
        FileClaim(rf"procurement{VERSION_SUFFIX}\.yaml", "procurement.schema.json", "upphandlingspolicyn", editor_glob="policies/procurement*.yaml"),
    ),
    builder="generators.model.procurement:build",
    checks=("generators.checks.procurement",),
    codes=(CodeFamily("U7", "Upphandling"),),
    rules=("generators.outputs.rules.procurement",),
    pages=("generators.outputs.site.pages.procurement",),
    roles=("generators.outputs.site.roles.procurement",),
    decide=DecidePart(table="generators.decide.tables.procurement:build"),
    diff="generators.diff.entities:procurement_entities",
    synth="generators.synth.policies:procurement_files",
)
