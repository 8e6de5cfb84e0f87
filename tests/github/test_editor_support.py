"""The editor, the pre-commit hook and CI agree on which schema a file has and on what it says.

The loader (generators/loading/discovery.py) decides which schema claims a file. The YAML
language server (VS Code's YAML extension) learns it twice: from the modeline on each file's
first line and from `.vscode/settings.json`. Both must name the loader's schema. And the editor
reads YAML 1.2, where `NO` is text: the loader must read every policy file to the same values.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from ruamel.yaml import YAML

from generators.loading.discovery import claim_for, claims
from generators.loading.documents import load_policies
from generators.paths import SCHEMAS_DIR
from tests.conftest import FIXTURES, REPO

# Every fixture tree's files (a fork's own policies/ is not held to the modelines; the fixtures are).
POLICY_FILES = sorted(path for path in FIXTURES.glob("*/policies/**/*") if path.is_file())
SETTINGS = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
MODELINE = re.compile(r"# yaml-language-server: \$schema=(?P<path>\S+)")
TEAMS_FILE = REPO / ".github" / "owner-teams.yaml"

# Names every claim accepts (later versions beside the one in force), beyond the files that exist.
SAMPLE_NAMES = [
    "organisation.yaml", "organisation.2027.yaml",
    "delegation/socialnamnden.yaml", "delegation/socialnamnden.2027.yaml",
    "reference/prisbasbelopp.yaml",
    "travel.yaml", "travel.2027.yaml",
    "whistleblowing.yaml", "whistleblowing.2027.yaml",
    "procurement.yaml", "procurement.2027.yaml",
    "personal-data-allowlist.yaml",
]


def policies_of(path: Path) -> Path:
    """The policies folder a fixture file lies in."""
    return next(parent for parent in path.parents if parent.name == "policies")


def relative(path: Path) -> str:
    """The path as it stands in an organisation's repository: `policies/...`."""
    return path.relative_to(policies_of(path).parent).as_posix()


def file_id(path: Path) -> str:
    return path.relative_to(FIXTURES).as_posix()


def glob_regex(glob: str) -> re.Pattern[str]:
    """A yaml.schemas glob as the language server matches it: `*` stays inside one folder."""
    return re.compile("".join("[^/]*" if part == "*" else re.escape(part) for part in re.split(r"(\*)", glob)))


def schemas_for(path: str) -> set[str]:
    """Every schema `.vscode/settings.json` associates with a repository-relative path."""
    found = set()
    for schema, globs in SETTINGS["yaml.schemas"].items():
        if any(glob_regex(glob).fullmatch(path) for glob in globs):
            found.add(schema.removeprefix("./"))
    return found


@pytest.mark.parametrize("path", POLICY_FILES, ids=file_id)
def test_modeline_names_the_loaders_schema(path: Path) -> None:
    claim = claim_for(path.relative_to(policies_of(path)).as_posix())
    assert claim is not None, f"{relative(path)}: ingen schema gäller för filen"
    first_line = path.read_text(encoding="utf-8").split("\n", 1)[0]
    match = MODELINE.fullmatch(first_line)
    assert match, f"{relative(path)}: första raden ska vara `# yaml-language-server: $schema=…`, inte {first_line!r}"
    expected = Path(os.path.relpath(SCHEMAS_DIR / claim.schema, path.parent)).as_posix()
    assert match["path"] == expected
    assert (path.parent / match["path"]).resolve() == (SCHEMAS_DIR / claim.schema).resolve()


@pytest.mark.parametrize("path", POLICY_FILES, ids=file_id)
def test_vscode_settings_give_the_loaders_schema(path: Path) -> None:
    claim = claim_for(path.relative_to(policies_of(path)).as_posix())
    assert claim is not None
    assert schemas_for(relative(path)) == {f"schemas/{claim.schema}"}


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_vscode_settings_cover_every_name_the_loader_accepts(name: str) -> None:
    claim = claim_for(name)
    assert claim is not None
    assert schemas_for(f"policies/{name}") == {f"schemas/{claim.schema}"}


def test_settings_name_every_loader_schema_and_only_existing_ones() -> None:
    named = {schema.removeprefix("./schemas/") for schema in SETTINGS["yaml.schemas"]}
    assert {claim.schema for claim in claims()} <= named
    for schema in named:
        assert (SCHEMAS_DIR / schema).is_file(), schema


def test_settings_are_the_registrys_editor_associations() -> None:
    """Each registered kind's claims name their editor glob (`FileClaim.editor_glob`); the settings
    hold exactly those for the policy files (generated from the registry: `expected` below)."""
    from generators.kinds import kinds

    expected: dict[str, list[str]] = {}
    for kind in kinds():
        for claim in kind.claims:
            expected.setdefault(f"./schemas/{claim.schema}", []).append(claim.editor_glob)
    policy_part = {schema: globs for schema, globs in SETTINGS["yaml.schemas"].items() if any(g.startswith("policies/") for g in globs)}
    assert policy_part == expected


def test_team_mapping_has_its_schema_in_the_editor_too() -> None:
    first_line = TEAMS_FILE.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first_line == "# yaml-language-server: $schema=../schemas/owner-teams.schema.json"
    assert schemas_for(".github/owner-teams.yaml") == {"schemas/owner-teams.schema.json"}


def test_editor_settings() -> None:
    assert SETTINGS["yaml.yamlVersion"] == "1.2"
    assert SETTINGS["yaml.customTags"] == []  # the loader refuses every tag (L-code); so does the editor
    assert SETTINGS["files.encoding"] == "utf8"
    assert SETTINGS["[yaml]"]["editor.tabSize"] == 2
    assert SETTINGS["[yaml]"]["editor.insertSpaces"] is True
    extensions = json.loads((REPO / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def _yaml12() -> YAML:
    reader = YAML(typ="safe", pure=True)
    reader.version = (1, 2)
    return reader


def test_every_policy_reads_the_same_in_yaml_1_2_as_in_the_loader() -> None:
    """What the editor (and check-jsonschema) validate is exactly what the checker checks."""
    for policies in sorted(FIXTURES.glob("*/policies")):
        _same_in_yaml_1_2(policies)


def _same_in_yaml_1_2(policies: Path) -> None:
    loaded = load_policies(policies)
    assert not loaded.failed
    reader = _yaml12()
    for document in loaded.documents:
        assert reader.load((REPO / document.file).read_text(encoding="utf-8")) == document.data, document.file


def test_yaml_1_1_would_disagree_where_the_loader_and_the_editor_agree(policies_copy: Path) -> None:
    """`NO` in a text field: text for the loader and for YAML 1.2, `False` for YAML 1.1 (PyYAML)."""
    path = policies_copy / "organisation.yaml"
    text = path.read_text(encoding="utf-8").replace('name: "Ekbacka kommun"', "name: NO", 1)
    assert "name: NO" in text
    path.write_text(text, encoding="utf-8")
    loaded = load_policies(policies_copy)
    (organisation,) = [d for d in loaded.documents if d.kind == "organisation"]
    seen: dict[str, Any] = {
        "loader": organisation.data["municipality"]["name"],
        "yaml 1.2": _yaml12().load(text)["municipality"]["name"],
        "yaml 1.1": yaml.safe_load(text)["municipality"]["name"],
    }
    assert seen == {"loader": "NO", "yaml 1.2": "NO", "yaml 1.1": False}
