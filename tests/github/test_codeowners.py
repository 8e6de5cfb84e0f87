"""CODEOWNERS is generated from the documents' owners, and a stale committed file fails the check."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from codeowners import CodeOwners

from generators.outputs import codeowners
from generators.outputs.codeowners import CodeownersError, Sources
from tests.conftest import KOMMUN, REPO

# The kommun fixture's team map and CODEOWNERS (the repository's own belong to whoever adopted it).
TEAMS = KOMMUN / ".github" / "owner-teams.yaml"
PLATFORM = "@ekbacka-kommun/styrdokument-plattform"
KANSLIET = "@ekbacka-kommun/kansliet"
SOCIAL = "@ekbacka-kommun/socialforvaltningen-ledning"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    return subprocess.run(
        [sys.executable, "-m", "generators", "codeowners", *args], cwd=REPO, capture_output=True, text=True, env=env, check=False
    )


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """The policies, the team mapping and the committed CODEOWNERS, in a folder of their own."""
    root = tmp_path / "repo"
    shutil.copytree(KOMMUN / "policies", root / "policies")
    (root / ".github").mkdir()
    shutil.copy2(TEAMS, root / ".github" / "owner-teams.yaml")
    shutil.copy2(KOMMUN / ".github" / "CODEOWNERS", root / ".github" / "CODEOWNERS")
    return root


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} finns inte i {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    return next(number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


# -- the committed file --------------------------------------------------------------------------


def test_committed_codeowners_is_fresh() -> None:
    assert codeowners.is_fresh(Sources.for_repository()), (
        ".github/CODEOWNERS är inte aktuell: kör `python -m generators codeowners` och checka in filen."
    )
    result = run("--check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ".github/CODEOWNERS är aktuell.\n"


def test_header_says_generated_and_how_to_regenerate() -> None:
    text = (REPO / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    header = text.split("\n\n", 1)[0]
    assert "genererad" in header
    assert "\n#     python -m generators codeowners\n" in header
    assert "python -m generators codeowners --check" in header
    assert ".github/owner-teams.yaml" in header


def test_codeowners_package_resolves_paths_to_the_owners_team() -> None:
    """GitHub's semantics (last matching line wins), checked with an independent parser."""
    owners = CodeOwners((KOMMUN / ".github" / "CODEOWNERS").read_text(encoding="utf-8"))

    def teams(path: str) -> list[str]:
        return [name for kind, name in owners.of(path) if kind == "TEAM"]

    assert teams("policies/delegation/socialnamnden.yaml") == [SOCIAL]
    assert teams("policies/organisation.yaml") == [KANSLIET]
    assert teams("policies/reference/prisbasbelopp.yaml") == [KANSLIET]
    assert teams("policies/delegation/en-ny-namnd.yaml") == [KANSLIET]  # new file: kansliet until regenerated
    assert teams("generators/cli.py") == [PLATFORM]
    assert teams("schemas/delegation.schema.json") == [PLATFORM]
    assert teams(".github/workflows/pull-request.yml") == [PLATFORM]
    assert teams("README.md") == [PLATFORM]
    assert teams(".github/owner-teams.yaml") == [PLATFORM, KANSLIET]


def test_every_owned_document_resolves_to_its_owners_team() -> None:
    for root in (REPO, KOMMUN):  # whatever the repository holds, and the kommun fixture
        _every_owned_document_resolves(root)


def test_kommun_fixture_codeowners_is_fresh() -> None:
    assert codeowners.is_fresh(Sources.for_repository(KOMMUN))


def _every_owned_document_resolves(root: Path) -> None:
    sources = Sources.for_repository(root)
    teams = codeowners.load_team_map(sources)
    owners = CodeOwners((root / ".github" / "CODEOWNERS").read_text(encoding="utf-8"))
    documents = codeowners.owned_documents(sources)
    governed = {path.relative_to(root).as_posix() for path in (root / "policies").rglob("*.yaml")} - {
        path.relative_to(root).as_posix() for path in (root / "policies" / "reference").glob("*.yaml")
    }
    assert {d.path.lstrip("/") for d in documents} == governed, "every policy file except reference data has an owner"
    for document in documents:
        expected = [("TEAM", team) for team in teams.positions[document.owner.id]]
        assert owners.of(document.path.lstrip("/")) == expected, document.path


def test_generation_is_deterministic() -> None:
    sources = Sources.for_repository()
    assert codeowners.generate(sources) == codeowners.generate(sources)


def test_generating_imports_neither_the_checks_nor_the_site() -> None:
    code = (
        "import sys, generators.outputs.codeowners as c; c.generate(c.Sources.for_repository()); "
        "print(sorted(m for m in ('mkdocs', 'jinja2', 'generators.checks.runner', 'generators.outputs.site') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# -- a copy whose sources change -------------------------------------------------------------------


def test_copy_is_fresh_before_any_change(repo_copy: Path) -> None:
    assert codeowners.is_fresh(Sources.for_repository(repo_copy))
    assert run("--check", "--root", str(repo_copy)).returncode == 0


def test_owner_change_without_regenerating_fails_the_check(repo_copy: Path) -> None:
    edit(repo_copy / "policies/delegation/socialnamnden.yaml", "owner: {position: socialchef}", "owner: {position: kanslichef}")
    assert codeowners.is_fresh(Sources.for_repository(repo_copy)) is False

    result = run("--check", "--root", str(repo_copy))
    assert result.returncode == 1
    assert ".github/CODEOWNERS är inte aktuell" in result.stderr
    assert "Kör `python -m generators codeowners` och checka in filen." in result.stderr
    # The column of the teams follows the longest path, so the test does not fix it.
    assert re.search(rf"^-/policies/delegation/socialnamnden\.yaml +{SOCIAL}$", result.stderr, re.MULTILINE)
    assert re.search(rf"^\+/policies/delegation/socialnamnden\.yaml +{KANSLIET}$", result.stderr, re.MULTILINE)

    # Regenerating makes it fresh again, with the new owner's team.
    assert run("--root", str(repo_copy)).stdout == "Skrev .github/CODEOWNERS.\n"
    assert run("--check", "--root", str(repo_copy)).returncode == 0
    owners = CodeOwners((repo_copy / ".github" / "CODEOWNERS").read_text(encoding="utf-8"))
    assert owners.of("policies/delegation/socialnamnden.yaml") == [("TEAM", KANSLIET)]


def test_team_change_in_the_mapping_fails_the_check(repo_copy: Path) -> None:
    edit(repo_copy / ".github/owner-teams.yaml", f'socialchef: "{SOCIAL}"', 'socialchef: "@ekbacka-kommun/socialtjansten"')
    assert codeowners.is_fresh(Sources.for_repository(repo_copy)) is False
    assert run("--check", "--root", str(repo_copy)).returncode == 1


def test_missing_file_fails_the_check(repo_copy: Path) -> None:
    (repo_copy / ".github" / "CODEOWNERS").unlink()
    result = run("--check", "--root", str(repo_copy))
    assert result.returncode == 1
    assert result.stderr == ".github/CODEOWNERS saknas. Kör `python -m generators codeowners` och checka in filen.\n"


def test_crlf_copy_is_not_the_generated_file(repo_copy: Path) -> None:
    path = repo_copy / ".github" / "CODEOWNERS"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert codeowners.is_fresh(Sources.for_repository(repo_copy)) is False


def test_position_without_team_is_a_clear_error(repo_copy: Path) -> None:
    edit(repo_copy / ".github/owner-teams.yaml", f'  socialchef: "{SOCIAL}"\n', "")
    before = (repo_copy / ".github" / "CODEOWNERS").read_bytes()
    # The socialchef owns the nämnd's delegationsordning, its attestförteckning and its internkontrollplan.
    owned = ["policies/attest/socialnamnden.yaml", "policies/delegation/socialnamnden.yaml",
             "policies/internkontroll/socialnamnden-2026.yaml"]
    lines = [line_of(repo_copy / path, "owner: {position: socialchef}") for path in owned]

    for args in ((), ("--check",)):
        result = run(*args, "--root", str(repo_copy))
        assert result.returncode == 1, result.stderr
        assert result.stderr.splitlines() == [
            *((f"{path}:{line}:10: Dokumentägaren socialchef har inget GitHub-team i "
               '.github/owner-teams.yaml. Lägg till `socialchef: "@organisation/team"` under positions: där och kör '
               "`python -m generators codeowners`.") for path, line in zip(owned, lines, strict=True)),
            ".github/CODEOWNERS kunde inte genereras: rätta felen ovan.",
        ]
        assert "Traceback" not in result.stderr
    assert (repo_copy / ".github" / "CODEOWNERS").read_bytes() == before, "nothing is written when a team is missing"
    with pytest.raises(CodeownersError):
        codeowners.is_fresh(Sources.for_repository(repo_copy))


def test_owner_that_is_not_a_position_is_an_error(repo_copy: Path) -> None:
    edit(repo_copy / "policies/delegation/socialnamnden.yaml", "owner: {position: socialchef}", "owner: {body: socialnamnden}")
    result = run("--root", str(repo_copy))
    assert result.returncode == 1
    assert "policies/delegation/socialnamnden.yaml:" in result.stderr
    assert "Dokumentägaren {body: socialnamnden} är ingen befattning." in result.stderr


def test_policy_file_that_does_not_load_is_an_error_not_a_silent_gap(repo_copy: Path) -> None:
    edit(repo_copy / "policies/delegation/socialnamnden.yaml", "delegate:", "delgat:")
    result = run("--check", "--root", str(repo_copy))
    assert result.returncode == 1
    assert result.stderr.startswith(
        "policies/delegation/socialnamnden.yaml:1:1: Filen läses inte in utan fel, så dess ägare är okänd. "
        "Kör `python -m generators check` och rätta felen först.\n"
    )


def test_malformed_mapping_is_reported_at_its_line(repo_copy: Path) -> None:
    mapping = repo_copy / ".github/owner-teams.yaml"
    edit(mapping, '"@ekbacka-kommun/hr"', '"ekbacka-kommun/hr"')
    line = line_of(mapping, '"ekbacka-kommun/hr"')
    result = run("--root", str(repo_copy))
    assert result.returncode == 1
    (problem,) = [text for text in result.stderr.splitlines() if text.startswith(".github/owner-teams.yaml:")]
    assert problem.startswith(f".github/owner-teams.yaml:{line}:")
    assert " S2" in problem  # the loader's schema code, in Swedish like every other schema error


def test_mapping_is_read_strictly_like_the_policies(repo_copy: Path) -> None:
    mapping = repo_copy / ".github/owner-teams.yaml"
    edit(mapping, "positions:\n", "positions:\n  kanslichef: \"@ekbacka-kommun/annat\"\n")
    result = run("--root", str(repo_copy))
    assert result.returncode == 1
    assert " L105 " in result.stderr  # a duplicate key is refused, never "last one wins"


def test_policies_outside_the_root_is_a_usage_error(repo_copy: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    shutil.copytree(repo_copy / "policies", outside)
    result = run("--root", str(repo_copy), "--policies", str(outside))
    assert result.returncode == 2
    assert result.stderr.startswith("Fel: mappen ")
