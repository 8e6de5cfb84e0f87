"""Markdown → HTML of the later half of the pages in a forked copy, while mkdocs converts the first.

mkdocs converts every page's Markdown one after the other, in one process: at 10 000 delegation rows
that conversion is the largest part of the build (about 85 of 240 CPU seconds), and the build
command runs on machines with two cores or more. So when the build command may fork (one thread, a
system with fork: `generate.may_fork`) and has a second core, `start` (the hook's `on_nav`, once
mkdocs knows every file and the nav) forks a copy that converts the pages after the split point,
ordered as mkdocs visits them and split where half of the Markdown's bytes lie before, and writes
what each conversion produced to a file. mkdocs meanwhile converts the first half; when it comes to
the first page of the later half, `Page.render` (patched for this build only) waits for the copy and
takes its results instead of converting again.

The same code converts each page in either process, with the same configuration and the same
files, so the HTML is byte-identical to a build without the split (`tests/site/test_render_split.py`
compares them; `tests/site/test_site_handover.py` compares the command's site with an in-process
build). What mkdocs logs while the copy converts (a broken link, in strict mode an error) is sent
back and logged again in the build, in the same order, so strict mode still fails on it. If the copy
fails, or is killed, the build converts those pages itself: never a different result, only slower.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Set ("1") by the build command together with generate.FORK_ENV; the tests' in-process builds
# leave it unset. The copy also needs a second core, or it would only take turns with the build.
SPLIT_ENV = "STYRDOKUMENT_SPLIT_RENDER"


@dataclass
class _Split:
    pid: int
    result_file: Path
    pages: frozenset[str]  # src_uri of the pages the copy converts
    original_render: Any
    results: dict[str, Any] | None = None
    failed: bool = False
    records: list[tuple[str, int, str]] = field(default_factory=list)  # not yet logged again, last first
    logged: int = 0  # how many of the copy's records the build has logged again


_ACTIVE: list[_Split] = []


def wanted() -> bool:
    return os.environ.get(SPLIT_ENV) == "1" and (os.cpu_count() or 1) >= 2


def start(config: Any, files: Any) -> None:
    """Fork the copy that converts the later half of the pages (see the module docstring). The
    caller has made sure the process may fork (`generate.may_fork`)."""
    if not wanted() or _ACTIVE:
        return
    from mkdocs.structure.files import InclusionLevel
    from mkdocs.structure.pages import Page

    pages = list(files.documentation_pages(inclusion=InclusionLevel.is_included))
    later = _later_half(pages)
    if not later:
        return
    result_file = Path(tempfile.mkstemp(prefix="styrdokument-html-", suffix=".json")[1])
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:
        _convert_in_copy(parent, config, files, later, result_file)  # never returns
    split = _Split(pid, result_file, frozenset(file.src_uri for file in later), Page.render)
    _ACTIVE.append(split)

    def render(page: Any, config: Any, files: Any) -> None:
        done = _take(split, page.file.src_uri)
        if done is None:
            split.original_render(page, config, files)
        else:
            _apply(page, done, files)

    Page.render = render  # type: ignore[method-assign,assignment]


def stop() -> None:
    """After the build (passed or not): the copy is ended, Page.render restored, the file removed."""
    while _ACTIVE:
        split = _ACTIVE.pop()
        from mkdocs.structure.pages import Page

        Page.render = split.original_render  # type: ignore[method-assign]
        if split.results is None and not split.failed:
            _end(split.pid)
        split.result_file.unlink(missing_ok=True)


def _later_half(pages: list[Any]) -> list[Any]:
    """The pages after the point where half of the Markdown's bytes lie before (mkdocs' order)."""
    sizes = [_size(file) for file in pages]
    total, seen = sum(sizes), 0
    for index, size in enumerate(sizes):
        if seen * 2 >= total:
            return pages[index:]
        seen += size
    return []


def _size(file: Any) -> int:
    if file.abs_src_path is not None and os.path.exists(file.abs_src_path):
        return os.path.getsize(file.abs_src_path)
    return len(file.content_bytes)


def _convert_in_copy(parent: int, config: Any, files: Any, later: list[Any], result_file: Path) -> None:
    """The copy: convert each page as mkdocs' `_populate_page` would up to `render`, write the
    results and what was logged, and leave without running the parent's exit handlers."""
    status = 1
    try:
        from mkdocs.structure.pages import Page

        from generators.outputs.site.scan import die_with_parent

        die_with_parent(parent)
        records: list[tuple[str, int, str]] = []
        # Only recorded here: the build logs the records again, so a handler inherited from it (a
        # console, the strict-mode counter) must not see them twice.
        logger = logging.getLogger("mkdocs")
        logger.handlers = [_Recorder(records)]
        logger.propagate = False
        results: dict[str, Any] = {}
        for file in later:
            if file.page is None and file.inclusion.is_not_in_nav():
                Page(None, file, config)
            page = file.page
            config._current_page = page
            page = config.plugins.on_pre_page(page, config=config, files=files)
            page.read_source(config)
            page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
            page.render(config, files)
            config._current_page = None
            results[file.src_uri] = _captured(page, len(records))
        with result_file.open("w", encoding="utf-8") as handle:
            json.dump({"pages": results, "records": records}, handle, ensure_ascii=False)
        status = 0
    except BaseException:  # noqa: BLE001 - the build converts these pages itself (see `_take`)
        status = 1
    finally:
        os._exit(status)


class _Recorder(logging.Handler):
    """What mkdocs logs in the copy (warnings and errors: what strict mode counts), kept in order."""

    def __init__(self, records: list[tuple[str, int, str]]) -> None:
        super().__init__(logging.WARNING)
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _captured(page: Any, logged_until: int) -> dict[str, Any]:
    links = page.links_to_anchors
    return {
        "content": page.content,
        "toc": [_token(item) for item in page.toc],
        "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids or ()),
        "links": None if links is None else [[file.src_uri, anchors] for file, anchors in links.items()],
        "logged_until": logged_until,  # the records logged up to and including this page
    }


def _token(item: Any) -> dict[str, Any]:
    return {"level": item.level, "id": item.id, "name": item.title, "children": [_token(child) for child in item.children]}


def _take(split: _Split, src_uri: str) -> dict[str, Any] | None:
    """The copy's results for a page it converted, waiting for the copy the first time; None when
    the page is not the copy's, or the copy failed (the build then converts the page itself)."""
    if src_uri not in split.pages or split.failed:
        return None
    if split.results is None:
        try:
            _, status = os.waitpid(split.pid, 0)
        except BaseException:
            _end(split.pid)  # interrupted: the copy ends with the build
            raise
        try:
            loaded = json.loads(split.result_file.read_text(encoding="utf-8")) if os.waitstatus_to_exitcode(status) == 0 else None
        except (OSError, ValueError):
            loaded = None
        split.result_file.unlink(missing_ok=True)
        if loaded is None:
            split.failed = True
            return None
        split.results = loaded["pages"]
        split.records = [(name, level, message) for name, level, message in reversed(loaded["records"])]
    done: dict[str, Any] = split.results.pop(src_uri)
    _log_until(split, done["logged_until"])
    return done


def _log_until(split: _Split, count: int) -> None:
    """Log again, in the build, what the copy logged up to and including this page's conversion."""
    while split.logged < count and split.records:
        name, level, message = split.records.pop()
        logging.getLogger(name).log(level, message)
        split.logged += 1


def _apply(page: Any, done: dict[str, Any], files: Any) -> None:
    """What `Page.render` sets, from the copy's conversion of the same page."""
    from mkdocs.structure.toc import get_toc

    page.content = done["content"]
    page.toc = get_toc(done["toc"])
    page._title_from_render = done["title"]
    page.present_anchor_ids = set(done["anchors"])
    if done["links"] is not None:
        page.links_to_anchors = {files.get_file_from_path(uri): anchors for uri, anchors in done["links"]}


def _end(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
