"""`python -m generators diff`: a semantic diff between two git revisions, on a temporary repository.

The example policies are committed to a fresh repository; the tests then change them the way a
policy owner would and check that the Swedish Markdown lists exactly what changed in effect.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from generators.diff import RevisionError, semantic_diff
from tests.conftest import EXAMPLE_POLICIES, REPO, TODAY

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
}


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, env={**os.environ, **GIT_ENV}, check=True)
    return result.stdout.strip()


def edit(path: Path, find: str, replace: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(find) == 1, f"{find!r} occurs {text.count(find)} times in {path.name}"
    path.write_text(text.replace(find, replace), encoding="utf-8")


def change_three_rules(policies: Path) -> None:
    """A limit raised, an approval cell changed, a report re-routed — and nothing else."""
    edit(policies / "delegation" / "socialnamnden.yaml",
         "        delegate: {position: socialchef}\n        limit: {amount: 1000000, unit: sek, per: case}",
         "        delegate: {position: socialchef}\n        limit: {amount: 1500000, unit: sek, per: case}")
    edit(policies / "travel.yaml",
         "{id: anstallda-medarbetare-eu-ees, category: anstallda-medarbetare, zone: eu_ees_utom_norden, approver: {relative: narmaste_chef}",
         "{id: anstallda-medarbetare-eu-ees, category: anstallda-medarbetare, zone: eu_ees_utom_norden, approver: {relative: forvaltningschef}")
    edit(policies / "whistleblowing.yaml",
         "      concerns: {category: okand_person}\n      handler: {function: visselblasarfunktionen}",
         "      concerns: {category: okand_person}\n      handler: {external: extern_mottagare}")


def change_items(markdown: str) -> list[str]:
    """The change bullets (top-level items of the documents' parts, not the check results)."""
    body = markdown.split("## Kontroller av HEAD")[0]
    return [line for line in body.splitlines() if line.startswith("- **")]


def plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def test_a_limit_an_approval_cell_and_a_routing_show_as_exactly_three_changes(repo: Path) -> None:
    base = git(repo, "rev-parse", "HEAD")
    change_three_rules(repo / "policies")
    git(repo, "commit", "--quiet", "-am", "Tre ändringar")
    result = semantic_diff(repo, base, "HEAD", "policies", TODAY)
    markdown = plain(result.markdown)
    items = change_items(markdown)
    assert len(items) == 3, markdown
    assert result.comparison.count == 3
    assert "3 ändringar i 3 dokument" in markdown
    # The limit, in the delegationsordning's part, under raised and lowered limits, old → new in kronor.
    limit = markdown.split("## Socialnämndens delegationsordning (sn-delegationsordning), version 2026:1")[1].split("\n## ")[0]
    assert "### Höjda och sänkta beloppsgränser" in limit
    assert "Ärende 3.3 Omfördelning av budgetmedel mellan verksamheter inom nämndens driftbudget (soc-ekonomi-budgetjustering)" in limit
    assert "Beloppsgräns höjd: 1 000 000 kr per ärende eller tillfälle → 1 500 000 kr per ärende eller tillfälle" in limit
    # The approval cell.
    travel = markdown.split("## Rese- och mötespolicy för Ekbacka kommun (resepolicy), version 2026:1")[1].split("\n## ")[0]
    assert "### Ändrade celler i beslutstabellen" in travel
    assert "Cell anstallda-medarbetare-eu-ees (Medarbetare och specialister, Övriga EU/EES)" in travel
    assert "Godkänner: Närmaste chef → Förvaltningschefen i den anställdes förvaltning" in travel
    # The routing.
    routing = markdown.split("## Reglemente för visselblåsning i Ekbacka kommun (visselblasningsreglemente), version 2026:1")[1].split("\n## ")[0]
    assert "### Ändrad handläggning av rapporter" in routing
    assert "Handläggs av: Ekbacka kommuns visselblåsarfunktion → Rapportkanalen Norr AB" in routing
    # HEAD's checks close the report.
    assert markdown.rstrip().split("## Kontroller av HEAD")[1].strip().startswith(("Inga fel.", f"{len(result.checks.errors)} fel"))
    # All three versions are in force and keep their decisions: history rewritten, reported first.
    assert [(r.document_id, r.version, r.changes) for r in result.history.rewrites] == [
        ("resepolicy", "2026:1", 1), ("sn-delegationsordning", "2026:1", 1), ("visselblasningsreglemente", "2026:1", 1)]
    assert result.failed


def test_the_working_tree_is_head_by_default_and_is_left_alone(repo: Path) -> None:
    change_three_rules(repo / "policies")
    before = git(repo, "status", "--porcelain")
    result = semantic_diff(repo, "HEAD", None, "policies", TODAY)
    assert len(change_items(result.markdown)) == 3
    assert "→ arbetskopian" in result.markdown
    assert git(repo, "status", "--porcelain") == before
    assert git(repo, "worktree", "list").count("\n") == 0  # no worktree was added


def test_a_renamed_delegation_file_is_not_a_delete_and_an_add(repo: Path) -> None:
    base = git(repo, "rev-parse", "HEAD")
    git(repo, "mv", "policies/delegation/socialnamnden.yaml", "policies/delegation/socialnamnden-2026.yaml")
    git(repo, "commit", "--quiet", "-m", "Nytt filnamn")
    markdown = plain(semantic_diff(repo, base, "HEAD", "policies", TODAY).markdown)
    assert "### Tillagt" not in markdown and "### Borttaget" not in markdown, markdown
    assert "Nytt dokument" not in markdown and "har tagits bort" not in markdown
    items = change_items(markdown)
    assert items == ["- **Dokumentets metadata**"], markdown
    assert "Fil: policies/delegation/socialnamnden.yaml → policies/delegation/socialnamnden-2026.yaml" in markdown


def test_a_removed_matter_says_whether_it_was_retired(repo: Path) -> None:
    base = git(repo, "rev-parse", "HEAD")
    path = repo / "policies" / "delegation" / "socialnamnden.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("      - id: soc-ekonomi-budgetjustering")
    end = text.index("      - id: soc-upphandling-direktupphandling")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    markdown = plain(semantic_diff(repo, base, None, "policies", TODAY).markdown)
    assert "### Borttaget" in markdown
    assert "Ärende 3.3 Omfördelning av budgetmedel mellan verksamheter inom nämndens driftbudget (soc-ekonomi-budgetjustering)" in markdown
    assert "Inte markerat som upphört" in markdown
    edit(path, "sections:\n", "retired_matters:\n  - {id: soc-ekonomi-budgetjustering, retired_on: \"2026-12-01\", "
                              "reason: \"Omfördelning beslutas av nämnden.\"}\n\nsections:\n")
    markdown = plain(semantic_diff(repo, base, None, "policies", TODAY).markdown)
    assert "Markerat som upphört från 2026-12-01 (retired_matters)." in markdown


def test_a_new_version_is_compared_with_the_version_it_replaces(repo: Path) -> None:
    """kommunstyrelsen.2027.yaml beside kommunstyrelsen.yaml: the review shows what 2027:1 changes."""
    (repo / "policies" / "delegation" / "kommunstyrelsen.2027.yaml").unlink()
    edit(repo / "policies" / "delegation" / "kommunstyrelsen.yaml", '  valid_to: "2026-12-31"\n', "")
    git(repo, "commit", "--quiet", "-am", "Utan 2027")
    base = git(repo, "rev-parse", "HEAD")
    shutil.copy(EXAMPLE_POLICIES / "delegation" / "kommunstyrelsen.2027.yaml", repo / "policies" / "delegation")
    shutil.copy(EXAMPLE_POLICIES / "delegation" / "kommunstyrelsen.yaml", repo / "policies" / "delegation")
    markdown = plain(semantic_diff(repo, base, None, "policies", TODAY).markdown)
    part = markdown.split("## Kommunstyrelsens delegationsordning (ks-delegationsordning), version 2027:1")[1].split("\n## ")[0]
    assert "Ny version 2027:1, jämförd med version 2026:1 som den ersätter." in part
    assert "Nivå 2, upp till höjd: 5 000 000 kr per avtal och hela avtalstiden exklusive moms → 6 000 000 kr per avtal och hela avtalstiden exklusive moms" in part
    assert "Ärende 5.11" in part and "(ks-avtal-avtalsagare)" in part
    older = markdown.split("## Kommunstyrelsens delegationsordning (ks-delegationsordning), version 2026:1")[1].split("\n## ")[0]
    assert "Gäller till och med: tills vidare → 2026-12-31" in older


def test_policy_text_cannot_inject_markdown(repo: Path) -> None:
    base = git(repo, "rev-parse", "HEAD")
    edit(repo / "policies" / "delegation" / "socialnamnden.yaml",
         'title: "Omfördelning av budgetmedel mellan verksamheter inom nämndens driftbudget"',
         'title: "Omfördelning ![x](https://evil.example/a.png) <script>alert(1)</script> **fet**"')
    markdown = semantic_diff(repo, base, None, "policies", TODAY).markdown
    assert "<script>" not in markdown and "![x](" not in markdown and "**fet**" not in markdown
    assert "\\<script\\>" in markdown


# What GitHub turns into a link or a ping in a comment without any Markdown (issue 11).
AUTOLINKS = re.compile(r"(?i)(?:https?|ftp)://|www\.|mailto:|@[a-z0-9]|(?<!\\)&#|#\d|\bgh-\d")
HOSTILE_TITLE = "Läs HTTPS://evil.example/x, www.evil.se eller mailto:a@evil.se; fråga @kalle och @ekbacka/jurister om #12 och GH-7 &#64;kalle"


def test_policy_text_cannot_link_or_mention(repo: Path) -> None:
    base = git(repo, "rev-parse", "HEAD")
    edit(repo / "policies" / "delegation" / "socialnamnden.yaml",
         'title: "Omfördelning av budgetmedel mellan verksamheter inom nämndens driftbudget"',
         f'title: "{HOSTILE_TITLE}"')
    markdown = semantic_diff(repo, base, None, "policies", TODAY).markdown
    lines = [line for line in markdown.splitlines() if "evil" in line]
    assert lines
    for line in lines:
        assert not AUTOLINKS.search(line), line
    # The reader still sees the same words: only zero-width joiners and Markdown escapes were added.
    assert HOSTILE_TITLE in lines[0].replace("\u200d", "").replace("\\&", "&")


@pytest.mark.parametrize("given", ["a/../..", "policies/../..", "../policies", "/etc", "./policies", "policies//x", "policies\\..\\.."])
def test_policies_path_stays_inside_the_repository(repo: Path, given: str) -> None:
    base = git(repo, "rev-parse", "HEAD")
    run = subprocess.run([sys.executable, "-m", "generators", "diff", base, "--repo", str(repo), f"--policies-path={given}"],
                         capture_output=True, text=True, cwd=REPO, check=False)
    assert run.returncode == 2, run.stdout + run.stderr
    assert "--policies-path ska vara en mapp i förrådet" in run.stderr and "Traceback" not in run.stderr


def test_policies_path_through_a_symlink_out_of_the_repository_is_refused(repo: Path, tmp_path: Path) -> None:
    base = git(repo, "rev-parse", "HEAD")
    outside = tmp_path / "outside"
    shutil.copytree(repo / "policies", outside)
    (repo / "elsewhere").symlink_to(outside, target_is_directory=True)
    run = subprocess.run([sys.executable, "-m", "generators", "diff", base, "--repo", str(repo), "--policies-path", "elsewhere"],
                         capture_output=True, text=True, cwd=REPO, check=False)
    assert run.returncode == 2 and "--policies-path ska vara en mapp i förrådet" in run.stderr, run.stderr


def test_the_command_line(repo: Path) -> None:
    base = git(repo, "rev-parse", "HEAD")
    change_three_rules(repo / "policies")
    out = repo.parent / "diff.md"
    run = subprocess.run([sys.executable, "-m", "generators", "diff", base, "--repo", str(repo), "--today", "2026-11-23", "--out", str(out)],
                         capture_output=True, text=True, cwd=REPO, check=False)
    assert run.returncode in (0, 1), run.stderr
    assert len(change_items(out.read_text(encoding="utf-8"))) == 3
    bad = subprocess.run([sys.executable, "-m", "generators", "diff", "finns-inte", "--repo", str(repo)],
                         capture_output=True, text=True, cwd=REPO, check=False)
    assert bad.returncode == 2
    assert "git känner inte till revisionen 'finns-inte'" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_an_unknown_revision_is_a_clear_error(repo: Path) -> None:
    with pytest.raises(RevisionError, match="finns-inte"):
        semantic_diff(repo, "finns-inte", None, "policies", date(2026, 11, 23))
    with pytest.raises(RevisionError):
        semantic_diff(repo, "--output=/tmp/x", None, "policies", date(2026, 11, 23))
    assert re.fullmatch(r"[0-9a-f]{40}", git(repo, "rev-parse", "HEAD"))


# -- history (issue 12): a version in force is not edited without a new decision or a rättelse ------
SN = Path("delegation") / "socialnamnden.yaml"
RAISED_LIMIT = ("        delegate: {position: socialchef}\n        limit: {amount: 1000000, unit: sek, per: case}",
                "        delegate: {position: socialchef}\n        limit: {amount: 1500000, unit: sek, per: case}")


def add_correction(path: Path, day: str, paragraph: str) -> None:
    edit(path, '  valid_from: "2026-01-01"\n', '  valid_from: "2026-01-01"\n  corrections:\n'
         f'    - {{date: "{day}", paragraph: "{paragraph}", reason: "Beloppet rättat till 1 500 000 kr så som i det justerade protokollet."}}\n')


def run_diff(repo: Path, base: str, today: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generators", "diff", base, "--repo", str(repo), "--today", today],
                          capture_output=True, text=True, cwd=REPO, check=False)


def test_a_version_in_force_edited_without_a_new_decision_fails_the_gate(repo: Path) -> None:
    base = git(repo, "rev-parse", "HEAD")
    edit(repo / "policies" / SN, *RAISED_LIMIT)
    result = semantic_diff(repo, base, None, "policies", TODAY)
    assert not result.checks.errors  # the checks pass: only the history review stops it
    assert [(r.document_id, r.version, r.file, r.changes, r.problems) for r in result.history.rewrites] == [
        ("sn-delegationsordning", "2026:1", "policies/delegation/socialnamnden.yaml", 1, ())]
    markdown = plain(result.markdown)
    top = markdown.split("\n## ")[1]  # the first section, before any document's part
    assert top.startswith("Stopp: 1 version som gäller eller har gällt har ändrats utan nytt beslut")
    assert ("- Version 2026:1 av **Socialnämndens delegationsordning (sn-delegationsordning)**, gäller från 2026-01-01 "
            "(`policies/delegation/socialnamnden.yaml`): 1 ändring i sak med samma beslut (Socialnämnden 2025-12-11 § 156, "
            "dnr SN 2025/233) och ingen ny rättelse.") in top
    run = run_diff(repo, base, "2026-11-23")
    assert run.returncode == 1, run.stderr
    assert "Stopp: 1 version" in run.stdout and "Traceback" not in run.stderr


def test_a_version_still_to_come_may_be_edited_until_it_takes_effect(repo: Path) -> None:
    base = git(repo, "rev-parse", "HEAD")
    edit(repo / "policies" / "delegation" / "kommunstyrelsen.2027.yaml", "limit: {amount: 30,", "limit: {amount: 40,")
    result = semantic_diff(repo, base, None, "policies", TODAY)
    assert result.comparison.count >= 1 and result.history.rewrites == [] and not result.failed
    assert "Stopp:" not in result.markdown
    assert run_diff(repo, base, "2026-11-23").returncode == 0
    # From 1 January 2027 the same edit rewrites the version in force.
    ended = semantic_diff(repo, base, None, "policies", date(2027, 1, 1))
    assert [(r.document_id, r.version) for r in ended.history.rewrites] == [("ks-delegationsordning", "2027:1")]


def test_an_ended_version_is_history_too(repo: Path) -> None:
    base = git(repo, "rev-parse", "HEAD")
    edit(repo / "policies" / "delegation" / "kommunstyrelsen.yaml", "limit: {amount: 30,", "limit: {amount: 40,")
    result = semantic_diff(repo, base, None, "policies", date(2027, 3, 1))  # 2026:1 ended on 2026-12-31
    assert [(r.document_id, r.version) for r in result.history.rewrites] == [("ks-delegationsordning", "2026:1")]


def test_a_new_decision_is_no_rewrite(repo: Path) -> None:
    base = git(repo, "rev-parse", "HEAD")
    path = repo / "policies" / SN
    edit(path, *RAISED_LIMIT)
    edit(path, '    date: "2025-12-11"\n    paragraph: "§ 156"\n    diarienummer: "SN 2025/233"',
         '    date: "2026-11-19"\n    paragraph: "§ 131"\n    diarienummer: "SN 2026/301"')
    result = semantic_diff(repo, base, None, "policies", TODAY)
    assert result.history.rewrites == [] and result.history.corrections == []


def test_a_rattelse_is_accepted_and_shown_first(repo: Path) -> None:
    base = git(repo, "rev-parse", "HEAD")
    path = repo / "policies" / SN
    edit(path, *RAISED_LIMIT)
    add_correction(path, "2026-11-20", "§ 156")
    result = semantic_diff(repo, base, None, "policies", TODAY)
    assert result.history.rewrites == [] and not result.failed
    assert [(c.document_id, c.version, c.correction.date.isoformat(), c.correction.paragraph, c.changes)
            for c in result.history.corrections] == [("sn-delegationsordning", "2026:1", "2026-11-20", "§ 156", 1)]
    markdown = plain(result.markdown)
    top = markdown.split("\n## ")[1]
    assert top.startswith("Rättelser av versioner i kraft")
    assert ("- Rättelse 2026-11-20 av version 2026:1 av **Socialnämndens delegationsordning (sn-delegationsordning)** "
            "(`policies/delegation/socialnamnden.yaml`), efter protokollets § 156: Beloppet rättat till 1 500 000 kr så som "
            "i det justerade protokollet. (1 ändring i sak, se dokumentet nedan).") in top
    assert run_diff(repo, base, "2026-11-23").returncode == 0
    # Once committed, the rättelse is history: a further edit needs a rättelse of its own.
    git(repo, "commit", "--quiet", "-am", "Rättelse")
    again = git(repo, "rev-parse", "HEAD")
    edit(path, "limit: {amount: 1500000, unit: sek, per: case}", "limit: {amount: 1600000, unit: sek, per: case}")
    assert [r.document_id for r in semantic_diff(repo, again, None, "policies", TODAY).history.rewrites] == ["sn-delegationsordning"]


def test_a_rattelse_must_name_the_versions_paragraph_and_a_day_since_the_decision(repo: Path) -> None:
    base = git(repo, "rev-parse", "HEAD")
    path = repo / "policies" / SN
    edit(path, *RAISED_LIMIT)
    add_correction(path, "2026-12-01", "§ 99")
    result = semantic_diff(repo, base, None, "policies", TODAY)
    assert result.history.corrections == []
    assert [r.problems for r in result.history.rewrites] == [(
        "Rättelsen 2026-12-01 är daterad efter i dag (2026-11-23).",
        "Rättelsen 2026-12-01 rättar efter § 99, men versionen antogs i § 156.",
    )]
    assert "  - Rättelsen 2026-12-01 rättar efter § 99, men versionen antogs i § 156." in result.markdown


def test_the_administrations_own_positions_are_no_rewrite_but_the_bodies_are(repo: Path) -> None:
    base = git(repo, "rev-parse", "HEAD")
    organisation = repo / "policies" / "organisation.yaml"
    edit(organisation, 'title: "Ekonomidirektör"', 'title: "Ekonomi- och finansdirektör"')
    result = semantic_diff(repo, base, None, "policies", TODAY)
    assert result.comparison.count == 1 and result.history.rewrites == []
    edit(organisation, "andre_vice_ordforande: 1, ledamot: 13, ersattare: 13}", "andre_vice_ordforande: 1, ledamot: 15, ersattare: 13}")
    result = semantic_diff(repo, base, None, "policies", TODAY)
    assert [(r.document_id, r.changes) for r in result.history.rewrites] == [("organisation", 1)]


def test_a_limit_made_strict_is_a_change_of_the_limit(repo: Path) -> None:
    """'upp till 1 000 000 kr' → 'under 1 000 000 kr' (comparison: below) changes who decides exactly
    1 000 000 kr, so the diff shows it, although the amount is the same."""
    base = git(repo, "rev-parse", "HEAD")
    edit(repo / "policies" / "delegation" / "socialnamnden.yaml",
         "        delegate: {position: socialchef}\n        limit: {amount: 1000000, unit: sek, per: case}",
         "        delegate: {position: socialchef}\n        limit: {amount: 1000000, unit: sek, per: case, comparison: below}")
    git(repo, "commit", "--quiet", "-am", "Gränsen blir under")
    markdown = plain(semantic_diff(repo, base, "HEAD", "policies", TODAY).markdown)
    assert len(change_items(markdown)) == 1, markdown
    assert "1 000 000 kr per ärende eller tillfälle → under 1 000 000 kr per ärende eller tillfälle" in markdown, markdown


def test_a_kind_without_diff_entities_is_history_too(repo: Path) -> None:
    """The jäv guidelines (and the attestreglemente, the internkontrollplaner …) name no diff entities of
    their own; their content is compared as written, so a version in force changed without a decision
    still fails the gate, and a rättelse is accepted like any other."""
    base = git(repo, "rev-parse", "HEAD")
    path = repo / "policies" / "riktlinjer-jav.yaml"
    edit(path, "    to: {seat: ordforande, body: kommunstyrelsen}\n    renew_every_months: 12", "    to: {seat: ordforande, body: kommunstyrelsen}\n    renew_every_months: 24")
    result = semantic_diff(repo, base, None, "policies", TODAY)
    assert [(r.document_id, r.version, r.file, r.changes) for r in result.history.rewrites] == [
        ("riktlinjer-jav", "2026:1", "policies/riktlinjer-jav.yaml", 1)]
    # named by the schema's title and the part's id, shown as written
    assert '  - Deklarationer, kommundirektoren: {"declarants": ' in plain(result.markdown).replace("\\", "")
    assert run_diff(repo, base, "2026-11-23").returncode == 1
    edit(path, "        avskriften angav bara 28 §.\n", "        avskriften angav bara 28 §.\n"
         '    - {date: "2026-11-23", paragraph: "§ 19", reason: "Tiden för förnyad deklaration rättad enligt protokollet."}\n')
    corrected = semantic_diff(repo, base, None, "policies", TODAY)
    assert corrected.history.rewrites == []
    assert [(c.document_id, c.correction.paragraph) for c in corrected.history.corrections] == [("riktlinjer-jav", "§ 19")]
