"""Registration of the `attest` document kind: the attestreglemente (adopted by fullmäktige) and each
nämnd's attestförteckning. Both are read into one model (`generators.model.attest.attest_model`),
because a förteckning is only meaningful under the reglemente in force for its period."""

from __future__ import annotations

from generators.kinds.spec import VERSION_SUFFIX, CodeFamily, DecidePart, FileClaim, Kind

KIND = Kind(
    name="attest",
    claims=(
        FileClaim(rf"attestreglemente{VERSION_SUFFIX}\.yaml", "attestreglemente.schema.json", "attestreglementet",
                  editor_glob="policies/attestreglemente*.yaml"),
        FileClaim(rf"attest/[a-z0-9-]+{VERSION_SUFFIX}\.yaml", "attestforteckning.schema.json", "en nämnds attestförteckning",
                  editor_glob="policies/attest/*.yaml"),
    ),
    builder="generators.model.attest:build",
    # The documents carry `document:` metadata, but the model is one AttestModel over both files;
    # the metadata checks (X801–X805) do not yet see them (see the issue-13 report).
    governed=False,
    checks=("generators.checks.attest",),
    codes=(CodeFamily("AT", "Attest"),),
    rules=("generators.outputs.rules.attest",),
    pages=("generators.outputs.site.pages.attest",),
    roles=("generators.outputs.site.roles.attest",),
    decide=DecidePart(table="generators.decide.attest_table:build", question="generators.decide.attest_question"),
    synth="generators.synth.attest:attest_files",
)
