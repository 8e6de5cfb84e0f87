"""The JSON rules API: schema-valid, reproducible, NFC, sorted, with honest kronor conversions.

Expectations are derived from the model built from the example policies, never hard-coded from
their current content, so the tests hold while the example grows.
"""

from __future__ import annotations

import copy
import hashlib
import json
import unicodedata
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from generators.loading.documents import load_policies
from generators.model import Model, build_model
from generators.model.delegation import DelegationOrder, Matter
from generators.outputs.opa import BUNDLE_PATH, unpack
from generators.outputs.rules import RULES_FORMAT_VERSION, render_rules
from generators.outputs.rules.registry import SCHEMA_ID_BASE, rules_files
from generators.paths import SCHEMAS_DIR
from generators.pipeline import load_and_check
from generators.serialize import normalise, to_json_bytes
from tests.conftest import EXAMPLE_POLICIES as POLICIES

AS_OF = date(2026, 11, 23)
COMMIT = "0123456789abcdef0123456789abcdef01234567"


@pytest.fixture(scope="module")
def model() -> Model:
    return load_and_check(POLICIES, AS_OF).model


@pytest.fixture(scope="module")
def published(model: Model) -> dict[str, bytes]:
    return render_rules(model, AS_OF, COMMIT)


@pytest.fixture(scope="module")
def files(published: dict[str, bytes]) -> dict[str, Any]:
    return {path: json.loads(data) for path, data in published.items() if path.endswith(".json")}


def _validator(published: dict[str, bytes], schema_path: str) -> Draft202012Validator:
    schemas = [json.loads(data) for path, data in published.items() if path.startswith("schemas/")]
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas)
    return Draft202012Validator(
        json.loads(published[schema_path]), registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _numbers(value: Any) -> Iterator[int | float]:
    if isinstance(value, bool):
        return
    if isinstance(value, (int, float)):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _numbers(item)
    elif isinstance(value, list):
        for item in value:
            yield from _numbers(item)


def _tiered_prisbasbelopp_matters(model: Model, day: date) -> list[tuple[DelegationOrder, Matter]]:
    return [
        (order, matter)
        for order in model.delegations_in_force(day)
        for matter in order.matters
        if len(matter.tiers) >= 2 and all(a.unit == "prisbasbelopp" for t in matter.tiers for a in (t.above, t.up_to) if a)
    ]


def _json_document(files: dict[str, Any], document_id: str, version: str) -> dict[str, Any]:
    found = [d for d in files["delegation.json"]["documents"] if (d["document"]["id"], d["document"]["version"]) == (document_id, version)]
    assert len(found) == 1, f"{document_id} {version} published {len(found)} times"
    return found[0]


# -- files, schemas, manifest --------------------------------------------------------------------
def test_the_expected_files_are_published(published: dict[str, bytes]) -> None:
    names = {f.name for f in rules_files()}
    assert {"organisation", "delegation", "reference"} <= names
    for name in names:
        assert f"{name}.json" in published
        assert f"schemas/rules-{name}.schema.json" in published
    assert "index.json" in published
    assert "schemas/rules-index.schema.json" in published


def test_every_published_file_validates_against_its_schema(published: dict[str, bytes], files: dict[str, Any]) -> None:
    for path, data in published.items():
        if path.startswith("schemas/"):
            Draft202012Validator.check_schema(json.loads(data))
    pairs = [(f["path"], f["schema"]) for f in files["index.json"]["files"]] + [("index.json", "schemas/rules-index.schema.json")]
    # The decision tables' parts are listed in decisions/index.json (see test_decision_parts_…).
    pairs += [("decisions/index.json", "schemas/rules-decisions-index.schema.json")]
    pairs += [(e["path"], "schemas/rules-decisions.schema.json") for e in files["decisions/index.json"]["parts"]]
    feeds = {entry["path"] for entry in files["index.json"]["feeds"].values()}
    # The OPA bundle is no JSON file; tests/outputs/test_opa_bundle.py opens and checks it.
    assert {p for p, _ in pairs} | feeds | {"openapi.json", BUNDLE_PATH} == {p for p in published if not p.startswith("schemas/")}
    for path, schema_path in pairs:
        errors = sorted(_validator(published, schema_path).iter_errors(files[path]), key=lambda e: list(e.absolute_path))
        assert not errors, f"{path}: " + "; ".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def test_schemas_are_strict(published: dict[str, bytes], files: dict[str, Any]) -> None:
    """The schemas bite: an unknown key, a missing key and a wrong type are all rejected."""
    validator = _validator(published, "schemas/rules-delegation.schema.json")
    extra = copy.deepcopy(files["delegation.json"])
    extra["decision_table"][0]["approved"] = True
    assert any(e.validator == "additionalProperties" for e in validator.iter_errors(extra))
    missing = copy.deepcopy(files["delegation.json"])
    del missing["documents"][0]["matters"][0]["kind"]
    assert any(e.validator == "required" for e in validator.iter_errors(missing))
    wrong = copy.deepcopy(files["delegation.json"])
    wrong["documents"][0]["document"]["valid_from"] = "2026-02-30"
    assert not validator.is_valid(wrong)


def test_schema_files_are_the_repository_schemas_with_swedish_titles(published: dict[str, bytes]) -> None:
    for path, data in published.items():
        if not path.startswith("schemas/"):
            continue
        name = path.removeprefix("schemas/")
        source = (SCHEMAS_DIR / name).read_bytes()
        # Only the $id differs: without a site address it is the bare file name (relative).
        assert data == source.replace(f'"$id": "{SCHEMA_ID_BASE}{name}"'.encode(), f'"$id": "{name}"'.encode())
        schema = json.loads(data)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"] == name
        assert json.loads(source)["$id"] == f"{SCHEMA_ID_BASE}{name}"
        assert any(letter in schema["description"] for letter in "åäö")


def test_schema_ids_are_their_address_on_the_site(model: Model) -> None:
    """With the site's address (mkdocs site_url) every $id is where the schema is published, no
    placeholder host is left, and the schemas still validate the files through their relative $refs."""
    base = "https://kommun.github.io/styrdokument/"
    published = render_rules(model, AS_OF, COMMIT, base)
    for path, data in published.items():
        assert b"styrdokument.example" not in data, path
        if path.startswith("schemas/"):
            assert json.loads(data)["$id"] == f"{base}rules/v1/{path}"
    files = {path: json.loads(data) for path, data in published.items() if path.endswith(".json")}
    for entry in files["index.json"]["files"]:
        _validator(published, entry["schema"]).validate(files[entry["path"]])


def test_every_object_in_the_schemas_is_closed(published: dict[str, bytes]) -> None:
    """Records allow no unknown key; maps (per year, per seat) constrain both their keys and values."""

    def walk(node: Any, where: str) -> Iterator[str]:
        if isinstance(node, dict):
            types = node.get("type")
            if types == "object" or (isinstance(types, list) and "object" in types):
                if "properties" in node:
                    if node.get("additionalProperties") is not False:
                        yield where
                    if sorted(node.get("required", [])) != sorted(node["properties"]):
                        yield f"{where} (not every key required)"
                elif not (isinstance(node.get("additionalProperties"), dict) and "propertyNames" in node):
                    yield where
            for key, child in node.items():
                yield from walk(child, f"{where}/{key}")
        elif isinstance(node, list):
            for i, child in enumerate(node):
                yield from walk(child, f"{where}/{i}")

    open_objects = [w for path, data in published.items() if path.startswith("schemas/") for w in walk(json.loads(data), path)]
    assert not open_objects


def test_index_matches_the_published_bytes(published: dict[str, bytes], files: dict[str, Any], model: Model) -> None:
    index = files["index.json"]
    assert index["format_version"] == RULES_FORMAT_VERSION
    assert index["as_of"] == AS_OF.isoformat()
    assert index["source_commit"] == COMMIT
    assert model.organisation is not None
    assert index["municipality"] == {"id": model.organisation.municipality["id"], "name": model.organisation.municipality["name"]}
    listed = index["files"] + index["schemas"] + [index["decision_parts"], index["opa_bundle"], *index["feeds"].values()]
    parts = [entry["path"] for entry in json.loads(published["decisions/index.json"])["parts"]]
    assert sorted([entry["path"] for entry in listed] + parts) == sorted(p for p in published if p not in ("index.json", "openapi.json"))
    for entry in listed:
        data = published[entry["path"]]
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert entry["size"] == len(data)
    for entry in index["files"]:
        assert entry["schema"] in published
        for document in entry["documents"]:
            assert document["valid_from"] is not None


def test_index_lists_every_published_delegation_version(files: dict[str, Any]) -> None:
    entry = next(f for f in files["index.json"]["files"] if f["path"] == "delegation.json")
    in_file = [(d["document"]["id"], d["document"]["version"], d["document"]["valid_from"], d["document"]["valid_to"]) for d in files["delegation.json"]["documents"]]
    in_index = [(d["id"], d["version"], d["valid_from"], d["valid_to"]) for d in entry["documents"]]
    assert in_index == in_file
    assert len(in_file) >= 2


# -- reproducibility and form --------------------------------------------------------------------
def test_two_renders_are_byte_identical(published: dict[str, bytes]) -> None:
    rebuilt = build_model(load_policies(POLICIES))
    assert render_rules(rebuilt, AS_OF, COMMIT) == published
    assert render_rules(rebuilt, AS_OF, COMMIT) == render_rules(rebuilt, AS_OF, COMMIT)


def test_commit_and_as_of_come_from_the_caller(model: Model, published: dict[str, bytes]) -> None:
    without_commit = render_rules(model, AS_OF, None)
    assert json.loads(without_commit["index.json"])["source_commit"] is None
    assert json.loads(without_commit["delegation.json"])["source_commit"] is None
    later = render_rules(model, date(2031, 1, 1), COMMIT)
    assert json.loads(later["index.json"])["as_of"] == "2031-01-01"
    assert later["delegation.json"] != published["delegation.json"]


def test_keys_are_sorted_and_the_form_is_canonical(published: dict[str, bytes]) -> None:
    def sorted_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [k for k, _ in pairs]
        assert keys == sorted(keys), f"unsorted keys: {keys}"
        return dict(pairs)

    for path, data in published.items():
        if path.startswith("schemas/") or not path.endswith(".json"):
            continue
        parsed = json.loads(data, object_pairs_hook=sorted_pairs)
        canonical = json.dumps(parsed, sort_keys=True, ensure_ascii=False, indent=2) + "\n"
        assert data == canonical.encode("utf-8"), path
        assert data.endswith(b"}\n") and not data.endswith(b"\n\n")


def test_no_float_where_an_int_is_meant(files: dict[str, Any]) -> None:
    floats = [n for path, data in files.items() if not path.startswith("schemas/") for n in _numbers(data) if isinstance(n, float)]
    assert all(not n.is_integer() for n in floats), [n for n in floats if n.is_integer()]
    assert normalise({"a": 3.0, "b": [2.5, 7]}) == {"a": 3, "b": [2.5, 7]}
    assert to_json_bytes({"b": 3.0, "a": "x"}) == b'{\n  "a": "x",\n  "b": 3\n}\n'


def test_output_text_is_nfc_even_when_the_policies_are_nfd(policies_copy: Path, published: dict[str, bytes]) -> None:
    target = policies_copy / "delegation" / "kommunstyrelsen.yaml"
    text = target.read_text(encoding="utf-8")
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    target.write_text(decomposed, encoding="utf-8")

    nfd_model = build_model(load_policies(policies_copy))
    order = next(o for o in nfd_model.delegations if o.source.file.endswith("delegation/kommunstyrelsen.yaml"))
    nfd_titles = [m.title for m in order.matters if unicodedata.normalize("NFC", m.title) != m.title]
    assert nfd_titles, "the model should carry the decomposed text the file was written in"

    rendered = render_rules(nfd_model, AS_OF, COMMIT)
    for path, data in rendered.items():
        if path == BUNDLE_PATH:  # a tar.gz: every file in it
            for name, content in unpack(data).items():
                assert unicodedata.is_normalized("NFC", content.decode("utf-8")), f"{path}: {name}"
            continue
        if not path.endswith(".json"):
            assert unicodedata.is_normalized("NFC", data.decode("utf-8")), path
            continue
        for string in _strings(json.loads(data)):
            assert unicodedata.is_normalized("NFC", string), f"{path}: {string!r}"
    # The same text, composed or decomposed, publishes the same bytes.
    assert rendered["delegation.json"] == published["delegation.json"]


# -- delegation content --------------------------------------------------------------------------
def test_tiered_matter_converts_prisbasbelopp_to_kronor(model: Model, files: dict[str, Any]) -> None:
    day = date(2026, 1, 1)
    candidates = _tiered_prisbasbelopp_matters(model, day)
    assert candidates, "the example should have a tiered matter in prisbasbelopp"
    prisbasbelopp = model.reference.value_on("prisbasbelopp", day)
    assert prisbasbelopp is not None and prisbasbelopp.value
    for order, matter in candidates:
        published_matter = next(m for m in _json_document(files, order.meta.id, order.meta.version)["matters"] if m["id"] == matter.id)
        rows = [r for r in files["delegation.json"]["decision_table"]
                if r["matter_id"] == matter.id and r["document_version"] == order.meta.version and r["grant"] == "delegation"]
        assert [r["tier"] for r in rows] == list(range(len(matter.tiers)))
        for tier, tier_json, row in zip(matter.tiers, published_matter["tiers"], rows, strict=True):
            for name, amount in (("above", tier.above), ("up_to", tier.up_to)):
                if amount is None:
                    assert tier_json[name] is None and row["sek_by_year"]["2026"][name] is None
                    continue
                expected = amount.amount * prisbasbelopp.value
                assert tier_json[name]["amount"] == amount.amount
                assert tier_json[name]["unit"] == "prisbasbelopp"
                assert tier_json[name]["sek_by_year"]["2026"] == expected
                assert row["sek_by_year"]["2026"][name] == expected
                inclusive = amount.upper_inclusive if name == "up_to" else amount.lower_inclusive
                assert row[name] == {"amount": amount.amount, "unit": "prisbasbelopp", "inclusive": inclusive}
                assert tier_json[f"{name}_comparison"] == ("at_most" if name == "up_to" else "above")
            assert row["delegate_key"] == tier.delegates[0].key


def test_decision_table_answers_who_decides_by_lookup(model: Model, files: dict[str, Any]) -> None:
    """The documented lookup: a limit itself belongs to the lower tier (up_to inclusive, above exclusive)."""
    table = files["delegation.json"]["decision_table"]

    def who(matter_id: str, amount: float, day: date) -> list[str | None]:
        hits = []
        for row in table:
            if row["matter_id"] != matter_id or row["grant"] != "delegation":
                continue
            if not (row["valid_from"] <= day.isoformat() and (row["valid_to"] is None or day.isoformat() <= row["valid_to"])):
                continue
            bounds = row["sek_by_year"].get(str(day.year))
            if bounds is None:
                continue
            if (bounds["above"] is None or amount > bounds["above"]) and (bounds["up_to"] is None or amount <= bounds["up_to"]):
                hits.append(row["delegate_key"])
        return hits

    day = date(2026, 6, 15)
    for _order, matter in _tiered_prisbasbelopp_matters(model, day):
        for index, tier in enumerate(matter.tiers):
            if tier.up_to is None:
                continue
            limit = model.reference.to_sek(tier.up_to.amount, "prisbasbelopp", day)
            assert limit is not None
            assert who(matter.id, limit, day) == [tier.delegates[0].key]
            assert who(matter.id, limit + 1, day) == [matter.tiers[index + 1].delegates[0].key]
        assert who(matter.id, 1, day) == [matter.tiers[0].delegates[0].key]


def test_every_matter_of_every_published_version_has_rows(model: Model, files: dict[str, Any]) -> None:
    table = files["delegation.json"]["decision_table"]
    ids = [r["id"] for r in table]
    assert len(ids) == len(set(ids))
    for document in files["delegation.json"]["documents"]:
        meta = document["document"]
        rows = {(r["matter_id"], r["tier"]) for r in table if r["document_id"] == meta["id"] and r["document_version"] == meta["version"] and r["grant"] == "delegation"}
        expected = {(m["id"], t["index"]) for m in document["matters"] for t in m["tiers"]} | {(m["id"], None) for m in document["matters"] if not m["tiers"]}
        assert rows == expected
        further = {(f["id"], f["matter"]) for f in document["further_delegations"]}
        further_rows = {(r["further_delegation_id"], r["matter_id"]) for r in table
                        if r["document_id"] == meta["id"] and r["document_version"] == meta["version"] and r["grant"] == "further_delegation"}
        assert further_rows == {(fid, mid) for fid, mid in further if mid in {m["id"] for m in document["matters"]}}
    assert any(r["grant"] == "further_delegation" for r in table), "the example has decisions on vidaredelegation"


def test_further_delegation_rows_stay_within_the_granted_mandate(model: Model, files: dict[str, Any]) -> None:
    table = files["delegation.json"]["decision_table"]
    seen = 0
    for order in model.delegations_in_force(AS_OF):
        matters = {m.id: m for m in order.matters}
        for further in order.further_delegations:
            matter = matters[further.matter]
            row = next(r for r in table if r["further_delegation_id"] == further.id and r["document_version"] == order.meta.version
                       and r["document_id"] == order.meta.id)
            assert row["delegate_key"] == further.to.key and row["granted_by_key"] == further.by.key
            assert row["valid_from"] == max(order.meta.valid_from, further.decided).isoformat()
            if further.limit is not None:
                expected = {"amount": further.limit.amount, "unit": further.limit.unit, "inclusive": further.limit.upper_inclusive}
            elif not matter.tiers and matter.limit is not None:
                expected = {"amount": matter.limit.amount, "unit": matter.limit.unit, "inclusive": matter.limit.upper_inclusive}
            elif not matter.tiers:
                expected = None
            else:
                continue
            assert row["up_to"] == expected
            seen += 1
    assert seen > 0


def test_adopted_future_version_is_published_not_in_force(model: Model, files: dict[str, Any]) -> None:
    future = [o for o in model.delegations if o.meta.status == "antagen" and o.meta.valid_from > AS_OF]
    assert future, "the example should have an adopted delegationsordning still to come (kommunstyrelsen.2027.yaml)"
    for order in future:
        document = _json_document(files, order.meta.id, order.meta.version)
        assert document["document"]["in_force_on_as_of"] is False
        assert document["document"]["valid_from"] == order.meta.valid_from.isoformat()
        assert [m["id"] for m in document["matters"]] == [m.id for m in order.matters]
        rows = [r for r in files["delegation.json"]["decision_table"] if r["document_id"] == order.meta.id and r["document_version"] == order.meta.version]
        assert rows and all(r["in_force_on_as_of"] is False for r in rows)
        current = [o for o in model.delegations_in_force(AS_OF) if o.meta.id == order.meta.id]
        for in_force in current:
            assert _json_document(files, in_force.meta.id, in_force.meta.version)["document"]["in_force_on_as_of"] is True


def _prisbasbelopp_amounts(files: dict[str, Any]) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(document metadata, amount) for every published amount in prisbasbelopp."""
    for document in files["delegation.json"]["documents"]:
        for matter in document["matters"]:
            amounts = [matter["limit"]] + [t[k] for t in matter["tiers"] for k in ("above", "up_to")]
            for amount in amounts:
                if amount and amount["unit"] == "prisbasbelopp":
                    yield document["document"], amount


def test_kronor_are_never_invented_for_a_year_without_a_published_value(model: Model, files: dict[str, Any]) -> None:
    series = model.reference.get("prisbasbelopp")
    assert series is not None
    reach = max(v.valid_from.year for v in series.values)
    checked = 0
    for meta, amount in _prisbasbelopp_amounts(files):
        for year, value in amount["sek_by_year"].items():
            first_day = max(date(int(year), 1, 1), date.fromisoformat(meta["valid_from"]))
            in_force = series.value_on(first_day)
            assert in_force is not None and not in_force.unknown and in_force.value is not None
            assert int(year) <= reach
            assert value == amount["amount"] * in_force.value
            checked += 1
        first = date.fromisoformat(meta["valid_from"])
        start_value = series.value_on(first)
        if start_value is None or start_value.unknown:
            assert str(first.year) not in amount["sek_by_year"]
    assert checked > 0


def test_last_years_prisbasbelopp_is_not_carried_into_an_unpublished_year(policies_copy: Path, model: Model) -> None:
    """With no entry at all for a later year (not even `unknown: true`), that year still gets no kronor."""
    import yaml

    series = model.reference.get("prisbasbelopp")
    assert series is not None
    last_known = max(v.valid_from.year for v in series.values if not v.unknown)
    path = policies_copy / "reference" / "prisbasbelopp.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["values"] = [v for v in data["values"] if int(v["valid_from"][:4]) <= last_known]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    trimmed = build_model(load_policies(policies_copy))
    assert max(v.valid_from.year for v in trimmed.reference.series["prisbasbelopp"].values) == last_known
    open_ended = [o for o in trimmed.delegations if o.meta.status == "antagen" and (o.meta.valid_to is None or o.meta.valid_to.year > last_known)]
    assert open_ended, "the example should have a delegationsordning valid beyond the last published prisbasbelopp"
    rendered = json.loads(render_rules(trimmed, date(last_known + 1, 3, 1), COMMIT)["delegation.json"])
    amounts = list(_prisbasbelopp_amounts({"delegation.json": rendered}))
    assert amounts
    for _, amount in amounts:
        assert all(int(year) <= last_known for year in amount["sek_by_year"])
    for row in rendered["decision_table"]:
        if any(b and b["unit"] == "prisbasbelopp" for b in (row["above"], row["up_to"])):
            assert all(int(year) <= last_known for year in row["sek_by_year"])


def test_ended_versions_stay_published_with_their_validity(model: Model) -> None:
    """Point-in-time history (API v1): every adopted version is published, ended ones too, and says
    whether it is in force on the as-of date."""
    later = date(2027, 6, 1)
    rendered = json.loads(render_rules(model, later, COMMIT)["delegation.json"])
    published = {(d["document"]["id"], d["document"]["version"]) for d in rendered["documents"]}
    for order in model.delegations:
        assert ((order.meta.id, order.meta.version) in published) is (order.meta.status == "antagen")
    assert any(d["document"]["valid_to"] and d["document"]["valid_to"] < later.isoformat() for d in rendered["documents"])
    for document in rendered["documents"]:
        meta = document["document"]
        in_force = meta["valid_from"] <= later.isoformat() and (meta["valid_to"] is None or later.isoformat() <= meta["valid_to"])
        assert meta["in_force_on_as_of"] == in_force


def test_matters_are_resolved(model: Model, files: dict[str, Any]) -> None:
    org = model.organisation
    assert org is not None
    statutes = model.reference.statutes
    published_orders = [o for o in model.delegations if o.meta.status == "antagen" and (o.meta.valid_to is None or AS_OF <= o.meta.valid_to)]
    assert published_orders
    for order in published_orders:
        document = _json_document(files, order.meta.id, order.meta.version)
        assert document["body"] == {"id": order.body, "name": org.bodies[order.body].name}
        assert document["document"]["review_overdue"] == (order.meta.review_by < AS_OF)
        adopted = order.meta.adopted_by
        assert adopted is not None and document["document"]["adopted_by"]["diarienummer"] == adopted.diarienummer
        for matter, published_matter in zip(order.matters, document["matters"], strict=True):
            assert published_matter["id"] == matter.id
            assert [d["key"] for d in published_matter["delegates"]] == [a.key for a in matter.delegates]
            assert [d["label"] for d in published_matter["delegates"]] == [org.label(a) for a in matter.delegates]
            for ref, published_ref in zip(matter.legal_basis, published_matter["legal_basis"], strict=True):
                if ref.local is not None:
                    assert published_ref["url"] is None and published_ref["local"] == ref.local
                elif ref.eu is not None:
                    assert (published_ref["eu"], published_ref["article"]) == (ref.eu, ref.article)
                    assert published_ref["label"] == ref.label() and published_ref["url"] is None
                elif ref.sfs in statutes:
                    assert published_ref["url"].startswith(statutes[ref.sfs].url)
                    short = statutes[ref.sfs].short
                    assert published_ref["label"] == short or published_ref["label"].startswith(short + " ")
                    if statutes[ref.sfs].url.startswith("https://lagen.nu/") and ref.chapter and ref.section:
                        assert published_ref["url"].endswith(f"#K{ref.chapter.replace(' ', '')}P{ref.section.replace(' ', '')}")
            reporting = published_matter["reporting"]
            if matter.reporting is not None and matter.reporting.reported:
                assert reporting["interval"] == (matter.reporting.interval or order.provisions.reporting_interval)
                assert reporting["interval_from"] == ("matter" if matter.reporting.interval else "document")


# -- organisation and reference ------------------------------------------------------------------
def test_organisation_resolves_the_line_of_command(model: Model, files: dict[str, Any]) -> None:
    org = model.organisation
    assert org is not None
    published = files["organisation.json"]
    positions = {p["id"]: p for p in published["positions"]}
    assert list(positions) == list(org.positions)
    for pid, position in positions.items():
        assert [s["id"] for s in position["superiors"]] == org.superiors(pid)
        assert position["subordinates_count"] == len(org.subordinates[pid])
        assert position["reports_to"]["key"] == org.positions[pid].reports_to.key
    assert any(p["superiors"] for p in positions.values())
    for role_type in published["role_types"]:
        assert [m["id"] for m in role_type["members"]] == org.positions_of_role_type(role_type["id"])
        assert role_type["members"]
    assert [b["id"] for b in published["bodies"]] == list(org.bodies)
    assert [e["id"] for e in published["externals"]] == list(org.externals)


def test_reference_publishes_every_series_with_unknowns_kept_unknown(model: Model, files: dict[str, Any]) -> None:
    published = files["reference.json"]
    assert [s["id"] for s in published["series"]] == sorted(model.reference.series)
    assert [s["sfs"] for s in published["statutes"]] == sorted(model.reference.statutes)
    unknown_seen = 0
    for series in published["series"]:
        values = model.reference.series[series["id"]].values
        assert [v["valid_from"] for v in series["values"]] == [v.valid_from.isoformat() for v in values]
        in_force = [v for v in series["values"] if v["in_force_on_as_of"]]
        assert len(in_force) == 1
        assert in_force[0]["valid_from"] <= AS_OF.isoformat()
        assert in_force[0]["valid_to"] is None or in_force[0]["valid_to"] >= AS_OF.isoformat()
        for value, source in zip(series["values"], values, strict=True):
            assert value["value"] == source.value and value["unknown"] == source.unknown
            if source.unknown:
                unknown_seen += 1
                assert value["value"] is None
    assert unknown_seen == sum(v.unknown for s in model.reference.series.values() for v in s.values)


def test_decision_parts_merge_back_into_decisions_json(published: dict[str, bytes]) -> None:
    """decisions/: one part per body's delegation table and per other table, each a valid decisions
    document, listed with its digest; merged they are exactly decisions.json."""
    from generators.outputs.rules.decision_parts import PARTS_INDEX, merge_parts
    from generators.outputs.rules.index import digest

    index = json.loads(published[PARTS_INDEX])
    _validator(published, "schemas/rules-decisions-index.schema.json").validate(index)
    validator = _validator(published, "schemas/rules-decisions.schema.json")
    parts = []
    for entry in index["parts"]:
        data = published[entry["path"]]
        assert {"sha256": entry["sha256"], "size": entry["size"]} == digest(data)
        part = json.loads(data)
        validator.validate(part)
        assert [key for key, value in part.items() if isinstance(value, dict)] == [entry["table"]]
        if entry["body"] is not None:
            assert set(part["delegation"]["by_kind"]) <= {entry["body"]}
            assert all(entry["body"] in {v["body"] for v in versions} for versions in part["delegation"]["matters"].values())
        parts.append(part)
    whole = json.loads(published["decisions.json"])
    assert merge_parts(parts) == whole
    bodies = {e["body"] for e in index["parts"] if e["table"] == "delegation"}
    assert bodies == set(whole["delegation"]["by_kind"]) and len(bodies) > 1
    assert set(index["bodies"]) == set(whole["delegation"]["bodies"])
    largest = max(len(published[e["path"]]) for e in index["parts"])
    assert largest < len(published["decisions.json"]) / 2, "no part holds most of the region"


def test_change_feed_names_the_changed_limit_and_is_the_same_whatever_the_build_date(model: Model) -> None:
    """changes.json / changes.atom: one entry per published version with its added, changed and
    retired ids; identical sources give identical bytes, even on another build date."""
    import xml.etree.ElementTree as ET

    later = render_rules(model, date(2027, 6, 1), COMMIT)
    again = render_rules(model, date(2027, 6, 1), COMMIT)
    other_day = render_rules(model, AS_OF, COMMIT)
    for path in ("changes.atom", "changes.json"):
        assert later[path] == again[path] == other_day[path], path
    feed = json.loads(later["changes.json"])
    assert feed["version"] == "https://jsonfeed.org/version/1.1" and feed["items"]
    item = next(i for i in feed["items"] if i["_changes"]["id"] == "ks-delegationsordning/2027:1")
    changes = item["_changes"]["changes"]
    assert item["_changes"]["replaces"] == "2026:1"
    changed = {c["id"]: c["fields"] for c in changes["changed"]}
    assert "tiers" in changed["matters/ks-upphandling-tilldelning"]
    assert changes["added"], "2027:1 adds a matter (avtalsägare)"
    # A matter never just disappears (X830: it is retired); other entities may (a year's vidaredelegationer).
    assert not [r for i in feed["items"] for r in i["_changes"]["changes"]["removed"] if r.startswith("matters/")]
    dates = [i["date_published"] for i in feed["items"]]
    assert dates == sorted(dates, reverse=True)
    atom = ET.fromstring(later["changes.atom"])
    ns = {"a": "http://www.w3.org/2005/Atom"}
    ids = [e.findtext("a:id", namespaces=ns) for e in atom.findall("a:entry", ns)]
    assert ids == [i["id"] for i in feed["items"]]
    assert atom.findtext("a:updated", namespaces=ns) == max(dates)



def test_decisions_json_publishes_the_templates_decide_fills(files: dict[str, Any]) -> None:
    """The answers' sentences are published once, as decide's own templates, with the kronor format;
    in the parts they are one part of their own (the page loads it with the small tables)."""
    from generators.decide.text import SENTENCES, say
    from generators.wording.swedish import kronor

    wording = files["decisions.json"]["wording"]
    assert wording["sentences"] == SENTENCES
    # the published format writes an amount exactly as kronor() does
    number = "1" + wording["kronor"]["group"] + "234" + wording["kronor"]["decimal"] + "50"
    assert wording["kronor"]["pattern"].replace("{number}", number) == kronor(1234.5)
    assert wording["sentences"]["delegation.for_amount"].replace("{amount}", kronor(30000)) == say("delegation.for_amount", amount=kronor(30000))
    index = files["decisions/index.json"]
    assert [e["path"] for e in index["parts"] if e["table"] == "wording"] == ["decisions/wording.json"]
    assert files["decisions/wording.json"]["wording"] == wording
    assert all(part["wording"] is None for path, part in files.items() if path.startswith("decisions/") and path not in
               ("decisions/index.json", "decisions/wording.json"))
