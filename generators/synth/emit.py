"""Writing the synthetic tree: YAML text that the strict loader accepts, byte-identical for a seed.

PyYAML's emitter quotes every string that YAML 1.1 would read as something else (`NO`, `1.10`,
`2026-01-01`, `2026:1`), so the strict loader reads back exactly the text written. Collections of
plain values are written in flow style (`{position: socialchef}`), the rest in block style, the way
the example policies are written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

try:  # libyaml's emitter is an order of magnitude faster; both write the same text.
    _Base: Any = yaml.CSafeDumper
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Base = yaml.SafeDumper


class _Dumper(_Base):
    """Never anchors and aliases (the strict loader refuses them): a value used twice is written twice."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _short(value: Any, longest: int) -> bool:
    if isinstance(value, dict):
        return len(value) <= 4 and all(_short(v, 40) for v in value.values())
    if isinstance(value, list):
        return False
    return not isinstance(value, str) or len(value) <= longest


def _represent_dict(dumper: Any, data: dict[str, Any]) -> Any:
    # Small records on one line ({position: socialchef}, amounts, legal references, conditions);
    # anything with long text or lists in block style, one key per line.
    flow = len(data) <= 4 and all(_short(v, 130) for v in data.values())
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=flow)


def _represent_list(dumper: Any, data: list[Any]) -> Any:
    flow = all(isinstance(v, str) and len(v) <= 40 for v in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(dict, _represent_dict)
_Dumper.add_representer(list, _represent_list)


def to_yaml(data: Any, schema: str, comments: list[str]) -> str:
    header = [f"# yaml-language-server: $schema={schema}"] + [f"# {line}" for line in comments]
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=200)
    return "\n".join(header) + "\n\n" + body


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
