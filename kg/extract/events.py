"""Events of one article (issue 4): typed, dated, placed, with participants and status."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from kg.extract.entities import EntityIndex
from kg.extract.text import SentenceIndex
from kg.model import Event


class EventExtractor:
    def __call__(self, doc: Doc, sents: SentenceIndex, entities: EntityIndex, anchor: dt.date | None) -> list[Event]:
        return []
