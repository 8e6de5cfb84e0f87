"""Page modules: each turns part of the model into generated Markdown pages.

A page module defines `pages(ctx: SiteContext) -> Iterable[GeneratedPage]` and may define
`plan(ctx: SiteContext) -> None`, which registers its link targets (`ctx.actor_pages`,
`ctx.document_pages`, `ctx.named_pages`) and its start-page entries (`ctx.start_entries`) before any
page is rendered. The modules are the core's (below) and the ones each registered document kind
names (`Kind.pages`), run in module-name order.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from functools import cache
from types import ModuleType
from typing import Any

from generators.kinds import Kind, kinds

# Pages that belong to no single document kind.
CORE_PAGE_MODULES: tuple[str, ...] = tuple(
    f"{__name__}.{name}" for name in ("accessibility", "api", "catalogue", "decide", "roles", "search", "start", "statutes")
)


def page_modules() -> tuple[ModuleType, ...]:
    """The core's page modules and each registered kind's (`Kind.pages`), in module-name order."""
    return _page_modules(kinds())


@cache
def _page_modules(registered: tuple[Kind, ...]) -> tuple[ModuleType, ...]:
    names = CORE_PAGE_MODULES + tuple(module for kind in registered for module in kind.pages)
    found = []
    for name in sorted(names, key=lambda n: (n.rsplit(".", 1)[-1], n)):
        module = importlib.import_module(name)
        if not callable(getattr(module, "pages", None)):
            raise TypeError(f"{name} defines no pages(ctx)")
        found.append(module)
    return tuple(found)


def generate(ctx: Any) -> list[Any]:
    """Plan every module, then render every page. Paths must be unique across modules."""
    modules = page_modules()
    for module in modules:
        plan: Callable[[Any], None] | None = getattr(module, "plan", None)
        if plan is not None:
            plan(ctx)
    generated: list[Any] = []
    seen: dict[str, str] = {}
    for module in modules:
        produced: Iterable[Any] = module.pages(ctx)
        for page in produced:
            if page.path in seen:
                raise RuntimeError(f"två sidmoduler skapar samma sida {page.path} ({seen[page.path]} och {module.__name__})")
            seen[page.path] = module.__name__
            generated.append(page)
    return generated
