"""The embedded Oxigraph store: one named graph per article, replaced as a whole in one transaction."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from pyoxigraph import (
    DefaultGraph, NamedNode, Quad, QueryBoolean, QuerySolutions, QueryTriples, RdfFormat, Store,
)

from kg.errors import QueryError, StoreError
from kg.vocab import KG, PREFIXES

DEFAULT_STORE = Path("kg.store")


def default_store_path() -> Path:
    """`$KG_STORE`, else ./kg.store."""
    return Path(os.environ.get("KG_STORE", DEFAULT_STORE))


def open_store(path: Path | None = None, read_only: bool = False) -> Store:
    """Open (or create) the on-disk store; read-only opens leave a running build undisturbed."""
    path = path or default_store_path()
    try:
        if read_only:
            return Store.read_only(str(existing_store(path)))
        return Store(str(path))
    except OSError as e:
        if f"{os.sep}LOCK" in str(e):  # RocksDB's lock file: another writer has the store open
            raise StoreError(f"{path}: the store is in use by another kg process (a build, load or "
                             "remove); wait for it to finish, or give another --store") from None
        raise StoreError(f"{path}: cannot open store ({e})") from None


def existing_store(path: Path) -> Path:
    """The path, if a store directory is there; else a StoreError saying how to make one."""
    if not path.is_dir():
        raise StoreError(f"{path}: no store here (build one with `kg build … --store {path}`)")
    return path


def rdf_format(path: Path) -> RdfFormat:
    fmt = RdfFormat.from_extension(path.suffix.lstrip("."))
    if fmt is None:
        raise StoreError(f"{path}: unknown RDF format {path.suffix!r} (use .trig, .nq, .ttl, .nt, .jsonld)")
    return fmt


def load_files(paths: Sequence[Path]) -> Store:
    """An in-memory store holding RDF files (format by extension), for `--data`."""
    store = Store()
    for path in paths:
        load_into(store, path)
    return store


def load_into(store: Store, path: Path) -> int:
    """Load one file in one transaction, replacing the graphs it holds; returns its quad count."""
    fmt = rdf_format(path)
    scratch = Store()
    try:
        scratch.bulk_load(path=str(path), format=fmt)
    except (OSError, SyntaxError, ValueError) as e:
        raise StoreError(f"{path}: cannot load ({e})") from None
    updates = [
        graph_update(g.value, ntriples(scratch.quads_for_pattern(None, None, None, g)))
        for g in scratch.named_graphs()
    ]
    default = ntriples(scratch.quads_for_pattern(None, None, None, DefaultGraph()))
    if default:
        updates.append(f"INSERT DATA {{\n{default}\n}}")
    if updates:
        store.update(" ;\n".join(updates))
    return len(scratch)


def ntriples(quads: Iterable[Quad]) -> str:
    """The triples of quads as N-Triples text: plain strings cross process boundaries cheaply."""
    return "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)


def nquads(graphs: Iterable[tuple[str, str]]) -> str:
    """(graph IRI, N-Triples) pairs as one N-Quads document: each triple line gets its graph."""
    return "\n".join(f"{line[:-1]}<{graph}> ." for graph, triples in graphs for line in triples.split("\n") if line)


def graph_update(graph: str, triples: str) -> str:
    """SPARQL Update replacing one article's graph; several joined by " ;" run as one transaction."""
    return f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{\n{triples}\n}} }}"


def add_graph(store: Store, graph: str, triples: str) -> None:
    """Load one graph's N-Triples into a (scratch) store."""
    store.load(input=triples, format=RdfFormat.N_TRIPLES, to_graph=NamedNode(graph))


def remove_graph(store: Store, graph: NamedNode) -> bool:
    """Delete one article's graph; False if it was not there."""
    if not store.contains_named_graph(graph):
        return False
    store.remove_graph(graph)
    return True


def stored_hashes(store: Store) -> dict[str, tuple[str, str]]:
    """article IRI -> (content hash, pipeline) of what is stored, for incremental builds."""
    rows = store.query(
        f"SELECT ?a ?h ?p WHERE {{ GRAPH ?g {{ ?a <{KG.contentHash.value}> ?h ; <{KG.pipeline.value}> ?p }} }}"
    )
    return {row["a"].value: (row["h"].value, row["p"].value) for row in rows}


def query(store: Store, sparql: str) -> QuerySolutions | QueryBoolean | QueryTriples:
    """Run a query over the union of all article graphs, with the model's prefixes predeclared."""
    try:
        return store.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES)
    except SyntaxError as e:
        raise QueryError(f"SPARQL syntax error: {e}") from None


def write_file(store: Store, path: Path) -> int:
    """Serialise the store to `path` (format by extension) atomically; returns the quad count."""
    fmt = rdf_format(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    os.close(fd)
    os.chmod(tmp, 0o644)  # readable by a bulk loader running as another user
    try:
        if fmt.supports_datasets:
            store.dump(tmp, format=fmt, prefixes=PREFIXES)
        else:  # a triples-only format holds the union of the article graphs
            _union(store).dump(tmp, format=fmt, from_graph=DefaultGraph(), prefixes=PREFIXES)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(store)


def _union(store: Store) -> Store:
    union = Store()
    union.bulk_extend(Quad(q.subject, q.predicate, q.object) for q in store)
    return union
