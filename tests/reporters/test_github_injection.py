"""`--format github` is injection-proof: every line is a command the reporter made, escaped, or
plain text the runner cannot read as one (issue 11)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generators.checks.runner import CheckResult
from generators.diagnostics import Diagnostic
from generators.reporters import github

HOSTILE = [
    "ok\n::add-mask::geheim",
    "ok\r::error file=x::forged",
    "ok\r\n  ::warning::indented",
    "ok\u2028::error::separator",
    "ok\x85::error::nel",
    "ok\x0b::error::vt",
    "kl. 12 ##[error]old form",
    "%0A::error::pre-escaped",
    "::stop-commands::token",
    "\t::error::tab first",
    "a,b:c=d::e",
]

# A command the reporter made: a known level, name=value properties with no raw separators, then
# data with no raw CR, LF or percent sign other than an escape.
COMMAND = re.compile(r"::(error|warning|notice)(?: ((?:[a-z]+=[^,:\r\n]*)(?:,[a-z]+=[^,:\r\n]*)*))?::(.*)")
ESCAPES = re.compile(r"%(?!25|0D|0A|3A|2C)")


def runner_lines(output: str) -> list[str]:
    # The runner splits a step's output at CR, LF and CRLF.
    return re.split(r"\r\n|\r|\n", output)


def assert_injection_proof(output: str, made: int) -> None:
    commands = 0
    for line in runner_lines(output):
        trimmed = line.lstrip()
        if trimmed.startswith("::"):
            match = COMMAND.fullmatch(line)
            assert match, f"a line the runner would run that the reporter did not make: {line!r}"
            assert not ESCAPES.search(match.group(3)), line
            commands += 1
        else:
            # The old form is found anywhere in a line that is not a (new-form) command.
            assert "##[" not in line, line
    assert commands == made


@pytest.mark.parametrize("payload", HOSTILE)
def test_every_line_is_a_made_command_or_inert_text(payload: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    result = CheckResult(
        diagnostics=[
            Diagnostic(file=f"policies/{payload}.yaml", line=3, column=5, code="S202", message=f"Okänt fält {payload!r}: {payload}"),
            Diagnostic(file="policies/travel.yaml", line=1, column=1, code=f"X8{payload}", message=payload, severity="warning"),
        ],
        files_checked=2,
    )
    output = github.render(result, strict=False)
    assert_injection_proof(output, made=2)
    # The payload still reaches the reader (escaped or marked), nothing is dropped.
    assert output.count("S202") >= 2
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    fence = re.match(r"## Kontroll av styrdokumenten\n\n(`+)text\n", summary)
    assert fence and summary.rstrip("\n").endswith(fence.group(1))
    assert summary.count(fence.group(1)) == 2, "the report cannot close the code fence"


def test_a_backtick_fence_in_a_message_cannot_end_the_summary_block(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    result = CheckResult(diagnostics=[Diagnostic("policies/a.yaml", 1, 1, "S202", "x\n````\n[länk](https://evil.example)")], files_checked=1)
    github.render(result, strict=False)
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert summary.split("\n")[2] == "`````text"


def test_escaping_follows_githubs_rules() -> None:
    line = github.command("error", "100%\r\nklart", file="a:b,c.yaml", line=2, col=3, title="S2:0,1")
    assert line == "::error file=a%3Ab%2Cc.yaml,line=2,col=3,title=S2%3A0%2C1::100%25%0D%0Aklart"
    with pytest.raises(ValueError):
        github.command("add-mask", "x")


def test_plain_text_keeps_ordinary_lines_as_they_are() -> None:
    text = "policies/a.yaml:1:2: S202 Okänt fält 'x'.\nUnderkänt: 1 fel och 0 varningar i 1 fil.\n"
    assert github.plain(text) == text
    assert github.plain("  ::error::x\n") == "  :\u200b:error::x\n"


def test_error_messages_under_actions_cannot_start_a_command(tmp_path: Path) -> None:
    # A usage error quotes the folder it was given; under Actions that quote must stay inert.
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    hostile = str(tmp_path / "saknas\n::add-mask::geheim\n##[error]x")
    result = subprocess.run(
        [sys.executable, "-m", "generators", "check", "--policies", hostile],
        cwd=REPO, capture_output=True, text=True, check=False, env={**os.environ, "GITHUB_ACTIONS": "true"},
    )
    assert result.returncode == 2
    assert "geheim" in result.stderr
    assert_injection_proof(result.stdout + result.stderr, made=0)
