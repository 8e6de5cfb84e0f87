"""Registration of the `internkontroll` document kind: the reglemente för intern kontroll (adopted by
fullmäktige) and each styrelse's and nämnd's internkontrollplan for a year. Both are read into one model
(`generators.model.internkontroll.internkontroll_model`), because a plan's dates are only checked against
the reglemente that governs its year."""

from __future__ import annotations

from generators.kinds.spec import VERSION_SUFFIX, CodeFamily, FileClaim, Kind

KIND = Kind(
    name="internkontroll",
    claims=(
        FileClaim(rf"internkontrollreglemente{VERSION_SUFFIX}\.yaml", "internkontrollreglemente.schema.json",
                  "reglementet för intern kontroll", editor_glob="policies/internkontrollreglemente*.yaml"),
        FileClaim(rf"internkontroll/[a-z0-9-]+{VERSION_SUFFIX}\.yaml", "internkontrollplan.schema.json",
                  "en nämnds internkontrollplan", editor_glob="policies/internkontroll/*.yaml"),
    ),
    builder="generators.model.internkontroll:build",
    # Like the attest kind: one model over both files; the plans' adoption is checked by IK105 against the
    # reglemente, not by the metadata checks (X801–X805).
    governed=False,
    checks=("generators.checks.internkontroll",),
    codes=(CodeFamily("IK", "Intern kontroll"),),
    rules=("generators.outputs.rules.internkontroll",),
)
