"""Convert the Phoenix/PETRARCH2 dictionaries into the lexicon shipped in ``src/eventwire/data/``.

Run once, when the source dictionaries change; the output is committed and the package never reads
the source files at run time::

    .venv/bin/python scripts/convert_dictionaries.py [--source ../shared/reference/petrarch2-dicts]

Writes ``actors.jsonl.gz`` (see ``src/eventwire/data/README.md`` for the layout) and
``conversion_report.txt`` (what was skipped and why).  Parsing is done by
:mod:`eventwire.actors.tabari`, the same parser user dictionaries go through.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.actors.entries import NULL_CODE
from eventwire.actors.tabari import (
    AgentEntry,
    ParseReport,
    TabariEntry,
    parse_actors,
    parse_agents,
)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "reference" / "petrarch2-dicts"
OUT_DIR = ROOT / "src" / "eventwire" / "data"
FORMAT_VERSION = 1

ACTOR_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
AGENT_FILE = "Phoenix.agents.txt"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that mark an institution rather than a person in the country file, whose non-country
# records mix both without saying which (the persons come mostly from CountryInfo.txt).
ORG_WORDS = _words(
    """
    academy administration agency army assembly association authority bank board bureau cabinet
    centre center chamber command commission committee company congress corps council court
    department directorate embassy force forces front government guard guards house institute
    kremlin league legislature media ministry movement navy news office organisation
    organization palace parliament party pentagon police presidency radio regime senate service
    staff street television tribunal union university
    """
)

# Ordinary English words that also occur as (acronym) phrases, e.g. "US" for USA.  They are kept,
# but listed so the recogniser matches them only when written in capitals.
UPPER_ONLY_WORDS = _words(
    """
    a am an and are as at be but by can do for go he her him his i if in is it its me my no not
    of on or our she so the to up us was we who why you aid all art may man men war arms bar
    """
)


def kind_of(entry: TabariEntry, source: str) -> str:
    """What an entry's code denotes: country, person, org, igo, ngo, mnc, nonstate or blocker."""
    codes = [c.code for c in entry.codes if c.code != NULL_CODE]
    if not codes:
        return "blocker"
    if source == "Phoenix.MilNonState.actors.txt":
        return "nonstate"
    if source == "Phoenix.International.actors.txt":
        prefix = codes[0][:3]
        return {"IGO": "igo", "NGO": "ngo", "NGM": "ngo", "MNC": "mnc", "IMG": "nonstate"}.get(
            prefix, "org"
        )
    # The country file: heads of country blocks carry their code on the name line or a bare
    # three-letter code (ARMENIA_ gets its codes on date lines).
    if entry.inline_code or any(len(code) == 3 for code in codes):
        return "country"
    if any(word in ORG_WORDS for word in entry.name.split(" ")):
        return "org"
    return "person"


@dataclass
class Record:
    """One converted entry, as written: kind, phrases, [code, start, end] rows, file, line."""

    kind: str
    phrases: list[str]
    codes: list[list[str | None]]
    source: int
    line: int
    stripped: set[str] = field(default_factory=set)

    def row(self) -> list[object]:
        return [self.kind, self.phrases, self.codes, self.source, self.line]


# Country parts the Phoenix files write in pre-2002 or non-ISO form in some entries, while
# others use the ISO 3166 alpha-3 code: one country, one code ("UNITA" [ANGREB] next to
# ANGOLA [AGO]; East Timor's TMP became TLS in ISO 3166 in 2002).
COUNTRY_CODES = {"ANG": "AGO", "TMP": "TLS"}


def iso_code(code: str) -> str:
    """An actor code with its country part in ISO 3166 alpha-3 form."""
    head = code[:3]
    return COUNTRY_CODES.get(head, head) + code[3:]


def _code_rows(entry: TabariEntry) -> list[list[str | None]]:
    return [
        [
            iso_code(c.code) if c.code else c.code,
            c.start.isoformat() if c.start else None,
            c.end.isoformat() if c.end else None,
        ]
        for c in entry.codes
    ]


def drop_colliding_stripped(records: list[Record], report: ParseReport) -> None:
    """Drop phrases made by cutting a parenthetical that now name an entry with other codes.

    ``SAMOA_(AMERICAN)`` becomes "samoa", which would make Samoa ambiguous with American Samoa;
    ``ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)`` becomes a distinctive name and is kept.
    """
    owners: dict[str, set[str]] = defaultdict(set)
    for rec in records:
        codes = ",".join(sorted({str(row[0]) for row in rec.codes}))
        for phrase in rec.phrases:
            owners[phrase].add(codes)
    for rec in records:
        for phrase in sorted(rec.stripped):
            if len(owners[phrase]) > 1 and phrase in rec.phrases:
                rec.phrases.remove(phrase)
                report.skip("phrase ambiguous once its (note) is cut", rec.line, phrase)


def convert_actors(source_dir: Path, report: ParseReport) -> list[Record]:
    records: list[Record] = []
    for index, name in enumerate(ACTOR_FILES):
        text = (source_dir / name).read_text(encoding="utf-8", errors="replace")
        seen: set[tuple[object, ...]] = set()
        for entry in parse_actors(text.splitlines(), name, report=report):
            codes = _code_rows(entry)
            key = (tuple(entry.phrases), tuple(tuple(c) for c in codes))
            if key in seen:  # the international file repeats whole blocks
                report.skip("duplicate record", entry.line, entry.name)
                continue
            seen.add(key)
            kind = kind_of(entry, name)
            records.append(Record(kind, entry.phrases, codes, index, entry.line, entry.stripped))
    drop_colliding_stripped(records, report)
    return [r for r in records if r.phrases]


def convert_agents(source_dir: Path, report: ParseReport) -> list[Record]:
    text = (source_dir / AGENT_FILE).read_text(encoding="utf-8", errors="replace")
    agents: list[AgentEntry] = parse_agents(text.splitlines(), AGENT_FILE, report=report)
    # One record per (line, code): the forms of one dictionary line (plurals, substitutions)
    # are phrases of one entry, so "explain" can point at that line.
    grouped: dict[tuple[int, str], list[str]] = {}
    for agent in agents:
        grouped.setdefault((agent.line, agent.code), []).append(agent.phrase)
    source = len(ACTOR_FILES)
    return [
        Record("agent", phrases, [[code, None, None]], source, line)
        for (line, code), phrases in grouped.items()
    ]


def upper_only(records: list[Record]) -> list[str]:
    found = {
        phrase
        for rec in records
        if rec.kind != "agent"
        for phrase in rec.phrases
        if phrase in UPPER_ONLY_WORDS
    }
    return sorted(found)


def write(records: list[Record], path: Path) -> None:
    header = {
        "format": FORMAT_VERSION,
        "sources": [*ACTOR_FILES, AGENT_FILE],
        "licence": "MIT, Copyright (c) 2014 Open Event Data Alliance",
        "two_digit_year_pivot": "00-29 -> 20xx, 30-99 -> 19xx",
        "fields": ["kind", "phrases", "codes[[code, start, end]]", "source", "line"],
        "upper_only": upper_only(records),
    }
    lines = [json.dumps(header, ensure_ascii=False)]
    for rec in records:
        lines.append(json.dumps(rec.row(), ensure_ascii=False, separators=(",", ":")))
    # mtime=0 keeps the gzip bytes identical between runs, so git sees no change.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write(("\n".join(lines) + "\n").encode("utf-8"))


def summary(records: list[Record], report: ParseReport) -> str:
    kinds = Counter(r.kind for r in records)
    phrases = sum(len(r.phrases) for r in records)
    dated = sum(1 for r in records for c in r.codes if c[1] or c[2])
    out = [f"entries: {len(records)}  phrases: {phrases}  dated codes: {dated}"]
    out += [f"  {kind}: {count}" for kind, count in sorted(kinds.items())]
    out.append("skipped:")
    for reason, count in report.skipped.most_common():
        out.append(f"  {count:6d}  {reason}")
        out += [f"            e.g. {example}" for example in report.examples[reason]]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args(argv)
    if not (args.source / ACTOR_FILES[0]).exists():
        print(f"no Phoenix dictionaries in {args.source}", file=sys.stderr)
        return 2
    report = ParseReport()
    records = convert_actors(args.source, report) + convert_agents(args.source, report)
    args.out.mkdir(parents=True, exist_ok=True)
    write(records, args.out / "actors.jsonl.gz")
    text = summary(records, report)
    (args.out / "conversion_report.txt").write_text(text, encoding="utf-8")
    print(text, end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
