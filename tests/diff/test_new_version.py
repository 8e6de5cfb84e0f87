"""`python -m generators new-version`: the next version of a document, from the newest one, on a copy of
the example; what it writes loads, keeps the file's comments, passes `check`, and is what `diff` expects
of a change by a new decision (no history rewritten)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generators.diff import semantic_diff
from tests.conftest import REPO, TODAY
from tests.diff.test_semantic_diff import git


def new_version(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generators", "new-version", *args], capture_output=True, text=True, cwd=REPO, check=False)


def document_block(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index("document:")
    end = next(i for i in range(start + 1, len(lines)) if lines[i] and not lines[i].startswith((" ", "#")))
    return lines[start:end]


def test_a_proposal_from_the_newest_version_keeps_the_file_and_has_no_decision(repo: Path) -> None:
    delegation = repo / "policies" / "delegation"
    # Named from the 2026 file: the newest version (2027:2, from 1 February 2027) is the one copied.
    run = new_version(str(delegation / "kommunstyrelsen.yaml"), "--valid-from", "2028-01-01")
    assert run.returncode == 0, run.stderr
    created = delegation / "kommunstyrelsen.2028.yaml"
    assert run.stdout.startswith("Skrev policies/delegation/kommunstyrelsen.2028.yaml: version 2028:1 av Kommunstyrelsens delegationsordning, "
                                 "gäller från 2028-01-01, ersätter version 2027:2 (policies/delegation/kommunstyrelsen.2027-02-01.yaml)")
    assert document_block(created)[:8] == [
        "document:", "  id: ks-delegationsordning", "  kind: delegationsordning", '  title: "Kommunstyrelsens delegationsordning"',
        "  status: forslag", '  version: "2028:1"', '  supersedes: "2027:2"', '  valid_from: "2028-01-01"']
    assert not any("adopted_by" in line for line in document_block(created))
    assert '  review_by: "2028-11-29"' in document_block(created)  # 2027:2: 333 days after its start, so the new one too
    # Everything but the metadata is the newest version's, comments and all.
    old, new = (delegation / "kommunstyrelsen.2027-02-01.yaml").read_text(encoding="utf-8"), created.read_text(encoding="utf-8")
    assert old.split("\nbody:", 1)[1] == new.split("\nbody:", 1)[1]
    assert new.splitlines()[:3] == old.splitlines()[:3]
    assert git(repo, "status", "--porcelain") == "?? policies/delegation/kommunstyrelsen.2028.yaml"  # nothing else touched
    check = subprocess.run([sys.executable, "-m", "generators", "check", "--policies", str(repo / "policies"), "--today", TODAY.isoformat()],
                           capture_output=True, text=True, cwd=REPO, check=False)
    assert check.returncode == 0, check.stdout


def test_an_adopted_version_ends_the_one_before_and_the_diff_sees_no_rewrite(repo: Path) -> None:
    base = git(repo, "rev-parse", "HEAD")
    travel = repo / "policies" / "travel.yaml"
    run = new_version(str(travel), "--valid-from", "2027-07-01", "--adopted-on", "2027-05-18", "--paragraph", "§ 64",
                      "--diarienummer", "KS 2027/120", "--review-by", "2028-12-31")
    assert run.returncode == 0, run.stderr
    created = repo / "policies" / "travel.2027.yaml"
    block = document_block(created)
    assert block[4:15] == [
        "  status: antagen", '  version: "2027:1"', "  adopted_by:", "    body: kommunfullmaktige", '    date: "2027-05-18"',
        '    paragraph: "§ 64"', '    diarienummer: "KS 2027/120"', '  valid_from: "2027-07-01"', '  supersedes: "2026:1"',
        "  owner: {position: hr_direktor}", '  review_by: "2028-12-31"']
    assert '  valid_to: "2027-06-30"' in document_block(travel)
    assert "Ändrade policies/travel.yaml: valid_to 2027-06-30" in run.stdout
    result = semantic_diff(repo, base, None, "policies", TODAY)
    assert result.history.rewrites == [] and not result.failed, result.markdown
    assert "Ny version 2027:1, jämförd med version 2026:1 som den ersätter." in result.markdown


@pytest.mark.parametrize(("args", "message"), [
    (["--valid-from", "2026-13-01"], "--valid-from: '2026-13-01' är inget giltigt datum"),
    (["--valid-from", "2025-12-01"], "--valid-from 2025-12-01 ska ligga efter den senaste versionens start: version 2026:1 (policies/travel.yaml) gäller från 2026-01-01."),
    (["--valid-from", "2027-07-01", "--paragraph", "§ 64"], "--adopted-on, --diarienummer saknas"),
    (["--valid-from", "2027-07-01", "--version", "2026:1"], "version 2026:1 finns redan (policies/travel.yaml)"),
    (["--valid-from", "2027-07-01", "--out", "policies/resor-2027.yaml"], "policies/resor-2027.yaml är ingen plats för rese- och mötespolicyn; välj ett namn som travel.2027.yaml."),
])
def test_bad_input_exits_2_and_writes_nothing(repo: Path, args: list[str], message: str) -> None:
    resolved = [str(repo / a) if a.startswith("policies/") else a for a in args]
    run = new_version(str(repo / "policies" / "travel.yaml"), *resolved)
    assert run.returncode == 2, run.stdout + run.stderr
    assert message in run.stderr and "Traceback" not in run.stderr
    assert git(repo, "status", "--porcelain") == ""


def test_a_missing_file_exits_2(repo: Path) -> None:
    run = new_version(str(repo / "policies" / "finns-inte.yaml"), "--valid-from", "2027-01-01")
    assert run.returncode == 2 and "finns inte" in run.stderr


def test_a_decision_the_schema_refuses_is_reported_and_nothing_is_written(repo: Path) -> None:
    run = new_version(str(repo / "policies" / "travel.yaml"), "--valid-from", "2027-07-01", "--adopted-on", "2027-05-18",
                      "--paragraph", "64", "--diarienummer", "KS 2027/120")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "policies/travel.2027.yaml:" in run.stderr and " S2" in run.stderr and "ingenting skrevs" in run.stderr
    assert git(repo, "status", "--porcelain") == ""  # the new file removed, travel.yaml restored


def test_a_document_with_errors_is_refused_with_its_diagnostics(repo: Path) -> None:
    travel = repo / "policies" / "travel.yaml"
    travel.write_text(travel.read_text(encoding="utf-8").replace("  status: antagen\n", "  status: antagen\n  status: antagen\n", 1), encoding="utf-8")
    run = new_version(str(travel), "--valid-from", "2027-07-01")
    assert run.returncode == 1
    assert "policies/travel.yaml:" in run.stderr and "L1" in run.stderr
    assert not (repo / "policies" / "travel.2027.yaml").exists()


def test_version_numbers_and_a_document_block_that_cannot_be_edited_line_by_line() -> None:
    from datetime import date

    from generators.commands.new_version import BlockError, DocumentBlock, next_version

    assert next_version("2026:1", date(2027, 1, 1)) == "2027:1"
    assert next_version("2027:1", date(2027, 7, 1)) == "2027:2"
    assert next_version("A", date(2027, 7, 1)) is None  # the command then asks for --version
    with pytest.raises(BlockError, match="block"):
        DocumentBlock.parse('document: {id: resepolicy, version: "2026:1"}\nscope: {}\n')
    block = DocumentBlock.parse('# kommentar\ndocument:\n  id: x\n  # om versionen\n  version: "1"\n  valid_to: "2026-12-31"\nbody: b\n')
    block.remove("valid_to")
    block.set("version", '"2"')
    block.set("supersedes", '"1"', after=("version",))
    assert block.text == '# kommentar\ndocument:\n  id: x\n  # om versionen\n  version: "2"\n  supersedes: "1"\nbody: b\n'


def test_a_repository_with_codeowners_gets_the_new_files_line(repo: Path) -> None:
    """The new version's file is owned like the one it follows, and the freshness check passes at once."""
    shutil.copytree(REPO / "tests" / "fixtures" / "kommun" / ".github", repo / ".github")
    travel = repo / "policies" / "travel.yaml"
    run = new_version(str(travel), "--valid-from", "2027-07-01")
    assert run.returncode == 0, run.stderr
    assert "Skrev om .github/CODEOWNERS" in run.stdout
    owners = (repo / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    owner = {line.split()[0]: line.split()[1:] for line in owners.splitlines() if line.startswith("/policies/")}
    assert owner["/policies/travel.2027.yaml"] == owner["/policies/travel.yaml"]
    fresh = subprocess.run([sys.executable, "-m", "generators", "codeowners", "--check", "--root", str(repo)],
                           capture_output=True, text=True, cwd=REPO, check=False)
    assert fresh.returncode == 0, fresh.stderr
