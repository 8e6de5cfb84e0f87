"""History that must not be rewritten: versions already in force, changed without a new decision.

A version of a document that is in force or has ended on the diff's day (adopted, `valid_from` on or
before the day) is what the organisation decided; `decide --date` and the published API answer from
it for every past day. Changing its rules afterwards, with the same adoption (date, § and
diarienummer), rewrites what was true, so the diff reports it at the top and exits 1 (the
pull-request gate fails). Two lawful ways remain:

- a new decision: a new version with its own adoption (`python -m generators new-version`), or the
  version's adoption facts changed to the new decision's;
- a rättelse (`document.corrections`): the text is corrected to match the signed protokoll. The
  head must add an entry (not present at the base), dated between the version's adoption and the
  diff's day, naming the version's own protokoll paragraph.

Versions still to come (`valid_from` after the day) and proposals may be edited freely. A removed
version is reported by the comparison itself ("Versionen har tagits bort").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from generators.diff.compare import Doc, Part, compare_entities, documents
from generators.diff.entities import Entity, Side
from generators.model import Model
from generators.model.common import Actor, Adoption, Correction, DocumentMeta, paragraph_key


@dataclass(frozen=True)
class Rewrite:
    """A version in force or ended whose rules changed without a new decision or an accepted rättelse."""

    title: str
    document_id: str
    version: str
    file: str
    valid_from: date
    changes: int
    decision: str
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class CorrectionShown:
    """A rättelse the head adds to a version in force or ended."""

    title: str
    document_id: str
    version: str
    file: str
    correction: Correction
    changes: int


@dataclass
class History:
    rewrites: list[Rewrite] = field(default_factory=list)
    corrections: list[CorrectionShown] = field(default_factory=list)


def _historic(meta: DocumentMeta, day: date) -> bool:
    """In force or ended on `day`: adopted (or since repealed) and already taking effect."""
    return meta.status in ("antagen", "upphavd") and meta.adopted_by is not None and meta.valid_from <= day


def _decision(adoption: Adoption | None) -> tuple[date, str, str] | None:
    if adoption is None:
        return None
    return adoption.date, paragraph_key(adoption.paragraph), adoption.diarienummer.strip()


def _decision_text(side: Side, adoption: Adoption) -> str:
    body = side.actor(Actor("body", adoption.body))
    return f"{body} {adoption.date.isoformat()} {adoption.paragraph}, dnr {adoption.diarienummer}"


def _key(correction: Correction) -> tuple[date, str, str]:
    return correction.date, " ".join(correction.reason.split()), paragraph_key(correction.paragraph)


def _changes(old_side: Side, new_side: Side, before: Doc, after: Doc) -> int:
    """How many changes in substance: the document's rules (not its administrative metadata such as
    owner, review date or an end date set when a later version is adopted, nor the entities the
    administration keeps up itself, `Entity.decided`), plus a moved start or a
    renamed version, plus any rättelse taken away."""
    def decided(side: Side, doc: Doc) -> dict[str, Entity]:
        return {key: entity for key, entity in doc.entities(side).items() if entity.decided}

    scratch = Part("", None)
    compare_entities(scratch, decided(old_side, before), decided(new_side, after), lambda *_: None)
    count = scratch.count
    count += before.meta.valid_from != after.meta.valid_from
    count += before.meta.version != after.meta.version
    kept = {_key(c) for c in after.meta.corrections}
    count += sum(1 for c in before.meta.corrections if _key(c) not in kept)
    return count


def _same_version(before: DocumentMeta, candidates: list[Doc]) -> Doc | None:
    """The head's version of `before`: the same version id, else (a renamed version) the same start."""
    same = next((d for d in candidates if d.meta.version == before.version), None)
    if same is None:
        same = next((d for d in candidates if d.meta.valid_from == before.valid_from and d.meta.supersedes != before.version), None)
    return same


def _correction_problems(correction: Correction, base: DocumentMeta, head: DocumentMeta, day: date) -> list[str]:
    """Why a new rättelse does not cover the change (the same faults as check X815)."""
    when = correction.date.isoformat()
    adoption = head.adopted_by or base.adopted_by
    texts = {
        "proposal": f"Rättelsen {when} står i en version utan beslut.",
        "before_decision": f"Rättelsen {when} är daterad före beslutet {adoption.date.isoformat() if adoption else ''}.",
        "after_today": f"Rättelsen {when} är daterad efter i dag ({day.isoformat()}).",
        "other_paragraph": f"Rättelsen {when} rättar efter {correction.paragraph}, men versionen antogs i {adoption.paragraph if adoption else ''}.",
    }
    return [texts[fault] for fault in head.correction_faults(correction, day)]


def review_history(old_model: Model, new_model: Model, day: date) -> History:
    """Every version in force or ended on `day` whose rules differ between the two models."""
    old_side, new_side = Side(old_model, day), Side(new_model, day)
    old_docs, new_docs = documents(old_model), documents(new_model)
    history = History()
    for doc_id in sorted(set(old_docs) & set(new_docs)):
        for before in old_docs[doc_id]:
            if not _historic(before.meta, day):
                continue
            after = _same_version(before.meta, new_docs[doc_id])
            if after is None:
                continue
            base_decision, head_decision = _decision(before.meta.adopted_by), _decision(after.meta.adopted_by)
            if head_decision is not None and head_decision != base_decision:
                continue  # a new decision: the adoption facts name it (the metadata diff shows them)
            changes = _changes(old_side, new_side, before, after)
            known = {_key(c) for c in before.meta.corrections}
            added = [(c, _correction_problems(c, before.meta, after.meta, day)) for c in after.meta.corrections if _key(c) not in known]
            accepted = [c for c, problems in added if not problems]
            meta = after.meta
            for correction in accepted:
                history.corrections.append(CorrectionShown(meta.title, doc_id, meta.version, meta.source.file, correction, changes))
            if changes and not accepted:
                assert before.meta.adopted_by is not None
                reasons = tuple(problem for _, problems in added for problem in problems)
                history.rewrites.append(Rewrite(meta.title, doc_id, before.meta.version, meta.source.file, before.meta.valid_from,
                                                changes, _decision_text(old_side, before.meta.adopted_by), reasons))
    return history
