"""The `kg` command: a thin layer over the Python API; known errors become one-line messages."""

from __future__ import annotations

import datetime as dt
import functools
import sys
from pathlib import Path

import click
from pyoxigraph import Store

from kg.errors import KgError
from kg.read import parse_date
from kg.store import default_store_path, load_files, open_store
from kg.vocab import DEFAULT_BASE


def _fail_cleanly(func):
    """KgError -> "kg: error: …" on stderr and exit 1, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except KgError as e:
            raise click.ClickException(str(e)) from None

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
@click.option("--published", help="Publication date (YYYY-MM-DD) for articles whose file has none.")
@click.option("--model", help="An installed spaCy German pipeline to use instead of kg's own.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI of the graph's nodes.")
@_fail_cleanly
def build(inputs, store_path, output, published, model, base) -> None:
    """Read articles and build their graphs into the store.

    Example: kg build seeds/
    """
    from kg.pipeline import build as run_build, load_extractor
    from kg.store import write_file

    when = parse_date(published, "--published") if published else None
    extractor = load_extractor(model)
    store = open_store(store_path or default_store_path())
    sink: list | None = [] if output else None
    report = run_build(inputs, store, extractor, when, base, sink, on_error=_report_error)
    store.flush()
    if output and sink is not None:
        out = Store()
        out.bulk_extend(sink)
        write_file(out, output)
    click.echo(report.summary() + f" into {store_path or default_store_path()}" + (f" and {output}" if output else ""))
    if report.built:
        from kg.store import query

        counts = query(store, COUNTS)
        click.echo(", ".join(f"{row['n'].value} {row['kind'].value}" for row in counts) + " in the store")
    if report.failed:
        sys.exit(1)


COUNTS = """
SELECT ?kind (COUNT(DISTINCT ?x) AS ?n) WHERE {
  VALUES (?class ?kind) { (schema:NewsArticle "articles") (schema:Person "people")
    (schema:Organization "organizations") (schema:Country "countries") (schema:Place "places")
    (kg:Group "groups") (sem:Event "events") (schema:Claim "claims") }
  ?x a ?class
} GROUP BY ?kind ORDER BY DESC(?n)
"""


def _report_error(error: KgError) -> None:
    click.echo(f"kg: error: {error}", err=True)


@main.command()
@click.argument("query", required=False)
@store_option
@data_option
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "tsv"]), default="table", show_default=True)
@click.option("--list", "list_queries", is_flag=True, help="List the bundled queries.")
@_fail_cleanly
def query(query, store_path, data_files, fmt, list_queries) -> None:
    """Run a bundled query by NAME, a .rq file, or SPARQL text.

    Example: kg query entities --format csv
    """
    from kg.query import bundled, describe, render, resolve

    if list_queries or not query:
        for name, path in bundled().items():
            click.echo(f"{name:<16} {describe(path)}")
        return
    click.echo(render(source_store(store_path, data_files), resolve(query), fmt))


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


if __name__ == "__main__":
    main()
