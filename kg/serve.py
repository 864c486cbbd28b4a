"""A read-only SPARQL 1.1 Protocol endpoint over a pyoxigraph Store.

Why it looks the way it does:

* Stdlib ``ThreadingHTTPServer``: one thread per connection, no extra dependency.
* Queries run in a fixed number of worker *processes*, each with its own read-only handle on the
  store (an on-disk store opened with ``Store.read_only``, or an in-memory copy). pyoxigraph
  cannot cancel a running query, and a thread cannot be killed; a process can. A query still
  running at its timeout gets its 503 and its worker is killed and replaced, so runaway queries
  hold neither a core nor a worker past their timeout, and shutdown never waits for one.
* Results are buffered (at most ``max_rows`` rows) so that an over-long result or a timeout can
  still be answered with a proper status code instead of a truncated 200.
* Read-only: SPARQL Update (incl. LOAD) is never executed, and SERVICE (federation, which makes
  the server fetch from other hosts) is refused by parsing the query before it runs; see
  ``uses_service``. The check runs inside the worker, so its time counts against the timeout.
"""

from __future__ import annotations

import functools
import json
import logging
import multiprocessing
import queue
import re
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pyoxigraph as ox

from kg.errors import HttpError, KgError
from kg.page import index_html
from kg.query import bundled, load
from kg.vocab import PREFIXES

log = logging.getLogger(__name__)

SPARQL_PATH = "/sparql"
BUNDLED_PATH = "/query/"  # + a bundled query's name, its parameters in the URL
PROTOCOL_PARAMS = ("format", "default-graph-uri", "named-graph-uri")

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
# How long a new worker process may take to open the store before the server gives up on it.
WORKER_START_TIMEOUT = 120.0


@dataclass(frozen=True)
class Limits:
    """Resource bounds of the endpoint (all configurable from ``kg serve``)."""

    timeout: float = 30.0  # seconds from request arrival to answer, else 503
    max_rows: int = 10_000  # solutions (SELECT) or triples (CONSTRUCT/DESCRIBE), else 400
    workers: int = 4  # worker processes, i.e. queries evaluated at the same time; others wait
    max_request_bytes: int = 1_000_000  # POST body, else 413


@dataclass(frozen=True)
class Reply:
    """A complete response body with its media type."""

    status: int
    content_type: str
    body: bytes


# --- read-only checks -------------------------------------------------------------------------


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
    if getattr(node, "name", None) == "ServiceGraphPattern":
        return True
    if isinstance(node, dict):
        return any(_has_service_pattern(v) for v in node.values())
    if isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
        return any(_has_service_pattern(v) for v in node)
    return False


# --- content negotiation ----------------------------------------------------------------------


def _parse_accept(header: str) -> list[tuple[str, float]]:
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


# --- evaluation -------------------------------------------------------------------------------


def _term_json(term: Any) -> dict[str, Any]:
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


@dataclass(frozen=True)
class _Job:
    """One query evaluation, sent to a worker process."""

    query: str
    accept: str | None
    fmt: str | None
    default_graphs: list[str]
    named_graphs: list[str]


def _evaluate(store: ox.Store, job: _Job, limits: Limits) -> Reply:
    """Check and run one query in a worker process; never raises, every outcome is a Reply."""
    try:
        if uses_service(job.query):
            raise HttpError(403, "SERVICE (federated query) is not allowed on this endpoint")
        return _run_query(store, job, limits)
    except HttpError as err:
        return Reply(err.status, "text/plain", (err.message + "\n").encode("utf-8"))
    except Exception as err:  # a bug must still give the client an answer
        log.exception("query failed: %s", job.query)
        return Reply(500, "text/plain", f"internal error: {err}\n".encode("utf-8"))


def _run_query(store: ox.Store, job: _Job, limits: Limits) -> Reply:
    try:
        # Same dataset and predeclared prefixes as `kg query`; a query's own PREFIX wins.
        options: dict[str, Any] = {"use_default_graph_as_union": not job.default_graphs,
                                   "prefixes": PREFIXES}
        if job.default_graphs:
            options["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs]
        if job.named_graphs:
            options["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
        result = store.query(job.query, **options)
        if isinstance(result, ox.QueryBoolean):
            media = choose_media_type("results", job.accept, job.fmt)
            return Reply(200, media, result.serialize(format=RESULT_TYPES[media]))
        if isinstance(result, ox.QuerySolutions):
            media = choose_media_type("results", job.accept, job.fmt)
            return _select_reply(result, media, limits)
        media = choose_media_type("graph", job.accept, job.fmt)
        return _graph_reply(result, media, limits)
    except SyntaxError as err:
        raise HttpError(400, f"SPARQL syntax error: {err}") from err
    except (ValueError, RuntimeError) as err:
        raise HttpError(400, f"query evaluation failed: {err}") from err
    except OSError as err:
        raise HttpError(500, f"store error: {err}") from err


def _collect(rows: Any, limits: Limits, what: str) -> list[Any]:
    out = []
    for row in rows:
        if len(out) >= limits.max_rows:
            raise HttpError(400, f"result has more than {limits.max_rows} {what} (the server's "
                                 f"limit); add LIMIT/OFFSET to the query")
        out.append(row)
    return out


def _select_reply(result: ox.QuerySolutions, media: str, limits: Limits) -> Reply:
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


def _graph_reply(result: ox.QueryTriples, media: str, limits: Limits) -> Reply:
    triples = _collect(result, limits, "triples")
    fmt = GRAPH_TYPES[media]
    data: list[Any] = triples
    if fmt.supports_datasets:
        data = [ox.Quad(t.subject, t.predicate, t.object) for t in triples]
    prefixes = PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
    return Reply(200, media, ox.serialize(data, format=fmt, prefixes=prefixes))


# --- bundled queries ---------------------------------------------------------------------------


def bundled_params(name: str, params: dict[str, list[str]]) -> dict[str, list[str]]:
    """`/query/NAME?who=Putin&format=csv` as the parameters of a /sparql request.

    The query's parameters are bound as `kg query NAME --param` binds them (escaped literals);
    `format` and the graph parameters keep their protocol meaning. 404 for an unknown query,
    400 for an unknown, repeated or ill-typed parameter.
    """
    if name not in bundled():
        raise HttpError(404, f"no bundled query {name!r} (there are: {', '.join(bundled())})")
    repeated = sorted(k for k, v in params.items() if len(v) > 1 and k not in PROTOCOL_PARAMS)
    if repeated:
        raise HttpError(400, f"parameter {', '.join(repeated)} given more than once")
    values = {k: v[0] for k, v in params.items() if k not in PROTOCOL_PARAMS}
    try:
        sparql = load(name).bind(values)
    except KgError as err:
        raise HttpError(400, str(err)) from None
    return {"query": [sparql], **{k: v for k, v in params.items() if k in PROTOCOL_PARAMS}}


# --- worker processes -------------------------------------------------------------------------


@dataclass(frozen=True)
class StoreSource:
    """How a worker process gets its own handle on the store (a Store object cannot be shared
    between processes): an on-disk store opened read-only, or N-Quads loaded into memory."""

    path: str | None = None
    nquads: bytes = b""

    @classmethod
    def of(cls, store: ox.Store | Path) -> StoreSource:
        if isinstance(store, Path):
            return cls(path=str(store))
        return cls(nquads=store.dump(format=ox.RdfFormat.N_QUADS))

    def open(self) -> ox.Store:
        if self.path is not None:
            return ox.Store.read_only(self.path)
        store = ox.Store()
        store.bulk_load(self.nquads, format=ox.RdfFormat.N_QUADS)
        return store


def _worker_main(conn: Connection, source: StoreSource, limits: Limits) -> None:
    """A worker process: open the store, then answer jobs until the pipe closes or it is killed."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    try:
        store = source.open()
    except (OSError, SyntaxError, ValueError) as err:
        conn.send(f"cannot open the store: {err}")
        return
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(_evaluate(store, job, limits))


class _Worker:
    """One worker process and the pipe to it."""

    def __init__(self, source: StoreSource, limits: Limits) -> None:
        context = multiprocessing.get_context("spawn")  # no fork of a threaded server
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, source, limits),
                                       name="kg-sparql-worker", daemon=True)
        self.process.start()
        child.close()
        self._stopping = threading.Lock()

    def wait_ready(self) -> None:
        """Block until the store is open; KgError if it cannot be."""
        message = "did not start in time"
        try:
            if self.conn.poll(WORKER_START_TIMEOUT):
                message = self.conn.recv()
        except (EOFError, OSError):
            message = "exited while opening the store"
        if message != "ready":
            self.stop()
            raise KgError(f"query worker: {message}")

    def run(self, job: _Job, timeout: float) -> Reply | None:
        """The worker's reply, or None if it did not answer within ``timeout`` seconds."""
        self.conn.send(job)
        if not self.conn.poll(max(0.0, timeout)):
            return None
        try:
            return self.conn.recv()
        except (EOFError, OSError):  # it died (out of memory, a crash): answer, then replace it
            return Reply(500, "text/plain", b"internal error: the query worker died\n")

    def stop(self) -> None:
        """Kill the process and close the pipe, once (the pipe's descriptor must not be closed
        twice: the number may already belong to another file)."""
        with self._stopping:
            if self.conn.closed:
                return
            self.process.kill()
            self.process.join()
            self.conn.close()


class WorkerPool:
    """``limits.workers`` worker processes; a query past its timeout gets its worker killed."""

    def __init__(self, source: StoreSource, limits: Limits) -> None:
        self.source = source
        self.limits = limits
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        started = [_Worker(source, limits) for _ in range(limits.workers)]
        self._all.update(started)
        try:
            for worker in started:
                worker.wait_ready()
                self._idle.put(worker)
        except KgError:
            self.close()
            raise

    @property
    def idle(self) -> int:
        """Workers free to take a query now (0 means new queries wait in line)."""
        return self._idle.qsize()

    def run(self, job: _Job, deadline: float) -> Reply:
        """Evaluate ``job`` before ``deadline`` (time.monotonic()), else HttpError 503."""
        try:
            worker = self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise HttpError(503, f"all {self.limits.workers} query workers stayed busy for the "
                                 f"time limit of {self.limits.timeout:g} s; retry later") from None
        reply = worker.run(job, deadline - time.monotonic())
        if reply is None or reply.status == 500:
            self._replace(worker)
        else:
            self._idle.put(worker)
        if reply is None:
            raise HttpError(503, f"query exceeded the time limit of {self.limits.timeout:g} s "
                                 "and was stopped; make it more selective or add LIMIT")
        return reply

    def _replace(self, worker: _Worker) -> None:
        """Kill a worker now; start its successor in the background (the client need not wait)."""
        worker.stop()
        with self._lock:
            self._all.discard(worker)
        threading.Thread(target=self._start_one, name="kg-sparql-respawn", daemon=True).start()

    def _start_one(self) -> None:
        if self._closed:
            return
        worker = _Worker(self.source, self.limits)
        with self._lock:
            if self._closed:
                worker.stop()
                return
            self._all.add(worker)
        try:
            worker.wait_ready()
        except KgError as err:
            if not self._closed:  # else killed by close() while starting: nothing to report
                log.error("%s", err)
            with self._lock:
                self._all.discard(worker)
            return
        self._idle.put(worker)

    def close(self) -> None:
        """Kill every worker, busy or not: shutdown never waits for a running query. A busy
        worker's pipe is left to its request thread, which sees it die and cleans up."""
        with self._lock:
            self._closed = True
            workers, self._all = self._all, set()
        for worker in workers:
            worker.process.kill()
        while True:
            try:
                self._idle.get_nowait().stop()
            except queue.Empty:
                return


# --- HTTP -------------------------------------------------------------------------------------


def _text(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as err:
        raise HttpError(400, f"request body is not UTF-8: {err}") from None


class SparqlServer(ThreadingHTTPServer):
    """ThreadingHTTPServer that owns the limits and the query worker processes."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128  # socketserver's 5 makes bursts of clients see connection resets

    def __init__(self, address: tuple[str, int], source: StoreSource, limits: Limits) -> None:
        self.limits = limits
        self._pool: WorkerPool | None = None
        super().__init__(address, SparqlHandler)  # bind first: a busy port fails fast
        try:
            self._pool = WorkerPool(source, limits)
        except KgError:
            super().server_close()
            raise

    @property
    def pool(self) -> WorkerPool:
        assert self._pool is not None, "the worker pool is started by __init__"
        return self._pool

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up mid-answer is routine, not a traceback on the console."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            log.info("%s went away before the answer was sent", client_address[0])
        else:
            super().handle_error(request, client_address)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}{SPARQL_PATH}"

    def server_close(self) -> None:
        super().server_close()
        if self._pool is not None:  # None if binding the address failed
            self._pool.close()


class SparqlHandler(BaseHTTPRequestHandler):
    """SPARQL 1.1 Protocol (query operation only) plus the HTML page and /health."""

    server: SparqlServer
    protocol_version = "HTTP/1.1"
    server_version = "kg-sparql/1"

    # -- dispatch --

    def parse_request(self) -> bool:
        """Note when the request arrived (its timeout counts from here) and reset per-request state."""
        self._arrived = time.monotonic()
        self._head_only = False
        return super().parse_request()

    def do_OPTIONS(self) -> None:  # noqa: N802 (stdlib naming)
        """CORS preflight, including Chrome's for pages on the internet calling 127.0.0.1."""
        extra = {
            "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
            "Access-Control-Allow-Headers":
                self.headers.get("Access-Control-Request-Headers") or "Content-Type, Accept",
            "Access-Control-Max-Age": "86400",
        }
        if self.headers.get("Access-Control-Request-Private-Network") == "true":
            extra["Access-Control-Allow-Private-Network"] = "true"
        self._send(204, "text/plain; charset=utf-8", b"", extra=extra)

    def do_GET(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            self._send(200, "text/html; charset=utf-8", index_html().encode("utf-8"))
        elif url.path == "/health":
            self._health()
        elif url.path == SPARQL_PATH:
            self._guarded(lambda: self._sparql(parse_qs(url.query, keep_blank_values=True)))
        elif url.path.startswith(BUNDLED_PATH):
            name = unquote(url.path[len(BUNDLED_PATH):])
            self._guarded(lambda: self._sparql(bundled_params(name, parse_qs(url.query, keep_blank_values=True))))
        else:
            self._error(404, f"no such resource: {url.path} (the endpoint is {SPARQL_PATH})")

    def do_HEAD(self) -> None:  # noqa: N802
        """GET without the body (curl -I, link checkers, load balancers)."""
        self._head_only = True
        self.do_GET()

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path != SPARQL_PATH:
            self.close_connection = True
            self._error(404, f"no such resource: {url.path} (the endpoint is {SPARQL_PATH})")
            return
        self._guarded(lambda: self._sparql(self._post_params(url.query)))

    def _health(self) -> None:
        """200 while a query would start at once, 503 while every worker is busy."""
        pool = self.server.pool
        idle = pool.idle
        body = json.dumps({"status": "ok" if idle else "saturated", "idle_workers": idle,
                           "workers": self.server.limits.workers}).encode("utf-8")
        self._send(200 if idle else 503, "application/json", body)

    # -- SPARQL --

    def _post_params(self, url_query: str) -> dict[str, list[str]]:
        params = parse_qs(url_query, keep_blank_values=True)
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        body = self._read_body()
        if ctype == "application/x-www-form-urlencoded":
            for key, values in parse_qs(_text(body), keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        elif ctype == "application/sparql-query":
            params.setdefault("query", []).append(_text(body))
        elif ctype == "application/sparql-update":
            raise HttpError(403, "this endpoint is read-only: SPARQL Update is not accepted")
        else:
            raise HttpError(415, f"unsupported Content-Type {ctype or '(none)'}: use "
                                 "application/sparql-query or application/x-www-form-urlencoded")
        return params

    def _read_body(self) -> bytes:
        length = self.headers.get("Content-Length")
        if length is None:
            self.close_connection = True
            raise HttpError(411, "a POST needs a Content-Length header")
        if not re.fullmatch(r"[0-9]+", length.strip()):  # int() takes "-1" (read to EOF), "+1", "1_0"
            self.close_connection = True
            raise HttpError(400, f"bad Content-Length: {length!r} (must be a number of bytes)")
        size = int(length)
        if size > self.server.limits.max_request_bytes:
            self.close_connection = True
            raise HttpError(413, f"request body of {size} bytes exceeds the limit of "
                                 f"{self.server.limits.max_request_bytes}")
        return self.rfile.read(size)

    def _sparql(self, params: dict[str, list[str]]) -> None:
        if "update" in params or "using-graph-uri" in params:
            raise HttpError(403, "this endpoint is read-only: SPARQL Update is not accepted")
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            raise HttpError(400, "give exactly one non-empty 'query' parameter "
                                 "(GET ?query=..., or POST a form or application/sparql-query)")
        query = queries[0]
        if looks_like_update(query):
            raise HttpError(403, "this endpoint is read-only: SPARQL Update (INSERT, DELETE, "
                                 "LOAD, CLEAR, ...) is not accepted")
        job = _Job(query=query, accept=self.headers.get("Accept"),
                   fmt=(params.get("format") or [None])[0],
                   default_graphs=params.get("default-graph-uri", []),
                   named_graphs=params.get("named-graph-uri", []))
        reply = self.server.pool.run(job, self._arrived + self.server.limits.timeout)
        ctype = reply.content_type
        if ctype.startswith("text/") or ctype.endswith(("json", "xml", "trig", "quads")):
            ctype += "; charset=utf-8"
        self._send(reply.status, ctype, reply.body)

    # -- responses --

    def _guarded(self, action: Any) -> None:
        try:
            action()
        except HttpError as err:
            self._error(err.status, err.message)
        except Exception as err:  # a bug must still give the client an answer
            log.exception("internal error")
            self._error(500, f"internal error: {err}")

    def _error(self, status: int, message: str) -> None:
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))

    def _send(self, status: int, content_type: str, body: bytes,
              extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Vary", "Accept")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if not self._head_only:
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (stdlib signature)
        log.info("%s %s", self.address_string(), format % args)


def make_server(store: ox.Store | Path, host: str = "127.0.0.1", port: int = 0, *,
                timeout: float = Limits.timeout, max_rows: int = Limits.max_rows,
                workers: int = Limits.workers) -> SparqlServer:
    """A bound, not yet serving endpoint; ``port=0`` picks a free port (see ``.server_address``).

    ``store`` is an in-memory Store (copied into each worker) or the directory of an on-disk
    store (each worker opens it read-only). KgError if the address cannot be bound (port in use,
    no such host) or the workers cannot open the store. Call ``serve_forever()`` (in a thread if
    needed), then ``shutdown()`` and ``server_close()``.
    """
    if timeout <= 0 or max_rows <= 0 or workers <= 0:
        raise KgError("--timeout, --max-rows and workers must be positive")
    limits = Limits(timeout=timeout, max_rows=max_rows, workers=workers)
    try:
        return SparqlServer((host, port), StoreSource.of(store), limits)
    except OSError as err:
        raise KgError(f"cannot listen on {host}:{port}: {err.strerror or err}") from None


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def serve(store: ox.Store | Path, host: str = "127.0.0.1", port: int = 8000, *,
          timeout: float = Limits.timeout, max_rows: int = Limits.max_rows,
          workers: int = Limits.workers, echo: Callable[[str], Any] | None = None) -> None:
    """Serve until Ctrl-C, telling the user where (``echo``, e.g. click.echo, prints the URLs)."""
    echo = echo or functools.partial(print, flush=True)
    server = make_server(store, host, port, timeout=timeout, max_rows=max_rows, workers=workers)
    host_shown, port_bound = server.server_address[:2]
    echo(f"SPARQL endpoint: http://{host_shown}:{port_bound}{SPARQL_PATH}")
    echo(f"query page:      http://{host_shown}:{port_bound}/   (Ctrl-C stops)")
    signal.signal(signal.SIGTERM, _interrupt)  # `kill`, systemd and docker stop like Ctrl-C
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
