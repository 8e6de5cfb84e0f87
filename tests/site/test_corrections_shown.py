"""A version's rättelser (`document.corrections`) are shown beside its adoption facts on its page."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from generators.loading.documents import load_policies
from generators.model import Model, build_model
from generators.outputs.site import documents
from generators.outputs.site.context import SiteContext
from tests.conftest import EXAMPLE_POLICIES

AS_OF = date(2026, 11, 23)


def corrected(tmp_path: Path) -> Model:
    policies = tmp_path / "policies"
    shutil.copytree(EXAMPLE_POLICIES, policies)
    path = policies / "delegation" / "socialnamnden.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('  valid_from: "2026-01-01"\n', '  valid_from: "2026-01-01"\n  corrections:\n'
                                 '    - {date: "2026-11-20", paragraph: "§ 156", reason: "Beloppet i 3.3 rättat <efter> protokollet."}\n', 1),
                    encoding="utf-8")
    loaded = load_policies(policies)
    assert not [d for d in loaded.diagnostics if d.severity == "error"]
    return build_model(loaded)


def test_a_rattelse_is_listed_with_the_decision(tmp_path: Path) -> None:
    model = corrected(tmp_path)
    order = next(o for o in model.delegations if o.meta.id == "sn-delegationsordning")
    box = documents.metadata_box(SiteContext(model, AS_OF), order, "x.md")
    assert ('<div><dt>Rättelser</dt> <dd><ul class="corrections"><li>20 november 2026, efter protokollets § 156: '
            "Beloppet i 3.3 rättat &lt;efter&gt; protokollet.</li></ul></dd></div>") in box
    assert box.index("Diarienummer") < box.index("Rättelser") < box.index("Version")

