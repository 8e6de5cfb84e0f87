"""Fixtures for the browser tests: the example site built once, served on 127.0.0.1, driven in Chromium.

One build, one server and one browser per session (the suite must stay fast on two cores):

- `site_dir`: the example policies built with `build_site` (which checks them first) at the tests'
  fixed date (SOURCE_DATE_EPOCH 2026-11-23, as in tests/site): the very build the site tests read
  (`shared_build`, made once per test run whichever worker asks first);
- `base_url`: that folder served by `http.server.ThreadingHTTPServer` on 127.0.0.1 and a free port;
- `browser`: Debian's Chromium (/usr/bin/chromium) through Playwright. If it is missing or cannot
  start, the tests FAIL with a message saying how to install it (`make browser`); they never skip;
- `visit`: a fresh browser context and page per test that records console errors, uncaught page
  errors and every request to a host other than 127.0.0.1 (those are aborted, never sent). A test
  asserts on them itself; the fixture fails the test afterwards if anything was left unchecked.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.site.conftest import EXAMPLE_POLICIES, shared_build

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOST = "127.0.0.1"
# A desktop window: Material shows the search box and the side navigation at this width.
VIEWPORT = {"width": 1280, "height": 900}
# axe-core impacts that fail a page (WCAG 2.1 AA is the law for a municipality's site).
SERIOUS = {"serious", "critical"}
INSTALL_HINT = (
    "The browser tests need Debian's Chromium at /usr/bin/chromium. Install it with `make browser` "
    "(runs `apt-get install chromium` as root), then run the tests again. Never run `playwright install`."
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_build(tmp_path_factory, "example", EXAMPLE_POLICIES)[0]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer((HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is missing. {INSTALL_HINT}", pytrace=False)
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        pytest.fail(f"Playwright is not installed ({error}); install requirements.lock (make test does).", pytrace=False)
    manager = sync_playwright().start()
    try:
        try:
            launched = manager.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        except PlaywrightError as error:
            first_lines = "\n".join(str(error).splitlines()[:6])
            pytest.fail(f"Chromium at {CHROMIUM} could not start:\n{first_lines}\n{INSTALL_HINT}", pytrace=False)
        yield launched
        launched.close()
    finally:
        manager.stop()


@dataclass
class Visit:
    """One browser page on the served site and what happened on it."""

    page: Any
    base_url: str
    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    requests: int = 0
    checked: int = 0  # how many problems a test has already looked at

    def open(self, path: str, wait_until: str = "load") -> Any:
        """Open a page by its path from the site root ('roller/kommundirektor/')."""
        response = self.page.goto(self.base_url + path, wait_until=wait_until)
        assert response is not None and response.ok, f"{path}: HTTP {response.status if response else 'no response'}"
        return response

    def problems(self) -> list[str]:
        return [f"console error: {e}" for e in self.console_errors] + [f"request left {HOST}: {u}" for u in self.foreign_requests]

    def assert_clean(self, where: str = "") -> None:
        problems = self.problems()
        self.checked = len(problems)
        assert not problems, f"{where}: " + "\n".join(problems)


def open_visit(browser: Any, base_url: str) -> Visit:
    """A fresh browser context and page whose console errors and foreign requests are recorded."""
    context = browser.new_context(viewport=VIEWPORT, locale="sv-SE", timezone_id="Europe/Stockholm",
                                  service_workers="block")
    page = context.new_page()
    record = Visit(page, base_url)

    def guard(route: Any) -> None:
        record.requests += 1
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") and parts.hostname != HOST:
            record.foreign_requests.append(url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", guard)
    page.on("websocket", lambda socket: record.foreign_requests.append(socket.url)
            if urlsplit(socket.url).hostname != HOST else None)
    page.on("console", lambda message: record.console_errors.append(f"{message.text} ({message.location.get('url', '')})")
            if message.type == "error" else None)
    page.on("pageerror", lambda error: record.console_errors.append(f"uncaught: {error}"))
    return record


def close_visit(record: Visit) -> None:
    """Close the page's context; fail if it reported problems that no test looked at."""
    record.page.context.close()
    problems = record.problems()
    if len(problems) > record.checked:
        pytest.fail("the page reported problems the test did not check:\n" + "\n".join(problems), pytrace=False)


@pytest.fixture
def visit(browser: Any, base_url: str) -> Iterator[Visit]:
    record = open_visit(browser, base_url)
    yield record
    close_visit(record)


def axe_problems(page: Any) -> list[str]:
    """axe-core's serious and critical violations on the page as it is now, one line each."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    problems = []
    for violation in results.response["violations"]:
        if violation.get("impact") in SERIOUS:
            targets = [", ".join(str(t) for t in node["target"]) for node in violation["nodes"][:5]]
            problems.append(f"{violation['id']} ({violation['impact']}): {violation['help']} – {targets}")
    return problems
