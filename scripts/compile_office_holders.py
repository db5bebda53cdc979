"""Compile ``src/eventwire/data/office_holders.tsv`` and ``legislators.tsv`` into their cache
``office_holders.json.gz``.

The TSVs are the source (edit them, then run this); the cache holds the finished lexicon layer (the
place guard and the older Phoenix roles applied), stamped with the TSVs and the files of the layers
under it.  The package reads the cache when the stamp matches and builds the layer otherwise
(see :mod:`eventwire.actors.officeholders`)::

    .venv/bin/python scripts/compile_office_holders.py
"""

from __future__ import annotations

from pathlib import Path

from eventwire.actors import lexicon, officeholders

DATA = Path(__file__).resolve().parent.parent / "src" / "eventwire" / "data"


def main() -> None:
    source = (DATA / officeholders.OFFICE_HOLDERS).read_bytes()
    members = (DATA / officeholders.LEGISLATORS).read_bytes()
    lower = [
        (DATA / name).read_bytes()
        for name in (
            lexicon.ACTORS_FILE,
            lexicon.COUNTRIES_EXTRA,
            lexicon.AGENTS_EXTRA,
            lexicon.ORGS_EXTRA,
        )
    ]
    entries = officeholders.build_layer(
        source.decode("utf-8"), lexicon.base_lexicon(lower), legislators=members.decode("utf-8")
    )
    stamp = officeholders.stamp(source, members, *lower)
    (DATA / officeholders.CACHE_FILE).write_bytes(officeholders.cache_bytes(entries, stamp))
    spans = sum(len(entry.codes) for entry in entries)
    members_only = sum(1 for entry in entries if entry.source == officeholders.LEGISLATORS)
    print(
        f"{officeholders.CACHE_FILE}: {len(entries)} people ({members_only} from "
        f"{officeholders.LEGISLATORS} alone), {spans} codes"
    )


if __name__ == "__main__":
    main()
