"""One set of Swedish labels, read from the schemas, and one way of writing numbers and kronor."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from generators.decide import text as decide_text
from generators.outputs.site import swedish as site_swedish
from generators.wording.labels import LabelError, label, label_sets, labelled_enums
from generators.wording.swedish import NBSP, kronor, number


def test_every_labelled_enum_labels_exactly_its_values() -> None:
    found = list(labelled_enums())
    assert len(found) >= 13  # every set the views use (per, status, intervals, conditions, …)
    names = {name for _, name, _ in found}
    assert {"per", "document_status", "reporting_interval", "substitution_rule", "condition", "follow_up_interval"} <= names


def test_a_set_used_by_several_schemas_says_the_same_everywhere() -> None:
    places = [where for where, name, _ in labelled_enums() if name == "follow_up_interval"]
    assert len(places) == 3  # travel, whistleblowing, procurement
    assert label("follow_up_interval", "quarterly") == "kvartalsvis"


def _schema(tmp_path: Path, node: dict[str, object]) -> Path:
    (tmp_path / "x.schema.json").write_text(json.dumps({"$defs": {"a": node}}), encoding="utf-8")
    return tmp_path


def test_a_label_missing_for_an_enum_value_is_refused(tmp_path: Path) -> None:
    bad = _schema(tmp_path, {"enum": ["a", "b"], "x-label-set": "s", "x-labels": {"a": "A"}})
    with pytest.raises(LabelError, match="x.schema.json#/\\$defs/a"):
        list(labelled_enums(bad))


def test_two_sets_of_one_name_that_disagree_are_refused(tmp_path: Path) -> None:
    (tmp_path / "y.schema.json").write_text(json.dumps({"enum": ["a"], "x-label-set": "s", "x-labels": {"a": "B"}}), encoding="utf-8")
    _schema(tmp_path, {"enum": ["a"], "x-label-set": "s", "x-labels": {"a": "A"}})
    with pytest.raises(LabelError, match="'s'"):
        label_sets(tmp_path)


def test_site_json_and_decide_share_one_kronor_and_one_number() -> None:
    assert site_swedish.kronor is kronor is decide_text.kronor
    assert site_swedish.number is number is decide_text.number
    assert kronor(1234.5) == f"1{NBSP}234,50{NBSP}kr"
    assert kronor(700000) == f"700{NBSP}000{NBSP}kr"
    assert kronor(Decimal("17190.00")) == f"17{NBSP}190{NBSP}kr"
    assert kronor(None) == "okänt belopp"
    assert number(0.5) == "0,5"
    assert number(177600) == f"177{NBSP}600"
    assert number(Decimal("0.125")) == "0,125"  # never rounded away


def test_the_per_label_reads_the_same_on_the_site_and_in_the_answers() -> None:
    assert label("per", "case") == "per ärende eller tillfälle"
    assert label("declaration_when", "before_start") == "innan upphandlingen påbörjas"
