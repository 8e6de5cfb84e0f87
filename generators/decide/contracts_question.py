"""`decide contract --supplier ORGNR [--date D]`: does the kommun have a contract with this supplier, and who owns it?

The answer reads the contracts table (decisions.json's `contracts`, which contracts.json publishes
with its header), from the policies or from `--rules DIR` alike.
"""

from __future__ import annotations

import re

from generators.decide.answers import ANSWERED, NOT_FOUND, NOT_IN_FORCE, Answer

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from typing import Any

HELP = "finns ett avtal med leverantören, och vem äger det"
DESCRIPTION = ("Organisationens avtal med en leverantör, sökt på organisationsnummer eller momsregistreringsnummer: vilka avtal som gäller "
               "den dagen, vad de gäller, till när, och vem som är avtalsägare och avtalsförvaltare.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--supplier", required=True, metavar="ORGNR",
                        help="leverantörens organisationsnummer (NNNNNN-NNNN) eller momsregistreringsnummer (t.ex. DK29403571)")


NOT_PUBLISHED = ("Sökningen gäller organisationsnummer och momsregistreringsnummer i avtalsregistret. En enskild firmas nummer är ett "
                 "personnummer och publiceras inte; sök då i avtalsdatabasen.")


def _norm(text: str) -> str:
    return re.sub(r"[\s-]", "", text).upper()


def answer(tables: dict[str, Any], args: argparse.Namespace, day: str) -> Answer:
    question = {"supplier": args.supplier, "date": day}
    table = tables.get("contract")
    if table is None:
        return Answer("contract", question, NOT_IN_FORCE, "Styrdokumenten har inget avtalsregister.", None, list)
    wanted = _norm(args.supplier)
    found = [c for c in table["contracts"] if c["supplier"]["id"] is not None and _norm(c["supplier"]["id"]) == wanted]
    if not found:
        return Answer("contract", question, NOT_FOUND, f"Avtalsregistret har inget avtal med leverantören {args.supplier}.", {"contracts": []},
                      lambda: [NOT_PUBLISHED])
    in_force = [c for c in found if c["status"] == "active" and c["term"]["start"] <= day <= c["term"]["current_end"]]
    name = found[0]["supplier"]["name"]
    if in_force:
        owners = ", ".join(dict.fromkeys(f"{c['owner']['label']}" for c in in_force if c["owner"]))
        summary = (f"Organisationen har {len(in_force)} avtal med {name} som gäller {day}. "
                   f"Avtalsägare: {owners or 'saknas'}.")
    else:
        summary = f"Organisationen har inget avtal med {name} som gäller {day}; registret har {len(found)} äldre eller senare avtal."

    def explain() -> list[str]:
        lines = []
        for c in in_force or found:
            owner = c["owner"]["label"] if c["owner"] else "ingen avtalsägare"
            lines.append(f"{c['id']}: {c['subject']} ({c['term']['start']}–{c['term']['current_end']}, {c['status_label'].lower()}). "
                         f"Avtalsägare: {owner}; avtalsförvaltare: {c['manager']['label']}. Anskaffat: {c['procurement']['ground_name']} "
                         f"{c['procurement']['date']}.")
        return lines

    return Answer("contract", question, ANSWERED, summary, {"contracts": [c["id"] for c in in_force], "all": [c["id"] for c in found]}, explain)
