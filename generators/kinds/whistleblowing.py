"""Registration of the `whistleblowing` document kind. The whistleblowing regulation (reglemente för visselblåsning, lag 2021:890)."""

from __future__ import annotations

from generators.kinds.spec import VERSION_SUFFIX, CodeFamily, DecidePart, FileClaim, Kind

KIND = Kind(
    name="whistleblowing",
    claims=(
        FileClaim(rf"whistleblowing{VERSION_SUFFIX}\.yaml", "whistleblowing.schema.json", "visselblåsarreglementet", editor_glob="policies/whistleblowing*.yaml"),
    ),
    builder="generators.model.whistleblowing:build",
    checks=("generators.checks.whistleblowing",),
    codes=(CodeFamily("V6", "Visselblåsning"),),
    rules=("generators.outputs.rules.whistleblowing",),
    pages=("generators.outputs.site.pages.whistleblowing",),
    roles=("generators.outputs.site.roles.whistleblowing",),
    decide=DecidePart(table="generators.decide.tables.whistleblowing:build"),
    diff="generators.diff.entities:whistleblowing_entities",
    synth="generators.synth.policies:whistleblowing_files",
)
