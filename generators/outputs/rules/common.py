"""What every rules file shares: the render context and the resolved shapes of actors, documents,
amounts and legal references.

Each function here is a pure view of the model. Where the model does not carry a field the
published shape needs (a section's description, an external's contact, a dated value's comparison
and note), it is read from the already loaded and schema-checked document data the model keeps a
`SourceRef` to (`raw_at`); no YAML is read again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from generators.model import Model, sections
from generators.model.common import Actor, Amount, DocumentMeta, LegalRef, SourceRef
from generators.model.organisation import Organisation
from generators.model.reference import ReferenceData
from generators.wording.labels import label

# The rules format's own version (semver). Major: a breaking change for consumers (a key removed
# or renamed, a meaning changed); minor: something added; patch: a fix that keeps the shape.
# 1.1.0: strict limits, countersigning, durations, reporting via, procurement candidates, statutes.json, the OPA bundle;
# 1.2.0: decisions.json's `wording` (the answers' sentence templates) and its part decisions/wording.json
RULES_FORMAT_VERSION = "1.2.0"



@dataclass(frozen=True)
class RulesContext:
    """Everything a renderer may use: the model and the build's inputs (never the clock)."""

    model: Model
    as_of: date
    commit: str | None

    @property
    def organisation(self) -> Organisation | None:
        return self.model.organisation

    @property
    def reference(self) -> ReferenceData:
        return self.model.reference

    def header(self) -> dict[str, Any]:
        """The keys every rules file starts with, so one file fetched alone still says what it is."""
        return {"format_version": RULES_FORMAT_VERSION, "as_of": self.as_of, "source_commit": self.commit}


# -- raw data behind a SourceRef ----------------------------------------------------------------
def raw_at(ref: SourceRef, *steps: str | int) -> Any:
    """The loaded (schema-typed) value at `ref` + `steps`, or None where the data has nothing."""
    node: Any = ref.document.data
    for step in (*ref.path, *steps):
        if isinstance(step, int):
            if not isinstance(node, list) or not 0 <= step < len(node):
                return None
        elif not isinstance(node, dict) or step not in node:
            return None
        node = node[step]
    return node


# -- actors -------------------------------------------------------------------------------------
def actor_label(ctx: RulesContext, actor: Actor) -> str:
    return ctx.organisation.label(actor) if ctx.organisation is not None else actor.id


def actor_json(ctx: RulesContext, actor: Actor | None) -> dict[str, Any] | None:
    """{kind, id, key, label, body} with the Swedish label a staff member would use."""
    if actor is None:
        return None
    return {"kind": actor.kind, "id": actor.id, "key": actor.key, "label": actor_label(ctx, actor), "body": actor.body}


def actor_positions(ctx: RulesContext, actor: Actor) -> list[str]:
    """The positions an actor stands for: one for a position, every member for a role type."""
    return ctx.organisation.positions_of(actor) if ctx.organisation is not None else []


def body_json(ctx: RulesContext, body_id: str) -> dict[str, str]:
    org = ctx.organisation
    body = org.bodies.get(body_id) if org is not None else None
    return {"id": body_id, "name": body.name if body is not None else body_id}


# -- document metadata --------------------------------------------------------------------------
def document_json(ctx: RulesContext, meta: DocumentMeta) -> dict[str, Any]:
    adopted = meta.adopted_by
    return {
        "id": meta.id,
        "kind": meta.kind,
        "title": meta.title,
        "version": meta.version,
        "status": meta.status,
        "status_label": label("document_status", meta.status),
        "summary": meta.summary,
        "adopted_by": None
        if adopted is None
        else {
            "body": adopted.body,
            "body_name": body_json(ctx, adopted.body)["name"],
            "date": adopted.date,
            "paragraph": adopted.paragraph,
            "diarienummer": adopted.diarienummer,
            "protocol_url": adopted.protocol_url,
        },
        "valid_from": meta.valid_from,
        "valid_to": meta.valid_to,
        "supersedes": meta.supersedes,
        "owner": actor_json(ctx, meta.owner),
        "review_by": meta.review_by,
        "review_overdue": meta.review_by < ctx.as_of,
        "in_force_on_as_of": meta.in_force_on(ctx.as_of),
        "source_file": meta.source.file,
    }


def is_published(meta: DocumentMeta, as_of: date) -> bool:
    """Published versions: every adopted one, the point-in-time history of the rules API v1 — the
    versions that have ended (valid_to before `as_of`), the one in force, and those still to come,
    each with its validity, so a consumer can answer for any date a version covered."""
    del as_of  # every adopted version, whatever the build date
    return meta.status == "antagen"


def index_entry(meta: DocumentMeta, as_of: date) -> dict[str, Any]:
    """How the manifest names a published document version."""
    return {
        "id": meta.id,
        "kind": meta.kind,
        "version": meta.version,
        "status": meta.status,
        "valid_from": meta.valid_from,
        "valid_to": meta.valid_to,
        "in_force_on_as_of": meta.in_force_on(as_of),
    }


# -- amounts in kronor, per calendar year -------------------------------------------------------
def validity_years(ctx: RulesContext, meta: DocumentMeta, units: set[str]) -> list[int]:
    """The calendar years a document's amounts are converted for.

    From the year of `valid_from` to the year of `valid_to`; for an open-ended document to the
    latest of: its first year, the as-of year, and the latest year any series it uses has a value for.
    """
    first = meta.valid_from.year
    if meta.valid_to is not None:
        last = meta.valid_to.year
    else:
        last = max(first, ctx.as_of.year)
        for unit in units:
            series = ctx.reference.get(unit)
            if series is not None and series.values:
                last = max(last, series.values[-1].valid_from.year)
    return list(range(first, last + 1))


def unit_value_by_year(ctx: RulesContext, unit: str, meta: DocumentMeta, years: list[int]) -> dict[int, Decimal]:
    """Kronor per unit for each year the reference series truly covers; never an invented value.

    A year counts only when (1) the series says something about it — an annual series (the
    prisbasbelopp) never carries a value into a year nobody has entered, see `Series.value_on` —,
    (2) the value in force on the first day of the year inside the document's validity is known
    (not `unknown: true`), and (3) that value holds for the rest of the year inside the validity
    (a change mid-year would give two amounts).
    """
    if unit == "sek":
        return {year: Decimal(1) for year in years}
    series = ctx.reference.get(unit)
    if series is None or series.kind != "amount" or not series.values:
        return {}
    out: dict[int, Decimal] = {}
    for year in years:
        start = max(date(year, 1, 1), meta.valid_from)
        end = min(date(year, 12, 31), meta.valid_to or date(year, 12, 31))
        if start > end:
            continue
        first = series.value_on(start)
        if first is None or first.unknown or first.value is None:
            continue
        later = [v for v in series.values if start < v.valid_from <= end]
        if any(v.unknown or v.value is None or v.value != first.value for v in later):
            continue
        out[year] = Decimal(str(first.value))
    return out


def sek(amount: float, per_unit: Decimal) -> Decimal:
    """Exact decimal product (3 × 59 200 = 177 600, 0.3 × 57 300 = 17 190; no binary-float noise)."""
    return Decimal(str(amount)) * per_unit


def amount_json(ctx: RulesContext, amount: Amount | None, meta: DocumentMeta) -> dict[str, Any] | None:
    if amount is None:
        return None
    years = validity_years(ctx, meta, {amount.unit})
    values = unit_value_by_year(ctx, amount.unit, meta, years)
    return {
        "amount": amount.amount,
        "unit": amount.unit,
        "per": amount.per,
        "per_label": label("per", amount.per) if amount.per else None,
        "excluding_vat": amount.excluding_vat,
        "sek_by_year": {str(year): sek(amount.amount, value) for year, value in sorted(values.items())},
    }


# -- legal references ---------------------------------------------------------------------------
def statute_anchor(url: str, ref: LegalRef) -> str:
    """lagen.nu addresses a chapter and section as #K6P38 (#P45 without chapters); other sites get
    the statute's own address, since their anchors are not a stable format."""
    start = sections.first(ref.section)  # a range or list lands on its first paragraph
    if not url.startswith("https://lagen.nu/") or "#" in url or start is None:
        return url
    section = f"{start.number}{start.letter}"
    chapter = f"K{ref.chapter.replace(' ', '')}" if ref.chapter else ""
    return f"{url}#{chapter}P{section}"


def legal_ref_json(ctx: RulesContext, ref: LegalRef) -> dict[str, Any]:
    statutes = ctx.reference.statutes
    statute = statutes.get(ref.sfs) if ref.sfs else None
    short_names = {sfs: s.short for sfs, s in statutes.items()}
    return {
        "sfs": ref.sfs,
        "chapter": ref.chapter,
        "section": ref.section,
        "local": ref.local,
        # An EU regulation (e.g. 2016/679, the GDPR) and its article; no link, since the reference
        # data lists Swedish statutes only and links come from data, never built in code.
        "eu": ref.eu,
        "article": ref.article,
        "label": ref.label(short_names),
        "statute_name": statute.name if statute is not None else None,
        "url": statute_anchor(statute.url, ref) if statute is not None else None,
    }
