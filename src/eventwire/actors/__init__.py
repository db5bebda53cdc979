"""Actors: the lexicon of countries, persons, organisations and agents, with dated codes."""

from eventwire.actors.entries import KINDS, NULL_CODE, CodeSpan, LexEntry, Match, normalise, resolve
from eventwire.actors.index import actor_at, actors_in
from eventwire.actors.lexicon import Lexicon, configured_lexicon, default_lexicon, load

__all__ = [
    "KINDS",
    "NULL_CODE",
    "CodeSpan",
    "LexEntry",
    "Lexicon",
    "Match",
    "actor_at",
    "actors_in",
    "configured_lexicon",
    "default_lexicon",
    "load",
    "normalise",
    "resolve",
]
