"""Import the contract database's export (XLSX or CSV) into the avtalsregister.

The export has one row per contract and the columns in `COLUMNS` (Swedish headers, in any order;
extra columns are refused rather than ignored, because an unknown column is usually a misspelt one).
Each cell is read exactly: a date is a date cell or ÅÅÅÅ-MM-DD, an amount whole kronor, a position
its id or its exact title in organisation.yaml, a nämnd its id or name. Every cell that cannot be
used is reported as `path:row:column: CODE message`, and its row is not imported; every other row
becomes a contract, checked against the register's own schema (contracts.schema.json) on the way.

The register keeps everything above `contracts:` (its grounds and categories, written by its
owner); the import replaces the contracts with the export's rows, in the export's order. `check`
then judges the register as a whole (AR101–AR109: owners, signing mandates, direct procurement).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generators.diagnostics import TabularProblem
from generators.loading.documents import schema_store
from generators.model.common import check_orgnr
from generators.model.organisation import Organisation
from generators.tabular import Table, TableError, TableRow, as_date, read_table

AR201, AR202, AR203, AR204, AR205 = "AR201", "AR202", "AR203", "AR204", "AR205"

# The codes of the import (reported while reading; they share the code table, generators/checks/codes.tsv).
IMPORT_CODES: tuple[tuple[str, str, str], ...] = (
    (AR201, "contract-export-unreadable", "Exporten ska gå att läsa som XLSX eller CSV i UTF-8, med en rubrikrad."),
    (AR202, "contract-export-columns", "Exporten ska ha avtalsregistrets kolumner, och inga okända."),
    (AR203, "contract-export-value", "Varje cell ska ha ett giltigt värde: datum, belopp, id, organisationsnummer."),
    (AR204, "contract-export-reference", "Befattningar, nämnder, grunder och kategorier ska finnas."),
    (AR205, "contract-export-duplicate", "Varje avtal ska förekomma en gång."),
)

# Status words of a contract database, and the register's ids.
STATUS_WORDS = {"gällande": "active", "aktivt": "active", "active": "active", "avslutat": "ended", "ended": "ended",
                "uppsagt": "terminated", "terminated": "terminated"}


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    path: tuple[str, ...]  # where the value goes in a contract
    kind: str  # text | id | date | whole_kronor | position | actor | body | orgnr | status | ground | category
    required: bool = True


COLUMNS: tuple[Column, ...] = (
    Column("Avtalsnummer", ("id",), "contract_id"),
    Column("Avtalet gäller", ("subject",), "text"),
    Column("Kategori", ("category",), "category"),
    Column("Nämnd", ("body",), "body"),
    Column("Leverantör", ("supplier", "name"), "text"),
    Column("Organisationsnummer", ("supplier", "orgnr"), "orgnr", required=False),
    Column("Momsregistreringsnummer", ("supplier", "vat"), "text", required=False),
    Column("Anskaffning", ("procurement", "ground"), "ground"),
    Column("Anskaffningsdatum", ("procurement", "date"), "date"),
    Column("Diarienummer", ("procurement", "diarienummer"), "text"),
    Column("Dokumentation", ("procurement", "documentation"), "text", required=False),
    Column("Startdatum", ("term", "start"), "date"),
    Column("Slutdatum", ("term", "end"), "date"),
    Column("Värde exkl. moms (kr)", ("value_sek",), "whole_kronor"),
    Column("Avtalsägare", ("owner",), "actor", required=False),
    Column("Avtalsförvaltare", ("manager",), "actor"),
    Column("Undertecknat av", ("signed", "by"), "actor"),
    Column("Undertecknat den", ("signed", "on"), "date"),
    Column("Mandat: delegationsärende", ("signed", "mandate", "matter"), "id", required=False),
    Column("Mandat: regel för firmateckning", ("signed", "mandate", "signing_rule"), "id", required=False),
    Column("Status", ("status",), "status"),
    Column("Anmärkning", ("note",), "text", required=False),
)

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_SEAT = re.compile(r"^(?P<seat>[a-z_]+)@(?P<body>[a-z0-9_]+)$")


@dataclass
class ImportResult:
    contracts: list[dict[str, Any]]
    problems: list[TabularProblem]
    rows: int


class _Reader:
    def __init__(self, file: str, org: Organisation, grounds: set[str], categories: set[str]) -> None:
        self.file, self.org, self.grounds, self.categories = file, org, grounds, categories
        self.titles: dict[str, list[str]] = {}
        for position_id, position in org.positions.items():
            self.titles.setdefault(position.title.casefold(), []).append(position_id)
        self.bodies = {body.name.casefold(): body_id for body_id, body in org.bodies.items()}

    # Each parser returns (value, None) or (None, problem message with its code).
    def text(self, value: Any) -> tuple[Any, tuple[str, str] | None]:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value), None
        if not isinstance(value, str):
            return None, (AR203, "texten saknas eller är inte text")
        return " ".join(value.split()), None

    def contract_id(self, value: Any) -> tuple[Any, tuple[str, str] | None]:
        return self.text(value)

    def id(self, value: Any) -> tuple[Any, tuple[str, str] | None]:
        if not isinstance(value, str) or not _ID.match(value):
            return None, (AR203, f"'{value}' är inget id (små bokstäver, siffror, - och _)")
        return value, None

    def date(self, value: Any) -> tuple[Any, tuple[str, str] | None]:
        found = as_date(value)
        if found is None:
            return None, (AR203, f"'{value}' är inget datum; skriv ÅÅÅÅ-MM-DD eller använd en datumcell")
        return found.isoformat(), None

    def whole_kronor(self, value: Any) -> tuple[Any, tuple[str, str] | None]:
        if isinstance(value, bool):
            return None, (AR203, "värdet ska vara ett belopp i hela kronor")
        if isinstance(value, int):
            number = value
        elif isinstance(value, float) and value.is_integer():
            number = int(value)
        elif isinstance(value, str) and re.fullmatch(r"\d{1,3}(?:[ \u00a0]?\d{3})*", value):
            number = int(re.sub(r"[ \u00a0]", "", value))
        else:
            return None, (AR203, f"'{value}' är inget belopp i hela kronor (till exempel 450000 eller 450 000)")
        if number < 0:
            return None, (AR203, "värdet kan inte vara negativt")
        return number, None

    def orgnr(self, value: Any) -> tuple[Any, tuple[str, str] | None]:
        if not isinstance(value, str):
            return None, (AR203, f"'{value}' är inget organisationsnummer; skriv NNNNNN-NNNN som text")
        problem = check_orgnr(value)
        if problem is not None:
            return None, (AR203, f"organisationsnumret {value}: {problem}")
        return value, None

    def status(self, value: Any) -> tuple[Any, tuple[str, str] | None]:
        found = STATUS_WORDS.get(str(value).casefold()) if isinstance(value, str) else None
        if found is None:
            return None, (AR203, f"'{value}' är ingen status; skriv gällande, avslutat eller uppsagt")
        return found, None

    def body(self, value: Any) -> tuple[Any, tuple[str, str] | None]:
        if isinstance(value, str):
            if value in self.org.bodies:
                return value, None
            if value.casefold() in self.bodies:
                return self.bodies[value.casefold()], None
        return None, (AR204, f"nämnden '{value}' finns inte i organisationen (ange dess id eller namn)")

    def actor(self, value: Any) -> tuple[Any, tuple[str, str] | None]:
        if not isinstance(value, str):
            return None, (AR204, "befattningen saknas")
        if value in self.org.positions:
            return {"position": value}, None
        seat = _SEAT.match(value)
        if seat and seat.group("body") in self.org.bodies:
            return {"seat": seat.group("seat"), "body": seat.group("body")}, None
        matches = self.titles.get(value.casefold(), [])
        if len(matches) == 1:
            return {"position": matches[0]}, None
        if len(matches) > 1:
            return None, (AR204, f"befattningen '{value}' är tvetydig: {', '.join(sorted(matches))} har den titeln; ange id")
        return None, (AR204, f"befattningen '{value}' finns inte i organisationen (ange id eller exakt titel)")

    def ground(self, value: Any) -> tuple[Any, tuple[str, str] | None]:
        if isinstance(value, str) and value in self.grounds:
            return value, None
        return None, (AR204, f"grunden '{value}' finns inte i registrets grunder ({', '.join(sorted(self.grounds))})")

    def category(self, value: Any) -> tuple[Any, tuple[str, str] | None]:
        if isinstance(value, str) and value in self.categories:
            return value, None
        return None, (AR204, f"kategorin '{value}' finns inte i registrets kategorier ({', '.join(sorted(self.categories))})")


def _put(target: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for step in path[:-1]:
        target = target.setdefault(step, {})
    target[path[-1]] = value


def import_contracts(path: Path, display: str, org: Organisation, register: dict[str, Any], sheet: str | None = None) -> ImportResult:
    """Every row of the export as a contract, or its problems; nothing dropped without a problem."""
    try:
        table = read_table(path, sheet)
    except TableError as error:
        return ImportResult([], [TabularProblem(display, 1, 1, AR201, str(error))], 0)
    positions, problems = _columns(display, table)
    if problems:
        return ImportResult([], problems, len(table.rows))
    grounds = {g["id"] for g in register.get("grounds", [])}
    categories = {c["id"] for c in register.get("categories", [])}
    reader = _Reader(display, org, grounds, categories)
    validator = _contract_validator()
    contracts: list[dict[str, Any]] = []
    first_row: dict[str, int] = {}
    for row in table.rows:
        contract, row_problems = _contract(reader, positions, row, display, validator)
        if contract is not None:
            seen = first_row.get(contract["id"])
            if seen is not None:
                row_problems.append(TabularProblem(display, row.number, positions[COLUMNS[0].header] + 1, AR205,
                                            f"Avtalsnummer {contract['id']} finns redan på rad {seen}; varje avtal förs in en gång."))
            else:
                first_row[contract["id"]] = row.number
        problems.extend(row_problems)
        if contract is not None and not row_problems:
            contracts.append(contract)
    return ImportResult(contracts, problems, len(table.rows))


def _columns(display: str, table: Table) -> tuple[dict[str, int], list[TabularProblem]]:
    known = {c.header: c for c in COLUMNS}
    positions: dict[str, int] = {}
    problems = []
    for index, header in enumerate(table.header):
        if header not in known:
            problems.append(TabularProblem(display, 1, index + 1, AR202, f"Kolumnen '{header}' är okänd. Kolumnerna heter: "
                                    f"{', '.join(c.header for c in COLUMNS)}."))
        elif header in positions:
            problems.append(TabularProblem(display, 1, index + 1, AR202, f"Kolumnen '{header}' finns två gånger."))
        else:
            positions[header] = index
    for column in COLUMNS:
        if column.required and column.header not in positions:
            problems.append(TabularProblem(display, 1, 1, AR202, f"Kolumnen '{column.header}' saknas; den behövs för varje avtal."))
    return positions, problems


def _contract_validator() -> Any:
    store, _ = schema_store()
    from jsonschema import Draft202012Validator

    schema = {"$ref": "contracts.schema.json#/$defs/contract", "$id": "https://styrdokument.example/schemas/import.json"}
    return Draft202012Validator(schema, registry=store._python_registry)


def _contract(reader: _Reader, positions: dict[str, int], row: TableRow, display: str,
              validator: Any) -> tuple[dict[str, Any] | None, list[TabularProblem]]:
    contract: dict[str, Any] = {}
    problems: list[TabularProblem] = []
    for column in COLUMNS:
        index = positions.get(column.header)
        value = row.cells[index] if index is not None and index < len(row.cells) else None
        where = (index or 0) + 1
        if value is None:
            if column.required:
                problems.append(TabularProblem(display, row.number, where, AR203, f"{column.header} saknas."))
            continue
        parse: Callable[[Any], tuple[Any, tuple[str, str] | None]] = getattr(reader, column.kind)
        parsed, problem = parse(value)
        if problem is not None:
            problems.append(TabularProblem(display, row.number, where, problem[0], f"{column.header}: {problem[1]}."))
            continue
        _put(contract, column.path, parsed)
    if problems:
        return None, problems
    if "mandate" not in contract.get("signed", {}):
        mandate_at = positions.get("Mandat: delegationsärende", 0) + 1
        return None, [TabularProblem(display, row.number, mandate_at, AR203, "Mandatet saknas: ange ett delegationsärende eller en regel för firmateckning.")]
    for error in sorted(validator.iter_errors(contract), key=lambda e: list(e.absolute_path)):
        path = tuple(str(p) for p in error.absolute_path)
        owner = next((c for c in COLUMNS if c.path == path[: len(c.path)] and c.header in positions), None)
        at = positions[owner.header] + 1 if owner is not None else 1
        problems.append(TabularProblem(display, row.number, at, AR203,
                                f"{owner.header if owner else 'Raden'}: värdet följer inte avtalsregistrets schema ({error.message})."))
    return (None, problems) if problems else (contract, [])


def register_text(original: str, contracts: list[dict[str, Any]]) -> str:
    """The register with its contracts replaced: everything above `contracts:` kept as written."""
    head, marker, _ = original.partition("\ncontracts:")
    if not marker:
        head = original.rstrip("\n")
    lines = [head.rstrip("\n"), "", "contracts:"]
    for contract in contracts:
        first = True
        for key, value in contract.items():
            prefix = "  - " if first else "    "
            first = False
            lines.append(f"{prefix}{key}: {_flow(value)}")
    return "\n".join(lines) + "\n"


def _flow(value: Any) -> str:
    return str(yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**6, sort_keys=False)).strip().removesuffix("\n...").strip()
