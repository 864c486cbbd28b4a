"""read → NLP → extract → model → RDF → store: the build, one article at a time.

Each article is one transaction: its named graph is replaced whole or not at all, and a failing
article is reported without stopping the batch.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Quad, Store
from spacy.language import Language

import kg
from kg import nlp as kg_nlp
from kg.errors import InputError, KgError
from kg.extract.claims import ClaimExtractor
from kg.extract.entities import EntityExtractor
from kg.extract.events import EventExtractor
from kg.extract.text import SentenceIndex
from kg.model import Article, ArticleGraph
from kg.rdf import Iris, to_quads
from kg.read import iter_articles
from kg.store import replace_graph
from kg.vocab import DEFAULT_BASE


@dataclass
class Extractor:
    """Everything between an Article and its ArticleGraph."""

    nlp: Language
    model_name: str = "kg"

    def __post_init__(self) -> None:
        self.entities = EntityExtractor()
        self.events = EventExtractor()
        self.claims = ClaimExtractor()
        meta = self.nlp.meta
        self.pipeline = f"kg {kg.__version__}; {meta.get('name', self.model_name)} {meta.get('version', '')}".strip()

    def extract(self, article: Article, doc=None) -> ArticleGraph:
        doc = doc if doc is not None else self.nlp(article.text)
        sents = SentenceIndex(doc)
        index = self.entities(doc, sents, article.id)
        anchor = article.published.date() if article.published else None
        events = self.events(doc, sents, index, anchor)
        claims = self.claims(doc, sents, index, events)
        return ArticleGraph(article, sents.sentences, index.entities, events, claims, pipeline=self.pipeline)

    def extract_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[ArticleGraph]:
        stream = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
            yield self.extract(article, doc)


@dataclass
class BuildReport:
    built: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[KgError] = field(default_factory=list)
    quads: int = 0

    def summary(self) -> str:
        parts = [f"built {len(self.built)} article(s)", f"{self.quads} quads"]
        if self.skipped:
            parts.append(f"skipped {len(self.skipped)} unchanged")
        if self.failed:
            parts.append(f"failed {len(self.failed)}")
        return ", ".join(parts)


@functools.cache
def load_extractor(model: str | None = None) -> Extractor:
    """The extractor for a pipeline, loaded once per process (loading costs seconds)."""
    return Extractor(kg_nlp.load(model), model or "kg")


def build(
    inputs: Iterable[Path],
    store: Store | None,
    extractor: Extractor,
    published: dt.datetime | None = None,
    base: str = DEFAULT_BASE,
    sink: list[Quad] | None = None,
    on_error=None,
) -> BuildReport:
    """Build every article under `inputs` into `store` (and/or collect quads into `sink`)."""
    report = BuildReport()
    iris = Iris(base)

    def articles() -> Iterator[Article]:
        for item in iter_articles(inputs, published):
            if isinstance(item, InputError):
                report.failed.append(item)
                if on_error:
                    on_error(item)
            else:
                yield item

    for ag in extractor.extract_many(articles()):
        quads = to_quads(ag, base)
        if store is not None:
            replace_graph(store, iris.graph(ag.article.id), quads)
        if sink is not None:
            sink.extend(quads)
        report.built.append(ag.article.id)
        report.quads += len(quads)
    return report


