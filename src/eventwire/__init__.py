"""eventwire: turn news articles into political event data (who did what to whom, when, where)."""

from __future__ import annotations

from functools import lru_cache

__all__ = ["__version__"]


def __getattr__(name: str) -> str:
    # The installed version, read on first use: importing importlib.metadata and finding the
    # distribution costs ~50 ms, which every process (each worker too) paid at start-up.
    if name == "__version__":
        return _installed_version()
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")


@lru_cache(maxsize=1)
def _installed_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("eventwire")
    except PackageNotFoundError:  # running from a source tree without an install
        return "0.0.0+unknown"
