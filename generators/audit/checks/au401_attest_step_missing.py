"""Varje faktura ska ha hela attestkedjan som attestreglementet kräver.

## Vad kontrolleras

För varje faktura i reskontran (eller e-faktura): vilka atteststeg attestreglementet och nämndens
attestförteckning som gällde fakturadagen kräver för fakturans ansvar (`cbc:BuyerReference`),
belopp exklusive moms, kategori (kontot i `cbc:AccountingCost`) och, för någons egna kostnader, den
befattningen: mottagningsattest (eller systemmatchning där reglementet tillåter det),
granskningsattest, beslutsattest och det tredje steget där dess kategorier eller belopp gäller.
Kedjan räknas fram av samma funktion som `decide attest`. Ett steg som saknas i attestloggen är en
avvikelse. En kreditnota är ingen utbetalning och kräver ingen betalningsattest här.

## Varför

Attesten är nämndens kontroll av att en betalning är riktig innan den görs. Efter granskningar av
överprissatta avtal införde kommuner ett tredje atteststeg för vissa kategorier; ett steg som hoppas
över ger ingen kontroll.

## Lagrum

Lokal regel: attestreglementet (atteststegen och det tredje steget) och nämndens attestförteckning.
Nämndens ansvar för den interna kontrollen: KL 6 kap. 6 §. Attest är verkställighet, inte delegation.
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.audit.attest_chain import required_chain, verdicts
from generators.audit.findings import AuditContext, AuditRule, Finding

RULE = AuditRule("AU401", "attest-step-missing", "violation", "Fakturan ska ha alla atteststeg som attestreglementet kräver.")


def check(ctx: AuditContext) -> Iterator[Finding]:
    found = verdicts(ctx)
    if found is None:
        return
    for index, ordinals in found.missing:
        invoice = ctx.invoices[index]
        required = required_chain(ctx, invoice, found.categories[index])
        missing = [required.steps[o] for o in ordinals]
        labels = ", ".join(s["label"].lower() for s in missing)
        who = "; ".join(f"{s['label'].lower()} av {s['attestant']['label'] if s['attestant'] else 'okänd'}" for s in missing)
        yield Finding(RULE.code, RULE.severity, "invoice", invoice.id, invoice.file, invoice.line, invoice.issued, invoice.amount,
                      f"Faktura {invoice.id} på ansvar {invoice.ansvar} saknar {labels} i attestloggen; enligt {required.reglemente} "
                      f"krävs {who}. {required.answer.summary}",
                      {"missing": labels, "should_have": who, "rule": required.reglemente})

