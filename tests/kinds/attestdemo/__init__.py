"""A test-only document kind, `attest` (attesträtter): who may attest payments, up to which amount.

It follows the walkthrough "Add a document kind" in ARCHITECTURE.md: a schema, a model builder, one
check (ZA101), a rules file, a page and a `decide` question, all named in this one registration.
`tests/kinds/test_attest_kind.py` adds the registration line to `generators.kinds.REGISTERED` and
proves that every part appears.
"""

from __future__ import annotations

from generators.kinds import CodeFamily, DecidePart, FileClaim, Kind

KIND = Kind(
    name="attestdemo",
    claims=(FileClaim(r"attestdemo\.yaml", "attestdemo.schema.json", "testtypen för attesträtter", editor_glob="policies/attestdemo.yaml"),),
    builder="tests.kinds.attestdemo.model:build",
    governed=False,
    schemas_dir="tests/kinds/attestdemo/schemas",
    checks=("tests.kinds.attestdemo.checks",),
    codes=(CodeFamily("ZA", "Attest (testtyp)"),),
    rules=("tests.kinds.attestdemo.rules",),
    pages=("tests.kinds.attestdemo.page",),
    decide=DecidePart(table="tests.kinds.attestdemo.decide:build", question="tests.kinds.attestdemo.question"),
)
