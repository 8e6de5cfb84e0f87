"""Accessible HTML tables for Markdown pages: a caption, header cells with scope, escaped cells.

Markdown tables cannot carry a caption, so every table is written as HTML (a raw block, one line
per row and no blank lines, which Python-Markdown passes through untouched).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generators.outputs.site.escape import Safe, text

# Cells on separate lines: whitespace between them keeps words apart in the search index.
NEWLINE = "\n"


@dataclass(frozen=True)
class Row:
    cells: Sequence[object]
    id: str | None = None
    css_class: str | None = None
    # When true the first cell is a row header (<th scope="row">).
    header_first: bool = True


def table(
    caption: object,
    headers: Sequence[str],
    rows: Sequence[Row],
    *,
    css_class: str | None = None,
    column_classes: Sequence[str | None] | None = None,
) -> Safe:
    """One table. Cells are escaped unless `Safe`; the caption is visible (it names the table)."""
    classes = column_classes or [None] * len(headers)
    head = NEWLINE.join(
        f'<th scope="col"{_class(c)}>{text(h)}</th>' for h, c in zip(headers, classes, strict=False)
    )
    body: list[str] = []
    for row in rows:
        cells = []
        for index, cell in enumerate(row.cells):
            tag = "th" if index == 0 and row.header_first else "td"
            scope = ' scope="row"' if tag == "th" else ""
            # On a narrow screen each row becomes a block and every cell shows its column's name
            # (styrdokument.css): the label travels with the cell, so nothing depends on the header row.
            label = f' data-label="{text(headers[index])}"' if tag == "td" and index < len(headers) else ""
            cells.append(f"<{tag}{scope}{label}{_class(classes[index] if index < len(classes) else None)}>{text(cell)}</{tag}>")
        row_id = f' id="{text(row.id)}"' if row.id else ""
        body.append(f"<tr{row_id}{_class(row.css_class)}>{NEWLINE.join(cells)}</tr>")
    # Material styles only tables without a class attribute, so our own class goes on a wrapper.
    html = (
        f"<table>\n<caption>{text(caption)}</caption>\n"
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(body) + "\n</tbody>\n</table>"
    )
    return Safe(f'<div class="{text(css_class)}">\n{html}\n</div>' if css_class else html)


def _class(name: str | None) -> str:
    return f' class="{text(name)}"' if name else ""
