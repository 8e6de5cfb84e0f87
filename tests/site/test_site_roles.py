"""The role-page registry: a document kind adds to role pages with one contributor module."""

from __future__ import annotations

from datetime import date

import pytest

from generators.loading.documents import load_policies
from generators.model import build_model
from generators.model.common import Actor
from generators.outputs.site import roles
from generators.outputs.site.context import SiteContext
from generators.outputs.site.pages import generate
from generators.outputs.site.roles import ActorRef, PageLink, RoleEntry, Topic
from tests.site.conftest import EXAMPLE_POLICIES

TRAVEL = Topic("test-travel", 250, "Godkänner tjänsteresor", "Resor som rollen godkänner.", ("Resa", "Beslutar", "Grund"))


def _travel_contributor(ctx: SiteContext):
    yield RoleEntry(
        Actor("position", "kommundirektor"), TRAVEL,
        ("Resa utanför EU/EES <script>alert(1)</script>", ActorRef(Actor("position", "kommundirektor")), "Delegation"),
        ("a",), PageLink("delegationsordningar/index.md", "Rese- och mötespolicy"),
    )
    yield RoleEntry(
        Actor("role_type", "forvaltningschef"), TRAVEL,
        ("Resa inom Norden", "Förvaltningschefen", "Arbetsledning"), ("b",), None,
    )


@pytest.fixture(scope="module")
def model():
    return build_model(load_policies(EXAMPLE_POLICIES))


def test_a_new_contributor_shows_on_the_role_pages(model, monkeypatch: pytest.MonkeyPatch) -> None:
    existing = roles.contributors()
    monkeypatch.setattr(roles, "contributors", lambda: (*existing, ("travel", _travel_contributor)))
    pages = {p.path: p.content for p in generate(SiteContext(model, date(2026, 11, 23)))}
    director = pages["roller/kommundirektor.md"]
    assert "## Godkänner tjänsteresor" in director
    assert "&lt;script&gt;alert&#40;1&#41;&lt;/script&gt;" in director and "<script>" not in director
    assert '<a href="../../delegationsordningar/">Rese- och mötespolicy</a>' in director
    # The topic comes after the delegation topics (100–199), before the closing section.
    assert director.index("## Beslutar på delegation") < director.index("## Godkänner tjänsteresor") < director.index("## Som överordnad chef")
    # A role type's entry shows on each member's page with the role type in "Gäller som".
    social = pages["roller/socialchef.md"]
    assert "Resa inom Norden" in social and "Gäller som" in social


def test_contributors_are_discovered_from_the_package() -> None:
    names = [name for name, _ in roles.contributors()]
    assert names == sorted(names) and {"delegation", "documents"} <= set(names)
