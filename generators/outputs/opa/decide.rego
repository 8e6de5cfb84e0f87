# "Who decides?" over the published decision tables: the same answers as `python -m generators decide`.
#
# The tables are the bundle's data (data.styrdokument.tables.decisions is decisions.json, and
# data.styrdokument.tables.attest every attest chain, precomputed by the tool's own `chain`). This
# policy only looks answers up: the version and period in force on the day, the tier, zone, band or
# interval that holds the amount, and the join of the tables' keys, in the order the schema
# (rules-decisions.schema.json) and generators/decide/engine.py describe. It computes no rule.
#
# Query: POST /v1/data/styrdokument/decide/answer with {"input": {"question": ..., "date": "YYYY-MM-DD", ...}}
#   delegation:      matter (or body and matter_kind), amount, body, area (a förvaltning: the one holder
#                    there of a role-type delegate, "respektive förvaltningschef inom sitt område")
#   travel:          traveller (or body, with seat for a post), country
#   whistleblowing:  concerns
#   procurement:     value, regime, category, body
#   attest:          ansvar, amount (whole kronor), category, for
# Result: {"status": ..., "answer": the facts `decide --format json` gives as "answer" (attest: its
# steps without the reasons), or null}.
#
# Written for OPA and for rego-cpp (regopy, the engine the tests run) alike. rego-cpp 1.5.2 differs
# from OPA in three places this file keeps clear of: `some i, x in xs` inside a comprehension (it reads
# the comma as the end of the head: bind `x := xs[i]` instead), a function's argument used as a bare
# key inside a comprehension (it iterates over it: bind the lookup outside, or key by an argument's
# field), and object.get and function arguments on large objects (it copies them: look up the data
# by path, and hand functions indices).
package styrdokument.decide

import rego.v1

tables := data.styrdokument.tables.decisions

_get(key) := _at(input, key, null)

day := input.date

default answer := {"status": "not_found", "answer": null}

answer := delegation_answer if _get("question") == "delegation"

answer := travel_answer if _get("question") == "travel"

answer := whistleblowing_answer if _get("question") == "whistleblowing"

answer := procurement_answer if _get("question") == "procurement"

answer := attest_answer if _get("question") == "attest"

_given(x) if {
	x != null
	x != ""
}

# m[key], or `fallback` where m has no such key. (Not object.get: rego-cpp converts the whole
# object for it, which on the decision tables costs more than the answer.)
_at(m, key, fallback) := value if {
	value := m[key]
} else := fallback

_result(status, facts) := {"status": status, "answer": facts}

_or_else(x, fallback) := x if x != null

_or_else(x, fallback) := fallback if x == null

# The version or period in force on the day is found by its index, in a rule over the data itself
# ("the item whose [start, end] holds the day; the last one listed wins"). A function taking the
# list would be simpler to read, but rego-cpp copies a function's arguments, and these lists are large.

_until(end, d) if end == null

_until(end, d) if {
	end != null
	d <= end
}

_role_key(id) := id if startswith(id, "role_type:")

_role_key(id) := concat("", ["role_type:", id]) if not startswith(id, "role_type:")

# -- delegation -------------------------------------------------------------------------------------

delegation := tables.delegation

delegation_answer := _delegation_with(input.matter, _input_piece, _get("amount"), day, _get("body"), _get("area")) if _get("matter") != null

delegation_answer := _by_kind(_get("body"), _get("matter_kind"), _get("amount"), day) if _get("matter") == null

# A piece is one period of one version of a matter, named by its indices ({"matter", "v", "p", "end"}):
# the functions below read the version and the period from the data themselves, since rego-cpp copies
# whatever a function is handed.
# The piece in force, as Decider.delegate bisects it: of the periods of every version of the matter
# that start on or before the day, the latest start; on a tie the one listed last.
_piece(matter, d) := {"matter": matter, "v": best[1], "p": best[2], "end": _or_else(delegation.matters[matter][best[1]].periods[best[2]].to, "9999-12-31")} if {
	versions := delegation.matters[matter]
	starts := [[period.from, i, j] | version := versions[i]; period := version.periods[j]; period.from <= d]
	count(starts) > 0
	best := max(starts)
}

# The same for the matter asked about, in a rule over the input: rego-cpp evaluates it there some
# fifty times faster than in a function (a question by matter_kind needs the function).
_input_piece := {"matter": input.matter, "v": best[1], "p": best[2], "end": _or_else(delegation.matters[input.matter][best[1]].periods[best[2]].to, "9999-12-31")} if {
	starts := [[period.from, i, j] | version := delegation.matters[input.matter][i]; period := version.periods[j]; period.from <= day]
	count(starts) > 0
	best := max(starts)
} else := null

_piece_or_null(matter, d) := piece if {
	piece := _piece(matter, d)
} else := null

# {status, tier (its index), piece}, as Decider.delegate.
_lookup(matter, piece, amount, d) := {"status": "not_found", "tier": null, "piece": null} if not delegation.matters[matter]

else := _lookup_in(piece, amount, d)

_lookup_in(piece, amount, d) := {"status": "not_in_force", "tier": null, "piece": null} if piece == null

else := {"status": "not_in_force", "tier": null, "piece": null} if d > piece.end

else := {"status": "unknown_value", "tier": null, "piece": piece} if not delegation.matters[piece.matter][piece.v].periods[piece.p].known

else := object.union(_tier(piece, amount), {"piece": piece})

# Tiers whose upper bounds rise strictly (the last may be open) are bisected; others are scanned.
_rising(piece) if {
	tiers := delegation.matters[piece.matter][piece.v].periods[piece.p].tiers
	every i, tier in tiers {
		_rises_at(tiers, i)
	}
}

_rises_at(tiers, i) if i == 0

_rises_at(tiers, i) if {
	i > 0
	tiers[i - 1].up_to != null
	_below(tiers[i - 1].up_to, tiers[i].up_to)
}

_below(a, b) if b == null

_below(a, b) if {
	b != null
	a < b
}

_tier(piece, amount) := {"status": "answered", "tier": 0} if {
	_rising(piece)
	amount == null
	count(delegation.matters[piece.matter][piece.v].periods[piece.p].tiers) == 1
}

else := {"status": "needs_amount", "tier": null} if {
	amount == null
}

else := {"status": "answered", "tier": min(holding)} if {
	_rising(piece)
	holding := [i | tier := delegation.matters[piece.matter][piece.v].periods[piece.p].tiers[i]; _not_above(amount, tier)]
	count(holding) > 0
}

else := {"status": "answered", "tier": min(holding)} if {
	not _rising(piece)
	holding := [i |
		tier := delegation.matters[piece.matter][piece.v].periods[piece.p].tiers[i]
		_over(amount, tier)
		_not_above(amount, tier)
	]
	count(holding) > 0
}

else := {"status": "undetermined", "tier": null}

# A tier's (or a vidaredelegation's) bounds, each inclusive or not as written ("under 580 000 kr" is
# up_to 580000 with up_to_inclusive false; "från och med" is above with above_inclusive true).
_not_above(amount, bounds) if bounds.up_to == null

_not_above(amount, bounds) if {
	bounds.up_to != null
	amount < bounds.up_to
}

_not_above(amount, bounds) if {
	bounds.up_to != null
	amount == bounds.up_to
	bounds.up_to_inclusive
}

_over(amount, bounds) if bounds.above == null

_over(amount, bounds) if {
	bounds.above != null
	amount > bounds.above
}

_over(amount, bounds) if {
	bounds.above != null
	amount == bounds.above
	bounds.above_inclusive
}

_direct_allowed(piece, amount) if delegation.matters[piece.matter][piece.v].periods[piece.p].direct_procurement == null

_direct_allowed(piece, amount) if {
	direct := delegation.matters[piece.matter][piece.v].periods[piece.p].direct_procurement
	direct != null
	direct.comparison == "below"
	amount < direct.limit
}

_direct_allowed(piece, amount) if {
	direct := delegation.matters[piece.matter][piece.v].periods[piece.p].direct_procurement
	direct != null
	direct.comparison != "below"
	amount <= direct.limit
}

_status(found, matter, amount, body, area) := "other_body" if {
	found.piece != null
	body != null
	delegation.matters[matter][found.piece.v].body != body
}

else := "retired" if {
	found.status == "not_found"
	delegation.retired[matter]
}

else := "not_allowed" if {
	found.status == "answered"
	amount != null
	not _direct_allowed(found.piece, amount)
}

# A role type's holders decide each within their own förvaltning: asked for an area where none of
# them is, the answer is undetermined (as Decider.delegation with `area`).
else := "undetermined" if {
	found.status == "answered"
	area != null
	tier := delegation.matters[found.piece.matter][found.piece.v].periods[found.piece.p].tiers[found.tier]
	tier.delegated
	count(_at(tier, "members", [])) > 0
	_holder_in_area(tier, area) == null
}

else := found.status

# The one holder of a role-type delegate whose förvaltning is `area`; null without one, or for a tier
# that is not delegated (the last such member listed, as there is at most one per förvaltning).
_holder_in_area(tier, area) := holder if {
	area != null
	tier.delegated
	holders := [member | member := _at(tier, "members", [])[_]; member.administration == area]
	count(holders) > 0
	holder := holders[0]
} else := null

_delegation_for(matter, amount, d, body) := _delegation_with(matter, _piece_or_null(matter, d), amount, d, body, null)

_delegation_with(matter, piece, amount, d, body, area) := _result(status, _delegation_facts(status, found, matter, amount, d, area)) if {
	found := _lookup(matter, piece, amount, d)
	status := _status(found, matter, amount, body, area)
}

_tier_facts(piece, index) := _tier_facts_of(delegation.matters[piece.matter][piece.v].periods[piece.p].tiers[index])

_tier_facts_of(tier) := {
	"decided_by": tier.decided_by,
	"delegated": tier.delegated,
	"tier": tier.index,
	"tier_label": tier.label,
	"substitute": tier.substitute,
}

_body_name(body) := name if {
	name := delegation.bodies[body]
} else := body

_base_facts(piece) := {
	"body": version.body,
	"body_name": _body_name(version.body),
	"matter": version.matter.id,
	"matter_number": version.matter.number,
	"matter_title": version.matter.title,
	"document_id": version.document.id,
	"document_version": version.document.version,
	"execution_only": version.matter.execution_only,
} if {
	version := delegation.matters[piece.matter][piece.v]
}

_further(piece, amount, d) := [{"id": further.id, "to": further.to} |
	some further in delegation.matters[piece.matter][piece.v].periods[piece.p].further
	further.from <= d
	_covers(further, amount)
]

_covers(further, amount) if amount == null

_covers(further, amount) if {
	amount != null
	_over(amount, further)
	_not_above(amount, further)
}

_delegation_facts(status, found, matter, amount, d, area) := {
	"matter": matter,
	"retired_on": retired.retired_on,
	"replaced_by": _or_else(retired.replaced_by, null),
	"document_id": retired.document,
} if {
	status == "retired"
	retired := delegation.retired[matter]
}

else := null if found.piece == null

else := object.union(_answered_facts(found, amount, d), {"decided_by_in_area": holder}) if {
	status == "answered"
	holder := _holder_in_area(delegation.matters[found.piece.matter][found.piece.v].periods[found.piece.p].tiers[found.tier], area)
	holder != null
}

else := _answered_facts(found, amount, d) if {
	status == "answered"
}

else := object.union(_base_facts(found.piece), {"tiers": [facts |
	tier := delegation.matters[found.piece.matter][found.piece.v].periods[found.piece.p].tiers[_]
	facts := _tier_facts_of(tier)
]}) if {
	status == "needs_amount"
}

else := _base_facts(found.piece)

_answered_facts(found, amount, d) := object.union(object.union(_base_facts(found.piece), _tier_facts(found.piece, found.tier)),
	{"further_delegations": _further(found.piece, amount, d)})

_by_kind(body, kind, amount, d) := _result("not_found", null) if {
	not _given(body)
}

else := _result("not_found", null) if not _given(kind)

else := _result("not_found", null) if not delegation.by_kind[body]

else := _kind_result(kind, _kind_answers(body, kind, amount, d))

_kind_result(kind, answers) := _result("not_found", null) if count(answers) == 0

else := _result(_kind_status(answers), {
	"matter_kind": kind,
	"matter_kind_label": _kind_label(kind),
	"matters": [object.union({"status": a.status}, _or_else(a.answer, {})) | some a in answers],
})

_kind_label(kind) := label if {
	label := delegation.kind_labels[kind]
} else := kind

_kind_answers(body, kind, amount, d) := [a |
	some matter in _kind_matters(body, kind)
	a := _delegation_for(matter, amount, d, body)
	not a.status in {"not_in_force", "other_body"}
]

_kind_matters(body, kind) := matters if {
	matters := delegation.by_kind[body][kind]
} else := []

_kind_status(answers) := "answered" if {
	every a in answers {
		a.status == "answered"
	}
}

else := answers[0].status if count(answers) == 1

else := "undetermined"

# -- travel -----------------------------------------------------------------------------------------

travel := tables.travel

_country := upper(_or_else(_get("country"), ""))

travel_answer := _result("not_found", null) if travel == null

else := _result("not_in_force", null) if not _travel_index

else := _result("not_found", null) if count(_traveller_keys) == 0

else := _result("not_found", null) if not _travel_period.countries[_country]

else := _result("not_found", null) if count(_known_trips) == 0

else := _result(_trip_status, _trip_facts)

_travel_index := max(found) if {
	found := [i | version := travel.versions[i]; version.valid_from <= day; _until(version.valid_to, day)]
	count(found) > 0
}

_travel_version := travel.versions[_travel_index]

_travel_period := _travel_version.periods[max(found)] if {
	found := [i | period := _travel_version.periods[i]; period.from <= day; _until(period.to, day)]
	count(found) > 0
}

_traveller := _get("traveller")

_traveller_keys := [_traveller] if {
	_given(_traveller)
	travel.travellers[_traveller]
}

else := [key] if {
	_given(_traveller)
	key := concat("", ["position:", _traveller])
	travel.travellers[key]
}

else := [member | some member in travel.role_types[_role_key(_traveller)].members; travel.travellers[member]] if {
	_given(_traveller)
	travel.role_types[_role_key(_traveller)]
}

else := [] if _given(_traveller)

else := [key] if {
	_given(_get("body"))
	_given(_get("seat"))
	key := sprintf("seat:%s@%s", [_get("seat"), _get("body")])
	travel.travellers[key]
}

else := [] if {
	_given(_get("body"))
	_given(_get("seat"))
}

else := [key] if {
	_given(_get("body"))
	key := concat("", ["body:", _get("body")])
	travel.travellers[key]
}

else := []

_zone := _travel_period.countries[_country]

_country_name := name if {
	name := travel.country_names[_country]
} else := _country

_known_trips := [[key, _travel_version.answers[index]] |
	some key in _traveller_keys
	index := _travel_period.cells[key][_zone]
]

_trip_status := "answered" if {
	every trip in _known_trips {
		trip[1].status == "answered"
	}
}

else := "undetermined"

_trip_facts := _travel_facts(_known_trips[0][0], _known_trips[0][1]) if count(_known_trips) == 1

else := {
	"traveller": {"key": _role_key(_traveller), "label": travel.role_types[_role_key(_traveller)].label},
	"by_traveller": [_travel_facts(trip[0], trip[1]) | some trip in _known_trips],
}

_category_name(category) := null if category == null

_category_name(category) := _at(_travel_version.categories, category, null) if category != null

_travel_facts(key, entry) := {
	"traveller": {"key": key, "label": travel.travellers[key].label},
	"country": _country,
	"country_name": _country_name,
	"zone": _zone,
	"zone_name": _at(_travel_version.zones, _zone, _zone),
	"category": entry.category,
	"category_name": _category_name(entry.category),
	"approval": entry.approval,
	"approver": entry.approver,
	"approver_text": _at(entry, "approver_text", null),
	"named_approver": entry.named_approver,
	"basis": entry.basis,
	"basis_label": entry.basis_label,
	"matter": entry.matter,
	"own_trip": entry.own_trip,
}

# -- whistleblowing ---------------------------------------------------------------------------------

whistleblowing := tables.whistleblowing

_concerns := _or_else(_get("concerns"), "")

whistleblowing_answer := _result("not_found", null) if whistleblowing == null

else := _result("not_in_force", null) if not _report_index

else := _result("not_found", null) if count(_concerned_keys) == 0

else := _result(_report_status, _report_facts)

_report_index := max(found) if {
	found := [i | version := whistleblowing.versions[i]; version.valid_from <= day; _until(version.valid_to, day)]
	count(found) > 0
}

_report_version := whistleblowing.versions[_report_index]

_concerned_keys := [_concerns] if _report_version.answers[_concerns]

else := [key] if {
	kinds := [concat("", [kind, ":", _concerns]) | some kind in ["position", "category", "external", "function"]; _report_version.answers[concat("", [kind, ":", _concerns])]]
	count(kinds) > 0
	key := kinds[0]
}

else := [member | some member in whistleblowing.role_types[_role_key(_concerns)]; _report_version.answers[member]] if {
	whistleblowing.role_types[_role_key(_concerns)]
}

else := []

_report_status := "answered" if {
	every key in _concerned_keys {
		_report_version.answers[key].status == "answered"
	}
}

else := "undetermined"

_report_facts := _concerned_facts(_concerned_keys[0]) if count(_concerned_keys) == 1

else := {
	"concerned": {"key": _role_key(_concerns), "label": _or_else(_at(whistleblowing.concerned, _role_key(_concerns), null), _concerns)},
	"by_concerned": [_concerned_facts(key) | some key in _concerned_keys],
}

_concerned_facts(key) := {
	"concerned": {"key": key, "label": _at(whistleblowing.concerned, key, key)},
	"route": entry.route,
	"route_level": entry.route_level,
	"route_text": entry.route_text,
	"handler": entry.handler,
	"handover_to": entry.handover_to,
	"stepping_aside": entry.stepping_aside,
	"independent": entry.independent,
} if {
	entry := _report_version.answers[key]
}

# -- procurement ------------------------------------------------------------------------------------

procurement := tables.procurement

procurement_answer := _result("not_found", null) if procurement == null

else := _result("not_in_force", null) if not _purchase_index

else := _result("not_found", null) if not _purchase_version.tables[_purchase_table_key]

else := _result("not_found", null) if not _purchase_version.tables[_purchase_table_key].bodies[_purchase_body]

else := _result("not_found", null) if _get("value") == null

else := _result("not_found", null) if _get("value") < 0

else := _result(_purchase_status, _purchase_facts)

_purchase_index := max(found) if {
	found := [i | version := procurement.versions[i]; version.valid_from <= day; _until(version.valid_to, day)]
	count(found) > 0
}

_purchase_version := procurement.versions[_purchase_index]

_chosen(key) := _get(key) if _given(_get(key))

else := _purchase_version.defaults[key]

_purchase_regime := _chosen("regime")

_purchase_category := _chosen("category")

_purchase_body := _chosen("body")

_purchase_table_key := concat("/", [_purchase_regime, _purchase_category])

_purchase_interval := intervals[min(holding)] if {
	periods := _purchase_version.tables[_purchase_table_key].bodies[_purchase_body]
	found := [i | period := periods[i]; period.from <= day; _until(period.to, day)]
	count(found) > 0
	intervals := periods[max(found)].intervals
	holding := [i | interval := intervals[i]; _holds(interval, _get("value"))]
	count(holding) > 0
}

_holds(interval, value) if {
	_from_lower(interval, value)
	_to_upper(interval, value)
}

_from_lower(interval, value) if value > interval.lower

_from_lower(interval, value) if {
	value == interval.lower
	interval.lower_inclusive
}

_to_upper(interval, value) if interval.upper == null

_to_upper(interval, value) if {
	interval.upper != null
	value < interval.upper
}

_to_upper(interval, value) if {
	interval.upper != null
	value == interval.upper
	interval.upper_inclusive
}

_purchase_found := _purchase_interval.answer

_purchase_status := "answered" if _purchase_found.status == "answered"

else := "unknown_value" if _purchase_found.status == "unknown_value"

else := "undetermined"

_regime_name := name if {
	name := _purchase_version.regimes[_purchase_regime].name
} else := _purchase_regime

_purchase_facts := {
	"value": _get("value"),
	"regime": _purchase_regime,
	"regime_name": _regime_name,
	"category": _purchase_category,
	"category_name": _at(_purchase_version.categories, _purchase_category, _purchase_category),
	"body": _purchase_body,
	"body_name": _at(_purchase_version.bodies, _purchase_body, _purchase_body),
	"interval": _purchase_interval.label,
	"band": _purchase_found.band,
	"procedure": _purchase_found.procedure,
	"candidates": [{"band": c.band, "procedure_kind": c.procedure.kind, "procedure_label": c.procedure.label} |
		some c in _purchase_found.candidates
	],
	"direct_procurement_allowed": _purchase_found.direct_procurement_allowed,
	"documentation_required": _purchase_found.documentation_required,
	"documentation_required_by_law": _purchase_found.documentation_required_by_law,
	"decided_by": [{"actor": d.actor, "basis": d.basis, "matter": d.matter, "matter_number": d.matter_number} |
		some d in _purchase_found.decided_by
	],
	"signing": [d.signing | some d in _purchase_found.decided_by],
}

# -- attest -----------------------------------------------------------------------------------------

attest := data.styrdokument.tables.attest

attest_answer := _result("not_in_force", null) if attest == null

else := _result(_attest_segment.not_found, null) if not _attest_segment.ansvar[_get("ansvar")]

else := attest.answers[_attest_bands[max(reached)]] if {
	cuts := _attest_segment.ansvar[_get("ansvar")].cuts
	reached := [i | cut := cuts[i]; _reaches(_get("amount"), cut)]
	count(reached) > 0
}

_attest_segment := segment if {
	some segment in attest.segments
	segment.from <= day
	_until(segment.to, day)
}

_reaches(amount, cut) if amount > cut.value

_reaches(amount, cut) if {
	cut.inclusive
	amount == cut.value
}

_attest_line := tables.attest.line_of_command

_attest_grid := grid if {
	entry := _attest_segment.ansvar[_get("ansvar")]
	grid := _attest_for(entry, _get("for"))
}

_attest_for(entry, position) := entry.none if position == null

else := entry.positions[position]

else := entry.other if _attest_line[position]

else := entry.unknown

_attest_bands := _attest_grid.none if _get("category") == null

else := _attest_grid.categories[_get("category")]

else := _attest_grid.unknown
