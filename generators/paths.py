"""Where things are: the repository, the default policies, the schemas."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent
DEFAULT_POLICIES = REPO_ROOT / "policies"
SCHEMAS_DIR = REPO_ROOT / "schemas"
# The id ledger, beside the policies folder (`<policies>/../ledger/published-ids.json`).
LEDGER_DIR = "ledger"
LEDGER_FILE = "published-ids.json"


def display_base(policies_dir: Path) -> Path:
    """The folder diagnostics' paths are relative to.

    Inside the repository: the repository root (what GitHub annotations need). Outside it: the
    policies folder's parent, so a path still reads `policies/...`.
    """
    policies_dir = policies_dir.resolve()
    if policies_dir == REPO_ROOT or REPO_ROOT in policies_dir.parents:
        return REPO_ROOT
    return policies_dir.parent


def display_path(path: Path, base: Path) -> str:
    # Only the folder is resolved: a symlinked file keeps its own name (it is refused, L114, and
    # must be reported where it stands, not where it points).
    try:
        return (path.parent.resolve() / path.name).relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()

# Where the JSON rules are published on the site: versioned by the rules API's major version, so a
# breaking change can be published beside the old files (rules/v2/) instead of over them.
RULES_API_VERSION = "v1"
RULES_SITE_DIR = f"rules/{RULES_API_VERSION}"


# Page names the site takes for itself in the folders where it also makes one page per id (roles,
# role types, bodies, external parties, delegation orders): the folder's own index page. An id with
# such a name would take that page's place, so the organisation check O307 refuses it.
RESERVED_PAGE_IDS = frozenset({"index"})
