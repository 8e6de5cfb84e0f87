"""Hostile text in every rendered policy field shows up on the site as text, never as markup.

A copy of the example policies gets, appended to every text field the site renders (titles, names,
notes, conditions, descriptions, section titles, diarienummer, local legal bases …), a payload of
script tags, event handlers, javascript: links, attr_list braces, Jinja expressions and table pipes.
The site must build (the post-build scan finds nothing), and every payload must be readable as text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from tests.site.conftest import EXAMPLE_POLICIES, build, page, parse

PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    '{: onclick="alert(1)" }',
    "{{ 7*7 }}",
    "a | b",
    "</title><script>alert(2)</script>",
    "*fet* _kursiv_ `kod` # rubrik",
)
PAYLOAD = " ".join(PAYLOADS)
SHORT = "<img src=x onerror=alert(1)>"  # for fields with a short maximum length

# Keys whose text values the site shows (in any document), and the short ones.
TEXT_KEYS = {
    "title", "name", "summary", "description", "note", "text", "local", "how", "unreported_recorded_as",
    "recorded_as", "reference", "notes", "reason",
}
SHORT_KEYS = {"diarienummer", "version", "supersedes"}
# The travel, whistleblowing, procurement and attest documents: every free-text field their schemas have
# (common.schema.json#/$defs/text) gets the whole payload; names and titles (at most 120 characters)
# get a shorter one.
DOCUMENT_TEXT_KEYS = {
    "summary", "description", "note", "stated_in", "text", "local", "area", "conflict_of_interest", "independence",
    "may_engage", "protection", "reportable", "several_concerned", "applies_to", "decision", "documentation",
    "follow_up", "records", "register", "responsibilities", "scope",
}
DOCUMENT_NAME_KEYS = {"name", "title"}
NAME_PAYLOAD = "<img src=x onerror=alert(1)> {{ 7*7 }}"
DOCUMENT_PAGES = {
    "travel.yaml": "resor/", "whistleblowing.yaml": "visselblasning/", "procurement.yaml": "upphandling/",
    # The attestreglemente (steps, rules, third step, categories, levels) and a förteckning (ansvar names, notes).
    "attestreglemente.yaml": "attest/", "attest/socialnamnden.yaml": "attest/attestforteckning-socialnamnden/",
}


def _poison(node: object, key: str | None = None) -> object:
    if isinstance(node, dict):
        return {k: _poison(v, k) for k, v in node.items()}
    if isinstance(node, list):
        return [_poison(v, key) for v in node]
    if isinstance(node, str) and key in TEXT_KEYS:
        return f"{node} {PAYLOAD}"
    if isinstance(node, str) and key in SHORT_KEYS:
        # versions stay distinct (and `supersedes` keeps naming the version it replaces)
        return f"{node}{SHORT}"[:40] if key == "diarienummer" else f"{node}<b>v</b>"
    return node


def _poison_document(node: object, key: str | None = None) -> object:
    """Every text field of a travel, whistleblowing or procurement document (ids, enums, dates, URLs,
    phone numbers and actor references are left as they are, so the document still passes its checks)."""
    if isinstance(node, dict):
        return {k: (v if k == "document" else _poison_document(v, k)) for k, v in node.items()}
    if isinstance(node, list):
        return [_poison_document(v, key) for v in node]
    if isinstance(node, str) and key in DOCUMENT_TEXT_KEYS:
        return f"{node} {PAYLOAD}"
    if isinstance(node, str) and key in DOCUMENT_NAME_KEYS:
        return f"{node} {NAME_PAYLOAD}"
    return node


def _poison_lines(source: str, keys: tuple[str, ...]) -> str:
    """Append the payload to `key: "value"` lines (double-quoted values), keeping everything else."""
    pattern = re.compile(r'^(\s*(?:- )?(?:' + "|".join(keys) + r'): )"([^"\\]*)"\s*$', re.MULTILINE)
    return pattern.sub(lambda m: m.group(1) + json.dumps(f"{m.group(2)} {PAYLOAD}", ensure_ascii=False), source)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    policies = root / "policies"
    import shutil

    shutil.copytree(EXAMPLE_POLICIES, policies)
    # Every policy file: the organisation, the delegationsordningar, the reference data (statute
    # names and short names become link texts and titles) and the other documents (their titles
    # appear on role pages).
    for path in sorted(policies.rglob("*.yaml")):
        relative = path.relative_to(policies).as_posix()
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if relative == "organisation.yaml" or relative.startswith("delegation/"):
            if relative == "delegation/socialnamnden.yaml":
                # A retired matter, so the table of retired matters is rendered too.
                data.setdefault("retired_matters", []).append({
                    "id": "sn-upphort-testarende",
                    "retired_on": data["document"]["valid_from"],
                    "reason": "Beslutanderätten flyttades till ett annat ärende.",
                    "replaced_by": data["sections"][0]["matters"][0]["id"],
                })
            data = _poison(data)
        elif relative.startswith("reference/"):
            # Edited as text: a YAML round trip would turn the country code NO into false.
            path.write_text(_poison_lines(path.read_text(encoding="utf-8"), ("title", "name", "short")), encoding="utf-8")
            continue
        elif isinstance(data, dict) and isinstance(data.get("document"), dict):
            for key in ("title", "summary"):
                if isinstance(data["document"].get(key), str):
                    data["document"][key] = f"{data['document'][key]} {PAYLOAD}"
            if relative in DOCUMENT_PAGES:
                data = _poison_document(data)
        else:
            continue
        # The municipality's name is shown on the start page and in headings.
        if path.name == "organisation.yaml":
            data["municipality"]["name"] = f"Ekbacka kommun {PAYLOAD}"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    return build(policies, root / "site")


def _all_html(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_the_site_builds_and_the_scan_finds_nothing(hostile_site: Path) -> None:
    # build() would have raised SiteBuildError on any finding; scan again to be explicit, allowing
    # exactly the scripts the project itself lists in mkdocs.yml (as the build's own scan does).
    from generators.outputs.site.scan import scan_site
    from tests.site.conftest import REPO

    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    assert scan_site(hostile_site, extra_scripts=list(config.get("extra_javascript") or [])) == []


def test_no_injected_element_or_attribute_anywhere(hostile_site: Path) -> None:
    for html in _all_html(hostile_site):
        parsed = parse(html)
        for tag, attrs in parsed.elements:
            assert not (tag == "img" and attrs.get("src") == "x"), f"{html}: <img src=x>"
            assert not any(name.startswith("on") for name in attrs), f"{html}: händelseattribut på <{tag}>"
            assert not any((value or "").replace(" ", "").lower().startswith("javascript:") for value in attrs.values()), html
            assert tag != "b", f"{html}: <b> ur versionsfältet blev markup"
        assert "<script>alert" not in html.read_text(encoding="utf-8")


def test_payloads_are_readable_text_on_the_pages(hostile_site: Path) -> None:
    delegation = parse(page(hostile_site, "delegationsordningar/socialnamnden/")).text
    assert "Upphörda ärenden" in delegation and "sn-upphort-testarende" in delegation
    role = parse(page(hostile_site, "roller/kommundirektor/")).text
    start = parse(page(hostile_site, "")).text
    for payload in PAYLOADS:
        assert payload in delegation, f"{payload!r} syns inte som text på delegationsordningen"
        assert payload in role, f"{payload!r} syns inte som text på rollsidan"
        assert payload in start, f"{payload!r} syns inte som text på startsidan"


def test_page_titles_stay_text(hostile_site: Path) -> None:
    html = page(hostile_site, "delegationsordningar/socialnamnden/").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", html, re.DOTALL)
    assert title is not None
    assert "<" not in title.group(1), "sidtiteln innehåller markup"
    assert "&lt;/title&gt;" in title.group(1)


def test_table_cells_are_not_split_by_a_pipe(hostile_site: Path) -> None:
    html = page(hostile_site, "delegationsordningar/socialnamnden/").read_text(encoding="utf-8")
    tables = re.findall(r'<div class="delegation-table">(.*?)</table>', html, re.DOTALL)
    rows = [row for t in tables for row in re.findall(r"<tr id=\"[^\"]+\"[^>]*>(.*?)</tr>", t, re.DOTALL)]
    assert rows
    for row in rows:
        assert len(re.findall(r"<t[dh][ >]", row)) == 8, "en rad har fortfarande åtta celler"


def test_statute_names_from_reference_data_stay_text(hostile_site: Path) -> None:
    html = page(hostile_site, "delegationsordningar/socialnamnden/").read_text(encoding="utf-8")
    links = re.findall(r'<a href="https://[^"]*" class="statute" title="([^"]*)">([^<]*)</a>', html)
    assert links, "lagrummen länkas fortfarande"
    import html as html_module

    title, label = (html_module.unescape(part) for part in links[0])
    assert "<script>alert(1)</script>" in title and "<script>alert(1)</script>" in label


@pytest.mark.parametrize("source, url", sorted(DOCUMENT_PAGES.items()))
def test_payloads_in_travel_whistleblowing_and_procurement_fields_are_text(hostile_site: Path, source: str, url: str) -> None:
    """Names, descriptions, notes, rule texts, areas, conditions … of these documents render as text."""
    text = parse(page(hostile_site, url)).text
    for payload in PAYLOADS:
        assert payload in text, f"{payload!r} syns inte som text på {url}"
    assert NAME_PAYLOAD in text, f"namnfälten på {url} syns inte som text"
    # The document's own fields, one by one: each poisoned value is on the page as it was written.
    data = yaml.safe_load((EXAMPLE_POLICIES / source).read_text(encoding="utf-8"))
    names = [v for k, v in _walk(data) if k in DOCUMENT_NAME_KEYS and isinstance(v, str)]
    assert names
    for name in names:
        assert " ".join(f"{name} {NAME_PAYLOAD}".split()) in text, f"{name!r} saknas som text på {url}"
    texts = [v for k, v in _walk(data) if k in DOCUMENT_TEXT_KEYS and isinstance(v, str)]
    assert texts
    missing = [value[:60] for value in texts if " ".join(f"{value} {PAYLOAD}".split()) not in text]
    assert not missing, f"fält som inte syns som text på {url}: {missing}"


def _walk(node: object, key: str | None = None):
    if isinstance(node, dict):
        for k, v in node.items():
            if k != "document":
                yield from _walk(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from _walk(v, key)
    else:
        yield key, node


def test_travel_matrix_and_routing_rows_keep_their_cells(hostile_site: Path) -> None:
    travel = page(hostile_site, "resor/").read_text(encoding="utf-8")
    for row in re.findall(r'<tr id="kategori-[^"]+">(.*?)</tr>', travel, re.DOTALL):
        assert len(re.findall(r"<th[ >]", row)) == 1
        spans = [int(n) for n in re.findall(r'<td colspan="(\d+)"', row)] + [1] * len(re.findall(r"<td headers=", row))
        assert sum(spans) == 4, "raden täcker fortfarande alla fyra zoner"
    routing = page(hostile_site, "visselblasning/").read_text(encoding="utf-8")
    rows = re.findall(r'<tr id="regel-[^"]+">(.*?)</tr>', routing, re.DOTALL)
    assert rows and all(len(re.findall(r"<t[dh][ >]", row)) == 3 for row in rows)


def test_role_pages_show_these_documents_fields_as_text(hostile_site: Path) -> None:
    director = parse(page(hostile_site, "roller/kommundirektor/")).text
    assert "Godkänner tjänsteresor" in director and "Beslutar om inköp och upphandling" in director
    assert NAME_PAYLOAD in director
    member = parse(page(hostile_site, "roller/kanslichef/")).text
    assert "Hanterar anmälningar om missförhållanden" in member and NAME_PAYLOAD in member
    # Attest rows: ansvar names (the förteckning) and category names (the third step) stay text.
    chef = parse(page(hostile_site, "roller/enhetschef_barn_och_unga/")).text
    assert f"5110 Barn och unga, placeringar och öppenvård {NAME_PAYLOAD}" in chef
    controller = parse(page(hostile_site, "roller/avtalscontroller/")).text
    assert f"Konsulttjänster {NAME_PAYLOAD}" in controller


def test_attest_rows_keep_their_cells(hostile_site: Path) -> None:
    html = page(hostile_site, "attest/attestforteckning-socialnamnden/").read_text(encoding="utf-8")
    rows = re.findall(r'<tr id="ansvar-[^"]+">(.*?)</tr>', html, re.DOTALL)
    assert rows and all(len(re.findall(r"<t[dh][ >]", row)) == 8 for row in rows)
