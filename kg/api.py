"""The Python API of a build: what `kg build` does, callable from a notebook or another program.

    import kg
    report = kg.build(["seeds/"], store="kg.store", output="graph.trig")
    print(report.summary(), report.counts)

The CLI is a thin layer over this function: it adds the progress line and turns the report into
messages and an exit code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from pyoxigraph import Store

from kg.pipeline import BuildOptions, BuildReport, build as run_build, load_extractor
from kg.rdf import Iris
from kg.store import add_graph, open_store, query, write_file
from kg.vocab import DEFAULT_BASE

COUNTS = """
SELECT ?kind (COUNT(DISTINCT ?x) AS ?n) WHERE {
  VALUES (?class ?kind) { (schema:NewsArticle "articles") (schema:Person "people")
    (schema:Organization "organizations") (schema:Country "countries") (schema:Place "places")
    (kg:Group "groups") (sem:Event "events") (schema:Claim "claims") }
  ?x a ?class
} GROUP BY ?kind ORDER BY DESC(?n)
"""


def build(
    inputs: Iterable[str | Path],
    store: str | Path | Store | None = None,
    *,
    output: str | Path | None = None,
    published: dt.datetime | None = None,
    model: str | None = None,
    base: str = DEFAULT_BASE,
    options: BuildOptions | None = None,
    on_article: Callable[[], None] | None = None,
) -> BuildReport:
    """Build the articles under `inputs` (files, directories, .jsonl corpora) into `store` (a store
    directory, an open pyoxigraph Store, or None for none) and/or the RDF file `output`.

    `options` carries the rest (workers, shard, force, an executor); `published` and `base`, when
    given, set its fields. Failing inputs do not stop the build: they are in `report.failed`. With a
    store, `report.counts` holds its articles, people, … events and claims after the build.
    """
    given = options or BuildOptions()  # the caller's options are left as they were
    options = replace(given, base=given.base if base == DEFAULT_BASE else base,
                      published=published or given.published)
    handle = open_store(Path(store)) if isinstance(store, (str, Path)) else store
    sink: list[tuple[str, str]] | None = [] if output is not None else None
    report = run_build([Path(i) for i in inputs], handle, load_extractor(model), options, sink, on_article)
    if output is not None and sink is not None:
        _write_output(Path(output), sink, handle, report.skipped, options.base)
    if handle is not None and (report.built or report.skipped):
        report.counts = {row["kind"].value: int(row["n"].value) for row in query(handle, COUNTS)}
    return report


def _write_output(path: Path, built: list[tuple[str, str]], store: Store | None, skipped: list[str], base: str) -> None:
    """The graphs of this build's articles (built now, or unchanged in the store) to one file."""
    out = Store()
    for graph, triples in built:
        add_graph(out, graph, triples)
    for article_id in skipped if store is not None else ():
        graph = Iris(base).graph(article_id)
        out.bulk_extend(store.quads_for_pattern(None, None, None, graph))
    write_file(out, path)
