"""The policies as they stood at a git revision, copied into a temporary folder.

`git archive` writes the revision's files into a new folder; the working tree, the index and the
repository's refs are never touched (no checkout, no worktree). A revision where the policies folder
does not exist yet gives an empty folder: everything in the other revision is then new.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path, PurePosixPath


class RevisionError(Exception):
    """A revision git does not know, or a repository git cannot read (a Swedish message)."""


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False, timeout=120)
    except FileNotFoundError:
        raise RevisionError("git finns inte installerat; diff behöver git.") from None
    except subprocess.TimeoutExpired:
        raise RevisionError(f"git svarade inte ({' '.join(args[:2])}).") from None


def commit_of(repo: Path, revision: str) -> str:
    """The full commit id of `revision`, or RevisionError in Swedish."""
    if revision.startswith("-"):
        raise RevisionError(f"'{revision}' är ingen revision.")
    found = _git(repo, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
    if found.returncode != 0:
        inside = _git(repo, "rev-parse", "--git-dir")
        if inside.returncode != 0:
            raise RevisionError(f"{repo} är inget git-förråd.")
        raise RevisionError(f"git känner inte till revisionen '{revision}'.")
    return found.stdout.decode().strip()


def export(repo: Path, commit: str, paths: list[str], target: Path) -> None:
    """Write `paths` (folders relative to the repository root) as they are at `commit` into `target`."""
    target.mkdir(parents=True, exist_ok=True)
    present = [p for p in paths if _git(repo, "cat-file", "-e", f"{commit}:{p}").returncode == 0]
    if not present:
        return
    archive = _git(repo, "archive", "--format=tar", commit, "--", *present)
    if archive.returncode != 0:
        raise RevisionError(f"git archive misslyckades för {commit[:12]}: {archive.stderr.decode(errors='replace').strip()}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        for member in tar.getmembers():
            relative = PurePosixPath(member.name)
            if relative.is_absolute() or ".." in relative.parts:
                continue  # never write outside the target
            destination = target.joinpath(*relative.parts)
            if member.isdir():
                destination.mkdir(parents=True, exist_ok=True)
            elif member.isfile():
                destination.parent.mkdir(parents=True, exist_ok=True)
                extracted = tar.extractfile(member)
                destination.write_bytes(extracted.read() if extracted else b"")
