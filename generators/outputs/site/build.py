"""Build the staff site (and the JSON rules under rules/v1/) with mkdocs, in-process.

`build_site` loads the repository's mkdocs.yml with the output folder overridden and strict mode on,
points the hook at the policies folder, and runs mkdocs' build. The hook checks the policies (or
takes the model the caller has checked), generates the pages and the JSON rules, and scans the built
HTML (see `scan.py`); any problem stops the build with a `SiteBuildError` whose message says what is wrong, in Swedish.

The site's address is the environment variable SITE_URL when set (the publish workflow sets it from
GitHub Pages' base URL) and becomes mkdocs' `site_url`: the JSON rules' schemas then get their own
address as `$id`. Without it the build is the same, with relative schema ids.

Builds are atomic. mkdocs writes in place, so the site is built into a fresh folder next to the
output (`.site.bygge-<pid>-…` beside `site/`), and only when the build and the scan have passed is
it switched into place: with Linux's `renameat2(RENAME_EXCHANGE)` the new folder and the old one
trade names in one step (a rename over a non-empty folder is not possible, and removing the old one
first would leave a moment with no site or half a site). Readers of the output folder see the old
site or the new one, never a mix. A failed build removes its own folder; a killed one leaves it
behind, and the next build removes it (only folders whose process is gone). Where the exchange is not
available (another kernel or file system) the old site is renamed away just before the new one is
renamed in: no half site then either, only a moment with none.

mkdocs is imported only here and in the hook, so the command line stays fast for other commands.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from generators.outputs.site import render_split
from generators.outputs.site.generate import FORK_ENV, POLICIES_ENV, PREVIEW_ENV, STATE, handed_model, release_pages_folder, release_rules
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


STAGING_MARK = ".bygge-"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (renameat2 RENAME_EXCHANGE); False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(error, os.strerror(error), str(second))


def _switch_into_place(staging: Path, target: Path) -> None:
    """Make `staging` the site at `target`; afterwards `staging` holds the previous site, if any."""
    if not os.path.lexists(target):
        try:
            os.rename(staging, target)  # atomic; fails rather than merge if a site appeared meanwhile
            return
        except OSError as error:
            if error.errno not in (errno.EEXIST, errno.ENOTEMPTY):
                raise
    if _exchange(staging, target):
        return
    aside = Path(tempfile.mkdtemp(prefix=f".{target.name}{STAGING_MARK}{os.getpid()}-", dir=target.parent))
    os.rename(target, aside / target.name)
    os.rename(staging, target)
    os.rename(aside / target.name, staging)
    aside.rmdir()


def _hold(folder: Path) -> int:
    """Lock a build's folder for as long as the build runs: the descriptor stays open until the
    process ends, however it ends, and the kernel then releases the lock (even after SIGKILL)."""
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0))
    fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return descriptor


def _in_use(folder: Path) -> bool:
    """Whether a running build holds the folder. The process id in the name is not asked: ids are
    reused (pid_max is 32 768 here), so a killed build's id may belong to another process by now."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return True  # gone or unreadable: leave it alone
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(descriptor)
    return False


def _remove_stale(target: Path) -> None:
    """Folders left by builds that were killed (nobody holds their lock); a running build's stays."""
    prefix = f".{target.name}{STAGING_MARK}"
    for leftover in target.parent.glob(f"{prefix}*"):
        if leftover.is_dir() and not leftover.is_symlink() and not _in_use(leftover):
            shutil.rmtree(leftover, ignore_errors=True)


def build_site(policies_dir: Path, site_dir: Path, preview: bool = False, model: Any = None, fork_pages: bool = False) -> None:
    """Build the site from `policies_dir` into `site_dir`, atomically: `site_dir` is replaced only
    by a site whose build and scan passed. Raises SiteBuildError on any problem.

    `preview`: a site a reviewer opens from disk (file://), where directory URLs do not resolve and
    the browser blocks fetch(): links go to `…/index.html` and the decision tables are embedded in
    the Vem beslutar? page (`generate.embed_decision_tables`).

    `model`: the model of `policies_dir`, already loaded and checked without errors by the caller
    (`python -m generators build`); the hook then builds from it instead of loading and checking
    the policies a second time. None: the hook loads and checks them.

    `fork_pages`: make the JSON rules and the pages in a forked copy of the process (the build
    command, a process of one thread: `generate._generate_in_child`), so their memory is given back
    before mkdocs renders the pages."""
    target = Path(site_dir).parent.resolve() / Path(site_dir).name
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(target)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}{STAGING_MARK}{os.getpid()}-", dir=target.parent))
    held = _hold(staging)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(staging, 0o777 & ~umask)  # mkdtemp's 0700 would hide the published folder
        # The build command also converts half the pages' Markdown in a forked copy (render_split).
        with _environment(FORK_ENV, "1" if fork_pages else ""), _environment(render_split.SPLIT_ENV, "1" if fork_pages else ""):
            if model is None:
                _build(policies_dir, staging, preview)
            else:
                with handed_model(policies_dir, model):
                    del model  # the hook takes it from the hand-over and lets it go after the pages are made
                    _build(policies_dir, staging, preview)
        _switch_into_place(staging, target)
    finally:
        release_rules()
        release_pages_folder()
        shutil.rmtree(staging, ignore_errors=True)
        os.close(held)


def _build(policies_dir: Path, site_dir: Path, preview: bool = False) -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException

    with _environment(POLICIES_ENV, str(Path(policies_dir).resolve())), _environment(PREVIEW_ENV, "1" if preview else ""), \
            _quiet_mkdocs() as records:
        STATE.failure = None
        try:
            site_url = os.environ.get(SITE_URL_ENV) or None
            if site_url is not None and not site_url.endswith("/"):
                site_url += "/"
            config = load_config(str(CONFIG_FILE), site_dir=str(Path(site_dir).resolve()), strict=True, site_url=site_url,
                                 use_directory_urls=not preview)
            try:
                build(config)
            finally:
                render_split.stop()
        except (Abort, ConfigurationError, MkDocsException) as error:
            if STATE.failure:
                raise SiteBuildError(STATE.failure) from None
            messages = [r.getMessage() for r in records] or [str(error)]
            raise SiteBuildError("Webbplatsen kunde inte byggas:\n  " + "\n  ".join(messages)) from None
