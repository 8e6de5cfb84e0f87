"""Escaping policy text for the site: one function that is safe in Markdown and in HTML alike.

Policy text reaches pages in two contexts: Markdown (headings, paragraphs) and raw HTML blocks
(tables with captions, the metadata box). Backslash escapes work only in the first, HTML escapes are
not enough in the second half of the first (`[x](javascript:…)` needs no `<`). So every special
character becomes a numeric character reference: Python-Markdown treats `&#91;` as literal text and
never as syntax, and a browser shows it as `[`, in either context. The table of contents' slugs are
computed from the unescaped text, so headings keep readable anchors.

`Safe` marks HTML this module (or a builder using it) produced from escaped parts; the templates'
finalize passes `Safe` through and escapes everything else. Links are only made from `https://` URLs
that come from structured fields.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit


class Safe(str):
    """Markup built from escaped parts. Never construct one from policy text directly."""

    __slots__ = ()

    def __add__(self, other: str) -> Safe:
        return Safe(str.__add__(self, other if isinstance(other, Safe) else text(other)))


# Characters that are syntax somewhere in Markdown (with the extensions we enable, and with the common
# ones we do not: attr_list braces, tables' pipe, emphasis, links, images, code, HTML, entities) or in
# HTML (text and quoted attribute values).
_ESCAPES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#39;",
    "\\": "&#92;",
    "`": "&#96;",
    "*": "&#42;",
    "_": "&#95;",
    "{": "&#123;",
    "}": "&#125;",
    "[": "&#91;",
    "]": "&#93;",
    "(": "&#40;",
    ")": "&#41;",
    "#": "&#35;",
    "!": "&#33;",
    "|": "&#124;",
    "~": "&#126;",
    "^": "&#94;",
    "=": "&#61;",
    "$": "&#36;",
}
_SPECIAL = re.compile("[" + re.escape("".join(_ESCAPES)) + "]")
# At the start of a line these begin a list, a quote or a heading; text is kept on one line, so only
# the very start of an escaped string can be a line start.
_LINE_START = re.compile(r"^([-+:]|\d+(?=[.)]))")
# Whitespace runs collapse to one space; no-break spaces (in "177 600 kr") are kept.
_WHITESPACE = re.compile(r"[^\S\u00a0\u202f]+")
# Control characters other than tab/newline have no place on a page (and some browsers mangle them).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _escape(raw: str) -> str:
    return _SPECIAL.sub(lambda m: _ESCAPES[m.group(0)], raw)


def text(value: object) -> Safe:
    """Any value as inline text, safe in Markdown and in HTML (element content and quoted attributes).

    Whitespace (newlines included) collapses to single spaces, so the text can never start a new
    Markdown block.
    """
    if isinstance(value, Safe):
        return value
    escaped = _escape(_WHITESPACE.sub(" ", _CONTROL.sub("", str(value))).strip())
    match = _LINE_START.match(escaped)
    if match:
        first = match.group(1)
        if first[0].isdigit():  # "1. …" would start an ordered list: escape the dot or parenthesis
            escaped = first + "&#" + str(ord(escaped[len(first)])) + ";" + escaped[len(first) + 1 :]
        else:
            escaped = f"&#{ord(first)};" + escaped[1:]
    return Safe(escaped)


md_text = text  # the name the design notes use: safe for Markdown and HTML at once


def paragraphs(value: str) -> list[Safe]:
    """Running text split at blank lines, each paragraph escaped and on one line."""
    parts = re.split(r"\n\s*\n", _CONTROL.sub("", value))
    return [text(part) for part in parts if part.strip()]


def html_paragraphs(value: str | None, css_class: str | None = None) -> Safe:
    if not value:
        return Safe("")
    attr = f' class="{text(css_class)}"' if css_class else ""
    return Safe("".join(f"<p{attr}>{p}</p>" for p in paragraphs(value)))


_URL_FORBIDDEN = re.compile(r"[\s<>\"'`\\\x00-\x1f\x7f]")


def safe_https_url(url: str | None) -> str | None:
    """The URL if it is a plain `https://host/...` link, else None (then no link is made)."""
    if not url or _URL_FORBIDDEN.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme != "https" or not parts.hostname or parts.username or parts.password:
        return None
    return url


_RELATIVE = re.compile(r"^(\.\./|\./)*[A-Za-z0-9._~/-]*(#[A-Za-z0-9._-]+)?$")


def link(href: str, label: object, *, external: bool = False, css_class: str | None = None, title: str | None = None) -> Safe:
    """An `<a>` element. External links must be https; internal ones are relative site paths.

    When the URL is not acceptable the label is returned as plain text: a bad link never blocks a page
    and never becomes a script.
    """
    if external:
        url = safe_https_url(href)
    else:
        url = href if _RELATIVE.match(href) and not href.startswith("//") else None
    if url is None:
        return text(label)
    attrs = [f'href="{text(url)}"']
    if css_class:
        attrs.append(f'class="{text(css_class)}"')
    if title:
        attrs.append(f'title="{text(title)}"')
    return Safe(f"<a {' '.join(attrs)}>{text(label)}</a>")


def join(parts: Iterable[object], separator: str = ", ") -> Safe:
    """Join escaped parts; the separator is project text and is escaped too."""
    return Safe(_escape(_CONTROL.sub("", separator)).join(text(p) for p in parts))


def element(tag: str, content: object, **attrs: str | None) -> Safe:
    """`<tag attr="…">content</tag>` with escaped attribute values and content (Safe content kept)."""
    if not re.fullmatch(r"[a-z][a-z0-9]*", tag):
        raise ValueError(f"not a tag name: {tag!r}")
    rendered = "".join(
        f' {name.rstrip("_").replace("_", "-")}="{text(value)}"' for name, value in attrs.items() if value is not None
    )
    return Safe(f"<{tag}{rendered}>{text(content)}</{tag}>")


def json_data_block(block_id: str, data: object) -> Safe:
    """`<script type="application/json" id=…>` holding `data` for a page's script. `<`, `>` and `&` are
    written as JSON escapes, so the block can never end early or become markup (the post-build scan
    checks that it is valid JSON and that its id is one of the known data blocks)."""
    import json

    payload = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Safe(f'<script type="application/json" id="{_escape(block_id)}">{payload}</script>')
