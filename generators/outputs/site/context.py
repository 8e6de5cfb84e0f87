"""What every page module shares: the model, the build's date, where each page lives, and links.

Pages link to each other with relative URLs computed here (raw HTML links are not rewritten by
mkdocs), so every target is registered before any page is rendered: page modules register their
link targets in `plan()`, then render in `pages()`.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from generators.model import Model
from generators.model.common import Actor, version_in_force
from generators.model.organisation import Organisation
from generators.outputs.site.escape import Safe, link, text


@dataclass(frozen=True)
class GeneratedPage:
    """One generated Markdown page and where it sits in the navigation.

    `title` is the short navigation title (plain text, escaped when the nav is built); `nav` the
    section path from the top (plain text too), e.g. ("Roller", "Socialförvaltningen"). A page whose
    path ends in `index.md` is its section's own page.
    """

    path: str
    title: str
    content: str
    nav: tuple[str, ...]
    order: tuple[Any, ...] = ()
    # Weight of each nav level (same length as `nav`, or shorter: missing levels weigh 0). Sections
    # are ordered by weight, then name; top level: Delegationsordningar 10, other documents 20,
    # Roller 30, Författningar 35, Kontroller 40, För systemutvecklare 50, Om webbplatsen 60.
    nav_order: tuple[int, ...] = ()


@dataclass(frozen=True)
class StartEntry:
    """A question on the start page ("Vem beslutar om …?") and where the answer is.

    `answer` is plain text; `links` are (page source path, link text) or (path, text, anchor).
    """

    question: str
    answer: str
    links: tuple[tuple[str, ...], ...]
    order: int = 500


@dataclass(frozen=True)
class Versions:
    """The published versions of one document: the one in force on the build date, and those to come."""

    current: Any | None
    upcoming: tuple[Any, ...]

    def published(self) -> list[Any]:
        """The version in force (if any) first, then the adopted versions to come."""
        return ([self.current] if self.current is not None else []) + list(self.upcoming)


@dataclass
class SiteContext:
    model: Model
    as_of: date
    directory_urls: bool = True
    commit: str | None = None
    # the site's address (mkdocs site_url), when the build knows it
    site_url: str | None = None
    # actor key → source path of the actor's page
    actor_pages: dict[str, str] = field(default_factory=dict)
    # id() of a document object (a DelegationOrder, a travel policy …) → source path of its page
    # (set through `set_document_page`)
    document_pages: dict[int, str] = field(default_factory=dict)
    # source file of a published document version → its page (set through `set_document_page`, or
    # `set_file_page` for a document without version metadata), so a view that finds things in the
    # files (the statute pages) can link to where they are published
    file_pages: dict[str, str] = field(default_factory=dict)
    # (source file, JSON path of an entity) → the anchor of its row on the file's page: a page module
    # registers the rows it gives an id (a delegation matter's id), so other pages link straight to them
    entity_anchors: dict[tuple[str, tuple[str | int, ...]], str] = field(default_factory=dict)
    # document.id → (page, title) of its first registered version (the one in force, where there is one)
    document_ids: dict[str, tuple[str, str]] = field(default_factory=dict)
    # pages that other pages may link to by name ("roller", "kontroller", "json-regler" …)
    named_pages: dict[str, str] = field(default_factory=dict)
    # questions on the start page, contributed by the page modules in plan()
    start_entries: list[StartEntry] = field(default_factory=list)
    # the published JSON rules (path under rules/v1/ → bytes), for the page that documents them
    rules: Mapping[str, bytes] = field(default_factory=dict)

    def __post_init__(self) -> None:
        org = self.model.organisation
        # Which role types each position belongs to: computed once, so role pages stay linear.
        self.role_types_of: dict[str, list[str]] = {}
        if org is not None:
            for role_type_id in sorted(org.role_types):
                for position_id in org.positions_of_role_type(role_type_id):
                    self.role_types_of.setdefault(position_id, []).append(role_type_id)

    @property
    def organisation(self) -> Organisation:
        if self.model.organisation is None:
            raise RuntimeError("webbplatsen kräver organisationen (policies/organisation.yaml)")
        return self.model.organisation

    @property
    def municipality_name(self) -> str:
        org = self.model.organisation
        return str(org.municipality.get("name", "")) if org is not None else ""

    @property
    def publication(self) -> dict[str, Any]:
        """The organisation's `publication:` settings (site title, accessibility statement)."""
        org = self.model.organisation
        return org.publication if org is not None else {}

    @property
    def site_title(self) -> str:
        """The site's title: `publication.site_title`, else "Styrdokument – <the organisation's name>"."""
        title = self.publication.get("site_title")
        if title:
            return str(title)
        return f"Styrdokument – {self.municipality_name}" if self.municipality_name else "Styrdokument"

    # -- urls ---------------------------------------------------------------------------------
    def page_url(self, path: str) -> str:
        """A page's URL relative to the site root, as mkdocs will write it."""
        stem = path.removesuffix(".md")
        if not self.directory_urls:
            return stem + ".html"
        if stem == "index":
            return ""
        if stem.endswith("/index"):
            return stem[: -len("index")]
        return stem + "/"

    def _base(self, from_path: str) -> str:
        """The folder a browser resolves relative links against on this page."""
        source = self.page_url(from_path)
        if self.directory_urls:
            return source.rstrip("/") or "."
        return posixpath.dirname(source) or "."

    def href(self, from_path: str, to_path: str, anchor: str | None = None) -> str:
        """A relative link from one page to another (both given as source paths)."""
        target = self.page_url(to_path)
        relative = posixpath.relpath(target.rstrip("/") or ".", self._base(from_path))
        if relative == ".":
            relative = "./"
        elif target.endswith("/") or not target:
            relative += "/"
        return relative + (f"#{anchor}" if anchor else "")

    def asset_href(self, from_path: str, asset: str) -> str:
        """A relative link from a page to a file (rules/index.json, assets/…)."""
        return posixpath.relpath(asset, self._base(from_path))

    def page_link(self, from_path: str, to_path: str | None, label: object, anchor: str | None = None) -> Safe:
        if to_path is None:
            return text(label)
        return link(self.href(from_path, to_path, anchor), label)

    # -- actors -------------------------------------------------------------------------------
    def actor_label(self, actor: Actor) -> str:
        org = self.model.organisation
        return org.label(actor) if org is not None else actor.id

    def actor_running(self, actor: Actor) -> str:
        """The actor's name inside a sentence: 'HR-direktören', 'socialnämndens individutskott'."""
        org = self.model.organisation
        return org.running_label(actor) if org is not None else actor.id

    def actor_page(self, actor: Actor) -> str | None:
        if actor.kind == "seat":
            return self.actor_pages.get(f"body:{actor.body}")
        return self.actor_pages.get(actor.key)

    def actor_link(self, actor: Actor, from_path: str, *, running: bool = False) -> Safe:
        label = self.actor_running(actor) if running else self.actor_label(actor)
        return self.page_link(from_path, self.actor_page(actor), label)

    def actors_links(self, actors: Iterable[Actor], from_path: str) -> Safe:
        return Safe(" och ".join(self.actor_link(a, from_path) for a in actors))

    # -- documents ----------------------------------------------------------------------------
    def body_name(self, body_id: str) -> str:
        org = self.model.organisation
        body = org.bodies.get(body_id) if org else None
        return body.name if body else body_id

    def document_page(self, document: Any) -> str | None:
        return self.document_pages.get(id(document))

    def set_document_page(self, document: Any, path: str) -> None:
        """Give a document version its page; the first version registered under a document.id is the
        one a link by id (a search recommendation) reaches."""
        self.document_pages[id(document)] = path
        meta = getattr(document, "meta", None)
        if meta is not None:
            self.document_ids.setdefault(meta.id, (path, meta.title))
            source = getattr(meta, "source", None)
            if source is not None:
                self.set_file_page(source.file, path)

    def set_file_page(self, file: str, path: str) -> None:
        """The page where the document in `file` is published (the first page registered for it)."""
        self.file_pages.setdefault(file, path)

    def versions(self, documents: Iterable[Any]) -> list[Versions]:
        """Group a kind's documents by `document.id`: the version in force and adopted ones to come.

        Proposals (`forslag`) and repealed or expired versions are not published for staff.
        """
        groups: dict[str, list[Any]] = {}
        for document in documents:
            groups.setdefault(document.meta.id, []).append(document)
        found: list[Versions] = []
        for doc_id in sorted(groups):
            docs = sorted(groups[doc_id], key=lambda d: d.meta.valid_from)
            current = version_in_force(docs, self.as_of)
            upcoming = tuple(d for d in docs if d.meta.status == "antagen" and d.meta.valid_from > self.as_of)
            if current is not None or upcoming:
                found.append(Versions(current, upcoming))
        return found
