"""Extractors: spaCy Doc -> the typed model (kg.model). Each module has one job."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.claims import ClaimExtractor
from kg.extract.entities import EntityExtractor
from kg.extract.events import EventExtractor
from kg.extract.text import SentenceIndex
from kg.model import Article, ArticleGraph


class DocExtractor:
    """A parsed article to its graph: entities first, then events (which need them), then claims
    (which need both)."""

    def __init__(self) -> None:
        self.entities = EntityExtractor()
        self.events = EventExtractor()
        self.claims = ClaimExtractor()

    def __call__(self, article: Article, doc: Doc, pipeline: str) -> ArticleGraph:
        sents = SentenceIndex(doc)
        index = self.entities(doc, sents, article.id)
        anchor = article.published.date() if article.published else None
        events = self.events(doc, sents, index, anchor)
        claims = self.claims(doc, sents, index, events)
        return ArticleGraph(article, sents.sentences, index.entities, events, claims, pipeline=pipeline)
