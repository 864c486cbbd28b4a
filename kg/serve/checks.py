"""Read-only checks on a query's text: SPARQL Update is refused before it reaches a worker, and
SERVICE (federation, which makes the server fetch from other hosts) is refused by parsing the
query, inside the worker, so that the parse counts against the query's timeout."""

from __future__ import annotations

import re
from typing import Any

_UPDATE_START = re.compile(
    r"^(?:\s|#[^\n]*(?:\n|$))*"
    r"(?:(?:PREFIX\s*[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)(?:\s|#[^\n]*(?:\n|$))*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.IGNORECASE,
)
# The SERVICE keyword as a token: not part of a variable (?service), a prefixed name
# (ex:service, service:x) or a longer word. String literals and IRIs are not excluded here on
# purpose: a hit is only a reason to parse the query properly (see uses_service).
_SERVICE_WORD = re.compile(r"(?<![?$:\w])service(?![\w:])", re.IGNORECASE)
_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def looks_like_update(text: str) -> bool:
    """True if the text is a SPARQL Update request (INSERT, DELETE, LOAD, CLEAR, ...)."""
    return _UPDATE_START.match(text) is not None


def uses_service(query: str) -> bool:
    """True if the query has a SERVICE clause, or might have one and cannot be proven not to.

    A cheap word search clears nearly every query. Only when the word appears (it may sit in a
    string literal, an IRI or a comment) is the query parsed with rdflib's SPARQL grammar and the
    parse tree searched for a ServiceGraphPattern; a query rdflib cannot parse, or might parse
    differently from Oxigraph, is refused. Where the two grammars differ, the text rdflib sees is
    made to tokenize as Oxigraph's does:

    * a comment ends at CR or LF in SPARQL (and Oxigraph) but only at LF in rdflib, so
      ``# x\\r SERVICE`` would hide SERVICE from rdflib alone. CR becomes LF: both are whitespace
      between tokens, cannot occur in IRIs or short strings, and are plain characters in long
      strings, so no token boundary other than a comment's end moves;
    * rdflib expands ``\\u`` escapes before parsing, Oxigraph only inside strings and IRIs, so
      a query with one is refused if it mentions SERVICE at all.
    """
    query = query.replace("\r", "\n")
    unescaped = _UNICODE_ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), query)
    if not (_SERVICE_WORD.search(query) or _SERVICE_WORD.search(unescaped)):
        return False
    if unescaped != query:
        # rdflib expands \u escapes before parsing, Oxigraph only inside strings and IRIs:
        # '"\u0022"' would be one string to Oxigraph but open a long string to rdflib.
        return True
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(query)  # in a worker process: one query at a time, bounded by the timeout
    except (ParseException, ValueError, TypeError, RecursionError):
        return True
    return _has_service_pattern(tree)


def _has_service_pattern(node: Any) -> bool:
    """True if rdflib's parse tree holds a ServiceGraphPattern anywhere (nested groups,
    subqueries, OPTIONAL and UNION included)."""
    if getattr(node, "name", None) == "ServiceGraphPattern":
        return True
    if isinstance(node, dict):
        return any(_has_service_pattern(v) for v in node.values())
    if isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
        return any(_has_service_pattern(v) for v in node)
    return False
