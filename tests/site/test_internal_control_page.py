"""The "Intern kontroll" page built from the example: charts with text and a table beside each, every
statement with its answer and how it was reached, the plans with their controls, and narrow-screen labels."""

from __future__ import annotations

import html as html_module
import json
import re
from pathlib import Path

from tests.site.conftest import page

URL = "intern-kontroll/"


def _html(site: Path) -> str:
    return page(site, URL).read_text(encoding="utf-8")


def _plain(fragment: str) -> str:
    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", fragment)).replace("\u00a0", " ").split())


def test_every_chart_is_an_image_with_text_and_a_table_beside_it(example_site: Path) -> None:
    html = _html(example_site)
    charts = re.findall(r'<div class="ik-chart">(.*?)</div>', html, re.DOTALL)
    assert len(charts) == 7  # the summary and the six areas
    for chart in charts:
        svg = re.search(r'<svg class="ik-pie" role="img" aria-label="([^"]+)"', chart)
        assert svg is not None
        assert "uppfyller" in svg.group(1) or "ej besvarat" in svg.group(1)
        assert "<text " in chart, "each slice carries its count in text, not colour alone"
        assert "<caption>" in chart and 'data-label="Antal påståenden"' in chart
    assert "<script" not in "".join(charts)


def test_every_statement_says_its_answer_and_whether_it_is_computed(example_site: Path) -> None:
    html = _html(example_site)
    rows = dict(re.findall(r'<tr id="pastaende-([^"]+)">(.*?)</tr>', html, re.DOTALL))
    assert len(rows) == 14
    contracts = _plain(rows["avtalsagare"])
    assert "uppfyller helt" in contracts and "Framräknat ur styrdokumenten (regel AR101)" in contracts
    training = _plain(rows["utbildning-i-jav"])
    assert "uppfyller inte alls" in training and "Ägarens svar" in training and "KS 2025/390" in training
    assert "ej besvarat" in _plain(rows["kvalitet-hos-utforare"])
    text = _plain(html)
    assert "7 av 14 svar är framräknade ur styrdokumenten" in text
    assert "inte om kontrollerna fungerar i praktiken" in text
    assert "har inte kunnat bekräftas" in text  # the source note on SKR's areas


def test_each_body_shows_its_plan_with_controls_and_labels_for_narrow_screens(example_site: Path) -> None:
    html = _html(example_site)
    row = re.search(r'<tr id="kontroll-kommunstyrelsen-avtalsagare-finns">(.*?)</tr>', html, re.DOTALL)
    assert row is not None
    cells = dict(re.findall(r'<td data-label="([^"]*)">(.*?)</td>', row.group(1), re.DOTALL))
    assert _plain(cells["Metod"]) == "Automatisk kontroll U712"
    assert _plain(cells["Rapporteras till nämnden"]) == "16 juni 2026"
    assert "Upphandlingschef" in _plain(cells["Ansvarig"])
    for body in ("Kommunstyrelsen", "Socialnämnden", "Barn- och utbildningsnämnden", "Samhällsbyggnadsnämnden", "Kultur- och fritidsnämnden"):
        assert f"Läget för {body}" in html
    assert html.count("<caption>Kontrollaktiviteter 2026</caption>") == 5


def test_internal_control_json_is_published_and_says_what_the_page_says(example_site: Path) -> None:
    data = json.loads((example_site / "rules" / "v1" / "internal-control.json").read_text(encoding="utf-8"))
    statements = {s["id"]: s for area in data["areas"] for s in area["statements"]}
    assert statements["avtalsagare"]["computed"] is True and statements["avtalsagare"]["decided_by"] == ["AR101"]
    assert statements["utbildning-i-jav"]["answer"] == "inte_alls" and statements["utbildning-i-jav"]["computed"] is False
    assert [b["plan"]["year"] for b in data["bodies"]] == [2026] * 5
