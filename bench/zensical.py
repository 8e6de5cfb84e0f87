"""The reference build by Zensical, Material for MkDocs' successor: the same pre-generated pages as
the bare mkdocs build (`bench.tasks pages`), built by `zensical build -f PROJECT/mkdocs.yml`.

Zensical reads mkdocs.yml but does not run our hook, so it builds exactly the exported pages. It is
pinned (PIN) in a virtual environment of its own, `.venv-zensical/` in the repository (gitignored),
which the benchmark creates with the ordinary installer; the project's own dependencies do not
change. Where it cannot be installed, or cannot read the configuration, the row says why instead of
a figure.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# The newest release whose dependencies the package registries reachable here hold: from 0.0.74 on,
# Zensical needs `zensical-ui` (0.0.41 and later), which they do not have.
PIN = "zensical==0.0.73"
REPO = Path(__file__).resolve().parent.parent
VENV = REPO / ".venv-zensical"


def _last_error(output: bytes) -> str:
    lines = [line.strip() for line in output.decode("utf-8", "replace").splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("ERROR") or "Error" in line]
    return (errors or lines or ["inget meddelande"])[-1][:300]


def executable() -> tuple[Path | None, str]:
    """(the zensical command, "") once installed, else (None, why it could not be)."""
    command = VENV / "bin" / "zensical"
    if command.exists():
        return command, ""
    if not (VENV / "bin" / "python").exists():
        made = subprocess.run([sys.executable, "-m", "venv", str(VENV)], capture_output=True, check=False)
        if made.returncode != 0:
            return None, f"kunde inte skapa {VENV.name}: {_last_error(made.stdout + made.stderr)}"
    installed = subprocess.run([str(VENV / "bin" / "python"), "-m", "pip", "install", "-q", PIN], capture_output=True, check=False)
    if installed.returncode != 0 or not command.exists():
        return None, f"{PIN} kunde inte installeras: {_last_error(installed.stdout + installed.stderr)}"
    return command, ""


def build_command(command: Path, project: Path) -> list[str]:
    return [str(command), "build", "-f", str(project / "mkdocs.yml")]
