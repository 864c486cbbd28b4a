"""The `kg` command: a thin layer over the Python API; known errors become one-line messages."""

from __future__ import annotations

import functools
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click
from pyoxigraph import Store

from kg.errors import KgError
from kg.export.registry import EXPORTERS, FORMATS
from kg.read import parse_date
from kg.store import default_store_path, existing_store, load_files, open_store
from kg.vocab import DEFAULT_BASE

if TYPE_CHECKING:
    from kg.query import Query


def _fail_cleanly(func):
    """KgError -> "kg: error: …" on stderr and exit 1, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except KgError as e:
            message = str(e)
        # raised outside the handler, so no traceback keeps the failed command's store open
        raise click.ClickException(message)

    return wrapper


store_option = click.option(
    "--store", "store_path", type=click.Path(path_type=Path), default=None,
    help="Store directory (default: $KG_STORE or ./kg.store).",
)
data_option = click.option(
    "--data", "data_files", type=click.Path(path_type=Path, exists=True, dir_okay=False), multiple=True,
    help="Query RDF files (.trig, .nq, .ttl, .nt, .jsonld) instead of a store.",
)


def source_store(store_path: Path | None, data_files: tuple[Path, ...]) -> Store:
    """The store a read-only command works on: --data files in memory, else the store directory."""
    if data_files:
        return load_files(data_files)
    return open_store(store_path or default_store_path(), read_only=True)


@click.group()
@click.version_option(package_name="kg")
def main() -> None:
    """kg: German news articles into an event-centric RDF knowledge graph."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Also write the built graphs to a file (.trig, .nq, .ttl, .nt, .jsonld).")
@click.option("--no-store", is_flag=True, help="Write only the -o file (e.g. one shard's N-Quads), no store.")
@click.option("--published", help="Publication date (YYYY-MM-DD) for articles whose file has none.")
@click.option("--model", help="An installed spaCy German pipeline to use instead of kg's own.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI of the graph's nodes.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Extraction processes.")
@click.option("--shard", help="K/N: build only the K-th of N shards of the input (by article id).")
@click.option("--force", is_flag=True, help="Rebuild articles whose text and pipeline are unchanged.")
@click.option("--dask", "dask_address", help="Extract on a Dask cluster (scheduler address, e.g. tcp://host:8786).")
@_fail_cleanly
def build(inputs, store_path, output, no_store, published, model, base, workers, shard, force, dask_address) -> None:
    """Read articles and build their graphs into the store.

    Example: kg build seeds/
    """
    from kg.pipeline import BuildOptions, Shard

    if no_store and not output:
        raise KgError("--no-store needs -o FILE")
    options = BuildOptions(
        parse_date(published, "--published") if published else None, base, workers,
        Shard.parse(shard) if shard else None, force, _dask(dask_address) if dask_address else None,
    )
    report = _build(inputs, None if no_store else store_path or default_store_path(), output, model, options)
    for warning in report.warnings:
        click.echo(f"kg: warning: {warning}", err=True)
    for error in report.failed:
        click.echo(f"kg: error: {error}", err=True)
    if report.failed:
        sys.exit(1)


def _dask(address: str):
    try:
        from dask.distributed import Client
    except ImportError:
        raise KgError('--dask needs Dask: pip install "kg[dask]"') from None
    from kg.distributed import dask_executor

    try:
        return dask_executor(Client(address, timeout=10))
    except OSError as e:
        raise KgError(f"--dask {address}: cannot reach the scheduler ({e})") from None


def _build(inputs, path: Path | None, output: Path | None, model: str | None, options):
    """Run the build (kg.build) with a progress line and print its summary."""
    from kg.api import build as run_build
    from kg.read import count_articles

    with Progress(count_articles(inputs)) as progress:
        report = run_build(inputs, path, output=output, model=model, options=options, on_article=progress.step)
    click.echo(f"{report.summary()} into {' and '.join(str(p) for p in (path, output) if p)}")
    if report.counts:
        click.echo(", ".join(f"{n} {kind}" for kind, n in report.counts.items()) + " in the store")
    return report


class Progress:
    """Articles done, articles/s and ETA on stderr, only when it is a terminal."""

    def __init__(self, total: int) -> None:
        self.total, self.done = total, 0
        self.live = sys.stderr.isatty()
        self.start = self.last = time.monotonic()

    def __enter__(self) -> Progress:
        return self

    def step(self) -> None:
        self.done += 1
        now = time.monotonic()
        if self.live and now - self.last > 0.5:
            self.last = now
            rate = self.done / (now - self.start)
            eta = (self.total - self.done) / rate if rate and self.total > self.done else 0
            click.echo(f"\r{self.done}/{self.total} articles, {rate:.1f}/s, ETA {eta:.0f} s ", err=True, nl=False)

    def __exit__(self, *exc) -> None:
        if self.live and self.done:
            click.echo("", err=True)




@main.command()
@click.argument("query", required=False)
@store_option
@data_option
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "tsv"]), default="table", show_default=True)
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE", help="Set a parameter of the query (see --list); repeatable.")
@click.option("--list", "list_queries", is_flag=True, help="List the bundled queries and their parameters.")
@_fail_cleanly
def query(query, store_path, data_files, fmt, params, list_queries) -> None:
    """Run a bundled query by NAME, a .rq file, or SPARQL text.

    Example: kg query said_about --param who=Putin --param what=NATO
    """
    from kg.query import bundled, load, parse_params, render, resolve

    if list_queries or not query:
        for name in bundled():
            click.echo(_listing(load(name)))
        return
    sparql = resolve(query).bind(parse_params(params))
    _echo_text(render(source_store(store_path, data_files), sparql, fmt))


def _listing(q: Query) -> str:
    """One bundled query for --list: name, what it answers, then its parameters indented."""
    lines = [f"{q.name:<16} {q.description}"]
    for p in q.params.values():
        kind = "" if p.type == "text" else f" ({p.type})"
        default = f" [default {p.default}]" if p.default else ""
        lines.append(f"{'':<18}--param {p.name}=…{kind}{default}  {p.description}")
    return "\n".join(lines)


def _echo_text(text: str) -> None:
    """Print text ending in exactly one line break (CSV and TSV already end in one)."""
    click.echo(text, nl=not text.endswith("\n"))


@main.command()
@click.argument("name")
@store_option
@data_option
@_fail_cleanly
def show(name, store_path, data_files) -> None:
    """Everything about one entity: roles, claims by and about it, events, co-occurring actors, articles.

    NAME is part of a name or of the words that mention it (any case), a Wikidata QID or an IRI;
    if several entities match, they are listed. Example: kg show Merkel
    """
    from kg.show import show as show_entity

    click.echo(show_entity(source_store(store_path, data_files), name))


@main.command(name="eval")
@click.option("--gold", type=click.Path(path_type=Path, exists=True, dir_okay=False), required=True)
@store_option
@data_option
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@_fail_cleanly
def eval_(gold, store_path, data_files, as_json) -> None:
    """Score the built graph against an answer key (precision, recall, F1 per part).

    Example: kg eval --gold tests/data/000_8fcc23ba8dee0ef6.gold.json
    """
    import json

    from kg.evaluate import evaluate

    report = evaluate(source_store(store_path, data_files), gold)
    click.echo(json.dumps(report.as_dict(), indent=2) if as_json else report.render())


@main.command()
@store_option
@data_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on; 127.0.0.1 is this machine only.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="0 picks a free port.")
@click.option("--timeout", type=click.FloatRange(0, min_open=True), default=30.0, show_default=True, help="Seconds per query before 503.")
@click.option("--max-rows", type=click.IntRange(min=1), default=10_000, show_default=True, help="Rows/triples per result before 400.")
@_fail_cleanly
def serve(store_path, data_files, host, port, timeout, max_rows) -> None:
    """Serve the graph as a read-only SPARQL 1.1 endpoint at /sparql (and a query page at /).

    Example: kg serve --port 8000
    """
    from kg.serve import serve as run

    # Each query worker process opens an on-disk store itself (read-only); --data is loaded here.
    store = load_files(data_files) if data_files else existing_store(store_path or default_store_path())
    run(store, host, port, timeout=timeout, max_rows=max_rows, echo=click.echo)


@main.command()
@store_option
@click.option("--gsp", required=True, help="Graph Store endpoint, e.g. http://127.0.0.1:7878/store")
@click.option("--user", help="User for Basic/Digest auth.")
@click.option("--password", envvar="KG_GSP_PASSWORD", help="Password (or $KG_GSP_PASSWORD).")
@_fail_cleanly
def push(store_path, gsp, user, password) -> None:
    """PUT every article graph to a triple store (SPARQL 1.1 Graph Store HTTP Protocol).

    Example: kg push --gsp http://127.0.0.1:7878/store
    """
    from kg.push import push as send

    store = open_store(store_path or default_store_path(), read_only=True)
    count = send(store, gsp, user, password,
                 progress=lambda done, total, graph: click.echo(f"[{done}/{total}] {graph}", err=True))
    click.echo(f"pushed {count} graphs to {gsp}")


@main.command("export")
@store_option
@data_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="Output format (default: from the extension of -o: " + " ".join(e.extension for e in EXPORTERS.values()) + ").")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True, help="File to write.")
@click.option("--view", type=click.Choice(["full", "actors"]), default="full", show_default=True, help="full: entities, events and claims; actors: who said what to whom, who met whom.")
@click.option("--article", "articles", multiple=True, help="Only this article (id or IRI); repeatable.")
@click.option("--type", "types", multiple=True, help="Only these entity types (Person, Organization, Country, Place, Group); repeatable.")
@click.option("--from", "date_from", help="Earliest date: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--to", "date_to", help="Latest date (inclusive), same forms.")
@_fail_cleanly
def export(store_path, data_files, fmt, output, view, articles, types, date_from, date_to) -> None:
    """Write the graph for Gephi, yEd, Cytoscape, D3 or the browser (docs/export.md).

    Example: kg export --view actors --format html -o actors.html
    """
    from kg.export import to_networkx, write_graph

    graph = to_networkx(source_store(store_path, data_files), view, articles or None, types or None, date_from, date_to)
    fmt = write_graph(graph, output, fmt)
    click.echo(f"wrote {output} ({fmt}, {view} view): {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")


@main.command()
@click.argument("article_ids", nargs=-1, required=True)
@store_option
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI the store was built with.")
@_fail_cleanly
def remove(article_ids, store_path, base) -> None:
    """Delete articles (their named graphs) from the store.

    Example: kg remove 000_8fcc23ba8dee0ef6
    """
    from kg.rdf import Iris
    from kg.store import remove_graph

    store = open_store(store_path or default_store_path())
    missing = [a for a in article_ids if not remove_graph(store, Iris(base).graph(a))]
    click.echo(f"removed {len(article_ids) - len(missing)} article(s)")
    if missing:
        raise KgError(f"not in the store: {', '.join(missing)}")


@main.command()
@store_option
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="File to write (.nq, .trig, .ttl, .nt, .jsonld).")
@_fail_cleanly
def dump(store_path, output) -> None:
    """Write the whole store to a file, e.g. N-Quads for a triple store's bulk loader.

    Example: kg dump -o graph.nq
    """
    from kg.store import write_file

    count = write_file(open_store(store_path or default_store_path(), read_only=True), output)
    click.echo(f"wrote {count} quads to {output}")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True, dir_okay=False))
@store_option
@_fail_cleanly
def load(files, store_path) -> None:
    """Merge RDF files (e.g. the N-Quads of `kg build --shard K/N --no-store -o`) into the store.

    Each file is loaded in one transaction; an article graph already in the store is replaced.
    Example: kg load shard-1.nq shard-2.nq
    """
    from kg.store import load_into

    store = open_store(store_path or default_store_path())
    for file in files:
        click.echo(f"{file}: {load_into(store, file)} quads")


if __name__ == "__main__":
    main()
