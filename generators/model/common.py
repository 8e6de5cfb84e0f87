"""Building blocks every document shares: source references, actors, amounts, metadata."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeVar

from generators.diagnostics import JsonPath, Location
from generators.model import sections

if TYPE_CHECKING:
    from generators.loading.documents import SourceDocument

ActorKind = Literal["position", "role_type", "body", "seat", "relative", "external"]


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where an entity was written: the document and the JSON path inside it."""

    document: SourceDocument
    path: JsonPath

    def at(self, *steps: str | int) -> SourceRef:
        return SourceRef(self.document, (*self.path, *steps))

    def location(self, at_key: bool = False) -> Location:
        return self.document.location(self.path, at_key)

    @property
    def file(self) -> str:
        return self.document.file


@dataclass(frozen=True, slots=True)
class Actor:
    """Who a rule names; the kind is explicit in the data, never guessed from the id."""

    kind: ActorKind
    id: str
    body: str | None = None  # the body of a seat (ordförande i styrelsen)
    source: SourceRef | None = None

    @classmethod
    def parse(cls, data: dict[str, str], source: SourceRef) -> Actor:
        if "seat" in data:
            return cls("seat", data["seat"], data["body"], source)
        for kind in ("position", "role_type", "body", "relative", "external"):
            if kind in data:
                return cls(kind, data[kind], None, source)
        raise ValueError(f"not an actor: {data!r}")

    @property
    def key(self) -> str:
        """A stable string for the actor: `position:direktor`, `seat:ordforande@styrelsen`."""
        return f"seat:{self.id}@{self.body}" if self.kind == "seat" else f"{self.kind}:{self.id}"

    def same_as(self, other: Actor) -> bool:
        return self.key == other.key

    def to_json(self) -> dict[str, str]:
        return {"kind": self.kind, "id": self.id, **({"body": self.body} if self.body else {})}


def parse_date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


@dataclass(frozen=True, slots=True)
class Amount:
    amount: float | int
    unit: str
    per: str | None
    excluding_vat: bool | None
    source: SourceRef
    # How a limit holds (schemas' upper_limit / lower_limit): None for the default, which is
    # "upp till och med" for an upper limit and "över" for a lower one; "below" ("under 580 000 kr")
    # leaves the amount itself out of an upper limit, "at_least" ("från och med") puts it into a lower one.
    comparison: str | None = None

    @classmethod
    def parse(cls, data: dict[str, Any], source: SourceRef) -> Amount:
        return cls(data["amount"], data["unit"], data.get("per"), data.get("excluding_vat"), source, data.get("comparison"))

    @property
    def upper_inclusive(self) -> bool:
        """As an upper limit: is the amount itself within it? Not for "under" (`comparison: below`)."""
        return self.comparison != "below"

    @property
    def lower_inclusive(self) -> bool:
        """As a lower limit: is the amount itself within it? Only for "från och med" (`comparison: at_least`)."""
        return self.comparison == "at_least"


def within_upper(value: Any, limit: Any, inclusive: bool) -> bool:
    """Is `value` within an upper limit: at most `limit`, or below it when the limit is strict."""
    return bool(value <= limit if inclusive else value < limit)


def beyond_lower(value: Any, limit: Any, inclusive: bool) -> bool:
    """Is `value` beyond a lower limit: above `limit`, or at least `limit` when the limit includes it."""
    return bool(value >= limit if inclusive else value > limit)


# EU acts cited in delegation rows, by number: their short Swedish name.
EU_ACTS = {"2016/679": "Dataskyddsförordningen (EU) 2016/679"}


@dataclass(frozen=True, slots=True)
class LegalRef:
    sfs: str | None
    chapter: str | None
    section: str | None
    local: str | None
    source: SourceRef
    eu: str | None = None  # an EU regulation, e.g. 2016/679
    article: str | None = None
    transitional: str | None = None  # the övergångsbestämmelse that keeps a repealed statute applicable

    @classmethod
    def parse(cls, data: dict[str, str], source: SourceRef) -> LegalRef:
        return cls(data.get("sfs"), data.get("chapter"), data.get("section"), data.get("local"), source,
                   data.get("eu"), data.get("article"), data.get("transitional"))

    def label(self, short_names: dict[str, str] | None = None) -> str:
        if self.local:
            return f"Lokal regel: {self.local}"
        if self.eu:
            name = EU_ACTS.get(self.eu, f"Förordning (EU) {self.eu}")
            return f"{name} art. {self.article}" if self.article else name
        name = (short_names or {}).get(self.sfs or "", f"SFS {self.sfs}")
        where = self.where()
        return f"{name} {where}" if where else name

    def where(self) -> str:
        """The chapter and paragraphs as Swedish statutes write them: "6 kap. 38 §", "6 kap. 1–3 §§",
        "13 kap. 1 och 5 §§", "6 kap.", "41 §"; empty for the whole statute."""
        return where(self.chapter, self.section)

    def cites(self, sfs: str, chapter: str | None = None, section: str | None = None) -> bool:
        """Does the reference cite this statute (and chapter, and paragraph)? A range cites every
        paragraph inside it: 6 kap. 28–32 §§ cites 6 kap. 30 §. Without `section`, any paragraph of
        the chapter (or the chapter itself) counts."""
        if self.sfs != sfs or (chapter is not None and self.chapter != chapter):
            return False
        return section is None or sections.covers(self.section, section)


def where(chapter: str | None, section: str | None) -> str:
    """The chapter and paragraphs of a citation in Swedish ("6 kap. 1–3 §§"); empty when neither."""
    parts = []
    if chapter:
        parts.append(f"{chapter} kap.")
    if section:
        parts.append(sections.label(section))
    return " ".join(parts)


@dataclass(frozen=True, slots=True)
class Adoption:
    body: str
    date: date
    paragraph: str
    diarienummer: str
    protocol_url: str | None
    source: SourceRef


def paragraph_key(text: str) -> str:
    """A protokoll paragraph compared as written either way: `§ 214` is `§214`."""
    return text.replace(" ", "")


@dataclass(frozen=True, slots=True)
class Correction:
    """A rättelse: the text of a version was corrected to match its signed protokoll, without a new
    decision (`document.corrections`). The one lawful way to edit a version already in force."""

    date: date
    reason: str
    paragraph: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    id: str
    kind: str
    title: str
    status: str
    version: str
    adopted_by: Adoption | None
    valid_from: date
    valid_to: date | None
    supersedes: str | None
    owner: Actor
    review_by: date
    summary: str | None
    source: SourceRef
    corrections: tuple[Correction, ...] = ()

    @classmethod
    def parse(cls, data: dict[str, Any], source: SourceRef) -> DocumentMeta:
        adopted = data.get("adopted_by")
        adoption = (
            Adoption(
                adopted["body"],
                date.fromisoformat(adopted["date"]),
                adopted["paragraph"],
                adopted["diarienummer"],
                adopted.get("protocol_url"),
                source.at("adopted_by"),
            )
            if adopted
            else None
        )
        return cls(
            id=data["id"],
            kind=data["kind"],
            title=data["title"],
            status=data["status"],
            version=data["version"],
            adopted_by=adoption,
            valid_from=date.fromisoformat(data["valid_from"]),
            valid_to=parse_date(data.get("valid_to")),
            supersedes=data.get("supersedes"),
            owner=Actor.parse(data["owner"], source.at("owner")),
            review_by=date.fromisoformat(data["review_by"]),
            summary=data.get("summary"),
            source=source,
            corrections=tuple(
                Correction(date.fromisoformat(c["date"]), c["reason"], c["paragraph"], source.at("corrections", i))
                for i, c in enumerate(data.get("corrections", ()))
            ),
        )

    def correction_faults(self, correction: Correction, today: date) -> list[str]:
        """Why a rättelse cannot be one of this version's: `proposal` (nothing decided to correct),
        `before_decision`, `after_today`, `other_paragraph` (another decision's). Empty: it can.
        The one place this is decided (check X815, the history review of `diff`)."""
        adoption = self.adopted_by
        if adoption is None or self.status == "forslag":
            return ["proposal"]
        faults = []
        if correction.date < adoption.date:
            faults.append("before_decision")
        if correction.date > today:
            faults.append("after_today")
        if paragraph_key(correction.paragraph) != paragraph_key(adoption.paragraph):
            faults.append("other_paragraph")
        return faults

    def in_force_on(self, day: date) -> bool:
        return self.status == "antagen" and self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


class Versioned(Protocol):
    @property
    def meta(self) -> DocumentMeta: ...


V = TypeVar("V", bound=Versioned)


def versions_in_force(documents: Iterable[V], day: date) -> list[V]:
    """The documents (of any kind, any id) adopted and in force on `day`, in their given order."""
    return [d for d in documents if d.meta.in_force_on(day)]


def version_in_force(documents: Iterable[V], day: date) -> V | None:
    """The one version in force on `day` among versions of one document: the latest start wins
    (an adopted later version takes over on its `valid_from`). The one place this is decided."""
    found: V | None = None
    for document in versions_in_force(documents, day):
        if found is None or document.meta.valid_from >= found.meta.valid_from:
            found = document
    return found


# -- Swedish organisation numbers (ten digits, NNNNNN-NNNN, Luhn check digit) ----------------------
_ORGNR = re.compile(r"^(\d{6})-?(\d{4})$")


def luhn_ok(digits: str) -> bool:
    """The Luhn check over all digits (the last one is the check digit)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def check_orgnr(text: str) -> str | None:
    """Why `text` is not a valid Swedish organisation number (Swedish), or None when it is."""
    match = _ORGNR.match(text)
    if match is None:
        if re.sub(r"[\s-]", "", text).isdigit() and len(re.sub(r"[\s-]", "", text)) == 10:
            return "ska skrivas med tio siffror som NNNNNN-NNNN, utan mellanslag"
        return "ska vara tio siffror, NNNNNN-NNNN"
    digits = match.group(1) + match.group(2)
    if not luhn_ok(digits):
        return "kontrollsiffran (den sista siffran) stämmer inte"
    return None


def is_personnummer(text: str) -> bool:
    """An organisation number whose "month" digits are 01–12 is a sole trader's personnummer."""
    match = _ORGNR.match(text)
    return match is not None and 1 <= int(match.group(1)[2:4]) <= 12
