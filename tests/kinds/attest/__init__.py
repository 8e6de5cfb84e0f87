"""A test-only document kind, `attest` (attesträtter): who may attest payments, up to which amount.

It follows the walkthrough "Add a document kind" in ARCHITECTURE.md: a schema, a model builder, one
check (AT101), a rules file, a page and a `decide` question, all named in this one registration.
`tests/kinds/test_attest_kind.py` adds the registration line to `generators.kinds.REGISTERED` and
proves that every part appears.
"""

from __future__ import annotations

from generators.kinds import CodeFamily, DecidePart, FileClaim, Kind

KIND = Kind(
    name="attest",
    claims=(FileClaim(r"attest\.yaml", "attest.schema.json", "attestreglementet", editor_glob="policies/attest.yaml"),),
    builder="tests.kinds.attest.model:build",
    governed=False,
    schemas_dir="tests/kinds/attest/schemas",
    checks=("tests.kinds.attest.checks",),
    codes=(CodeFamily("AT", "Attest"),),
    rules=("tests.kinds.attest.rules",),
    pages=("tests.kinds.attest.page",),
    decide=DecidePart(table="tests.kinds.attest.decide:build", question="tests.kinds.attest.question"),
)
