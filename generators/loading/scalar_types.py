"""Schema-driven typing: the schema, never YAML 1.1's implicit rules, decides each scalar's type.

In a text position `NO`, `on`, `1.10`, `0700`, `12:30` and `2025-03-01` stay exactly as written.
In a number position only plain decimal numbers pass (`0700`, `1e3`, `.nan`, `.inf`, `12:30` are
errors); in a boolean position only `true` and `false`. Every value's line and column is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generators.diagnostics import JsonPath
from generators.loading.schemas import Schema, SchemaStore
from generators.loading.yamlstrict import LoadProblem, RawMap, RawNode, RawScalar, RawSeq

_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)")
_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+")
# A number in a policy is an amount, a count or a share: 15 significant digits is what a float keeps
# exactly, and far more than any budget. Longer digit strings are refused before conversion (Python
# refuses int() of more than 4 300 digits, and float() of a long decimal becomes infinity).
MAX_NUMBER_DIGITS = 15
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_YAML11_BOOLEANS = frozenset(["y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "True", "TRUE", "False", "FALSE"])

Candidates = tuple[tuple[Schema, str], ...]


@dataclass
class TypedDocument:
    data: Any
    positions: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)
    # Paths whose scalar could not be typed: the schema validator's own type error there is redundant.
    untyped: set[JsonPath] = field(default_factory=set)
    # Paths already reported by the reader (a refused alias): no schema error is added there.
    silenced: set[JsonPath] = field(default_factory=set)
    problems: list[tuple[JsonPath, LoadProblem]] = field(default_factory=list)
    # Amounts written with exactly three decimals ("50.000"): a thousands separator if the unit is kronor.
    three_decimals: list[tuple[JsonPath, RawScalar]] = field(default_factory=list)


class SchemaTyper:
    """Walks a raw YAML tree and the schema together. One per schema store; caches per schema node."""

    def __init__(self, store: SchemaStore) -> None:
        self.store = store
        self._flat: dict[tuple[int, ...], Candidates] = {}
        self._children: dict[tuple[int, str | int], Candidates] = {}
        self._types: dict[int, frozenset[str]] = {}

    def type_document(self, raw: RawNode, schema_name: str) -> TypedDocument:
        schema = self.store.by_name[schema_name]
        result = TypedDocument(None)
        result.data = self._walk(raw, self._flatten(((schema, schema["$id"]),)), (), result)
        for path, node in result.three_decimals:
            parent: Any = result.data
            for step in path[:-1]:
                try:
                    parent = parent[step]
                except (KeyError, IndexError, TypeError):
                    parent = None
                    break
            if isinstance(parent, dict) and parent.get("unit") == "sek":
                result.problems.append((path, _thousands_separator(node)))
        return result

    # -- schema navigation (cached by the identity of the candidate schema nodes) -------------
    def _flatten(self, candidates: Candidates) -> Candidates:
        key = tuple(id(node) for node, _ in candidates)
        flat = self._flat.get(key)
        if flat is None:
            flat = tuple(sub for node, base in candidates for sub in self.store.subschemas(node, base))
            self._flat[key] = flat
        return flat

    def _child(self, flat: Candidates, step: str | int) -> Candidates:
        # Every `flat` comes from the `_flatten` cache and stays alive, so its identity is a stable
        # key; every index of an array has the same child schemas (items), so they share one entry.
        key = (id(flat), -1 if isinstance(step, int) else step)
        cached = self._children.get(key)
        if cached is not None:
            return cached
        found: list[tuple[Schema, str]] = []
        for node, base in flat:
            if isinstance(step, int):
                items = node.get("items")
                if isinstance(items, dict):
                    found.append((items, base))
                continue
            properties = node.get("properties", {})
            if step in properties:
                found.append((properties[step], base))
                continue
            for pattern, sub in node.get("patternProperties", {}).items():
                if re.search(pattern, step):
                    found.append((sub, base))
            additional = node.get("additionalProperties")
            if isinstance(additional, dict):
                found.append((additional, base))
        child = self._flatten(tuple(found))
        self._children[key] = child
        return child

    def _allowed_types(self, flat: Candidates) -> frozenset[str]:
        key = id(flat)  # a cached, living tuple (see _child)
        types = self._types.get(key)
        if types is None:
            collected: set[str] = set()
            for node, _ in flat:
                declared = node.get("type")
                if isinstance(declared, str):
                    collected.add(declared)
                elif isinstance(declared, list):
                    collected.update(declared)
                for value in node.get("enum", ()) if "enum" in node else ():
                    collected.add(_json_type(value))
                if "const" in node:
                    collected.add(_json_type(node["const"]))
            types = frozenset(collected)
            self._types[key] = types
        return types

    # -- the walk ----------------------------------------------------------------------------
    def _walk(self, node: RawNode, flat: Candidates, path: JsonPath, out: TypedDocument) -> Any:
        out.positions[path] = (node.line, node.col)
        kind = type(node)
        if kind is RawScalar:
            if node.alias:  # type: ignore[union-attr]
                out.silenced.add(path)
                return None
            return self._scalar(node, self._allowed_types(flat), path, out)  # type: ignore[arg-type]
        if kind is RawMap:
            mapping: dict[str, Any] = {}
            key_positions, marks, child, walk = out.key_positions, node.key_marks, self._child, self._walk  # type: ignore[union-attr]
            for key, value in node.items():  # type: ignore[union-attr]
                child_path = (*path, key)
                key_positions[child_path] = marks[key]
                mapping[key] = walk(value, child(flat, key), child_path, out)
            return mapping
        assert kind is RawSeq
        items, walk = self._child(flat, 0), self._walk
        return [walk(child, items, (*path, index), out) for index, child in enumerate(node)]  # type: ignore[arg-type]

    def _scalar(self, node: RawScalar, types: frozenset[str], path: JsonPath, out: TypedDocument) -> Any:
        text = node.text
        if not node.plain:
            if "string" in types or not types:
                return text
            out.untyped.add(path)
            out.problems.append((path, _wrong_quoted(node, types)))
            return text
        if text in _NULLS:
            return None
        if "boolean" in types and text in ("true", "false"):
            return text == "true"
        if types & {"integer", "number"}:
            integer = _INTEGER.fullmatch(text) is not None
            if integer or ("number" in types and _DECIMAL.fullmatch(text)):
                if sum(c.isdigit() for c in text.lstrip("-0.")) > MAX_NUMBER_DIGITS:
                    out.untyped.add(path)
                    out.problems.append((path, _too_many_digits(node)))
                    return text
                if not integer and path and path[-1] == "amount" and len(text.partition(".")[2]) == 3:
                    out.three_decimals.append((path, node))
                return int(text) if integer else float(text)
        if "string" in types or not types:
            return text
        out.untyped.add(path)
        out.problems.append((path, _untypable(node, types)))
        return text


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if value is None:
        return "null"
    if isinstance(value, str):
        return "string"
    return "object" if isinstance(value, dict) else "array"


def _untypable(node: RawScalar, types: frozenset[str]) -> LoadProblem:
    text = node.text
    if "boolean" in types and not types & {"integer", "number"}:
        hint = " (äldre YAML läser det som ett sanningsvärde, men här gäller bara true och false)" if text in _YAML11_BOOLEANS else ""
        return LoadProblem("S207", node.line, node.col, f"'{text}' är inget sanningsvärde{hint}: skriv true eller false.")
    if types & {"integer", "number"}:
        kind = "ett heltal" if "number" not in types else "ett tal"
        return LoadProblem(
            "S206",
            node.line,
            node.col,
            f"'{text}' är inte {kind}: skriv ett vanligt decimaltal med siffror, utan inledande nollor, "
            "mellanslag, exponent, kolon eller specialvärden (t.ex. 700000 eller 2.5).",
        )
    wanted = {"object": "en mappning (nyckel: värde)", "array": "en lista"}
    expected = " eller ".join(sorted(wanted.get(t, t) for t in types))
    return LoadProblem("S203", node.line, node.col, f"Här krävs {expected}, inte värdet '{text}'.")


def _too_many_digits(node: RawScalar) -> LoadProblem:
    shown = node.text if len(node.text) <= 30 else f"{node.text[:20]}… ({len(node.text)} tecken)"
    return LoadProblem(
        "S210",
        node.line,
        node.col,
        f"Talet {shown} har fler än {MAX_NUMBER_DIGITS} siffror. Så stora eller så exakta tal förekommer inte i ett "
        "styrdokument och kan inte räknas med exakt: kontrollera värdet.",
    )


def _thousands_separator(node: RawScalar) -> LoadProblem:
    whole, _, decimals = node.text.partition(".")
    return LoadProblem(
        "S212",
        node.line,
        node.col,
        f"Beloppet {node.text} kr har tre decimaler och läses som {whole},{decimals} kronor, inte som "
        f"{whole} {decimals} kronor. Punkten är decimaltecken i YAML: skriv {whole}{decimals} om du menar "
        f"{whole} {decimals} kr (utan tusentalsavgränsare), eller högst två decimaler (öre).",
    )


def _wrong_quoted(node: RawScalar, types: frozenset[str]) -> LoadProblem:
    if types & {"integer", "number", "boolean"}:
        kind = "ett sanningsvärde (true eller false)" if "boolean" in types else "ett tal"
        return LoadProblem(
            "S203", node.line, node.col, f"Här krävs {kind}, men '{node.text}' står inom citattecken och är därför text: ta bort citattecknen."
        )
    return _untypable(node, types)
