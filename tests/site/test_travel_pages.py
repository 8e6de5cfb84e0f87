"""The Resor page: the rese- och mötespolicy's approval matrix, zones and rules, built from the example,
saying exactly what the travel model says; and the travel rows on role pages."""

from __future__ import annotations

import html as html_module
import re
from datetime import date
from pathlib import Path

import pytest
from babel import Locale

from generators.loading.documents import load_policies
from generators.model import build_model
from generators.model.common import Actor
from generators.model.travel import decide_trip, travel_policy_on
from tests.site.conftest import EXAMPLE_POLICIES, page, parse

AS_OF = date(2026, 11, 23)
NBSP = "\u00a0"


@pytest.fixture(scope="module")
def model():
    return build_model(load_policies(EXAMPLE_POLICIES))


@pytest.fixture(scope="module")
def policy(model):
    found = travel_policy_on(model, AS_OF)
    assert found is not None, "exemplet har en rese- och mötespolicy som gäller"
    return found


def _plain(fragment: str) -> str:
    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", fragment)).replace(NBSP, " ").split())


def _cell(html: str, category_id: str, zone_id: str) -> str:
    """The HTML of the matrix cell for a category (row) and a zone (one of the cell's `data-zones`).

    Attribute values are written with character references (`&#95;` for `_`, `&#35;` for `#`), as
    every value on the site is; the example's text has no markup, so the page is unescaped first."""
    html = html_module.unescape(html)
    row = re.search(rf'<tr id="kategori-{re.escape(category_id)}">(.*?)</tr>', html, re.DOTALL)
    assert row is not None, f"raden för {category_id} saknas"
    for attrs, content in re.findall(r"<td([^>]*)>(.*?)</td>", row.group(1), re.DOTALL):
        zones = re.search(r'data-zones="([^"]*)"', attrs)
        if zones and zone_id in zones.group(1).split():
            return content
    raise AssertionError(f"ingen ruta för {category_id} och {zone_id}")


def test_the_page_has_metadata_a_captioned_matrix_and_is_linked_from_the_start_page(example_site: Path, policy) -> None:
    built = page(example_site, "resor/")
    parsed = parse(built)
    assert policy.meta.title in parsed.text
    for label in ("Antagen av", "Diarienummer", "Gäller från", "Dokumentägare", "Nästa översyn"):
        assert label in parsed.text
    html = built.read_text(encoding="utf-8")
    assert "Anställdas tjänsteresor: vem godkänner" in re.findall(r"<caption>(.*?)</caption>", html)
    scopes = [a.get("scope") for tag, a in parsed.elements if tag == "th"]
    assert scopes.count("col") >= 2 * (len(policy.zones) + 1) and "row" in scopes
    start = parse(page(example_site, "")).text
    assert "Vem godkänner min tjänsteresa?" in start
    assert any(tag == "a" and (a.get("href") or "").startswith("resor/") for tag, a in parse(page(example_site, "")).elements)


def test_every_cell_names_the_approver_the_model_gives(example_site: Path, model, policy) -> None:
    html = page(example_site, "resor/").read_text(encoding="utf-8")
    org = model.organisation
    for category in policy.categories:
        for zone in policy.zones:
            approval = policy.approval_for(category.id, zone.id)
            assert approval is not None
            cell = _plain(_cell(html, category.id, zone.id))
            assert cell.lower().startswith(org.label(approval.approver).lower()), f"{category.id}/{zone.id}: {cell}"


def test_a_trip_to_the_usa_for_an_enhetschef_shows_the_models_approver_and_the_delegation(example_site: Path, model, policy) -> None:
    org = model.organisation
    chef = next(p for p in org.positions.values() if p.level == "enhetschef")
    decision = decide_trip(model, Actor("position", chef.id), "US", AS_OF)
    assert decision is not None and decision.approver is not None and decision.zone is not None and decision.category is not None
    html = page(example_site, "resor/").read_text(encoding="utf-8")
    cell = _cell(html, decision.category.id, decision.zone.id)
    assert org.label(decision.approver) in _plain(cell)
    assert decision.matter is not None and decision.order is not None
    body = decision.order.body
    assert f'href="../delegationsordningar/{body}/#{decision.matter.id}"' in cell
    assert f"ärende {decision.matter.number} i " in _plain(cell) and "delegationsordning" in _plain(cell)
    # Within Sweden the same chef's trip is line management.
    home = decide_trip(model, Actor("position", chef.id), "SE", AS_OF)
    assert home is not None and home.basis == "line_management"
    assert "Arbetsledning" in _plain(_cell(html, home.category.id, home.zone.id))


def test_own_trip_approver_and_a_resolved_narmaste_chef_are_shown(example_site: Path, model, policy) -> None:
    html = page(example_site, "resor/").read_text(encoding="utf-8")
    own = next(a for a in policy.approvals if a.own_trip_approver is not None)
    assert "själv reser beslutar" in _plain(_cell(html, own.category, own.zone))
    # A category of one position under a relative approver: the cell names who that is.
    org = model.organisation
    for category in policy.categories:
        members = category.member_positions(org) if category.kind == "employee" else []
        approval = policy.approval_for(category.id, policy.zones[0].id)
        if len(members) == 1 and approval is not None and approval.approver.kind == "relative":
            resolved = policy.resolve_for_position(org, approval, members[0])
            assert org.label(resolved.actor).lower() in _plain(_cell(html, category.id, policy.zones[0].id)).lower()
            break
    else:
        pytest.fail("exemplet har en kategori med en befattning och närmaste chef som godkänner")


def test_zones_list_their_countries_in_swedish(example_site: Path, model, policy) -> None:
    text = parse(page(example_site, "resor/")).text
    names = Locale.parse("sv").territories
    for zone in policy.zones:
        assert zone.name in text
        for code in policy.zone_members(zone.id, AS_OF, model.reference):
            assert names.get(code, code) in text, f"{code} ({zone.id}) saknas"
    nordic = next(z for z in policy.zones if "NO" in policy.zone_members(z.id, AS_OF, model.reference))
    assert "Norge" in text and "Danmark" in text and nordic.name in text


def test_the_other_rules_are_on_the_page(example_site: Path, policy) -> None:
    text = parse(page(example_site, "resor/")).text.replace(NBSP, " ")
    rules = policy.rules
    if rules.climate.train_below_km is not None:
        assert f"kortare än {rules.climate.train_below_km} km" in text
    for heading in ("Syfte", "Tåg före flyg", "Bokning", "Kostnader", "Uppföljning"):
        assert heading in text
    for cost in rules.costs:
        assert cost.title in text
    assert " ".join(rules.booking.text.split()) in text


def test_role_pages_show_what_a_position_approves_and_who_approves_its_own_trips(example_site: Path, model, policy) -> None:
    org = model.organisation
    director = parse(page(example_site, "roller/kommundirektor/")).text
    assert "Godkänner tjänsteresor" in director
    named = [a for a in policy.approvals if a.approver.kind == "position" and a.approver.id == "kommundirektor"]
    assert named and policy.category(named[0].category).name in director
    assert "Egna tjänsteresor" in director
    # A förvaltningschef's own trip outside the EU/EES: the approver the model resolves.
    chief = next(p for p in org.positions_of_role_type("forvaltningschef"))
    decision = decide_trip(model, Actor("position", chief), "US", AS_OF)
    assert decision is not None and decision.approver is not None
    assert org.label(decision.approver) in parse(page(example_site, f"roller/{chief}/")).text
    # The relative actor's own page lists the categories it approves for.
    relative = parse(page(example_site, "roller/relativa/narmaste_chef/")).text
    assert "Godkänner tjänsteresor" in relative


def test_adopted_versions_to_come_get_their_own_pages(tmp_path: Path) -> None:
    """A travel policy, whistleblowing regulation and procurement policy adopted for 2027: each gets a
    page of its own, linked from a notice on the page in force (and back), with zones and amounts for
    its first day."""
    import shutil

    from tests.site.conftest import build

    policies = tmp_path / "policies"
    shutil.copytree(EXAMPLE_POLICIES, policies)
    for name in ("travel", "whistleblowing", "procurement"):
        source = policies / f"{name}.yaml"
        current = source.read_text(encoding="utf-8")
        later = (current.replace('  version: "2026:1"', '  version: "2027:1"')
                 .replace('  valid_from: "2026-01-01"', '  valid_from: "2027-01-01"')
                 .replace('  supersedes: "2019:1"', '  supersedes: "2026:1"')
                 .replace('  supersedes: "2022:1"', '  supersedes: "2026:1"')
                 .replace('  supersedes: "2021:2"', '  supersedes: "2026:1"'))
        assert later != current
        (policies / f"{name}.2027.yaml").write_text(later, encoding="utf-8")
        source.write_text(current.replace('  valid_from: "2026-01-01"', '  valid_from: "2026-01-01"\n  valid_to: "2026-12-31"'),
                          encoding="utf-8")
    site = build(policies, tmp_path / "site")
    for url, later_url in (("resor/", "resor/resepolicy-2027-01-01/"),
                           ("visselblasning/", "visselblasning/visselblasningsreglemente-2027-01-01/"),
                           ("upphandling/", "upphandling/upphandlingspolicy-2027-01-01/")):
        current = parse(page(site, url))
        assert "Ny version antagen, gäller från 1 januari 2027" in current.text
        assert any(tag == "a" and (a.get("href") or "").rstrip("/").endswith(later_url.rstrip("/").split("/")[-1])
                   for tag, a in current.elements), f"{url} länkar till den nya versionen"
        assert "har ännu inte börjat gälla" in parse(page(site, later_url)).text
