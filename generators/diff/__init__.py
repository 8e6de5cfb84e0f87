"""The semantic diff between two revisions of the policies (`python -m generators diff BASE [HEAD]`).

Both revisions are loaded into models (HEAD from the working tree unless a revision is given; other
revisions via `git archive` into temporary folders, leaving the working tree alone), compared as
models (`compare.py`: documents by id and version, entities by id), checked for versions in force
rewritten without a new decision (`history.py`), and written as Swedish Markdown (`markdown.py`):
rewrites and rättelser first, the check results of HEAD last.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generators.checks.runner import CheckResult, run_checks
from generators.diff.compare import Comparison, compare
from generators.diff.git import RevisionError, commit_of, export
from generators.diff.history import History, review_history
from generators.diff.markdown import render
from generators.loading.documents import LoadResult, load_policies
from generators.model import Model, build_model

__all__ = ["DiffResult", "RevisionError", "semantic_diff"]


@dataclass
class DiffResult:
    markdown: str
    comparison: Comparison
    checks: CheckResult
    history: History

    @property
    def failed(self) -> bool:
        """HEAD has errors, or rewrites a version in force: the pull-request gate fails."""
        return bool(self.checks.errors or self.history.rewrites)


def _load(policies: Path) -> tuple[LoadResult, Model]:
    loaded = load_policies(policies)
    return loaded, build_model(loaded)


def _problems(label: str, loaded: LoadResult) -> list[str]:
    if not loaded.failed:
        return []
    files = ", ".join(sorted({file for _, file in loaded.failed}))
    return [f"{label}: {files} kunde inte läsas in och saknas i jämförelsen; rätta felen först."]


def semantic_diff(repo: Path, base: str, head: str | None, policies_path: str, today: date) -> DiffResult:
    """Compare the policies at `base` with those at `head` (None: the working tree)."""
    base_commit = commit_of(repo, base)
    head_commit = commit_of(repo, head) if head is not None else None
    with tempfile.TemporaryDirectory(prefix="styrdokument-diff-") as temporary:
        root = Path(temporary)
        export(repo, base_commit, [policies_path], root / "base")
        base_loaded, base_model = _load(root / "base" / policies_path)
        if head_commit is None:
            head_policies = repo / policies_path
            head_label = "arbetskopian"
        else:
            export(repo, head_commit, [policies_path, "ledger"], root / "head")
            head_policies = root / "head" / policies_path
            head_label = f"{head} ({head_commit[:12]})"
        head_loaded, head_model = _load(head_policies)
        comparison = compare(base_model, head_model, today)
        history = review_history(base_model, head_model, today)
        checks = run_checks(head_loaded, head_model, today)
        problems = _problems("BASE", base_loaded) + _problems("HEAD", head_loaded)
        markdown = render(comparison, f"{base} ({base_commit[:12]})", head_label, checks, problems, history, today)
    return DiffResult(markdown, comparison, checks, history)
