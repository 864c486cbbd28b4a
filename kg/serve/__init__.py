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

Modules, by job: ``checks`` (read-only and SERVICE checks), ``negotiation`` (media types and
result bodies), ``workers`` (the worker processes and how they open the store), ``handler`` (the
HTTP server, routes and request limits), ``base`` (Limits and Reply, shared by all of them).
This module builds and runs the server.
"""

from __future__ import annotations

import functools
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import KgError
from kg.serve.base import Limits
from kg.serve.checks import uses_service
from kg.serve.handler import SPARQL_PATH, SparqlServer
from kg.serve.negotiation import negotiate
from kg.serve.workers import StoreSource

# What the CLI and the tests import from kg.serve; the rest lives in the modules above.
__all__ = ["Limits", "SparqlServer", "make_server", "negotiate", "serve", "uses_service"]


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
    # `kill`, systemd and docker stop like Ctrl-C; and Ctrl-C stops even when the server was started
    # with SIGINT ignored (a background job of a shell, nohup), which Python would otherwise keep
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, _interrupt)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
