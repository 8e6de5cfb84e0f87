"""`.github/CODEOWNERS` generated from each document's owner and the position → team mapping.

Every governed document names its owner (`document.owner`, a position). `.github/owner-teams.yaml`
(schema `schemas/owner-teams.schema.json`) maps positions to GitHub teams, names the platform team
and lists fixed paths no single document owns. GitHub applies the *last* matching line, so the file
runs from general to specific: the platform team's lines (`*` first, so every file has an owner),
the fixed paths in the order the mapping writes them, then one line per policy document, grouped by
owner position and sorted by path. The text depends only on the sources, never on the clock or the
file system's order: the same policies and mapping give the same bytes.

Nothing is guessed: a document whose owner is not a position, a position without a team, or a
policy file that did not load cleanly (its owner is unknown) is a problem, and no file is written.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generators.diagnostics import Location
from generators.loading.documents import SourceDocument, load_file, load_policies, schema_store
from generators.model import Model, build_model
from generators.model.common import Actor, SourceRef
from generators.paths import REPO_ROOT, display_base

TEAMS_FILE = ".github/owner-teams.yaml"
OUTPUT_FILE = ".github/CODEOWNERS"
TEAMS_SCHEMA = "owner-teams.schema.json"
POLICIES_DIR = "policies"

# The tool's own code and contracts; `*` gives every file nobody else owns an owner.
PLATFORM_PATHS = ("*", "/.github/", "/generators/", "/schemas/")

REGENERATE = "python -m generators codeowners"
CHECK = "python -m generators codeowners --check"


@dataclass(frozen=True, slots=True)
class Problem:
    """One reason CODEOWNERS cannot be generated, where it stands, in Swedish."""

    file: str
    line: int
    column: int
    message: str
    code: str = ""  # the loader's L/S code when the mapping file itself is malformed

    def __str__(self) -> str:
        code = f"{self.code} " if self.code else ""
        return f"{self.file}:{self.line}:{self.column}: {code}{self.message}"

    @classmethod
    def at(cls, location: Location, message: str) -> Problem:
        return cls(location.file, location.line, location.column, message)


class CodeownersError(Exception):
    """The sources do not give a CODEOWNERS file; every problem found is listed."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = tuple(problems)


@dataclass(frozen=True, slots=True)
class Sources:
    """Where the inputs and the output are. Paths in CODEOWNERS are relative to `root`."""

    root: Path
    policies: Path
    teams: Path
    output: Path

    @classmethod
    def for_repository(
        cls,
        root: Path = REPO_ROOT,
        policies: Path | None = None,
        teams: Path | None = None,
        output: Path | None = None,
    ) -> Sources:
        """The conventional layout under `root`; each part can be moved (tests use a copy)."""
        root = root.resolve()
        sources = cls(
            root,
            (policies or root / POLICIES_DIR).resolve(),
            (teams or root / TEAMS_FILE).resolve(),
            (output or root / OUTPUT_FILE).resolve(),
        )
        if sources.policies != root and root not in sources.policies.parents:
            raise ValueError(
                f"mappen {sources.policies} ligger inte i förrådet {root}; CODEOWNERS kan bara ange sökvägar inne i förrådet."
            )
        return sources

    def shown(self, path: Path) -> str:
        """A path as the messages show it: relative to the root when inside it."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


@dataclass(frozen=True, slots=True)
class PathRule:
    path: str
    owners: tuple[str, ...]
    why: str


@dataclass(frozen=True, slots=True)
class TeamMap:
    """The parsed `.github/owner-teams.yaml`."""

    file: str
    platform: str
    paths: tuple[PathRule, ...]
    positions: dict[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class OwnedDocument:
    path: str  # CODEOWNERS form: `/policies/delegation/socialnamnden.yaml`
    owner: Actor


def _owners(value: str | list[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def load_team_map(sources: Sources) -> TeamMap:
    """Read the mapping strictly (the same loader and Swedish schema messages as the policies)."""
    shown = sources.shown(sources.teams)
    if not sources.teams.is_file():
        raise CodeownersError([Problem(shown, 1, 1, "Filen som kopplar befattningar till GitHub-team saknas.")])
    store, typer = schema_store()
    document, diagnostics = load_file(sources.teams, shown, "owner-teams", TEAMS_SCHEMA, store, typer)
    errors = [d for d in diagnostics if d.severity == "error"]
    if document is None or errors:
        raise CodeownersError([Problem(d.file, d.line, d.column, d.message, d.code) for d in errors or diagnostics])
    data: dict[str, Any] = document.data
    return TeamMap(
        file=shown,
        platform=data["platform_team"],
        paths=tuple(PathRule(rule["path"], _owners(rule["owners"]), rule["why"]) for rule in data.get("paths", [])),
        positions={position: _owners(team) for position, team in data["positions"].items()},
    )


def _codeowners_path(sources: Sources, document: SourceDocument) -> str:
    # `document.file` is relative to the display base of the policies folder (see generators.paths).
    absolute = display_base(sources.policies) / document.file
    # A space would end the pattern; CODEOWNERS escapes it with a backslash.
    return "/" + absolute.resolve().relative_to(sources.root).as_posix().replace(" ", "\\ ")


def _owner_from_data(document: SourceDocument) -> Actor | None:
    """The owner of a loaded document the model does not (yet) build, from its validated data.

    Governed documents carry `document.owner`; the personal-data allowlist a top-level `owner`.
    Reference data has no owner and falls under the fixed paths.
    """
    data = document.data if isinstance(document.data, dict) else {}
    meta = data.get("document")
    if isinstance(meta, dict) and isinstance(meta.get("owner"), dict):
        return Actor.parse(meta["owner"], SourceRef(document, ("document", "owner")))
    if isinstance(data.get("owner"), dict):
        return Actor.parse(data["owner"], SourceRef(document, ("owner",)))
    return None


def owned_documents(sources: Sources, model: Model | None = None) -> list[OwnedDocument]:
    """Every policy file with an owner. Refuses to answer while any policy file fails to load."""
    if model is None:
        loaded = load_policies(sources.policies)
        if loaded.failed:
            raise CodeownersError([
                Problem(file, 1, 1, "Filen läses inte in utan fel, så dess ägare är okänd. Kör `python -m generators check` och rätta felen först.")
                for _, file in sorted(loaded.failed, key=lambda failed: failed[1])
            ])
        model = build_model(loaded)
    owners: dict[str, Actor] = {}
    for governed in model.governed_documents():
        owners[governed.meta.source.file] = governed.meta.owner
    # Kinds whose model is not built (or keeps no `meta`) still have an owner in their data.
    for document in model.documents:
        if document.file not in owners:
            owner = _owner_from_data(document)
            if owner is not None:
                owners[document.file] = owner
    by_file = {document.file: document for document in model.documents}
    return sorted(
        (OwnedDocument(_codeowners_path(sources, by_file[file]), owner) for file, owner in owners.items()),
        key=lambda owned: owned.path,
    )


def _owner_problem(owned: OwnedDocument, teams: TeamMap) -> Problem | None:
    owner = owned.owner
    assert owner.source is not None
    location = owner.source.location()
    if owner.kind != "position":
        written = f"{{{owner.kind}: {owner.id}}}" if owner.kind != "seat" else f"{{seat: {owner.id}, body: {owner.body}}}"
        return Problem.at(
            location,
            f"Dokumentägaren {written} är ingen befattning. CODEOWNERS kopplar befattningar till GitHub-team; "
            "ange en befattning som ägare, t.ex. {position: kanslichef} (se X804).",
        )
    if owner.id not in teams.positions:
        return Problem.at(
            location,
            f"Dokumentägaren {owner.id} har inget GitHub-team i {teams.file}. Lägg till "
            f"`{owner.id}: \"@organisation/team\"` under positions: där och kör `{REGENERATE}`.",
        )
    return None


def _comment(text: str) -> list[str]:
    # Whitespace is collapsed so no text from a data file can start a rule line of its own.
    return ["# " + line for line in textwrap.wrap(" ".join(text.split()), width=98)]


def _rules(rows: Iterable[tuple[str, Sequence[str]]], width: int) -> list[str]:
    return [f"{path.ljust(width)}  {' '.join(owners)}".rstrip() for path, owners in rows]


def render(teams: TeamMap, documents: Sequence[OwnedDocument], policies: str = POLICIES_DIR) -> str:
    """The file's text; `policies` is the policies folder as the header names it."""
    problems = [p for p in (_owner_problem(owned, teams) for owned in documents) if p is not None]
    if problems:
        raise CodeownersError(problems)
    width = max(len(path) for path in (*PLATFORM_PATHS, *(r.path for r in teams.paths), *(d.path for d in documents)))
    lines = [
        "# Den här filen är genererad – ändra den inte för hand.",
        "#",
        f"# `{REGENERATE}` skapar den från varje styrdokuments ägare (document.owner under",
        f"# {policies}/) och kopplingen befattning → GitHub-team i {teams.file}.",
        f"# Byt ägare i dokumentet eller team i {teams.file}, generera om och checka in båda:",
        "#",
        f"#     {REGENERATE}",
        "#",
        f"# CI kör `{CHECK}` och underkänner en fil som inte är aktuell.",
        "# GitHub använder den sista raden som matchar en fil: raderna går från allmänt till specifikt.",
        "",
        "# Plattformen: verktyget, scheman, arbetsflöden och allt som inget styrdokument äger.",
        *_rules(((path, (teams.platform,)) for path in PLATFORM_PATHS), width),
    ]
    if teams.paths:
        lines += ["", f"# Fasta sökvägar (paths i {teams.file})."]
        for rule in teams.paths:
            lines += [*_comment(rule.why), *_rules([(rule.path, rule.owners)], width)]
    by_position: dict[str, list[OwnedDocument]] = {}
    for owned in documents:
        by_position.setdefault(owned.owner.id, []).append(owned)
    if by_position:
        lines += ["", "# Styrdokumenten: dokumentägarens team."]
    for position in sorted(by_position):
        lines.append(f"# Ägare: {position}")
        lines += _rules(((owned.path, teams.positions[position]) for owned in by_position[position]), width)
    return "\n".join(lines) + "\n"


def generate(sources: Sources, model: Model | None = None) -> str:
    """The CODEOWNERS text for the sources, or CodeownersError listing every problem."""
    teams_problems: list[Problem] = []
    try:
        teams = load_team_map(sources)
    except CodeownersError as error:
        teams_problems, teams = list(error.problems), None
    try:
        documents = owned_documents(sources, model)
    except CodeownersError as error:
        raise CodeownersError([*teams_problems, *error.problems]) from None
    if teams is None:
        raise CodeownersError(teams_problems)
    return render(teams, documents, sources.shown(sources.policies))


def committed(sources: Sources) -> bytes | None:
    """The file as it stands, byte for byte (a CRLF copy is not the generated file)."""
    try:
        return sources.output.read_bytes()
    except FileNotFoundError:
        return None


def is_fresh(sources: Sources, model: Model | None = None) -> bool:
    """True when the committed file is exactly what the sources generate."""
    return committed(sources) == generate(sources, model).encode("utf-8")


def write(sources: Sources, model: Model | None = None) -> bool:
    """Write the file; True when its content changed."""
    data = generate(sources, model).encode("utf-8")
    if committed(sources) == data:
        return False
    sources.output.parent.mkdir(parents=True, exist_ok=True)
    sources.output.write_bytes(data)
    return True
