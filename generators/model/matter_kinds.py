"""The controlled list of matter kinds: Swedish labels and what KL says about delegating them.

This is the law's structure (which kinds of matter KL 6 kap. 38 § keeps with the nämnd), not an
amount or a date, so it lives with the model rather than in dated reference data.
"""

from __future__ import annotations

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

# Wording that suggests a non-delegable matter filed under another kind (checked case-insensitively).
NON_DELEGABLE_WORDING: tuple[tuple[str, str], ...] = (
    ("principiell beskaffenhet", "myndighetsutovning_principiell"),
    ("större vikt", "myndighetsutovning_principiell"),
    ("mål och inriktning", "mal_och_inriktning"),
    ("verksamhetens mål", "mal_och_inriktning"),
    # Fullmäktige under each kind's name (KL 5 kap. 1 §; 9 kap. 4 § for förbundsfullmäktige).
    *(
        (f"{what} till {prefix}fullmäktige", "yttrande_till_fullmaktige")
        for what in ("yttrande", "framställning")
        for prefix in ("", "kommun", "region", "förbunds")
    ),
    ("medborgarförslag", "medborgarforslag"),
)
