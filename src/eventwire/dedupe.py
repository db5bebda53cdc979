"""Near-duplicate articles: MinHash fingerprints and LSH band keys that group stories.

The same wire story reaches us through several outlets with small edits. Each article gets a
MinHash of its word 3-shingles; its 128 values are cut into 32 bands of 4, and articles sharing a
band key are candidates, kept when their estimated Jaccard similarity reaches ``THRESHOLD``. With
32 bands of 4 rows, pairs at similarity 0.5 collide with probability 1 - (1 - 0.5**4)**32 ≈ 0.87,
and at 0.7 with probability > 0.999; pairs below 0.3 rarely collide (< 0.23).
"""

from __future__ import annotations

import hashlib
import re
from array import array
from functools import lru_cache
from typing import Any

from eventwire.document import Document

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
# Estimated Jaccard similarity of word 3-shingles above which two articles tell the same story:
# rewrites of one wire report share well over half their 3-shingles; distinct reports of the same
# event share far fewer (the Wikinews sample: no two distinct articles above 0.32, and those
# were templated interviews).
THRESHOLD = 0.5
SHINGLE = 3
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str) -> list[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return [" ".join(words).encode()] if words else []
    return [" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)]


def fingerprint(text: str) -> bytes:
    """The MinHash of a text as packed unsigned 32-bit values (512 bytes).

    The values are those of ``datasketch.MinHash(num_perm=128, seed=1)`` (datasketch 2.0's
    default "affine32" scheme; tests/test_dedupe.py compares the two), computed here without
    importing datasketch, whose package import loads scipy (0.36 s per process), and with the
    permutations drawn once per process instead of once per article.
    """
    return array("I", _minhash(shingles(text)).tolist()).tobytes()


SEED = 1
_MAX_HASH = 0xFFFFFFFF


@lru_cache(maxsize=1)
def _permutations() -> tuple[Any, Any]:
    """The (a, b) of the affine maps h -> a*h + b mod 2**32, as datasketch draws them for
    ``seed``; they depend on constants only, so nothing invalidates them."""
    import numpy as np  # loaded with spaCy already

    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _fmix32(hv: Any) -> Any:
    """MurmurHash3's 32-bit finalizer, which datasketch applies before the affine maps."""
    import numpy as np

    hv = hv ^ (hv >> np.uint32(16))
    hv = hv * np.uint32(0x85EBCA6B)
    hv = hv ^ (hv >> np.uint32(13))
    hv = hv * np.uint32(0xC2B2AE35)
    return hv ^ (hv >> np.uint32(16))


def _minhash(items: list[bytes]) -> Any:
    """The 128 minimum hash values of the items (all 2**32 - 1 for none). A repeated shingle
    cannot change a minimum, so each distinct one is hashed once."""
    import numpy as np

    values = np.full(NUM_PERM, _MAX_HASH, dtype=np.uint32)
    if not items:
        return values
    # datasketch's sha1_hash32: the first 4 bytes of the SHA-1, little-endian.
    digests = b"".join(hashlib.sha1(item).digest()[:4] for item in dict.fromkeys(items))
    hv = _fmix32(np.frombuffer(digests, dtype="<u4").astype(np.uint32).reshape(-1, 1))
    a, b = _permutations()
    return np.minimum(values, (hv * a + b).min(axis=0))


def values(print_: bytes) -> array[int]:
    unpacked = array("I")
    unpacked.frombytes(print_)
    return unpacked


def band_keys(print_: bytes) -> list[tuple[int, int]]:
    """(band number, 63-bit key) for each band of a fingerprint."""
    keys = []
    for band in range(BANDS):
        chunk = print_[band * ROWS * 4 : (band + 1) * ROWS * 4]
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        keys.append((band, int.from_bytes(digest, "big") >> 1))  # fits a signed BIGINT
    return keys


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity: the share of MinHash values two fingerprints agree on."""
    va, vb = values(a), values(b)
    return sum(1 for x, y in zip(va, vb, strict=True) if x == y) / NUM_PERM


def stage(doc: Document) -> Document:
    """Pipeline stage: fingerprint the article's body for story grouping in the store."""
    doc.fingerprint = fingerprint(doc.body)
    return doc
