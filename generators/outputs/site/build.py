"""Build the staff site (and the JSON rules under rules/v1/) with mkdocs, in-process.

`build_site` loads the repository's mkdocs.yml with the output folder overridden and strict mode on,
points the hook at the policies folder, and runs mkdocs' build. The hook checks the policies,
generates the pages and the JSON rules, and scans the built HTML (see `scan.py`); any problem stops
the build with a `SiteBuildError` whose message says what is wrong, in Swedish.

The site's address is the environment variable SITE_URL when set (the publish workflow sets it from
GitHub Pages' base URL) and becomes mkdocs' `site_url`: the JSON rules' schemas then get their own
address as `$id`. Without it the build is the same, with relative schema ids.

mkdocs is imported only here and in the hook, so the command line stays fast for other commands.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generators.outputs.site.generate import POLICIES_ENV, STATE
from generators.paths import REPO_ROOT

CONFIG_FILE = REPO_ROOT / "mkdocs.yml"
SITE_URL_ENV = "SITE_URL"


class SiteBuildError(Exception):
    """The site could not be built; the message is for the person running the build."""


@contextmanager
def _environment(name: str, value: str) -> Iterator[None]:
    previous = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = previous


@contextmanager
def _quiet_mkdocs() -> Iterator[list[logging.LogRecord]]:
    """Collect mkdocs' warnings and errors (to explain a failure) without printing its info lines."""
    records: list[logging.LogRecord] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    logger = logging.getLogger("mkdocs")
    handler = Collect(level=logging.WARNING)
    previous_level, previous_propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        yield records
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous_level)
        logger.propagate = previous_propagate


def build_site(policies_dir: Path, site_dir: Path) -> None:
    """Build the site from `policies_dir` into `site_dir`. Raises SiteBuildError on any problem."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException

    with _environment(POLICIES_ENV, str(Path(policies_dir).resolve())), _quiet_mkdocs() as records:
        STATE.failure = None
        try:
            site_url = os.environ.get(SITE_URL_ENV) or None
            if site_url is not None and not site_url.endswith("/"):
                site_url += "/"
            config = load_config(str(CONFIG_FILE), site_dir=str(Path(site_dir).resolve()), strict=True, site_url=site_url)
            build(config)
        except (Abort, ConfigurationError, MkDocsException) as error:
            if STATE.failure:
                raise SiteBuildError(STATE.failure) from None
            messages = [r.getMessage() for r in records] or [str(error)]
            raise SiteBuildError("Webbplatsen kunde inte byggas:\n  " + "\n  ".join(messages)) from None
