"""Escaping and templates: policy text can never become Markdown or HTML syntax."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest
from jinja2.exceptions import SecurityError, UndefinedError

from generators.outputs.site.escape import Safe, element, join, link, paragraphs, safe_https_url, text
from generators.outputs.site.render import environment, render, slug
from generators.outputs.site.tables import Row, table

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "![x](javascript:alert(1))",
    '{: onclick="alert(1)" }',
    "{{ 7*7 }}",
    "a | b | c",
    "<https://evil.example>",
    "*fet* och _kursiv_ och `kod` och ~~struken~~",
    "# rubrik",
    "- lista",
    "1. lista",
    "> citat",
    "&lt;script&gt;",
    "&#60;script&#62;",
    "\\[x\\](javascript:alert(1))",
    'x" onmouseover="alert(1)',
    "rad ett\n\nrad två\n# rubrik",
]


def _markdown(source: str) -> str:
    # The extensions mkdocs.yml enables, plus the ones a future edit might enable by mistake.
    return markdown.markdown(source, extensions=["toc", "admonition", "attr_list", "tables", "md_in_html"])


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.data: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.data.append(data)


def _parse(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser


@pytest.mark.parametrize("hostile", HOSTILE)
@pytest.mark.parametrize("context", ["paragraph", "heading", "list", "html-block", "attribute"])
def test_escaped_text_is_only_text_in_every_context(hostile: str, context: str) -> None:
    escaped = text(hostile)
    source = {
        "paragraph": f"Före {escaped} efter",
        "heading": f"## {escaped}",
        "list": f"- {escaped}",
        "html-block": f"<div class=\"x\">\n<p>{escaped}</p>\n</div>",
        "attribute": f"<div title=\"{escaped}\">\n<p>x</p>\n</div>",
    }[context]
    parsed = _parse(_markdown(source))
    allowed = {"paragraph": {"p"}, "heading": {"h2"}, "list": {"ul", "li"}, "html-block": {"div", "p"}, "attribute": {"div", "p"}}[context]
    assert {tag for tag, _ in parsed.tags} <= allowed, f"{hostile!r} blev markup: {_markdown(source)}"
    for _tag, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs)
        assert set(attrs) <= {"class", "title", "id"}
    shown = " ".join("".join(parsed.data).split()) if context != "attribute" else parsed.tags[0][1]["title"]
    assert " ".join(hostile.split()) in " ".join(shown.split()), f"{hostile!r} visas inte ordagrant: {shown!r}"


def test_no_break_spaces_survive() -> None:
    assert text("177\u00a0600\u00a0kr") == "177\u00a0600\u00a0kr"


def test_headings_keep_readable_anchors() -> None:
    html = _markdown(f"## {text('3 Ekonomi (budget) & inköp')}")
    assert f'id="{slug("3 Ekonomi (budget) & inköp")}"' in html


def test_safe_is_kept_and_everything_else_escaped() -> None:
    assert text(Safe("<b>x</b>")) == "<b>x</b>"
    assert Safe("<b>") + "<i>" == "<b>&lt;i&gt;"
    assert join(["<a>", "b"], " | ") == "&lt;a&gt; &#124; b"
    assert element("span", "<x>", class_="c\"d") == '<span class="c&quot;d">&lt;x&gt;</span>'
    assert [str(p) for p in paragraphs("ett\n\n<två>")] == ["ett", "&lt;två&gt;"]


@pytest.mark.parametrize(
    ("url", "accepted"),
    [
        ("https://lagen.nu/2017:725", True),
        ("https://www.ekbacka.se/protokoll?datum=2025-12-09#p214", True),
        ("http://lagen.nu/2017:725", False),
        ("javascript:alert(1)", False),
        ("JAVASCRIPT:alert(1)", False),
        ("https://x.example/\"onmouseover=alert(1)", False),
        ("https://user:pass@x.example/", False),
        ("//evil.example/x", False),
        ("https:///nohost", False),
        ("data:text/html,<script>alert(1)</script>", False),
    ],
)
def test_only_plain_https_links_are_made(url: str, accepted: bool) -> None:
    assert (safe_https_url(url) is not None) is accepted
    made = link(url, "etikett", external=True)
    assert made.startswith("<a ") is accepted
    if not accepted:
        assert made == "etikett"


def test_internal_links_must_be_relative_site_paths() -> None:
    assert link("../roller/kommundirektor/#x", "KD") == '<a href="../roller/kommundirektor/&#35;x">KD</a>'
    assert link("javascript:alert(1)", "x") == "x"
    assert link("//evil.example/", "x") == "x"


def test_table_escapes_cells_and_keeps_structure() -> None:
    html = table("Rubrik <x>", ["A", "B"], [Row(["a | b", "<script>alert(1)</script>"], id="rad-1")])
    parsed = _parse(_markdown(str(html)))
    tags = [tag for tag, _ in parsed.tags]
    assert tags.count("td") == 1 and tags.count("th") == 3 and "script" not in tags
    assert "<caption>Rubrik &lt;x&gt;</caption>" in html


def test_templates_escape_every_value_and_refuse_undefined_names() -> None:
    env = environment()
    template = env.from_string("{{ value }}|{{ safe_value }}")
    assert template.render(value="<script>", safe_value=Safe("<b>ok</b>")) == "&lt;script&gt;|<b>ok</b>"
    assert env.from_string("{{ value | safe }}" if "safe" in env.filters else "{{ value }}").render(value="<i>") == "&lt;i&gt;"
    with pytest.raises(UndefinedError):
        env.from_string("{{ missing }}").render()
    with pytest.raises(UndefinedError):
        render("rule.md.j2", code="D402")


def test_templates_run_sandboxed() -> None:
    env = environment()
    with pytest.raises(SecurityError):
        env.from_string("{{ value.__class__.__mro__[1].__subclasses__() }}").render(value="x")


def test_code_examples_accept_only_identifiers() -> None:
    env = environment()
    assert env.from_string("{{ v | code }}").render(v="sn-ekonomi.2026:1") == "sn-ekonomi.2026:1"
    with pytest.raises(ValueError):
        env.from_string("{{ v | code }}").render(v="x\n```\n<script>")
