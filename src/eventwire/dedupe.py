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
    """The MinHash of a text as packed unsigned 32-bit values (512 bytes)."""
    from datasketch import MinHash  # numpy-backed; loaded once per process on first use

    minhash = MinHash(num_perm=NUM_PERM, seed=1)
    minhash.update_batch(shingles(text))
    return array("I", (int(v) & 0xFFFFFFFF for v in minhash.hashvalues)).tobytes()


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
