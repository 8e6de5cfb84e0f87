"""Registration of the `contracts` document kind: the avtalsregister (the contract management model).

The example register lives in `policies/avtalsregister.yaml`; a real register is exported from the
contract system and read with `generators.loading.contracts_import` into the same model."""

from __future__ import annotations

from generators.kinds.spec import VERSION_SUFFIX, CodeFamily, FileClaim, Kind

KIND = Kind(
    name="contracts",
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
)
