"""The mkdocs hook (`hooks:` in mkdocs.yml): generates the pages and the JSON rules at build time.

Thin on purpose: mkdocs loads this file by path and caches it for the life of `mkdocs serve`, so the
work happens in `generators.outputs.site.generate`, a normal module. `mkdocs serve` rebuilds when a
policy file changes (`watch:` in mkdocs.yml) and every rebuild runs the whole chain again.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

# `mkdocs build` / `mkdocs serve` run from the repository root, but make the package importable even
# when mkdocs is started elsewhere with -f.
_REPO = Path(__file__).resolve().parents[3]
if str(_REPO) not in sys.path:
    sys.path.insert(0, str(_REPO))

from generators.outputs.site import generate


def on_config(config: Any) -> Any:
    generate.prepare(config)
    return config


def on_files(files: Any, config: Any) -> Any:
    return generate.add_files(files, config)


def on_nav(nav: Any, config: Any, files: Any) -> Any:
    generate.split_rendering(config, files)
    return nav


def on_post_build(config: Any) -> None:
    generate.post_build(config)
