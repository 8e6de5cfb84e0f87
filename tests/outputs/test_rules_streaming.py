"""Rules files written to disk piece by piece (generators/outputs/rules/serialize.py) have exactly the
bytes and digests of the in-memory route (`to_json_bytes`, `index.digest`)."""

from __future__ import annotations

from pathlib import Path

from generators.outputs.rules.index import digest
from generators.outputs.rules.serialize import PublishedFolder
from generators.serialize import to_json_bytes


def test_streamed_json_has_the_bytes_of_to_json_bytes(tmp_path: Path) -> None:
    # Larger than one write block, with text to normalise (NFC), whole floats, nesting and empties.
    data = {
        "b": [{"n": i, "x": float(i), "t": f"A\u0308rende {i} – «citat»", "e": {}, "l": []} for i in range(6000)],
        "a": {"z": None, "y": True, "k\u0308": 1.5},
    }
    folder = PublishedFolder(tmp_path)
    folder.write_json("sub/file.json", data)
    folder.write_bytes("other.bin", b"\x00\x01")
    expected = to_json_bytes(data)
    assert len(expected) > 1 << 17
    assert (tmp_path / "sub" / "file.json").read_bytes() == expected
    assert folder["sub/file.json"] == expected
    assert folder.digest("sub/file.json") == digest(expected)
    assert folder.digest("other.bin") == digest(b"\x00\x01")
    assert list(folder) == ["other.bin", "sub/file.json"] and len(folder) == 2
    assert "missing.json" not in folder
