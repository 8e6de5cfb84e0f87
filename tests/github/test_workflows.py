"""The GitHub workflows: offline linters (zizmor, check-jsonschema) and what the gate must do.

The linters are the ones in requirements.lock, run from the same environment as pytest, so the
test runs offline and the same everywhere. Structural checks below cover what a linter cannot
know: which commands the gate runs, and that the comment is safe for pull requests from forks.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import REPO

GITHUB = REPO / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+){0,2}$")


def tool(name: str) -> str:
    path = BIN / name
    assert path.exists(), f"{name} saknas i miljön ({BIN}); den ingår i requirements.lock"
    return str(path)


def load(path: Path) -> dict[str, Any]:
    # BaseLoader: every scalar a string, so `on:` stays the key "on" (YAML 1.1 would make it True).
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert isinstance(data, dict)
    return data


def steps(workflow: dict[str, Any], job: str) -> list[dict[str, Any]]:
    return list(workflow["jobs"][job]["steps"])


def runs(workflow: dict[str, Any], job: str) -> list[str]:
    return [step["run"] for step in steps(workflow, job) if "run" in step]


def test_the_gate_and_the_publishing_workflow_exist() -> None:
    # Every workflow in the folder is linted below; these two are the ones the README promises.
    assert {"pull-request.yml", "publish.yml"} <= {path.name for path in WORKFLOWS}


def test_zizmor_offline_finds_nothing() -> None:
    result = subprocess.run(
        [tool("zizmor"), "--offline", "--no-progress", "--color=never", "--format=plain", "--persona=pedantic",
         "--config", str(GITHUB / "zizmor.yml"), "--collect=workflows,dependabot,pre-commit", "."],
        cwd=REPO, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for name in ("pull-request.yml", "publish.yml", "dependabot.yml", ".pre-commit-config.yaml", ".pre-commit-hooks.yaml"):
        assert name in result.stderr, f"zizmor granskade inte {name}:\n{result.stderr}"


def test_zizmor_configuration_rejects_a_tag_pinned_action(tmp_path: Path) -> None:
    """The linter can fail: the same configuration flags `actions/checkout@v6`."""
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    text = (GITHUB / "workflows" / "publish.yml").read_text(encoding="utf-8")
    (workflows / "publish.yml").write_text(re.sub(r"actions/checkout@[0-9a-f]{40} # v[\d.]+", "actions/checkout@v6", text), encoding="utf-8")
    result = subprocess.run(
        [tool("zizmor"), "--offline", "--no-progress", "--color=never", "--config", str(GITHUB / "zizmor.yml"), str(workflows)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode != 0
    assert "unpinned-uses" in result.stdout


@pytest.mark.parametrize(("schema", "files"), [
    ("vendor.github-workflows", [str(path) for path in WORKFLOWS]),
    ("vendor.dependabot", [str(GITHUB / "dependabot.yml")]),
])
def test_check_jsonschema_builtin_schema(schema: str, files: list[str]) -> None:
    result = subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", schema, *files], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path: Path) -> None:
    uses = [line.split("uses:", 1)[1].strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip().startswith(("uses:", "- uses:"))]
    assert uses
    for reference in uses:
        assert PINNED.match(reference), f"{path.name}: {reference!r} ska vara ägare/action@<40 tecken SHA> # vX.Y.Z"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_expression_inside_run_and_no_persisted_credentials(path: Path) -> None:
    workflow = load(path)
    assert workflow["permissions"] == {}, "no permissions by default; each job asks for its own"
    for name, job in workflow["jobs"].items():
        assert "permissions" in job, f"jobbet {name} ska ange sina egna rättigheter"
        for step in job["steps"]:
            # Stricter than zizmor's template-injection: no `${{ }}` at all in a script, only `env:`.
            assert "${{" not in step.get("run", ""), f"{path.name}/{name}: {step.get('name')}"
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] == "false"


def test_pull_request_gate_runs_what_make_and_ci_promise() -> None:
    workflow = load(GITHUB / "workflows" / "pull-request.yml")
    assert set(workflow["on"]) == {"pull_request"}
    check = steps(workflow, "check")
    assert check[0]["with"]["fetch-depth"] == "0"
    python = next(step for step in check if step.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["python-version"] == "3.11"
    scripts = "\n".join(runs(workflow, "check"))
    in_order = [
        "python -m venv .venv",
        ".venv/bin/pip install --disable-pip-version-check --require-hashes -r requirements.lock",
        ".venv/bin/python -m generators check",
        ".venv/bin/python -m generators codeowners --check",
        ".venv/bin/python -m generators build",
        ".venv/bin/python -m generators build --preview --out build/preview",
        "make test",
        '.venv/bin/python -m generators diff "origin/${BASE_REF}" HEAD > diff.md',
    ]
    positions = [scripts.find(command) for command in in_order]
    assert -1 not in positions and positions == sorted(positions), dict(zip(in_order, positions, strict=False))
    upload = next(step for step in check if step.get("with", {}).get("name") == "webbplats")
    assert upload["uses"].startswith("actions/upload-artifact@") and upload["with"]["path"] == "build/preview/site/"
    assert workflow["jobs"]["check"]["permissions"] == {"contents": "read"}


def test_every_install_verifies_hashes() -> None:
    # The lock carries a sha256 for every file of each pinned version (make lock); an install
    # without --require-hashes would accept whatever the index serves.
    lock = (REPO / "requirements.lock").read_text(encoding="utf-8")
    pins = [line for line in lock.splitlines() if line and not line.startswith((" ", "#"))]
    assert pins and all("==" in pin and pin.endswith("\\") for pin in pins), pins[:3]
    for path in sorted((GITHUB / "workflows").glob("*.yml")):
        for script in (step.get("run", "") for job in load(path)["jobs"].values() for step in job.get("steps", [])):
            for line in script.splitlines():
                if "pip install" in line and "-r requirements.lock" in line:
                    assert "--require-hashes" in line, f"{path.name}: {line}"
    assert "--require-hashes -r requirements.lock" in (REPO / "Makefile").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_a_step_named_strict_runs_strict(path: Path) -> None:
    # A step whose name promises "strikt" must pass --strict to every generators command it runs
    # (warnings stop the build); the name is what a reviewer reads in the PR's checks.
    named = [
        step for job in load(path)["jobs"].values() for step in job.get("steps", [])
        if re.search(r"\bstri(kt|ct)\b", step.get("name", ""), re.IGNORECASE)
    ]
    for step in named:
        commands = [line for line in step.get("run", "").splitlines() if "-m generators" in line]
        assert commands, f"{path.name}: steget {step['name']!r} kör inget generators-kommando"
        for line in commands:
            assert "--strict" in line.split(), f"{path.name}: steget {step['name']!r} kör {line.strip()!r} utan --strict"


def test_the_pull_request_build_stops_on_errors_not_on_honest_warnings() -> None:
    # Errors fail `build` (exit 1). Warnings are lawful or honest (an unpublished 2027 value, V612's
    # risk note), so a strict build would keep every organisation's pull requests red.
    scripts = runs(load(GITHUB / "workflows" / "pull-request.yml"), "check")
    assert any(script.strip() == ".venv/bin/python -m generators build" for script in scripts), scripts


def test_the_comment_job_is_safe_for_forks() -> None:
    workflow = load(GITHUB / "workflows" / "pull-request.yml")
    job = workflow["jobs"]["comment"]
    assert job["permissions"] == {"pull-requests": "write"}
    assert "github.event.pull_request.head.repo.full_name == github.repository" in job["if"]
    assert not any(step.get("uses", "").startswith("actions/checkout@") for step in job["steps"]), "runs no code from the PR"
    (post,) = [step for step in job["steps"] if "run" in step]
    assert post["run"] == 'gh pr comment "$PR" --edit-last --create-if-none --body-file comment.md'
    assert post["env"]["GH_TOKEN"] == "${{ github.token }}"
    assert post["env"]["PR"] == "${{ github.event.pull_request.number }}"
    # The comment links to the site artifact.
    comment_script = next(step["run"] for step in steps(workflow, "check") if step.get("id") == "comment")
    assert "$SITE_URL" in comment_script
    env = next(step["env"] for step in steps(workflow, "check") if step.get("id") == "comment")
    assert env["SITE_URL"] == "${{ steps.site.outputs.artifact-url }}"


def test_publish_deploys_to_pages_from_main() -> None:
    workflow = load(GITHUB / "workflows" / "publish.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["concurrency"]["group"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"]["contents"] == "read" and "write" not in build["permissions"].values()
    actions = [step.get("uses", "").split("@")[0] for step in build["steps"]]
    assert actions.index("actions/configure-pages") < actions.index("actions/upload-pages-artifact")
    assert any(".venv/bin/python -m generators build" in run for run in runs(workflow, "build"))
    # Rebuilt every night, dated the publication day: a version takes over on its first day.
    assert workflow["on"]["schedule"] and all(entry["cron"].split()[2:] == ["*", "*", "*"] for entry in workflow["on"]["schedule"])
    build_step = next(run for run in runs(workflow, "build") if "generators build" in run)
    assert "SOURCE_DATE_EPOCH" in build_step
    upload = next(step for step in build["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "build/site/"
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]

