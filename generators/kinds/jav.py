"""Registration of the `jav` document kind: the riktlinjer mot jäv och otillåten påverkan."""

from __future__ import annotations

from generators.kinds.spec import VERSION_SUFFIX, CodeFamily, FileClaim, Kind

KIND = Kind(
    name="jav",
    claims=(
        FileClaim(rf"riktlinjer-jav{VERSION_SUFFIX}\.yaml", "jav.schema.json", "riktlinjerna mot jäv och otillåten påverkan",
                  editor_glob="policies/riktlinjer-jav*.yaml"),
    ),
    builder="generators.model.jav:build",
    # Like the attest, internkontroll and egenvärdering kinds: kept out of the metadata checks for now.
    governed=False,
    checks=("generators.checks.jav",),
    codes=(CodeFamily("JV", "Jäv och otillåten påverkan"),),
    pages=("generators.outputs.site.pages.jav",),
    rules=("generators.outputs.rules.jav",),
)
