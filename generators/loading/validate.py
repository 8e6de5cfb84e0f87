"""Schema validation with every error reported in Swedish, at its line and column."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from generators.diagnostics import JsonPath
from generators.loading.scalar_types import TypedDocument
from generators.loading.schemas import SchemaStore
from generators.loading.yamlstrict import LoadProblem

_TYPE_NAMES = {
    "string": "text",
    "number": "ett tal",
    "integer": "ett heltal",
    "boolean": "true eller false",
    "object": "en mappning (nyckel: värde)",
    "array": "en lista",
    "null": "inget värde",
}


def _type_name(value: Any) -> str:
    if value is None:
        return "inget värde"
    if isinstance(value, bool):
        return "ett sanningsvärde"
    if isinstance(value, int | float):
        return "ett tal"
    if isinstance(value, str):
        return "text"
    return "en lista" if isinstance(value, list) else "en mappning"


def _show(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 60 else text[:57] + "…'"


def validate(store: SchemaStore, schema_name: str, doc: TypedDocument) -> list[tuple[JsonPath, LoadProblem]]:
    """All schema errors of a typed document, each with the JSON path it concerns."""
    if store.fast_validator(schema_name).is_valid(doc.data):
        return []
    validator = store.python_validator(schema_name)
    found: list[tuple[JsonPath, LoadProblem]] = []
    seen: set[tuple[JsonPath, str]] = set()
    for error in validator.iter_errors(doc.data):
        for path, code, message, at_key in _word(error):
            if (path in doc.untyped and code == "S203") or path in doc.silenced:
                continue
            if code == "S202" and path and path[-1] == "<<":
                continue  # the merge key is refused by the reader (L108)  # already reported, better worded, while typing the scalar
            if (path, message) in seen:
                continue
            seen.add((path, message))
            line, col = _position(doc, path, at_key)
            found.append((path, LoadProblem(code, line, col, message)))
    # "No alternative fits" adds nothing where a more precise error already names the problem inside.
    precise_paths = [path for path, problem in found if problem.code != "S209"]
    return [
        (path, problem)
        for path, problem in found
        if problem.code != "S209" or not any(p[: len(path)] == path for p in precise_paths)
    ]


def _position(doc: TypedDocument, path: JsonPath, at_key: bool) -> tuple[int, int]:
    if at_key and path in doc.key_positions:
        return doc.key_positions[path]
    probe = path
    while probe:
        if probe in doc.positions:
            return doc.positions[probe]
        probe = probe[:-1]
    return doc.positions.get((), (1, 1))


def _title(schema: dict[str, Any]) -> str:
    return str(schema.get("title", "")).strip()


def _word(error: Any) -> Iterator[tuple[JsonPath, str, str, bool]]:
    """Yield (path, code, Swedish message, point-at-key) for one jsonschema error."""
    path: JsonPath = tuple(error.absolute_path)
    keyword = error.validator
    schema = error.schema if isinstance(error.schema, dict) else {}
    value = error.instance
    where = f" ({_title(schema)})" if _title(schema) else ""

    if keyword == "required":
        missing = error.validator_value
        present = set(value) if isinstance(value, dict) else set()
        for name in missing:
            if name not in present:
                sub = schema.get("properties", {}).get(name, {})
                label = f" ({sub['title']})" if isinstance(sub, dict) and sub.get("title") else ""
                yield path, "S201", f"Obligatoriskt fält saknas: '{name}'{label}.", False
        return
    if keyword in ("additionalProperties", "unevaluatedProperties"):
        allowed = sorted(schema.get("properties", {}))
        for name in sorted(set(value) - set(allowed)) if isinstance(value, dict) else ():
            close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
            hint = f" Menade du '{close[0]}'?" if close else f" Tillåtna fält här: {', '.join(allowed)}." if allowed else ""
            yield (*path, name), "S202", f"Okänt fält '{name}'.{hint}", True
        return
    if keyword == "type":
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        wanted = " eller ".join(_TYPE_NAMES.get(str(t), str(t)) for t in expected)
        if value is None:
            yield path, "S201", f"Värde saknas{where}: här krävs {wanted}.", False
        else:
            yield path, "S203", f"Fel typ{where}: här krävs {wanted}, men värdet {_show(value)} är {_type_name(value)}.", False
        return
    if keyword in ("enum", "const"):
        options = error.validator_value if keyword == "enum" else [error.validator_value]
        listed = ", ".join(str(o) for o in options)
        close = difflib.get_close_matches(str(value), [str(o) for o in options], n=1, cutoff=0.6)
        hint = f" Menade du '{close[0]}'?" if close else ""
        yield path, "S204", f"Ogiltigt värde {_show(value)}{where}. Tillåtna värden: {listed}.{hint}", False
        return
    if keyword == "format":
        if error.validator_value == "date":
            yield path, "S205", f"{_show(value)} är inget giltigt datum{where}: skriv ett verkligt datum som ÅÅÅÅ-MM-DD.", False
        else:
            yield path, "S205", f"{_show(value)} har inte formatet {error.validator_value}{where}.", False
        return
    if keyword == "pattern" and schema.get("format") == "date" and isinstance(value, str) and value[:4].isdigit() and int(value[:4]) < 1900:
        yield path, "S211", f"Året i {_show(value)}{where} ligger före 1900: skriv ett verkligt datum för ett styrdokument (ÅÅÅÅ-MM-DD).", False
        return
    if keyword == "pattern":
        help_text = schema.get("description", "")
        yield path, "S205", f"{_show(value)} har fel form{where}. {help_text}".rstrip(), False
        return
    if keyword in ("minItems", "maxItems", "minLength", "maxLength", "minimum", "maximum",
                   "exclusiveMinimum", "exclusiveMaximum", "minProperties", "maxProperties", "uniqueItems"):
        yield path, "S208", _limit_message(keyword, error.validator_value, value, where), False
        return
    if keyword in ("oneOf", "anyOf") and error.context:
        precise = _precise_alternative_errors(error)
        if precise:
            for sub in precise:
                yield from _word(sub)
            return
    if keyword == "not" and isinstance(value, dict):
        forbidden = sorted(name for name in _required_names(error.validator_value) if name in value)
        if forbidden:
            for name in forbidden:
                yield (*path, name), "S202", f"Fältet '{name}' hör inte hemma här{where}: det används inte i den här sortens värde.", True
            return
    if keyword in ("oneOf", "anyOf", "not"):
        description = schema.get("description", "")
        title = _title(schema)
        lead = f"Värdet passar inte in som {title[:1].lower() + title[1:]}." if title else "Värdet passar inte något av de tillåtna alternativen."
        yield path, "S209", f"{lead} {description}".rstrip(), False
        return
    yield path, "S200", f"Värdet uppfyller inte schemat{where}: {error.message}", False


def _required_names(schema: Any) -> set[str]:
    """The property names a `not` forbids: `not: {anyOf: [{required: [x]}, ...]}` or `not: {required: [x]}`."""
    if not isinstance(schema, dict):
        return set()
    names = set(schema.get("required", ()))
    # A schema's lists are JSON arrays (Python lists): never concatenate them with a tuple default.
    for keyword in ("anyOf", "oneOf"):
        alternatives = schema.get(keyword)
        for sub in alternatives if isinstance(alternatives, list) else ():
            names |= _required_names(sub)
    return names


_PRECISE = ("additionalProperties", "enum", "format", "pattern")


def _precise_alternative_errors(error: Any) -> list[Any]:
    """Inside oneOf/anyOf, a typo'd key or a bad enum value says more than "no alternative fits"."""
    flat: list[Any] = []
    stack = list(error.context)
    while stack:
        sub = stack.pop()
        flat.append(sub)
        stack.extend(sub.context or ())
    for keyword in _PRECISE:
        hits = [sub for sub in flat if sub.validator == keyword]
        if hits:
            return hits[:1]
    return []


def _limit_message(keyword: str, limit: Any, value: Any, where: str) -> str:
    messages = {
        "minItems": f"Listan{where} måste ha minst {limit} element.",
        "maxItems": f"Listan{where} får ha högst {limit} element.",
        "minLength": f"Texten{where} måste ha minst {limit} tecken.",
        "maxLength": f"Texten{where} får ha högst {limit} tecken.",
        "minimum": f"Värdet {_show(value)}{where} får inte vara mindre än {limit}.",
        "maximum": f"Värdet {_show(value)}{where} får inte vara större än {limit}.",
        "exclusiveMinimum": f"Värdet {_show(value)}{where} måste vara större än {limit}.",
        "exclusiveMaximum": f"Värdet {_show(value)}{where} måste vara mindre än {limit}.",
        "minProperties": f"Mappningen{where} måste ha minst {limit} fält.",
        "maxProperties": f"Mappningen{where} får ha högst {limit} fält.",
        "uniqueItems": f"Listan{where} innehåller samma värde flera gånger.",
    }
    return messages[keyword]
