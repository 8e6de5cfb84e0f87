"""Registration of the `egenvardering` document kind: the organisation's egenvärdering för uppföljning och
kontroll, whose computed answers read the other kinds' models (delegation, whistleblowing, procurement,
attest, contracts, internkontroll), and the "Intern kontroll" page and `internal-control.json` built on it."""

from __future__ import annotations

from generators.kinds.spec import VERSION_SUFFIX, CodeFamily, FileClaim, Kind

KIND = Kind(
    name="egenvardering",
    claims=(
        FileClaim(rf"egenvardering{VERSION_SUFFIX}\.yaml", "egenvardering.schema.json", "egenvärderingen för uppföljning och kontroll",
                  editor_glob="policies/egenvardering*.yaml"),
    ),
    builder="generators.model.egenvardering:build",
    # Adopted by the styrelse, but kept out of the metadata checks like the attest and internkontroll kinds.
    governed=False,
    checks=("generators.checks.egenvardering",),
    codes=(CodeFamily("EV", "Egenvärdering"),),
    rules=("generators.outputs.rules.internal_control",),
    pages=("generators.outputs.site.pages.internal_control",),
)
