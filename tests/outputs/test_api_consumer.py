"""A consumer of the rules API v1 written only from the developer page (json-regler): it knows the
paths, the manifest, the decision tables' parts, the feed's `_changes` and the lookup the page and
the decisions schema describe, and nothing of the project's code. It talks HTTP to a local server
(loopback only) that serves rules built as of 2027-06-01, after kommunstyrelsen's 2026:1 ended.

It fetches the feed, detects a changed limit, answers for a date inside the ended version, and its
answer to every delegation behaviour case (tests/decisions/delegation.yaml, those without edits)
equals `decide --policies`: the same decision maker and tier, or no answer where decide has none.
"""

from __future__ import annotations

import functools
import hashlib
import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from generators.decide.engine import Decider
from generators.decide.sources import build_from_policies
from generators.loading.documents import load_policies
from generators.model import build_model
from generators.outputs.rules import render_rules
from tests.conftest import EXAMPLE_POLICIES
from tests.decide.test_decision_cases import ALL_CASES, ask, asks_the_example

LATER = date(2027, 6, 1)


# -- the consumer (standard library only, as on the developer page) ----------------------------------
class Consumer:
    def __init__(self, rules_url: str) -> None:
        self.rules_url = rules_url  # …/rules/v1/
        self.index = self.json("index.json")
        if self.index["format_version"].split(".")[0] != "1":
            raise RuntimeError("unknown major version")
        self.parts_index = self.json("decisions/index.json")
        self.parts: dict[str, Any] = {}

    def raw(self, path: str) -> bytes:
        with urllib.request.urlopen(self.rules_url + path) as response:
            return bytes(response.read())

    def json(self, path: str) -> Any:
        return json.loads(self.raw(path))

    def checked(self, path: str, sha256: str) -> Any:
        data = self.raw(path)
        if hashlib.sha256(data).hexdigest() != sha256:
            raise RuntimeError(f"{path} does not match its digest")
        return json.loads(data)

    def changed_limits(self) -> list[tuple[str, str]]:
        """(document/version, matter id) of every matter whose tiers (limits) changed, from the feed."""
        feed = self.json("changes.json")
        found = []
        for item in feed["items"]:
            for change in item["_changes"]["changes"]["changed"]:
                if change["id"].startswith("matters/") and "tiers" in change["fields"]:
                    found.append((item["_changes"]["id"], change["id"].removeprefix("matters/")))
        return found

    def delegation_table(self, body: str) -> dict[str, Any] | None:
        """The body's part of the decision tables (decisions/delegation/<body>.json)."""
        if body not in self.parts:
            entry = next((e for e in self.parts_index["parts"] if e["table"] == "delegation" and e["body"] == body), None)
            self.parts[body] = None if entry is None else self.checked(entry["path"], entry["sha256"])["delegation"]
        return self.parts[body]

    def who_decides(self, body: str, matter: str, amount: float | None, day: str) -> tuple[str, int] | None:
        """The page's lookup: matters[M] → the version with valid_from ≤ D ≤ valid_to → the period with
        from ≤ D ≤ to → no answer if the amount is outside the period's direct_procurement limit → the
        first tier that holds the amount, each bound inclusive or not as published (`above_inclusive`,
        `up_to_inclusive`). (decision maker key, tier)."""
        table = self.delegation_table(body)
        if table is None or matter not in table["matters"]:
            return None
        for version in table["matters"][matter]:
            if version["body"] != body or version["valid_from"] > day or (version["valid_to"] and day > version["valid_to"]):
                continue
            if version["matter"]["execution_only"]:
                return None
            for period in version["periods"]:
                if period["from"] > day or (period["to"] and day > period["to"]) or not period["known"]:
                    continue
                tiers = period["tiers"]
                if amount is None and len(tiers) != 1:
                    return None  # an amount is needed
                direct = period["direct_procurement"]  # the schema: outside the law's limit is not_allowed
                if amount is not None and direct is not None and (
                        amount >= direct["limit"] if direct["comparison"] == "below" else amount > direct["limit"]):
                    return None
                for tier in tiers:
                    above_ok = tier["above"] is None or amount is None or amount > tier["above"] or (amount == tier["above"] and tier["above_inclusive"])
                    up_to_ok = tier["up_to"] is None or amount is None or amount < tier["up_to"] or (amount == tier["up_to"] and tier["up_to_inclusive"])
                    if amount is None or (above_ok and up_to_ok):
                        return tier["decided_by"]["key"], tier["index"]
                return None
        return None


# -- serving the published files ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def consumer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Consumer]:
    site = tmp_path_factory.mktemp("site")
    for relative, data in render_rules(build_model(load_policies(EXAMPLE_POLICIES)), LATER, None).items():
        target = site / "rules" / "v1" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Consumer(f"http://127.0.0.1:{server.server_address[1]}/rules/v1/")
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def decide() -> Decider:
    return Decider(build_from_policies(EXAMPLE_POLICIES))


def test_consumer_detects_the_changed_limit_in_the_feed(consumer: Consumer) -> None:
    assert ("ks-delegationsordning/2027:1", "ks-upphandling-tilldelning") in consumer.changed_limits()


def test_consumer_answers_inside_an_ended_version(consumer: Consumer, decide: Decider) -> None:
    ended = [d for f in consumer.index["files"] for d in f["documents"] if d["valid_to"] and d["valid_to"] < LATER.isoformat()]
    assert ("ks-delegationsordning", "2026:1") in {(d["id"], d["version"]) for d in ended}
    for day, expected in (("2026-12-31", "body:ks_arbetsutskott"), ("2027-01-01", "position:kommundirektor")):
        answer = consumer.who_decides("kommunstyrelsen", "ks-upphandling-tilldelning", 5_500_000, day)
        assert answer is not None and answer[0] == expected
        reference = decide.delegation("ks-upphandling-tilldelning", 5_500_000, day, "kommunstyrelsen", None).to_json()
        assert answer == (reference["answer"]["decided_by"]["key"], reference["answer"]["tier"])


DELEGATION_CASES = [c for c in ALL_CASES if c.spec["ask"]["kind"] == "delegation" and asks_the_example(c.spec) and c.spec["ask"].get("matter")]


@pytest.mark.parametrize("case", DELEGATION_CASES, ids=[c.name for c in DELEGATION_CASES])
def test_consumer_answers_like_decide(case: Any, consumer: Consumer, decide: Decider) -> None:
    question = case.spec["ask"]
    reference = ask(decide, question).to_json()
    mine = consumer.who_decides(question["body"], question["matter"], question.get("amount"), str(question["date"]))
    if reference["status"] == "answered" and reference["answer"].get("decided_by"):
        assert mine == (reference["answer"]["decided_by"]["key"], reference["answer"]["tier"])
    else:
        assert mine is None, reference["status"]


def test_an_unknown_body_is_a_404(consumer: Consumer) -> None:
    with pytest.raises(urllib.error.HTTPError):
        consumer.raw("decisions/delegation/finns-inte.json")
    assert consumer.delegation_table("finns-inte") is None
