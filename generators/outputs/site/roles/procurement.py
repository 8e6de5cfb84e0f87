"""Role-page contributions from the inköps- och upphandlingspolicy (the version in force).

- Which value bands an actor decides (for which body, which part of the band, on which matter of the
  delegationsordning), and who signs the contract: `decision_makers_for` and `signers_for`.
- Which contracts an actor signs, countersigns or signs as substitute (the signing rules).
- Other tasks: conducting procurements, training (responsible, and who must have it), jäv
  declarations, contract areas, invoice sampling, the third attest step, the legal exceptions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import partial

from generators.model.common import Actor
from generators.model.procurement import Band, BandTable, DecisionMaker, ProcurementPolicy, SigningRule, decision_makers_for, signers_for
from generators.outputs.site.context import SiteContext
from generators.outputs.site.escape import Safe, text
from generators.outputs.site.pages.procurement import (
    ANCHORS,
    matter_link_parts,
    page_day,
    part_text,
    range_html,
    signing_text,
    table_label,
)
from generators.outputs.site.render import slug
from generators.outputs.site.roles import Lines, PageLink, RoleEntry, Topic
from generators.outputs.site.swedish import genitive, lower_first, upper_first

DECIDES = Topic(
    "procurement-decides", 400, "Beslutar om inköp och upphandling",
    "Värdeintervall i inköps- och upphandlingspolicyn där rollen beslutar, på vilken grund, och vem som undertecknar avtalet.",
    ("Värdeintervall", "Beslutar om", "Grund", "Undertecknar avtalet"),
)
SIGNS = Topic(
    "procurement-signs", 410, "Undertecknar avtal",
    "Avtal som rollen undertecknar, kontrasignerar eller undertecknar som ersättare enligt inköps- och upphandlingspolicyn.",
    ("Avtal", "Uppgift"),
)
TASKS = Topic(
    "procurement-tasks", 420, "Uppgifter enligt inköps- och upphandlingspolicyn",
    "Andra uppgifter som inköps- och upphandlingspolicyn ger rollen.",
    ("Uppgift", "Omfattning"),
)


@dataclass(frozen=True)
class _Html:
    """A cell rendered for the page that shows it (links are relative to that page)."""

    build: Callable[[SiteContext, str], Safe]

    def render(self, ctx: SiteContext, page: str) -> Safe:
        return self.build(ctx, page)


def _signing_cell(rule: SigningRule | None, ctx: SiteContext, page: str) -> Safe:
    return signing_text(ctx, rule, page)


def contribute(ctx: SiteContext) -> Iterator[RoleEntry]:
    if ctx.model.organisation is None:
        return
    for versions in ctx.versions(ctx.model.procurement):
        policy = versions.current
        if policy is None:
            continue
        yield from _decisions(ctx, policy)
        yield from _signing(ctx, policy)
        yield from _tasks(ctx, policy)


def _doc(ctx: SiteContext, policy: ProcurementPolicy) -> PageLink:
    return PageLink(ctx.document_page(policy), policy.meta.title)


def _band_cell(ctx: SiteContext, policy: ProcurementPolicy, band_table: BandTable, band: Band, body: str, day: date) -> Lines:
    return Lines((
        PageLink(ctx.document_page(policy), f"{table_label(ctx, policy, band_table)}: {band.procedure.label}", f"intervall-{band.id}"),
        _Html(lambda c, page: range_html(c, band, day)),
        Safe(f'<span class="muted">{text(ctx.body_name(body))}</span>'),
    ))


def _ground(ctx: SiteContext, body: str, maker: DecisionMaker) -> object:
    if maker.basis == "own_body":
        return "Organets eget beslut"
    parts = matter_link_parts(ctx, maker)
    if parts is None:
        return "Delegation"
    target, label, anchor = parts
    return PageLink(target, f"Delegation: {label} i {genitive(lower_first(ctx.body_name(maker.order.body if maker.order else body)))} delegationsordning", anchor)


def _decisions(ctx: SiteContext, policy: ProcurementPolicy) -> Iterator[RoleEntry]:
    day = page_day(ctx, policy)
    doc = _doc(ctx, policy)
    org = ctx.model.organisation
    for t_index, band_table in enumerate(policy.tables):
        for b_index, band in enumerate(band_table.bands):
            for body in band_table.bodies:
                decision = band.decision_for(body)
                if decision is None:
                    continue
                makers = decision_makers_for(band, body, day, ctx.model)
                whole = decision.decided_by is not None or len(makers) == 1
                for maker in makers:
                    rule, _why = signers_for(policy, maker.actor, org)
                    part = "Hela intervallet" if whole else upper_first(part_text(maker))
                    if maker.basis == "own_body":
                        part = "Hela intervallet, på sammanträde"
                    yield RoleEntry(
                        maker.actor, DECIDES,
                        (
                            _band_cell(ctx, policy, band_table, band, body, day),
                            part,
                            _ground(ctx, body, maker),
                            _Html(partial(_signing_cell, rule)),
                        ),
                        (t_index, b_index, ctx.body_name(body)), doc,
                    )


def _signing(ctx: SiteContext, policy: ProcurementPolicy) -> Iterator[RoleEntry]:
    doc = _doc(ctx, policy)
    page = ctx.document_page(policy)
    for index, rule in enumerate(policy.signing):
        link = PageLink(page, rule.title, f"firmateckning-{rule.id}")
        for actor, task in ((rule.signed_by, "Undertecknar"), (rule.countersigned_by, "Kontrasignerar"),
                            (rule.substitute, "Undertecknar när den som ska underteckna är förhindrad")):
            if actor is not None:
                yield RoleEntry(actor, SIGNS, (link, task), (index,), doc)


def _tasks(ctx: SiteContext, policy: ProcurementPolicy) -> Iterator[RoleEntry]:
    doc = _doc(ctx, policy)
    page = ctx.document_page(policy)
    # Who conducts procurements: one row per actor and band table, naming its procedures.
    conducted: dict[tuple[str, str], tuple[Actor, BandTable, list[str]]] = {}
    for band_table in policy.tables:
        for band in band_table.bands:
            actor = band.procedure.conducted_by
            if actor is None:
                continue
            entry = conducted.setdefault((actor.key, band_table.id), (actor, band_table, []))
            if band.procedure.label not in entry[2]:
                entry[2].append(band.procedure.label)
    for index, (actor, band_table, labels) in enumerate(conducted.values()):
        yield RoleEntry(
            actor, TASKS,
            (PageLink(page, f"Genomför upphandlingar: {table_label(ctx, policy, band_table)}", ANCHORS["bands"]), ", ".join(labels)),
            (1, index), doc,
        )
    for index, training in enumerate(policy.training):
        anchor = slug(training.name)
        yield RoleEntry(training.responsible, TASKS, (PageLink(page, f"Ansvarar för {lower_first(training.name)}", anchor), training.text),
                        (2, index), doc)
        for actor in training.required_for:
            required = "Ska ha genomgått utbildningen" + (" innan inköp" if training.required_before_purchasing else "")
            yield RoleEntry(actor, TASKS, (PageLink(page, training.name, anchor), f"{required}."), (3, index), doc)
    coi = policy.conflict_of_interest
    yield RoleEntry(coi.declared_to, TASKS, (PageLink(page, "Tar emot jävsdeklarationer", ANCHORS["conflict"]), coi.text), (4,), doc)
    cm = policy.contract_management
    yield RoleEntry(
        cm.default_owner, TASKS,
        (PageLink(page, "Avtalsägare när inget annat har bestämts", slug("Avtalsägare")), cm.responsibilities), (5,), doc,
    )
    for index, area in enumerate(cm.areas):
        yield RoleEntry(
            area.owner, TASKS,
            (PageLink(page, f"Avtalsägare: {area.name}", f"avtalsomrade-{area.id}"), area.note or cm.responsibilities), (6, index), doc,
        )
    sampling = cm.invoice_sampling
    yield RoleEntry(sampling.performed_by, TASKS,
                    (PageLink(page, "Stickprov på fakturor mot avtalen", slug("Kontroll av fakturor")), sampling.text), (7,), doc)
    yield RoleEntry(sampling.reported_to, TASKS,
                    (PageLink(page, "Tar emot resultatet av stickproven på fakturor", slug("Kontroll av fakturor")), sampling.text),
                    (8,), doc)
    yield RoleEntry(cm.third_attest.performed_by, TASKS,
                    (PageLink(page, "Tredje attest av fakturor", slug("Kontroll av fakturor")), cm.third_attest.text), (9,), doc)
    for index, exception in enumerate(policy.exceptions):
        anchor = slug(exception.name)
        if exception.decided_by is not None:
            yield RoleEntry(exception.decided_by, TASKS,
                            (PageLink(page, f"Beslutar om undantaget {lower_first(exception.name)}", anchor), exception.decision),
                            (10, index), doc)
        if exception.reported_to is not None:
            yield RoleEntry(exception.reported_to, TASKS,
                            (PageLink(page, f"Tar emot anmälan om undantaget {lower_first(exception.name)}", anchor), exception.documentation),
                            (11, index), doc)
