"""Page modules: each turns part of the model into generated Markdown pages.

A page module defines `pages(ctx: SiteContext) -> Iterable[GeneratedPage]` and may define
`plan(ctx: SiteContext) -> None`, which registers its link targets (`ctx.actor_pages`,
`ctx.document_pages`, `ctx.named_pages`) and its start-page entries (`ctx.start_entries`) before any
page is rendered. Modules are discovered from this package in name order; adding a document kind's
pages is one new module here.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from functools import cache
from types import ModuleType
from typing import Any


@cache
def page_modules() -> tuple[ModuleType, ...]:
    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if callable(getattr(module, "pages", None)):
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
