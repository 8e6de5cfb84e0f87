"""Registration of the `delegation` document kind. The delegation orders (delegationsordningar), one file per delegating body."""

from __future__ import annotations

from generators.kinds.spec import VERSION_SUFFIX, CodeFamily, DecidePart, FileClaim, Kind

KIND = Kind(
    name="delegation",
    claims=(
        FileClaim(rf"delegation/[a-z0-9-]+{VERSION_SUFFIX}\.yaml", "delegation.schema.json", "en delegationsordning", editor_glob="policies/delegation/*.yaml"),
    ),
    builder="generators.model.delegation:build",
    checks=("generators.checks.delegation",),
    codes=(CodeFamily("D4", "Delegation"),),
    rules=("generators.outputs.rules.delegation",),
    pages=("generators.outputs.site.pages.delegation",),
    roles=("generators.outputs.site.roles.delegation",),
    decide=DecidePart(table="generators.decide.tables.delegation:build"),
    diff="generators.diff.entities:delegation_entities",
    synth="generators.synth.delegation:delegation_files",
)
