"""Answer "who decides?" from the decision tables (standard library only).

`Decider(tables)` indexes the tables once; each question is then a dictionary lookup, a bisection
over the periods' start dates and, for an amount, a bisection over the tiers' upper bounds. The
tables come from the policies (`generators.decide.sources.from_policies`) or from the published
`decisions.json` (`from_rules`); both are the same data, so both give the same answers.

Fast path for systems that ask many questions: `Decider.delegate(matter, amount, day)` returns
`(status, tier, version)` without building anything; `Decider.delegation(...)` returns an `Answer`
whose explanation is built only when read.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: `decide` starts fast
    from typing import Any

import itertools

from generators.decide.answers import (
    ANSWERED,
    NEEDS_AMOUNT,
    NOT_ALLOWED,
    NOT_FOUND,
    NOT_IN_FORCE,
    OTHER_BODY,
    RETIRED,
    UNDETERMINED,
    UNKNOWN_VALUE,
    Answer,
)
from generators.decide.text import (
    LOU_DIRECT_PROCUREMENT_CITATION,
    and_list,
    direct_procurement_not_allowed,
    document_sentence,
    kronor,
    lower_first,
    or_list,
    say,
    sentence,
    upper_first,
)

INFINITY = float("inf")
_END = "9999-12-31"


def day_text(day: date | str) -> str:
    return day if isinstance(day, str) else day.isoformat()


def _direct_allowed(period: dict[str, Any], amount: float) -> bool:
    """Whether a direct procurement of `amount` kronor is within the law's limit (always, for other matters)."""
    direct = period.get("direct_procurement")
    if not direct:
        return True
    return amount < direct["limit"] if direct["comparison"] == "below" else amount <= direct["limit"]


class _Piece:
    """One period of one version of a matter, ready for lookup."""

    __slots__ = ("body", "end", "period", "start", "tiers", "uppers", "version")

    def __init__(self, version: dict[str, Any], period: dict[str, Any]) -> None:
        self.start: str = period["from"]
        self.end: str = period["to"] or _END
        self.version = version
        self.period = period
        self.body: str = version["body"]
        self.tiers: list[dict[str, Any]] = period["tiers"]
        self.uppers: list[float] | None = None
        if period["known"]:
            uppers = [INFINITY if t["up_to"] is None else t["up_to"] for t in self.tiers]
            regular = all(a < b for a, b in itertools.pairwise(uppers))
            self.uppers = uppers if regular else None


class _DelegationDecider:
    def __init__(self, tables: dict[str, Any]) -> None:
        self.tables = tables
        delegation = tables.get("delegation") or {}
        self._delegation = delegation
        self._retired_ids: dict[str, Any] = delegation.get("retired", {})
        self._matters: dict[str, tuple[list[str], list[_Piece]]] = {}
        for matter_id, versions in delegation.get("matters", {}).items():
            pieces = sorted((_Piece(v, p) for v in versions for p in v["periods"]), key=lambda p: p.start)
            self._matters[matter_id] = ([p.start for p in pieces], pieces)

    # -- delegation: the fast path ------------------------------------------------------------------
    def delegate(self, matter: str, amount: float | None, day: date | str) -> tuple[str, dict[str, Any] | None, _Piece | None]:
        """(status, tier, piece): the tier of `matter` that covers `amount` kronor on `day`."""
        entry = self._matters.get(matter)
        if entry is None:
            return NOT_FOUND, None, None
        if not isinstance(day, str):
            day = day.isoformat()
        starts, pieces = entry
        index = bisect_right(starts, day) - 1
        if index < 0:
            return NOT_IN_FORCE, None, None
        piece = pieces[index]
        if day > piece.end:
            return NOT_IN_FORCE, None, None
        uppers = piece.uppers
        if uppers is None:
            if not piece.period["known"]:
                return UNKNOWN_VALUE, None, piece
            return self._scan(piece, amount)
        if amount is None:
            if len(uppers) == 1:
                return ANSWERED, piece.tiers[0], piece
            return NEEDS_AMOUNT, None, piece
        index = bisect_left(uppers, amount)
        tier = piece.tiers[index]
        if tier["up_to"] == amount and not tier["up_to_inclusive"]:
            index += 1  # "under 580 000 kr": the limit itself belongs to the next tier (there always is one)
        return ANSWERED, piece.tiers[index], piece

    @staticmethod
    def _scan(piece: _Piece, amount: float | None) -> tuple[str, dict[str, Any] | None, _Piece]:
        """Tiers that do not rise strictly (D412 reports them): the first tier that holds the amount."""
        if amount is None:
            return NEEDS_AMOUNT, None, piece
        for tier in piece.tiers:
            if _within(tier, amount):
                return ANSWERED, tier, piece
        return UNDETERMINED, None, piece

    # -- delegation: the answer ---------------------------------------------------------------------
    def delegation(self, matter: str | None = None, amount: float | None = None, day: date | str | None = None,
                   body: str | None = None, kind: str | None = None, area: str | None = None) -> Answer:
        """Who may decide `matter` (or every matter of `kind` in `body`) for `amount` kronor on `day`;
        `area` (a förvaltning) picks the one holder of a role-type delegate there."""
        if day is None:
            day = date.today().isoformat()
        elif not isinstance(day, str):
            day = day.isoformat()
        if matter is None:
            question = {"kind": "delegation", "body": body, "matter": None, "matter_kind": kind, "amount": amount, "date": day}
            return self._delegation_by_kind(question, body, kind, amount, day)
        status, tier, piece = self.delegate(matter, amount, day)
        if status == ANSWERED and piece is not None and amount is not None and not _direct_allowed(piece.period, amount):
            status = NOT_ALLOWED
        if status == ANSWERED and tier is not None and area is not None and tier["delegated"] and tier.get("members") \
                and _holder_in_area(tier, area) is None:
            status = UNDETERMINED  # a role type's holders decide within their own förvaltning; none is in this one
        if piece is not None and body is not None and piece.body != body:
            status = OTHER_BODY
        elif status == NOT_FOUND and matter in self._retired_ids:
            status = RETIRED
        return Answer.lazy("delegation", status, self._delegation_full, (matter, amount, day, body, kind, status, tier, piece, area))

    def _delegation_full(self, matter: str, amount: float | None, day: str, body: str | None, kind: str | None,
                         status: str, tier: dict[str, Any] | None, piece: _Piece | None, area: str | None = None) -> Answer:
        question = {"kind": "delegation", "body": body, "matter": matter, "matter_kind": kind, "amount": amount, "date": day}
        if area is not None:
            question["area"] = area
        if status == RETIRED:
            status = NOT_FOUND
        return self._delegation_answer(question, matter, amount, day, status, tier, piece, area)

    def _delegation_answer(self, question: dict[str, Any], matter: str, amount: float | None, day: str,
                           status: str, tier: dict[str, Any] | None, piece: _Piece | None, area: str | None = None) -> Answer:
        bodies = self._delegation.get("bodies", {})
        if status == NOT_FOUND:
            retired = self._delegation.get("retired", {}).get(matter)
            if retired is not None:
                return self._retired(question, matter, retired)
            return Answer("delegation", question, NOT_FOUND, say("delegation.not_found", matter=matter), None,
                          lambda: [sentence(say("delegation.not_found.hint", bodies=and_list(sorted(bodies.values()))))])
        if status == NOT_IN_FORCE:
            versions = self._delegation["matters"][matter]
            spans = and_list([say("delegation.not_in_force.span", title=v["document"]["title"], version=v["document"]["version"],
                                  valid_from=v["valid_from"], valid_to=v["valid_to"] or "") for v in versions])
            return Answer("delegation", question, NOT_IN_FORCE, say("delegation.not_in_force", matter=matter, day=day), None,
                          lambda: [sentence(say("delegation.not_in_force.hint", spans=spans))])
        assert piece is not None
        version = piece.version
        info = version["matter"]
        body_name = bodies.get(piece.body, piece.body)
        facts: dict[str, Any] = {
            "body": piece.body,
            "body_name": body_name,
            "matter": info["id"],
            "matter_number": info["number"],
            "matter_title": info["title"],
            "document_id": version["document"]["id"],
            "document_version": version["document"]["version"],
            "execution_only": info["execution_only"],
        }
        if status == OTHER_BODY:
            return Answer("delegation", question, OTHER_BODY,
                          say("delegation.other_body", number=info["number"], title=info["title"], body=lower_first(body_name),
                              asked=lower_first(bodies.get(question["body"], question["body"]))),
                          facts, lambda: self._delegation_explanation(piece, None, None))
        if status == NOT_ALLOWED:
            limit = piece.period["direct_procurement"]
            return Answer("delegation", question, NOT_ALLOWED,
                          direct_procurement_not_allowed(kronor(amount), LOU_DIRECT_PROCUREMENT_CITATION),
                          facts, lambda: [*self._delegation_explanation(piece, None, None), limit["text"],
                                          sentence(say("delegation.not_allowed.reason", number=info["number"], amount=kronor(amount)))])
        if status == UNKNOWN_VALUE:
            return Answer("delegation", question, UNKNOWN_VALUE,
                          say("delegation.unknown_value", number=info["number"], day=day),
                          facts, lambda: self._delegation_explanation(piece, None, None))
        if status == NEEDS_AMOUNT:
            facts["tiers"] = [_tier_facts(t) for t in piece.tiers]
            return Answer("delegation", question, NEEDS_AMOUNT,
                          say("delegation.needs_amount", number=info["number"], title=info["title"], option=say("option.amount")),
                          facts, lambda: self._delegation_explanation(piece, None, None))
        if status == UNDETERMINED and tier is not None and area is not None:
            members = and_list([m["label"] for m in tier.get("members", ())])
            return Answer("delegation", question, UNDETERMINED,
                          say("delegation.undetermined.area", number=info["number"], members=members, area=area), facts, lambda: self._delegation_explanation(piece, tier, amount, day))
        if status == UNDETERMINED or tier is None:
            return Answer("delegation", question, UNDETERMINED,
                          say("delegation.undetermined", number=info["number"], amount=kronor(amount)),
                          facts, lambda: self._delegation_explanation(piece, None, amount))
        facts.update(_tier_facts(tier))
        facts["further_delegations"] = [
            {"id": f["id"], "to": f["to"]} for f in _further_for(piece, amount, day)
        ]
        who = tier["decided_by"]["label"]
        what = say("delegation.for_amount", amount=kronor(amount)) if amount is not None else ""
        holder = _holder_in_area(tier, area)
        if holder is not None:
            facts["decided_by_in_area"] = holder
            who = holder["label"]
        if tier["decided_by"]["kind"] == "execution":
            summary = say("delegation.execution", number=info["number"], title=info["title"], body=lower_first(body_name), day=day)
            return Answer("delegation", question, ANSWERED, summary, facts, lambda: self._delegation_explanation(piece, tier, amount, day),
                          list(tier["steps"]))
        summary = (say("delegation.delegated", who=who, number=info["number"], title=info["title"], amount=what,
                       body=lower_first(body_name), day=day)
                   if tier["delegated"] else
                   say("delegation.not_delegated", body_name=body_name, number=info["number"], title=info["title"], amount=what, day=day))
        return Answer("delegation", question, ANSWERED, summary, facts, lambda: self._delegation_explanation(piece, tier, amount, day),
                      list(tier["steps"]))

    def _retired(self, question: dict[str, Any], matter: str, retired: dict[str, Any]) -> Answer:
        replaced = retired.get("replaced_by")
        facts = {"matter": matter, "retired_on": retired["retired_on"], "replaced_by": replaced, "document_id": retired["document"]}
        summary = (say("delegation.retired.replaced", matter=matter, retired_on=retired["retired_on"], replaced=replaced) if replaced
                   else say("delegation.retired", matter=matter, retired_on=retired["retired_on"]))
        return Answer("delegation", question, RETIRED, summary, facts,
                      lambda: [sentence(say("delegation.retired.reason", reason=retired["reason"])),
                               sentence(say("delegation.retired.version", version=retired["version"], document=retired["document"]))])

    def _delegation_explanation(self, piece: _Piece, tier: dict[str, Any] | None, amount: float | None,
                                day: str | None = None) -> list[str]:
        version = piece.version
        info = version["matter"]
        period = piece.period
        lines = [document_sentence(version["document"])]
        lines.append(sentence(say("delegation.matter", number=info["number"], title=info["title"], section=info["section"])))
        if info["execution_only"]:
            lines.append(say("delegation.execution_only"))
        if info["legal_basis"]:
            lines.append(sentence(say("delegation.legal_basis", references="; ".join(info["legal_basis"]))))
        for value in period["reference_values"]:
            lines.append(sentence(value["text"]))
        if not period["known"]:
            lines.append(sentence(period["reason"] or say("delegation.value_unknown")))
            return lines
        tiers = period["tiers"]
        if tier is None:
            if len(tiers) > 1:
                lines += [sentence(say("delegation.tier.delegated", tier=t["label"], who=t["decided_by"]["label"]) if t["delegated"]
                                   else say("delegation.tier.not_delegated", tier=t["label"], who=lower_first(t["decided_by"]["label"])))
                          for t in tiers]
            return lines
        if tier["decided_by"]["kind"] == "execution":
            pass  # ren verkställighet without a delegate: said above, nobody "beslutar"
        elif len(tiers) == 1 and tier["above"] is None and tier["up_to"] is None:
            lines.append(sentence(say("delegation.no_limit", who=tier["decided_by"]["label"])))
        elif amount is None:
            lines.append(sentence(say("delegation.tier.delegated", tier=tier["label"], who=tier["decided_by"]["label"])))
        else:
            lines.append(say("delegation.amount_applies", amount=kronor(amount), applies=tier["applies"]))
            chosen = tiers.index(tier)
            for index, other in enumerate(tiers):
                if index != chosen:
                    lines.append(other["rejected_if_higher"] if index < chosen else other["rejected_if_lower"])
        if tier["substitute"] is not None:
            lines.append(tier["substitute"]["text"])
        for further in _further_for(piece, amount, day or period["from"]):
            lines.append(further["text"])
        lines += info["conditions"]
        if info["reporting"]:
            lines.append(info["reporting"])
        if info["note"]:
            lines.append(sentence(say("delegation.note", note=info["note"])))
        return lines

    def _delegation_by_kind(self, question: dict[str, Any], body: str | None, kind: str | None, amount: float | None,
                            day: str) -> Answer:
        by_kind = self._delegation.get("by_kind", {})
        labels = self._delegation.get("kind_labels", {})
        if body is None or kind is None:
            return Answer("delegation", question, NOT_FOUND, say("delegation.by_kind.ask"), None, list)
        if body not in by_kind:
            return Answer("delegation", question, NOT_FOUND, say("delegation.by_kind.no_order", body=body), None,
                          lambda: [sentence(say("delegation.by_kind.bodies", bodies=and_list(sorted(by_kind))))])
        ids = by_kind[body].get(kind, [])
        answers = [self.delegation(matter_id, amount, day, body) for matter_id in ids]
        answers = [a for a in answers if a.status not in (NOT_IN_FORCE, OTHER_BODY)]
        label = labels.get(kind, kind)
        if not answers:
            return Answer("delegation", question, NOT_FOUND,
                          say("delegation.by_kind.none", body_name=self._delegation["bodies"].get(body, body), kind=lower_first(label), day=day),
                          None, lambda: [sentence(say("delegation.by_kind.kinds", kinds=and_list(sorted(labels.get(k, k) for k in by_kind[body]))))])
        facts = {"matter_kind": kind, "matter_kind_label": label, "matters": [{"status": a.status, **(a.facts or {})} for a in answers]}
        status = ANSWERED if all(a.status == ANSWERED for a in answers) else answers[0].status if len(answers) == 1 else UNDETERMINED
        summary = say("delegation.by_kind", count=len(answers), kind=lower_first(label), body=lower_first(self._delegation["bodies"].get(body, body)),
                      day=day, answers="; ".join(a.summary.rstrip(".") for a in answers))

        def explain() -> list[str]:
            lines: list[str] = []
            for a in answers:
                number = (a.facts or {}).get("matter_number", "?")
                lines.append(a.summary)
                lines += [say("delegation.by_kind.line", number=number, line=line) for line in a.explanation]
            return lines

        return Answer("delegation", question, status, summary, facts, explain)


def _holder_in_area(tier: dict[str, Any], area: str | None) -> dict[str, Any] | None:
    """The one holder of a role-type delegate whose förvaltning is `area` ("respektive förvaltningschef
    inom sitt område"); None without an area, for any other delegate, or when none is there."""
    if area is None or not tier["delegated"]:
        return None
    return next((m for m in tier.get("members", ()) if m["administration"] == area), None)


def _tier_facts(tier: dict[str, Any]) -> dict[str, Any]:
    return {
        "decided_by": tier["decided_by"],
        "delegated": tier["delegated"],
        "tier": tier["index"],
        "tier_label": tier["label"],
        "substitute": tier["substitute"],
    }


def _within(bounds: dict[str, Any], amount: float) -> bool:
    """Is the amount inside a tier's (or a vidaredelegation's) bounds, each inclusive or not as written."""
    above, up_to = bounds["above"], bounds["up_to"]
    if above is not None and (amount < above or (amount == above and not bounds["above_inclusive"])):
        return False
    return up_to is None or amount < up_to or (amount == up_to and bounds["up_to_inclusive"])


def _further_for(piece: _Piece, amount: float | None, day: str) -> list[dict[str, Any]]:
    """Decisions on vidaredelegation that cover the amount on the day."""
    found = []
    for further in piece.period["further"]:
        if further["from"] > day:
            continue
        if amount is not None and not _within(further, amount):
            continue
        found.append(further)
    return found


def further_for(piece: _Piece, amount: float | None, day: str) -> list[dict[str, Any]]:
    """Public: the decisions on vidaredelegation that cover `amount` on `day` (the audit asks it too)."""
    return _further_for(piece, amount, day)


def _on(items: list[dict[str, Any]], day: str, start: str = "valid_from", end: str = "valid_to") -> dict[str, Any] | None:
    """The item (a version or a period) whose [start, end] holds `day`; the latest start wins."""
    found = None
    for item in items:
        if item[start] <= day and (item[end] is None or day <= item[end]):
            found = item
    return found


class Decider(_DelegationDecider):
    """Travel, whistleblowing and procurement: lookups in their tables (no amounts to bisect on a hot path)."""

    # -- travel ---------------------------------------------------------------------------------
    def travel(self, traveller: str | None = None, country: str | None = None, day: date | str | None = None,
               body: str | None = None, seat: str | None = None) -> Answer:
        """Who approves a trip by `traveller` (a position or role type id), or by a politician of `body`
        (the ordförande etc. with `seat`), to `country` (ISO 3166-1 alpha-2) on `day`."""
        day = day_text(day or date.today())
        country = (country or "").upper()
        question = {"kind": "travel", "traveller": traveller, "body": body, "seat": seat, "country": country, "date": day}
        table = self.tables.get("travel")
        if not table:
            return _missing("travel", question, say("travel.missing"))
        version = _on(table["versions"], day)
        if version is None:
            return Answer("travel", question, NOT_IN_FORCE, say("travel.not_in_force", day=day), None, list)
        period = _on(version["periods"], day, "from", "to")
        assert period is not None
        keys = self._traveller_keys(table, traveller, body, seat)
        if not keys:
            who = traveller or (say("travel.seat", seat=seat, body=body) if seat else body) or "?"
            return Answer("travel", question, NOT_FOUND, say("travel.unknown_traveller", who=who), None,
                          lambda: [say("travel.unknown_traveller.hint")])
        zone = period["countries"].get(country)
        if zone is None:
            return Answer("travel", question, NOT_FOUND, say("travel.unknown_country", country=country, day=day), None,
                          lambda: [say("travel.unknown_country.hint")])
        rows = []
        for key in keys:
            index = period["cells"].get(key, {}).get(zone)
            rows.append((key, version["answers"][index] if index is not None else None))
        known = [(key, entry) for key, entry in rows if entry is not None]
        if not known:
            label = table["travellers"].get(keys[0], {}).get("label", keys[0])
            return Answer("travel", question, NOT_FOUND, say("travel.no_category", traveller=label), None, list)
        facts_list = [self._travel_facts(table, version, key, entry, country, zone) for key, entry in known]
        approvers = {f["approver"]["key"] if f["approver"] else None for f in facts_list}
        statuses = {entry["status"] for _, entry in known}
        status = ANSWERED if statuses == {"answered"} else UNDETERMINED
        zone_name = version["zones"].get(zone, zone)
        place = table.get("country_names", {}).get(country, country)
        texts = sorted({f["approver_text"] for f in facts_list if f["approver_text"]})
        if len(facts_list) == 1:
            facts = facts_list[0]
            who = facts["traveller"]["label"]
            summary = (say("travel.approves", approver=upper_first(facts["approver_text"]), traveller=lower_first(who), place=place,
                           zone=zone_name, day=day)
                       if facts["approver"] else say("travel.undetermined", traveller=lower_first(who), place=place, day=day))
        else:
            role_key = traveller if traveller and traveller.startswith("role_type:") else f"role_type:{traveller}"
            role = table["role_types"][role_key]
            facts = {"traveller": {"key": role_key, "label": role["label"]}, "by_traveller": facts_list}
            summary = say("travel.approved_by", traveller=lower_first(role["label"]), place=place, zone=zone_name, day=day,
                          approvers=and_list(texts), depends=say("depends_on_position") if len(approvers) > 1 else "")
        # The policy's steps, with the approver put in its slot (one approver, or the general word).
        approver_slot = texts[0] if len(texts) == 1 else say("travel.approver")
        steps = [step.replace("{approver}", approver_slot) for step in version.get("steps", [])] if status == ANSWERED else []

        def explain() -> list[str]:
            lines = [document_sentence(version["document"]), sentence(say("travel.zone", place=place, zone=zone_name, day=day))]
            for other in period["excluded"].get(country, []):
                if other != zone:
                    lines.append(sentence(say("travel.excluded", place=place, zone=lower_first(version["zones"].get(other, other)))))
            if country in period["overlaps"]:
                lines.append(sentence(say("travel.overlap", place=place, zones=and_list(period["overlaps"][country]))))
            # Travellers with the same answer (every enhetschef of a role type, say) are explained once.
            groups: dict[int, tuple[list[str], dict[str, Any], dict[str, Any]]] = {}
            for f, (_, entry) in zip(facts_list, known, strict=False):
                groups.setdefault(id(entry), ([], f, entry))[0].append(f["traveller"]["label"])
            for names, f, entry in groups.values():
                who = and_list(names)
                if f["category_name"]:
                    lines.append(sentence(say("travel.category" if len(names) == 1 else "travel.category.all", who=who,
                                              category=lower_first(f["category_name"]))))
                if len(groups) > 1:
                    named = lower_first(who) if len(names) == 1 else who
                    lines += [say("travel.for", who=named, line=line) for line in entry["lines"]]
                else:
                    lines += entry["lines"]
            return lines

        return Answer("travel", question, status, summary, facts, explain, steps)

    @staticmethod
    def _traveller_keys(table: dict[str, Any], traveller: str | None, body: str | None, seat: str | None) -> list[str]:
        travellers = table["travellers"]
        if traveller:
            for key in (traveller, f"position:{traveller}"):
                if key in travellers:
                    return [key]
            role = table["role_types"].get(traveller if traveller.startswith("role_type:") else f"role_type:{traveller}")
            return [m for m in role["members"] if m in travellers] if role else []
        if body and seat:
            key = f"seat:{seat}@{body}"
            return [key] if key in travellers else []
        if body:
            key = f"body:{body}"
            return [key] if key in travellers else []
        return []

    @staticmethod
    def _travel_facts(table: dict[str, Any], version: dict[str, Any], key: str, entry: dict[str, Any], country: str, zone: str) -> dict[str, Any]:
        category = entry["category"]
        return {
            "traveller": {"key": key, "label": table["travellers"][key]["label"]},
            "country": country,
            "country_name": table.get("country_names", {}).get(country, country),
            "zone": zone,
            "zone_name": version["zones"].get(zone, zone),
            "category": category,
            "category_name": version["categories"].get(category) if category else None,
            "approval": entry["approval"],
            "approver": entry["approver"],
            "approver_text": entry.get("approver_text"),
            "named_approver": entry["named_approver"],
            "basis": entry["basis"],
            "basis_label": entry["basis_label"],
            "matter": entry["matter"],
            "own_trip": entry["own_trip"],
        }

    # -- whistleblowing ---------------------------------------------------------------------------
    def whistleblowing(self, concerns: str | None = None, day: date | str | None = None) -> Answer:
        """Who handles a report concerning `concerns`: a position or role type id, a category
        (fortroendevald, revisor, leverantor_eller_konsult, okand_person), an external party or a
        function; or a key such as `category:fortroendevald`."""
        day = day_text(day or date.today())
        question = {"kind": "whistleblowing", "concerns": concerns, "date": day}
        table = self.tables.get("whistleblowing")
        if not table:
            return _missing("whistleblowing", question, say("whistleblowing.missing"))
        version = _on(table["versions"], day)
        if version is None:
            return Answer("whistleblowing", question, NOT_IN_FORCE, say("whistleblowing.not_in_force", day=day), None, list)
        keys = self._concerned_keys(table, version, concerns or "")
        if not keys:
            return Answer("whistleblowing", question, NOT_FOUND, say("whistleblowing.unknown", concerns=concerns), None,
                          lambda: [sentence(say("whistleblowing.categories",
                                                categories=and_list([k.split(":", 1)[1] for k in table["concerned"] if k.startswith("category:")])))])
        facts_list = []
        for key in keys:
            entry = version["answers"][key]
            facts_list.append({
                "concerned": {"key": key, "label": table["concerned"].get(key, key)},
                "route": entry["route"],
                "route_level": entry["route_level"],
                "route_text": entry["route_text"],
                "handler": entry["handler"],
                "handover_to": entry["handover_to"],
                "stepping_aside": entry["stepping_aside"],
                "independent": entry["independent"],
            })
        entries = [version["answers"][k] for k in keys]
        status = ANSWERED if all(e["status"] == "answered" for e in entries) else UNDETERMINED
        if len(facts_list) == 1:
            facts = facts_list[0]
            handler = facts["handler"]["label"] if facts["handler"] else None
            concerned_text = table.get("concerned_text", {}).get(facts["concerned"]["key"]) or lower_first(facts["concerned"]["label"])
            if handler is None:
                summary = say("whistleblowing.no_handler", concerned=facts["concerned"]["label"])
            elif facts["handover_to"]:
                summary = say("whistleblowing.handles.handover", handler=upper_first(facts["handler"]["text"]), concerned=concerned_text,
                              handover=facts["handover_to"]["text"], day=day)
            else:
                summary = say("whistleblowing.handles", handler=upper_first(facts["handler"]["text"]), concerned=concerned_text, day=day)
        else:
            role_key = concerns if (concerns or "").startswith("role_type:") else f"role_type:{concerns}"
            role_label = table["concerned"].get(role_key) or concerns
            facts = {"concerned": {"key": role_key, "label": role_label}, "by_concerned": facts_list}
            handlers = sorted({f["handler"]["text"] for f in facts_list if f["handler"]})
            summary = say("whistleblowing.handled_by", concerned=lower_first(str(role_label)), handlers=and_list(handlers),
                          depends=say("depends_on_position") if len(handlers) > 1 else "", day=day)

        def explain() -> list[str]:
            lines = [document_sentence(version["document"])]
            for entry in entries:
                lines += entry["lines"]
            return lines

        return Answer("whistleblowing", question, status, summary, facts, explain, list(version.get("steps", [])))

    @staticmethod
    def _concerned_keys(table: dict[str, Any], version: dict[str, Any], concerns: str) -> list[str]:
        answers = version["answers"]
        if concerns in answers:
            return [concerns]
        for kind in ("position", "category", "external", "function"):
            if f"{kind}:{concerns}" in answers:
                return [f"{kind}:{concerns}"]
        members = table["role_types"].get(concerns if concerns.startswith("role_type:") else f"role_type:{concerns}")
        return [m for m in members if m in answers] if members else []

    # -- procurement ---------------------------------------------------------------------------
    def procurement(self, value: float | None = None, day: date | str | None = None, regime: str | None = None,
                    category: str | None = None, body: str | None = None) -> Answer:
        """For an estimated value (kronor excl. moms): which procedure, whether it must be documented,
        who may decide and who signs, under `regime` and `category`, for `body`."""
        day = day_text(day or date.today())
        question = {"kind": "procurement", "value": value, "regime": regime, "category": category, "body": body, "date": day}
        table = self.tables.get("procurement")
        if not table:
            return _missing("procurement", question, say("procurement.missing"))
        version = _on(table["versions"], day)
        if version is None:
            return Answer("procurement", question, NOT_IN_FORCE, say("procurement.not_in_force", day=day), None, list)
        defaults = version["defaults"]
        regime = regime or defaults["regime"]
        category = category or defaults["category"]
        body = body or defaults["body"]
        question.update({"regime": regime, "category": category, "body": body})
        entry = version["tables"].get(f"{regime}/{category}")
        if entry is None:
            known = and_list([say("procurement.table", category=k.split("/")[1], regime=k.split("/")[0]) for k in version["tables"]])
            return Answer("procurement", question, NOT_FOUND, say("procurement.no_table", category=category, regime=regime),
                          None, lambda: [sentence(say("procurement.tables", tables=known))])
        if body not in entry["bodies"]:
            return Answer("procurement", question, NOT_FOUND,
                          say("procurement.other_body", category=category, regime=regime, body=body), None,
                          lambda: [sentence(say("procurement.bodies", bodies=and_list([version["bodies"].get(b, b) for b in entry["bodies"]])))])
        if value is None or value < 0:
            return Answer("procurement", question, NOT_FOUND, say("procurement.ask_value", option=say("option.value")), None, list)
        period = _on(entry["bodies"][body], day, "from", "to")
        assert period is not None
        interval = next((i for i in period["intervals"] if _holds(i, value)), None)
        if interval is None:  # the intervals cover every value from 0 kr; tables from elsewhere may not
            return Answer("procurement", question, UNDETERMINED, say("procurement.no_interval", value=kronor(value)), None, list)
        found = interval["answer"]
        status = {"answered": ANSWERED, "unknown_value": UNKNOWN_VALUE}.get(found["status"], UNDETERMINED)
        facts = {
            "value": value,
            "regime": regime,
            "regime_name": version["regimes"][regime]["name"] if regime in version["regimes"] else regime,
            "category": category,
            "category_name": version["categories"].get(category, category),
            "body": body,
            "body_name": version["bodies"].get(body, body),
            "interval": interval["label"],
            "band": found["band"],
            "procedure": found["procedure"],
            "candidates": [{"band": c["band"], "procedure_kind": c["procedure"]["kind"], "procedure_label": c["procedure"]["label"]}
                           for c in found["candidates"]],
            "direct_procurement_allowed": found["direct_procurement_allowed"],
            "documentation_required": found["documentation_required"],
            "documentation_required_by_law": found["documentation_required_by_law"],
            "decided_by": [{"actor": d["actor"], "basis": d["basis"], "matter": d["matter"], "matter_number": d["matter_number"]}
                           for d in found["decided_by"]],
            "signing": [d["signing"] for d in found["decided_by"]],
        }
        what = say("procurement.purchase", value=kronor(value), category=lower_first(facts["category_name"]), regime=regime.upper(),
                   body=lower_first(facts["body_name"]))
        deciders = or_list([d["actor"]["label"] for d in found["decided_by"]])
        if status == ANSWERED and found["procedure"] is None:
            # Who decides is settled; the procedure turns on a threshold not published in kronor.
            options = or_list([lower_first(c["procedure"]["label"]) for c in found["candidates"]])
            summary = say("procurement.candidates", purchase=what, options=options, deciders=deciders, day=day)
        elif status == ANSWERED:
            summary = say("procurement.answered", purchase=what, procedure=_procedure_words(found), deciders=deciders, day=day)
        elif found["procedure"] is not None:
            summary = say("procurement.no_decider", purchase=what, procedure=_procedure_words(found), day=day)
        else:
            summary = say("procurement.no_procedure", purchase=what, day=day)

        def explain() -> list[str]:
            lines = [document_sentence(version["document"]),
                     sentence(say("procurement.interval", value=kronor(value), interval=interval["label"],
                                  category=lower_first(facts["category_name"]), regime=facts["regime_name"]))]
            lines += found["lines"]
            if found["documentation_required"] is not None:
                lines.append(say("procurement.documentation_required" if found["documentation_required"]
                                 else "procurement.documentation_not_required"))
            for decider in found["decided_by"]:
                lines.append(decider["text"])
                lines.append(decider["signing"]["text"])
            lines.append(sentence(say("procurement.value_basis", basis=version["value_basis"])))
            return lines

        return Answer("procurement", question, status, summary, facts, explain, list(found["steps"]) if status == ANSWERED else [])


def _procedure_words(found: dict[str, Any]) -> str:
    words = lower_first(found["procedure"]["label"])
    return say("procurement.documented" if found["documentation_required"] else "procurement.undocumented", procedure=words)


def _holds(interval: dict[str, Any], value: float) -> bool:
    lower, upper = interval["lower"], interval["upper"]
    if value < lower or (value == lower and not interval["lower_inclusive"]):
        return False
    return upper is None or value < upper or (value == upper and interval["upper_inclusive"])


def _missing(kind: str, question: dict[str, Any], message: str) -> Answer:
    return Answer(kind, question, NOT_FOUND, message, None, list)
