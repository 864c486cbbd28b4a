"""The HTTP side: the server that owns the limits and the worker pool, and the request handler
with its routes (/sparql, /query/NAME for bundled queries, /health, the / page) and request
limits. Stdlib ``ThreadingHTTPServer``: one thread per connection, no extra dependency."""

from __future__ import annotations

import json
import logging
import re
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from kg.errors import HttpError, KgError
from kg.page import index_html
from kg.query import bundled, load
from kg.serve.base import Limits
from kg.serve.checks import looks_like_update
from kg.serve.workers import Job, StoreSource, WorkerPool

log = logging.getLogger(__name__)

SPARQL_PATH = "/sparql"
BUNDLED_PATH = "/query/"  # + a bundled query's name, its parameters in the URL
PROTOCOL_PARAMS = ("format", "default-graph-uri", "named-graph-uri")


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
        job = Job(query=query, accept=self.headers.get("Accept"),
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
