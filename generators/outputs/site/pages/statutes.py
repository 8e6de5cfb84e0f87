"""Författningar: browse by law. A page per statute listing every matter, document rule and check
that cites it, per chapter and paragraph, each linked to where it is on the site; and an index of
every statute with its SFS number and whether it is in force or repealed (with its successor).

The citations are `generators.outputs.citations`, the index the JSON statute index publishes too,
over the document versions the site publishes (those with a page: `ctx.file_pages`). A row links to
its own row where the document's page gives it an anchor (`ctx.entity_anchors`: a delegation
matter), else to the document's page; a check links to its page in the check catalogue.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generators.model.reference import Statute
from generators.outputs.citations import CheckCitation, DocumentCitation, Group, StatuteCitations, build_index, slug
from generators.outputs.site.context import GeneratedPage, SiteContext, StartEntry
from generators.outputs.site.escape import Safe, link, text
from generators.outputs.site.render import render
from generators.outputs.site.swedish import long_date
from generators.outputs.site.tables import Row, table
from generators.wording.swedish import count, lower_first, upper_first

SECTION = "Författningar"
FOLDER = "forfattningar"
INDEX = f"{FOLDER}/index.md"
NAV_ORDER = 35
WHOLE = "Hela författningen"


def statute_path(sfs: str) -> str:
    return f"{FOLDER}/{slug(sfs)}.md"


def _index(ctx: SiteContext) -> list[StatuteCitations]:
    return build_index(ctx.model, lambda document: document.file in ctx.file_pages)


def plan(ctx: SiteContext) -> None:
    ctx.named_pages["forfattningar"] = INDEX
    ctx.start_entries.append(StartEntry(
        "Vad bygger på en viss lag?",
        "Slå upp lagen och se, per kapitel och paragraf, vilka ärenden i delegationsordningarna, vilka regler i "
        "styrdokumenten och vilka kontroller som hänvisar till den.",
        ((INDEX, "Alla författningar"),),
        order=480,
    ))


def pages(ctx: SiteContext) -> Iterator[GeneratedPage]:
    index = _index(ctx)
    known = {entry.sfs for entry in index}
    replaces: dict[str, list[StatuteCitations]] = {}
    for entry in index:
        if entry.statute is not None and entry.statute.replaced_by:
            replaces.setdefault(entry.statute.replaced_by, []).append(entry)
    for entry in index:
        path = statute_path(entry.sfs)
        yield GeneratedPage(path=path, title=entry.name, content=_page(ctx, entry, path, known, replaces.get(entry.sfs, [])),
                            nav=(SECTION,), nav_order=(NAV_ORDER,), order=(_sort_name(entry.name), entry.sfs))
    yield GeneratedPage(path=INDEX, title=SECTION, content=_index_page(ctx, index, known), nav=(SECTION,), nav_order=(NAV_ORDER,))


# Swedish alphabetical order: å, ä, ö after z (code points put ä before å).
_SWEDISH = str.maketrans({"å": "z\u0001", "ä": "z\u0002", "ö": "z\u0003", "é": "e", "ü": "y"})


def _sort_name(name: str) -> str:
    return name.casefold().translate(_SWEDISH)


def _in_force(ctx: SiteContext, statute: Statute) -> bool:
    return not statute.repealed_on(ctx.as_of) and (statute.valid_from is None or statute.valid_from <= ctx.as_of)


def _statute_link(ctx: SiteContext, sfs: str, from_path: str, known: set[str], name: str) -> Safe:
    return ctx.page_link(from_path, statute_path(sfs) if sfs in known else None, name)


def _status(ctx: SiteContext, entry: StatuteCitations, from_path: str, known: set[str], names: dict[str, str]) -> Safe:
    """'Gäller', 'Upphävd: gällde till och med 30 juni 2025. Ersatt av …', 'Träder i kraft …'."""
    statute = entry.statute
    if statute is None:
        return text("Finns inte i författningslistan")
    if statute.valid_from is not None and statute.valid_from > ctx.as_of:
        return text(f"Träder i kraft {long_date(statute.valid_from)}")
    if not _in_force(ctx, statute):
        ended = f"Upphävd: gällde till och med {long_date(statute.valid_to)}." if statute.valid_to else "Upphävd."
        if statute.replaced_by:
            successor = _statute_link(ctx, statute.replaced_by, from_path, known, names.get(statute.replaced_by, f"SFS {statute.replaced_by}"))
            return Safe(f"{text(ended)} Ersatt av {successor}.")
        return text(ended)
    return text(f"Gäller sedan {long_date(statute.valid_from)}" if statute.valid_from else "Gäller")


def _index_page(ctx: SiteContext, index: list[StatuteCitations], known: set[str]) -> str:
    names = {entry.sfs: entry.name for entry in index}
    rows = []
    for entry in sorted(index, key=lambda e: (_sort_name(e.name), e.sfs)):
        rows.append(Row([
            ctx.page_link(INDEX, statute_path(entry.sfs), entry.name),
            entry.statute.short if entry.statute else "–",
            entry.sfs,
            _status(ctx, entry, INDEX, known, names),
            str(entry.count),
        ]))
    registered = [e for e in index if e.statute is not None]
    repealed = sum(1 for e in registered if e.statute is not None and e.statute.repealed_on(ctx.as_of))
    missing = len(index) - len(registered)
    return render(
        "statutes_index.md.j2",
        lead=("Här slår du upp en lag eller förordning och ser vilka ärenden i delegationsordningarna, vilka regler i "
              "styrdokumenten och vilka kontroller som bygger på den, per kapitel och paragraf."),
        summary=(f"Författningslistan har {count(len(registered), 'författning', 'författningar')}"
                 + (f", varav {count(repealed, 'är upphävd', 'är upphävda')}." if repealed else ".")
                 + " En upphävd författning står kvar med sin efterträdare, så att äldre hänvisningar går att följa."
                 + (f" Dessutom hänvisas det till {count(missing, 'författning', 'författningar')} som saknas i listan; "
                    f"{'den' if missing == 1 else 'de'} visas utan namn och länk." if missing else "")),
        table=table("Författningar", ["Författning", "Förkortning", "SFS-nummer", "Status", "Hänvisningar"], rows),
    )


def _document_row(ctx: SiteContext, citation: DocumentCitation, page: str) -> Row:
    target = ctx.file_pages[citation.file]
    anchor = ctx.entity_anchors.get((citation.file, citation.entity_path)) if citation.entity_path is not None else None
    what: Safe | str = "Dokumentets lagrum" if citation.entity_label is None else citation.entity_label
    if anchor is not None:
        what = ctx.page_link(page, target, what, anchor)
    if citation.transitional:
        what = Safe(f"{text(what)} (med stöd av {text(citation.transitional)})")
    title = citation.document_title
    if citation.valid_from is not None and citation.valid_from > ctx.as_of:
        title += f", från {long_date(citation.valid_from)}"
    return Row([what, ctx.page_link(page, target, title)])


def _check_row(ctx: SiteContext, citation: CheckCitation, page: str) -> Row:
    code = citation.code
    what = ctx.page_link(page, ctx.named_pages.get(f"kontroller/{code}"), f"{code} {citation.rule.rule.summary.rstrip('.')}")
    return Row([what, ctx.page_link(page, ctx.named_pages.get("kontroller"), "Kontroller")])


def _group(ctx: SiteContext, entry: StatuteCitations, group: Group, page: str) -> dict[str, Any]:
    heading = group.where or WHOLE
    rows = [_document_row(ctx, c, page) for c in group.documents] + [_check_row(ctx, c, page) for c in group.checks]
    short = entry.statute.short if entry.statute else entry.name
    caption = f"Hänvisningar till {short} {group.where}" if group.where else f"Hänvisningar till {entry.name} som helhet"
    return {"heading": heading, "table": table(caption, ["Vad", "Var"], rows)}


def _page(ctx: SiteContext, entry: StatuteCitations, page: str, known: set[str], predecessors: list[StatuteCitations]) -> str:
    statute = entry.statute
    facts: list[tuple[str, Safe]] = [("SFS-nummer", text(entry.sfs))]
    if statute is not None:
        facts.insert(0, ("Förkortning", text(statute.short)))
        facts.append(("Lagtexten", link(statute.url, statute.name, external=True, css_class="statute")))
    names = {p.sfs: p.name for p in predecessors}
    if statute is not None and statute.replaced_by:
        names[statute.replaced_by] = _successor_name(ctx, statute.replaced_by)
    facts.append(("Status", _status(ctx, entry, page, known, names)))
    if predecessors:
        facts.append(("Ersätter", Safe(", ".join(_statute_link(ctx, p.sfs, page, known, p.name) for p in predecessors))))
    items = "\n".join(f"<div><dt>{text(label)}</dt> <dd>{value}</dd></div>" for label, value in facts)
    repealed = statute is not None and statute.repealed_on(ctx.as_of)
    documents = sum(len(g.documents) for g in entry.groups)
    checks = len({c.code for g in entry.groups for c in g.checks})
    return render(
        "statute.md.j2",
        heading=entry.name,
        lead=(f"Här står varje ärende och regel i styrdokumenten och varje kontroll som hänvisar till {lower_first(entry.name)}, "
              "per kapitel och paragraf. Ett lagrum som omfattar flera paragrafer (till exempel 28–32 §§) står under sitt eget intervall."),
        facts=Safe(f'<dl class="rule-facts">{items}</dl>'),
        repealed=repealed,
        repealed_note=(
            "Den här författningen gäller inte längre. Ett styrdokument som gäller nu eller senare ska hänvisa till "
            "efterträdaren, om inte en övergångsbestämmelse gör att den gamla lagen fortfarande tillämpas (kontrollen X821)."
        ),
        summary=_summary(documents, checks),
        groups=[_group(ctx, entry, g, page) for g in entry.groups],
    )


def _summary(documents: int, checks: int) -> str:
    if not documents and not checks:
        return "Inga styrdokument på webbplatsen och inga kontroller hänvisar till den här författningen."
    parts = []
    if documents:
        parts.append(f"{count(documents, 'hänvisning', 'hänvisningar')} i styrdokumenten")
    if checks:
        parts.append(f"{count(checks, 'kontroll', 'kontroller')} som bygger på den")
    return upper_first(" och ".join(parts)) + "."


def _successor_name(ctx: SiteContext, sfs: str) -> str:
    successor = ctx.model.reference.statutes.get(sfs)
    return successor.name if successor is not None else f"SFS {sfs}"
