"""What the mkdocs hook does, kept out of the hook file so it can be imported and tested normally.

mkdocs loads `hook.py` from its path as a separate module; everything with state lives here:

- `prepare(config)` (on_config): load and check the policies once, render every page, set the nav;
- `add_files(files, config)` (on_files): add the pages and the JSON rules as generated files;
- `post_build(config)` (on_post_build): scan the built HTML; any finding fails the build.

One load and one check per build: `python -m generators build` has checked the policies before the
site is built and hands its model over (`handed_model`, used by `build_site`); the hook then uses it
instead of loading and checking the same files again. Started on its own (`mkdocs build`,
`mkdocs serve`) nothing is handed over and the hook loads and checks the policies itself.

The JSON rules are written to a folder of their own as they are made (`write_rules`), not kept in
memory, and mkdocs copies them into the site from there; the folder is removed when the next build
starts, when `release()` is called (`build_site` does when it ends) and when the process exits.

The policies folder comes from the environment variable STYRDOKUMENT_POLICIES (set by `build_site`),
defaulting to the repository's policies/. The build's date comes from SOURCE_DATE_EPOCH or the last
commit touching the policies (`generators.clock.build_date`), never the wall clock when either is available.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from generators.outputs.site.context import GeneratedPage, SiteContext
from generators.outputs.site.nav import build_nav
from generators.paths import DEFAULT_POLICIES, REPO_ROOT, RULES_SITE_DIR

log = logging.getLogger("mkdocs.styrdokument")

POLICIES_ENV = "STYRDOKUMENT_POLICIES"
# Set ("1") by build_site for a preview build that works from disk (file://).
PREVIEW_ENV = "STYRDOKUMENT_PREVIEW"
# Hand-written pages under site/ that other pages link to by name, and where they sit in the nav.
HANDWRITTEN_SECTION = "Om webbplatsen"
HANDWRITTEN_NAMES: dict[str, str] = {}  # none now: the search page is generated (pages/search.py)


class SiteProblem(Exception):
    """A problem that stops the site build, worded for the person running it (Swedish)."""


@dataclass
class BuildState:
    policies: Path | None = None
    as_of: date | None = None
    pages: list[GeneratedPage] = field(default_factory=list)
    # The JSON rules by path under rules/v1/ (a PublishedFolder: the files, read when asked for).
    rules: Mapping[str, bytes] = field(default_factory=dict)
    rules_folder: Path | None = None
    # Where a forked generation wrote the pages (their content is read by mkdocs from there).
    pages_folder: Path | None = None
    commit: str | None = None
    # The message of the last problem that stopped a build (mkdocs only says "Aborted").
    failure: str | None = None

    def reset(self) -> None:
        """A fresh state for every build (`mkdocs serve` rebuilds in the same process)."""
        self.release()
        self.__dict__.update(BuildState().__dict__)

    def release(self) -> None:
        """Let go of the last build's pages and rules (their folders are removed)."""
        self.release_rules()
        release_pages_folder()
        self.pages = []

    def release_rules(self) -> None:
        """Remove the rules' folder (once mkdocs has copied them into the site)."""
        if self.rules_folder is not None:
            shutil.rmtree(self.rules_folder, ignore_errors=True)
        self.rules_folder = None
        self.rules = {}


STATE = BuildState()
atexit.register(STATE.release)


@dataclass(frozen=True)
class _Handed:
    policies: Path
    model: Any


# The model `python -m generators build` has checked, for the build it starts (see the docstring).
_HANDED: list[_Handed] = []


@contextmanager
def handed_model(policies: Path, model: Any) -> Iterator[None]:
    """While the block runs, a build of `policies` uses `model` (loaded and checked by the caller:
    it must have passed the check) instead of loading and checking the policies again."""
    _HANDED.append(_Handed(Path(policies).resolve(), model))
    del model  # this frame lives through the build: only the hand-over may hold the model
    try:
        yield
    finally:
        _HANDED.clear()


def _take_handed(policies: Path) -> Any:
    """The handed-over model for `policies` (once: a rebuild loads afresh), or None."""
    if _HANDED and _HANDED[-1].policies == policies.resolve():
        return _HANDED.pop().model
    return None


def release_rules() -> None:
    STATE.release_rules()


def release_pages_folder() -> None:
    """Remove the folder a forked generation wrote the pages to (mkdocs has read them); the pages'
    paths stay in STATE.pages."""
    if STATE.pages_folder is not None:
        shutil.rmtree(STATE.pages_folder, ignore_errors=True)
    STATE.pages_folder = None


def policies_dir() -> Path:
    configured = os.environ.get(POLICIES_ENV)
    return Path(configured).resolve() if configured else DEFAULT_POLICIES


def _fail(message: str) -> None:
    from mkdocs.exceptions import PluginError

    STATE.failure = message
    raise PluginError(message)


def handwritten_pages(docs_dir: Path) -> list[str]:
    """Markdown pages under the docs folder (overrides/ holds theme templates, not pages)."""
    return sorted(
        p.relative_to(docs_dir).as_posix()
        for p in docs_dir.rglob("*.md")
        if "overrides" not in p.relative_to(docs_dir).parts
    )


def prepare(config: Any) -> None:
    """on_config: check, model, pages, nav. Raises PluginError (the build stops) on check errors.

    The model is not kept: once the pages, the rules and the nav are made nothing of the build reads
    it again (mkdocs renders the generated Markdown, the scan reads the built HTML), so it is let go
    here, before mkdocs turns every page into HTML, and the memory it held (a region's model is a
    few hundred megabytes) serves mkdocs' pages instead of adding to them."""
    import gc

    try:
        _prepare(config)
    finally:
        # Whatever of the model and the site context sits in reference cycles is collected now,
        # not whenever the collector next runs during mkdocs' build.
        gc.collect()


def _prepare(config: Any) -> None:
    from generators.clock import build_date
    from generators.pipeline import load_and_check
    from generators.reporters import render as render_report

    STATE.reset()
    policies = policies_dir()
    if not policies.is_dir():
        _fail(f"Mappen med styrdokument finns inte: {policies}")
    as_of = build_date(REPO_ROOT, policies)
    model = _take_handed(policies)
    if model is None:
        checked = load_and_check(policies, as_of)
        if checked.result.failed():
            report = render_report(checked.result, "text", False)
            _fail(f"Styrdokumenten har fel; webbplatsen byggs inte förrän de är rättade.\n{report}")
        model = checked.model
        del checked  # the load's diagnostics and results: only the model is needed from here
    if model.organisation is None:
        _fail("Webbplatsen kräver organisationen (policies/organisation.yaml).")
    STATE.rules_folder = Path(tempfile.mkdtemp(prefix="styrdokument-regler-"))
    if may_fork():
        handover = [model]
        del model
        _generate_in_child(config, handover, policies, as_of)
    else:
        _generate(config, model, policies, as_of)


def _generate(config: Any, model: Any, policies: Path, as_of: date) -> None:
    """The JSON rules into STATE.rules_folder, every page, the nav and the site's settings."""
    from generators.clock import source_commit
    from generators.outputs.site.pages import generate

    ctx = SiteContext(model, as_of, directory_urls=bool(config.use_directory_urls), commit=source_commit(REPO_ROOT),
                      site_url=config.site_url or None)
    _publish_settings(config, ctx)
    handwritten = handwritten_pages(Path(config.docs_dir))
    for path in handwritten:
        if path in HANDWRITTEN_NAMES:
            ctx.named_pages[HANDWRITTEN_NAMES[path]] = path
    assert STATE.rules_folder is not None
    ctx.rules = _rules(model, as_of, ctx.commit, ctx.site_url, STATE.rules_folder)
    pages = generate(ctx)
    clashes = sorted({p.path for p in pages} & set(handwritten))
    if clashes:
        _fail(f"Sidorna {', '.join(clashes)} finns både handskrivna i site/ och genererade; ta bort de handskrivna.")
    nav_pages = pages + [
        GeneratedPage(path=path, title="", content="", nav=(HANDWRITTEN_SECTION,), nav_order=(60,), order=(path,))
        for path in handwritten
    ]
    config.nav = build_nav(nav_pages)
    STATE.policies, STATE.as_of, STATE.pages, STATE.commit = policies, as_of, pages, ctx.commit
    STATE.rules = ctx.rules


# Set ("1") by the build command: the pages are made in a forked copy of the process, see below.
FORK_ENV = "STYRDOKUMENT_FORK_PAGES"


def may_fork() -> bool:
    """Fork only where it is safe: asked for (the build command, one thread), and on a system with
    fork. A process with other threads (a test runner's workers) could fork while one of them holds
    a lock the copy then waits for for ever."""
    import threading

    return os.environ.get(FORK_ENV) == "1" and hasattr(os, "fork") and threading.active_count() == 1


def _generate_in_child(config: Any, handover: list[Any], policies: Path, as_of: date) -> None:
    """`_generate` in a forked copy of the process, which writes the pages to a folder and exits.

    Why: the JSON rules and the pages of a region need a few hundred megabytes beyond the model
    (the rules' serialisation, the page context and every page's Markdown), and memory a Python
    process has once used it keeps (the allocator holds on to freed arenas), so mkdocs' HTML of every
    page came on top of that peak. The copy's memory goes back to the system when it exits; mkdocs
    then reads the pages from disk in a process holding little more than what it held before.
    What comes back is plain data (the nav, the site's settings, the pages' paths and the rules'
    file names) as JSON; the pages' bytes are the same as in-process, since the same code makes them.
    """
    import json
    import signal

    from generators.outputs.site.scan import die_with_parent

    pages_folder = Path(tempfile.mkdtemp(prefix="styrdokument-sidor-"))
    STATE.pages_folder = pages_folder
    result_file = pages_folder / ".result.json"
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the copy: generate, write, and leave without running the parent's exit handlers
        status = 0
        try:
            die_with_parent(parent)
            _generate(config, handover.pop(), policies, as_of)
            for page in STATE.pages:
                target = pages_folder / "pages" / page.path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(page.content, encoding="utf-8")
            result: dict[str, Any] = {
                "site_name": config.site_name, "site_description": config.site_description, "copyright": config.copyright,
                "nav": config.nav, "commit": STATE.commit, "rules": sorted(STATE.rules),
                "pages": [page.path for page in STATE.pages],
            }
        except BaseException as error:  # noqa: BLE001 - every failure goes back to the parent as data
            import traceback

            from mkdocs.exceptions import PluginError

            status = 1
            result = {"failure": STATE.failure} if isinstance(error, PluginError) and STATE.failure else {"error": traceback.format_exc()}
        try:
            result_file.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
        finally:
            os._exit(status)
    handover.clear()  # the parent's reference: the copy has its own
    try:
        _, wait_status = os.waitpid(pid, 0)
    except BaseException:
        # Interrupted (Ctrl-C, or SIGTERM which the build command turns into one): end the copy too.
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise
    try:
        result = json.loads(result_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        _fail(f"Sidorna kunde inte göras: processen som gjorde dem avbröts ({_ended(wait_status)}).")
    if "failure" in result:
        _fail(result["failure"])
    if "error" in result:
        raise RuntimeError(result["error"])
    config.site_name, config.site_description, config.copyright = result["site_name"], result["site_description"], result["copyright"]
    config.nav = result["nav"]
    STATE.policies, STATE.as_of, STATE.commit = policies, as_of, result["commit"]
    # add_files reads each page from the folder, so the parent never holds the pages' Markdown.
    STATE.pages = [GeneratedPage(path=path, title="", content="", nav=()) for path in result["pages"]]
    assert STATE.rules_folder is not None
    STATE.rules = _FilesIn(STATE.rules_folder, tuple(result["rules"]))


def _ended(wait_status: int) -> str:
    if os.WIFSIGNALED(wait_status):
        return f"signal {os.WTERMSIG(wait_status)}"
    return f"slutkod {os.waitstatus_to_exitcode(wait_status)}"


class _FilesIn(Mapping[str, bytes]):
    """Files under a folder by their path relative to it, read when asked for (the JSON rules the
    forked copy wrote)."""

    def __init__(self, root: Path, paths: tuple[str, ...]) -> None:
        self.root, self._paths = root, paths

    def __getitem__(self, relative: str) -> bytes:
        if relative not in self._paths:
            raise KeyError(relative)
        return (self.root / relative).read_bytes()

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)


def _publish_settings(config: Any, ctx: SiteContext) -> None:
    """The site's title, description and footer belong to the organisation (`publication:` in
    organisation.yaml), not to mkdocs.yml, so an adopting organisation changes only policies/."""
    words = ctx.organisation.words
    config.site_name = _plain(ctx.site_title)
    config.site_description = _plain(
        str(ctx.publication.get("site_description") or f"Vem beslutar om vad i {words.name} – delegationsordningar, roller och styrdokument.")
    )
    config.copyright = _plain(str(ctx.publication.get("copyright") or words.name))


def _plain(value: str) -> str:
    """Policy text for the theme, which prints these settings as HTML in places without escaping:
    no markup characters at all ("&" becomes "och"), and no line breaks."""
    return " ".join(value.replace("&", " och ").translate({ord(c): None for c in "<>\"'`"}).split())


def _rules(model: Any, as_of: date, commit: str | None, base_url: str | None, folder: Path) -> Mapping[str, bytes]:
    """The JSON rules (`generators.outputs.rules.write_rules`) written into `folder`, paths relative to rules/v1/."""
    import importlib
    import importlib.util

    if importlib.util.find_spec("generators.outputs.rules") is None:
        log.info("JSON-reglerna byggs inte: paketet generators.outputs.rules finns inte.")
        return {}
    rules = importlib.import_module("generators.outputs.rules")
    published: Mapping[str, bytes] = rules.write_rules(model, as_of, commit, folder, base_url)
    return published


def add_files(files: Any, config: Any) -> Any:
    """on_files: every generated page and every JSON rules file, as generated files."""
    from mkdocs.structure.files import File

    for page in STATE.pages:
        if files.get_file_from_path(page.path) is not None:
            _fail(f"Sidan {page.path} finns redan i site/; genererade sidor får inte ha samma namn som handskrivna.")
        if STATE.pages_folder is not None:  # written by the forked generation
            files.append(File.generated(config, page.path, abs_src_path=str(STATE.pages_folder / "pages" / page.path)))
        else:
            files.append(File.generated(config, page.path, content=page.content))
    folder = STATE.rules_folder
    for relative in sorted(STATE.rules):
        # Copied by mkdocs from the rules' own folder: the bytes never pass through memory.
        if folder is not None:
            files.append(File.generated(config, f"{RULES_SITE_DIR}/{relative}", abs_src_path=str(folder / relative)))
        else:
            files.append(File.generated(config, f"{RULES_SITE_DIR}/{relative}", content=STATE.rules[relative]))
    return files


def split_rendering(config: Any, files: Any) -> None:
    """on_nav: the later half of the pages converted to HTML in a forked copy (`render_split`)."""
    from generators.outputs.site import render_split

    if render_split.wanted() and may_fork():
        render_split.start(config, files)


def post_build(config: Any) -> None:
    """on_post_build: the search index, then the HTML scan; any finding stops the build with the list of findings."""
    from generators.outputs.site.scan import format_findings, scan_site
    from generators.outputs.site.search import SearchIndexError, index_site

    if os.environ.get(PREVIEW_ENV) == "1":
        embed_decision_tables(Path(config.site_dir))
    try:
        index_site(Path(config.site_dir))
    except SearchIndexError as error:
        _fail(str(error))
    from urllib.parse import urlsplit

    site_root = urlsplit(config.site_url).path if config.site_url else "/"
    findings = scan_site(Path(config.site_dir), extra_scripts=list(config.extra_javascript), site_root=site_root or "/")
    if findings:
        _fail(format_findings(findings))


# Where the preview's tables go: just before the page's status line, which the script reads first.
_STATUS_MARK = '<p id="vb-status"'


def embed_decision_tables(site_dir: Path) -> None:
    """A preview build (file://, where the browser blocks fetch()): the decision tables' parts go into
    the Vem beslutar? page as one JSON data block, keyed by their path under rules/v1/; the script reads
    them from there instead of fetching. `<`, `>` and `&` are written as JSON escapes, so the block can
    never end early or become markup (the scan checks it is valid JSON)."""
    import json

    from generators.outputs.site.escape import json_data_block

    parts = {relative: json.loads(STATE.rules[relative]) for relative in sorted(STATE.rules) if relative.startswith("decisions/")}
    if not parts:
        return
    block = str(json_data_block("vb-tabeller", parts)) + "\n"  # plain text from here: Safe + str would escape the mark
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if _STATUS_MARK in html:
            page.write_text(html.replace(_STATUS_MARK, block + _STATUS_MARK, 1), encoding="utf-8")

