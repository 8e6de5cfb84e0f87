"""The check catalogue: one page per rule code, so a policy owner can look up a code from CI.

The rule's documentation is its module docstring (Swedish Markdown, written by the project with the
rule): it is rendered as Markdown. Everything else on the page – code, name, severity, family – is
escaped like any other text.
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.codes import family_labels, letters_of
from generators.checks.registry import all_rules
from generators.checks.rule import RegisteredRule
from generators.outputs.site.context import GeneratedPage, SiteContext
from generators.outputs.site.escape import Safe, text
from generators.outputs.site.render import render
from generators.outputs.site.tables import Row, table
from generators.wording.labels import SEVERITY

SECTION = "Kontroller"
INDEX = "kontroller/index.md"


def rule_path(code: str) -> str:
    return f"kontroller/{code.lower()}.md"


def plan(ctx: SiteContext) -> None:
    ctx.named_pages["kontroller"] = INDEX
    for registered in all_rules():  # each rule's page, for the pages that link to a rule by its code
        ctx.named_pages[f"kontroller/{registered.rule.code}"] = rule_path(registered.rule.code)


def _family(code: str) -> str:
    return family_labels().get(letters_of(code), "Övrigt")


def _split_doc(doc: str) -> tuple[str, str]:
    """The docstring's lead (before the first heading) and the rest, the headed sections."""
    position = doc.find("\n## ")
    if doc.startswith("## "):
        return "", doc
    if position < 0:
        return doc, ""
    return doc[:position].strip(), doc[position:].strip()


def pages(ctx: SiteContext) -> Iterator[GeneratedPage]:
    rules = all_rules()
    by_family: dict[str, list[RegisteredRule]] = {}
    labels = family_labels()
    for registered in rules:
        by_family.setdefault(letters_of(registered.rule.code), []).append(registered)
        yield _rule_page(registered)
    families = []
    for letter in labels:
        members = by_family.get(letter)
        if not members:
            continue
        rows = [
            Row([
                ctx.page_link(INDEX, rule_path(r.rule.code), r.rule.code),
                r.rule.summary + (" (utgången)" if r.rule.retired else ""),
                SEVERITY[r.rule.severity],
            ])
            for r in members
        ]
        families.append({
            "name": labels[letter],
            "letter": letter,
            "table": table(f"Kontroller i familjen {labels[letter].lower()} ({letter})", ["Kod", "Vad regeln kräver", "Allvarlighetsgrad"], rows),
        })
    yield GeneratedPage(
        path=INDEX,
        title="Kontroller",
        content=render("catalogue_index.md.j2", families=families, total=len(rules)),
        nav=(SECTION,),
        nav_order=(40,),
        order=(),
    )


def _rule_page(registered: RegisteredRule) -> GeneratedPage:
    rule = registered.rule
    lead, body = _split_doc(registered.doc)
    facts = [
        ("Kod", text(rule.code)),
        ("Namn", Safe(f"<code>{text(rule.name)}</code>")),
        ("Allvarlighetsgrad", text(SEVERITY[rule.severity])),
        ("Familj", text(f"{_family(rule.code)} ({letters_of(rule.code)})")),
    ]
    if rule.retired:
        facts.append(("Status", text("Utgången: kontrollen körs inte längre, men koden återanvänds aldrig.")))
    items = "\n".join(f"<div><dt>{text(label)}</dt> <dd>{value}</dd></div>" for label, value in facts)
    return GeneratedPage(
        path=rule_path(rule.code),
        title=f"{rule.code} {rule.summary.rstrip('.')}",
        content=render(
            "rule.md.j2",
            code=rule.code,
            summary=rule.summary,
            facts=Safe(f'<dl class="rule-facts">{items}</dl>'),
            # The rule's own documentation: Markdown the project writes in the rule module's docstring
            # (reviewed with the code, never policy text), so it is rendered as Markdown.
            lead=Safe(lead),
            body=Safe(body),
            severity=rule.severity,
        ),
        nav=(SECTION, f"{_family(rule.code)} ({letters_of(rule.code)})"),
        nav_order=(40, list(family_labels()).index(letters_of(rule.code)) if letters_of(rule.code) in family_labels() else 99),
        order=(rule.code,),
    )
