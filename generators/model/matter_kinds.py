"""The controlled list of matter kinds: Swedish labels and what KL says about delegating them.

This is the law's structure (which kinds of matter KL 6 kap. 38 § keeps with the nämnd), not an
amount or a date, so it lives with the model rather than in dated reference data.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MatterKind:
    id: str
    label: str
    delegable: bool
    basis: str  # why not delegable (empty when delegable)


MATTER_KINDS: dict[str, MatterKind] = {
    k.id: k
    for k in (
        MatterKind("personal", "Personal", True, ""),
        MatterKind("ekonomi", "Ekonomi", True, ""),
        MatterKind("upphandling", "Upphandling", True, ""),
        MatterKind("avtal", "Avtal", True, ""),
        MatterKind("tjansteresa", "Tjänsteresor", True, ""),
        MatterKind("myndighetsutovning", "Myndighetsutövning", True, ""),
        MatterKind("myndighetsutovning_principiell", "Myndighetsutövning av principiell beskaffenhet eller annars av större vikt", False,
                   "KL 6 kap. 38 § 3: ärenden som rör myndighetsutövning mot enskilda, om de är av principiell beskaffenhet eller annars av större vikt"),
        MatterKind("yttrande", "Yttranden och remissvar", True, ""),
        MatterKind("yttrande_till_fullmaktige", "Framställningar och yttranden till fullmäktige", False,
                   "KL 6 kap. 38 § 2: framställningar eller yttranden till fullmäktige"),
        MatterKind("yttrande_overklagat_beslut", "Yttranden när nämndens eller fullmäktiges beslut har överklagats", False,
                   "KL 6 kap. 38 § 2: yttranden med anledning av att beslut av nämnden i dess helhet eller av fullmäktige har överklagats"),
        MatterKind("mal_och_inriktning", "Verksamhetens mål, inriktning, omfattning eller kvalitet", False,
                   "KL 6 kap. 38 § 1: ärenden som avser verksamhetens mål, inriktning, omfattning eller kvalitet"),
        MatterKind("medborgarforslag", "Ärenden som väckts genom medborgarförslag", False,
                   "KL 6 kap. 38 § 4: ärenden som väckts genom medborgarförslag och som överlåtits till nämnden"),
        MatterKind("ej_delegerbart_enligt_lag", "Ärenden som enligt annan lag inte får delegeras", False,
                   "KL 6 kap. 38 § 5: vissa ärenden som anges i särskilda föreskrifter (t.ex. delar av SoL, LVU, FB)"),
        MatterKind("bradskande", "Brådskande ärenden", True, ""),
        MatterKind("processforing", "Processföring och ombud", True, ""),
        MatterKind("informationshantering", "Information, allmänna handlingar och arkiv", True, ""),
        MatterKind("ovrigt", "Övrigt", True, ""),
    )
}

# Wording that suggests a non-delegable matter filed under another kind (checked case-insensitively)
# but that is a judgement the law itself leaves open ("principiell beskaffenhet"): a warning (D406).
NON_DELEGABLE_WORDING: tuple[tuple[str, str], ...] = (
    ("principiell beskaffenhet", "myndighetsutovning_principiell"),
    ("större vikt", "myndighetsutovning_principiell"),
    ("medborgarförslag", "medborgarforslag"),
)

# Wording that names what KL 6 kap. 38 § 1–2 itself reserves to the nämnd (regular expressions on the
# lower-cased title): an error under a delegable kind until the row says why it is not such a matter
# (D420). Only what the paragraph covers: a framställning or yttrande *to fullmäktige* (a motion is
# fullmäktige's, so a yttrande over one goes to fullmäktige), a yttrande because a decision of the
# nämnd itself or of fullmäktige has been appealed (not a delegate's decision), and the
# verksamhetens mål, inriktning, omfattning eller kvalitet.
_STATEMENT = r"(?:yttrande|yttranden|framställning|framställningar|remissvar|svar)"
_FULLMAKTIGE = r"(?:kommun|region|förbunds)?fullmäktige"
_WHOLE_BODY = r"(?:nämndens|styrelsens|kommunstyrelsens|regionstyrelsens|\w*nämndens|fullmäktiges)"
RESERVED_WORDING: tuple[tuple[str, str], ...] = (
    (rf"\b{_STATEMENT}\b[^.;:]*\btill {_FULLMAKTIGE}\b", "yttrande_till_fullmaktige"),
    (rf"\b{_STATEMENT}\b[^.;:]*\b(?:över|på|om) (?:en |inkomna )?motion", "yttrande_till_fullmaktige"),
    (r"\bbesvara(?:nde)? (?:av )?(?:en )?motion", "yttrande_till_fullmaktige"),
    (rf"\b{_STATEMENT}\b[^.;:]*\b{_WHOLE_BODY} beslut[^.;:]*\böverklaga\w*", "yttrande_overklagat_beslut"),
    (rf"\b{_STATEMENT}\b[^.;:]*\böverklagande av {_WHOLE_BODY} beslut", "yttrande_overklagat_beslut"),
    (r"\bverksamhetens (?:mål|inriktning|omfattning|kvalitet)\b", "mal_och_inriktning"),
    (r"\bmål och inriktning\b", "mal_och_inriktning"),
    (r"\b(?:mål|inriktning) för (?:verksamheten|nämndens verksamhet)\b", "mal_och_inriktning"),
    (r"\binriktning, omfattning\b", "mal_och_inriktning"),
)

# A negation that governs the clause: "som inte är av principiell beskaffenhet" is the delegable part.
_NEGATIONS = ("inte är av", "inte av", "ej av", "som inte", "utom", "inte till", "ej till")


_CLAUSE_END = re.compile(r"[.;:]")
# Compiled once: every check and page asks for every row's title.
_RESERVED_PATTERNS = tuple((re.compile(pattern), kind_id) for pattern, kind_id in RESERVED_WORDING)


def negated(title: str, start: int) -> bool:
    """Whether the wording starting at `start` of the lower-cased title is negated within its clause."""
    before = _CLAUSE_END.split(title[:start])[-1]
    return any(neg in before for neg in _NEGATIONS)


# Pure in the title; every check and page asks it for every row. Room for a region's 50 000 titles:
# with fewer than the rows, D406 and D420 asking in turn found none of theirs left.
@functools.lru_cache(maxsize=65536)
def reserved_wording(title: str) -> tuple[str, str] | None:
    """The words in a title that name a matter KL 6 kap. 38 § 1–2 reserves, and that kind; None if none."""
    lowered = title.lower()
    for pattern, kind_id in _RESERVED_PATTERNS:
        found = pattern.search(lowered)
        if found is not None and not negated(lowered, found.end()):
            return title[found.start() : found.end()], kind_id
    return None
