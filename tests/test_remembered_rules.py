"""The coder's pipeline (remembered rules, numpy's matrix products) gives spaCy's own analysis,
token for token."""

from __future__ import annotations

from itertools import islice
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from eventwire import nlp, remembered_rules
from eventwire.document import Document
from eventwire.records import Article
from eventwire.sources import read

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "wikinews" / "articles.jsonl"

# Every kind of rule the English ruler has: several-token patterns ("ai n't", "gon na", "got ta",
# "let 's", "there is" with its expletive, "y' all"), regular expressions ("nothin'"), labels
# (pronoun case by dependency, "do"/"have" as main verbs), whitespace tokens; the same forms
# twice, so that the second is answered from memory.
CONSTRUCTED = [
    "We ain't gonna stop, and they gotta go. Let's see. Y'all know nothin' about it.",
    "Officials said there was danger, and there's no way there were fewer.",
    "I saw you and it saw me.  You did it, and I have it.\n\nThey had done it; she does.",
    "Officials said there was danger, and there's no way there were fewer.",
    "",
    " \n ",
]


def _analysis(doc: spacy.tokens.Doc) -> bytes:
    # The tensor's last digits depend on which library multiplies (blis for spaCy's own, numpy
    # for the coder's); tags, labels, heads, lemmas and entities may not.
    return doc.to_bytes(exclude=["user_data", "tensor"])


@pytest.fixture(scope="module")
def spacy_own() -> Language:
    return spacy.load(nlp.model_name())


def test_the_coders_pipeline_remembers_the_rules() -> None:
    names = nlp.load().pipe_names
    assert remembered_rules.NAME in names
    assert remembered_rules.RULER not in names
    assert remembered_rules.LEMMATIZER not in names


def test_every_token_is_analysed_as_spacy_does(spacy_own: Language) -> None:
    articles = [a for a in islice(read(SAMPLE), 40) if isinstance(a, Article)]
    texts = [Document(article=a).body for a in articles] + CONSTRUCTED
    ours = list(nlp.load().pipe(texts, batch_size=16))
    theirs = list(spacy_own.pipe(texts, batch_size=16))
    assert [_analysis(d) for d in ours] == [_analysis(d) for d in theirs]
    # Several-token rules did apply (the test would prove nothing on text without them).
    assert [t.lemma_ for t in ours[-6][:5]] == ["we", "be", "not", "go", "to"]


def test_a_pipeline_whose_rules_read_more_keeps_spacys_components() -> None:
    own = spacy.load(nlp.model_name())
    own.get_pipe("attribute_ruler").add([[{"ORTH": "Tehran"}]], {"POS": "PROPN"})
    assert not remembered_rules.install(own)
    assert "attribute_ruler" in own.pipe_names
    assert "lemmatizer" in own.pipe_names


def test_a_pipeline_without_a_lemmatizer_keeps_its_ruler() -> None:
    own = spacy.load(nlp.model_name(), exclude=["lemmatizer"])
    assert not remembered_rules.install(own)
    assert "attribute_ruler" in own.pipe_names
    assert remembered_rules.NAME not in own.pipe_names
