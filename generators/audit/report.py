"""The audit's outputs: a Swedish HTML report, the findings as CSV and JSON, and an aggregate summary.

Every text is escaped for HTML; CSV cells that a spreadsheet would run as a formula are neutralised;
the JSON follows `schemas/audit-findings.schema.json` and the summary `schemas/audit-summary.schema.json`.
The summary holds no ids at all: counts per code and period, and the hashes of the inputs. Nothing
from the exports enters the outputs except ids, positions, dates and amounts: never free text.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from html import escape
from pathlib import Path
from typing import Any

from generators.audit.findings import SEVERITY_LABELS, Finding
from generators.audit.rules import audit_rules_by_code
from generators.audit.run import AuditResult
from generators.audit.sample import Sample
from generators.checks.personal_data.detect import find_identity_numbers
from generators.model.contracts import EXEMPT_KIND_LABELS
from generators.serialize import to_json_bytes
from generators.wording.swedish import kronor

REPORT_VERSION = "1.1.0"
FINDINGS_COLUMNS = ("code", "severity", "transaction", "id", "file", "line", "period", "amount_sek", "message",
                    "acted_by", "actor_id", "should_have", "rule", "source")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def scrub(text: str) -> str:
    """Personnummer and samordningsnummer masked (a sole trader's organisationsnummer is one):
    reports name positions and ids, never a person's identity number."""
    found = find_identity_numbers(text)
    for hit in reversed(found):
        text = text[:hit.start] + hit.masked + text[hit.end:]
    return text


def _scrubbed(data: Any) -> Any:
    if isinstance(data, str):
        return scrub(data)
    if isinstance(data, dict):
        return {key: _scrubbed(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_scrubbed(value) for value in data]
    return data


def neutralise(cell: str) -> str:
    """A cell a spreadsheet would treat as a formula gets a leading apostrophe (OWASP CSV injection)."""
    if cell and cell[0] in "=+-@\t\r" and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def _amount(value: Decimal | None) -> str:
    return "" if value is None else format(value.normalize() if value == value.to_integral() else value, "f")


def finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "severity": finding.severity,
        "transaction": finding.transaction,
        "id": finding.id,
        "file": finding.file,
        "line": finding.line,
        "period": finding.period,
        "day": finding.day.isoformat() if finding.day else None,
        "amount_sek": _amount(finding.amount) or None,
        "message": finding.message,
        "facts": dict(sorted(finding.facts.items())),
    }


def _acted(finding: Finding) -> tuple[str, str]:
    facts = finding.facts
    return (facts.get("approved_by") or facts.get("decided_by") or facts.get("acted_by") or "",
            facts.get("approver_id") or facts.get("decider_id") or facts.get("actor_id") or "")


def findings_csv(result: AuditResult) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(FINDINGS_COLUMNS)
    for f in result.findings:
        acted, actor_id = _acted(f)
        row = [f.code, f.severity, f.transaction, f.id, f.file, str(f.line), f.period, _amount(f.amount), f.message,
               acted, actor_id, f.facts.get("should_have", ""), f.facts.get("rule", ""), f.facts.get("source", "")]
        writer.writerow([neutralise(scrub(cell)) for cell in row])
    return buffer.getvalue().encode("utf-8")


def _counts(result: AuditResult) -> dict[str, Any]:
    by_severity = Counter(f.severity for f in result.findings)
    return {
        "transactions": {"trips": len(result.trips), "decisions": len(result.decisions), "invoices": len(result.invoices),
                         "unchecked": result.unchecked, "exempt_from_contract": len(result.exempt)},
        "violations": by_severity.get("violation", 0),
        "signals": by_severity.get("signal", 0),
        "undetermined": by_severity.get("undetermined", 0),
        "input_problems": len(result.problems),
    }


def _sample_json(sample: Sample | None) -> dict[str, Any] | None:
    if sample is None:
        return None
    return {
        "size": sample.size,
        "seed": sample.seed,
        "method_id": sample.method,
        "bands_sek": [_amount(b) for b in sample.bands],
        "method": sample.method_text(),
        "strata": [{"name": s.name, "label": s.label, "weight": s.weight, "population": s.population, "drawn": s.drawn} for s in sample.strata],
        "items": [{"transaction": i.transaction, "id": i.id, "stratum": i.stratum, "rank": i.rank, "order_key": i.order_key, "reason": i.reason}
                  for i in sample.items],
    }


def _reconciliation_json(result: AuditResult) -> dict[str, Any] | None:
    """Periods, ansvar, sums and counts: aggregates with no ids, so the summary carries them too."""
    found = result.reconciliation
    if found is None:
        return None
    return {
        "complete": not found.gaps,
        "undated_invoices": found.undated,
        "periods": [{"period": p.period, "ansvar": p.ansvar, "ledger_amount_sek": _amount(p.ledger_amount) or None,
                     "export_amount_sek": _amount(p.export_amount), "ledger_count": p.ledger_count, "export_count": p.export_count,
                     "unreadable": p.unreadable, "code": p.code} for p in found.periods],
    }


def _decision_reconciliation_json(result: AuditResult) -> dict[str, Any] | None:
    """Months, nämnder and counts: aggregates with no ids, so the summary carries them too."""
    found = result.decision_reconciliation
    if found is None:
        return None
    return {
        "complete": not found.gaps,
        "periods": [{"period": p.period, "body": p.body, "diarium_count": p.diarium_count, "register_count": p.register_count,
                     "code": p.code} for p in found.periods],
    }


def report_json(result: AuditResult, as_of: date, sample: Sample | None) -> dict[str, Any]:
    return _scrubbed({
        "report_version": REPORT_VERSION,
        "as_of": as_of.isoformat(),
        "inputs": [{"kind": i.kind, "file": i.file, "sha256": i.sha256, "rows": i.rows} for i in result.inputs],
        "policies": [{"file": f, "document": d, "version": v} for f, d, v in result.policies],
        "counts": _counts(result),
        "reconciliation": _reconciliation_json(result),
        "decision_reconciliation": _decision_reconciliation_json(result),
        "findings": [finding_json(f) for f in result.findings],
        "problems": [{"code": p.code, "file": p.file, "row": p.row, "column": p.column, "message": p.message} for p in result.problems],
        "sample": _sample_json(sample),
    })


def summary_json(result: AuditResult, as_of: date) -> dict[str, Any]:
    """The aggregate without ids (an owner may commit it as evidence for the egenvärdering)."""
    per = Counter((f.code, f.severity, f.period) for f in result.findings)
    problems = Counter(p.code for p in result.problems)
    return {
        "report_version": REPORT_VERSION,
        "as_of": as_of.isoformat(),
        "inputs": [{"kind": i.kind, "sha256": i.sha256, "rows": i.rows} for i in result.inputs],
        "counts": _counts(result),
        "reconciliation": _reconciliation_json(result),
        "decision_reconciliation": _decision_reconciliation_json(result),
        "findings": [{"code": c, "severity": s, "period": p, "count": n} for (c, s, p), n in sorted(per.items())],
        "problems": [{"code": c, "count": n} for c, n in sorted(problems.items())],
    }


# -- HTML -----------------------------------------------------------------------------------------
_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.7rem}h2{margin-top:2.2rem;border-bottom:2px solid #dde;padding-bottom:.2rem}
table{border-collapse:collapse;width:100%;margin:.6rem 0;font-size:.92rem}th,td{border:1px solid #ccd;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#eef1f6}td.num{text-align:right;white-space:nowrap}.muted{color:#555}.box{background:#f6f7fb;border:1px solid #dde;padding:.8rem 1rem;border-radius:4px}
.gap{background:#fdf0f0;border-color:#d9a3a3}.sev-violation{color:#9b1c1c;font-weight:600}.sev-signal{color:#7a4d00}.sev-undetermined{color:#444}
code{font-size:.88em}svg text{font-family:inherit;font-size:12px}
figure{margin:1rem 0}.scroll{overflow-x:auto;max-width:100%}
@media (max-width:40rem){.rows table,.rows caption,.rows tbody,.rows tr,.rows td{display:block}.rows thead{display:none}
.rows tr{border:1px solid #ccd;border-radius:4px;margin:.6rem 0}.rows td{border:0;border-bottom:1px solid #eef1f6;text-align:left;white-space:normal;overflow-wrap:anywhere}
.rows td::before{content:attr(data-label) ": ";font-weight:600}}
"""
# On a phone (375 px) a chart keeps its size and scrolls inside its own box: scaled to the screen its
# 12 px labels would shrink to 6 px. A table becomes one card per row, each cell under its column's
# name, so the message of a finding is read, not scrolled to; the page itself never scrolls sideways.


TRANSACTION_LABELS = {"trip": "resa", "decision": "delegationsbeslut", "invoice": "faktura"}


def _e(value: object) -> str:
    return escape(scrub(str(value)), quote=True)


NUM = ' class="num"'


def _table(caption: str, head: list[str], rows: list[list[str]], numeric: frozenset[int] = frozenset()) -> str:
    """Cells are escaped here; `rows` hold plain text."""
    if not rows:
        return f"<p class=\"muted\">{_e(caption)}: inga.</p>"
    out = [f"<div class=\"scroll rows\"><table><caption class=\"muted\">{_e(caption)}</caption><thead><tr>"]
    out += [f"<th scope=\"col\">{_e(h)}</th>" for h in head]
    out.append("</tr></thead><tbody>")
    for row in rows:
        cells = [f"<td{NUM if i in numeric else ''} data-label=\"{_e(head[i])}\">{_e(c)}</td>" for i, c in enumerate(row)]
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


def _bar_chart(title: str, counts: list[tuple[str, int]], chart_id: str = "chart-codes", label_w: int = 90,
               value: Callable[[int], str] = str, top: int | None = None) -> str:
    """A horizontal bar chart as inline SVG (no script, no external file), with a text alternative.
    `top` fixes the scale (100 for shares), else the largest value fills the width. The value stands
    between the label and its bar, so a phone that shows only the chart's left part (it scrolls in
    its own box) still shows every label with its number."""
    if not counts:
        return ""
    value_w = 12 + 7 * max(len(value(n)) for _, n in counts)  # about 7 px a character at 12 px
    width, bar_h = 640 + label_w - 90, 22
    top = top or max(n for _, n in counts) or 1
    height = bar_h * len(counts) + 10
    parts = [f"<figure class=\"scroll\"><svg role=\"img\" aria-labelledby=\"{chart_id}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">",
             f"<title id=\"{chart_id}\">{_e(title)}</title>"]
    for index, (label, n) in enumerate(counts):
        y = 5 + index * bar_h
        w = int((width - label_w - value_w - 10) * n / top)
        parts.append(f"<text x=\"0\" y=\"{y + 15}\">{_e(label)}</text>"
                     f"<text x=\"{label_w + value_w - 8}\" y=\"{y + 15}\" text-anchor=\"end\">{_e(value(n))}</text>"
                     f"<rect x=\"{label_w + value_w}\" y=\"{y + 3}\" width=\"{max(w, 1)}\" height=\"{bar_h - 6}\" fill=\"#3a5a99\"></rect>")
    parts.append(f"</svg><figcaption class=\"muted\">{_e(title)}</figcaption></figure>")
    return "".join(parts)


def _reconciliation_html(result: AuditResult) -> list[str]:
    """Completeness first: whether the invoice export agrees with the huvudbok, before any finding."""
    found = result.reconciliation
    if found is None:
        absent = ("<p class=\"muted\">Ingen avstämning: huvudbokens summor per period gavs inte (<code>--ledger</code>). Rapporten kan "
                  "inte visa att fakturaexporten är fullständig.</p>")
        return ["<h2>Avstämning mot huvudboken</h2>", absent] if result.invoices else []
    gaps = found.gaps
    out = ["<h2>Avstämning mot huvudboken</h2>"]
    if gaps:
        out.append(f"<div class=\"box gap\"><p><strong>Exporten stämmer inte med huvudboken för {len(gaps)} av {len(found.periods)} perioder.</strong> "
                   "En granskning av en ofullständig export bevisar ingenting: fakturor som saknas i exporten har inte granskats. "
                   "Fynden nedan gäller bara de fakturor som finns i exporten.</p></div>")
    else:
        out.append(f"<p>Fakturaexporten stämmer på öret med huvudbokens summor för alla {len(found.periods)} perioder.</p>")
    if found.undated:
        out.append(f"<p>{found.undated} fakturor har inget läsbart datum och hör inte till någon period (se inläsningsproblemen).</p>")
    labels = {None: "stämmer", "AU110": "skiljer sig (AU110)", "AU111": "saknas i exporten (AU111)", "AU112": "saknas i huvudboken (AU112)"}
    rows = [[p.period, p.ansvar or "alla", _swedish_amount(p.ledger_amount), _swedish_amount(p.export_amount), _swedish_amount(p.difference),
             "" if p.ledger_count is None else str(p.ledger_count), str(p.export_count), labels.get(p.code, p.code or "")] for p in found.periods]
    out.append(_table("Fakturor per period: huvudboken och exporten, exklusive moms",
                      ["Period", "Ansvar", "Huvudboken", "Exporten", "Skillnad", "Antal i huvudboken", "Antal i exporten", "Resultat"],
                      rows, frozenset({2, 3, 4, 5, 6})))
    return out


def _decision_reconciliation_html(result: AuditResult) -> list[str]:
    """Completeness first, for the decision register: its count per month and nämnd against the diarium's."""
    found = result.decision_reconciliation
    if found is None:
        if not result.decisions:
            return []
        return ["<h2>Avstämning mot diariet</h2>",
                ("<p class=\"muted\">Ingen avstämning: diariets antal delegationsbeslut per månad och nämnd gavs inte "
                 "(<code>--decision-totals</code>). Rapporten kan inte visa att beslutsregistret är fullständigt.</p>")]
    out = ["<h2>Avstämning mot diariet</h2>"]
    if found.gaps:
        out.append(f"<div class=\"box gap\"><p><strong>Beslutsregistret stämmer inte med diariet för {len(found.gaps)} av {len(found.periods)} "
                   "månader och nämnder.</strong> Beslut som saknas i registret har inte granskats; fynden nedan gäller bara de beslut "
                   "som finns i registret.</p></div>")
    else:
        out.append(f"<p>Beslutsregistret har lika många beslut som diariet för alla {len(found.periods)} månader och nämnder.</p>")
    labels = {None: "stämmer", "AU113": "skiljer sig (AU113)", "AU114": "saknas i diariets summor (AU114)"}
    rows = [[p.period, p.body_label, "" if p.diarium_count is None else str(p.diarium_count), str(p.register_count),
             labels.get(p.code, p.code or "")] for p in found.periods]
    out.append(_table("Delegationsbeslut per månad och nämnd: diariet och registret",
                      ["Månad", "Nämnd", "Antal i diariet", "Antal i registret", "Resultat"], rows, frozenset({2, 3})))
    return out


def _contract_cover_html(result: AuditResult) -> list[str]:
    """Suppliers paid without a contract reference, the share with one, and the payments that need none."""
    out: list[str] = []
    exempt = {(i.file, i.line) for i, _ in result.exempt}
    purchases = [i for i in result.invoices if i.checkable and not i.credit and (i.file, i.line) not in exempt]
    without: Counter[str] = Counter()
    for invoice in purchases:
        if invoice.contract_ref is None and invoice.amount is not None and invoice.supplier:
            without[invoice.supplier] += int(invoice.amount)
    if without:
        top = sorted(without.items(), key=lambda item: (-item[1], item[0]))[:10]
        out.append("<h2>Leverantörer utan avtalsreferens</h2>")
        out.append(_bar_chart("Belopp exklusive moms på fakturor utan avtalsreferens, de tio största leverantörerna", top, "chart-suppliers", 130,
                              lambda n: f"{n:,}".replace(",", "\u00a0") + "\u00a0kr"))
        with_contract = sum(1 for i in purchases if i.contract_ref is not None)
        out.append(f"<p>{with_contract} av {len(purchases)} granskade inköpsfakturor har en avtalsreferens.</p>")
    if result.contract_share:
        out.append("<h2>Andel fakturor med avtal per förvaltning och månad</h2>")
        shares = [(f"{name} {month}", round(100 * with_ref / total)) for name, month, with_ref, total in result.contract_share]
        out.append(_bar_chart("Andel inköpsfakturor med avtalsreferens, procent, per förvaltning och fakturamånad", shares, "chart-share",
                              max(130, 7 * max(len(label) for label, _ in shares)), lambda n: f"{n}\u00a0%", top=100))
        out.append(_table("Inköpsfakturor med avtalsreferens per förvaltning och månad", ["Förvaltning", "Månad", "Med avtal", "Fakturor", "Andel"],
                          [[name, month, str(with_ref), str(total), f"{round(100 * with_ref / total)}\u00a0%"]
                           for name, month, with_ref, total in result.contract_share], frozenset({2, 3, 4})))
    if result.exempt:
        per: dict[tuple[str, str], list[Decimal]] = {}
        for invoice, category in result.exempt:
            per.setdefault((category.name, EXEMPT_KIND_LABELS.get(category.kind, category.kind)), []).append(invoice.amount or Decimal(0))
        out.append("<h2>Betalningar som inte kräver avtal</h2>")
        out.append(f"<p>{len(result.exempt)} fakturor är betalningar som inte är inköp och därför inte prövas mot avtalsregistret "
                   "(AU701, AU902): avtalsregistret anger dem efter konto eller mottagare.</p>")
        out.append(_table("Betalningar som inte kräver avtal", ["Kategori", "Sort", "Fakturor", "Belopp exklusive moms"],
                          [[name, kind, str(len(amounts)), kronor(sum(amounts, Decimal(0)))] for (name, kind), amounts in sorted(per.items())],
                          frozenset({2, 3})))
    return out


def _swedish_amount(value: Decimal | None) -> str:
    return "" if value is None else kronor(value)


def report_html(result: AuditResult, as_of: date, sample: Sample | None, title: str) -> bytes:
    rules = audit_rules_by_code()
    counts = _counts(result)
    t = counts["transactions"]
    body: list[str] = [
        f"<h1>{_e(title)}</h1>",
        (f"<p class=\"muted\">Internkontroll av resor, delegationsbeslut och fakturor mot de styrdokument som gällde på varje transaktions dag. "
         f"Rapportdatum {_e(as_of.isoformat())}.</p>"),
        ("<div class=\"box\"><p>"
         f"Granskade transaktioner: {t['trips']} resor, {t['decisions']} delegationsbeslut och {t['invoices']} fakturor, varav {t['unchecked']} inte kunde granskas "
         f"på grund av fel i exporten. Avvikelser: {counts['violations']}. Signaler: {counts['signals']}. Ej prövade: {counts['undetermined']}. "
         f"Inläsningsproblem: {counts['input_problems']}.</p>"
         "<p>En avvikelse bryter mot en regel som gällde; en signal är värd en närmare titt men bryter inte mot någon regel i sig. "
         "Rapporten innehåller personuppgifter i form av id och befattningar: hantera den enligt organisationens rutiner för personuppgifter.</p></div>"),
    ]
    body.extend(_reconciliation_html(result))
    body.extend(_decision_reconciliation_html(result))
    per_code = Counter(f.code for f in result.findings)
    body.append("<h2>Fynd per regel</h2>")
    body.append(_bar_chart("Antal fynd per kod", sorted(per_code.items())))
    per_month = Counter(f.period for f in result.findings if f.severity == "violation")
    if per_month:
        body.append("<h2>Avvikelser per månad</h2>")
        body.append(_bar_chart("Antal avvikelser per månad (transaktionens dag)", sorted(per_month.items()), "chart-months"))
    body.extend(_contract_cover_html(result))
    body.append(_table("Fynd per kod", ["Kod", "Vad regeln kräver", "Typ", "Antal"],
                       [[c, rules[c].rule.summary if c in rules else "", SEVERITY_LABELS.get(rules[c].rule.severity, "") if c in rules else "", str(n)]
                        for c, n in sorted(per_code.items())], frozenset({3})))
    for severity, heading in (("violation", "Avvikelser"), ("signal", "Signaler"), ("undetermined", "Ej prövade")):
        rows = [[f.code, TRANSACTION_LABELS.get(f.transaction, f.transaction), f.id, f.period, f"{f.file}:{f.line}", f.message] for f in result.findings if f.severity == severity]
        body.append(f"<h2>{_e(heading)}</h2>")
        body.append(_table(heading, ["Kod", "Typ", "Id", "Period", "Rad", "Vad som hände och regeln"], rows))
    body.append("<h2>Inläsningsproblem</h2>")
    body.append("<p>Rader med problem räknas och listas; de har inte granskats. Formatet är <code>fil:rad:kolumn: KOD meddelande</code>.</p>")
    body.append(_table("Inläsningsproblem", ["Kod", "Plats", "Meddelande"], [[p.code, f"{p.file}:{p.row}:{p.column}", p.message] for p in result.problems]))
    if sample is not None:
        body.append("<h2>Stickprov</h2>")
        body.append(f"<p>{_e(sample.method_text())}</p>")
        body.append(_table("Strata", ["Stratum", "Vikt", "Antal", "Dragna"],
                           [[s.label, str(s.weight), str(s.population), str(s.drawn)] for s in sample.strata], frozenset({1, 2, 3})))
        body.append(_table("Dragna poster", ["Typ", "Id", "Skäl"], [[TRANSACTION_LABELS.get(i.transaction, i.transaction), i.id, i.reason] for i in sample.items]))
    body.append("<h2>Underlag</h2>")
    body.append(_table("Exporter", ["Typ", "Fil", "SHA-256", "Rader"], [[i.kind, i.file, i.sha256, str(i.rows)] for i in result.inputs], frozenset({3})))
    body.append(_table("Styrdokument som reglerna hämtades från", ["Fil", "Dokument", "Version"], [list(p) for p in result.policies]))
    used = sorted({f.code for f in result.findings} | {p.code for p in result.problems})
    if used:
        body.append("<h2>Reglerna</h2>")
        for code in used:
            registered = rules.get(code)
            if registered is None:
                continue
            law = registered.doc.split("## Lagrum", 1)[1].strip() if "## Lagrum" in registered.doc else ""
            body.append(f"<h3>{_e(code)} {_e(registered.rule.summary)}</h3><p>Lagrum: {_e(' '.join(law.split()))}</p>")
    html = ("<!doctype html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            f"<title>{_e(title)}</title><style>{_STYLE}</style></head><body><main>" + "\n".join(body) + "</main></body></html>\n")
    return html.encode("utf-8")


def write_outputs(out: Path, result: AuditResult, as_of: date, sample: Sample | None, title: str, summary_only: bool,
                  vet: Callable[[str, bytes], None] | None = None) -> list[Path]:
    """Write the report files. `vet(name, data)` sees each file first and raises to stop it from
    being written (the command passes the site's HTML scan, so the report gets the same scrutiny)."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def put(name: str, data: bytes) -> None:
        if vet is not None:
            vet(name, data)
        path = out / name
        path.write_bytes(data)
        written.append(path)

    put("summary.json", to_json_bytes(summary_json(result, as_of)))
    if not summary_only:
        put("findings.json", to_json_bytes(report_json(result, as_of, sample)))
        put("findings.csv", findings_csv(result))
        put("report.html", report_html(result, as_of, sample, title))
    return written
