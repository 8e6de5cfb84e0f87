"""The one way a rules file becomes bytes: normalised data through `json.dumps`.

Normalising before dumping (not after) means the bytes never depend on how a value happened to be
typed or composed in the YAML: text is NFC (so `ä` written as `a` + combining diaeresis and `ä`
written as one code point publish identically), and a whole number is an int (`3.0` → `3`).
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any


def normalise(value: Any) -> Any:
    """A JSON-ready copy of `value`: NFC text (keys too), whole numbers as int, dates ISO."""
    # The exact built-in types first, by identity: the decision tables are about a million values, and
    # the isinstance chain below (an abc check for Mapping) was most of their building time.
    kind = type(value)
    if kind is str:
        return unicodedata.normalize("NFC", value)
    if kind is dict:
        return _normalise_mapping(value)
    if kind is list or kind is tuple:
        return [normalise(item) for item in value]
    if value is None or kind is bool or kind is int:
        return value
    return _normalise_other(value)


def _normalise_mapping(value: Mapping[Any, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, item in value.items():
        if not isinstance(key, str):
            raise TypeError(f"JSON keys are text, not {type(key).__name__}: {key!r}")
        normal_key = unicodedata.normalize("NFC", key)
        if normal_key in out:
            raise ValueError(f"two keys are the same text after NFC normalisation: {key!r}")
        out[normal_key] = normalise(item)
    return out


def _normalise_other(value: Any) -> Any:
    """Subclasses of the built-in types and the other types a rules file may hold."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else normalise(float(value))
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"not a finite number: {value!r}")
        return int(value) if value.is_integer() else value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return _normalise_mapping(value)
    if isinstance(value, (list, tuple)):
        return [normalise(item) for item in value]
    raise TypeError(f"cannot publish a {type(value).__name__} as JSON: {value!r}")


def to_json_bytes(data: Any) -> bytes:
    """Sorted keys, two-space indent, UTF-8 without escapes, one trailing newline."""
    text = json.dumps(normalise(data), sort_keys=True, ensure_ascii=False, indent=2, allow_nan=False)
    return (text + "\n").encode("utf-8")



def parse_json(text: str | bytes) -> Any:
    """`json.loads` for files from outside (`decide --rules`): nesting too deep for the parser (its
    RecursionError) and the non-standard constants NaN and Infinity are a ValueError like any other
    malformed JSON, so the caller's error handling sees them."""

    def refuse(constant: str) -> Any:
        raise ValueError(f"{constant} är inte giltig JSON")

    try:
        return json.loads(text, parse_constant=refuse)
    except RecursionError:
        raise ValueError("för djupt nästlad (fler nivåer än tolken klarar)") from None
