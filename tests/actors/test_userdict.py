"""User dictionaries in YAML, CSV and TABARI form, layered over the shipped lexicon."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.actors import load
from eventwire.errors import InputError

YAML = """\
- name: Tehran
  code: IRNGOV
  kind: metonym
- name: Ali Shamkhani
  code: IRNGOV
  aliases: [Shamkhani, Admiral Shamkhani]
  from: 2013-09-10
  until: 2023-05-22
- name: Vladimir Putin
  codes:
    - {code: RUSGOV, from: 2000-05-07}
    - {code: RUSELI}
"""

CSV = """\
name,code,aliases,from,until
Tehran,IRNGOV,Teheran;Tehran government,,
Ali Shamkhani,IRNMIL,Shamkhani,1997-08-20,2005-08-24
Ali Shamkhani,IRNGOV,,2013-09-10,2023-05-22
"""

TXT = """\
TEHRAN_  [IRNGOV]
+TEHRAN_GOVERNMENT_
ALI_SHAMKHANI_
+SHAMKHANI_
\t[IRNGOV 20130910-20230522]
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "text"), [("u.yaml", YAML), ("u.csv", CSV), ("u.txt", TXT)])
def test_user_entries_override_shipped_ones(tmp_path: Path, name: str, text: str) -> None:
    shipped = load()
    assert shipped.code("Tehran") == "IRN"
    lex = load([write(tmp_path, name, text)])
    (match,) = lex.lookup("Tehran", date(2018, 9, 27))
    assert match.code == "IRNGOV"
    assert match.entry.source.endswith(name)
    assert lex.code("Shamkhani", date(2018, 9, 27)) == "IRNGOV"
    assert lex.code("Ali Shamkhani", date(2023, 5, 23)) is None
    assert lex.code("Iran") == "IRN"  # other shipped entries are untouched
    assert load().code("Tehran") == "IRN"  # the cached default is not modified


def test_yaml_dated_codes_and_inferred_kind(tmp_path: Path) -> None:
    lex = load([write(tmp_path, "u.yml", YAML)])
    assert lex.code("Vladimir Putin", date(1999, 12, 31)) == "RUSELI"
    assert lex.code("Vladimir Putin", date(2018, 1, 1)) == "RUSGOV"
    assert lex.lookup("Ali Shamkhani")[0].kind == "person"
    assert lex.lookup("Tehran")[0].kind == "metonym"


def test_csv_rows_with_one_name_make_one_dated_entry(tmp_path: Path) -> None:
    lex = load([write(tmp_path, "u.csv", CSV)])
    assert lex.code("Shamkhani", date(2000, 1, 1)) == "IRNMIL"
    assert lex.code("Shamkhani", date(2018, 1, 1)) == "IRNGOV"
    assert lex.code("Tehran government") == "IRNGOV"


def test_later_files_win(tmp_path: Path) -> None:
    first = write(tmp_path, "a.csv", "name,code\nFoo Front,AAAREB\n")
    second = write(tmp_path, "b.csv", "name,code\nFoo Front,BBBREB\n")
    assert load([first, second]).code("foo front") == "BBBREB"


@pytest.mark.parametrize(
    ("name", "text", "line", "field"),
    [
        ("bad-code.yaml", "- name: X\n  code: IRNGOVX\n", 2, "code"),
        ("bad-date.yaml", "- name: X\n  code: IRN\n  from: 2018-13-01\n", 3, "from"),
        ("no-name.yaml", "- name: A\n  code: IRN\n- code: IRN\n", 3, "name"),
        ("no-code.yaml", "- name: A\n", 1, "code"),
        ("typo.yaml", "- name: A\n  code: IRN\n  alias: [B]\n", 3, "alias"),
        ("backwards.yaml", "- name: A\n  code: IRN\n  from: 2019-01-01\n  until: 2018-01-01\n",
         4, "until"),
        ("bad-code.csv", "name,code\nA,IRN\nB,irngov1\n", 3, "code"),
        ("bad-date.csv", "name,code,aliases,from,until\nA,IRN,,2018-02-30,\n", 2, "from"),
        ("no-name.csv", "name,code\nA,IRN\n,IRN\n", 3, "name"),
        ("bad-header.csv", "label,code\nA,IRN\n", 1, "name"),
        ("bad-code.txt", "A_ [IRN]\nB_ [IRNGOVX]\n", 2, "code"),
        ("bad-date.txt", "A_\n\t[IRNGOV 20181301-20190101]\n", 2, "date"),
        ("no-name.txt", "+ALIAS_FIRST\n", 1, "name"),
    ],
)  # fmt: skip
def test_validation_errors_name_file_line_and_field(
    tmp_path: Path, name: str, text: str, line: int, field: str
) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(InputError) as caught:
        load([path])
    where = caught.value.where
    assert (where.path, where.line, where.field) == (str(path), line, field)
    assert str(path) in str(caught.value)


def test_unknown_format_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown dictionary format"):
        load([write(tmp_path, "u.json", "[]")])
    with pytest.raises(InputError, match="cannot read"):
        load([tmp_path / "absent.yaml"])


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load([write(tmp_path, "u.yaml", "- name: A\n  code: [IRN\n")])
    assert caught.value.where.line is not None
