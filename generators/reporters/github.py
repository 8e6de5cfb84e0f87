"""GitHub workflow annotations (`::error file=…,line=…,col=…::`), chosen under GitHub Actions.

GitHub shows only the first annotations of a step, so the full list is also printed as plain lines
and, when `GITHUB_STEP_SUMMARY` is set, written to the job summary.

Injection-proof: the runner reads every line of a step's output (split at CR and LF) and runs it as
a workflow command when, after leading white space, it starts with `::` (or holds `##[`, the old
form). So every line this reporter writes is either a command it made itself, with its data escaped
the way GitHub decodes it (`%`, CR, LF; in properties also `:` and `,`), or plain text that cannot
start one: the plain lines have their line-breaking and control characters shown as `\\uXXXX` and
a `::` at the start (or any `##[`) broken by a zero-width space, which the runner does not trim.
"""

from __future__ import annotations

import os
import re

from generators.checks.runner import CheckResult
from generators.reporters import text

LEVELS = ("error", "warning", "notice")

# Everything but TAB, LF and the printable characters that could split or disguise a line: C0/C1
# controls (CR included), DEL, and the Unicode line and paragraph separators.
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_ZWSP = "\u200b"


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties: str | int) -> str:
    """One workflow command line (`::error file=…::message`), every part escaped."""
    if level not in LEVELS:
        raise ValueError(f"unknown annotation level {level!r}")
    props = ",".join(f"{name}={escape_property(str(value))}" for name, value in properties.items())
    return f"::{level}{' ' + props if props else ''}::{escape_data(message)}"


def plain(value: str) -> str:
    """Text for a workflow log that no runner reads as a command, line by line, ending in a newline."""
    shown = _HIDDEN.sub(lambda match: f"\\u{ord(match.group()):04x}", value.replace("\r\n", "\n"))
    lines = []
    for line in shown.split("\n"):
        line = line.replace("##[", f"##{_ZWSP}[")
        stripped = line.lstrip()
        if stripped.startswith("::"):
            lead = len(line) - len(stripped)
            line = line[:lead] + ":" + _ZWSP + line[lead + 1 :]
        lines.append(line)
    return "\n".join(lines).rstrip("\n") + "\n" if value else ""


def _fence(value: str) -> str:
    """A Markdown code fence longer than any backtick run in the text, so the text cannot close it."""
    longest = max((len(run) for run in re.findall("`+", value)), default=0)
    return "`" * max(3, longest + 1)


def render(result: CheckResult, strict: bool) -> str:
    lines = []
    for d in result.diagnostics:
        level = "error" if d.severity == "error" else "warning"
        lines.append(command(level, f"{d.code} {d.message}", file=d.file, line=d.line, col=d.column, title=d.code))
    report = text.render(result, strict)
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file:
        fence = _fence(report)
        with open(summary_file, "a", encoding="utf-8") as handle:
            handle.write(f"## Kontroll av styrdokumenten\n\n{fence}text\n{report}{fence}\n")
    return "\n".join(lines) + ("\n" if lines else "") + plain(report)
