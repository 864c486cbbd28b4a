"""read → NLP → extract → model → RDF → store: the build, as a stream.

Articles flow through `nlp.pipe` in batches (or through worker processes), and their graphs are
written in batched transactions: each article's named graph is replaced whole or not at all, an
unchanged article (same text, same pipeline) is skipped, and a failing input is reported without
stopping the rest.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING

from pyoxigraph import RdfFormat, Store

import kg
from kg import nlp as kg_nlp
from kg.errors import InputError, KgError
from kg.lexicon import DATA_DIR
from kg.model import Article, ArticleGraph
from kg.rdf import Iris, content_hash, to_quads
from kg.read import article_warnings, iter_articles
from kg.store import graph_update, nquads, ntriples, stored_hashes
from kg.vocab import DEFAULT_BASE

if TYPE_CHECKING:  # imported where first needed, see Extractor
    from spacy.language import Language
    from spacy.tokens import Doc

    from kg.extract import DocExtractor

BATCH = 32  # articles per nlp.pipe batch and per store transaction
CHUNK = 8  # articles per job sent to a worker process or cluster
FLUSH_EVERY = 8  # batches between flushes of the store's write buffers
COMPACT_SHARE = 10  # compact the store after a build that replaced 1/10 of its graphs or more


class Extractor:
    """Everything between an Article and its ArticleGraph.

    The spaCy pipeline and the extractors (whose import alone takes seconds) are loaded on first
    use: a rebuild that finds every article unchanged never pays for them.
    """

    def __init__(self, model: str | None = None) -> None:
        self.model = model
        self.pipeline = f"kg {kg.__version__}+{_source_digest()}; {kg_nlp.describe(model)}"

    @functools.cached_property
    def nlp(self) -> Language:
        return kg_nlp.load(self.model)

    @functools.cached_property
    def from_doc(self) -> DocExtractor:
        from kg.extract import DocExtractor

        return DocExtractor()

    def extract(self, article: Article, doc: Doc | None = None) -> ArticleGraph:
        return self.from_doc(article, doc if doc is not None else self.nlp(article.text), self.pipeline)

    def extract_many(self, articles: Iterable[Article], batch_size: int = BATCH) -> Iterator[ArticleGraph]:
        stream = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
            yield self.extract(article, doc)


# Parts of the package that only read a built graph: editing them changes no article's graph.
_READERS_ONLY = frozenset({"cli.py", "serve.py", "query.py", "push.py", "evaluate.py", "export", "train"})


def source_digest(package: Path) -> str:
    """A digest of the code and lexicons that turn text into graphs: after an upgrade or an edit of
    either, every article is due for a rebuild (the version alone misses edits between releases)."""
    digest = hashlib.sha1()
    files = [p for p in package.rglob("*.py") if p.relative_to(package).parts[0] not in _READERS_ONLY]
    for path in sorted(files + [p for p in (package / DATA_DIR.name).glob("*") if p.is_file()]):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:10]


@functools.cache
def _source_digest() -> str:
    return source_digest(Path(kg.__file__).parent)


@functools.cache
def load_extractor(model: str | None = None) -> Extractor:
    """The extractor for a pipeline, one per process (loading a pipeline costs seconds)."""
    return Extractor(model)


@dataclass
class BuildReport:
    built: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[KgError] = field(default_factory=list)
    warnings: list[InputError] = field(default_factory=list)
    quads: int = 0
    counts: dict[str, int] = field(default_factory=dict)  # what the store holds after the build, by kind

    def summary(self) -> str:
        parts = [f"built {len(self.built)} article(s)", f"{self.quads} quads"]
        if self.skipped:
            parts.append(f"skipped {len(self.skipped)} unchanged")
        if self.failed:
            parts.append(f"failed {len(self.failed)}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Shard:
    """`--shard K/N`: this run builds the articles whose id hashes to K of N (1-based)."""

    k: int
    n: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        try:
            k, n = (int(x) for x in text.split("/"))
        except ValueError:
            raise KgError(f"--shard {text!r}: expected K/N, e.g. 1/4") from None
        if not 1 <= k <= n:
            raise KgError(f"--shard {text!r}: K must be between 1 and N")
        return cls(k, n)

    def __contains__(self, article_id: str) -> bool:
        digest = hashlib.sha1(article_id.encode("utf-8")).digest()
        return int.from_bytes(digest[:8], "big") % self.n == self.k - 1


Serialised = tuple[str, str, str, int]  # article id, graph IRI, N-Triples, quad count
# chunks of articles, model, base -> their serialised graphs, chunk by chunk in input order
Executor = Callable[[Iterator[list[Article]], "str | None", str], Iterator[list[Serialised]]]


@dataclass
class BuildOptions:
    published: dt.datetime | None = None
    base: str = DEFAULT_BASE
    workers: int = 1
    shard: Shard | None = None
    force: bool = False  # rebuild unchanged articles too
    executor: Executor | None = None  # run extraction elsewhere, e.g. kg.distributed.dask_executor


def build(
    inputs: Iterable[Path],
    store: Store | None,
    extractor: Extractor,
    options: BuildOptions | None = None,
    sink: list[tuple[str, str]] | None = None,
    on_article: Callable[[], None] | None = None,
) -> BuildReport:
    """Build every article under `inputs` into `store`; `sink` collects (graph IRI, N-Triples) of each."""
    options = options or BuildOptions()
    report = BuildReport()
    known = stored_hashes(store) if store is not None and not options.force else {}
    stored = {graph.value for graph in store.named_graphs()} if store is not None else set()
    iris = Iris(options.base)
    seen: dict[str, str] = {}

    def todo() -> Iterator[Article]:
        for item in iter_articles(inputs, options.published):
            if isinstance(item, InputError):
                report.failed.append(item)
            elif options.shard and item.id not in options.shard:
                continue
            elif item.id in seen:
                report.failed.append(InputError(item.source, f"duplicate article id {item.id!r} (first read from {seen[item.id]}); skipped"))
            else:
                seen[item.id] = item.source
                report.warnings += [InputError(item.source, text) for text in article_warnings(item)]
                if known.get(iris.article(item.id).value) == (content_hash(item.text), extractor.pipeline):
                    report.skipped.append(item.id)
                    if on_article:
                        on_article()
                else:
                    yield item

    graphs = _extract(todo(), extractor, options)
    batches = iter(lambda: list(islice(graphs, BATCH)), [])
    replaced = 0
    for batch in _written(batches, store, stored):
        for article_id, graph, triples, count in batch:
            if sink is not None:
                sink.append((graph, triples))
            report.built.append(article_id)
            report.quads += count
            replaced += graph in stored
            if on_article:
                on_article()
    if store is not None and replaced and replaced * COMPACT_SHARE >= len(stored):
        # A replaced graph leaves its old quads as tombstones until RocksDB compacts them: without
        # this, each `--force` rebuild of the same corpus grew the store by about its own size.
        store.flush()  # memtables to disk first, so that the write-ahead log can go too
        store.optimize()
    return report


def _written(batches: Iterator[list[Serialised]], store: Store | None, stored: set[str]) -> Iterator[list[Serialised]]:
    """Each batch once its store transaction has committed, in order.

    The store writes on a thread of its own (pyoxigraph releases the GIL while it parses and
    commits), so writing batch n overlaps extracting batch n + 1; one batch waits at most.
    """
    if store is None:
        yield from batches
        return
    pending: deque[tuple[Future, list[Serialised]]] = deque()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-store") as writer:
        for n, batch in enumerate(batches):
            pending.append((writer.submit(_write_batch, store, batch, stored, n % FLUSH_EVERY == FLUSH_EVERY - 1), batch))
            if len(pending) > 1:
                future, done = pending.popleft()
                future.result()
                yield done
        for future, done in pending:
            future.result()
            yield done


def _write_batch(store: Store, batch: list[Serialised], stored: set[str], flush: bool) -> None:
    """The batch's article graphs: new ones in one load, ones already in the store replaced in one
    update (each a transaction, so every article is written whole or not at all). Loading N-Quads
    costs about a third less CPU than the same quads as SPARQL INSERT DATA."""
    new = [(graph, triples) for _, graph, triples, _ in batch if graph not in stored]
    if new:
        store.load(nquads(new), format=RdfFormat.N_QUADS)
    replaced = [graph_update(graph, triples) for _, graph, triples, _ in batch if graph in stored]
    if replaced:
        store.update(" ;\n".join(replaced))
    if flush:
        store.flush()  # write buffers to disk, so memory stays flat on long builds


def _extract(articles: Iterator[Article], extractor: Extractor, options: BuildOptions) -> Iterator[Serialised]:
    """Each article's graph as text, in input order: here, in worker processes, or on a cluster.
    With nothing to build (an unchanged corpus), no pipeline is loaded."""
    first = next(articles, None)
    if first is None:
        return
    articles = chain([first], articles)
    if options.executor is not None:
        for chunk in options.executor(_chunks(articles, CHUNK), extractor.model, options.base):
            yield from chunk
    elif options.workers > 1:
        extractor.nlp  # load before forking: the workers share the loaded pipeline's memory
        work = functools.partial(extract_chunk, model=extractor.model, base=options.base)
        with multiprocessing.get_context("fork").Pool(options.workers, _quiet_orphan) as pool:
            for chunk in pool.imap(work, _chunks(articles, CHUNK)):
                yield from chunk
    else:
        for ag in extractor.extract_many(articles):
            yield _serialise(ag, options.base)


def _quiet_orphan() -> None:
    """In a worker: exit at once and silently when the build process dies (killed), instead of
    finishing the chunk and printing a BrokenPipeError traceback when its result cannot be sent.
    A worker caught sending dies of SIGPIPE; the others (maybe waiting for the lock it held) are
    ended by a watcher thread."""
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="kg-orphan-watch", daemon=True).start()


def extract_chunk(chunk: list[Article], model: str | None, base: str) -> list[Serialised]:
    """A worker's job (process pool or cluster): extract a chunk with the process's own pipeline."""
    return [_serialise(ag, base) for ag in load_extractor(model).extract_many(chunk)]


def _serialise(ag: ArticleGraph, base: str) -> Serialised:
    quads = to_quads(ag, base)
    return ag.article.id, Iris(base).graph(ag.article.id).value, ntriples(quads), len(quads)


def _chunks(items: Iterator[Article], size: int) -> Iterator[list[Article]]:
    while chunk := list(islice(items, size)):
        yield chunk
