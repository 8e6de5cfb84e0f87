"""Registration of the `organisation` document kind. The organisation: bodies, administrations, positions, role types, external parties."""

from __future__ import annotations

from generators.kinds.spec import VERSION_SUFFIX, CodeFamily, FileClaim, Kind

KIND = Kind(
    name="organisation",
    claims=(
        FileClaim(rf"organisation{VERSION_SUFFIX}\.yaml", "organisation.schema.json", "organisationen", editor_glob="policies/organisation*.yaml"),
    ),
    builder="generators.model.organisation:build",
    checks=("generators.checks.organisation",),
    codes=(CodeFamily("O3", "Organisation"),),
    rules=("generators.outputs.rules.organisation",),
    diff="generators.diff.entities:organisation_entities",
    synth="generators.synth.policies:organisation_files",
)
