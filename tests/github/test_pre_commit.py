"""The pre-commit hooks run the project's own checker, with the same commands as CI."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "pull-request.yml"


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def ci_commands() -> set[str]:
    """The `generators` commands the pull-request gate runs, without the interpreter."""
    workflow = yaml.load(WORKFLOW.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    commands = set()
    for step in workflow["jobs"]["check"]["steps"]:
        for line in step.get("run", "").splitlines():
            if "-m generators" not in line:
                continue
            words = shlex.split(line)
            if words[1:3] == ["-m", "generators"]:
                commands.add(" ".join(words[1:]))
    return commands


def test_published_hook_runs_the_projects_checker() -> None:
    (hook,) = load(REPO / ".pre-commit-hooks.yaml")
    assert hook["id"] == "styrdokument-check"
    assert hook["entry"] == "python -m generators check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    assert hook["files"] == "^policies/"
    assert hook["args"] == ["--policies", "policies"]
    assert re.search(hook["files"], "policies/delegation/socialnamnden.yaml")
    assert not re.search(hook["files"], "generators/cli.py")


def test_local_hooks_run_the_same_commands_as_ci() -> None:
    config = load(REPO / ".pre-commit-config.yaml")
    (local,) = config["repos"]
    assert local["repo"] == "local"
    hooks = {hook["id"]: hook for hook in local["hooks"]}
    assert set(hooks) == {"styrdokument-check", "codeowners-aktuell"}
    for hook in hooks.values():
        assert hook["pass_filenames"] is False
        interpreter, *command = shlex.split(hook["entry"])
        assert interpreter == ".venv/bin/python", "the pinned environment that make creates"
        assert " ".join(command) in ci_commands(), f"{hook['id']}: {hook['entry']!r} is not what CI runs"

    check, fresh = hooks["styrdokument-check"], hooks["codeowners-aktuell"]
    assert check["entry"].endswith("-m generators check")
    assert fresh["entry"].endswith("-m generators codeowners --check")
    for path in ("policies/organisation.yaml", "policies/reference/prisbasbelopp.yaml", "schemas/delegation.schema.json"):
        assert re.search(check["files"], path), path
    for path in ("policies/delegation/socialnamnden.yaml", ".github/owner-teams.yaml", ".github/CODEOWNERS"):
        assert re.search(fresh["files"], path), path
    assert not re.search(fresh["files"], ".github/workflows/publish.yml")
