"""Claims of one article (issue 5): who said what, to whom, reported by whom, in which words."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.entities import EntityIndex
from kg.extract.text import SentenceIndex
from kg.model import Claim, Event


class ClaimExtractor:
    def __call__(self, doc: Doc, sents: SentenceIndex, entities: EntityIndex, events: list[Event]) -> list[Claim]:
        return []
