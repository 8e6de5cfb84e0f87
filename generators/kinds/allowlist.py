"""Registration of the `allowlist` document kind. The reviewed personal-data allowlist (function addresses and numbers that may be published)."""

from __future__ import annotations

from generators.kinds.spec import FileClaim, Kind

KIND = Kind(
    name="allowlist",
    claims=(
        FileClaim(r"personal-data-allowlist\.yaml", "personal-data-allowlist.schema.json", "undantagslistan för personuppgifter", editor_glob="policies/personal-data-allowlist.yaml"),
    ),
    builder="generators.model.allowlist:build",
    governed=False,
    synth="generators.synth.policies:allowlist_files",
)
