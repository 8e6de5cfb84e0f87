"""Svara på "vem beslutar?" med förklaring: delegation, resor, visselblåsning och upphandling.

Svaret bygger på styrdokumenten (--policies, standard: policies/ i det här förrådet) eller på de
publicerade JSON-reglerna (--rules MAPP, t.ex. build/site/rules/v1), med samma resultat. --date svarar
med de dokument och referensvärden som gäller den dagen (standard: i dag).

Exempel (med id:n ur exemplets styrdokument, tests/fixtures/kommun/policies/):
  python -m generators decide delegation --body socialnamnden --matter soc-ekonomi-avskrivning-fordringar --amount 30000
  python -m generators decide delegation --body socialnamnden --matter-kind upphandling --amount 250000
  python -m generators decide travel --traveller enhetschef_vuxen --country US
  python -m generators decide travel --body socialnamnden --seat ordforande --country GB
  python -m generators decide whistleblowing --concerns hr_direktor
  python -m generators decide procurement --value 650000 --category varor_och_tjanster --body socialnamnden

Slutkod 0 = frågan besvarades, 1 = den kunde inte besvaras (se förklaringen), 2 = fel i anropet.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any


def _amount(text: str) -> float | int:
    cleaned = text.replace("\u00a0", "").replace(" ", "").replace("_", "")
    if cleaned.lower().endswith("kr"):
        cleaned = cleaned[:-2]
    try:
        value = float(cleaned.replace(",", ".")) if ("," in cleaned or "." in cleaned) else int(cleaned)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' är inget belopp i kronor (skriv t.ex. 250000)") from None
    if value < 0 or not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"'{text}' är inget belopp i kronor (skriv t.ex. 250000)")
    return value


def _day(text: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' är inget giltigt datum: skriv ÅÅÅÅ-MM-DD") from None


def _common(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--policies", type=Path, metavar="MAPP", help="svara från styrdokumenten i MAPP (standard: policies/ i förrådet)")
    source.add_argument("--rules", type=Path, metavar="MAPP", help="svara från de publicerade JSON-reglerna i MAPP (decisions.json)")
    parser.add_argument("--date", type=_day, metavar="ÅÅÅÅ-MM-DD", help="dagen svaret gäller (standard: i dag)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="text (svenska) eller json")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    questions = parser.add_subparsers(dest="question", metavar="FRÅGA", parser_class=type(parser))
    questions.required = True

    delegation = questions.add_parser("delegation", help="vem får besluta i ett ärende, för ett belopp, och vem är ersättare",
                                      description="Vem får besluta ärende M (eller ärenden av typen C) i organ B för beloppet A?")
    delegation.add_argument("--body", metavar="ORGAN", help="organet vars delegationsordning gäller, t.ex. socialnamnden")
    target = delegation.add_mutually_exclusive_group(required=True)
    target.add_argument("--matter", metavar="ID", help="ärendets id, t.ex. soc-ekonomi-avskrivning-fordringar")
    target.add_argument("--matter-kind", metavar="TYP", help="ärendetyp, t.ex. upphandling (kräver --body)")
    delegation.add_argument("--amount", type=_amount, metavar="KRONOR", help="beloppet i kronor")
    delegation.add_argument("--administration", metavar="FÖRVALTNING",
                            help="förvaltningen beslutet gäller, när ärendet delegeras till var och en inom sitt område, "
                                 "t.ex. regionservice")
    _common(delegation)

    travel = questions.add_parser("travel", help="vem godkänner en tjänsteresa",
                                  description="Vem godkänner en resa för en befattning (eller en förtroendevald i ett organ) till ett land?")
    traveller = travel.add_mutually_exclusive_group(required=True)
    traveller.add_argument("--traveller", metavar="ID", help="resenärens befattning eller rolltyp, t.ex. enhetschef_vuxen")
    traveller.add_argument("--body", metavar="ORGAN", help="för en förtroendevald: organet, t.ex. socialnamnden")
    travel.add_argument("--seat", metavar="POST", help="med --body: posten, t.ex. ordforande")
    travel.add_argument("--country", required=True, metavar="KOD", help="landkod enligt ISO 3166-1 alfa-2, t.ex. US")
    _common(travel)

    whistle = questions.add_parser("whistleblowing", help="vem handlägger en visselblåsarrapport",
                                   description="Vem handlägger en rapport som gäller en viss befattning eller kategori?")
    whistle.add_argument("--concerns", required=True, metavar="ID",
                         help="befattning, rolltyp, kategori (fortroendevald, revisor, leverantor_eller_konsult, okand_person), extern part eller funktion")
    _common(whistle)

    procurement = questions.add_parser("procurement", help="förfarande, dokumentation, beslut och firmateckning vid ett inköp",
                                       description="Vilket förfarande gäller för ett inköp med ett uppskattat värde, vem beslutar och vem undertecknar?")
    procurement.add_argument("--value", type=_amount, required=True, metavar="KRONOR", help="uppskattat värde i kronor exklusive moms")
    procurement.add_argument("--regime", metavar="ID", help="lou eller luf (standard: policyns huvudregelverk)")
    procurement.add_argument("--category", metavar="ID", help="t.ex. varor_och_tjanster (standard: regelverkets första kategori)")
    procurement.add_argument("--body", metavar="ORGAN", help="organet som köper in (standard: styrelsen)")
    _common(procurement)

    # Questions that registered document kinds bring themselves (`Kind.decide.question`).
    for name, module in _kind_questions().items():
        asked = questions.add_parser(name, help=module.HELP, description=module.DESCRIPTION)
        module.add_arguments(asked)
        _common(asked)


def _kind_questions() -> dict[str, Any]:
    """kind name → its question module, for the kinds whose question is not built into the engine."""
    from generators.kinds import kinds
    from generators.kinds.spec import resolve

    return {kind.name: resolve(kind.decide.question) for kind in kinds() if kind.decide is not None and kind.decide.question}


def run(args: argparse.Namespace) -> int:
    from datetime import date

    from generators.cli import UsageError
    from generators.decide.sources import SourceError, from_policies, from_rules

    plugged = _kind_questions().get(args.question)
    # Only what this question needs is read (a large municipality's tables are big); a kind's own
    # question reads the whole file.
    question = None if plugged is not None else {"kind": args.question, "matter": getattr(args, "matter", None), "body": getattr(args, "body", None)}
    try:
        if args.rules is not None:
            decider = from_rules(args.rules, question)
        else:
            from generators.paths import DEFAULT_POLICIES

            decider = from_policies(args.policies or DEFAULT_POLICIES, question=question)
    except SourceError as error:
        for detail in error.details:
            print(detail, file=sys.stderr)
        if args.rules is not None or not error.details:
            raise UsageError(str(error)) from None
        print(f"Fel: {error}", file=sys.stderr)
        return 1
    day = args.date or date.today().isoformat()
    try:
        answer = _answer(decider, plugged, args, day)
        if args.format == "json":
            output = json.dumps(answer.to_json(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        else:
            output = answer.text()
    except (KeyError, TypeError, AttributeError, IndexError, ValueError) as error:
        if args.rules is None:
            raise  # tables built here by the tool itself: a bug, reported as an internal error
        # A file from outside that parses as JSON but is not shaped like the published tables.
        raise UsageError(
            f"{args.rules / 'decisions.json'} har inte de publicerade tabellernas form "
            f"({type(error).__name__}: {error}); bygg om reglerna med `python -m generators build`."
        ) from None
    sys.stdout.write(output)
    return 0 if answer.answered else 1


def _answer(decider: Any, plugged: Any, args: argparse.Namespace, day: str) -> Any:
    from generators.cli import UsageError

    if plugged is not None:
        return plugged.answer(decider.tables, args, day)
    if args.question == "delegation":
        if args.matter_kind and not args.body:
            raise UsageError("--matter-kind kräver --body.")
        return decider.delegation(args.matter, args.amount, day, args.body, args.matter_kind, args.administration)
    if args.question == "travel":
        if args.seat and not args.body:
            raise UsageError("--seat kräver --body.")
        return decider.travel(args.traveller, args.country, day, args.body, args.seat)
    if args.question == "whistleblowing":
        return decider.whistleblowing(args.concerns, day)
    return decider.procurement(args.value, day, args.regime, args.category, args.body)
