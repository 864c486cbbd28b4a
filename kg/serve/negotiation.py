"""Which media type answers a request (Accept header or ``format`` parameter) and the answer's
body in that type. Results are buffered (at most ``max_rows`` rows) so that an over-long result
can still be answered with a proper status code instead of a truncated 200."""

from __future__ import annotations

import json
from typing import Any

import pyoxigraph as ox

from kg.errors import HttpError
from kg.serve.base import Limits, Reply
from kg.vocab import PREFIXES

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


# Media types offered, in server preference order (the first one wins ties and */*).
RESULT_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/xml": ox.QueryResultsFormat.XML,
}
GRAPH_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/trig": ox.RdfFormat.TRIG,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "text/plain": ox.RdfFormat.N_TRIPLES,
}
# Short names accepted by the ``format`` parameter (as used by Virtuoso, Fuseki, YASGUI links, and
# SPARQLWrapper, which sends its return format's name: n3, rdf+xml, json-ld, ...).
FORMAT_ALIASES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "ntriples": "application/n-triples",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "json-ld": "application/ld+json",
    "nquads": "application/n-quads",
    "nq": "application/n-quads",
    "trig": "application/trig",
    "rdfxml": "application/rdf+xml",
    "rdf+xml": "application/rdf+xml",
    "n3": "text/turtle",  # Turtle is N3's RDF subset: every N3 reader reads it
    "text/n3": "text/turtle",
    "text/rdf+n3": "text/turtle",
}
# For CONSTRUCT asked with format=json/xml, answer with the graph format of the same family.
GRAPH_FALLBACK = {"application/sparql-results+json": "application/ld+json",
                  "application/sparql-results+xml": "application/rdf+xml"}


def _parse_accept(header: str) -> list[tuple[str, float]]:
    """An Accept header's media ranges with their q values (a malformed q counts as 0)."""
    ranges = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append((media, q))
    return ranges


def negotiate(accept: str | None, offered: list[str]) -> str | None:
    """The offered media type the Accept header likes best (RFC 9110 §12.5.1), or None.

    Each offered type takes the q of the most specific range matching it; ties go to the
    server's order, so ``*/*`` gives the first offered type.
    """
    if not accept or not accept.strip():
        return offered[0]
    ranges = _parse_accept(accept)
    best, best_q = None, 0.0
    for media in offered:
        main = media.split("/")[0]
        q, specificity = 0.0, -1
        for rng, rq in ranges:
            level = 2 if rng == media else 1 if rng == f"{main}/*" else 0 if rng == "*/*" else -1
            if level > specificity:
                q, specificity = rq, level
        if q > best_q:
            best, best_q = media, q
    return best


def choose_media_type(kind: str, accept: str | None, fmt: str | None) -> str:
    """Media type for a result of ``kind`` ('results' or 'graph'); HttpError 406 if none fits."""
    offered = list(RESULT_TYPES if kind == "results" else GRAPH_TYPES)
    if fmt:
        wanted = FORMAT_ALIASES.get(fmt.strip().lower(), fmt.strip().lower())
        if kind == "graph":
            wanted = GRAPH_FALLBACK.get(wanted, wanted)
        if wanted in offered:
            return wanted
        raise HttpError(406, f"format {fmt!r} cannot be produced for this query; "
                             f"use one of: {', '.join(offered)}")
    chosen = negotiate(accept, offered)
    if chosen is None:
        raise HttpError(406, f"cannot produce any type in Accept: {accept}; "
                             f"this query can be answered as: {', '.join(offered)}")
    return chosen


def _term_json(term: Any) -> dict[str, Any]:
    """A term as SPARQL 1.1 JSON results write it (plain strings carry no datatype)."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value not in (XSD_STRING, RDF_LANG_STRING):
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _term_json(term.subject),
                                            "predicate": _term_json(term.predicate),
                                            "object": _term_json(term.object)}}
    raise TypeError(f"unexpected RDF term {term!r}")


def _collect(rows: Any, limits: Limits, what: str) -> list[Any]:
    """The rows, or HttpError 400 past ``max_rows``: buffered so an over-long result gets a
    status code, not a truncated 200."""
    out = []
    for row in rows:
        if len(out) >= limits.max_rows:
            raise HttpError(400, f"result has more than {limits.max_rows} {what} (the server's "
                                 f"limit); add LIMIT/OFFSET to the query")
        out.append(row)
    return out


def select_reply(result: ox.QuerySolutions, media: str, limits: Limits) -> Reply:
    """SELECT solutions in ``media``. Written as JSON first, then converted by Oxigraph for the
    other formats, so every format holds the same rows."""
    names = [v.value for v in result.variables]
    solutions = _collect(result, limits, "rows")
    bindings = []
    for solution in solutions:
        row = {}
        for name in names:
            term = solution[name]
            if term is not None:
                row[name] = _term_json(term)
        bindings.append(row)
    body = json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}},
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    target = RESULT_TYPES[media]
    if target != ox.QueryResultsFormat.JSON:
        # Oxigraph writes XML/CSV/TSV correctly; it reads back what we wrote as JSON.
        body = ox.parse_query_results(body, ox.QueryResultsFormat.JSON).serialize(format=target)
    return Reply(200, media, body)


def graph_reply(result: ox.QueryTriples, media: str, limits: Limits) -> Reply:
    """CONSTRUCT/DESCRIBE triples in ``media``, with the vocabulary's prefixes where the format
    has them; dataset formats get the triples as default-graph quads."""
    triples = _collect(result, limits, "triples")
    fmt = GRAPH_TYPES[media]
    data: list[Any] = triples
    if fmt.supports_datasets:
        data = [ox.Quad(t.subject, t.predicate, t.object) for t in triples]
    prefixes = PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
    return Reply(200, media, ox.serialize(data, format=fmt, prefixes=prefixes))
