"""Helpers of the coder tests: what a sentence codes, as exact sets, and hand-built parses.

Sentence tests run the whole pipeline (the spaCy model) and compare the EXACT set of
(source, CAMEO code, target) a sentence yields, so an extra event fails as a missing one does:
``coded`` at full actor codes, ``countries`` at country prefixes (``""`` is an unnamed side).

Rule tests build a spaCy ``Doc`` by hand with ``parse`` (a blank English vocabulary: no model
is loaded) and, for the rules that need actors, a ``Document`` with hand-made actors whose
mentions sit on the Doc's words (``document``).
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import TYPE_CHECKING

import pytest

from eventwire.document import Document
from eventwire.records import Actor, Article, Event, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

# The publication day of every sentence test unless it says another.
DAY = date(2019, 6, 1)

Coded = set[tuple[str, str, str]]


def coder_bug(reason: str) -> pytest.MarkDecorator:
    """Marks a test whose exact set today's coder misses with a wrong event (``reason`` names
    it and says why it is wrong): the test fails loudly the day the bug is fixed."""
    return pytest.mark.xfail(strict=True, reason=reason)


def events(text: str, day: date = DAY) -> list[Event]:
    """Every event the pipeline codes in ``text``, negated ones included."""
    from eventwire.pipeline import code_text

    return code_text(text, day)


def coded(text: str, day: date = DAY) -> Coded:
    """(source, CAMEO code, target) of the non-negated events of ``text``."""
    return {(e.source, e.cameo, e.target) for e in events(text, day) if not e.negated}


def negated(text: str, day: date = DAY) -> Coded:
    """(source, CAMEO code, target) of the events ``text`` denies ("did not attack")."""
    return {(e.source, e.cameo, e.target) for e in events(text, day) if e.negated}


def countries(text: str, day: date = DAY) -> Coded:
    """(source country, CAMEO code, target country) of the non-negated events of ``text``."""
    return {(s[:3], code, t[:3]) for s, code, t in coded(text, day)}


# --- hand-built parses -------------------------------------------------------------------


@cache
def vocab() -> Vocab:
    """The vocabulary of a blank English pipeline (its lexical attributes: ``like_num``...),
    without building the pipeline, which ``spacy.blank("en")`` would (0.3 s)."""
    from spacy.lang.en import English
    from spacy.vocab import create_vocab

    return create_vocab("en", English.Defaults)


def parse(spec: str, ents: tuple[tuple[int, int, str], ...] = ()) -> Doc:
    """A Doc from one line per word: ``word tag pos dep head [lemma]``.

    ``head`` is the 0-based index of the head word (a ROOT is its own head); the lemma defaults
    to the word in lower case; a word followed by punctuation (``,`` ``.`` ``?`` ``'s``) takes
    no space after it. ``ents`` are (start word, end word, label) spans.
    """
    from spacy.tokens import Doc, Span

    rows = [line.split() for line in spec.strip().splitlines() if line.strip()]
    for row in rows:
        if len(row) not in (5, 6):
            raise ValueError(f"want 'word tag pos dep head [lemma]', got {row}")
    words = [r[0] for r in rows]
    glued = {".", ",", "?", "!", ":", ";", "'s", "n't"}
    spaces = [i + 1 < len(words) and words[i + 1] not in glued for i in range(len(words))]
    doc = Doc(
        vocab(),
        words=words,
        spaces=spaces,
        tags=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[int(r[4]) for r in rows],
        lemmas=[r[5] if len(r) == 6 else r[0].lower() for r in rows],
    )
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return doc


def document(doc: Doc, actors: dict[str, str]) -> Document:
    """A Document over ``doc`` whose actors are the words named in ``actors`` (word -> code,
    e.g. ``{"Chile": "CHL", "police": "CHLCOP"}``): one mention on each occurrence of the
    word, the country and sector read from the code as the actors stage writes them."""
    article = Article(id="t", text=doc.text, published=DAY)
    out = Document(article=article, body=doc.text, parsed=doc)
    for word, code in actors.items():
        mentions = [
            Mention(t.text, t.idx, t.idx + len(t.text), 0, "dictionary")
            for t in doc
            if t.text == word
        ]
        if not mentions:
            raise ValueError(f"no word {word!r} in {doc.text!r}")
        country = code[:3] if len(code) >= 3 and not code.startswith(("IGO", "NGO")) else None
        sector = code[3:6] or None
        out.actors.append(
            Actor(word, code, country, sector, "country" if len(code) == 3 else "agent",
                  "dictionary", mentions)
        )  # fmt: skip
    return out
