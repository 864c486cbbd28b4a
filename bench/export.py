"""Benchmark `kg export`: project and write a 1,000-article graph in every view and format.

    python bench/export.py [--seed FILE.trig] [--articles 1000] [--entity-variants 50] [--out DIR]

The store is synthesised by replicating the seed graph(s) (default: tests/data/export_sample.trig;
for the documented figure, the seed article built by `kg build seeds/ -o seed.trig`) under new
article ids, publication dates shifted by a day per copy. Entities keyed by QID would merge into the
same few nodes in every copy, so each copy renames its entities to one of `--entity-variants`
versions: the graph then has as many actors and as much edge aggregation as a real corpus might.
Prints one row per view: projection time, size, and each writer's time and file size. Times are
wall-clock seconds, with the process's CPU seconds in brackets (they differ on a busy machine).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pyoxigraph import RdfFormat, Store  # noqa: E402

from kg.export import FORMATS, VIEWS, to_networkx, write_graph  # noqa: E402
from kg.store import load_files, query  # noqa: E402
from kg.vocab import XSD  # noqa: E402

XSD_NS = str(XSD)

DEFAULT_SEED = ROOT / "tests" / "data" / "export_sample.trig"


def article_ids(store: Store) -> list[str]:
    rows = query(store, "SELECT DISTINCT ?id WHERE { ?a a schema:NewsArticle ; schema:identifier ?id }")
    return sorted(r["id"].value for r in rows)


_DATE = re.compile(r'"(\d{4}-\d{2}-\d{2})([^"]*)"\^\^<http://www\.w3\.org/2001/XMLSchema#(date|dateTime)>')
_ENTITY = re.compile(r"(/entity/[^>]*)>")


def replicate(nquads: str, ids: list[str], n: int, variants: int) -> str:
    """Copy `n` of the seed's N-Quads: new article ids, entity variant `n % variants`, dates + n days."""
    for aid in ids:
        nquads = nquads.replace(f"/{aid}", f"/{aid}-{n:04d}").replace(f'"{aid}"', f'"{aid}-{n:04d}"')
    nquads = _ENTITY.sub(lambda m: f"{m[1]}~{n % variants}>", nquads)
    shift = dt.timedelta(days=n)
    return _DATE.sub(lambda m: f'"{dt.date.fromisoformat(m[1]) + shift}{m[2]}"^^<{XSD_NS}{m[3]}>', nquads)


def synthesise(seed_path: Path, articles: int, variants: int, directory: Path) -> tuple[Store, int]:
    """An on-disk store (as `kg export --store` reads) of `articles` copies of the seed's articles."""
    seed = load_files([seed_path])
    ids = article_ids(seed)
    nquads = seed.dump(format=RdfFormat.N_QUADS).decode("utf-8")
    store = Store(str(directory))
    copies = -(-articles // len(ids))
    for n in range(copies):
        store.bulk_load(replicate(nquads, ids, n, variants).encode("utf-8"), format=RdfFormat.N_QUADS)
    store.optimize()  # bulk loads leave one file per load; a store built by `kg build` is compacted as it goes
    return store, copies * len(ids)


class Clock:
    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def lap(self) -> str:
        return f"{time.perf_counter() - self.wall:.1f} s ({time.process_time() - self.cpu:.1f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=Path, default=DEFAULT_SEED, help="TriG of the article graph(s) to replicate")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--entity-variants", type=int, default=50)
    parser.add_argument("--out", type=Path, help="keep the exported files here (default: a temporary folder)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        store, n = synthesise(args.seed, args.articles, args.entity_variants, Path(tmp) / "store")
        print(f"store: {n} articles, {len(store)} quads (seed {args.seed.name}), built in {time.perf_counter() - start:.1f} s\n")
        out = args.out or Path(tmp)
        print("| view | nodes | edges | project | " + " | ".join(FORMATS) + " |")
        print("|" + " --- |" * (4 + len(FORMATS)))
        for view in VIEWS:
            clock = Clock()
            graph = to_networkx(store, view)
            cells = [view, str(graph.number_of_nodes()), str(graph.number_of_edges()), clock.lap()]
            for fmt in FORMATS:
                path = out / f"{view}.{fmt}"
                clock = Clock()
                write_graph(graph, path, fmt)
                cells.append(f"{clock.lap()}, {path.stat().st_size / 1e6:.1f} MB")
            print("| " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
