"""The template environment: sandboxed, strict about undefined names, escaping every value.

Templates are Markdown with raw HTML blocks (`templates/*.md.j2`). Autoescape is off (it would only
HTML-escape, which does not stop Markdown links); instead `finalize` passes every printed value through
`escape.text`, which is safe in Markdown and in HTML. Only `Safe` values – HTML built by the page
modules from escaped parts – are printed as they are. Templates are compiled once per process.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from generators.outputs.site import escape, swedish

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _finalize(value: Any) -> str:
    if isinstance(value, escape.Safe):
        return value
    return escape.text(value)


_CODE_LITERAL = re.compile(r"[A-Za-z0-9._:/@-]*")


def _code_literal(value: object) -> escape.Safe:
    """A value inside a code block (where character references would show literally): only plain
    identifier characters are allowed, anything else is a bug in the page module."""
    literal = str(value)
    if not _CODE_LITERAL.fullmatch(literal):
        raise ValueError(f"otillåtna tecken i ett kodexempel: {literal!r}")
    return escape.Safe(literal)


@cache
def environment() -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        loader=FileSystemLoader(str(TEMPLATES)),
        undefined=StrictUndefined,
        autoescape=False,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(
        code=_code_literal,
        date=swedish.long_date,
        paragraphs=escape.paragraphs,
        html_paragraphs=escape.html_paragraphs,
        number=swedish.number,
        kronor=swedish.kronor,
    )
    # `safe` would otherwise return markupsafe.Markup, which finalize escapes anyway; make the
    # intent explicit by removing it, so no template can believe it bypasses escaping.
    env.filters.pop("safe", None)
    return env


def slug(heading: str) -> str:
    """The id the table of contents gives a heading (mkdocs' toc extension, default slugify)."""
    from markdown.extensions.toc import slugify

    return slugify(heading, "-")


def render(template: str, **values: Any) -> str:
    return environment().get_template(template).render(**values)
