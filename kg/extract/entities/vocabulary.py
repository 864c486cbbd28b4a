"""The gazetteer and lexicons, with the questions about a word that several jobs ask."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.gazetteer import Gazetteer
from kg.lexicon import GroupNoun, Lexicon
from kg.extract.entities.grammar import ARTICLES
from kg.extract.entities.lexicon import DEMONYM_ENDINGS


class Vocabulary:
    """What a word is to the entity jobs: a group noun, a title, a country adjective, part of a name."""

    def __init__(self, gaz: Gazetteer, lex: Lexicon) -> None:
        self.gaz = gaz
        self.lex = lex
        self._demonym_stems = {  # "tschech" of "tschechisch": "Tschechin", "Tschechen" are its people
            a[:-4] for e in gaz.entries.values() if e.type == "Country" for a in e.adjectives if a.endswith("isch")
        }

    def demonym(self, token: Token) -> bool:
        """Is the token a noun for a country's people ("die Tschechin Šárka Záhrobská", "der Schwede",
        "Österreicherin")? Formed from the country adjective's stem, so no list of them is kept."""
        low = token.lower_
        return token.is_title and any(
            low.startswith(stem) and low[len(stem):] in DEMONYM_ENDINGS for stem in self._demonym_stems
        )

    def group_noun(self, token: Token) -> GroupNoun | None:
        """The group noun a token is ("Demonstranten") or heads ("NATO-Mitglieder"), or None."""
        if noun := self.lex.groups.get(token.text):  # "Han-Chinesen" is a form of its own
            return None if noun.compound_only else noun
        first, sep, head = token.text.rpartition("-")
        noun = self.lex.groups.get(head) if sep else None
        return noun if noun and noun.compound else None

    def is_title(self, doc: Doc, i: int) -> bool:
        """Is token i a role or an institution noun ("Bürgermeister", "Regierung")?"""
        return i >= 0 and (self.lex.role(doc[i].text) is not None or self.lex.institution(doc[i].text) is not None)

    def country_adjective(self, token: Token) -> str | None:
        """The stem of a country adjective ("spanisch" for "spanischen"), None for any other word."""
        entry = self.gaz.adjective(token.text) if token.text[:1].islower() or token.is_sent_start else None
        if entry is None or entry.type != "Country":
            return None
        low = token.text.lower()
        return next((a for a in sorted(entry.adjectives, key=len, reverse=True) if low.startswith(a)), None)

    def name_like(self, words: list[Token]) -> bool:
        """Two or three capitalised words, none a known common noun: the shape of a person's name."""
        return 2 <= len(words) <= 3 and all(
            t.is_alpha and t.is_title and t.lower_ not in ARTICLES and not self.lex.person_noun(t.text)
            and not self.lex.institution(t.text) and not self.group_noun(t) and not self.lex.cue(t.text)
            for t in words
        )


class Job:
    """One job of the extractor: it reads the gazetteer, the lexicons and the shared questions."""

    def __init__(self, words: Vocabulary) -> None:
        self.words = words
        self.gaz = words.gaz
        self.lex = words.lex
