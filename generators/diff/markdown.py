"""The semantic diff as Swedish Markdown: what a reviewing politician or jurist reads instead of YAML.

Text from the policies is escaped, so a title can never turn into a link, an image or HTML in a pull
request comment. GitHub also links what needs no Markdown at all: bare URLs (`https://…`, `www.…`),
e-mail addresses and `mailto:`, `@user` and `@org/team` (which ping), issue references (`#12`,
`GH-12`). A zero-width joiner (U+200D) inside each of those breaks the pattern GitHub looks for; the
reader sees the same text, unlinked, and nobody is pinged.
"""

from __future__ import annotations

import re
from datetime import date

from generators.checks.runner import CheckResult
from generators.diff.compare import Comparison
from generators.diff.history import History
from generators.wording.swedish import count as counted

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


def _history(history: History, day: date) -> list[str]:
    """Rewritten history and rättelser, at the top: what a reviewer must not miss."""
    out: list[str] = []
    if history.rewrites:
        changed = counted(len(history.rewrites), "version", "versioner")
        out += [f"## Stopp: {changed} som gäller eller har gällt har ändrats utan nytt beslut", "",
                (f"En version som gäller eller har gällt (den {day.isoformat()}) ska vara den som beslutades: vad som gällde "
                "en viss dag ska gå att läsa ut i efterhand. Ändringsförslaget underkänns."), ""]
        for rewrite in history.rewrites:
            out.append(f"- Version {md(rewrite.version)} av **{md(rewrite.title)} ({md(rewrite.document_id)})**, gäller från "
                       f"{rewrite.valid_from.isoformat()} ({code(rewrite.file)}): {counted(rewrite.changes, 'ändring', 'ändringar')} i sak "
                       f"med samma beslut ({md(rewrite.decision)}) och ingen ny rättelse.")
            out += [f"  - {md(problem)}" for problem in rewrite.problems]
        out += ["", ("Gör i stället så här: en ändring i sak blir en ny version med ett eget beslut "
                "(`python -m generators new-version FIL --valid-from ÅÅÅÅ-MM-DD`). Är texten felskriven och stämmer inte med "
                "det justerade protokollet, rätta den och för in en rättelse under `document.corrections` "
                "(datum, skäl och paragrafen i protokollet)."), ""]
    if history.corrections:
        out += ["## Rättelser av versioner i kraft", ""]
        for shown in history.corrections:
            c = shown.correction
            out.append(f"- Rättelse {c.date.isoformat()} av version {md(shown.version)} av **{md(shown.title)} ({md(shown.document_id)})** "
                       f"({code(shown.file)}), efter protokollets {md(c.paragraph)}: {md(c.reason)} "
                       f"({counted(shown.changes, 'ändring', 'ändringar')} i sak, se dokumentet nedan).")
        out.append("")
    return out


def render(comparison: Comparison, base_label: str, head_label: str, checks: CheckResult | None, problems: list[str],
           history: History, day: date) -> str:
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
    out += _history(history, day)
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
