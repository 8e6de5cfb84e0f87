"""The "Vem beslutar?" script writes no Swedish of its own (issue 9: one author of decision sentences).

Every string the script can show comes from the decision tables' templates (`wording.sentences`,
`generators/decide/text.py`, the ones `decide` fills) or from the page's words (`#vb-ord`,
`generators/wording/decide_page.py`). So no string or template literal in the script may hold a
letter outside ASCII (å, ä, ö, é, an en dash or an ellipsis: Swedish text) or a run of three words
(a phrase); and every template key the script names must exist, with no slot it does not fill.
"""

from __future__ import annotations

import re

from generators.decide.answers import STATUS_LABELS
from generators.decide.text import SENTENCES, say, wording
from generators.paths import REPO_ROOT
from generators.wording.decide_page import PAGE_WORDS, page_words

SCRIPT = REPO_ROOT / "site" / "assets" / "vem-beslutar.js"
# Characters after which a `/` starts a regular expression, not a division.
_REGEX_AFTER = set("(,=:[!&|?{};+-*%<>~^") | {""}
_PHRASE = re.compile(r"\b[A-Za-z]+ [A-Za-z]+ [A-Za-z]+\b")


def literals(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string and template literal in JavaScript source; comments and regular
    expressions are skipped (a regex is told from a division by what precedes it)."""
    found: list[tuple[int, str]] = []
    i, line, previous = 0, 1, ""
    while i < len(source):
        char = source[i]
        if char == "\n":
            line += 1
        if source.startswith("//", i):
            i = source.index("\n", i) if "\n" in source[i:] else len(source)
            continue
        if source.startswith("/*", i):
            end = source.index("*/", i + 2) + 2
            line += source.count("\n", i, end)
            i = end
            continue
        if char in "'\"`":
            start, i = i, i + 1
            while source[i] != char:
                i += 2 if source[i] == "\\" else 1
            text = source[start + 1:i]
            found.append((line, text))
            line += text.count("\n")
            i += 1
            previous = char
            continue
        if char == "/" and (previous in _REGEX_AFTER or source[max(0, i - 7):i].rstrip().endswith("return")):
            i += 1
            in_class = False
            while in_class or source[i] != "/":
                if source[i] == "\\":
                    i += 1
                elif source[i] == "[":
                    in_class = True
                elif source[i] == "]":
                    in_class = False
                i += 1
            i += 1
            previous = "/"
            continue
        if not char.isspace():
            previous = char
        i += 1
    return found


def wording_in(source: str) -> list[str]:
    """Each literal that reads as wording: a letter or sign outside ASCII, or a run of three words."""
    return [f"line {line}: {text!r}" for line, text in literals(source)
            if any(ord(c) > 127 for c in text) or _PHRASE.search(text)]


def test_the_script_writes_no_swedish_of_its_own() -> None:
    found = wording_in(SCRIPT.read_text(encoding="utf-8"))
    assert not found, "wording in site/assets/vem-beslutar.js (put it in generators/decide/text.py or " \
                      "generators/wording/decide_page.py):\n" + "\n".join(found)


def test_the_detector_finds_wording_and_skips_comments_and_regular_expressions() -> None:
    source = (
        '// Vem beslutar? här får kommentarer stå på svenska\n'
        'var a = "vb-fakta", b = x / 2 / y, c = /[åäö] och så vidare/g;\n'
        '/* ingen text här, så länge */\n'
        "var d = 'Välj land';\n"
        'var e = "use strict" + `one two three`;\n'
        'function f() { return /^seat:"[^@]+$/.test(s) ? "a" : "b"; }\n'
    )
    assert [line for line, _ in literals(source)] == [2, 4, 5, 5, 6, 6]
    assert wording_in(source) == ["line 4: 'Välj land'", "line 5: 'one two three'"]


def test_every_template_the_script_names_exists() -> None:
    source = SCRIPT.read_text(encoding="utf-8")
    # say("key" … / word("key" …, and keys chosen by a condition: say(x ? "a" : "b" …)
    said = set(re.findall(r'\bsay\((?:[^()"]*\? )?"([a-z_.]+)"', source)) | set(re.findall(r'\bsay\([^()"]*\? "[a-z_.]+" : "([a-z_.]+)"', source))
    worded = set(re.findall(r'\bword\((?:[^()"]*\? )?"([a-z_.]+)"', source)) | set(re.findall(r'\bword\([^()"]*\? "[a-z_.]+" : "([a-z_.]+)"', source))
    joined = set(re.findall(r'\bjoin\([^;]*?, "([a-z_.]+)"\)', source))
    worded = {key for key in worded if not key.endswith(".")}  # a prefix: the key is made up at run time (below)
    assert said and worded, "the script names no templates: the patterns above no longer match it"
    assert not (said | joined) - SENTENCES.keys(), sorted((said | joined) - SENTENCES.keys())
    assert not worded - PAGE_WORDS.keys(), sorted(worded - PAGE_WORDS.keys())
    # keys made up at run time: an answer's heading by its status, a whistleblowing group by its kind
    assert {f"status.{status}" for status in STATUS_LABELS} <= PAGE_WORDS.keys()
    groups = re.search(r"CONCERNED_GROUPS = \[([^\]]*)\]", source)
    assert groups is not None
    assert {f"whistleblowing.group.{kind}" for kind in re.findall(r'"([a-z_]+)"', groups.group(1))} <= PAGE_WORDS.keys()


def test_templates_have_no_brace_but_their_slots() -> None:
    for key, template in {**SENTENCES, **PAGE_WORDS}.items():
        assert re.sub(r"\{[a-z_]+\}", "", template).count("{") == 0, key
        assert "}" not in re.sub(r"\{[a-z_]+\}", "", template), key


def test_decide_and_the_published_tables_share_one_set_of_templates() -> None:
    published = wording()
    assert published["sentences"] == SENTENCES
    assert say("delegation.for_amount", amount="30 000 kr") == " om 30 000 kr"
    assert page_words("1 december 2026")["ready"].count("1 december 2026") == 1
