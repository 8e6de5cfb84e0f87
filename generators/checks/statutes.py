"""Which statutes each rule names: read from the `## Lagrum` section of its documentation.

A rule's documentation is its catalogue page, and its `## Lagrum` section names the law it enforces
in the statute book's own style: "KL 6 kap. 37 § och 7 kap. 5 §", "LOU (2016:1145) 19 a kap.
1–2 §§", "förvaltningslagen (2017:900) 41 §", "LOA 7 c §". The browse-by-law pages and the statute
index publish those citations, so they are read here, once, against the statute register:

- a statute is named by its SFS number in parentheses, by its short name in the register (KL, LOU,
  SoL), or by its name in running text (kommunallagen, socialförsäkringsbalken);
- chapters ("6 kap.", "19 a kap.") and paragraphs ("38 §", "1 och 5 §§", "28–32 §§") that follow
  belong to the statute named last; a paragraph directly after a chapter belongs to that chapter;
- statutes named together ("LOU (2016:1145) och LUF (2016:1146): 5 kap.", "LOU, LUF och LUK
  19 a kap.": nothing but "och" or a comma between them) share what follows: each is credited
  with every chapter and paragraph, not only the one named last;
- "lokal regel" and "i exemplet" start the organisation's own rules, whose paragraphs ("attestreglementet
  9 §") are no law; an EU act ("(EU) 2016/679 art. 5") is not in the register of Swedish statutes.

A chapter or paragraph that belongs to no statute is kept as `unattributed`, never dropped:
`tests/test_rule_statutes.py` requires every rule's section to have none, so a rule
documented in a form this reader does not know fails the tests instead of vanishing from the index.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from generators.checks.registry import all_rules
from generators.checks.rule import RegisteredRule
from generators.model.reference import Statute

_LAW_HEADING = "## Lagrum"
_SFS = r"[12][0-9]{3}:[1-9][0-9]*"
_NUMBER = r"[1-9][0-9]*(?: [a-z](?![a-zåäö]))?"
# Paragraphs: "38 §", "7 c §", "1 och 5 §§", "28–32 §§", "1, 3 och 5 §§".
_PARAGRAPHS = rf"{_NUMBER}(?:\s*(?:–|-|och|,)\s*{_NUMBER})*\s*§§?"
_GENERIC = frozenset({"lag", "förordning", "balk", "kungörelse"})
_LOCAL = r"[Ll]okal regel|i exemplets?\b|\(EU\)"
# What may stand between statutes named together: "LOU och LUF", "LOU, LUF och LUK".
_JOINED = re.compile(r"\s*(?:,|och|samt)?\s*")


@dataclass(frozen=True, slots=True)
class RuleCitation:
    """One citation in a rule's documentation: the statute, and its chapter and paragraphs as a
    `section` text (1–3, 1, 5) that `generators.model.sections` reads like a policy's."""

    code: str
    sfs: str
    chapter: str | None
    section: str | None


@dataclass(frozen=True, slots=True)
class RuleStatutes:
    rule: RegisteredRule
    citations: tuple[RuleCitation, ...]
    unattributed: tuple[str, ...]  # chapters or paragraphs no statute could be found for


def law_section(doc: str) -> str:
    """The text of the `## Lagrum` section (empty when the documentation has none)."""
    if _LAW_HEADING not in doc:
        return ""
    text = doc.split(_LAW_HEADING, 1)[1]
    return text.split("\n## ", 1)[0].strip()


def _names(statutes: Mapping[str, Statute]) -> list[tuple[str, str]]:
    """(how the statute is written in running text, its SFS number), longest first so that
    "SoL (2001:453)" wins over "SoL"."""
    found: dict[str, str] = {}
    # The statute in force first: "socialtjänstlagen" is the 2025 law, not the one it replaced.
    for sfs, statute in sorted(statutes.items(), key=lambda item: (item[1].valid_to is not None, item[0])):
        found.setdefault(statute.short, sfs)
        base = statute.name.split(" (", 1)[0]
        # "Kommunallag (2017:725)" → kommunallagen; "Lag (1976:580) om …" is named by its number only.
        if " " not in base and base.lower() not in _GENERIC:
            definite = base + "en" if base.endswith(("lag", "balk")) else base
            found.setdefault(definite.lower(), sfs)
            found.setdefault(definite[:1].upper() + definite[1:].lower(), sfs)
    return sorted(found.items(), key=lambda item: (-len(item[0]), item[0]))


def _pattern(statutes: Mapping[str, Statute]) -> re.Pattern[str]:
    names = "|".join(re.escape(name) for name, _ in _names(statutes))
    statute = rf"(?P<name>(?<![\wåäöÅÄÖ])(?:{names})(?![\wåäöÅÄÖ]))" if names else r"(?P<name>(?!))"
    return re.compile(
        rf"(?P<sfs>\((?:SFS )?{_SFS}\))|{statute}|(?P<local>{_LOCAL})"
        rf"|(?P<chapter>{_NUMBER}) kap\.(?:\s+(?P<chapter_paragraphs>{_PARAGRAPHS}))?"
        rf"|(?P<paragraphs>{_PARAGRAPHS})"
    )


def _section_text(paragraphs: str) -> str:
    """ "1 och 5 §§" → "1, 5"; "28–32 §§" → "28–32": the form a policy's `section` takes."""
    core = paragraphs.rstrip("§").strip()
    return re.sub(r"\s*(?:och|,)\s*", ", ", re.sub(r"\s*[–-]\s*", "–", core))


def citations_in(code: str, text: str, statutes: Mapping[str, Statute]) -> tuple[list[RuleCitation], list[str]]:
    """The citations in one `## Lagrum` text, and what could not be attributed to a statute."""
    by_name = dict(_names(statutes))
    found: list[RuleCitation] = []
    unattributed: list[str] = []
    # The statutes what follows belongs to: the one named last, with those named together with it
    # ("LOU och LUF"); empty after a local rule or before any statute.
    current: list[str] = []
    local = False
    used = False  # whether the statutes named last got a chapter or paragraph
    joined_end = -1  # where the last statute's name ended, while no chapter or paragraph has followed

    def close() -> None:
        if not used:
            found.extend(RuleCitation(code, sfs, None, None) for sfs in current)

    flat = " ".join(text.split())
    for match in _pattern(statutes).finditer(flat):
        if match["sfs"] or match["name"]:
            sfs = match["sfs"].strip("()").removeprefix("SFS ") if match["sfs"] else by_name[match["name"]]
            if current and sfs == current[-1]:
                pass  # "LOU (2016:1145)": the same statute named twice
            elif current and not used and joined_end >= 0 and _JOINED.fullmatch(flat[joined_end:match.start()]):
                current.append(sfs)  # "LOU (2016:1145) och LUF": named together, they share what follows
            else:
                close()
                current, used = [sfs], False
            joined_end = match.end()
            local = False
        elif match["local"]:
            close()
            current, local, used, joined_end = [], True, False, -1
        elif not current:
            if not local:
                unattributed.append(match[0])
        elif match["chapter"]:
            paragraphs = match["chapter_paragraphs"]
            section = _section_text(paragraphs) if paragraphs else None
            found.extend(RuleCitation(code, sfs, match["chapter"], section) for sfs in current)
            used, joined_end = True, -1
        else:
            found.extend(RuleCitation(code, sfs, None, _section_text(match["paragraphs"])) for sfs in current)
            used, joined_end = True, -1
    close()
    unique = list(dict.fromkeys(found))
    return unique, unattributed


def rule_statutes(statutes: Mapping[str, Statute], rules: Iterable[RegisteredRule] | None = None) -> list[RuleStatutes]:
    """Every active rule with the statutes its documentation names, in code order."""
    result = []
    for registered in rules if rules is not None else all_rules():
        if registered.rule.retired:
            continue
        cited, unattributed = citations_in(registered.rule.code, law_section(registered.doc), statutes)
        result.append(RuleStatutes(registered, tuple(cited), tuple(unattributed)))
    return result
