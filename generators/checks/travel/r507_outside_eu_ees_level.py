"""Resor utanför EU/EES godkänns på den nivå resepolicyn anger (lokal regel).

## Vad kontrolleras

Organisationens egen regel i policyn (`rules.outside_eu_ees.employee_approver_levels`, i exemplet
bara direktören) hålls mot godkännandetabellen. För varje zon som omfattar länder utanför EU/EES (enligt landgruppen `eu-ees` i referensdatan, den
dag resan görs) och varje cell för anställda i den zonen: att den som godkänner resan, för varje
befattning i kategorin, har en av de nivåer regeln anger eller är ett politiskt organ eller en politisk
post (en nämnd, ett utskott, ett presidium, styrelsen eller en ordförande). Med regeln i
exemplet får ingen förvaltningschef, avdelningschef eller enhetschef godkänna sådana resor, inte heller
som "närmaste chef". En policy utan regeln kontrolleras inte här. Kontrollen görs för varje dag under policyns giltighetstid då landgrupperna ändras.

## Varför

Efter en studieresa till New York som godkändes av en chef långt ner i linjen skärpte kommuner sina
regler: resor utanför EU beslutas av direktören, en nämnd eller styrelsen. Regeln är
organisationens eget val, inte lag: anger policyn den inte, krävs ingenting. Anger den regeln får
godkännandetabellen inte säga emot den.

## Lagrum

Lokal regel: resepolicyns regel om resor utanför EU/EES (`rules.outside_eu_ees`). Ingen lag kräver
den; godkännandet vilar på delegationsordningarna (KL 6 kap. 37 §, 7 kap. 5 §).

## Exempel som godkänns

```yaml
- {id: anstallda-medarbetare-varlden, category: anstallda-medarbetare, zone: varlden,
   approver: {position: kommundirektor}, basis: delegation, matter: ks-resor-utanfor-eu-anstallda}
```

## Exempel som underkänns

```yaml
- {id: anstallda-medarbetare-varlden, category: anstallda-medarbetare, zone: varlden,
   approver: {relative: narmaste_chef}, basis: line_management}   # t.ex. en enhetschef för en resa till USA
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.organisation import LEVEL_LABELS
from generators.model.travel import EU_EES_SERIES, join_names, level_label

RULE = Rule("R507", "outside-eu-ees-decision-level", "error", "Resor utanför EU/EES godkänns på den nivå resepolicyn anger (lokal regel).",
            needs=("organisation", "reference"), per_document="travel")

EXAMPLES = ("US", "GB", "CH", "CN")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None or model.reference.get(EU_EES_SERIES) is None:
        return
    for policy in model.travel:
        local_rule = policy.rules.outside_eu_ees
        if local_rule is None:
            continue  # the municipality has chosen no such rule: nothing to hold the table to
        allowed_levels = local_rule.employee_approver_levels
        outside: dict[str, set[str]] = {}
        for day in policy.check_dates(model.reference):
            for zone_id, zone_codes in policy.zones_outside_eu_ees(day, model.reference).items():
                outside.setdefault(zone_id, set()).update(zone_codes)
        for approval in policy.approvals:
            category = policy.category(approval.category)
            zone = policy.zone(approval.zone)
            if category is None or zone is None or category.kind != "employee" or approval.zone not in outside:
                continue
            wrong: list[tuple[str, str]] = []  # (traveller, approving position)
            for pid in category.member_positions(org):
                resolved = policy.resolve_for_position(org, approval, pid)
                actor = resolved.actor
                if actor is None:
                    continue  # R505 reports an approver that resolves to nobody
                for approving in org.positions_of(actor):
                    if org.positions[approving].level not in allowed_levels:
                        wrong.append((pid, approving))
            if not wrong:
                continue
            codes_outside = outside[approval.zone]
            shown = [c for c in EXAMPLES if c in codes_outside] or sorted(codes_outside)[:3]
            outside_text = f"t.ex. {join_names(shown)}" if len(codes_outside) > len(shown) else join_names(shown)
            levels = join_names(dict.fromkeys(level_label(org.positions[a].level) for _, a in wrong)).replace(" och ", " eller ")
            examples: dict[str, str] = {}  # one example per approving level
            for traveller, approving in wrong:
                examples.setdefault(org.positions[approving].level, f"{org.positions[approving].title} för {org.positions[traveller].title}")
            travellers = len(dict.fromkeys(t for t, _ in wrong))
            count = f"för {travellers} befattningar " if travellers > 1 else ""
            yield RULE.at(
                approval.approver.source or approval.source,
                f"Cellen {approval.id}: resor till {zone.name} (utanför EU/EES, {outside_text}) skulle {count}godkännas av en {levels}, "
                f"t.ex. {_and_by(list(examples.values()))}. Enligt policyns egen regel ({local_rule.source.file}:{local_rule.source.location().line}) "
                f"får bara {join_names(sorted(LEVEL_LABELS[lv] for lv in allowed_levels))} eller ett politiskt organ godkänna anställdas resor utanför EU/EES.",
            )


def _and_by(items: list[str]) -> str:
    """'A för B och av C för D': examples of who would approve for whom."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " och av " + items[-1]
