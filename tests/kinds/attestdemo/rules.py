"""rules/attestdemo.json: the attestants, for other systems."""

from __future__ import annotations

from pathlib import Path

from generators.outputs.rules.common import RulesContext
from generators.outputs.rules.registry import Rendered, RulesFile
from tests.kinds.attestdemo.model import attest_rules


def render(ctx: RulesContext) -> Rendered | None:
    rules = attest_rules(ctx.model)
    if rules is None:
        return None
    attestants = [{"id": a.id, "position": a.position, "up_to": a.up_to} for a in rules.attestants]
    return Rendered({**ctx.header(), "attestants": attestants})


RULES_FILE = RulesFile(name="attestdemo", render=render, schema_dir=Path(__file__).with_name("schemas"))
