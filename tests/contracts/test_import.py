"""The contract database's export imported into the avtalsregister (python -m generators contracts import).

The export is made here as the contract system would write it: the example register's contracts as
XLSX rows (date cells, number cells, positions by title), repeated to 3 000 rows with their own
numbers. Five cells are broken; exactly those five are reported, at their row and column, and the
other 2 995 contracts are imported and pass `check` like the example's.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from generators.cli import main
from generators.imports.contracts import COLUMNS
from generators.pipeline import load_and_check
from tests.conftest import TODAY

HEADERS = [c.header for c in COLUMNS]
STATUS = {"active": "gällande", "ended": "avslutat", "terminated": "uppsagt"}


def _register(policies: Path) -> dict[str, Any]:
    # BaseLoader: every scalar as written (YAML 1.1 would read the key `on:` as true).
    return yaml.load((policies / "avtalsregister.yaml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def _titles(policies: Path) -> dict[str, str]:
    org = yaml.load((policies / "organisation.yaml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    titles = [p["title"] for p in org["positions"]]
    return {p["id"]: p["title"] for p in org["positions"] if titles.count(p["title"]) == 1}


def _cells(contract: dict[str, Any], titles: dict[str, str], number: str) -> list[Any]:
    def actor(value: dict[str, str] | None) -> str | None:
        if value is None:
            return None
        if "position" in value:
            return titles.get(value["position"], value["position"])
        return f"{value['seat']}@{value['body']}"

    def day(text: str | None) -> date | None:
        return date.fromisoformat(text) if text else None

    supplier, procurement, term, signed = contract["supplier"], contract["procurement"], contract["term"], contract["signed"]
    values = {
        "Avtalsnummer": number, "Avtalet gäller": contract["subject"], "Kategori": contract["category"], "Nämnd": contract["body"],
        "Leverantör": supplier["name"], "Organisationsnummer": supplier.get("orgnr"), "Momsregistreringsnummer": supplier.get("vat"),
        "Anskaffning": procurement["ground"], "Anskaffningsdatum": day(procurement.get("date")), "Diarienummer": procurement.get("diarienummer"),
        "Dokumentation": procurement.get("documentation"), "Startdatum": day(term["start"]), "Slutdatum": day(term["end"]),
        "Värde exkl. moms (kr)": int(contract["value_sek"]), "Avtalsägare": actor(contract.get("owner")), "Avtalsförvaltare": actor(contract["manager"]),
        "Undertecknat av": actor(signed["by"]), "Undertecknat den": day(signed["on"]),
        "Mandat: delegationsärende": signed["mandate"].get("matter"), "Mandat: regel för firmateckning": signed["mandate"].get("signing_rule"),
        "Status": STATUS[contract["status"]], "Anmärkning": contract.get("note"),
    }
    return [values[h] for h in HEADERS]


def _importable(register: dict[str, Any]) -> list[dict[str, Any]]:
    """The example's contracts whose every field the export format carries."""
    carried = {"id", "subject", "category", "body", "supplier", "procurement", "term", "value_sek", "owner", "manager", "signed", "status", "note"}
    return [c for c in register["contracts"] if set(c) <= carried and set(c["supplier"]) <= {"name", "orgnr", "vat"}
            and set(c["procurement"]) <= {"ground", "date", "diarienummer", "documentation"} and set(c["term"]) <= {"start", "end"}
            and "date" in c["procurement"] and "diarienummer" in c["procurement"]]


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[tuple[int, int], str]]:
    from tests.conftest import KOMMUN, copy_tree

    root = tmp_path_factory.mktemp("import")
    policies = copy_tree(KOMMUN, root / "kommun")
    register = _register(policies)
    titles = _titles(policies)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Avtal"
    sheet.append(HEADERS)
    contracts = _importable(register)
    assert len(contracts) > 50
    for index in range(3000):
        contract = contracts[index % len(contracts)]
        number = contract["id"] if index < len(contracts) else f"IMP-{index:04d}"
        sheet.append(_cells(contract, titles, number))
    column = {h: i + 1 for i, h in enumerate(HEADERS)}
    broken = {  # (row, column) → the code the import must report there
        (10, column["Startdatum"]): "AR203",
        (250, column["Avtalsförvaltare"]): "AR204",
        (1000, column["Organisationsnummer"]): "AR203",
        (2000, column["Avtalet gäller"]): "AR203",
        (2999, column["Avtalsnummer"]): "AR205",
    }
    sheet.cell(10, column["Startdatum"]).value = "31/12/2024"
    sheet.cell(250, column["Avtalsförvaltare"]).value = "Avtalsförvaltaren"
    sheet.cell(1000, column["Organisationsnummer"]).value = "556036-0794"[:-1] + "5"
    sheet.cell(2000, column["Avtalet gäller"]).value = None
    sheet.cell(2999, column["Avtalsnummer"]).value = sheet.cell(2998, column["Avtalsnummer"]).value
    assert sheet.cell(1000, column["Organisationsnummer"]).value != "556036-0794"
    path = root / "avtalsdatabasen.xlsx"
    workbook.save(path)
    return path, policies, broken


def test_a_3000_row_export_imports_with_exactly_its_5_broken_cells_reported(export: tuple[Path, Path, dict[tuple[int, int], str]],
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    path, policies, broken = export
    code = main(["contracts", "import", str(path), "--policies", str(policies)])
    out, err = capsys.readouterr()
    reported = {}
    for line in out.splitlines():
        where, rest = line.split(": ", 1)
        file, row, column = where.rsplit(":", 2)
        assert file == str(path)
        reported[(int(row), int(column))] = rest.split(" ", 1)[0]
    assert reported == broken, out
    assert code == 1
    err = err.replace("\u00a0", " ")
    assert "2 995 avtal lästes in" in err and "5 rader av 3 000 kunde inte läsas in" in err
    imported = _register(policies)["contracts"]
    assert len(imported) == 2995 and len({c["id"] for c in imported}) == 2995


def test_the_imported_register_passes_check_like_the_example(export: tuple[Path, Path, dict[tuple[int, int], str]]) -> None:
    _, policies, _ = export
    result = load_and_check(policies, TODAY).result
    assert [f"{d.file}:{d.line}: {d.code} {d.message}" for d in result.errors] == []


def test_a_csv_export_with_an_unknown_column_is_refused_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import KOMMUN, copy_tree

    policies = copy_tree(KOMMUN, tmp_path / "kommun")
    before = (policies / "avtalsregister.yaml").read_bytes()
    export = tmp_path / "avtal.csv"
    with export.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([[*HEADERS[:-1], "Avtalsvärde"], ["x"] * len(HEADERS)])
    assert main(["contracts", "import", str(export), "--policies", str(policies)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{export}:1:{len(HEADERS)}: AR202 Kolumnen 'Avtalsvärde' är okänd.")
    assert (policies / "avtalsregister.yaml").read_bytes() == before


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 not really a zip", b"\x00\x01\x02" * 100])
def test_a_damaged_xlsx_is_one_swedish_line_and_nothing_is_written(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes) -> None:
    from tests.conftest import KOMMUN, copy_tree

    policies = copy_tree(KOMMUN, tmp_path / "kommun")
    before = (policies / "avtalsregister.yaml").read_bytes()
    export = tmp_path / "avtal.xlsx"
    export.write_bytes(content)
    assert main(["contracts", "import", str(export), "--policies", str(policies)]) == 1
    out = capsys.readouterr().out
    assert out == f"{export}:1:1: AR201 Filen kan inte läsas som XLSX: den är inte en arbetsbok som Excel eller LibreOffice sparar (.xlsx). " \
                  "Spara exporten som XLSX eller som CSV i UTF-8.\n"
    assert (policies / "avtalsregister.yaml").read_bytes() == before
