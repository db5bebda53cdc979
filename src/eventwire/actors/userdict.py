"""User actor dictionaries (YAML, CSV, TABARI ``.txt``) read into lexicon entries.

A user entry wins over every shipped entry with the same phrase (see :mod:`.lexicon`).  Formats::

    # YAML: a list of mappings
    - name: Ali Shamkhani
      code: IRNGOV
      aliases: [Shamkhani, Admiral Shamkhani]
      from: 2013-09-10          # optional, inclusive
      until: 2023-05-22         # optional, inclusive
      kind: person              # optional; inferred from the code otherwise
    - name: Hassan Rouhani      # several dated roles: a list of codes
      codes:
        - {code: IRNGOV, from: 2013-08-03, until: 2021-08-03}
        - {code: IRNELI}

    # CSV with a header: name,code,aliases,from,until[,kind]; aliases separated by ";" or "|";
    # rows repeating a name add further (dated) codes to that entry.

    # .txt: the TABARI/PETRARCH actor format, read by eventwire.actors.tabari.

Dates are ISO ``YYYY-MM-DD`` (``YYYYMMDD`` and TABARI's ``YYMMDD`` are accepted too).  Every
problem raises :class:`InputError` naming the file, the line and the field.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from eventwire.actors.entries import KINDS, NULL_CODE, CodeSpan, LexEntry, normalise
from eventwire.actors.tabari import ACTOR_CODE, parse_actors, parse_date
from eventwire.errors import InputError, Where

YAML_KEYS = frozenset({"name", "code", "codes", "aliases", "from", "until", "kind"})
CSV_COLUMNS = ("name", "code", "aliases", "from", "until")


def infer_kind(code: str) -> str:
    """A kind for a user entry that did not give one, from the shape of its first code."""
    prefix = code[:3]
    if code == NULL_CODE:
        return "blocker"
    if prefix == "IGO":
        return "igo"
    if prefix in ("NGO", "NGM"):
        return "ngo"
    if prefix == "MNC":
        return "mnc"
    if prefix == "IMG" or code[3:6] in ("REB", "INS", "SEP", "UAF"):
        return "nonstate"
    if len(code) == 3:
        return "country"
    return "person"


@dataclass
class _Draft:
    name: str
    line: int
    aliases: list[str] = field(default_factory=list)
    codes: list[CodeSpan] = field(default_factory=list)
    kind: str | None = None

    def entry(self, source: str) -> LexEntry:
        phrases = tuple(dict.fromkeys([normalise(self.name), *map(normalise, self.aliases)]))
        kind = self.kind or infer_kind(self.codes[0].code)
        return LexEntry(
            -1, kind, tuple(p for p in phrases if p), tuple(self.codes), source, self.line
        )


def _check_code(value: object, where: Where) -> str:
    code = str(value).strip().upper() if value is not None else ""
    if not code:
        raise InputError(where, "missing code")
    if code != NULL_CODE and not ACTOR_CODE.match(code):
        raise InputError(
            where, f"bad actor code {code!r}: expected three-letter blocks like IRNGOV"
        )
    return code


def _check_date(value: object, where: Where) -> date | None:
    if value is None or str(value).strip() == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return parse_date(str(value))
    except ValueError:
        raise InputError(where, f"bad date {value!r}: expected YYYY-MM-DD") from None


def _span(code: object, start: object, end: object, path: str, lines: tuple[int, ...]) -> CodeSpan:
    code_line, from_line, until_line = lines
    span = CodeSpan(
        _check_code(code, Where(path, code_line, "code")),
        _check_date(start, Where(path, from_line, "from")),
        _check_date(end, Where(path, until_line, "until")),
    )
    if span.start and span.end and span.end < span.start:
        raise InputError(Where(path, until_line, "until"), "'until' is before 'from'")
    return span


def _check_kind(value: object, where: Where) -> str | None:
    if value is None or str(value).strip() == "":
        return None
    kind = str(value).strip().lower()
    if kind not in KINDS:
        raise InputError(where, f"unknown kind {kind!r}: one of {', '.join(sorted(KINDS))}")
    return kind


def _check_name(value: object, where: Where) -> str:
    name = str(value).strip() if value is not None else ""
    if not normalise(name):
        raise InputError(where, "missing name")
    return name


# -- YAML ---------------------------------------------------------------------------------------


def _scalar(node: yaml.Node, where: Where) -> str | None:
    if isinstance(node, yaml.ScalarNode):
        return None if node.tag.endswith(":null") else str(node.value)
    raise InputError(where, "expected a single value")


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def read_yaml(text: str, path: str) -> list[LexEntry]:
    # Composing (not loading) keeps every node's position, so errors can name the line.
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = int(mark.line) + 1 if mark is not None else None
        raise InputError(Where(path, line), f"not valid YAML: {exc}") from None
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        raise InputError(Where(path, _line(root)), "expected a list of entries (- name: ...)")
    entries: list[LexEntry] = []
    for item in root.value:
        if not isinstance(item, yaml.MappingNode):
            raise InputError(Where(path, _line(item)), "expected a mapping with name and code")
        entries.append(_yaml_entry(item, path).entry(path))
    return entries


def _yaml_entry(item: yaml.MappingNode, path: str) -> _Draft:
    fields: dict[str, yaml.Node] = {}
    for key_node, value_node in item.value:
        key = str(key_node.value)
        if key not in YAML_KEYS:
            allowed = ", ".join(sorted(YAML_KEYS))
            raise InputError(Where(path, _line(key_node), key), f"unknown field; use {allowed}")
        fields[key] = value_node
    line = _line(item)

    def value(key: str) -> str | None:
        node = fields.get(key)
        return None if node is None else _scalar(node, Where(path, _line(node), key))

    def line_of(key: str) -> int:
        return _line(fields[key]) if key in fields else line

    draft = _Draft(_check_name(value("name"), Where(path, line_of("name"), "name")), line)
    draft.kind = _check_kind(value("kind"), Where(path, line_of("kind"), "kind"))
    aliases = fields.get("aliases")
    if isinstance(aliases, yaml.SequenceNode):
        for alias in aliases.value:
            where = Where(path, _line(alias), "aliases")
            draft.aliases.append(_check_name(_scalar(alias, where), where))
    elif aliases is not None:
        draft.aliases = [a for a in (value("aliases") or "").split(";") if a.strip()]
    if "codes" in fields:
        if "code" in fields:
            raise InputError(Where(path, line_of("codes"), "codes"), "give 'code' or 'codes'")
        draft.codes = _yaml_codes(fields["codes"], path)
    else:
        lines = (line_of("code"), line_of("from"), line_of("until"))
        draft.codes = [_span(value("code"), value("from"), value("until"), path, lines)]
    return draft


def _yaml_codes(node: yaml.Node, path: str) -> list[CodeSpan]:
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        raise InputError(
            Where(path, _line(node), "codes"), "expected a list of {code, from, until}"
        )
    spans: list[CodeSpan] = []
    for item in node.value:
        if not isinstance(item, yaml.MappingNode):
            raise InputError(Where(path, _line(item), "codes"), "expected {code, from, until}")
        parts = {str(k.value): v for k, v in item.value}
        for key, value_node in parts.items():
            if key not in ("code", "from", "until"):
                raise InputError(Where(path, _line(value_node), key), "unknown field in codes")

        def get(key: str, parts: dict[str, yaml.Node] = parts) -> str | None:
            found = parts.get(key)
            return None if found is None else _scalar(found, Where(path, _line(found), key))

        def at(key: str, parts: dict[str, yaml.Node] = parts, item: yaml.Node = item) -> int:
            return _line(parts[key]) if key in parts else _line(item)

        spans.append(_span(get("code"), get("from"), get("until"), path,
                           (at("code"), at("from"), at("until"))))  # fmt: skip
    return spans


# -- CSV ----------------------------------------------------------------------------------------


def read_csv(text: str, path: str) -> list[LexEntry]:
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in ("name", "code") if c not in header]
    if missing:
        raise InputError(Where(path, 1, missing[0]), f"header needs {', '.join(CSV_COLUMNS)}")
    unknown = [h for h in header if h not in (*CSV_COLUMNS, "kind")]
    if unknown:
        raise InputError(Where(path, 1, unknown[0]), "unknown column")
    reader.fieldnames = header
    drafts: dict[str, _Draft] = {}
    for row in reader:
        line = reader.line_num
        if not any((v or "").strip() for v in row.values()):
            continue
        name = _check_name(row.get("name"), Where(path, line, "name"))
        lines = (line, line, line)
        span = _span(row.get("code"), row.get("from"), row.get("until"), path, lines)
        draft = drafts.get(normalise(name))
        if draft is None:
            draft = drafts[normalise(name)] = _Draft(name, line)
        draft.codes.append(span)
        aliases = (row.get("aliases") or "").replace("|", ";")
        draft.aliases += [a.strip() for a in aliases.split(";") if a.strip()]
        draft.kind = _check_kind(row.get("kind"), Where(path, line, "kind")) or draft.kind
    return [draft.entry(path) for draft in drafts.values()]


# -- TABARI ---------------------------------------------------------------------------------------


def read_tabari(text: str, path: str) -> list[LexEntry]:
    entries = []
    for record in parse_actors(text.splitlines(), path, strict=True):
        codes = tuple(record.codes)
        kind = infer_kind(codes[0].code)
        entries.append(LexEntry(-1, kind, tuple(record.phrases), codes, path, record.line))
    return entries


def read_user_dictionary(path: Path) -> list[LexEntry]:
    """Read one user dictionary; the format is chosen by the file's suffix."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(Where(name), f"cannot read dictionary: {exc}") from None
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return read_yaml(text, name)
    if suffix == ".csv":
        return read_csv(text, name)
    if suffix == ".txt":
        return read_tabari(text, name)
    raise InputError(Where(name), "unknown dictionary format: use .yaml, .yml, .csv or .txt")
