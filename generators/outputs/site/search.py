"""The staff search: a Pagefind index of the built pages, made after mkdocs has written them.

Why not Material's built-in search: it appends a trailing wildcard to every term it sends to lunr,
and lunr runs no pipeline (so no stemmer) on a wildcard term. Swedish inflections therefore never
matched: "avskrivningar" found nothing where the pages say "avskrivning", and turning lunr's
Swedish stemmer on made it worse ("mutor" no longer found "mutor"). Pagefind stems Swedish at
index and at query time, and loads only the index chunks a query needs, so the search still works
for a region's site with tens of thousands of rows.

Only page content marked `data-pagefind-body` is indexed (site/overrides/main.html): the navigation
and the check catalogue for policy owners stay out of the staff search.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

OUTPUT_SUBDIR = "pagefind"
# Permalink anchors (¶) sit inside every heading; they are not words.
EXCLUDED_SELECTORS = ".headerlink"


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site (its own message says why)."""


def index_site(site_dir: Path) -> None:
    """Write the search index into `site_dir/pagefind/`. Pagefind's output depends only on the pages."""
    command = [
        sys.executable, "-m", "pagefind",
        "--site", str(site_dir),
        "--output-subdir", OUTPUT_SUBDIR,
        "--exclude-selectors", EXCLUDED_SELECTORS,
        "--quiet",
    ]
    # The packaged binary (pagefind_bin, pinned in requirements.lock) is found by `python -m pagefind`;
    # nothing is downloaded.
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-5:]
        raise SearchIndexError("Sökindexet kunde inte byggas (Pagefind): " + " / ".join(detail))
