"""The command line as CI and policy owners use it: formats, exit codes, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema

from tests.conftest import EXAMPLE_POLICIES, REPO


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "generators", *args], cwd=REPO, capture_output=True, text=True, env=full_env, check=False)


def break_socialnamnden(policies: Path) -> None:
    path = policies / "delegation" / "socialnamnden.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("delegate:", "delgat:", 1), encoding="utf-8")


# The example is honest about reference values nobody has published yet (the 2027 prisbasbelopp, the
# 2026–27 EU thresholds in kronor): those warnings are expected, and nothing else.
EXPECTED_WARNINGS = {"D419", "U706"}


def test_example_passes_with_only_the_expected_warnings() -> None:
    result = run("check", "--policies", str(EXAMPLE_POLICIES), "--format", "json", "--today", "2026-11-23")
    assert result.returncode == 0, result.stdout + result.stderr
    payload = json.loads(result.stdout)
    assert payload["summary"]["errors"] == 0
    assert {d["code"] for d in payload["diagnostics"]} <= EXPECTED_WARNINGS


def test_text_format_and_exit_code_on_errors(policies_copy: Path) -> None:
    break_socialnamnden(policies_copy)
    result = run("check", "--policies", str(policies_copy), "--today", "2026-11-23")
    assert result.returncode == 1
    (line,) = [line for line in result.stdout.splitlines() if " S202 " in line]
    assert line.startswith("policies/delegation/socialnamnden.yaml:")
    assert line.endswith(" S202 Okänt fält 'delgat'. Menade du 'delegate'?")
    assert result.stdout.rstrip().splitlines()[-1].startswith("Underkänt: 1 fel")


def test_json_format_matches_its_schema(policies_copy: Path) -> None:
    break_socialnamnden(policies_copy)
    result = run("check", "--policies", str(policies_copy), "--format", "json", "--today", "2026-11-23")
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    schema = json.loads((REPO / "schemas" / "check-result.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(payload)
    assert payload["status"] == "fail"
    (diagnostic,) = [d for d in payload["diagnostics"] if d["severity"] == "error"]
    assert diagnostic["code"] == "S202" and diagnostic["path"].endswith(".delgat")
    assert payload["skipped"] and payload["skipped"][0]["file"] == "policies/delegation/socialnamnden.yaml"


def test_github_format_is_chosen_under_actions(policies_copy: Path, tmp_path: Path) -> None:
    break_socialnamnden(policies_copy)
    summary = tmp_path / "summary.md"
    result = run("check", "--policies", str(policies_copy), env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 1
    (annotation,) = [line for line in result.stdout.splitlines() if line.startswith("::error")]
    assert annotation.startswith("::error file=policies/delegation/socialnamnden.yaml,line=")
    assert ",title=S202::S202 Okänt fält" in annotation
    assert "S202" in summary.read_text(encoding="utf-8")


def test_usage_errors_exit_2_without_traceback() -> None:
    for args in (("check", "--policies", "/does/not/exist"), ("check", "--today", "2026-02-30"), ("check", "--format", "xml"), ("nonsense",)):
        result = run(*args)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr
        assert "Fel" in result.stderr or "fel i anropet" in result.stderr


def test_internal_error_is_one_swedish_line(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import generators.pipeline
    from generators.cli import main

    def explode(*_: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(generators.pipeline, "load_and_check", explode)
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Internt fel (RuntimeError: simulated bug).")
    assert "Traceback" not in err
