"""Writes the behaviour cases tests/rules/AR1xx.yaml (their edits add or change contracts in the example register).

Run `python -m tests.contracts.make_rule_cases` after changing a case here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def contract(cid: str, subject: str, category: str, body: str, supplier: str, procurement: str, term: str, value: int, owner: str | None,
             manager: str, signed: str, status: str, extra: str = "") -> str:
    s = f"  - id: {cid}\n    subject: \"{subject}\"\n    category: {category}\n    body: {body}\n    supplier: {supplier}\n    procurement: {procurement}\n    term: {term}\n    value_sek: {value}\n"
    if owner: s += f"    owner: {owner}\n"
    s += f"    manager: {manager}\n    signed: {signed}\n    status: {status}\n" + extra
    return s
BEFORE = "  - id: AVT-KS-2025-002\n"
def insert(text: str) -> dict[str, str]:
    return {"file": "avtalsregister.yaml", "find": BEFORE, "replace": text + BEFORE}
def edit(find: str, replace: str) -> dict[str, str]:
    return {"file": "avtalsregister.yaml", "find": find, "replace": replace}
def exp(code: str, at: str, file: str = "avtalsregister.yaml") -> dict[str, Any]:
    return {"code": code, "file": file, "at": at}
CASES: dict[str, list[dict[str, Any]]] = {}
JUR = contract("AVT-KS-2025-099", "Juridiskt stöd vid omförhandling av hyresavtal", "juridik", "kommunstyrelsen",
               '{name: "Advokatbyrån Granath AB", orgnr: "556677-8899"}',
               '{ground: direktupphandling, date: "2025-01-16", diarienummer: "KS 2024/90", documentation: "KS 2024/90, dokumentation av direktupphandlingen"}',
               '{start: "2025-02-01", end: "2026-01-31"}', 900000, "{position: kommunjurist}", "{position: kommunjurist}",
               '{by: {position: kommundirektor}, on: "2025-01-16", mandate: {matter: ks-upphandling-direktupphandling}}', "ended")
LEASE = contract("AVT-KS-2025-099", "Hyra av lokaler för föreningsservice, Kyrkogatan 2", "lokaler", "kommunstyrelsen",
                 '{name: "Fastighets AB Kyrkbacken", orgnr: "556677-8899"}',
                 '{ground: hyra-av-fastighet, date: "2025-01-16", diarienummer: "KS 2024/90", documentation: "KS 2024/90, skälen för undantaget"}',
                 '{start: "2025-04-01", end: "2030-03-31"}', 900000, "{position: kanslichef}", "{position: kanslichef}",
                 '{by: {seat: ordforande, body: kommunstyrelsen}, on: "2025-01-16", mandate: {signing_rule: firmateckning-ks}}', "active")
KS3_VALUE = '    term: {start: "2025-03-01", end: "2027-02-28"}\n    value_sek: 180000\n'
CASES["AR103"] = [
    {"name": "Ett avtal på 900 000 kr registrerat som direktupphandling av lågt värde", "edits": [insert(JUR)],
     "expect": [exp("AR103", "    value_sek: 900000\n    owner: {position: kommunjurist}") | {"at_occurrence": 2}]},
    {"name": "Exakt 700 000 kr når gränsen, som värdet ska understiga sedan 2022-02-01",
     "edits": [edit(KS3_VALUE, KS3_VALUE.replace("180000", "700000"))], "expect": [exp("AR103", "    value_sek: 700000"), exp("AR104", "    value_sek: 75000\n    owner: {position: kanslichef}")]},
    {"name": "En hyra av lokal på 900 000 kr enligt undantaget i LOU 3 kap., med dokumentation, godkänns", "edits": [insert(LEASE)], "expect": []},
]
CASES["AR105"] = [
    {"name": "En direktupphandling på 180 000 kr utan dokumentation",
     "edits": [edit(', diarienummer: "KS 2024/121", documentation: "KS 2024/121, dokumentation av direktupphandlingen"}',
                    ', diarienummer: "KS 2024/121"}')],
     "expect": [exp("AR105", '    procurement: {ground: direktupphandling, date: "2025-02-11", diarienummer: "KS 2024/121"}')]},
    {"name": "En hyra av lokal enligt undantaget i LOU 3 kap. utan dokumentation",
     "edits": [insert(LEASE.replace(', documentation: "KS 2024/90, skälen för undantaget"}', "}"))],
     "expect": [exp("AR105", '    procurement: {ground: hyra-av-fastighet, date: "2025-01-16", diarienummer: "KS 2024/90"}')]},
    {"name": "En direktupphandling på 70 000 kr behöver ingen dokumentation enligt lag", "edits": [], "expect": []},
]
CASES["AR101"] = [
    {"name": "Avtalsägaren har tagits bort",
     "edits": [edit('    value_sek: 180000\n    owner: {position: kommunikationschef}\n', '    value_sek: 180000\n')],
     # The egenvärdering's statement computed from AR101 follows (EV103).
     "expect": [exp("AR101", "  - id: AVT-KS-2025-003"), exp("EV103", "    computed: avtalsagare", file="egenvardering.yaml")]},
    {"name": "En rolltyp som avtalsägare",
     "edits": [edit('    value_sek: 180000\n    owner: {position: kommunikationschef}\n', '    value_sek: 180000\n    owner: {role_type: chef_kommunledning}\n')],
     "expect": [exp("AR101", "    owner: {role_type: chef_kommunledning}")]},
    {"name": "En avtalsägare som inte finns i organisationen",
     "edits": [edit('    value_sek: 180000\n    owner: {position: kommunikationschef}\n', '    value_sek: 180000\n    owner: {position: kommunikationsdirektor}\n')],
     "expect": [exp("X807", "    owner: {position: kommunikationsdirektor}")]},
]
CASES["AR102"] = [
    {"name": "Avdelningschefen undertecknar ett avtal på 2,9 miljoner kr som socialchefen beslutar om",
     "edits": [edit('    signed: {by: {position: socialchef}, on: "2026-01-27", mandate: {matter: soc-upphandling-tilldelning}}',
                    '    signed: {by: {position: avdelningschef_ifo}, on: "2026-01-27", mandate: {matter: soc-upphandling-tilldelning}}')],
     "expect": [exp("AR102", '    signed: {by: {position: avdelningschef_ifo}, on: "2026-01-27"')]},
    {"name": "Kommundirektören undertecknar ett avtal som kommunstyrelsens ordförande ska underteckna",
     "edits": [edit('    signed: {by: {seat: ordforande, body: kommunstyrelsen}, on: "2026-05-12", mandate: {signing_rule: firmateckning-ks}}',
                    '    signed: {by: {position: kommundirektor}, on: "2026-05-12", mandate: {signing_rule: firmateckning-ks}}')],
     "expect": [exp("AR102", '    signed: {by: {position: kommundirektor}, on: "2026-05-12", mandate: {signing_rule: firmateckning-ks}}')]},
    {"name": "Ett ärende som inte finns i någon delegationsordning",
     "edits": [edit('    signed: {by: {position: socialchef}, on: "2026-01-27", mandate: {matter: soc-upphandling-tilldelning}}',
                    '    signed: {by: {position: socialchef}, on: "2026-01-27", mandate: {matter: soc-upphandling-tilldelningsbeslut}}')],
     "expect": [exp("AR102", '    signed: {by: {position: socialchef}, on: "2026-01-27", mandate: {matter: soc-upphandling-tilldelningsbeslut}}')]},
]
KONSULT = contract("AVT-KS-2026-099", "Workshop om verksamhetsplanering för förvaltningsledningen", "konsulttjanster", "kommunstyrelsen",
                   '{name: "Dialogbyrån AB", orgnr: "556677-8899"}', '{ground: direktupphandling, date: "2026-10-06", diarienummer: "KS 2026/301"}',
                   '{start: "2026-10-15", end: "2026-12-31"}', 30000, "{position: ekonomidirektor}", "{position: ekonomidirektor}",
                   '{by: {position: ekonomidirektor}, on: "2026-10-06", mandate: {matter: ks-upphandling-direktupphandling}}', "active")
CASES["AR104"] = [
    {"name": "Ännu en konsulttjänst samma år för sammanlagt över 700 000 kr", "edits": [insert(KONSULT)],
     "expect": [exp("AR104", "    value_sek: 30000")]},
]
CASES["AR106"] = [
    {"name": "Ett avtal som löpte ut i oktober står kvar som gällande",
     "edits": [edit('    term: {start: "2026-08-05", end: "2026-10-31"}\n    value_sek: 380000\n    owner: {position: sakerhetschef}\n    manager: {position: avtalscontroller}\n    signed: {by: {position: kommundirektor}, on: "2026-08-04", mandate: {matter: ks-upphandling-direktupphandling}}\n    status: ended\n',
                    '    term: {start: "2026-08-05", end: "2026-10-31"}\n    value_sek: 380000\n    owner: {position: sakerhetschef}\n    manager: {position: avtalscontroller}\n    signed: {by: {position: kommundirektor}, on: "2026-08-04", mandate: {matter: ks-upphandling-direktupphandling}}\n    status: active\n')],
     "expect": [exp("AR106", "    status: active\n    note: \"Upphandlat när")]},
]
CASES["AR107"] = [
    {"name": "Bevakningsavtalet löper ut om fem månader och optionen är inte prövad",
     "edits": [edit('    term: {start: "2024-09-01", end: "2027-08-31", notice_months: 6, options: [{extends_to: "2028-08-31"}]}',
                    '    term: {start: "2024-09-01", end: "2027-04-30", notice_months: 6, options: [{extends_to: "2028-08-31"}]}')],
     "expect": [exp("AR107", '    term: {start: "2024-09-01", end: "2027-04-30"')]},
]
CASES["AR108"] = [
    {"name": "Fel kontrollsiffra i organisationsnumret",
     "edits": [edit('orgnr: "559391-1919"', 'orgnr: "559391-1918"')], "expect": [exp("AR108", 'orgnr: "559391-1918"')]},
    {"name": "Organisationsnummer med mellanslag",
     "edits": [edit('orgnr: "559391-1919"', 'orgnr: "559391 1919"')], "expect": [exp("AR108", 'orgnr: "559391 1919"')]},
    {"name": "En enskild firmas personnummer får inte stå i det publicerade registret",
     "edits": [edit('{name: "Kunskapsportalen AB", orgnr: "559391-1919"}', '{name: "Kunskapsportalen Lena Ek", orgnr: "710314-1235"}')],
     "expect": [exp("P901", 'orgnr: "710314-1235"')]},
    {"name": "En utländsk leverantör med momsregistreringsnummer godkänns",
     "edits": [edit('{name: "Kunskapsportalen AB", orgnr: "559391-1919"}', '{name: "Kunskapsportalen Oy", vat: "FI12345671", country: FI}')],
     "expect": []},
]
CASES["AR109"] = [
    {"name": "En okänd kategori och ett avtalsnummer som står två gånger",
     "edits": [edit('  - id: AVT-KS-2025-003\n    subject: "Tryck och distribution av kommuninformationen Ekbackabladet"\n    category: trycksaker\n',
                    '  - id: AVT-KS-2025-001\n    subject: "Tryck och distribution av kommuninformationen Ekbackabladet"\n    category: tryckeri\n')],
     "expect": [exp("AR109", '  - id: AVT-KS-2025-001', ) | {"at_occurrence": 2}, exp("AR109", "    category: tryckeri")]},
    {"name": "En mottagare av betalningar som inte kräver avtal med fel kontrollsiffra",
     "edits": [edit('{name: Åsby kommun, orgnr: "212000-2221"}', '{name: Åsby kommun, orgnr: "212000-2222"}')],
     "expect": [exp("AR109", '{name: Åsby kommun, orgnr: "212000-2222"}')]},
]


def main() -> None:
    for code, cases in CASES.items():
        with open(Path(__file__).resolve().parents[1] / "rules" / f"{code}.yaml", "w", encoding="utf-8") as f:
            f.write(f"# Behaviour cases for {code} against tests/fixtures/kommun/policies/avtalsregister.yaml; written by tests/contracts/make_rule_cases.py.\n")
            yaml.safe_dump({"code": code, "cases": cases}, f, allow_unicode=True, sort_keys=False, width=200, default_style=None)


if __name__ == "__main__":
    main()
