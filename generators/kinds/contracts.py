"""Registration of the `contract` document kind: the avtalsregister (the contract management model).

The example register lives in `policies/avtalsregister.yaml`; a real register is exported from the
contract system and read with `generators.loading.contracts_import` into the same model."""

from __future__ import annotations

from generators.kinds.spec import VERSION_SUFFIX, CodeFamily, DecidePart, FileClaim, Kind

KIND = Kind(
    name="contract",
    claims=(
        FileClaim(rf"avtalsregister{VERSION_SUFFIX}\.yaml", "contracts.schema.json", "avtalsregistret",
                  editor_glob="policies/avtalsregister*.yaml"),
    ),
    builder="generators.model.contracts:build",
    # The register has a header of its own (id, title, owner, extracted), not `document:` metadata:
    # it is an extract of the contract database, not an adopted document.
    governed=False,
    checks=("generators.checks.contracts",),
    codes=(CodeFamily("AR", "Avtalsregister"),),
    rules=("generators.outputs.rules.contracts",),
    pages=("generators.outputs.site.pages.contracts",),
    roles=("generators.outputs.site.roles.contracts",),
    decide=DecidePart(table="generators.decide.contracts_table:build", question="generators.decide.contracts_question"),
)
