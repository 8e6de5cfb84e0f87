"""The YAML examples in the rule docs ("## Exempel som godkänns / underkänns") are run.

Every example is read with the project's own strict YAML reader (generators/loading/yamlstrict.py):

- the loader's codes (L1xx) are about YAML itself, so their examples are run for real: the passing
  example reads without a problem, the failing one is refused with exactly the rule's own code;
- every other rule's examples are fragments of policy files, and must at least read as YAML (no
  L-code), so what a policy owner copies from a rule page is well-formed.

An example that is a description rather than YAML (a file of 20 MiB, an unreadable file, a ledger
row that is missing) is a comment-only block, allowed only for the codes listed in DESCRIBED.
"""

from __future__ import annotations

import re

import pytest

from generators.checks.registry import all_rules
from generators.loading import yamlstrict
from generators.loading.discovery import claim_for

SECTION = re.compile(r"## Exempel som (godkänns|underkänns)\s*\n(.*?)(?=\n## |\Z)", re.DOTALL)
BLOCK = re.compile(r"```yaml\n(.*?)```", re.DOTALL)
# (code, section) whose example cannot be shown as YAML: the size, the readability, the kind of file,
# the ledger, or a character that must not appear literally in a published page (L115, L116: their
# failing cases are in tests/loader/test_hostile_inputs.py).
DESCRIBED = {
    ("L103", "godkänns"), ("L103", "underkänns"), ("L113", "godkänns"), ("L113", "underkänns"), ("X831", "underkänns"),
    ("L114", "godkänns"), ("L114", "underkänns"), ("L115", "underkänns"), ("L116", "underkänns"),
}

EXAMPLES = [
    pytest.param(r.rule.code, section, block, id=f"{r.rule.code}-{section}-{index}")
    for r in all_rules()
    for section, text in SECTION.findall(r.doc)
    for index, block in enumerate(BLOCK.findall(text))
]


def _comment_only(block: str) -> bool:
    return all(not line.strip() or line.lstrip().startswith("#") for line in block.splitlines())


def test_every_rule_shows_a_passing_and_a_failing_example() -> None:
    """YAML where the rule is about file content; a ```text list of files where it is about which
    files exist (V609, X805)."""
    missing = [
        r.rule.code for r in all_rules()
        if {section for section, text in SECTION.findall(r.doc) if "```" in text} != {"godkänns", "underkänns"}
    ]
    assert missing == []


def _escaped_bytes(block: str) -> bytes:
    """The L102 example writes the bytes of a Latin-1 file as \\xNN escapes: the file it shows."""
    return re.sub(rb"\\x([0-9a-f]{2})", lambda m: bytes([int(m.group(1), 16)]), block.encode("utf-8"))


@pytest.mark.parametrize(("code", "section", "block"), EXAMPLES)
def test_example(code: str, section: str, block: str) -> None:
    if code == "L102":  # encoding: decoded from the bytes the example shows
        _, problem = yamlstrict.decode(_escaped_bytes(block))
        assert (problem.code if problem else None) == ("L102" if section == "underkänns" else None)
        return
    if code == "L112":  # a place under policies/: claimed or not
        path = block.split("#")[0].strip().removeprefix("policies/")
        assert (claim_for(path) is None) == (section == "underkänns")
        return
    if _comment_only(block) and code != "L111":  # L111's failing example is a file with only a comment
        assert (code, section) in DESCRIBED, f"{code}: the example is only a comment; show it as YAML"
        return
    assert (code, section) not in DESCRIBED, f"{code}: the example is YAML now; remove it from DESCRIBED"
    _, problems = yamlstrict.parse(block)
    found = {p.code for p in problems}
    if code.startswith("L") and section == "underkänns":
        assert found == {code}, f"{code}: the failing example gives {sorted(found)}"
    else:
        assert found == set(), f"{code} ({section}): the example is not well-formed YAML: {[(p.code, p.line, p.message) for p in problems]}"
