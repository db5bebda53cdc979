#!/usr/bin/env python3
"""Build ``src/eventwire/data/legislators.tsv`` (US Congress members 2000-2026) from local files only.

Inputs (nothing is downloaded; the snapshots were fetched with the search tool's ``fetch``):

* ``/work/.mirror/unitedstates+congress-legislators/repo`` -- the @unitedstates project's
  congress-legislators repository (CC0 1.0).  Its ``legislators-historical.yaml`` is too large to be
  in the snapshot, so the terms come from the *history* of ``legislators-current.yaml``: every
  version on the main line since the first commit (2012-09-27).  For each member (bioguide id) the
  last version listing them gives their terms; a member who vanished from the file before their
  last term's scheduled end left early, and the row ends on the day of that commit (noted).
  Names of members who left before 2012-09 come from ``legislators-historical.csv`` on the
  ``gh-pages`` branch (one row per person: names, nickname, Wikipedia title; no term dates).
* ``/work/.mirror/fivethirtyeight+data/repo`` -- ``congress-age/congress-terms.csv`` (CC BY 4.0,
  FiveThirtyEight): membership of every Congress from 1947 to 2014, one row per member and Congress.
  Used only for members who left before 2012-09-27 (not in the history above): their service is the
  run of consecutive Congresses, from the row's ``termstart`` to the last day of the last Congress
  (the source does not give the leaving day: a member who died or resigned mid-term is covered up
  to the end of that Congress, noted).

Output: one row per member, chamber and continuous service overlapping 2000-01-01..2026-12-31, code
``USALEG``, the columns of ``office_holders.tsv``; plus ``legislators_report.txt`` beside this script.

Names: the row's name is the English Wikipedia title the source gives (the common name: "Chuck
Schumer", "Mitch McConnell"), else the official full name; aliases are the official full name,
first + last, nickname + last, first + middle + last, first + middle initial + last, the same
without a "Jr."-type suffix, and diacritic-free spellings.  A bare surname is never an alias.

Usage:  python3 convert_legislators.py [--mirror /work/.mirror] [--out path]
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import subprocess
import unicodedata
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
OUT = HERE.parent.parent / "src" / "eventwire" / "data" / "legislators.tsv"
WINDOW = (date(2000, 1, 1), date(2026, 12, 31))
CL = "unitedstates/congress-legislators"
FTE = "fivethirtyeight/data"
TERRITORIES = {"DC", "PR", "GU", "VI", "AS", "MP"}
SUFFIX = re.compile(r",?\s+(Jr\.?|Sr\.?|II|III|IV)$")
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", f"--git-dir={repo}", *args], check=True, capture_output=True, text=True
    ).stdout


def ascii_fold(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    )


def clean(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").strip())


def name_variants(name: dict[str, str], wikipedia: str | None) -> tuple[str, list[str]]:
    """The row's name and its aliases (never a single word, never with quotation marks)."""
    first, middle, last = clean(name.get("first")), clean(name.get("middle")), clean(name.get("last"))
    nick, full = clean(name.get("nickname")), clean(name.get("official_full") or name.get("full_name"))
    suffix = clean(name.get("suffix"))
    wiki = clean(re.sub(r"\s*\(.*?\)\s*$", "", wikipedia or ""))
    if wiki and last.split()[-1].lower() not in wiki.lower():
        wiki = ""  # a title that does not carry the surname is not a name variant
    candidates: list[str] = [wiki, full]
    if first and not first.endswith("."):
        candidates.append(f"{first} {last}")
    elif middle:  # "J. Dennis Hastert": known by the middle name
        candidates.append(f"{middle} {last}")
    if nick:
        candidates.append(f"{nick} {last}")
    if first and middle and not first.endswith("."):
        candidates.append(f"{first} {middle} {last}")
        if not middle.endswith("."):
            candidates.append(f"{first} {middle[0]}. {last}")
    if suffix:
        candidates += [f"{c} {suffix}" for c in candidates[2:] if c]
    out: list[str] = []
    for candidate in candidates:
        for form in (candidate, SUFFIX.sub("", candidate)):
            for spelling in (form, ascii_fold(form)):
                spelling = clean(spelling.replace(",", ""))
                if (
                    spelling
                    and '"' not in spelling
                    and len(spelling.split()) >= 2
                    and spelling not in out
                ):
                    out.append(spelling)
    if not out:
        return "", []
    return out[0], out[1:]


def role_of(kind: str, state: str) -> str:
    if kind == "sen":
        return f"U.S. Senator ({state})"
    if state in TERRITORIES:
        return f"Delegate to the U.S. House ({state})"
    return f"U.S. Representative ({state})"


def merge_spans(spans: list[tuple[date, date, str, str]]) -> list[list]:
    """Consecutive terms (next start within 10 days of the previous end, same chamber and
    state) become one continuous service."""
    merged: list[list] = []
    for start, end, kind, state in sorted(spans):
        last = merged[-1] if merged else None
        if last and last[2] == kind and last[3] == state and start <= last[1] + timedelta(days=10):
            last[1] = max(last[1], end)
        else:
            merged.append([start, end, kind, state, ""])
    return merged


# -- congress-legislators: the history of legislators-current.yaml ------------------------------


def current_history(repo: Path, report: list[str]) -> tuple[dict, str]:
    commits = git(repo, "rev-list", "--first-parent", "--reverse", "HEAD", "--", "legislators-current.yaml").split()
    bio = re.compile(r"^\s+bioguide: (\w+)", re.M)
    sets: list[tuple[str, str, set[str]]] = []
    for commit in commits:
        text = git(repo, "show", f"{commit}:legislators-current.yaml")
        day = git(repo, "log", "-1", "--format=%cs", commit).strip()
        sets.append((commit, day, set(bio.findall(text))))
    # For every member: the last version listing them and, if any, the commit that dropped them.
    last_seen: dict[str, int] = {}
    for i, (_, _, ids) in enumerate(sets):
        for b in ids:
            last_seen[b] = i
    wanted = sorted(set(last_seen.values()))
    records: dict[str, tuple[dict, str, str | None]] = {}
    parsed: dict[int, list] = {}
    for i in wanted:
        commit = sets[i][0]
        parsed[i] = yaml.load(git(repo, "show", f"{commit}:legislators-current.yaml"), Loader=Loader)
    for b, i in last_seen.items():
        person = next(p for p in parsed[i] if p["id"]["bioguide"] == b)
        removed = sets[i + 1][1] if i + 1 < len(sets) else None
        records[b] = (person, sets[i][0], removed)
    report.append(
        f"legislators-current.yaml: {len(commits)} main-line versions {sets[0][1]}..{sets[-1][1]}, "
        f"{len(records)} members, {len(wanted)} versions parsed"
    )
    return records, sets[-1][1]


def rows_from_current(records: dict, snapshot: str, report: list[str]) -> list[dict]:
    rows: list[dict] = []
    early = 0
    for b, (person, commit, removed) in records.items():
        spans = [
            (date.fromisoformat(t["start"]), date.fromisoformat(t["end"]), t["type"], t["state"])
            for t in person["terms"]
        ]
        merged = merge_spans(spans)
        if removed:
            last = merged[-1]
            gone = date.fromisoformat(removed)
            if last[1] > gone:  # left before the scheduled end of the term
                last[1] = gone
                last[4] = (
                    f"until: day the source dropped the member from legislators-current.yaml "
                    f"(left before the term's end {spans[-1][1]}; the exact day is in "
                    "legislators-historical.yaml, not in our snapshot)"
                )
                early += 1
        else:
            last = merged[-1]
            if last[1] > date.fromisoformat(snapshot):
                last[4] = f"until: scheduled end of the term (source snapshot {snapshot})"
        name, aliases = name_variants(person["name"], person["id"].get("wikipedia"))
        source = f"{CL}@{commit}:legislators-current.yaml (CC0; bioguide {b})"
        rows += make_rows(name, aliases, merged, source)
    report.append(f"  left before the term's end (until = the commit day): {early}")
    return rows


def make_rows(name: str, aliases: list[str], merged: list[list], source: str) -> list[dict]:
    out = []
    for start, end, kind, state, note in merged:
        if end < WINDOW[0] or start > WINDOW[1]:
            continue
        out.append(
            {
                "name": name,
                "aliases": "|".join(aliases),
                "code": "USALEG",
                "from": start.isoformat(),
                "until": end.isoformat(),
                "role": role_of(kind, state),
                "country": "United States",
                "source": source,
                "note": note,
            }
        )
    return out


# -- members who left before 2012-09: FiveThirtyEight's congress-terms.csv -----------------------


def congress_end(number: int) -> date:
    return date(1789 + 2 * number, 1, 3)


def rows_from_fte(fte: Path, cl: Path, known: set[str], report: list[str]) -> list[dict]:
    fte_commit = git(fte, "rev-parse", "HEAD").strip()
    pages = git(cl, "rev-parse", "gh-pages").strip()
    names = {
        row["bioguide_id"]: row
        for row in csv.DictReader(io.StringIO(git(cl, "show", "gh-pages:legislators-historical.csv")))
    }
    by_member: dict[str, list[tuple[int, str, str, date]]] = {}
    for row in csv.DictReader(io.StringIO(git(fte, "show", "HEAD:congress-age/congress-terms.csv"))):
        by_member.setdefault(row["bioguide"], []).append(
            (int(row["congress"]), row["chamber"], row["state"], date.fromisoformat(row["termstart"]))
        )
    rows: list[dict] = []
    no_name = 0
    members = 0
    for b, terms in by_member.items():
        if b in known or max(c for c, *_ in terms) < 106:
            continue
        terms.sort()
        runs: list[list] = []
        for congress, chamber, state, start in terms:
            kind = "sen" if chamber == "senate" else "rep"
            run = runs[-1] if runs else None
            if run and run[2] == kind and run[3] == state and congress <= run[5] + 1:
                run[5] = congress
                run[1] = congress_end(congress)
            else:
                runs.append([start, congress_end(congress), kind, state, "", congress])
        merged = [r[:4] + ["until: end of the last Congress the member sat in (the source lists "
                            "membership per Congress, not the leaving day)"] for r in runs]
        person = names.get(b)
        if person is None:
            no_name += 1
            continue
        name_fields = {
            "first": person["first_name"], "middle": person["middle_name"], "last": person["last_name"],
            "suffix": person["suffix"], "nickname": person["nickname"], "full_name": person["full_name"],
        }
        name, aliases = name_variants(name_fields, person["wikipedia_id"])
        if not name:
            no_name += 1
            continue
        source = (
            f"{FTE}@{fte_commit}:congress-age/congress-terms.csv (CC BY 4.0; bioguide {b}); names "
            f"{CL}@{pages}:legislators-historical.csv (CC0)"
        )
        new = make_rows(name, aliases, merged, source)
        members += bool(new)
        rows += new
    report.append(f"congress-terms.csv: {members} members who left before 2012-09 ({no_name} without a name row)")
    return rows


HEADER = """\
# eventwire legislators lexicon (dated CAMEO actor codes for members of the US Congress, 2000-2026)
#
# Same columns as office_holders.tsv (see its header and docs/rules.md, "Add an office-holder"); read
# by the same loader (eventwire.actors.officeholders) as a lower tier: a row here never hides an
# office-holder row, a Phoenix person entry of the same name or a place/people/role phrase.
# One row = one member in one chamber over one continuous service (consecutive terms merged).
#   code      USALEG (senators, representatives and delegates alike)
#   until     last day (inclusive); terms running past the source snapshot end on their scheduled day
# Built by docs/office-holders/convert_legislators.py (do not edit by hand; rerun it) from:
#   * github.com/unitedstates/congress-legislators (CC0 1.0): legislators-current.yaml and its history
#     (terms, names, nicknames, Wikipedia titles), legislators-historical.csv (names)
#   * github.com/fivethirtyeight/data congress-age/congress-terms.csv (CC BY 4.0, FiveThirtyEight):
#     Congresses sat in, for members who left before 2012-09-27
# Rows cite repo@commit:path and the member's bioguide id.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    cl = args.mirror / "unitedstates+congress-legislators" / "repo"
    fte = args.mirror / "fivethirtyeight+data" / "repo"
    report: list[str] = []
    records, snapshot = current_history(cl, report)
    rows = rows_from_current(records, snapshot, report)
    rows += rows_from_fte(fte, cl, set(records), report)
    rows.sort(key=lambda r: (r["name"], r["from"]))
    columns = ("name", "aliases", "code", "from", "until", "role", "country", "source", "note")
    with args.out.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        out.write("\t".join(columns) + "\n")
        for row in rows:
            out.write("\t".join(row[c] for c in columns) + "\n")
    people = Counter(r["name"] for r in rows)
    report.append(f"rows {len(rows)}, names {len(people)}, names with several rows {sum(1 for n in people.values() if n > 1)}")
    (HERE / "legislators_report.txt").write_text("\n".join(report) + "\n", encoding="utf-8")
    print("\n".join(report))


if __name__ == "__main__":
    main()
