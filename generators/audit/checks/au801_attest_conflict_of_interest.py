"""Ingen attesterar en faktura från en leverantör som hen har anmält ett intresse i.

## Vad kontrolleras

För varje granskningsattest, beslutsattest och tredje atteststeg: att den som attesterade inte,
på attestdagen, hade en jävsdeklaration eller bisyssla anmäld för fakturans leverantör
(organisationsnumret jämförs utan bindestreck och landsprefix). Deklarationen kan gälla personen
(användar-id) eller befattningen.

## Varför

Jäv i praktiken: i Blekinge attesterades och beslutades köp från bolag där beslutsfattaren själv
hade intressen. Deklarationerna fanns; ingen jämförde dem med vem som attesterade. Attest är
verkställighet, inte ett ärende, så det är attestreglementet och nämndens interna kontroll som
kräver att den som har ett intresse låter någon annan attestera.

## Lagrum

KL 6 kap. 6 § (nämndens interna kontroll) och attestreglementet (egna kostnader och närståendes); för
beslut i ärenden gäller jävsreglerna i KL 6 kap. 28 §, för anställda genom KL 7 kap. 4 § (AU802).
Bisysslor: lagen (1994:260) om offentlig anställning 7 §.
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.audit.findings import AuditContext, AuditRule, Finding
from generators.audit.interests import KINDS
from generators.audit.invoices import STEPS

RULE = AuditRule("AU801", "attest-conflict-of-interest", "violation",
                 "Ingen attesterar en faktura från en leverantör som hen har anmält ett intresse i.")


def check(ctx: AuditContext) -> Iterator[Finding]:
    if ctx.interests is None:
        return
    org = ctx.model.organisation
    assert org is not None
    for invoice in ctx.invoices:
        if not invoice.checkable or not invoice.supplier:
            continue
        for entry in ctx.attest.get(invoice.id, []):
            if entry.step in ("receipt", "system_matching") or entry.day is None:
                continue
            held = ctx.interests.held(invoice.supplier, entry.person, entry.actors, entry.day)
            if held is None:
                continue
            acted = " / ".join(org.label(a) for a in entry.actors)
            yield Finding(RULE.code, RULE.severity, "invoice", invoice.id, invoice.file, invoice.line, entry.day, invoice.amount,
                          f"Faktura {invoice.id} från leverantör {invoice.supplier} fick {STEPS[entry.step]} {entry.day.isoformat()} av "
                          f"{acted} ({entry.person}), som har en {KINDS[held.kind]} för leverantören ({held.file}:{held.line}); "
                          "en annan behörig attestant skulle ha attesterat.",
                          {"acted_by": acted, "actor_id": entry.person, "supplier": invoice.supplier,
                           "declaration": f"{held.file}:{held.line}", "rule": "KL 6 kap. 6 §; attestreglementet"})
