"""A strict YAML reader: libyaml's event parser, our own composer.

PyYAML's defaults lose data silently (YAML 1.1 booleans and octals, the last of two duplicate keys
wins, aliases expand). We read libyaml's events and build the tree ourselves, so that:
- nothing is typed here: every scalar keeps its exact text and whether it was quoted (the schema
  decides its type later, see `typing.py`);
- anchors, aliases, merge keys, explicit tags, duplicate keys, non-text keys and multiple documents
  are refused at the exact line and column;
- nesting depth is limited before anything recurses (libyaml's own composer can overflow the C
  stack on deep nesting and take the process down).
"""

from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from typing import Any

import yaml
import yaml.parser
import yaml.reader
import yaml.scanner

try:  # libyaml is ~5× faster; the pure-Python parser is the fallback where libyaml is missing.
    # `yaml.CParser` does not exist (yaml/__init__ re-exports only the C loaders and dumpers): the
    # event parser lives in yaml.cyaml. Importing it from `yaml` silently fell back to pure Python.
    # The stubs do not declare CParser's export; it is there in every libyaml build.
    from yaml.cyaml import CParser as _CParser  # type: ignore[attr-defined]

    _FastParser: Any = _CParser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _FastParser = None


class _PureParser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):
    """PyYAML's pure-Python event parser (same events as libyaml's)."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)


MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 40


@dataclass(slots=True)
class RawScalar:
    text: str
    plain: bool  # unquoted and not a block scalar: the only kind YAML would type implicitly
    line: int
    col: int
    alias: bool = False  # stands in for a refused alias (already reported: no follow-on errors)


class RawMap(dict[str, Any]):
    """A mapping of key text → node, remembering where it and each key stand."""

    __slots__ = ("col", "key_marks", "line")

    def __init__(self, line: int, col: int) -> None:
        super().__init__()
        self.line = line
        self.col = col
        self.key_marks: dict[str, tuple[int, int]] = {}


class RawSeq(list[Any]):
    __slots__ = ("col", "line")

    def __init__(self, line: int, col: int) -> None:
        super().__init__()
        self.line = line
        self.col = col


RawNode = RawScalar | RawMap | RawSeq


@dataclass(frozen=True, slots=True)
class LoadProblem:
    code: str
    line: int
    col: int
    message: str


class _Refused(Exception):
    def __init__(self, problem: LoadProblem) -> None:
        self.problem = problem


# libyaml's problems, in Swedish. Unknown ones keep libyaml's own words after a Swedish lead.
_SYNTAX_PROBLEMS = {
    "could not find expected ':'": "ett kolon (:) saknas efter nyckeln",
    "mapping values are not allowed in this context": "ett kolon (:) står där det inte får stå — sätt texten inom citattecken",
    "did not find expected key": "indraget stämmer inte: här väntades en ny nyckel på samma nivå",
    "did not find expected '-' indicator": "indraget stämmer inte: här väntades ett nytt listelement (-)",
    "found character that cannot start any token": "ett tecken som inte kan inleda ett värde (t.ex. tabb, @ eller `) — sätt texten inom citattecken",
    "found a tab character that violates indentation": "tabbtecken får inte användas för indrag — använd mellanslag",
    "found a tab character where an indentation space is expected": "tabbtecken får inte användas för indrag — använd mellanslag",
    "found unexpected end of stream": "filen tar slut mitt i ett värde (saknas ett avslutande citattecken eller en parentes?)",
    "did not find expected node content": "ett värde saknas här",
    "found undefined tag handle": "okänd tagg",
    "found unknown escape character": "okänd escape-sekvens i en text inom dubbla citattecken",
    "did not find expected ',' or ']'": "en lista inom [ ] är inte korrekt avslutad",
    "did not find expected ',' or '}'": "en mappning inom { } är inte korrekt avslutad",
    "found unexpected ':'": "ett kolon (:) står där det inte får stå — sätt texten inom citattecken",
    "control characters are not allowed": "filen innehåller otillåtna kontrolltecken",
    "found incompatible YAML document": "YAML-versionen stöds inte",
    "found duplicate YAML directive": "YAML-direktivet förekommer två gånger",
    "found unexpected document indicator": "dokumentavgränsare (--- eller ...) mitt i ett värde",
    "block sequence entries are not allowed in this context": "ett listelement (-) står där det inte får stå — kontrollera indraget",
}


def _syntax_problem(error: yaml.YAMLError) -> LoadProblem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = getattr(error, "problem", None) or str(error)
    swedish = next((sv for en, sv in _SYNTAX_PROBLEMS.items() if problem.startswith(en)), None)
    text = swedish if swedish else f"ogiltig YAML ({problem})"
    return LoadProblem("L101", line, col, f"YAML-syntaxfel: {text}.")


class _NotRegular(Exception):
    def __init__(self, what: str) -> None:
        self.what = what


def read_policy_bytes(path: str | os.PathLike[str]) -> tuple[bytes | None, LoadProblem | None]:
    """The bytes of one policy file, refusing anything but a regular file and anything too large.

    A symlink is never followed (it could echo another file's content into an error message, or
    point at /dev/zero); a FIFO, a device or a socket is refused before it is opened for reading, so
    opening cannot block. The size limit applies before reading: at most MAX_FILE_BYTES + 1 bytes are
    ever read, even if the file grows between the check and the read.
    """
    try:
        status = os.lstat(path)
        if not stat.S_ISREG(status.st_mode):
            raise _NotRegular(_special_kind(status.st_mode))
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except _NotRegular as special:
        return None, LoadProblem(
            "L114", 1, 1, f"Filen är {special.what}, inte en vanlig fil. Under policies/ får bara vanliga filer ligga: "
            "lägg in själva filen i stället."
        )
    except OSError as error:
        if error.errno == errno.ELOOP:  # raced into a symlink between lstat and open
            return None, LoadProblem("L114", 1, 1, "Filen är en symbolisk länk, inte en vanlig fil. Lägg in själva filen i stället.")
        return None, LoadProblem("L113", 1, 1, f"Filen kunde inte läsas: {error.strerror}.")
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):  # replaced between lstat and open
            return None, LoadProblem("L114", 1, 1, "Filen är inte en vanlig fil. Lägg in själva filen i stället.")
        chunks: list[bytes] = []
        remaining = MAX_FILE_BYTES + 1
        while remaining > 0:
            chunk = os.read(descriptor, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as error:
        return None, LoadProblem("L113", 1, 1, f"Filen kunde inte läsas: {error.strerror}.")
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if len(data) > MAX_FILE_BYTES:
        return None, _too_large(status.st_size if status.st_size > MAX_FILE_BYTES else len(data), exact=status.st_size > MAX_FILE_BYTES)
    return data, None


def special_file_problem(path: str | os.PathLike[str]) -> LoadProblem | None:
    """L114 for an entry that is not a regular file (without following a symlink), else None."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return None  # vanished: reading it reports L113
    if stat.S_ISREG(mode):
        return None
    return LoadProblem(
        "L114", 1, 1, f"Filen är {_special_kind(mode)}, inte en vanlig fil. Under policies/ får bara vanliga filer ligga: "
        "lägg in själva filen i stället."
    )


def _special_kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "en symbolisk länk"
    if stat.S_ISDIR(mode):
        return "en mapp"
    if stat.S_ISFIFO(mode):
        return "en namngiven pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "en enhetsfil"
    if stat.S_ISSOCK(mode):
        return "en socket"
    return "en specialfil"


def _too_large(size: int, exact: bool = True) -> LoadProblem:
    amount = f"{size} byte" if exact else f"över {MAX_FILE_BYTES} byte"
    return LoadProblem("L103", 1, 1, f"Filen är för stor ({amount}; högst {MAX_FILE_BYTES} byte tillåts). Dela upp den.")


def decode(data: bytes) -> tuple[str | None, LoadProblem | None]:
    """Strict UTF-8 (a leading byte-order mark is allowed and dropped)."""
    if len(data) > MAX_FILE_BYTES:
        return None, _too_large(len(data))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        return None, LoadProblem(
            "L102", line, col, "Filen är inte giltig UTF-8. Spara den som UTF-8 (utan annan teckenkodning)."
        )
    text = text.removeprefix("\ufeff")
    return text, None


# Characters refused anywhere in a policy file, with the position of each (before YAML sees them):
# - control characters (C0 but TAB, LF and CR; DEL; C1 including NEL U+0085) and the noncharacters
#   U+FFFE/U+FFFF: YAML forbids them, and PyYAML's reader would stop at the first with no position;
# - U+2028 and U+2029: YAML 1.1 (libyaml, PyYAML) reads them as line breaks, YAML 1.2 (editors) as
#   ordinary characters, so a "comment" could hide a key that loads. Refusing them makes both agree;
# - bidi *overrides and isolates* (U+202A–U+202E, U+2066–U+2069): they reorder what a reviewer sees
#   ("Trojan Source") and reach the site. The marks LRM/RLM/ALM and right-to-left script pass.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_LINE_BREAK = re.compile("\r\n|\r|\n")  # YAML 1.2's line breaks, the only ones positions count


def forbidden_characters(text: str) -> list[LoadProblem]:
    """Every refused character in `text` (see _FORBIDDEN), at its line and column (YAML 1.2 lines)."""
    found = [match.start() for match in _FORBIDDEN.finditer(text)]
    if not found:
        return []
    breaks = [match.end() for match in _LINE_BREAK.finditer(text)]
    problems: list[LoadProblem] = []
    line_index = 0
    for offset in found:
        while line_index < len(breaks) and breaks[line_index] <= offset:
            line_index += 1
        line_start = breaks[line_index - 1] if line_index else 0
        char = text[offset]
        name = unicodedata.name(char, "")
        shown = f"U+{ord(char):04X}" + (f" {name}" if name else "")
        if char in _BIDI:
            code, message = "L116", (
                f"Tecknet {shown} vänder eller isolerar textriktningen: det kan få texten att se ut att säga något "
                "annat än den gör. Ta bort det (höger-till-vänster-text och markeringarna LRM/RLM fungerar utan)."
            )
        elif char in "\u2028\u2029\x85":
            code, message = "L115", (
                f"Tecknet {shown} är en radbrytning för vissa YAML-läsare men inte för andra, så en redigerare och "
                "kontrollen kan läsa filen olika. Använd en vanlig radbrytning."
            )
        else:
            code, message = "L115", f"Filen innehåller det otillåtna tecknet {shown}. Ta bort det (tabb och radbrytning går bra)."
        problems.append(LoadProblem(code, line_index + 1, offset - line_start + 1, message))
    return problems


# Inputs where libyaml and PyYAML's pure parser are known to disagree (the YAML test suite shows
# them): tabs, "?" (complex keys, also inside flow collections) and a comment glued to a block scalar
# header. Such text always goes through the pure parser, so both paths give the same answer.
_LIBYAML_DIFFERS = re.compile(r"[\t?]|[|>][-+0-9]*#")


def parse(text: str, pure: bool = False) -> tuple[RawNode | None, list[LoadProblem]]:
    """Compose the single document in `text`; return it with every problem found.

    Problems that leave the tree trustworthy (a duplicate key, an anchor) are collected and parsing
    goes on; a syntax error or a depth overflow stops it.

    libyaml parses (about five times faster than PyYAML's Python parser) when the text has none of the
    constructs the two parsers read differently and has nothing to report; anything else — a problem,
    an empty value (whose position the parsers mark differently) — is parsed again by the pure parser,
    whose answer is the reference. Both paths therefore give identical trees and problems.

    Refused characters (see `forbidden_characters`) are reported, each at its place, and the text is
    not parsed: no tree is built from a file that two readers could read differently.
    """
    refused = forbidden_characters(text)
    if refused:
        return None, refused
    if not pure and _FastParser is not None and _LIBYAML_DIFFERS.search(text) is None:
        try:
            root = _compose_clean(_FastParser(text))
        except yaml.YAMLError:
            root = None
        if root is not None:
            return root, []
    try:
        parser = _PureParser(text)
    except yaml.YAMLError as error:  # the reader checks characters on construction (defensive)
        return None, [_syntax_problem(error)]
    return _compose(parser)


_NULL_KEYS = frozenset(("", "~", "null", "Null", "NULL", "<<"))


def _compose_clean(parser: Any) -> RawNode | None:
    """The fast path: compose a document that has nothing to report, or give up (None).

    Anything the reference path would report (an anchor, an alias, a tag, a duplicate or empty key, a
    merge key, a second document, too deep nesting, an empty value, an empty file) makes it return
    None, and the caller parses the text again with the reference path, which words the problems.
    One loop without helper calls: this runs once per event of every policy file.
    """
    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    map_start, seq_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    map_end, seq_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    document_start, stream_end = yaml.DocumentStartEvent, yaml.StreamEndEvent
    get_event = parser.get_event
    root: RawNode | None = None
    stack: list[Any] = []  # open collections
    keys: list[Any] = []  # per open collection: the key waiting for its value (mappings), else None
    documents = 0
    while True:
        event = get_event()
        kind = type(event)
        if kind is scalar_event:
            if event.anchor is not None or (event.tag is not None and event.tag != "!"):
                return None
            value = event.value
            plain = not event.style
            if plain and not value:
                return None
            mark = event.start_mark
            node: Any = RawScalar(value, plain, mark.line + 1, mark.column + 1)
        elif kind is map_start or kind is seq_start:
            if event.anchor is not None or (event.tag is not None and event.tag != "!") or len(stack) >= MAX_DEPTH:
                return None
            mark = event.start_mark
            node = RawMap(mark.line + 1, mark.column + 1) if kind is map_start else RawSeq(mark.line + 1, mark.column + 1)
        elif kind is map_end or kind is seq_end:
            stack.pop()
            keys.pop()
            continue
        elif kind is document_start:
            documents += 1
            if documents > 1 or event.tags:
                return None
            continue
        elif kind is stream_end or event is None:
            break
        elif kind is alias_event:
            return None
        else:
            continue  # stream start, document end
        if stack:
            parent = stack[-1]
            if type(parent) is RawSeq:
                parent.append(node)
            else:
                key = keys[-1]
                if key is None:
                    if type(node) is not RawScalar or (node.plain and node.text in _NULL_KEYS):
                        return None
                    keys[-1] = node
                    continue
                keys[-1] = None
                text = key.text
                if text in parent:
                    return None
                parent[text] = node
                parent.key_marks[text] = (key.line, key.col)
        else:
            root = node
        if kind is map_start or kind is seq_start:
            stack.append(node)
            keys.append(None)
    if root is None or type(root) is RawScalar:
        return None  # empty, or a lone scalar: the reference path says what is wrong
    return root


def _compose(parser: Any) -> tuple[RawNode | None, list[LoadProblem]]:
    """The reference path: build the tree from `parser`'s events, collecting every problem."""
    problems: list[LoadProblem] = []
    root: RawNode | None = None
    stack: list[RawMap | RawSeq] = []
    pending_key: list[tuple[str, int, int] | None] = []  # per open mapping: key waiting for its value
    documents = 0

    def attach(node: RawNode, line: int, col: int) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        parent = stack[-1]
        if isinstance(parent, RawSeq):
            parent.append(node)
            return
        key = pending_key[-1]
        if key is None:
            # This node is a key.
            if not isinstance(node, RawScalar):
                raise _Refused(LoadProblem("L109", line, col, "En nyckel måste vara en enkel text, inte en lista eller mappning."))
            if node.plain and node.text in ("", "~", "null", "Null", "NULL"):
                problems.append(LoadProblem("L109", line, col, "En nyckel saknas eller är tom."))
            if node.plain and node.text == "<<":
                problems.append(LoadProblem("L108", line, col, "Sammanslagningsnycklar (<<) stöds inte: skriv ut varje fält."))
            pending_key[-1] = (node.text, node.line, node.col)
            return
        key_text, key_line, key_col = key
        pending_key[-1] = None
        if key_text in parent:
            first_line, _ = parent.key_marks[key_text]
            problems.append(
                LoadProblem(
                    "L105",
                    key_line,
                    key_col,
                    f"Nyckeln '{key_text}' förekommer två gånger i samma mappning (första gången på rad {first_line}). "
                    "Ta bort en av dem; inget värde får tyst skrivas över.",
                )
            )
            return
        parent[key_text] = node
        parent.key_marks[key_text] = (key_line, key_col)

    def refuse_anchor_and_tag(event: yaml.Event, line: int, col: int) -> None:
        if getattr(event, "anchor", None) is not None:
            problems.append(LoadProblem("L106", line, col, "Ankare (&) stöds inte: skriv ut värdet där det behövs."))
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!":
            problems.append(
                LoadProblem("L107", line, col, f"Explicita taggar ({tag}) stöds inte: schemat avgör varje värdes typ.")
            )

    try:
        while True:
            event = parser.get_event()
            if event is None:
                break
            mark = event.start_mark
            line, col = mark.line + 1, mark.column + 1
            if isinstance(event, yaml.ScalarEvent):
                refuse_anchor_and_tag(event, line, col)
                attach(RawScalar(event.value, not event.style, line, col), line, col)
            elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                refuse_anchor_and_tag(event, line, col)
                if len(stack) >= MAX_DEPTH:
                    raise _Refused(LoadProblem("L104", line, col, f"Strukturen är nästlad djupare än {MAX_DEPTH} nivåer."))
                node: RawMap | RawSeq = RawMap(line, col) if isinstance(event, yaml.MappingStartEvent) else RawSeq(line, col)
                attach(node, line, col)
                stack.append(node)
                pending_key.append(None)
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                stack.pop()
                pending_key.pop()
            elif isinstance(event, yaml.AliasEvent):
                problems.append(LoadProblem("L106", line, col, "Alias (*) stöds inte: skriv ut värdet där det behövs."))
                attach(RawScalar("", True, line, col, alias=True), line, col)
            elif isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise _Refused(LoadProblem("L110", line, col, "Filen innehåller flera YAML-dokument (---). Ett dokument per fil."))
                if event.tags:
                    problems.append(LoadProblem("L107", line, col, "%TAG-direktiv stöds inte."))
            elif isinstance(event, yaml.StreamEndEvent):
                break
    except _Refused as refused:
        return None, [*problems, refused.problem]
    except yaml.YAMLError as error:
        return None, [*problems, _syntax_problem(error)]
    except (ValueError, RecursionError, MemoryError, IndexError) as error:  # defensive: never a traceback
        return None, [*problems, LoadProblem("L101", 1, 1, f"YAML-filen kunde inte läsas ({type(error).__name__}).")]

    if root is None or (isinstance(root, RawScalar) and root.plain and root.text in ("", "~", "null")):
        problems.append(LoadProblem("L111", 1, 1, "Filen är tom. En tom fil betyder inte \"inga regler\": ta bort den eller fyll i den."))
        return None, problems
    return root, problems
