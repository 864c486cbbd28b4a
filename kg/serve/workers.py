"""The worker processes that evaluate queries, each with its own read-only handle on the store.

pyoxigraph cannot cancel a running query, and a thread cannot be killed; a process can. A query
still running at its timeout gets its 503 and its worker is killed and replaced, so runaway
queries hold neither a core nor a worker past their timeout, and shutdown never waits for one.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import signal
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import HttpError, KgError
from kg.serve.base import Limits, Reply
from kg.serve.checks import uses_service
from kg.serve.negotiation import RESULT_TYPES, choose_media_type, graph_reply, select_reply
from kg.vocab import PREFIXES

log = logging.getLogger(__name__)

WORKER_START_TIMEOUT = 120.0


@dataclass(frozen=True)
class Job:
    """One query evaluation, sent to a worker process."""

    query: str
    accept: str | None
    fmt: str | None
    default_graphs: list[str]
    named_graphs: list[str]


def _evaluate(store: ox.Store, job: Job, limits: Limits) -> Reply:
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


def _run_query(store: ox.Store, job: Job, limits: Limits) -> Reply:
    """Evaluate a checked query; Oxigraph's errors become the HTTP status they deserve."""
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
            return select_reply(result, media, limits)
        media = choose_media_type("graph", job.accept, job.fmt)
        return graph_reply(result, media, limits)
    except SyntaxError as err:
        raise HttpError(400, f"SPARQL syntax error: {err}") from err
    except (ValueError, RuntimeError) as err:
        raise HttpError(400, f"query evaluation failed: {err}") from err
    except OSError as err:
        raise HttpError(500, f"store error: {err}") from err


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


def _exit_with_parent(parent: int) -> None:
    """End the worker once its server is gone. A server killed outright (SIGKILL, a crash) cannot
    kill its workers, and one busy with a runaway query would run on, holding a core and the
    server's stderr; pyoxigraph releases the GIL while it evaluates, so this thread still runs."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _worker_main(conn: Connection, source: StoreSource, limits: Limits) -> None:
    """A worker process: open the store, then answer jobs until the pipe closes or it is killed."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), name="kg-parent-watch", daemon=True).start()
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

    def run(self, job: Job, timeout: float) -> Reply | None:
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

    def run(self, job: Job, deadline: float) -> Reply:
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
