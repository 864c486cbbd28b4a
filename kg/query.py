"""Bundled SPARQL queries, their parameters, and result formatting for `kg query` and `kg show`.

A query declares its parameters in header comments, one a line:

    # @param who: the speaker (part of a name, a Wikidata QID or an IRI); empty: anyone
    # @param from (date): earliest date, YYYY, YYYY-MM or YYYY-MM-DD
    # @param min (integer) = 1: fewest shared sentences

and uses each as `$name` in its body. `$who` is an ordinary SPARQL variable, so the file runs
as it is (in YASGUI, another store) with the parameter unbound; the queries wrap it in
`COALESCE($who, "")` so that unbound means "no filter". `bind` replaces every `$name` token
outside strings, IRIs and comments by the value written as an RDF literal (pyoxigraph's
N-Triples form, which escapes quotes, backslashes and line breaks), so no value can change the
query's structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from pyoxigraph import (
    Literal, NamedNode, QueryBoolean, QueryResultsFormat, QuerySolutions, QueryTriples, RdfFormat, Store,
)

from kg.errors import QueryError
from kg.store import query as run_query
from kg.vocab import PREFIXES, XSD

QUERY_DIR = Path(__file__).parent / "queries"
FORMATS = {"json": QueryResultsFormat.JSON, "csv": QueryResultsFormat.CSV, "tsv": QueryResultsFormat.TSV}
TYPES = ("text", "date", "integer")
MAX_VALUE = 500  # characters: a name or a date, never a document

_PARAM = re.compile(r"^#\s*@param\s+(\w+)\s*(?:\((\w+)\))?\s*(?:=\s*(\S*))?\s*:\s*(.*)$")
# What a `$name` may not be replaced in: long and short strings, IRIs, comments (in that order).
_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*'
    r"|\$(\w+)"
)
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


@dataclass(frozen=True)
class Param:
    """One declared parameter of a query: `kg query NAME --param name=value`, `?name=value` on the endpoint."""

    name: str
    type: str
    default: str
    description: str

    def literal(self, value: str) -> str:
        """The value as a SPARQL literal; QueryError naming the parameter if it is not of its type."""
        if len(value) > MAX_VALUE:
            raise QueryError(f"parameter {self.name}: longer than {MAX_VALUE} characters")
        if self.type == "integer":
            if not re.fullmatch(r"[+-]?\d{1,18}", value.strip()):
                raise QueryError(f"parameter {self.name}: {value!r} is not an integer")
            return str(Literal(str(int(value)), datatype=XSD.integer))
        if self.type == "date" and value and not _is_date(value):
            raise QueryError(f"parameter {self.name}: {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        return str(Literal(value))


def _is_date(value: str) -> bool:
    if not _DATE.fullmatch(value):
        return False
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        date(*parts[:3])
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Query:
    """A SPARQL text with the parameters its header declares."""

    name: str
    text: str

    @property
    def description(self) -> str:
        """The first comment line: what the query answers."""
        for line in self.text.splitlines():
            if line.startswith("#") and not _PARAM.match(line):
                return line.lstrip("# ").strip()
        return ""

    @property
    def params(self) -> dict[str, Param]:
        found = {}
        for line in self.text.splitlines():
            if m := _PARAM.match(line):
                kind = m[2] or "text"
                if kind not in TYPES:
                    raise QueryError(f"{self.name}: parameter {m[1]} has unknown type {kind!r} (use {', '.join(TYPES)})")
                found[m[1]] = Param(m[1], kind, m[3] or "", m[4].strip())
        return found

    def bind(self, values: dict[str, str] | None = None) -> str:
        """The SPARQL with every declared parameter set (given value, else its default)."""
        values = values or {}
        params = self.params
        unknown = sorted(set(values) - set(params))
        if unknown:
            known = ", ".join(params) or "none"
            raise QueryError(f"{self.name}: unknown parameter {', '.join(unknown)} (it takes: {known})")
        literals = {name: p.literal(values.get(name, p.default)) for name, p in params.items()}
        return _TOKENS.sub(lambda m: literals.get(m[1], m[0]) if m[1] else m[0], self.text)


def bundled() -> dict[str, Path]:
    return {p.stem: p for p in sorted(QUERY_DIR.glob("*.rq"))}


@cache
def load(name: str) -> Query:
    """A bundled query by name (cached: the files ship with the package and do not change)."""
    paths = bundled()
    if name not in paths:
        raise QueryError(f"no bundled query {name!r} (there are: {', '.join(paths)})")
    return Query(name, paths[name].read_text(encoding="utf-8"))


def resolve(text: str) -> Query:
    """A bundled query's NAME, a path to a .rq file, or SPARQL itself."""
    if text in bundled():
        return load(text)
    if text.endswith((".rq", ".sparql")):
        path = Path(text)
        if not path.is_file():
            raise QueryError(f"{text}: no such query file")
        return Query(path.name, path.read_text(encoding="utf-8"))
    if re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", text, re.IGNORECASE):
        return Query("the query", text)
    names = ", ".join(bundled())
    raise QueryError(f"{text!r} is neither a bundled query ({names}), a .rq file, nor SPARQL")


def parse_params(pairs: tuple[str, ...] | list[str]) -> dict[str, str]:
    """`name=value` strings (from --param) as a dict; QueryError for a pair without `=`."""
    values = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param {pair!r}: write it as NAME=VALUE, e.g. --param who=Putin")
        values[name.strip()] = value
    return values


def select(store: Store, sparql: str) -> tuple[list[str], list[dict[str, str | None]]]:
    """Rows of a SELECT as plain strings (IRIs and literal values), None where unbound."""
    results = run_query(store, sparql)
    if not isinstance(results, QuerySolutions):
        raise QueryError("expected a SELECT query")
    names = [v.value for v in results.variables]
    rows = [{n: (row[n].value if row[n] is not None else None) for n in names} for row in results]
    return names, rows


def render(store: Store, sparql: str, fmt: str = "table") -> str:
    """Run a query and render its results: table, json (SPARQL 1.1 Results JSON), csv or tsv.

    The table shows labels (or prefixed names) instead of IRIs; the other formats are the
    standard serialisations, for programs.
    """
    results = run_query(store, sparql)
    if isinstance(results, QueryTriples):
        return results.serialize(format=RdfFormat.TURTLE).decode()
    if fmt in FORMATS:
        return results.serialize(format=FORMATS[fmt]).decode()
    if isinstance(results, QueryBoolean):
        return "true" if bool(results) else "false"
    names = [v.value for v in results.variables]
    terms = [[row[n] for n in names] for row in results]
    return table(names, readable(store, terms))


def readable(store: Store, rows: list[list]) -> list[list[str]]:
    """Cells for people: an IRI becomes its label, unless the row already shows that label, then
    a short form (`kg:denial`, `wd:Q567`, `article/29336`)."""
    labels = _labels(store, {t.value for row in rows for t in row if isinstance(t, NamedNode)})
    out = []
    for row in rows:
        shown = {t.value for t in row if t is not None and not isinstance(t, NamedNode)}
        cells = []
        for term in row:
            if isinstance(term, NamedNode):
                label = labels.get(term.value)
                cells.append(label if label and label not in shown else short_iri(term.value))
            else:
                cells.append("" if term is None else term.value)
        out.append(cells)
    return out


def _labels(store: Store, iris: set[str]) -> dict[str, str]:
    """rdfs:label of entities and events, schema:identifier of articles, for the given IRIs."""
    if not iris:
        return {}
    values = " ".join(str(NamedNode(i)) for i in sorted(iris))
    rows = run_query(store, f"""
        SELECT ?x (MIN(STR(?l)) AS ?label) WHERE {{
          VALUES ?x {{ {values} }}
          {{ ?x rdfs:label ?l }} UNION {{ ?x a schema:NewsArticle ; schema:identifier ?l }}
        }} GROUP BY ?x""")
    return {row["x"].value: row["label"].value for row in rows}


def short_iri(iri: str) -> str:
    """A vocabulary IRI as a prefixed name, another as its path (the graph's own nodes)."""
    for prefix, namespace in _NAMESPACES:
        if iri.startswith(namespace) and re.fullmatch(r"[\w.-]*", iri[len(namespace):]):
            return f"{prefix}:{iri[len(namespace):]}"
    parts = urlsplit(iri)
    if parts.scheme in ("http", "https") and parts.path.strip("/"):
        return parts.path.strip("/") + (f"#{parts.fragment}" if parts.fragment else "")
    return iri


_NAMESPACES = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))  # longest namespace first


def table(names: list[str], rows: list[list[str]]) -> str:
    """A plain-text table, columns clipped at 60 characters, with a row count."""
    widths = [min(max([len(n), *(len(r[i]) for r in rows)]), 60) for i, n in enumerate(names)]
    clip = lambda s, w: s if len(s) <= w else s[: w - 1] + "…"  # noqa: E731
    lines = [" | ".join(n.ljust(w) for n, w in zip(names, widths)).rstrip()]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(clip(c.replace("\n", " "), w).ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)
