"""The test-only `attestdemo` kind (package tests/kinds/attestdemo) plugs in through one registration line, and every part appears.

The fixture adds `"tests.kinds.attestdemo"` to `generators.kinds.REGISTERED`: the same one line the
walkthrough ("Add a document kind", ARCHITECTURE.md) adds for a real kind. Nothing else in the core
changes; the claimed file loads, its check fires at the exact line, its rules file is published and
listed in index.json, its page is built and `decide attestdemo` answers.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import generators.kinds
from generators.checks.codes import family_labels, family_of
from generators.checks.registry import rules_by_code
from generators.loading.discovery import unclaimed_hint
from generators.loading.documents import load_policies, schema_store
from generators.model import build_model
from generators.outputs.rules import render_rules
from generators.outputs.site.context import SiteContext
from generators.outputs.site.pages import generate
from generators.pipeline import load_and_check
from tests.conftest import TODAY

ATTEST_YAML = """\
title: Attestreglemente
attestants:
  - id: attest-kommundirektor
    position: kommundirektor
    up_to: 500000
  - id: attest-ekonomidirektor
    position: ekonomidirektor
    up_to: 100000
  - id: attest-okand
    position: kommundirektorn
    up_to: 50000
"""


@pytest.fixture
def attest_registered(monkeypatch: pytest.MonkeyPatch) -> None:
    # The one registration line.
    monkeypatch.setattr(generators.kinds, "REGISTERED", [*generators.kinds.REGISTERED, "tests.kinds.attestdemo"])


@pytest.fixture
def attest_policies(policies_copy: Path) -> Path:
    (policies_copy / "attestdemo.yaml").write_text(ATTEST_YAML, encoding="utf-8")
    return policies_copy


def _fixed(policies: Path) -> None:
    """The tree without the failing attestant (for the outputs, which need a clean check)."""
    path = policies / "attestdemo.yaml"
    path.write_text(path.read_text(encoding="utf-8").split("  - id: attest-okand")[0], encoding="utf-8")


def test_without_the_registration_the_file_is_unclaimed(attest_policies: Path) -> None:
    loaded = load_policies(attest_policies)
    assert [(d.code, d.file.rsplit("/", 1)[-1]) for d in loaded.diagnostics if d.code == "L112"] == [("L112", "attestdemo.yaml")]


def test_claimed_file_loads_into_the_model(attest_registered: None, attest_policies: Path) -> None:
    loaded = load_policies(attest_policies)
    assert not [d for d in loaded.diagnostics if d.severity == "error"]
    assert [d.kind for d in loaded.documents if d.file.endswith("attestdemo.yaml")] == ["attestdemo"]
    model = build_model(loaded)
    from tests.kinds.attestdemo.model import attest_rules

    rules = attest_rules(model)
    assert rules is not None and [a.id for a in rules.attestants] == ["attest-kommundirektor", "attest-ekonomidirektor", "attest-okand"]
    assert "attestdemo.schema.json" in schema_store()[0].by_name
    assert "attestdemo.yaml (testtypen för attesträtter)" in unclaimed_hint("attestdemo-2027.yaml").replace("\\", "")


def test_schema_applies(attest_registered: None, attest_policies: Path) -> None:
    (attest_policies / "attestdemo.yaml").write_text(ATTEST_YAML.replace("up_to: 50000\n", "up_to: femtio\n"), encoding="utf-8")
    loaded = load_policies(attest_policies)
    found = [(d.code, d.line) for d in loaded.diagnostics if d.file.endswith("attestdemo.yaml")]
    assert found == [("S206", 11)]  # a number position: only plain decimal numbers pass


def test_check_fires_at_the_exact_line(attest_registered: None, attest_policies: Path) -> None:
    checked = load_and_check(attest_policies, TODAY)
    found = [(d.code, d.file, d.line, d.column) for d in checked.result.diagnostics if d.code.startswith("ZA")]
    shown = str((attest_policies / "attestdemo.yaml").resolve().relative_to(attest_policies.resolve().parent))
    assert found == [("ZA101", shown, 10, 15)]
    registered = rules_by_code()["ZA101"]
    assert registered.module == "tests.kinds.attestdemo.checks.za101_attestant_exists"
    assert family_of("ZA101") is not None and family_labels()["ZA"] == "Attest (testtyp)"


def test_rules_file_is_published_and_listed(attest_registered: None, attest_policies: Path) -> None:
    _fixed(attest_policies)
    model = build_model(load_policies(attest_policies))
    published = render_rules(model, date(2026, 6, 1), None)
    data = json.loads(published["attestdemo.json"])
    assert [a["id"] for a in data["attestants"]] == ["attest-kommundirektor", "attest-ekonomidirektor"]
    assert "schemas/rules-attestdemo.schema.json" in published
    index = json.loads(published["index.json"])
    assert {"path": "attestdemo.json", "schema": "schemas/rules-attestdemo.schema.json"}.items() <= next(
        f for f in index["files"] if f["path"] == "attestdemo.json"
    ).items()
    from jsonschema import Draft202012Validator

    Draft202012Validator(json.loads(published["schemas/rules-attestdemo.schema.json"])).validate(data)
    decisions = json.loads(published["decisions.json"])
    assert [row["position"] for row in decisions["attestdemo"]["attestants"]] == ["kommundirektor", "ekonomidirektor"]


def test_page_is_generated(attest_registered: None, attest_policies: Path) -> None:
    _fixed(attest_policies)
    model = build_model(load_policies(attest_policies))
    pages = {page.path: page for page in generate(SiteContext(model, date(2026, 6, 1)))}
    page = pages["attestdemo/index.md"]
    assert page.title == "Attest" and "| Kommundirektör | 500\u00a0000\u00a0kr |" in page.content


def test_decide_answers(attest_registered: None, attest_policies: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _fixed(attest_policies)
    from generators.cli import main

    code = main(["decide", "attestdemo", "--amount", "200000", "--policies", str(attest_policies), "--format", "json"])
    answer = json.loads(capsys.readouterr().out)
    assert code == 0 and answer["status"] == "answered" and answer["answer"] == {"attestants": ["kommundirektor"]}
    code = main(["decide", "attestdemo", "--amount", "900000", "--policies", str(attest_policies)])
    assert code == 1 and "Ingen attestant har en gräns på minst 900\u00a0000\u00a0kr." in capsys.readouterr().out


@pytest.mark.site
def test_page_is_built_into_the_site_and_the_rules_published(attest_registered: None, attest_policies: Path, tmp_path: Path) -> None:
    from tests.site.conftest import build

    _fixed(attest_policies)
    site = build(attest_policies, tmp_path / "site")
    html = (site / "attest" / "index.html").read_text(encoding="utf-8")
    assert "Attestreglemente" in html and "Ekonomidirektör" in html
    index = json.loads((site / "rules" / "v1" / "index.json").read_text(encoding="utf-8"))
    assert "attestdemo.json" in [f["path"] for f in index["files"]]
    assert (site / "rules" / "v1" / "schemas" / "rules-attestdemo.schema.json").is_file()


def test_a_rule_that_reads_every_kind_waits_for_the_new_one(attest_registered: None, attest_policies: Path) -> None:
    """P905 (needs every kind) is skipped while the attest file does not load; ZA101 too."""
    (attest_policies / "attestdemo.yaml").write_text(ATTEST_YAML.replace("up_to: 50000\n", "up_to: femtio\n"), encoding="utf-8")
    checked = load_and_check(attest_policies, TODAY)
    skipped = {s.file.rsplit("/", 1)[-1]: s.rules for s in checked.result.skipped}
    assert {"ZA101", "P905"} <= set(skipped["attestdemo.yaml"])
    assert "P905" not in {d.code for d in checked.result.diagnostics}
