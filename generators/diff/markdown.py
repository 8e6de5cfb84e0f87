"""The semantic diff as Swedish Markdown: what a reviewing politician or jurist reads instead of YAML.

Text from the policies is escaped, so a title can never turn into a link, an image or HTML in a pull
request comment. GitHub also links what needs no Markdown at all: bare URLs (`https://…`, `www.…`),
e-mail addresses and `mailto:`, `@user` and `@org/team` (which ping), issue references (`#12`,
`GH-12`). A zero-width joiner (U+200D) inside each of those breaks the pattern GitHub looks for; the
reader sees the same text, unlinked, and nobody is pinged.
"""

from __future__ import annotations

import re

from generators.checks.runner import CheckResult
from generators.diff.compare import Comparison

# What could turn policy text into emphasis, links, HTML, entities (`&#64;` is an @) or table cells.
_SPECIAL = "\\`*[]<>|~&"
_ZWJ = "\u200d"
# Where GitHub's autolinker and mention filter would match, the joiner goes in (case-insensitive).
_AUTOLINKED = (
    (re.compile(r"(?=://)"), _ZWJ),  # https://, ftp://, any scheme://: the scheme no longer ends at ':'
    (re.compile(r"(?<=www)(?=\.)", re.IGNORECASE), _ZWJ),  # www.example.se
    (re.compile(r"(?<=mailto)(?=:)|(?<=xmpp)(?=:)", re.IGNORECASE), _ZWJ),
    (re.compile(r"(?<=@)"), _ZWJ),  # @user, @org/team, name@example.se: nothing name-like follows '@'
    (re.compile(r"(?<=#)(?=\d)"), _ZWJ),  # #12, owner/repo#12
    (re.compile(r"(?<=gh)(?=-\d)", re.IGNORECASE), _ZWJ),  # GH-12
)


def neutralise(text: str) -> str:
    """Break every bare link, address, mention and issue reference GitHub would make of the text."""
    for pattern, joiner in _AUTOLINKED:
        text = pattern.sub(joiner, text)
    return text


def md(text: str) -> str:
    """Escape Markdown and HTML in text from the policies, and neutralise GitHub's autolinks and mentions."""
    escaped = "".join(f"\\{c}" if c in _SPECIAL else c for c in neutralise(text))
    return " ".join(escaped.split())


def code(text: str) -> str:
    return "`" + text.replace("`", "'") + "`"


def render(comparison: Comparison, base_label: str, head_label: str, checks: CheckResult | None, problems: list[str]) -> str:
    out = [f"# Ändringar i styrdokumenten: {md(base_label)} → {md(head_label)}", ""]
    count, documents = comparison.count, len(comparison.parts)
    if count == 0 and not comparison.parts:
        out += ["Inga ändringar i sak: dokumenten, ärendena, beloppsgränserna och reglerna är desamma.", ""]
    else:
        series = sum(1 for part in comparison.parts if part.heading.startswith("Referensdata:"))
        where = f"{documents - series} dokument" + (f" och {series} {'referensserie' if series == 1 else 'referensserier'}" if series else "")
        out += [f"{count} {'ändring' if count == 1 else 'ändringar'} i {where}.", ""]
    for problem in problems:
        out += [f"> Observera: {md(problem)}", ""]
    for part in comparison.parts:
        out.append(f"## {md(part.heading)}")
        out.append("")
        if part.file:
            out += [f"Fil: {code(part.file)}", ""]
        if part.note:
            out += [md(part.note), ""]
        for section, items in part.ordered():
            out += [f"### {md(section)}", ""]
            for item in items:
                out.append(f"- **{md(item.title)}**")
                out += [f"  - {md(line)}" for line in item.lines]
            out.append("")
    out += ["## Kontroller av HEAD", ""]
    if checks is None:
        out += ["Kontrollerna kunde inte köras.", ""]
    else:
        errors, warnings = checks.errors, checks.warnings
        if not errors:
            out.append("Inga fel." + (f" {len(warnings)} {'varning' if len(warnings) == 1 else 'varningar'}:" if warnings else ""))
        else:
            out.append(f"{len(errors)} fel och {len(warnings)} {'varning' if len(warnings) == 1 else 'varningar'}:")
        out.append("")
        for d in [*errors, *warnings]:
            severity = "fel" if d.severity == "error" else "varning"
            out.append(f"- {code(f'{d.file}:{d.line}')} **{d.code}** ({severity}) {md(d.message)}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
