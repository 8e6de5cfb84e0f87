"""The post-build scan: every built HTML page must contain only script the project put there itself.

A finding stops the build. The scan parses each page with the standard library's HTML parser and
reports, with file and line:

- a `<script>` that is not on the allow-list. Allowed are: scripts loaded from exactly the theme's
  bundle (`assets/javascripts/bundle.<hash>.min.js`, the name read from the installed theme's
  `base.html`) and the project's own `extra_javascript` files; the theme's inline scripts, matched
  exactly against the script bodies in the installed theme's `partials/javascripts/*.html` (the only
  variable part, a relative base URL, must be a plain path); and the theme's configuration block
  `<script id="__config" type="application/json">`, the preview build's decision tables
  `<script id="vb-tabeller" type="application/json">` and the Vem beslutar page's words
  `<script id="vb-ord" type="application/json">` when they are valid JSON (a browser never runs
  a block of that type);
- any event-handler attribute (`onclick=`, `onerror=` … every attribute whose name starts with `on`);
- any `javascript:`/`vbscript:` URL, and any `data:` URL outside images, in any attribute that can
  hold an address. The scan judges what can execute: attributes that are never an address or a
  handler (`title=`, `alt=`, `aria-*`, `data-*`, `class=`, `id=` … see `TEXT_ATTRIBUTES`) are text,
  so a statute named "javascript:alert(1)", which only ever becomes a tooltip, builds;
- any `<iframe>`, `<object>`, `<embed>`, `<frame>`, `<frameset>`, `<applet>`, `<base>` and
  `<meta http-equiv="refresh">`;
- any resource loaded from another host at view time (`<script src>`, `<img src>`, `<link>` other than
  canonical/alternate, `<source>`, `<video>`, `<audio>`, `<track>`, `url(...)` or `@import` in CSS);
- internal links to pages or anchors that do not exist (raw HTML links are not checked by mkdocs).
"""

from __future__ import annotations

import ctypes
import json
import os
import posixpath
import re
import signal
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

FORBIDDEN_ELEMENTS = frozenset({"iframe", "object", "embed", "frame", "frameset", "applet", "base"})
RESOURCE_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
    "link": ("href",),
}
# Inline JSON data blocks (never run): the theme's configuration, and the decision tables a preview
# build carries inside the Vem beslutar? page (generate.embed_decision_tables).
DATA_BLOCKS = frozenset({"__config", "vb-ord", "vb-tabeller"})

# Attributes a browser never reads as an address or runs as script: their values are text.
TEXT_ATTRIBUTES = frozenset({
    "title", "alt", "class", "id", "lang", "dir", "role", "placeholder", "label", "abbr", "name",
    "for", "headers", "scope", "colspan", "rowspan", "datetime", "tabindex", "hidden", "translate",
    "width", "height", "type", "rel", "target", "hreflang", "aria-label", "aria-hidden",
})
TEXT_ATTRIBUTE_PREFIXES = ("aria-", "data-")
NON_LOADING_LINK_RELS = frozenset({"canonical", "alternate", "prev", "next", "author", "license", "search"})
_STRIP_FOR_SCHEME = re.compile(r"[\x00-\x20\x7f]+")
_CSS_EXTERNAL = re.compile(r"@import|url\(\s*['\"]?\s*(https?:|//)", re.IGNORECASE)
_THEME_SCRIPT_TEMPLATES = ("base.html", "content.html", "palette.html", "announce.html", "outdated.html")


@dataclass(frozen=True, order=True)
class Finding:
    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


def format_findings(findings: list[Finding]) -> str:
    shown = "\n".join(f"  {f}" for f in findings[:50])
    more = f"\n  … och {len(findings) - 50} till" if len(findings) > 50 else ""
    return (
        f"Granskningen av den byggda webbplatsen hittade {len(findings)} problem. Sidor får inte innehålla "
        "skript, händelseattribut, javascript:-länkar, inbäddade ramar, resurser från andra webbplatser "
        f"eller trasiga interna länkar som projektet inte själv har lagt dit:\n{shown}{more}"
    )


# -- the allow-list, read from the installed theme ------------------------------------------------
@cache
def _theme_dir() -> Path:
    import material

    return Path(material.__file__).resolve().parent / "templates"


@cache
def theme_bundle() -> str:
    """The path of the theme's JavaScript bundle, as the installed theme's base.html names it."""
    base = (_theme_dir() / "base.html").read_text(encoding="utf-8")
    match = re.search(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js", base)
    if match is None:
        raise RuntimeError("kunde inte hitta temats JavaScript-paket i material/templates/base.html")
    return match.group(0)


@cache
def theme_inline_scripts() -> tuple[re.Pattern[str], ...]:
    """The theme's inline scripts as exact patterns; a Jinja expression may only be a plain path."""
    patterns = []
    for name in _THEME_SCRIPT_TEMPLATES:
        path = _theme_dir() / "partials" / "javascripts" / name
        if not path.is_file():
            continue
        for body in re.findall(r"<script>(.*?)</script>", path.read_text(encoding="utf-8"), re.DOTALL):
            parts = re.split(r"\{\{.*?\}\}", body.strip())
            patterns.append(re.compile("[A-Za-z0-9./_-]*".join(re.escape(p) for p in parts)))
    if not patterns:
        raise RuntimeError("kunde inte läsa temats inbyggda skript i material/templates/partials/javascripts/")
    return tuple(patterns)


# -- scanning one page ----------------------------------------------------------------------------
class _PageScanner(HTMLParser):
    def __init__(self, file: str, page_dir: str, allowed_sources: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.file = file
        self.page_dir = page_dir
        self.allowed_sources = allowed_sources
        self.findings: list[Finding] = []
        self.ids: set[str] = set()
        self.links: list[tuple[str, int, int]] = []  # (href, line, column)
        self._script: tuple[dict[str, str | None], int, int] | None = None
        self._script_text: list[str] = []
        self._style: list[str] | None = None

    def _report(self, message: str) -> None:
        line, column = self.getpos()
        self.findings.append(Finding(self.file, line, column + 1, message))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check_element(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # `<script/>` is not self-closing in HTML: a browser runs what follows as script, so the
        # element stays open here too and its text is checked at `</script>` or at the end.
        self._check_element(tag, attrs)

    def close(self) -> None:
        super().close()
        if self._script is not None:
            values, line, column = self._script
            self._check_script(values, "".join(self._script_text), line, column)
            self._script = None

    def _check_element(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in FORBIDDEN_ELEMENTS:
            self._report(f"otillåtet element <{tag}>")
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            self._report("otillåten omdirigering <meta http-equiv=\"refresh\">")
        for name, value in attrs:
            if name.startswith("on"):
                self._report(f"händelseattribut {name}= på <{tag}>")
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            if name == "style" and _CSS_EXTERNAL.search(value):
                self._report(f"extern resurs i style-attribut på <{tag}>")
            if name in TEXT_ATTRIBUTES or name.startswith(TEXT_ATTRIBUTE_PREFIXES):
                continue  # never an address: text, whatever it says
            scheme_probe = _STRIP_FOR_SCHEME.sub("", value).lower()
            if scheme_probe.startswith(("javascript:", "vbscript:")):
                self._report(f"{scheme_probe.split(':', 1)[0]}:-adress i {name}= på <{tag}>")
            elif scheme_probe.startswith("data:") and not (tag in ("img", "source") and scheme_probe.startswith("data:image/")):
                self._report(f"data:-adress i {name}= på <{tag}>")
        self._check_resources(tag, values)
        if tag == "a" and values.get("href"):
            line, column = self.getpos()
            self.links.append((values["href"] or "", line, column + 1))
        if tag == "script":
            if self._script is not None:  # an unclosed <script/> before: a browser runs up to here
                pending, pending_line, pending_column = self._script
                self._check_script(pending, "".join(self._script_text) + "<script>", pending_line, pending_column)
            line, column = self.getpos()
            self._script = (values, line, column + 1)
            self._script_text = []
        if tag == "style":
            self._style = []

    def _check_resources(self, tag: str, values: dict[str, str | None]) -> None:
        for attribute in RESOURCE_ATTRIBUTES.get(tag, ()):
            value = values.get(attribute)
            if not value:
                continue
            if tag == "link" and set((values.get("rel") or "").lower().split()) <= NON_LOADING_LINK_RELS:
                continue
            candidates = [c.strip().split(" ")[0] for c in value.split(",")] if attribute == "srcset" else [value.strip()]
            for candidate in candidates:
                parts = urlsplit(candidate)
                if parts.scheme in ("http", "https") or candidate.startswith("//"):
                    self._report(f"resurs från en annan webbplats i <{tag} {attribute}=\"{candidate[:80]}\">")

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text.append(data)
        if self._style is not None:
            self._style.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            values, line, column = self._script
            self._check_script(values, "".join(self._script_text), line, column)
            self._script = None
        if tag == "style" and self._style is not None:
            if _CSS_EXTERNAL.search("".join(self._style)):
                self._report("extern resurs (@import eller url()) i <style>")
            self._style = None

    def _check_script(self, values: dict[str, str | None], body: str, line: int, column: int) -> None:
        src = values.get("src")
        if src is not None:
            resolved = _resolve(self.page_dir, src)
            if resolved not in self.allowed_sources:
                self.findings.append(Finding(self.file, line, column, f"okänt skript <script src=\"{src[:80]}\">"))
            elif body.strip():
                self.findings.append(Finding(self.file, line, column, "skript med både src och innehåll"))
            return
        if values.get("type") == "application/json" and values.get("id") in DATA_BLOCKS:
            try:
                json.loads(body)
            except ValueError:
                self.findings.append(Finding(self.file, line, column, f"datablocket {values.get('id')} är inte giltig JSON"))
            return
        text = body.strip()
        if not any(pattern.fullmatch(text) for pattern in theme_inline_scripts()):
            self.findings.append(Finding(self.file, line, column, f"okänt inbäddat skript: {text[:60]!r}"))


def _resolve(page_dir: str, url: str) -> str | None:
    """A relative URL on a page, as a path from the site root (None for absolute URLs)."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("//"):
        return None
    if not parts.path:
        return None
    if parts.path.startswith("/"):  # root-relative (the 404 page is served at any depth)
        return posixpath.normpath(unquote(parts.path).lstrip("/"))
    return posixpath.normpath(posixpath.join(page_dir, unquote(parts.path)))


def _page_dir(relative: str) -> str:
    return posixpath.dirname(relative) or "."


def scan_html(html: str, file: str = "page.html", extra_scripts: list[str] | None = None) -> list[Finding]:
    """Scan one page's HTML (for tests and for single pages); internal links are not checked here."""
    scanner = _PageScanner(file, _page_dir(file), _allowed_sources(extra_scripts or []))
    scanner.feed(html)
    scanner.close()
    return sorted(scanner.findings)


def _allowed_sources(extra_scripts: Sequence[object], site_root: str = "/") -> frozenset[str]:
    """The scripts a page may load, as paths from the site root. With a site address under a path
    (`site_url` https://org.github.io/styrdokument/, as the publish workflow builds), the 404 page
    loads them root-relative, `/styrdokument/assets/…`: those spellings are the same files."""
    paths = {theme_bundle()}
    for script in extra_scripts:
        paths.add(posixpath.normpath(str(getattr(script, "path", script))))
    prefix = site_root.strip("/")
    return frozenset(paths | ({f"{prefix}/{path}" for path in paths} if prefix else set()))


def _scan_file(task: tuple[str, str, frozenset[str]]) -> tuple[str, list[Finding], set[str], list[tuple[str, int, int]]]:
    path, relative, allowed = task
    scanner = _PageScanner(relative, _page_dir(relative), allowed)
    scanner.feed(Path(path).read_text(encoding="utf-8"))
    scanner.close()
    return relative, scanner.findings, scanner.ids, scanner.links


def die_with_parent(parent: int) -> None:
    """A process the build forked (a scan worker, the copy that makes the pages) ends when the build
    ends, even by SIGKILL.

    Without this a killed build leaves its workers blocked on their result pipe for ever. Linux
    delivers SIGKILL to the worker when its parent dies (PR_SET_PDEATHSIG); elsewhere the worker at
    least does not outlive a parent that is already gone. The build's SIGTERM handler (raise
    KeyboardInterrupt) is inherited by fork and is reset, and Ctrl-C is left to the build, so no
    worker prints a traceback.
    """
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # no prctl: not Linux
    if os.getppid() != parent:  # the build died before prctl took effect
        os._exit(1)


_PR_SET_PDEATHSIG = 1

# Above this many pages the files are scanned in parallel processes (a large region has thousands).
PARALLEL_FROM = 300


def scan_site(site_dir: Path, extra_scripts: list[object] | None = None, site_root: str = "/") -> list[Finding]:
    """Scan every HTML file of a built site, then check internal links and anchors between pages.
    `site_root`: the path of the site's address (`/` without one)."""
    allowed = _allowed_sources(list(extra_scripts or []), site_root)
    tasks = [(str(path), path.relative_to(site_dir).as_posix(), allowed) for path in sorted(site_dir.rglob("*.html"))]
    workers = min(os.cpu_count() or 1, 8)
    if len(tasks) >= PARALLEL_FROM and workers > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=die_with_parent,
                                 initargs=(os.getpid(),)) as pool:
            results = list(pool.map(_scan_file, tasks, chunksize=32))
    else:
        results = [_scan_file(task) for task in tasks]
    findings: list[Finding] = []
    ids: dict[str, set[str]] = {}
    links: list[tuple[str, str, int, int]] = []
    for relative, page_findings, page_ids, page_links in results:
        findings.extend(page_findings)
        ids[relative] = page_ids
        if relative != "404.html":  # the 404 page is served at any depth; its links are the theme's
            links.extend((relative, href, line, column) for href, line, column in page_links)
    built = _built_paths(site_dir)
    for page, href, line, column in links:
        problem = _broken_link(built, ids, page, href)
        if problem:
            findings.append(Finding(page, line, column, problem))
    return sorted(findings)


@dataclass(frozen=True)
class _Built:
    """Every path of the built site, relative to it: links are checked against these sets, not by
    asking the file system once per link (a region's site has hundreds of thousands of links)."""

    files: frozenset[str]
    folders: frozenset[str]


def _built_paths(site_dir: Path) -> _Built:
    files: set[str] = set()
    folders: set[str] = {"."}
    for folder, subfolders, names in os.walk(site_dir):
        relative = os.path.relpath(folder, site_dir)
        prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        folders.update(prefix + name for name in subfolders)
        files.update(prefix + name for name in names)
    return _Built(frozenset(files), frozenset(folders))


def _broken_link(built: _Built, ids: dict[str, set[str]], page: str, href: str) -> str | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("/"):
        return None
    if not parts.path:
        target = page
    else:
        resolved = posixpath.normpath(posixpath.join(_page_dir(page), unquote(parts.path)))
        if resolved.startswith("../") or resolved == "..":
            return f"länken {href} pekar utanför webbplatsen"
        if resolved in built.folders:
            resolved = posixpath.join(resolved, "index.html") if resolved != "." else "index.html"
        elif resolved not in built.files:
            return f"trasig länk: {href} finns inte"
        target = resolved
    fragment = unquote(parts.fragment)
    if fragment and target in ids and fragment not in ids[target] and not fragment.startswith("__"):
        return f"trasig länk: ankaret #{fragment} finns inte på {target}"
    return None
