"""Skapa nästa version av ett styrdokument: en kopia av den senaste versionen med ett nytt valid_from.

En version som gäller eller har gällt ändras inte i sak utan ett nytt beslut (`diff` underkänner
det). En ändring blir i stället en ny version i en egen fil bredvid den gamla, till exempel
delegation/kommunstyrelsen.2028.yaml: dokumentets id är detsamma, versionen nästa (2027:1 →
2028:1, eller --version), supersedes pekar på versionen den ersätter, och kommentarerna och
uppställningen i filen är kvar.

Utan beslut blir den nya versionen ett förslag (status: forslag, utan adopted_by): gör ändringarna,
låt organet besluta och för sedan in beslutet (adopted_by), status: antagen och valid_to i den
gamla versionen. Är beslutet redan fattat, ange det med --adopted-on, --paragraph och --diarienummer
(och --adopted-by om ett annat organ beslutade); då blir versionen antagen och den gamla versionen
får valid_to dagen före. Inga platshållare skrivs: det som inte är beslutat står inte i filen.

Exempel:
  python -m generators new-version policies/delegation/kommunstyrelsen.2027.yaml --valid-from 2028-01-01
  python -m generators new-version policies/travel.yaml --valid-from 2027-07-01 \\
      --adopted-on 2027-05-18 --paragraph "§ 64" --diarienummer "KS 2027/120"

Slutkod 0 = versionen skrevs, 1 = dokumentet har fel som måste rättas först (eller den nya filen
skulle inte gå att läsa in; då skrivs ingenting), 2 = fel i anropet.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from generators.clock import parse_day
from generators.commands._common import emit

_VERSION = re.compile(r"^(\d{4}):(\d+)$")
_KEY = re.compile(r"^( *)([a-z_]+):(?:\s|$)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="FIL", type=Path, help="en version av dokumentet, t.ex. policies/travel.yaml")
    parser.add_argument("--valid-from", required=True, metavar="ÅÅÅÅ-MM-DD", help="dagen den nya versionen börjar gälla")
    parser.add_argument("--version", metavar="VERSION", help="den nya versionens beteckning (standard: nästa, t.ex. 2027:1 → 2028:1)")
    parser.add_argument("--review-by", metavar="ÅÅÅÅ-MM-DD",
                        help="senaste dag för översyn (standard: lika lång tid efter valid_from som i den senaste versionen)")
    parser.add_argument("--adopted-on", metavar="ÅÅÅÅ-MM-DD", help="beslutsdatum, om beslutet redan är fattat")
    parser.add_argument("--paragraph", metavar="§", help="paragrafen i protokollet, t.ex. \"§ 142\"")
    parser.add_argument("--diarienummer", metavar="DNR", help="ärendets diarienummer, t.ex. \"KS 2027/120\"")
    parser.add_argument("--adopted-by", metavar="ORGAN", help="organet som beslutade (standard: samma som för den senaste versionen)")
    parser.add_argument("--protocol-url", metavar="URL", help="länk till protokollet (https)")
    parser.add_argument("--out", type=Path, metavar="FIL", help="den nya filen (standard: bredvid, med året eller dagen i namnet)")
    parser.add_argument("--policies", type=Path, metavar="MAPP", help="mappen med styrdokumenten (standard: mappen policies som FIL ligger i)")


@dataclass(frozen=True)
class Decision:
    body: str
    day: date
    paragraph: str
    diarienummer: str
    protocol_url: str | None


# -- text-level editing of the `document:` block ---------------------------------------------------
class BlockError(ValueError):
    """The file's `document:` is not a block mapping this command can edit line by line."""


@dataclass
class DocumentBlock:
    """The lines of a YAML file with its top-level `document:` block mapping, edited key by key.

    Only the keys this command changes are rewritten; every other line (comments, blank lines, the
    rest of the document) is kept as written. A key's span runs from its line to the next key of the
    block, leaving comment and blank lines before that key with it.
    """

    lines: list[str]
    indent: int

    @classmethod
    def parse(cls, text: str) -> DocumentBlock:
        lines = text.splitlines(keepends=True)
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        block = cls(lines, 0)
        start, end = block._bounds()
        first = next((line for line in lines[start + 1:end] if line.strip() and not line.lstrip().startswith("#")), None)
        match = _KEY.match(first or "")
        if match is None or not match.group(1):
            raise BlockError("document: ska vara skrivet som ett block med en nyckel per rad")
        block.indent = len(match.group(1))
        return block

    def _bounds(self) -> tuple[int, int]:
        start = next((i for i, line in enumerate(self.lines) if re.match(r"^document:\s*(#.*)?$", line)), None)
        if start is None:
            raise BlockError("filen har inget block document: på översta nivån")
        end = next((i for i in range(start + 1, len(self.lines))
                    if self.lines[i][:1] not in (" ", "\n", "#", "\r", "") and self.lines[i].strip()), len(self.lines))
        return start, end

    def _span(self, key: str) -> tuple[int, int] | None:
        start, end = self._bounds()
        keys = [i for i in range(start + 1, end) if (m := _KEY.match(self.lines[i])) and len(m.group(1)) == self.indent]
        for n, i in enumerate(keys):
            if _KEY.match(self.lines[i]).group(2) == key:  # type: ignore[union-attr]
                stop = keys[n + 1] if n + 1 < len(keys) else end
                while stop > i + 1 and (not self.lines[stop - 1].strip() or self.lines[stop - 1].lstrip().startswith("#")):
                    stop -= 1  # comments and blank lines before the next key stay with it
                return i, stop
        return None

    def _lines(self, key: str, value: str | list[tuple[str, str]]) -> list[str]:
        pad = " " * self.indent
        if isinstance(value, str):
            return [f"{pad}{key}: {value}\n"]
        return [f"{pad}{key}:\n", *(f"{pad}  {k}: {v}\n" for k, v in value)]

    def set(self, key: str, value: str | list[tuple[str, str]], after: tuple[str, ...] = ()) -> None:
        """Replace the key's value, or add the key after the first of `after` present (else last)."""
        new = self._lines(key, value)
        span = self._span(key)
        if span is not None:
            self.lines[span[0]:span[1]] = new
            return
        anchor = next((s for k in after if (s := self._span(k)) is not None), None)
        if anchor is None:
            _, end = self._bounds()
            while end > 0 and not self.lines[end - 1].strip():
                end -= 1
            self.lines[end:end] = new
        else:
            self.lines[anchor[1]:anchor[1]] = new

    def remove(self, key: str) -> None:
        span = self._span(key)
        if span is not None:
            del self.lines[span[0]:span[1]]

    @property
    def text(self) -> str:
        return "".join(self.lines)


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


# -- what the new version is -------------------------------------------------------------------------
def next_version(current: str, valid_from: date) -> str | None:
    """2026:1 → 2027:1 for a version starting in 2027; 2027:1 → 2027:2 for a second one that year."""
    match = _VERSION.match(current)
    if match is None:
        return None
    year, number = int(match.group(1)), int(match.group(2))
    return f"{year}:{number + 1}" if year == valid_from.year else f"{valid_from.year}:1"


def same_distance(day: date, start: date, new_start: date) -> date:
    """`day` as far after `new_start` as it was after `start`: in whole years when the new version
    starts on the same day of the year (31 December stays 31 December across a leap year)."""
    if (start.month, start.day) == (new_start.month, new_start.day):
        years = new_start.year - start.year
        try:
            return day.replace(year=day.year + years)
        except ValueError:  # 29 February into a common year
            return day.replace(year=day.year + years, day=28)
    return new_start + (day - start)


def new_file_name(current: Path, valid_from: date) -> list[Path]:
    """Candidates beside the current file: `<name>.<year>.yaml`, then `<name>.<day>.yaml`."""
    stem = current.name.removesuffix(".yaml").split(".", 1)[0]
    return [current.with_name(f"{stem}.{valid_from.year}.yaml"), current.with_name(f"{stem}.{valid_from.isoformat()}.yaml")]


def new_version_text(source: str, version: str, supersedes: str, valid_from: date, review_by: date, decision: Decision | None) -> str:
    block = DocumentBlock.parse(source)
    block.set("status", "antagen" if decision else "forslag")
    block.set("version", quoted(version), after=("status",))
    block.set("supersedes", quoted(supersedes), after=("version",))
    if decision is None:
        block.remove("adopted_by")  # no decision yet: nothing in its place, so nothing can pass for one
    else:
        fields = [("body", decision.body), ("date", quoted(decision.day.isoformat())), ("paragraph", quoted(decision.paragraph)),
                  ("diarienummer", quoted(decision.diarienummer))]
        if decision.protocol_url:
            fields.append(("protocol_url", quoted(decision.protocol_url)))
        block.set("adopted_by", fields, after=("supersedes",))
    block.set("valid_from", quoted(valid_from.isoformat()), after=("adopted_by", "supersedes"))
    block.remove("valid_to")
    block.remove("corrections")  # a rättelse belongs to the version it corrected
    block.set("review_by", quoted(review_by.isoformat()), after=("owner", "valid_from"))
    return block.text


def ended_version_text(source: str, valid_to: date) -> str:
    block = DocumentBlock.parse(source)
    block.set("valid_to", quoted(valid_to.isoformat()), after=("valid_from",))
    return block.text


# -- the command -----------------------------------------------------------------------------------
def _day(text: str, flag: str) -> date:
    from generators.cli import UsageError

    try:
        return parse_day(text)
    except ValueError as error:
        raise UsageError(f"{flag}: {error}") from None


def _decision(args: argparse.Namespace, newest: dict[str, Any]) -> Decision | None:
    from generators.cli import UsageError

    given = {"--adopted-on": args.adopted_on, "--paragraph": args.paragraph, "--diarienummer": args.diarienummer}
    if not any(given.values()):
        if args.adopted_by or args.protocol_url:
            raise UsageError("--adopted-by och --protocol-url hör till ett beslut: ange också --adopted-on, --paragraph och --diarienummer.")
        return None
    missing = [flag for flag, value in given.items() if not value]
    if missing:
        raise UsageError(f"ett beslut behöver beslutsdatum, paragraf och diarienummer; {', '.join(missing)} saknas.")
    body = args.adopted_by or (newest.get("adopted_by") or {}).get("body")
    if not body:
        raise UsageError("ange --adopted-by: den senaste versionen säger inte vilket organ som beslutade.")
    return Decision(body, _day(args.adopted_on, "--adopted-on"), args.paragraph, args.diarienummer, args.protocol_url)


def _policies_of(path: Path, given: Path | None) -> Path:
    from generators.cli import UsageError
    from generators.paths import DEFAULT_POLICIES

    if given is not None:
        policies = given.resolve()
    else:
        policies = next((folder for folder in path.parents if folder.name == "policies"), DEFAULT_POLICIES.resolve())
    if not policies.is_dir():
        raise UsageError(f"mappen {policies} finns inte.")
    if policies not in path.parents:
        raise UsageError(f"{path} ligger inte i styrdokumentens mapp {policies}.")
    return policies


def _print_problems(diagnostics: list[Any], files: set[str]) -> None:
    for d in diagnostics:
        if d.severity == "error" and d.file in files:
            emit(f"{d.file}:{d.line}:{d.column}: {d.code} {d.message}", sys.stderr)


def run(args: argparse.Namespace) -> int:
    from generators.cli import UsageError
    from generators.loading.discovery import claim_for
    from generators.loading.documents import load_policies
    from generators.paths import display_base

    path = args.path.resolve()
    if not path.is_file():
        raise UsageError(f"filen {args.path} finns inte.")
    valid_from = _day(args.valid_from, "--valid-from")
    policies = _policies_of(path, args.policies)
    base = display_base(policies)
    loaded = load_policies(policies)
    by_file = {(base / d.file).resolve(): d for d in loaded.documents}
    failed = {(base / file).resolve() for _, file in loaded.failed}
    shown = {p: d.file for p, d in by_file.items()}
    if path in failed:
        _print_problems(loaded.diagnostics, {path.relative_to(base).as_posix()})
        print("Dokumentet har fel som måste rättas innan en ny version kan göras av det (`python -m generators check`).", file=sys.stderr)
        return 1
    source = by_file.get(path)
    meta = source.data.get("document") if source is not None and isinstance(source.data, dict) else None
    if not isinstance(meta, dict):
        raise UsageError(f"{args.path} är inget styrdokument med document: (metadata och versioner).")
    versions = sorted(((p, d) for p, d in by_file.items() if isinstance(d.data, dict)
                       and isinstance(d.data.get("document"), dict) and d.data["document"].get("id") == meta["id"]),
                      key=lambda pd: (pd[1].data["document"]["valid_from"], pd[1].data["document"]["version"]))
    newest_path, newest = versions[-1]
    newest_meta = newest.data["document"]
    if newest_path in failed:
        _print_problems(loaded.diagnostics, {shown[newest_path]})
        print(f"Den senaste versionen ({shown[newest_path]}) har fel som måste rättas först.", file=sys.stderr)
        return 1
    newest_from = date.fromisoformat(newest_meta["valid_from"])
    if valid_from <= newest_from:
        raise UsageError(f"--valid-from {valid_from.isoformat()} ska ligga efter den senaste versionens start: version "
                         f"{newest_meta['version']} ({shown[newest_path]}) gäller från {newest_from.isoformat()}.")
    version = args.version or next_version(newest_meta["version"], valid_from)
    if version is None:
        raise UsageError(f"versionen {newest_meta['version']} följer inte mönstret ÅÅÅÅ:N; ange den nya versionen med --version.")
    taken = {d.data["document"]["version"]: shown[p] for p, d in versions}
    if version in taken:
        raise UsageError(f"version {version} finns redan ({taken[version]}); ange en annan med --version.")
    decision = _decision(args, newest_meta)
    review_by = _day(args.review_by, "--review-by") if args.review_by else \
        same_distance(date.fromisoformat(newest_meta["review_by"]), newest_from, valid_from)
    if review_by < valid_from:
        raise UsageError(f"--review-by {review_by.isoformat()} ligger före valid_from {valid_from.isoformat()}.")

    target = (args.out.resolve() if args.out else
              next((c for c in new_file_name(newest_path, valid_from) if not c.exists()), None))
    if target is None or target.exists():
        raise UsageError(f"filen {target or new_file_name(newest_path, valid_from)[-1]} finns redan; ange en annan med --out.")
    if policies not in target.parents:
        raise UsageError(f"--out ska vara en fil i {policies}.")
    relative, current_claim = target.relative_to(policies).as_posix(), claim_for(newest_path.relative_to(policies).as_posix())
    claim = claim_for(relative)
    if claim is None or current_claim is None or claim.schema != current_claim.schema:
        raise UsageError(f"{target.relative_to(base).as_posix()} är ingen plats för {current_claim.describes if current_claim else 'dokumentet'}; välj ett namn som "
                         f"{new_file_name(newest_path, valid_from)[0].name}.")

    original = newest_path.read_text(encoding="utf-8")
    try:
        text = new_version_text(original, version, newest_meta["version"], valid_from, review_by, decision)
        ends = valid_from - timedelta(days=1)
        old_valid_to = newest_meta.get("valid_to")
        ended = (ended_version_text(original, ends)
                 if decision is not None and newest_meta["status"] == "antagen" and (old_valid_to is None or old_valid_to >= valid_from.isoformat())
                 else None)
    except BlockError as error:
        raise UsageError(f"{shown[newest_path]}: {error}; ny version går inte att skriva automatiskt.") from None

    target.write_text(text, encoding="utf-8")
    if ended is not None:
        newest_path.write_text(ended, encoding="utf-8")
    target_shown = target.relative_to(base).as_posix()
    after = load_policies(policies)
    if any(file in (target_shown, shown[newest_path]) for _, file in after.failed):
        _print_problems(after.diagnostics, {target_shown, shown[newest_path]})
        target.unlink()
        newest_path.write_text(original, encoding="utf-8")
        print("Den nya versionen skulle inte gå att läsa in (felen ovan); ingenting skrevs.", file=sys.stderr)
        return 1

    state = "antagen" if decision else "ett förslag (status: forslag, utan beslut)"
    print(f"Skrev {target_shown}: version {version} av {meta['title']}, gäller från {valid_from.isoformat()}, ersätter version "
          f"{newest_meta['version']} ({shown[newest_path]}), {state}. Ses över senast {review_by.isoformat()}"
          f"{'' if args.review_by else ' (lika lång tid efter valid_from som i den senaste versionen; ändra med --review-by)'}.")
    if ended is not None:
        print(f"Ändrade {shown[newest_path]}: valid_to {ends.isoformat()}, dagen innan den nya versionen börjar gälla.")
    _refresh_codeowners(policies)
    print("Gör nu ändringarna i den nya filen och skriv om sammanfattningen (summary) och kommentarerna överst så att de gäller den nya versionen.")
    if decision is None:
        print(f"När beslutet är fattat: för in det under adopted_by (organ, datum, paragraf, diarienummer), sätt status: antagen "
              f"och ge version {newest_meta['version']} valid_to {(valid_from - timedelta(days=1)).isoformat()}.")
    return 0


def _refresh_codeowners(policies: Path) -> None:
    """A repository that keeps a CODEOWNERS file gets the new file's line in it now: the new version
    has the same owner, and the pull request's freshness check would otherwise fail on it."""
    from generators.outputs import codeowners

    sources = codeowners.Sources.for_repository(policies.parent, policies)
    if not sources.output.is_file() or not sources.teams.is_file():
        return
    try:
        changed = codeowners.write(sources)
    except codeowners.CodeownersError:
        print(f"{sources.shown(sources.output)} kunde inte skrivas om; kör `python -m generators codeowners` och rätta det den anger.")
        return
    if changed:
        print(f"Skrev om {sources.shown(sources.output)}: den nya filen har samma ägare som den senaste versionen. Checka in den med ändringen.")
