"""The Visselblåsning page: a guide for the reporter, built from the example — channels, protection,
meddelarfrihet, the external authorities, the deadlines from the reference data, and the routing
table exactly as the regulation's `route_for` answers; and the whistleblowing rows on role pages."""

from __future__ import annotations

import html as html_module
import re
from datetime import date
from pathlib import Path

import pytest

from generators.loading.documents import load_policies
from generators.model import build_model
from generators.model.whistleblowing import Concerned, regulation_on
from tests.site.conftest import EXAMPLE_POLICIES, page, parse

AS_OF = date(2026, 11, 23)


@pytest.fixture(scope="module")
def model():
    return build_model(load_policies(EXAMPLE_POLICIES))


@pytest.fixture(scope="module")
def regulation(model):
    found = regulation_on(model, AS_OF)
    assert found is not None, "exemplet har ett reglemente för visselblåsning som gäller"
    return found


def _plain(fragment: str) -> str:
    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _row(html: str, route_id: str) -> list[str]:
    html = html_module.unescape(html)
    row = re.search(rf'<tr id="regel-{re.escape(route_id)}"[^>]*>(.*?)</tr>', html, re.DOTALL)
    assert row is not None, f"raden för regeln {route_id} saknas"
    return [_plain(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row.group(1), re.DOTALL)]


def test_the_guide_tells_how_to_report(example_site: Path, regulation) -> None:
    parsed = parse(page(example_site, "visselblasning/"))
    text = parsed.text
    for heading in ("Vad kan du rapportera?", "Vem kan rapportera?", "Så rapporterar du", "Anonymitet och skydd",
                    "Meddelarfrihet", "Rapportera till en myndighet", "Vad händer sedan?", "Vem utreder rapporten?",
                    "Personuppgifter", "Arkivering"):
        assert heading in text, heading
    for label in ("Antagen av", "Diarienummer", "Gäller från", "Dokumentägare", "Nästa översyn"):
        assert label in text
    assert regulation.meta.title in text
    hrefs = {a.get("href") for tag, a in parsed.elements if tag == "a"}
    for channel in regulation.channels:
        assert channel.name in text
        if channel.url:
            assert channel.url in hrefs
        if channel.phone:
            assert channel.phone in text
    assert any(c.form == "meeting" for c in regulation.channels) and "Fysiskt möte" in text
    start = parse(page(example_site, ""))
    assert "Hur rapporterar jag missförhållanden?" in start.text


def test_each_channel_says_whether_one_can_report_anonymously(example_site: Path, regulation) -> None:
    """The regulation's own choice, per channel, under the channel's heading (V611 asks for it)."""
    from generators.outputs.site.pages.whistleblowing import ANONYMITY

    html = page(example_site, "visselblasning/").read_text(encoding="utf-8")
    stated = [c for c in regulation.channels if c.anonymous is not None]
    assert {c.anonymous for c in stated} == {True, False}, "the example shows both choices"
    for channel in stated:
        heading = html.index(html_module.escape(channel.name, quote=False) + "<a class=\"headerlink\"")
        facts = html[heading:html.index("</ul>", heading)]
        assert "Anonymt:" in facts and html_module.escape(ANONYMITY[channel.anonymous], quote=False) in facts, channel.id


def test_protection_confidentiality_and_meddelarfrihet(example_site: Path, regulation) -> None:
    text = parse(page(example_site, "visselblasning/")).text
    assert "2021:890" in text
    assert "OSL 32 kap. 3 b §" in text and "OSL 17 kap. 3 b §" in text
    assert "meddelarfrihet enligt tryckfrihetsförordningen och yttrandefrihetsgrundlagen" in text
    assert "får inte efterforska" in text and "kvalificerad tystnadsplikt" in text


def test_external_authorities_are_linked(example_site: Path, regulation) -> None:
    parsed = parse(page(example_site, "visselblasning/"))
    links = {a.get("href") for tag, a in parsed.elements if tag == "a"}
    for authority in regulation.external_channels.authorities:
        assert authority.url.startswith("https://") and authority.url in links
        assert authority.name in parsed.text
    if regulation.external_channels.full_list:
        assert regulation.external_channels.full_list in links


def test_deadlines_come_from_the_regulation_and_the_reference_data(example_site: Path, model, regulation) -> None:
    text = parse(page(example_site, "visselblasning/")).text
    receipt = model.reference.value_on(regulation.receipt_confirmation.reference, AS_OF)
    feedback = model.reference.value_on(regulation.feedback.reference, AS_OF)
    retention = model.reference.value_on(regulation.personal_data.retention.reference, AS_OF)
    assert receipt is not None and feedback is not None and retention is not None
    assert f"inom {regulation.receipt_confirmation.days} dagar" in text
    assert f"inom {regulation.feedback.months} månader" in text
    assert f"högst {receipt.days} dagar" in text and f"högst {feedback.months} månader" in text
    assert f"högst {retention.years} år" in text
    # Personal data and archiving are two separate rules on the page, each with its own text.
    data = text.index("Personuppgifter och arkivering")
    assert " ".join(regulation.personal_data.retention.text.split()) in text[data:]
    assert " ".join(regulation.archiving.text.split()) in text[text.index("Arkivering", data + 40):]


def test_routing_table_has_a_row_per_route_and_matches_route_for(example_site: Path, model, regulation) -> None:
    html = page(example_site, "visselblasning/").read_text(encoding="utf-8")
    headers = re.findall(r'<th scope="col"[^>]*>(.*?)</th>', html.split('class="routing-table"', 1)[1].split("</thead>", 1)[0])
    assert headers == ["Anmälan gäller", "Hanteras av", "Lämnas över till"]
    org = model.organisation
    for route in regulation.routes:
        concerns, handled, handover = _row(html, route.id)
        assert handled.startswith(regulation.handler_label(org, route.handler))
        if route.handover_to is not None:
            assert handover == regulation.handler_label(org, route.handover_to)
    # The top position: the route the model picks, its handler and who receives the conclusions.
    route = regulation.route_for(org, "kommundirektor")
    assert route is not None
    concerns, handled, handover = _row(html, route.id)
    assert org.positions["kommundirektor"].title in concerns
    assert regulation.handler_label(org, route.handler) in handled
    # The categories a reporter asks about have rows of their own.
    for category in ("fortroendevald", "leverantor_eller_konsult", "okand_person"):
        route = regulation.route_for(org, Concerned("category", category))
        assert route is not None and route.concerns.kind == "category"
        _row(html, route.id)
    # Every position's route is a row of the table (what the checks verified is what staff read).
    for _position_id, route in regulation.routing_table(org):
        assert route is not None and f'id="regel-{route.id}"' in html


def test_members_who_step_aside_are_named(example_site: Path, model, regulation) -> None:
    org = model.organisation
    html = page(example_site, "visselblasning/").read_text(encoding="utf-8")
    for route in regulation.routes:
        if route.concerns.kind != "position":
            continue
        assessment = regulation.assess(org, route.handler, Concerned("position", route.concerns.value))
        if assessment.conflicted:
            handled = _row(html, route.id)[1]
            assert "Deltar inte (jäv)" in handled
            for member in assessment.conflicted:
                assert org.positions[member].title in handled
            return
    pytest.fail("exemplet har en regel där en ledamot deltar inte på grund av jäv")


def test_role_pages_show_who_handles_a_report_about_the_role_and_what_members_handle(example_site: Path, model, regulation) -> None:
    org = model.organisation
    route = regulation.route_for(org, "kommundirektor")
    director = parse(page(example_site, "roller/kommundirektor/")).text
    assert "Om en anmälan om missförhållanden gäller rollen" in director
    assert regulation.handler_label(org, route.handler) in director
    # Every position's page says who handles a report about it.
    for position_id in list(org.positions)[:10]:
        route = regulation.route_for(org, position_id)
        assert regulation.handler_label(org, route.handler) in parse(page(example_site, f"roller/{position_id}/")).text
    # A member of the function sees the reports the function handles, and where they step aside.
    function = regulation.functions[0]
    member = regulation.function_positions(org, function.id)[0]
    member_text = parse(page(example_site, f"roller/{member}/")).text
    assert "Hanterar anmälningar om missförhållanden" in member_text and function.name in member_text
    # Who receives the conclusions about the kommundirektör.
    handover = regulation.route_for(org, "kommundirektor").handover_to
    if handover is not None and handover.actor is not None and handover.actor.kind == "body":
        body_text = parse(page(example_site, f"organ/{handover.actor.id}/")).text
        assert "Tar emot slutsatser efter utredning av missförhållanden" in body_text
