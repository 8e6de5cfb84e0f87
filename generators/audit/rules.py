"""Every audit code: the input codes (AU1xx, reported while reading) and the checks (one module each
in `generators/audit/checks/`, defining `RULE` and `check`; the docstring is the rule's documentation).

The codes share the project's code table (`generators/checks/codes.tsv`), so a code is never reused.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

import generators.audit.checks as checks_package
from generators.audit.findings import AuditRule, RegisteredAuditRule


def _doc(what: str, why: str, law: str) -> str:
    return f"## Vad kontrolleras\n\n{what}\n\n## Varför\n\n{why}\n\n## Lagrum\n\n{law}"


_NO_LAW = "Ingen; en regel för att exporten ska läsas exakt som den är skriven."
_WHY_ROW = ("En rad som inte kan läsas kan inte granskas. Raden räknas och redovisas i rapporten som "
            "ogranskad; den försvinner aldrig tyst.")

_WHY_LEDGER = ("En granskning av en ofullständig export bevisar ingenting: fakturor som saknas i exporten granskas aldrig. "
               "Därför stäms exporten av mot huvudboken innan något annat prövas, och en skillnad redovisas först i rapporten.")
_LAW_LEDGER = "KL 6 kap. 6 § (nämndens interna kontroll); granskningens förutsättning, ingen egen paragraf."
_WHY_REGISTER = ("Ett beslut som saknas i registret prövas aldrig: varken mot delegationen eller mot anmälan till nämnden. Därför "
                 "stäms registret av mot diariets antal innan besluten prövas.")
_LAW_REGISTER = ("KL 6 kap. 6 § (nämndens interna kontroll) och 6 kap. 40 § (besluten anmäls till nämnden, som ska kunna se "
                 "alla); granskningens förutsättning, ingen egen paragraf.")

INPUT_CODES: tuple[tuple[str, str, str, str], ...] = (
    ("AU101", "export-unreadable", "Exporten ska gå att läsa som CSV i UTF-8.", _doc(
        "Att filen finns, är sparad som UTF-8, har en rubrikrad och att varje rad har lika många fält som rubrikraden.",
        _WHY_ROW, _NO_LAW)),
    ("AU102", "export-columns", "Exporten ska ha de kolumner formatet anger.", _doc(
        "Att rubrikraden har alla obligatoriska kolumner och inga okända (formaten står i README, Internkontroll).",
        "En okänd kolumn är ofta ett stavfel i en kolumn som behövs; den tolkas inte på måfå.", _NO_LAW)),
    ("AU103", "export-value", "Varje värde ska vara ett giltigt datum, belopp, id eller landkod.", _doc(
        "Att datum skrivs ÅÅÅÅ-MM-DD, belopp i kronor, landkoder enligt ISO 3166-1 alfa-2 och att obligatoriska värden finns.",
        _WHY_ROW, _NO_LAW)),
    ("AU104", "user-unknown", "Varje användar-id ska ha en befattning den dag transaktionen gäller.", _doc(
        "Att användar-id:t finns i filen med användare och befattningar och att användaren hade en befattning den dagen.",
        "Behörighet knyts till befattningar, inte till personer; utan befattning kan ingen behörighet prövas.",
        "Delegation och attesträtt knyts till befattningar (KL 6 kap. 37 §, 7 kap. 5 §; attestreglementet).")),
    ("AU105", "actor-unknown", "Befattningar, organ och poster ska finnas i organisationen.", _doc(
        "Att en befattning, ett organ eller en post som exporten nämner finns i organisationsfilen.",
        "Ett okänt id är oftast ett stavfel eller en befattning som har bytt id; den gissas inte.", _NO_LAW)),
    ("AU106", "id-duplicated", "Varje transaktion ska ha ett eget id.", _doc(
        "Att ingen resa eller inget delegationsbeslut förekommer två gånger med samma id.",
        "En dubblerad rad räknas annars två gånger; båda raderna redovisas.", _NO_LAW)),
    ("AU107", "matter-unknown", "Delegationsbeslut ska ange ett ärende som finns i en delegationsordning.", _doc(
        "Att ärendets id finns i någon delegationsordning (i någon version).",
        "Ett beslut kan bara prövas mot den rad i delegationsordningen det fattades enligt.",
        "KL 6 kap. 37 §, 7 kap. 5 §: delegationen ges i nämndens beslut (delegationsordningen).")),
    ("AU108", "currency-without-rate", "Ett belopp i annan valuta än kronor ska ha en kurs.", _doc(
        "Att en faktura i annan valuta än SEK anger kursen (`exchange_rate` i reskontran); en e-faktura i annan valuta prövas inte mot gränser i kronor.",
        "Attestgränser och beloppsnivåer är i kronor; ett belopp utan kurs kan inte jämföras med dem och gissas inte.", _NO_LAW)),
    ("AU110", "ledger-gap", "Fakturaexporten ska stämma med huvudbokens summa för varje period, på öret.", _doc(
        "Att fakturorna i exporten, summerade per period (bokföringsdagens månad, annars fakturadagens) exklusive moms och med "
        "kreditnotor avräknade, har samma summa och, där huvudboken anger det, samma antal som huvudbokens leverantörsfakturor för "
        "perioden (`--ledger`). Ingen tolerans: båda sidor är summor av samma bokförda belopp, så en skillnad på ett öre är en rad "
        "som den ena sidan har och den andra saknar.",
        _WHY_LEDGER, _LAW_LEDGER)),
    ("AU111", "ledger-period-missing", "En period som huvudboken har leverantörsfakturor för ska finnas i exporten.", _doc(
        "Att exporten har fakturor från varje period där huvudboken har en summa som inte är noll.",
        _WHY_LEDGER, _LAW_LEDGER)),
    ("AU112", "export-period-unreconciled", "En period som exporten har fakturor från ska ha en summa i huvudboken.", _doc(
        "Att huvudbokens summor täcker varje period som exporten har fakturor från; annars kan fakturorna i perioden inte stämmas av.",
        _WHY_LEDGER, _LAW_LEDGER)),
    ("AU113", "decision-register-count", "Registret över delegationsbeslut ska ha lika många beslut som diariet för varje månad och nämnd.", _doc(
        "Att registrets delegationsbeslut, räknade per månad (beslutsdagens) och nämnd (den vars delegationsordning har ärendet den "
        "dagen), är lika många som diariets kontrollsumma för månaden och nämnden (`--decision-totals`). Ingen tolerans: båda sidor "
        "räknar samma registrerade beslut. En rad som inte kan placeras (utan datum eller med ett okänt ärende) redovisas där den "
        "läses och räknas inte.",
        _WHY_REGISTER, _LAW_REGISTER)),
    ("AU114", "decision-register-unreconciled", "En månad och nämnd som registret har beslut från ska ha ett antal i diariets kontrollsummor.", _doc(
        "Att kontrollsummorna täcker varje månad och nämnd som registret har delegationsbeslut från; annars kan besluten inte stämmas av.",
        _WHY_REGISTER, _LAW_REGISTER)),
)


def input_rules() -> tuple[RegisteredAuditRule, ...]:
    return tuple(RegisteredAuditRule(AuditRule(code, name, "undetermined", summary), doc, None, __name__)
                 for code, name, summary, doc in INPUT_CODES)


@cache
def audit_rules() -> tuple[RegisteredAuditRule, ...]:
    """Every audit code, sorted: the input codes and the check modules."""
    found = list(input_rules())
    for info in pkgutil.iter_modules(checks_package.__path__, prefix=f"{checks_package.__name__}."):
        module = importlib.import_module(info.name)
        rule = getattr(module, "RULE", None)
        if rule is not None:
            found.append(RegisteredAuditRule(rule, (module.__doc__ or "").strip(), module.check, info.name))
    codes = [r.rule.code for r in found]
    if len(codes) != len(set(codes)):
        raise RuntimeError(f"two audit rules share a code: {sorted(codes)}")
    return tuple(sorted(found, key=lambda r: r.rule.code))


def audit_rules_by_code() -> dict[str, RegisteredAuditRule]:
    return {r.rule.code: r for r in audit_rules()}
