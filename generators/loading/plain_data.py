"""A lossless JSON form of plain Python data, for the memo entries of the disk cache (disk_cache.py).

JSON alone would turn a tuple into a list and a date into a string, and a value read back must be
exactly what the checks computed (`==` and the same types), or a cached run could differ from a
cold one. So every container is written as a JSON array whose first element names its type, and
only these exact types are accepted: None, bool, int, float, str, tuple, list, dict and
datetime.date. Anything else, a subclass included (a NamedTuple, a datetime, an enum, a
dataclass), raises `NotPlain`: such a value is not stored, and the checks compute it again.
"""

from __future__ import annotations

from datetime import date
from typing import Any


class NotPlain(ValueError):
    """The value holds something this form cannot give back exactly (or the text is not this form)."""


_SCALARS = (str, int, float, bool, type(None))


def encode(value: Any) -> Any:
    """`value` in the tagged JSON form (a structure `json.dumps` writes); raises NotPlain."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is tuple:
        return ["t", *(encode(item) for item in value)]
    if kind is list:
        return ["l", *(encode(item) for item in value)]
    if kind is dict:
        flat: list[Any] = ["d"]
        for key, item in value.items():
            flat.append(encode(key))
            flat.append(encode(item))
        return flat
    if kind is date:
        return ["D", value.isoformat()]
    raise NotPlain(f"not plain data: {kind.__name__}")


def decode(value: Any) -> Any:
    """The value `encode` was given; raises NotPlain on anything `encode` does not write."""
    if type(value) is not list:
        if type(value) in _SCALARS:
            return value
        raise NotPlain("not the tagged form")
    # List comprehensions, tuples first: a region's memo holds hundreds of thousands of paths.
    tag = value[0] if value else None
    if tag == "t":
        return tuple([decode(item) for item in value[1:]])
    if tag == "l":
        return [decode(item) for item in value[1:]]
    if tag == "d":
        if len(value) % 2 == 0:
            raise NotPlain("a mapping without a value for its last key")
        items = value[1:]
        return {decode(items[at]): decode(items[at + 1]) for at in range(0, len(items), 2)}
    if tag == "D" and len(value) == 2 and type(value[1]) is str:
        try:
            return date.fromisoformat(value[1])
        except ValueError as error:
            raise NotPlain("not a date") from error
    raise NotPlain("not the tagged form")
