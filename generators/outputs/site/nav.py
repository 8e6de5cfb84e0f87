"""The navigation: every generated and hand-written page, in sections, as mkdocs' `nav` setting.

Titles and section names are policy text in places (a förvaltning's name), and the theme prints nav
titles as HTML without escaping, so they are escaped here. A section's `index.md` comes first and
becomes the section's own page (Material's navigation.indexes).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generators.outputs.site.context import GeneratedPage
from generators.outputs.site.escape import text


@dataclass
class _Node:
    weight: int = 1_000
    index: str | None = None
    pages: list[tuple[tuple[Any, ...], str, str]] = field(default_factory=list)  # (order, title, path)
    children: dict[str, _Node] = field(default_factory=dict)


def build_nav(pages: list[GeneratedPage]) -> list[Any]:
    root = _Node(weight=0)
    for page in pages:
        node = root
        for level, name in enumerate(page.nav):
            weight = page.nav_order[level] if level < len(page.nav_order) else 0
            node = node.children.setdefault(name, _Node())
            node.weight = min(node.weight, weight)
        if page.path == "index.md" or (page.path.endswith("/index.md") and page.nav):
            if node.index is not None:
                raise RuntimeError(f"två indexsidor i samma avsnitt: {node.index} och {page.path}")
            node.index = page.path
        else:
            node.pages.append((page.order, page.title, page.path))
    return _items(root)


def _items(node: _Node) -> list[Any]:
    items: list[Any] = []
    if node.index == "index.md":
        items.append({"Start": "index.md"})
    elif node.index is not None:
        items.append(node.index)
    for _order, title, path in sorted(node.pages, key=lambda p: (_sortable(p[0]), p[1], p[2])):
        # Without a title mkdocs takes the page's own first heading (hand-written pages).
        items.append({str(text(title)): path} if title else path)
    for name, child in sorted(node.children.items(), key=lambda c: (c[1].weight, c[0])):
        items.append({str(text(name)): _items(child)})
    return items


def _sortable(order: tuple[Any, ...]) -> tuple[Any, ...]:
    """Order keys hold strings, numbers and dates; make them comparable across pages."""
    return tuple((type(v).__name__, v) for v in order)
