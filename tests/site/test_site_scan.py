"""The post-build HTML scan: it finds what the project did not put there, and nothing else."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest

from generators.outputs.site.scan import scan_html, scan_site, theme_bundle

PAGE = """<!doctype html><html lang="sv"><head><title>T</title>
<script>__md_scope=new URL("../..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{{try{{t.setItem(a.pathname+"."+e,JSON.stringify(_))}}catch(e){{}}}}</script>
</head><body><p>Text</p>{planted}
<script id="__config" type="application/json">{{"base": "../.."}}</script>
<script src="../../{bundle}"></script></body></html>"""


def _page(planted: str = "") -> str:
    return PAGE.format(planted=planted, bundle=theme_bundle())


def test_the_themes_own_scripts_pass() -> None:
    assert scan_html(_page(), "roller/kd/index.html") == []


@pytest.mark.parametrize(
    ("planted", "expected"),
    [
        ("<script>alert(1)</script>", "okänt inbäddat skript"),
        ("<SCRIPT>alert(1)</SCRIPT>", "okänt inbäddat skript"),
        ("<svg><script>alert(1)</script></svg>", "okänt inbäddat skript"),
        ('<script src="https://cdn.example/x.js"></script>', "okänt skript"),
        ('<script src="../../assets/javascripts/annat.js"></script>', "okänt skript"),
        ("<script/>alert(1)", "okänt inbäddat skript"),
        ('<img src=x onerror="alert(1)">', "händelseattribut onerror="),
        ("<p onclick='x()'>a</p>", "händelseattribut onclick="),
        ('<a href="javascript:alert(1)">x</a>', "javascript:-adress"),
        ('<a href=" java\tscript:alert(1)">x</a>', "javascript:-adress"),
        ('<a href="&#106;avascript:alert(1)">x</a>', "javascript:-adress"),
        ('<a href="data:text/html,&lt;script&gt;">x</a>', "data:-adress"),
        ('<iframe src="x.html"></iframe>', "otillåtet element <iframe>"),
        ('<object data="x"></object>', "otillåtet element <object>"),
        ('<embed src="x">', "otillåtet element <embed>"),
        ('<meta http-equiv="refresh" content="0;url=https://evil.example">', "omdirigering"),
        ('<img src="https://tracker.example/p.gif" alt="">', "resurs från en annan webbplats"),
        ('<link rel="stylesheet" href="https://fonts.googleapis.com/css">', "resurs från en annan webbplats"),
        ("<style>@import url(https://evil.example/x.css);</style>", "extern resurs"),
        ('<p style="background:url(https://evil.example/x.png)">x</p>', "extern resurs"),
        ('<script id="__config" type="application/json">{not json</script>', "inte giltig JSON"),
    ],
)
def test_planted_problems_are_found(planted: str, expected: str) -> None:
    findings = scan_html(_page(planted), "roller/kd/index.html")
    assert findings, f"hittade inget i {planted!r}"
    assert any(expected in f.message for f in findings), [str(f) for f in findings]
    assert all(f.file == "roller/kd/index.html" and f.line >= 1 for f in findings)


@pytest.mark.parametrize(
    "text",
    [
        '<abbr title="javascript:alert(1)">SFS</abbr>',
        '<img src="../../assets/logo.svg" alt="javascript:alert(1)">',
        '<span data-statute="vbscript:msgbox(1)" aria-label="data:text/html,x">x</span>',
        '<td class="javascript:x" id="javascript:y">x</td>',
    ],
)
def test_attributes_that_are_never_addresses_are_text(text: str) -> None:
    # The scan judges what can execute: a tooltip or a data attribute never runs (issue 11).
    assert scan_html(_page(text), "roller/kd/index.html") == []


@pytest.mark.parametrize(
    "planted",
    ['<a href="javascript:alert(1)" title="ok">x</a>', '<svg><a xlink:href="javascript:alert(1)">x</a></svg>',
     '<form action="javascript:alert(1)"></form>', '<button formaction="javascript:alert(1)">x</button>',
     '<svg><set attributeName="href" to="javascript:alert(1)"/></svg>'],
)
def test_attributes_that_can_be_addresses_are_still_judged(planted: str) -> None:
    assert any("javascript:-adress" in f.message for f in scan_html(_page(planted), "roller/kd/index.html")), planted


def test_a_theme_script_with_a_changed_body_is_found() -> None:
    tampered = _page().replace('__md_scope=new URL("../.."', '__md_scope=new URL("../.."+alert(1)+"', 1)
    assert any("okänt inbäddat skript" in f.message for f in scan_html(tampered, "roller/kd/index.html"))


def test_project_scripts_are_allowed_by_exact_path() -> None:
    page = _page('<script src="../../assets/egen.js"></script>')
    assert scan_html(page, "roller/kd/index.html", extra_scripts=["assets/egen.js"]) == []
    assert scan_html(page, "roller/kd/index.html", extra_scripts=["assets/annan.js"]) != []


def test_the_404_page_under_a_site_path_loads_the_project_scripts_root_relative(tmp_path: Path) -> None:
    """The publish workflow builds with site_url https://<org>.github.io/<repo>/: the 404 page then
    loads every script as /<repo>/assets/…, which are the allowed files; another path is not."""
    from generators.outputs.site.scan import scan_site

    (tmp_path / "404.html").write_text(_page('<script src="/styrdokument/assets/egen.js"></script>').replace("../../", "/styrdokument/"),
                                       encoding="utf-8")
    assert [f for f in scan_site(tmp_path, extra_scripts=["assets/egen.js"], site_root="/styrdokument/") if "skript" in f.message] == []
    assert [f.message for f in scan_site(tmp_path, extra_scripts=["assets/egen.js"]) if "okänt skript" in f.message]


def test_site_scan_finds_planted_script_and_broken_links(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(_page('<a href="a/">A</a> <a href="a/#finns">ok</a>').replace("../../", ""), encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text(
        _page('<h2 id="finns">x</h2><a href="../saknas/">trasig</a><a href="../#saknas">ankare</a>').replace("../../", "../"),
        encoding="utf-8",
    )
    findings = scan_site(tmp_path)
    messages = [f"{f.file}: {f.message}" for f in findings]
    assert any("a/index.html: trasig länk: ../saknas/" in m for m in messages), messages
    assert any("ankaret #saknas" in m for m in messages), messages
    assert len(findings) == 2

    (tmp_path / "a" / "index.html").write_text(_page('<h2 id="finns">x</h2><script>alert(1)</script>').replace("../../", "../"), encoding="utf-8")
    assert [f.message for f in scan_site(tmp_path)] == ["okänt inbäddat skript: 'alert(1)'"]


def test_a_planted_script_stops_the_build(tmp_path: Path) -> None:
    """The hook's post-build step raises (mkdocs stops) when a page carries a script."""
    from mkdocs.exceptions import PluginError

    from generators.outputs.site import generate

    (tmp_path / "index.html").write_text(_page("<script>fetch('https://evil.example')</script>").replace("../../", ""), encoding="utf-8")

    class Config:
        site_dir = str(tmp_path)
        site_url = None
        extra_javascript: ClassVar[list[str]] = []

    with pytest.raises(PluginError, match="okänt inbäddat skript"):
        generate.post_build(Config())


def test_parallel_scan_finds_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generators.outputs.site import scan

    for index in range(6):
        planted = "<script>alert(1)</script>" if index == 3 else ""
        (tmp_path / f"p{index}.html").write_text(_page(planted).replace("../../", ""), encoding="utf-8")
    serial = scan_site(tmp_path)
    monkeypatch.setattr(scan, "PARALLEL_FROM", 1)
    assert scan_site(tmp_path) == serial
    assert [f.file for f in serial] == ["p3.html"]
