"""The "Vem attesterar?" pages: the attestreglemente's page and one page per nämnd's attestförteckning,
built from the example, saying what the attest model says; and the attest rows on role pages."""

from __future__ import annotations

import html as html_module
import re
from pathlib import Path

from tests.site.conftest import page, parse

NBSP = "\u00a0"
SOCIAL = "attest/attestforteckning-socialnamnden/"


def _plain(fragment: str) -> str:
    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", fragment)).replace(NBSP, " ").split())


def _row(site: Path, url: str, code: str) -> str:
    html = page(site, url).read_text(encoding="utf-8")
    row = re.search(rf'<tr id="ansvar-{re.escape(code)}">(.*?)</tr>', html, re.DOTALL)
    assert row is not None, f"raden för ansvar {code} saknas på {url}"
    return row.group(1)


def _cells(row: str) -> dict[str, str]:
    return {html_module.unescape(label): _plain(content) for label, content in re.findall(r'<td data-label="([^"]*)">(.*?)</td>', row, re.DOTALL)}


def test_every_namnd_has_a_page_linked_from_the_reglemente(example_site: Path) -> None:
    index = page(example_site, "attest/").read_text(encoding="utf-8")
    for body in ("socialnamnden", "kommunstyrelsen", "barn-och-utbildningsnamnden", "kultur-och-fritidsnamnden", "samhallsbyggnadsnamnden"):
        assert f'href="attestforteckning-{body}/"' in index
        assert page(example_site, f"attest/attestforteckning-{body}/").exists()


def test_the_consultancy_ansvar_row_names_the_whole_chain(example_site: Path) -> None:
    # The row decide attest answers from for the 80 000 kr consultancy invoice on 5110.
    row = _row(example_site, SOCIAL, "5110")
    cells = _cells(row)
    assert cells["Beslutsattestant"].startswith("Enhetschef barn och unga")
    assert cells["Ersättare"] == "Avdelningschef individ- och familjeomsorg"
    assert cells["Beloppsgräns"] == "Förvaltningsnivå: upp till 2 000 000 kr"
    assert cells["Tredje steget"] == "Avtalscontroller För konsulttjänster och från 500 000 kr (11 §)"
    assert cells["Period"] == "1 januari 2026–31 december 2026"
    assert 'href="../../roller/avtalscontroller/"' in row and 'href="../../roller/enhetschef&#95;barn&#95;och&#95;unga/"' in row


def test_the_third_step_skips_an_attestant_below_the_decider(example_site: Path) -> None:
    # 1110: the upphandlingschef is the avtalscontroller's chef, so the kanslichef takes the step.
    cells = _cells(_row(example_site, "attest/attestforteckning-kommunstyrelsen/", "1110"))
    assert cells["Tredje steget"].startswith("Kanslichef")


def test_every_data_cell_carries_its_column_name_for_narrow_screens(example_site: Path) -> None:
    html = page(example_site, SOCIAL).read_text(encoding="utf-8")
    table = re.search(r'<div class="attest-table">\n<table>(.*?)</table>', html, re.DOTALL)
    assert table is not None and "<caption>" in table.group(1)
    rows = re.findall(r'<tr id="ansvar-[^"]+">(.*?)</tr>', table.group(1), re.DOTALL)
    assert len(rows) >= 10
    for row in rows:
        assert len(re.findall(r'<th scope="row">', row)) == 1
        assert len(re.findall(r"<td data-label=", row)) == 7 == len(re.findall(r"<td", row))


def test_the_reglementes_rules_are_shown_with_their_paragraphs(example_site: Path) -> None:
    for url in ("attest/", SOCIAL):
        text = parse(page(example_site, url)).text
        assert "Egna kostnader (7 §)." in text and "Direktörens kostnader (8 §)." in text
        assert "Två i förening (6 §)." in text and "Ersättaren attesterar bara vid frånvaro (9 §)." in text
        assert "11 §. Fakturor för konsulttjänster" in text
    assert "Mottagningsattest (3 §)." in parse(page(example_site, "attest/")).text


def test_role_pages_show_attest_rights(example_site: Path) -> None:
    chef = page(example_site, "roller/enhetschef_barn_och_unga/").read_text(encoding="utf-8")
    assert "Attesterar fakturor" in chef
    assert 'href="../../attest/attestforteckning-socialnamnden/&#35;ansvar-5110"' in chef
    controller = parse(page(example_site, "roller/avtalscontroller/")).text
    assert "Tredje atteststeget" in controller and "Konsulttjänster Ordinarie attestant 11 § attestreglementet" in controller
    assert "Alla fakturor från 500 000 kr exklusive moms" in controller.replace(NBSP, " ")
    chair = parse(page(example_site, "organ/kommunstyrelsen/")).text
    assert "Beslutsattest av direktörens kostnader" in chair
