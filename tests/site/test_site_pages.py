"""The example site: every page a staff member needs exists, is in the navigation and says what it should."""

from __future__ import annotations

import json
import posixpath
import re
from datetime import date
from html import unescape
from pathlib import Path

import pytest

from generators.checks.registry import all_rules
from generators.loading.documents import load_policies
from generators.model import build_model
from tests.site.conftest import EXAMPLE_POLICIES, page, parse

AS_OF = date(2026, 11, 23)


@pytest.fixture(scope="module")
def model():
    return build_model(load_policies(EXAMPLE_POLICIES))


def _in_force(model, day=AS_OF):
    return [o for o in model.delegations if o.meta.in_force_on(day)]


def _nav_targets(site: Path) -> set[str]:
    """Every page some page's navigation links to, as a path from the site root ('roller/x/')."""
    targets: set[str] = set()
    for html in site.rglob("*.html"):
        if html.name == "404.html":
            continue
        base = html.parent.relative_to(site).as_posix()
        for tag, attrs in parse(html).elements:
            if tag == "a" and "md-nav__link" in (attrs.get("class") or "") and attrs.get("href"):
                href = (attrs["href"] or "").split("#")[0]
                resolved = posixpath.normpath(posixpath.join(base, href))
                targets.add("" if resolved == "." else resolved.removesuffix("/index.html") + "/")
    return targets


def test_every_page_is_in_the_navigation(example_build: tuple[Path, list[str]]) -> None:
    example_site, generated_pages = example_build
    targets = _nav_targets(example_site)
    missing = []
    for generated in generated_pages:
        stem = generated[: -len(".md")]
        url = "" if stem == "index" else (stem[: -len("index")] if stem.endswith("/index") else stem + "/")
        if url not in targets:
            missing.append(generated)
    assert not missing, f"sidor som inte nås från navigeringen: {missing[:10]}"
    assert "tillganglighet/" in targets


def test_start_page_is_swedish_and_points_to_the_documents(example_site: Path, model) -> None:
    html = (example_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="sv"' in html
    text = parse(example_site / "index.html").text
    assert "Vem får fatta ett visst beslut?" in text
    assert "Vad får min befattning besluta om?" in text
    for order in _in_force(model):
        assert model.organisation.bodies[order.body].name in text
    assert "23 november 2026" in text


def test_one_page_per_delegationsordning_with_sections_and_captions(example_site: Path, model) -> None:
    for order in _in_force(model):
        built = page(example_site, f"delegationsordningar/{order.body}/")
        parsed = parse(built)
        assert order.meta.title in parsed.text
        captions = re.findall(r"<caption>(.*?)</caption>", built.read_text(encoding="utf-8"))
        assert len(captions) >= len(order.sections)
        headers = [a.get("scope") for tag, a in parsed.elements if tag == "th"]
        assert headers.count("col") >= 8 * len(order.sections)
        ids = {a.get("id") for _tag, a in parsed.elements}
        assert all(matter.id in ids for matter in order.matters), "varje ärenderad har sitt id som ankare"
        for label in ("Antagen av", "Diarienummer", "Gäller från", "Dokumentägare", "Nästa översyn"):
            assert label in parsed.text


def test_delegation_table_shows_tiers_amounts_and_linked_statutes(example_site: Path, model) -> None:
    order = next(o for o in _in_force(model) if any(t.up_to and t.up_to.unit == "prisbasbelopp" for m in o.matters for t in m.tiers))
    built = page(example_site, f"delegationsordningar/{order.body}/")
    html = built.read_text(encoding="utf-8")
    assert re.search(r"Upp till [\d,]+ prisbasbelopp \(\d[\d\s]* kr\)", parse(built).text), "beloppsnivå med kronor för året"
    statutes = model.reference.statutes
    linked = [s.url for s in statutes.values() if f'href="{s.url}"' in html]
    assert linked, "lagrum länkas till lagtexten"
    assert "Ren verkställighet" in html or not any(m.execution_only for m in order.matters)


def test_adopted_future_version_has_a_notice_and_its_own_page(example_site: Path, model) -> None:
    future = [o for o in model.delegations if o.meta.status == "antagen" and o.meta.valid_from > AS_OF]
    assert future, "exemplet har en antagen version som börjar gälla senare"
    for order in future:
        current = parse(page(example_site, f"delegationsordningar/{order.body}/")).text
        assert f"Ny version antagen, gäller från {order.meta.valid_from.day} januari {order.meta.valid_from.year}" in current
        later = page(example_site, f"delegationsordningar/{order.body}-{order.meta.valid_from.isoformat()}/")
        assert "har ännu inte börjat gälla" in parse(later).text


def test_role_page_lists_the_roles_delegations(example_site: Path, model) -> None:
    org = model.organisation
    decided = [m for o in _in_force(model) for m in o.matters if not m.execution_only
               and any(a.kind == "position" and a.id == "kommundirektor" for a in m.all_delegates())]
    assert decided
    parsed = parse(page(example_site, "roller/kommundirektor/"))
    assert parsed.text.startswith(f"{org.positions['kommundirektor'].title}") or "Kommundirektör: vad rollen beslutar" in parsed.text
    for matter in decided:
        assert matter.title in parsed.text
    # A role type's delegations show on each member's page, saying through which role type.
    member = next(p for p in org.positions_of_role_type("enhetschef_soc"))
    member_text = parse(page(example_site, f"roller/{member}/")).text
    assert org.role_types["enhetschef_soc"].title in member_text


def test_body_page_shows_seat_delegations(example_site: Path, model) -> None:
    urgent = [m for o in _in_force(model) for m in o.matters if any(a.kind == "seat" for a in m.all_delegates())]
    assert urgent
    matter = urgent[0]
    seat = next(a for a in matter.all_delegates() if a.kind == "seat")
    assert matter.title in parse(page(example_site, f"organ/{seat.body}/")).text


def test_check_catalogue_has_a_page_per_code(example_site: Path) -> None:
    index = parse(page(example_site, "kontroller/")).text
    for registered in all_rules():
        code = registered.rule.code
        assert code in index
        rule_page = parse(page(example_site, f"kontroller/{code.lower()}/")).text
        assert code in rule_page
        assert ("fel" if registered.rule.severity == "error" else "varning") in rule_page
        if "## Vad kontrolleras" in registered.doc:
            assert "Vad kontrolleras" in rule_page


def test_statute_pages_list_what_cites_each_law(example_site: Path, model) -> None:
    """Browse by law: the index names every statute with its status, and the KL page lists the
    matters citing KL 6 kap. 39 § under that section, each linked to its row (the post-build scan
    has checked that every anchor exists)."""
    index = parse(page(example_site, "forfattningar/")).text
    for statute in model.reference.statutes.values():
        assert statute.name in index
    assert "Upphävd: gällde till och med 30 juni 2025. Ersatt av" in index
    kl = page(example_site, "forfattningar/2017-725/").read_text(encoding="utf-8")
    section = unescape(re.split(r"<h2[^>]*>6 kap\. 39 §", kl, maxsplit=1)[1].split("<h2", 1)[0])
    urgent = [m for order in model.delegations for m in order.matters if any(r.cites("2017:725", "6", "39") for r in m.legal_basis)]
    assert urgent
    for matter in urgent:
        assert f'#{matter.id}"' in section
    assert 'href="../../kontroller/d407/"' in section


def test_accessibility_statement_is_published(example_site: Path) -> None:
    text = parse(page(example_site, "tillganglighet/")).text
    assert "2018:1937" in text and "(WCAG) 2.1" in text and "Digg" in text


def test_no_request_leaves_the_site(example_site: Path) -> None:
    for html in example_site.rglob("*.html"):
        for tag, attrs in parse(html).elements:
            for name in ("src", "href"):
                value = attrs.get(name) or ""
                if tag in ("script", "img", "link", "iframe", "source") and value.startswith(("http:", "https:", "//")):
                    assert tag == "link" and attrs.get("rel") in ("canonical", "alternate"), f"{html}: {tag} {value}"
    assert "fonts.googleapis" not in (example_site / "index.html").read_text(encoding="utf-8")


def test_json_rules_are_published_under_rules(example_site: Path) -> None:
    index = json.loads((example_site / "rules" / "v1" / "index.json").read_bytes())
    for entry in index["files"]:
        assert (example_site / "rules" / "v1" / entry["path"]).is_file()
        assert (example_site / "rules" / "v1" / entry["schema"]).is_file()


def test_api_page_python_example_runs_against_the_built_rules(example_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("referencing")
    html = page(example_site, "for-systemutvecklare/json-regler/").read_text(encoding="utf-8")
    import html as html_module

    blocks = [html_module.unescape(re.sub(r"<[^>]+>", "", b)) for b in re.findall(r"<pre[^>]*>(?:<span></span>)?<code>(.*?)</code></pre>", html, re.DOTALL)]
    source = next(b for b in blocks if "import hashlib" in b)
    source = source.replace('BASE = "https://styrdokument.example/"', f'BASE = "{example_site.resolve().as_uri()}/"')
    # Running the page's own example is the point: it must work as published.
    exec(compile(source, "json-regler-exempel", "exec"), {"__name__": "__example__"})  # noqa: S102
    out = capsys.readouterr().out
    assert "Alla filer följer sina scheman." in out
    assert "Regler per 2026-11-23" in out
    assert re.search(r"\['[^']+ \((vidare)?delegation\)'", out), f"uppslaget hittar en delegat: {out}"


def test_api_page_shell_example_runs_against_the_built_rules(example_site: Path, tmp_path: Path) -> None:
    import functools
    import html as html_module
    import shutil
    import subprocess
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    if not all(shutil.which(tool) for tool in ("curl", "jq", "sha256sum", "sh")):
        pytest.skip("curl, jq och sha256sum behövs för skalexemplet")
    html = page(example_site, "for-systemutvecklare/json-regler/").read_text(encoding="utf-8")
    blocks = [html_module.unescape(re.sub(r"<[^>]+>", "", b)) for b in re.findall(r"<pre[^>]*>(?:<span></span>)?<code>(.*?)</code></pre>", html, re.DOTALL)]
    script = next(b for b in blocks if "sha256sum -c" in b)

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(example_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        script = script.replace("BASE=https://styrdokument.example", f"BASE=http://127.0.0.1:{server.server_address[1]}")
        result = subprocess.run(["sh", "-e", "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 0, result.stderr
    assert "delegation.json: OK" in result.stdout
    assert '"delegat"' in result.stdout, "jq-uppslaget hittar ärendets delegater"
