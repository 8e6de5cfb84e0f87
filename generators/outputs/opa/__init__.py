"""The OPA bundle: "who decides?" for Open Policy Agent, published as rules/v1/opa/bundle.tar.gz.

A standard bundle (https://www.openpolicyagent.org/docs/management-bundles): a gzipped tarball with

- `.manifest`: `revision` (the SHA-256 of the policy and the data, so the same sources give the same
  revision), `roots` (the two paths the bundle owns, neither a prefix of the other) and
  `rego_version` 1;
- `styrdokument/decide/decide.rego`: `package styrdokument.decide`, whose rule `answer` looks the
  answer up (see the file's header for the input and the result);
- `styrdokument/tables/data.json`: `data.styrdokument.tables` = {"decisions": decisions.json's data,
  "attest": every attest chain, precomputed by `chain` (generators/decide/attest_grid.py)}.

The Rego only looks up and joins what the tables hold; every answer is computed in Python, once,
by the code `decide` runs. The bytes are deterministic: members sorted, every mtime 0, owner root,
mode 0644, and a gzip header without a name or a time.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import tarfile
from pathlib import Path
from typing import Any

from generators.decide.attest_grid import attest_grid
from generators.serialize import to_json_bytes

BUNDLE_PATH = "opa/bundle.tar.gz"
POLICY_PACKAGE = "styrdokument/decide"
DATA_ROOT = "styrdokument/tables"
POLICY_MEMBER = f"{POLICY_PACKAGE}/decide.rego"
DATA_MEMBER = f"{DATA_ROOT}/data.json"
ANSWER_PATH = f"{POLICY_PACKAGE}/answer"
POLICY_FILE = Path(__file__).with_name("decide.rego")


def bundle_data(decisions: bytes) -> bytes:
    """`data.styrdokument.tables` as JSON: {"attest": the precomputed attest chains, "decisions":
    decisions.json}. decisions.json's own bytes are put in as they are (already through
    `to_json_bytes`): serialising tens of megabytes of tables a second time would double the cost."""
    tables: dict[str, Any] = json.loads(decisions)
    grid = to_json_bytes(attest_grid(tables.get("attest")))
    return b'{\n"attest": ' + grid.rstrip(b"\n") + b',\n"decisions": ' + decisions.rstrip(b"\n") + b"\n}\n"


def bundle_members(decisions: bytes) -> dict[str, bytes]:
    """The bundle's files, by path, from decisions.json's final bytes."""
    policy = POLICY_FILE.read_bytes()
    data = bundle_data(decisions)
    revision = hashlib.sha256(hashlib.sha256(policy).digest() + hashlib.sha256(data).digest()).hexdigest()
    manifest = {"revision": revision, "roots": [POLICY_PACKAGE, DATA_ROOT], "rego_version": 1}
    return {".manifest": to_json_bytes(manifest), POLICY_MEMBER: policy, DATA_MEMBER: data}


def pack(members: dict[str, bytes]) -> bytes:
    """A deterministic tar.gz of `members` (sorted; fixed times, owners and modes)."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name, content in sorted(members.items()):
            info = tarfile.TarInfo(name)
            info.size = len(content)
            info.mtime = 0
            info.mode = 0o644
            info.uid = info.gid = 0
            info.uname = info.gname = "root"
            tar.addfile(info, io.BytesIO(content))
    packed = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=packed, mtime=0, compresslevel=6) as gz:
        gz.write(raw.getvalue())
    return packed.getvalue()


def render_bundle(decisions: bytes) -> dict[str, bytes]:
    """{BUNDLE_PATH: the bundle's bytes}, from decisions.json's final bytes."""
    return {BUNDLE_PATH: pack(bundle_members(decisions))}


def unpack(bundle: bytes) -> dict[str, bytes]:
    """The files of a bundle, by path (for readers and tests of the published bytes)."""
    with tarfile.open(fileobj=io.BytesIO(bundle), mode="r:gz") as tar:
        members = {}
        for member in tar.getmembers():
            extracted = tar.extractfile(member)
            if extracted is not None:
                members[member.name] = extracted.read()
    return members
