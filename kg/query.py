"""Bundled SPARQL queries and result formatting for `kg query`."""

from __future__ import annotations

import re
from pathlib import Path

from pyoxigraph import QueryBoolean, QueryResultsFormat, QuerySolutions, QueryTriples, RdfFormat, Store

from kg.errors import QueryError
from kg.store import query as run_query

QUERY_DIR = Path(__file__).parent / "queries"
FORMATS = {"json": QueryResultsFormat.JSON, "csv": QueryResultsFormat.CSV, "tsv": QueryResultsFormat.TSV}


def bundled() -> dict[str, Path]:
    return {p.stem: p for p in sorted(QUERY_DIR.glob("*.rq"))}


def describe(path: Path) -> str:
    """The first comment line of a bundled query: what it answers."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            return line.lstrip("# ").strip()
    return ""


def resolve(text: str) -> str:
    """A bundled query's NAME, a path to a .rq file, or SPARQL itself."""
    if text in bundled():
        return bundled()[text].read_text(encoding="utf-8")
    if text.endswith((".rq", ".sparql")):
        path = Path(text)
        if not path.is_file():
            raise QueryError(f"{text}: no such query file")
        return path.read_text(encoding="utf-8")
    if re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", text, re.IGNORECASE):
        return text
    names = ", ".join(bundled())
    raise QueryError(f"{text!r} is neither a bundled query ({names}), a .rq file, nor SPARQL")


def select(store: Store, sparql: str) -> tuple[list[str], list[dict[str, str | None]]]:
    """Rows of a SELECT as plain strings (IRIs and literal values), None where unbound."""
    results = run_query(store, sparql)
    if not isinstance(results, QuerySolutions):
        raise QueryError("expected a SELECT query")
    names = [v.value for v in results.variables]
    rows = [{n: (row[n].value if row[n] is not None else None) for n in names} for row in results]
    return names, rows


def render(store: Store, sparql: str, fmt: str = "table") -> str:
    """Run a query and render its results: table, json (SPARQL 1.1 Results JSON), csv or tsv."""
    results = run_query(store, sparql)
    if isinstance(results, QueryTriples):
        return results.serialize(format=RdfFormat.TURTLE).decode()
    if fmt in FORMATS:
        return results.serialize(format=FORMATS[fmt]).decode()
    if isinstance(results, QueryBoolean):
        return "true" if bool(results) else "false"
    names = [v.value for v in results.variables]
    rows = [[_cell(row[n]) for n in names] for row in results]
    return _table(names, rows)


def _cell(term) -> str:
    return "" if term is None else term.value


def _table(names: list[str], rows: list[list[str]]) -> str:
    widths = [min(max([len(n), *(len(r[i]) for r in rows)]), 60) for i, n in enumerate(names)]
    clip = lambda s, w: s if len(s) <= w else s[: w - 1] + "…"  # noqa: E731
    lines = [" | ".join(n.ljust(w) for n, w in zip(names, widths))]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(clip(c.replace("\n", " "), w).ljust(w) for c, w in zip(r, widths)) for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)
