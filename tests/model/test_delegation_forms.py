"""Forms real delegationsordningar use, written in the region fixture, reach the model, the JSON
rules and `decide` without loss (issue 12: "the region rows that lost meaning can be written").

- a row that is ren verkställighet and names no delegate (`execution_only: true`, no `delegate`);
- "kontrasigneras av A, B eller annan utsedd" (`countersigning`);
- "anställning upp till 6 månader" (`duration`);
- reporting "löpande" / "skyndsamt" (`continuously` / `promptly`) and via the nämndsekreterare (`via`);
- the region's own laws (HSL, PL) in its statute register.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from generators.audit.run import AuditInputs, run_audit
from generators.decide import Decider
from generators.decide.sources import tables_of_model
from generators.diff.entities import Side
from generators.model import Model
from generators.model.delegation import Matter
from generators.outputs.rules import render_rules
from generators.outputs.site.swedish import limit_text
from generators.pipeline import load_and_check
from generators.wording.limits import in_units
from tests.conftest import FIXTURES, KOMMUN, REPO, TODAY

REGION = FIXTURES / "region" / "policies"


@pytest.fixture(scope="module")
def model() -> Model:
    loaded = load_and_check(REGION, TODAY)
    # The forms are lawful: the region tree keeps its one known warning and nothing else.
    assert sorted({d.code for d in loaded.result.diagnostics}) == ["V612"]
    return loaded.model


@pytest.fixture(scope="module")
def published(model: Model) -> dict[str, bytes]:
    return render_rules(model, TODAY, None)


@pytest.fixture(scope="module")
def matters_json(published: dict[str, bytes]) -> dict[str, dict[str, Any]]:
    data = json.loads(published["delegation.json"])
    return {m["id"]: m for doc in data["documents"] for m in doc["matters"]}


def _matter(model: Model, matter_id: str) -> Matter:
    found = model.matters_by_id(TODAY).get(matter_id)
    assert found is not None, matter_id
    return found[1]


def test_the_published_json_is_valid_against_its_schemas(published: dict[str, bytes]) -> None:
    # every published schema, from the repository: decisions.json refers to kinds the region does not have
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (REPO / "schemas").glob("rules-*.schema.json")}
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas.values())
    for name in ("delegation.json", "decisions.json"):
        schema = schemas[f"rules-{name.removesuffix('.json')}.schema.json"]
        errors = list(Draft202012Validator(schema, registry=registry).iter_errors(json.loads(published[name])))
        assert errors == [], (name, [e.message for e in errors[:3]])


def test_execution_only_without_a_delegate(model: Model, matters_json: dict[str, dict[str, Any]]) -> None:
    matter = _matter(model, "rs-allmant-avrop")
    assert matter.execution_only and matter.delegates == () and matter.tiers == ()
    published = matters_json["rs-allmant-avrop"]
    assert published["execution_only"] is True and published["delegates"] == []


def test_decide_says_an_execution_only_row_names_nobody(model: Model) -> None:
    answer = Decider(tables_of_model(model, TODAY)).delegation(body="regionstyrelsen", matter="rs-allmant-avrop", day=TODAY)
    assert answer.status == "answered"
    assert answer.facts["decided_by"] == {"key": None, "kind": "execution", "id": None, "label": "Ingen delegat (ren verkställighet)"}
    assert "ren verkställighet och ingen delegering" in answer.summary


def test_countersigning(model: Model, matters_json: dict[str, dict[str, Any]]) -> None:
    countersigning = _matter(model, "rs-lokaler-hyresavtal").countersigning
    assert countersigning is not None
    assert [a.key for a in countersigning.by] == ["position:regiondirektor", "position:kanslichef"]
    assert countersigning.or_appointed_by_delegate is True
    published = matters_json["rs-lokaler-hyresavtal"]["countersigning"]
    assert [a["key"] for a in published["by"]] == ["position:regiondirektor", "position:kanslichef"]
    assert published["or_appointed_by_delegate"] is True
    assert matters_json["rs-it-system"]["countersigning"] is None


def test_duration(model: Model, matters_json: dict[str, dict[str, Any]]) -> None:
    duration = _matter(model, "rs-personal-visstid").duration
    assert duration is not None and (duration.amount, duration.unit) == (6, "months")
    assert matters_json["rs-personal-visstid"]["duration"] == {"amount": 6, "unit": "months", "label": "upp till 6 månader"}


@pytest.mark.parametrize(("matter_id", "interval", "label"), [
    ("rs-personal-visstid", "continuously", "löpande"),
    ("hsn-patient-lex-maria", "promptly", "skyndsamt"),
])
def test_open_reporting_intervals_and_via(model: Model, matters_json: dict[str, dict[str, Any]], matter_id: str, interval: str,
                                          label: str) -> None:
    reporting = _matter(model, matter_id).reporting
    assert reporting is not None and reporting.interval == interval
    assert reporting.via is not None and reporting.via.key == "position:namndsekreterare"
    published = matters_json[matter_id]["reporting"]
    assert (published["interval"], published["interval_label"], published["fixed_deadline"]) == (interval, label, False)
    assert published["via"]["key"] == "position:namndsekreterare"
    assert matters_json["rs-allmant-remiss"]["reporting"]["fixed_deadline"] is True


def test_decide_reports_via_the_namndsekreterare(model: Model) -> None:
    answer = Decider(tables_of_model(model, TODAY)).delegation(body="halso_och_sjukvardsnamnden", matter="hsn-patient-lex-maria", day=TODAY)
    assert "Beslutet anmäls till hälso- och sjukvårdsnämnden skyndsamt via nämndsekreteraren." in answer.steps


def test_the_region_register_holds_its_own_laws(model: Model) -> None:
    statutes = model.reference.statutes
    assert (statutes["2017:30"].name, statutes["2017:30"].url) == ("Hälso- och sjukvårdslag (2017:30)", "https://lagen.nu/2017:30")
    assert (statutes["2014:821"].name, statutes["2014:821"].url) == ("Patientlag (2014:821)", "https://lagen.nu/2014:821")
    cited = {ref.sfs for ref in _matter(model, "hsn-patient-vardgaranti").legal_basis}
    assert cited == {"2017:30", "2014:821"}


def test_the_audit_does_not_guess_a_deadline_for_lopande(tmp_path: Path) -> None:
    """Socialnämnden's reporting changed (in a copy) from monthly to löpande: a decision reported two
    months later is not judged late (AU304 would call it late under monthly), it is reported as not checked."""
    root = tmp_path / "kommun"
    shutil.copytree(KOMMUN, root)
    path = root / "policies" / "delegation" / "socialnamnden.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("    interval: monthly\n") == 1
    path.write_text(text.replace("    interval: monthly\n", "    interval: continuously\n"), encoding="utf-8")
    data = Path(__file__).parent.parent / "audit" / "data"
    decisions = tmp_path / "d.csv"
    decisions.write_text("decision_id;matter;decider;decided_on;amount_sek;reported_on\n"
                         "DB-2;soc-ekonomi-avskrivning-fordringar;u2002;2026-03-05;4 200;2026-05-19\n", encoding="utf-8")
    found = run_audit(AuditInputs(root / "policies", data / "users.csv", decisions=decisions, meetings=data / "sammantraden.csv"),
                      TODAY)
    assert [(f.code, f.id, f.severity) for f in found.findings] == [("AU304", "DB-2", "undetermined")]
    assert "löpande" in found.findings[0].facts["interval"]


def test_each_forvaltningschef_within_their_own_area(model: Model) -> None:
    """"Respektive förvaltningschef inom sitt område": a role type whose members are the styrelse's
    förvaltningschefer. Not a joint delegation (D403), and each may vidaredelegera (D410, KL 7 kap. 6 §)."""
    matter = _matter(model, "rs-allmant-ledighet")
    assert [a.key for a in matter.delegates] == ["role_type:forvaltningschef_rs"] and matter.further_delegation
    decider = Decider(tables_of_model(model, TODAY))
    listed = decider.delegation(body="regionstyrelsen", matter="rs-allmant-ledighet", day=TODAY)
    assert listed.status == "answered"
    assert "Var och en beslutar inom sitt eget område: Regiondirektör, Servicedirektör och Digitaliseringsdirektör." in listed.steps
    one = decider.delegation(body="regionstyrelsen", matter="rs-allmant-ledighet", day=TODAY, area="regionservice")
    assert one.status == "answered" and one.facts["decided_by_in_area"]["key"] == "position:servicedirektor"
    assert one.summary.startswith("Servicedirektör beslutar i ärende 1.4")
    elsewhere = decider.delegation(body="regionstyrelsen", matter="rs-allmant-ledighet", day=TODAY, area="halso_och_sjukvardsforvaltningen")
    assert elsewhere.status == "undetermined"


def test_a_limit_that_is_the_legal_limit(matters_json: dict[str, dict[str, Any]]) -> None:
    """"Upp till direktupphandlingsgränsen": one direktupphandlingsgräns, strict as the law's "understiger"."""
    published = matters_json["rs-lokaler-direktupphandling"]
    assert (published["limit"]["amount"], published["limit"]["unit"], published["limit_comparison"]) == (1, "direktupphandlingsgrans", "below")
    assert published["limit"]["sek_by_year"]["2026"] == 700000


def test_the_legal_limit_reads_by_its_definite_name(model: Model) -> None:
    """"Under direktupphandlingsgränsen (700 000 kr)", not "Under 1 × direktupphandlingsgräns enligt LOU":
    the definite form is the reference data's (`definite`), on the site, in decide and in the diff alike."""
    limit = _matter(model, "rs-lokaler-direktupphandling").limit
    assert limit is not None
    nbsp = "\u00a0"
    assert limit_text(limit, model.reference, TODAY) == (f"Under direktupphandlingsgränsen (700{nbsp}000{nbsp}kr) per avtal och "
                                                          "hela avtalstiden, exklusive moms")
    answer = Decider(tables_of_model(model, TODAY)).delegation(body="regionstyrelsen", matter="rs-lokaler-direktupphandling",
                                                              amount=699999, day=TODAY)
    assert f"Beloppet 699{nbsp}999{nbsp}kr ligger i nivån under direktupphandlingsgränsen (700{nbsp}000{nbsp}kr) per avtal" in " ".join(answer.explanation)
    text, sek = Side(model, TODAY).amount(limit)
    assert (text, sek) == (f"direktupphandlingsgränsen (700{nbsp}000{nbsp}kr {TODAY.year}) per avtal och hela avtalstiden exklusive moms", 700000)
    # Any other number of the unit, or a series without a definite name, stays a count: no ending is guessed.
    assert in_units(0.5, "× direktupphandlingsgräns enligt LOU", "direktupphandlingsgränsen") == "0,5 × direktupphandlingsgräns enligt LOU"
    assert in_units(1, "× direktupphandlingsgräns enligt LOU", None) == "1 × direktupphandlingsgräns enligt LOU"
