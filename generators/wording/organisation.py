"""The words every generated text uses for the organisation, decided by its kind and its own names.

A kommun's texts say "kommunen", "kommunstyrelsen", "kommundirektören" and "kommunfullmäktige"; a
region's "regionen", "regionstyrelsen", "regiondirektören" and "regionfullmäktige"; a
kommunalförbund's "förbundet", "förbundsstyrelsen" (or "direktionen"), "förbundsdirektören" and
"förbundsfullmäktige" (or "direktionen"). Where the organisation names its own bodies and its
direktör (`policies/organisation.yaml`), those names win: the styrelse is whatever the body of kind
`styrelse` (or `direktion`) is called, the direktör whatever the head of the styrelse's förvaltning
is called (`Organisation.words` in the model applies them). Nothing here names an organisation; the words follow from the data.
"""

from __future__ import annotations

from dataclasses import dataclass

# Per kind: the organisation in definite form, its genitive, and the prefix of its bodies' and
# direktör's titles (KL 1 kap. 2 §, 5 kap. 1 §, 6 kap. 1 §, 7 kap. 1 §; 9 kap. for kommunalförbund).
_KINDS: dict[str, tuple[str, str, str, str]] = {
    # kind: (indefinite noun, definite, genitive definite, title prefix)
    "kommun": ("kommun", "kommunen", "kommunens", "kommun"),
    "region": ("region", "regionen", "regionens", "region"),
    "kommunalforbund": ("kommunalförbund", "förbundet", "förbundets", "förbunds"),
}


@dataclass(frozen=True, slots=True)
class OrganisationWords:
    """What generated text calls the organisation and its central bodies and officer."""

    kind: str  # kommun | region | kommunalforbund
    name: str  # the organisation's own name, e.g. the value of municipality.name
    noun: str  # "kommun", "region", "kommunalförbund"
    definite: str  # "kommunen", "regionen", "förbundet"
    genitive: str  # "kommunens", "regionens", "förbundets"
    fullmaktige: str  # "kommunfullmäktige", "regionfullmäktige", "förbundsfullmäktige", "direktionen"
    styrelse: str  # "kommunstyrelsen", "regionstyrelsen", "förbundsstyrelsen", "direktionen"
    direktor: str  # "kommundirektören", "regiondirektören", "förbundsdirektören" (or the position's own title)

    @property
    def definite_capitalised(self) -> str:
        return self.definite[:1].upper() + self.definite[1:]

    @property
    def styrelse_genitive(self) -> str:
        """The styrelse in genitive: "regionstyrelsens", "direktionens"."""
        return self.styrelse if self.styrelse.endswith(("s", "x", "z")) else self.styrelse + "s"

    @property
    def of_name(self) -> str:
        """The organisation's name in genitive: "Region Norrbys", "Ekåns räddningstjänstförbunds"."""
        return self.name if self.name.endswith(("s", "x", "z")) else self.name + "s"


def words_for_kind(kind: str, name: str = "") -> OrganisationWords:
    """The words for an organisation of `kind` when nothing more is known about its bodies."""
    noun, definite, genitive, prefix = _KINDS.get(kind, _KINDS["kommun"])
    return OrganisationWords(kind, name or noun, noun, definite, genitive, f"{prefix}fullmäktige", f"{prefix}styrelsen", f"{prefix}direktören")
