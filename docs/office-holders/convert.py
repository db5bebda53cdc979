#!/usr/bin/env python3
"""Build office_holders.tsv from local files only.

Inputs (nothing is downloaded):
  * /work/.mirror/every-politician-scrapers+<country>/repo  -- bare git snapshots fetched with the
    search tool; we read `html/holders21.csv` (Wikidata P39 "position held" statements of office
    holders since ~2000, exported by EveryPolitician's Wikidata queries; Wikidata content is CC0).
  * curated.tsv (beside this script) -- rows compiled by hand for eventwire, each naming the public
    reference page checked (mostly English Wikipedia lists of office holders, found in the stored
    `pages` corpus). Curated rows win over source rows for the same person and office.

Output: office_holders.tsv (see its header block), plus convert_report.txt.

Usage:  python3 convert.py [--mirror /work/.mirror]
"""
from __future__ import annotations

import argparse
import csv
import io
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
CUTOFF = date(2000, 1, 1)
AS_OF = "2026-12-01"

# repo slug -> (ISO3, country name)
COUNTRIES = {
    "afghanistan": ("AFG", "Afghanistan"), "albania-cabinet": ("ALB", "Albania"),
    "algeria-cabinet": ("DZA", "Algeria"), "angola": ("AGO", "Angola"),
    "argentina-ministers": ("ARG", "Argentina"), "armenia-ministers": ("ARM", "Armenia"),
    "australia-cabinet": ("AUS", "Australia"), "austria-cabinet": ("AUT", "Austria"),
    "azerbaijan-cabinet": ("AZE", "Azerbaijan"), "bahrain": ("BHR", "Bahrain"),
    "bangladesh-ministers": ("BGD", "Bangladesh"), "belarus-ministers": ("BLR", "Belarus"),
    "belgium-cabinet": ("BEL", "Belgium"), "benin-ministers": ("BEN", "Benin"),
    "bhutan-ministers": ("BTN", "Bhutan"), "bolivia-ministers": ("BOL", "Bolivia"),
    "bosnia-herzegovina-ministers": ("BIH", "Bosnia and Herzegovina"),
    "botswana-ministers": ("BWA", "Botswana"), "brazil-ministers": ("BRA", "Brazil"),
    "brunei-ministers": ("BRN", "Brunei"), "bulgaria-cabinet": ("BGR", "Bulgaria"),
    "burkina-faso": ("BFA", "Burkina Faso"), "burundi-ministers": ("BDI", "Burundi"),
    "cambodia": ("KHM", "Cambodia"), "cameroon": ("CMR", "Cameroon"),
    "canada-cabinet": ("CAN", "Canada"), "central-african-republic": ("CAF", "Central African Republic"),
    "chad-ministers": ("TCD", "Chad"), "chile-ministers": ("CHL", "Chile"),
    "china-ministers": ("CHN", "China"), "congo-brazzaville": ("COG", "Republic of the Congo"),
    "congo-kinshasa-ministers": ("COD", "DR Congo"), "costa-rica": ("CRI", "Costa Rica"),
    "croatia-ministers": ("HRV", "Croatia"), "cuba": ("CUB", "Cuba"),
    "cyprus-cabinet": ("CYP", "Cyprus"), "czech-ministers": ("CZE", "Czech Republic"),
    "denmark-cabinet": ("DNK", "Denmark"), "djibouti-ministers": ("DJI", "Djibouti"),
    "dominican-republic": ("DOM", "Dominican Republic"), "ecuador-ministers": ("ECU", "Ecuador"),
    "egypt-ministers": ("EGY", "Egypt"), "el-salvador-ministers": ("SLV", "El Salvador"),
    "equatorial-guinea": ("GNQ", "Equatorial Guinea"), "eritrea-ministers": ("ERI", "Eritrea"),
    "estonia": ("EST", "Estonia"), "eswatini": ("SWZ", "Eswatini"),
    "ethiopia-ministers": ("ETH", "Ethiopia"), "fiji-ministers": ("FJI", "Fiji"),
    "finland-cabinet": ("FIN", "Finland"), "france-cabinet": ("FRA", "France"),
    "gabon-ministers": ("GAB", "Gabon"), "gambia-ministers": ("GMB", "Gambia"),
    "georgia-ministers": ("GEO", "Georgia"), "ghana-ministers": ("GHA", "Ghana"),
    "greece-cabinet": ("GRC", "Greece"), "guatemala-ministers": ("GTM", "Guatemala"),
    "guinea": ("GIN", "Guinea"), "guinea-bissau": ("GNB", "Guinea-Bissau"),
    "guyana": ("GUY", "Guyana"), "haiti": ("HTI", "Haiti"),
    "honduras-ministers": ("HND", "Honduras"), "hungary-cabinet": ("HUN", "Hungary"),
    "india-ministers": ("IND", "India"), "indonesia-ministers": ("IDN", "Indonesia"),
    "iran-ministers": ("IRN", "Iran"), "iraq-ministers": ("IRQ", "Iraq"),
    "ireland-ministers": ("IRL", "Ireland"), "israel-ministers": ("ISR", "Israel"),
    "italy-ministers": ("ITA", "Italy"), "ivory-coast": ("CIV", "Ivory Coast"),
    "jamaica-ministers": ("JAM", "Jamaica"), "japan-ministers": ("JPN", "Japan"),
    "jordan-ministers": ("JOR", "Jordan"), "kazakhstan-cabinet": ("KAZ", "Kazakhstan"),
    "kenya": ("KEN", "Kenya"), "kosovo-cabinet": ("XKX", "Kosovo"),
    "kuwait-ministers": ("KWT", "Kuwait"), "kyrgyzstan-ministers": ("KGZ", "Kyrgyzstan"),
    "lebanon": ("LBN", "Lebanon"), "lesotho-ministers": ("LSO", "Lesotho"),
    "libya": ("LBY", "Libya"), "lithuania": ("LTU", "Lithuania"),
    "luxembourg-cabinet": ("LUX", "Luxembourg"), "malawi-ministers": ("MWI", "Malawi"),
    "malaysia-ministers": ("MYS", "Malaysia"), "maldives-ministers": ("MDV", "Maldives"),
    "mali": ("MLI", "Mali"), "malta-ministers": ("MLT", "Malta"),
    "mauritania": ("MRT", "Mauritania"), "mauritius-ministers": ("MUS", "Mauritius"),
    "mexico-ministers": ("MEX", "Mexico"), "moldova-ministers": ("MDA", "Moldova"),
    "mongolia-ministers": ("MNG", "Mongolia"), "montenegro-cabinet": ("MNE", "Montenegro"),
    "morocco-ministers": ("MAR", "Morocco"), "mozambique": ("MOZ", "Mozambique"),
    "myanmar-ministers": ("MMR", "Myanmar"), "nepal-ministers": ("NPL", "Nepal"),
    "netherlands-cabinet": ("NLD", "Netherlands"), "new-zealand-cabinet": ("NZL", "New Zealand"),
    "nicaragua": ("NIC", "Nicaragua"), "niger-ministers": ("NER", "Niger"),
    "nigeria": ("NGA", "Nigeria"), "north-korea": ("PRK", "North Korea"),
    "north-macedonia-ministers": ("MKD", "North Macedonia"), "norway-cabinet": ("NOR", "Norway"),
    "oman": ("OMN", "Oman"), "pakistan-ministers": ("PAK", "Pakistan"),
    "panama-ministers": ("PAN", "Panama"), "papua-new-guinea": ("PNG", "Papua New Guinea"),
    "paraguay-ministers": ("PRY", "Paraguay"), "philippines-ministers": ("PHL", "Philippines"),
    "poland-cabinet": ("POL", "Poland"), "portugal-cabinet": ("PRT", "Portugal"),
    "qatar-ministers": ("QAT", "Qatar"), "romania-cabinet": ("ROU", "Romania"),
    "russia-cabinet": ("RUS", "Russia"), "rwanda-ministers": ("RWA", "Rwanda"),
    "saudi-ministers": ("SAU", "Saudi Arabia"), "senegal-ministers": ("SEN", "Senegal"),
    "serbia-ministers": ("SRB", "Serbia"), "sierra-leone": ("SLE", "Sierra Leone"),
    "singapore-ministers": ("SGP", "Singapore"), "slovakia-cabinet": ("SVK", "Slovakia"),
    "slovenia-cabinet": ("SVN", "Slovenia"), "somalia-cabinet": ("SOM", "Somalia"),
    "south-africa-cabinet": ("ZAF", "South Africa"), "south-korea-ministers": ("KOR", "South Korea"),
    "south-sudan": ("SSD", "South Sudan"), "spain-ministers": ("ESP", "Spain"),
    "sri-lanka-cabinet": ("LKA", "Sri Lanka"), "sudan": ("SDN", "Sudan"),
    "sweden-cabinet": ("SWE", "Sweden"), "swiss-federal-council": ("CHE", "Switzerland"),
    "syria": ("SYR", "Syria"), "taiwan": ("TWN", "Taiwan"),
    "tajikistan-ministers": ("TJK", "Tajikistan"), "tanzania-ministers": ("TZA", "Tanzania"),
    "timor-leste-ministers": ("TLS", "Timor-Leste"), "togo": ("TGO", "Togo"),
    "trinidad-and-tobago-cabinet": ("TTO", "Trinidad and Tobago"), "tunisia-ministers": ("TUN", "Tunisia"),
    "turkey-ministers": ("TUR", "Turkey"), "turkmenistan": ("TKM", "Turkmenistan"),
    "uae-ministers": ("ARE", "United Arab Emirates"), "ukraine-cabinet": ("UKR", "Ukraine"),
    "united-kingdom-cabinet": ("GBR", "United Kingdom"), "us-cabinet": ("USA", "United States"),
    "uruguay-ministers": ("URY", "Uruguay"), "uzbekistan-ministers": ("UZB", "Uzbekistan"),
    "venezuela": ("VEN", "Venezuela"), "vietnam": ("VNM", "Vietnam"),
    "yemen": ("YEM", "Yemen"), "zambia-ministers": ("ZMB", "Zambia"),
    "zimbabwe": ("ZWE", "Zimbabwe"),
}
# Kosovo has no ISO3; CAMEO/Phoenix use KSV.
ISO_FIX = {"XKX": "KSV"}

# ---- role mapping: exact source labels -> (role, sector, kind) ------------------------------------
# kind: HOS head of state, HOG head of government, MIN minister/spokesperson, CB central bank
HEAD_LABELS = {
    "President": ("President", "HOS"),
    "Prime Minister": ("Prime Minister", "HOG"),
    "Premier of the State Council": ("Premier", "HOG"),
    "Taoiseach": ("Taoiseach", "HOG"),
    "Federal Chancellor": ("Chancellor", "HOG"),
    "Supreme Leader": ("Supreme Leader", "HOS"),
    "King": ("King", "HOS"), "Sultan": ("Sultan", "HOS"), "Emir": ("Emir", "HOS"),
    "emir": ("Emir", "HOS"), "Grand Duke": ("Grand Duke", "HOS"), "monarch": ("Monarch", "HOS"),
    "General Secretary of the Chinese Communist Party": ("CCP General Secretary", "HOS"),
    "Chairman of the Presidential Council": ("Chairman of the Presidential Council", "HOS"),
    "President of the Presidium of the Supreme People's Assembly":
        ("President of the Presidium of the Supreme People's Assembly", "HOS"),
}
# Commonwealth realms whose "monarch" is the British monarch: do not code as the realm's GOV.
SKIP_MONARCH = {"CAN", "JAM", "PNG", "AUS", "NZL"}
# Countries where "President" in the source is not a national head of state.
SKIP_PRESIDENT = {"CHE"}  # Swiss Federal Council presidency rotates yearly; handled via curated rows

RE_FOREIGN = re.compile(
    r"^(Minister|Secretary|Federal Minister)( of| for) (the )?(Foreign|External) (Affairs|Relations)"
    r"( and [A-Z][\w ,']*)?$|^Secretary of State for Foreign and Commonwealth Affairs$"
    r"|^Minister of Foreign and European Affairs$|^Secretary for Foreign Affairs$"
    r"|^Minister of International Relations and Cooperation$"
)
RE_DEFENCE = re.compile(
    r"^(Minister|Secretary|Federal Minister)( of| for)( National)? Defen[cs]e( and [A-Z][\w ,']*)?$"
    r"|^Secretary of State for Defence$|^Secretary of National Defen[cs]e$"
)
RE_INTERIOR = re.compile(
    r"^(Minister|Secretary|Federal Minister)( of| for) (the )?(Interior|Internal Affairs|Home Affairs|Interior Affairs)"
    r"( and [A-Z][\w ,']*)?$|^Secretary of State for the Home Department$|^Secretary of Homeland Security$"
    r"|^Minister of Public Security$"
)
RE_FINANCE = re.compile(
    r"^(Minister|Secretary|Federal Minister)( of| for) (the )?(Finance|Economy and Finance|Finance and Economy"
    r"|Finance and Public Credit|Economy, Finance[\w ,']*|Finance[\w ,']*)$"
    r"|^Chancellor of the Exchequer$|^Secretary of the Treasury$"
)
RE_SPOKES = re.compile(
    r"^(Government Spokesperson|Spokesperson of the Government|Presidential Spokesperson|Spokesperson of the President"
    r"|White House Press Secretary|Foreign Ministry Spoke(s)?person|Press Secretary)$"
)
RE_CB = re.compile(
    r"^(Governor|President|Chair|Chairman)( of)? (the )?(Central Bank|National Bank|Reserve Bank|State Bank"
    r"|People's Bank|Federal Reserve|Bank of [A-Z][\w ]*|Banque de France|Banca d'Italia|Sveriges Riksbank"
    r"|De Nederlandsche Bank|Bundesbank)$"
)
US_ONLY = {"Secretary of State": "Foreign Minister"}  # bare "Secretary of State" means the US one only


def classify(label: str, iso: str):
    """(role, kind) for a source position label, or None when not wanted."""
    if label in HEAD_LABELS:
        role, kind = HEAD_LABELS[label]
        if label == "monarch" and iso in SKIP_MONARCH:
            return None
        if label == "President" and iso in SKIP_PRESIDENT:
            return None
        return role, kind
    if iso == "USA" and label in US_ONLY:
        return US_ONLY[label], "FM"
    if RE_FOREIGN.match(label):
        return "Foreign Minister", "FM"
    if RE_DEFENCE.match(label):
        return "Defence Minister", "MIN"
    if RE_INTERIOR.match(label):
        if iso == "USA" and label != "Secretary of Homeland Security":
            return None  # US Secretary of the Interior runs public lands, not policing
        role = "Homeland Security Secretary" if iso == "USA" else "Interior Minister"
        return role, "MIN"
    if RE_FINANCE.match(label):
        return "Finance Minister", "MIN"
    if RE_SPOKES.match(label):
        return ("Foreign Ministry Spokesperson" if "Foreign" in label else "Government Spokesperson"), "MIN"
    if RE_CB.match(label):
        return "Central Bank Governor", "CB"
    return None


# ---- helpers -----------------------------------------------------------------------------------------
def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("đ", "d").replace("ß", "ss")


def key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", fold(name).lower()).strip()


def is_latin(s: str) -> bool:
    return all(ord(c) < 0x250 or unicodedata.category(c).startswith(("P", "Z")) or c in "ʻʼ'’‘" for c in s)


def parse_partial(s: str):
    """'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' -> (date_start, date_end, precision)."""
    s = (s or "").strip()
    if not s:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", s)
    if not m:
        return "bad"
    y, mo, d = m.group(1), m.group(2), m.group(3)
    y = int(y)
    if d:
        dt = date(y, int(mo), int(d))
        return dt, dt, "day"
    if mo:
        mo = int(mo)
        first = date(y, mo, 1)
        last = (date(y + (mo == 12), mo % 12 + 1, 1) - timedelta(days=1))
        return first, last, "month"
    return date(y, 1, 1), date(y, 12, 31), "year"


def git_show(repo: Path, path: str) -> str | None:
    try:
        return subprocess.run(["git", f"--git-dir={repo}", "show", f"HEAD:{path}"], check=True,
                              capture_output=True, text=True).stdout
    except subprocess.CalledProcessError:
        return None


def git_head(repo: Path) -> tuple[str, str]:
    out = subprocess.run(["git", f"--git-dir={repo}", "log", "-1", "--format=%H %cs"], check=True,
                         capture_output=True, text=True).stdout.split()
    return out[0], out[1]


# ---- read sources ------------------------------------------------------------------------------------
def read_source(mirror: Path, report: dict):
    rows = []
    for slug, (iso, cname) in sorted(COUNTRIES.items()):
        repo = mirror / f"every-politician-scrapers+{slug}" / "repo"
        if not repo.exists():
            report["missing_repo"].append(slug)
            continue
        text = git_show(repo, "html/holders21.csv")
        if text is None:
            report["missing_file"].append(slug)
            continue
        commit, cdate = git_head(repo)
        iso = ISO_FIX.get(iso, iso)
        src = f"every-politician-scrapers/{slug}@{commit}:html/holders21.csv (Wikidata P39, CC0)"
        for r in csv.DictReader(io.StringIO(text)):
            cl = classify(r["position"].strip(), iso)
            if not cl:
                continue
            role, kind = cl
            name = (r.get("person") or "").strip()
            if not is_latin(name):
                alt = re.sub(r"\s*\(.*?\)\s*", "", (r.get("enwiki") or "")).strip()
                if alt and is_latin(alt):
                    name = alt
                else:
                    report["non_latin_name"] += 1
                    continue
            start = parse_partial(r.get("start"))
            end = parse_partial(r.get("end"))
            dod = parse_partial(r.get("DOD") or "")
            if start in (None, "bad") or end == "bad":
                report["no_or_bad_start"] += 1
                continue
            notes = []
            s_lo, _, s_prec = start
            if s_prec == "year" and s_lo >= CUTOFF:
                report["dropped_year_precision_start"] += 1
                continue
            if s_prec != "day":
                notes.append(f"from: {s_prec} precision in Wikidata")
            censored = False
            if end is None:
                if dod and dod != "bad":
                    until = dod[0]
                    notes.append("until = date of death (Wikidata); term open in source")
                else:
                    until = date.fromisoformat(cdate)
                    censored = True
                    notes.append(f"until = source snapshot date {cdate}: in office then, later end not verified")
            else:
                _, e_hi, e_prec = end
                until = end[0] if e_prec == "day" else e_hi
                if e_prec != "day":
                    notes.append(f"until: {e_prec} precision in Wikidata")
            if until < CUTOFF:
                continue
            if until < s_lo:
                report["end_before_start"] += 1
                continue
            rows.append(dict(name=name, qid=r.get("personID", ""), code=f"{iso}GOV" + ("BUS" if kind == "CB" else ""),
                             start=s_lo, until=until, role=role, kind=kind, country=cname, iso=iso,
                             source=src, note="; ".join(notes), censored=censored, aliases=[],
                             dead=(dod not in (None, "bad"))))
    return rows


def read_curated(path: Path):
    rows = []
    with path.open(encoding="utf-8") as fh:
        lines = [l for l in fh if l.strip() and not l.startswith("#")]
    for i, r in enumerate(csv.DictReader(lines, delimiter="\t")):
        until = r["until"].strip()
        rows.append(dict(name=r["name"].strip(), qid="", code=r["code"].strip(),
                         start=date.fromisoformat(r["from"].strip()) if r["from"].strip() else None,
                         until=date.fromisoformat(until) if until else None, role=r["role"].strip(),
                         kind=r["kind"].strip(), country=r["country"].strip(), iso=r["code"].strip()[:3],
                         source=r["source"].strip(), note=r["note"].strip(), censored=False,
                         aliases=[a.strip() for a in r["aliases"].split("|") if a.strip()],
                         dead=r.get("dead", "").strip() == "yes", curated=True))
    return rows


# ---- merging -----------------------------------------------------------------------------------------
def merge(source, curated, report):
    cur_spans = defaultdict(list)
    for c in curated:  # a curated row may name a person differently; its aliases also match
        for a in [c["name"], *c["aliases"]]:
            cur_spans[(c["iso"], c["role"], key(a))].append(c)
    kept = []
    for r in source:
        spans = cur_spans.get((r["iso"], r["role"], key(r["name"])), [])
        if spans and (r["censored"] or any(
                (c["start"] or date.min) <= r["until"] and r["start"] <= (c["until"] or date.max) for c in spans)):
            report["source_superseded_by_curated"] += 1
            continue
        kept.append(r)
    # merge duplicate / overlapping terms of one person in one role
    groups = defaultdict(list)
    for r in kept:
        groups[(r["iso"], r["role"], key(r["name"]))].append(r)
    out = []
    for g in groups.values():
        g.sort(key=lambda r: r["start"])
        cur = g[0]
        for r in g[1:]:
            if r["start"] <= cur["until"] + timedelta(days=1):
                if r["until"] > cur["until"]:
                    cur = dict(cur, until=r["until"], censored=r["censored"],
                               note="; ".join(x for x in (cur["note"], r["note"]) if x))
                report["merged_overlaps"] += 1
            else:
                out.append(cur)
                cur = r
        out.append(cur)
    # An open-ended (censored) source row followed by a later holder of the same office: the term ended
    # when the successor took office.
    by_office = defaultdict(list)
    for r in out + curated:
        by_office[(r["iso"], r["role"])].append(r)
    for r in out:
        if not r["censored"]:
            continue
        later = [x["start"] for x in by_office[(r["iso"], r["role"])]
                 if x is not r and x["start"] and x["start"] > r["start"] + timedelta(days=1)
                 and key(x["name"]) != key(r["name"])]
        if later:
            succ = min(later)
            if True:  # the next holder's start ends the open term (curated successors may be after the snapshot)
                r["until"] = succ
                r["censored"] = False
                r["note"] = re.sub(r"until = source snapshot date [^;]*", "until = start of the successor's term "
                                   "(open-ended in source)", r["note"])
                report["censored_closed_by_successor"] += 1
    return out + curated


STOP_SURNAMES = {
    "khan", "ali", "ahmed", "ahmad", "mohamed", "mohammed", "muhammad", "hassan", "hussein", "ibrahim", "abdullah",
    "rahman", "kim", "lee", "park", "singh", "kumar", "wang", "zhang", "li", "liu", "chen", "nguyen", "tran",
    "smith", "johnson", "jones", "williams", "martin", "garcia", "rodriguez", "lopez", "gonzalez", "hernandez",
    "fernandez", "perez", "sanchez", "ramirez", "diaz", "silva", "santos", "costa", "ferreira", "pereira",
    "mohammad", "saleh", "said", "musa", "abdi", "omar", "yusuf", "hasan", "aziz", "karim", "jaber", "sabah",
    "thani", "nahyan", "khalifa", "saud", "faisal", "hamad", "khalid", "sultan", "traore", "diallo", "toure",
    "kone", "ouedraogo", "camara", "sylla", "keita", "ndiaye", "sall", "mensah", "banda", "phiri", "moyo",
    "dlamini", "ndlovu", "zuma", "taylor", "thomas", "roberts", "davis", "wilson", "anderson", "jackson",
    "harris", "clark", "lewis", "walker", "hall", "allen", "scott", "adams", "nelson", "carter", "mitchell",
    "campbell", "edwards", "stewart", "morris", "murphy", "rogers", "cooper", "peterson", "gray", "james",
    "watson", "brooks", "kelly", "sanders", "bennett", "wood", "barnes", "ross", "henderson", "coleman",
    "jenkins", "perry", "powell", "long", "patterson", "hughes", "flores", "washington", "butler", "simmons",
    "foster", "gonzales", "bryant", "alexander", "russell", "griffin", "hayes", "myers", "ford", "hamilton",
    "graham", "sullivan", "wallace", "west", "cole", "jordan", "owens", "reynolds", "fisher", "ellis",
    "harrison", "gibson", "mcdonald", "cruz", "marshall", "ortiz", "gomez", "murray", "freeman", "wells",
    "webb", "simpson", "stevens", "tucker", "porter", "hunter", "hicks", "crawford", "henry", "boyd", "mason",
    "morales", "kennedy", "warren", "dixon", "ramos", "reyes", "burns", "gordon", "shaw", "holmes", "rice",
    "robertson", "hunt", "black", "daniels", "palmer", "mills", "nichols", "grant", "knight", "ferguson",
    "rose", "stone", "hawkins", "dunn", "perkins", "hudson", "spencer", "gardner", "stephens", "payne",
    "pierce", "berry", "matthews", "arnold", "wagner", "willis", "ray", "watkins", "olson", "carroll",
    "duncan", "snyder", "hart", "cunningham", "bradley", "lane", "andrews", "ruiz", "harper", "fox", "riley",
    "armstrong", "carpenter", "weaver", "greene", "lawrence", "elliott", "chavez", "sims", "austin", "peters",
    "kelley", "franklin", "lawson", "hussain", "hossain", "islam", "uddin", "chowdhury", "mahmoud", "youssef",
    "mustafa", "othman", "osman", "abbas", "jafari", "rezaei", "hosseini", "mousavi", "ahmadi", "mohammadi",
    "popescu", "ionescu", "novak", "horvat", "kovac", "nagy", "kovacs", "szabo", "toth", "petrov", "ivanov",
    "smirnov", "kuznetsov", "popov", "sokolov", "lebedev", "kozlov", "novikov", "morozov", "volkov",
    "schmidt", "schneider", "fischer", "weber", "meyer", "becker", "schulz", "hoffmann", "koch", "richter",
    "klein", "wolf", "neumann", "schwarz", "zimmermann", "braun", "hofmann", "hartmann", "lange", "werner",
    "krause", "lehmann", "kohler", "herrmann", "konig", "walter", "bernard", "dubois", "durand", "leroy",
    "moreau", "simon", "laurent", "lefebvre", "michel", "rossi", "russo", "ferrari", "esposito", "bianchi",
    "romano", "colombo", "ricci", "marino", "greco", "bruno", "gallo", "conti", "deluca", "mancini",
    "tanaka", "suzuki", "takahashi", "watanabe", "ito", "yamamoto", "nakamura", "kobayashi", "kato", "yoshida",
    "yamada", "sasaki", "yamaguchi", "matsumoto", "inoue", "kimura", "hayashi", "shimizu", "nakajima",
    "jr", "sr", "ii", "iii", "al", "bin", "ibn", "de", "da", "van", "von",
}


def english_words():
    try:
        from english_words import get_english_words_set  # optional, MIT; used only to *avoid* aliases
        return get_english_words_set(["web2"], lower=True)
    except Exception:  # noqa: BLE001
        return None


def unify_names(rows, report):
    """A source row naming a curated person differently (one of the curated aliases) takes the curated name."""
    alias_owner = defaultdict(set)
    for r in rows:
        if r.get("curated"):
            for a in [r["name"], *r["aliases"]]:
                alias_owner[key(a)].add(r["name"])
    cur_aliases = {}
    for r in rows:
        if r.get("curated"):
            cur_aliases.setdefault(r["name"], r["aliases"])
    for r in rows:
        if r.get("curated"):
            continue
        owners = alias_owner.get(key(r["name"]), set())
        if len(owners) == 1:
            (canon,) = owners
            if canon != r["name"]:
                report["source_names_unified"] += 1
                r["aliases"] = [a for a in dict.fromkeys([r["name"], *cur_aliases[canon]]) if a != canon]
                r["name"] = canon
            else:
                r["aliases"] = list(cur_aliases[canon])


def add_aliases(rows, report):
    unify_names(rows, report)
    words = english_words()
    report["english_wordlist"] = words is not None
    persons = {}
    for r in rows:
        persons.setdefault(key(r["name"]), r["name"])
    first_tokens = defaultdict(int)
    last_tokens = defaultdict(set)
    all_alias_keys = defaultdict(set)
    for k, n in persons.items():
        toks = k.split()
        if toks:
            first_tokens[toks[0]] += 1
            last_tokens[toks[-1]].add(k)
    for r in rows:
        for a in r["aliases"]:
            all_alias_keys[key(a)].add(key(r["name"]))
    # Surname aliases for source rows: only heads of state/government and foreign ministers, only when
    # the surname is distinctive (unique as last token, never a given name, not a common surname, not an
    # English word, 5+ letters). Curated rows carry hand-written aliases.
    wanted_kinds = {"HOS", "HOG", "FM"}
    surname_for = {}
    for r in rows:
        if r.get("curated") or r["kind"] not in wanted_kinds:
            continue
        toks = key(r["name"]).split()
        if len(toks) < 2:
            continue
        s = toks[-1]
        if (len(s) >= 5 and len(last_tokens[s]) == 1 and first_tokens.get(s, 0) == 0 and s not in STOP_SURNAMES
                and (words is None or s not in words) and not (all_alias_keys.get(s, set()) - {key(r["name"])})):
            surname_for[key(r["name"])] = fold(r["name"]).split()[-1]
    for r in rows:
        al = list(r["aliases"])
        f = fold(r["name"])
        if f != r["name"] and f not in al:
            al.append(f)
        if not r.get("curated"):
            s = surname_for.get(key(r["name"]))
            if s and s not in al:
                al.append(s)
                # the accented surname too
                acc = r["name"].split()[-1]
                if acc != s and acc not in al:
                    al.append(acc)
        r["aliases"] = [a for a in al if a != r["name"]]
    # conflicts: an alias naming two different persons
    owners = defaultdict(set)
    for r in rows:
        for a in [r["name"], *r["aliases"]]:
            owners[key(a)].add(key(r["name"]))
    conflicts = {a: o for a, o in owners.items() if len(o) > 1}
    report["alias_conflicts"] = sorted(f"{a}: {sorted(o)}" for a, o in conflicts.items())
    for r in rows:
        bad = [a for a in r["aliases"] if key(a) in conflicts]
        if bad:
            r["aliases"] = [a for a in r["aliases"] if key(a) not in conflicts]
            extra = "alias(es) dropped as shared with another person in the file: " + ", ".join(bad)
            r["note"] = "; ".join(x for x in (r["note"], extra) if x)


def eli_rows(rows, report):
    """ELI rows for former heads of state/government: gaps between terms and after the last term."""
    by_person = defaultdict(list)
    igo_rows = defaultdict(list)
    for r in rows:
        if r["code"].startswith("IGO"):
            igo_rows[key(r["name"])].append(dict(r, kind="IGO"))
        elif r["code"][3:6] == "GOV":
            by_person[(r["iso"], key(r["name"]))].append(r)
    out = []
    for (iso, pk), rs in by_person.items():
        rs = rs + igo_rows.get(pk, [])
        if not any(r["kind"] in ("HOS", "HOG") for r in rs):
            continue
        if any(r["role"] in ("King", "Sultan", "Emir", "Grand Duke", "Monarch") for r in rs):
            continue  # monarchs leave office by death or abdication; no ELI row
        rs = sorted((r for r in rs if r["start"]), key=lambda r: r["start"])
        if not rs:
            continue
        spans = []
        for r in rs:
            end = r["until"]
            if spans and (spans[-1][1] is None or r["start"] <= spans[-1][1] + timedelta(days=1)):
                if end is None or (spans[-1][1] is not None and end > spans[-1][1]):
                    spans[-1] = (spans[-1][0], end, r)
            else:
                spans.append((r["start"], end, r))
        if not any(r["kind"] in ("HOS", "HOG") for r in rs):
            continue
        first_hosg = min(r["start"] for r in rs if r["kind"] in ("HOS", "HOG"))
        base = next(r for r in rs if r["kind"] in ("HOS", "HOG"))
        for i, (s, e, last) in enumerate(spans):
            if e is None or last["censored"]:
                break
            if s < first_hosg and not any(x["kind"] in ("HOS", "HOG") and x["start"] <= e for x in rs):
                continue
            if e < CUTOFF and i + 1 < len(spans) and spans[i + 1][0] < CUTOFF:
                continue
            nxt = spans[i + 1][0] - timedelta(days=1) if i + 1 < len(spans) else None
            if nxt is not None and nxt < e + timedelta(days=1):
                continue
            if last.get("dead") and nxt is None:
                continue  # died in office
            out.append(dict(base, code=f"{iso}ELI", aliases=list(base["aliases"]), start=e + timedelta(days=1), until=nxt,
                            role="Former office-holder", kind="ELI",
                            source=last["source"], note="former head of state/government (derived from the rows above)"
                            + ("; gap between terms" if nxt else ""), censored=False))
    report["eli_rows"] = len(out)
    return out


HEADER = """# eventwire office-holders lexicon (dated CAMEO actor codes for named office holders, 2000-2026)
#
# One row = one person holding one office (or being a former office-holder) over one continuous span:
#   name      usual English full name
#   aliases   "|"-separated variants used in news text (diacritic-free spellings, distinctive surname)
#   code      CAMEO actor code while the row applies (<ISO3>GOV executive; <ISO3>GOVBUS central bank as in the
#             Phoenix/PETRARCH2 dictionaries; <ISO3>ELI former office-holder; IGO... / ...REB as in Phoenix)
#   from      first day (inclusive, ISO YYYY-MM-DD)
#   until     last day (inclusive); empty = still in office as of {as_of}
#   role      office ("President", "Foreign Minister", "NATO Secretary General", ...)
#   country   country (or organisation) of the office
#   source    dataset file (repo@commit:path) or the public reference page checked
#   note      precision caveats, censoring, alias conflicts
# Example:
#   Emmanuel Macron\tMacron\tFRAGOV\t2017-05-14\t\tPresident\tFrance\t...
# Sources and licences (details in SOURCES.md):
#   * Wikidata (CC0 1.0) via EveryPolitician "holders21" exports in github.com/every-politician-scrapers/<country>
#     repositories (html/holders21.csv); rows cite repo@commit:path.
#   * Hand-compiled rows (eventwire, MIT; curated.tsv), each citing the public page(s) checked for it
#     (news reports / encyclopaedia mirrors found in the search tool's stored pages corpus; facts only).
# Month-precision dates in a source row are widened to the whole month and say so in `note`; source
# terms starting 2000+ known only to the year are left out. Open-ended source rows with no known
# successor are cut at the source snapshot date (see `note`).
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mirror", default="/work/.mirror")
    args = ap.parse_args()
    report = defaultdict(int)
    report["missing_repo"] = []
    report["missing_file"] = []
    source = read_source(Path(args.mirror), report)
    report["source_rows_selected"] = len(source)
    curated = read_curated(HERE / "curated.tsv")
    report["curated_rows"] = len(curated)
    rows = merge(source, curated, report)
    unify_names(rows, report)
    rows += eli_rows(rows, report)
    add_aliases(rows, report)
    rows.sort(key=lambda r: (r["country"], r["role"], r["start"] or date.min, r["name"]))
    with (HERE / "office_holders.tsv").open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER.format(as_of=AS_OF))
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writerow(["name", "aliases", "code", "from", "until", "role", "country", "source", "note"])
        for r in rows:
            w.writerow([r["name"], "|".join(r["aliases"]), r["code"], r["start"].isoformat() if r["start"] else "",
                        r["until"].isoformat() if r["until"] else "", r["role"], r["country"], r["source"],
                        r["note"]])
    with (HERE / "convert_report.txt").open("w", encoding="utf-8") as fh:
        for k, v in report.items():
            if isinstance(v, list):
                fh.write(f"{k}: {len(v)}\n")
                for x in v:
                    fh.write(f"  {x}\n")
            else:
                fh.write(f"{k}: {v}\n")
    print(f"{len(rows)} rows")


if __name__ == "__main__":
    sys.exit(main())
