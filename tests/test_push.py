"""Graph Store push and bulk-loader dumps, against real Oxigraph and Virtuoso servers.

The Oxigraph server comes with `pip install oxigraph`; Virtuoso with Debian's
`virtuoso-opensource`. Tests needing one of them skip when it is not installed.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.error import URLError
from urllib.parse import parse_qs, urlencode, urlsplit
from urllib.request import Request, urlopen

import pyoxigraph as ox
import pytest

from kg.push import PushError, push
from kg.store import query as kg_query
from kg.store import write_file

SAMPLE = Path(__file__).parent / "data" / "sample.trig"
REPO = Path(__file__).resolve().parents[1]
CLAIMS = """PREFIX schema: <https://schema.org/>
SELECT ?claim ?author ?text WHERE {
  ?claim a schema:Claim ; schema:author ?author ; schema:text ?text .
} ORDER BY ?claim"""
PER_GRAPH = """SELECT ?g (COUNT(*) AS ?n) WHERE {
  GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "https://kg.example.org/graph/"))
} GROUP BY ?g ORDER BY ?g"""


@pytest.fixture
def store() -> ox.Store:
    store = ox.Store()
    store.load(path=str(SAMPLE))
    return store


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rows_local(store: ox.Store, query: str) -> list[tuple[str, ...]]:
    solutions = store.query(query, use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables]
    return sorted(tuple(s[n].value if s[n] is not None else "" for n in names) for s in solutions)


def rows_remote(endpoint: str, query: str) -> list[tuple[str, ...]]:
    request = Request(f"{endpoint}?{urlencode({'query': query})}",
                      headers={"Accept": "application/sparql-results+json"})
    with urlopen(request, timeout=30) as response:
        data = json.load(response)
    names = data["head"]["vars"]
    return sorted(tuple(b[n]["value"] if n in b else "" for n in names)
                  for b in data["results"]["bindings"])


def bundled_queries() -> list[Path]:
    """The project's queries (`kg query NAME`): each must give the same rows in every store."""
    return sorted((REPO / "queries").glob("*.rq"))


def rows_kg_query(store: ox.Store, query: str) -> list[tuple[str, ...]]:
    """Rows as `kg query` gives them (kg.store.query: union default graph, kg's prefixes)."""
    solutions = kg_query(store, query)
    names = [v.value for v in solutions.variables]
    return sorted(tuple(s[n].value if s[n] is not None else "" for n in names) for s in solutions)


def assert_same_graph(store: ox.Store, endpoint: str) -> None:
    assert rows_remote(endpoint, CLAIMS) == rows_local(store, CLAIMS)
    assert len(rows_local(store, CLAIMS)) == 3
    assert rows_remote(endpoint, PER_GRAPH) == rows_local(store, PER_GRAPH)
    for path in bundled_queries():
        sparql = path.read_text(encoding="utf-8")
        assert rows_remote(endpoint, sparql) == rows_kg_query(store, sparql), path.name


def wait_until_up(url: str, proc: subprocess.Popen, seconds: float, log: Path) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"server exited with {proc.returncode}: {log.read_text()[-2000:]}")
        try:
            with urlopen(url, timeout=2):
                return
        except (URLError, ConnectionError, TimeoutError):
            time.sleep(0.25)
    pytest.fail(f"server at {url} not up after {seconds} s: {log.read_text()[-2000:]}")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


# --- dumps (kg dump = kg.store.write_file) ------------------------------------------------


@pytest.mark.parametrize("name,fmt", [("graph.nq", ox.RdfFormat.N_QUADS),
                                      ("graph.trig", ox.RdfFormat.TRIG)])
def test_dump_round_trips(store, tmp_path, name, fmt):
    write_file(store, tmp_path / name)
    assert [p.name for p in tmp_path.iterdir()] == [name]
    back = ox.Store()
    back.load(path=str(tmp_path / name), format=fmt)
    assert len(back) == len(store) == 38
    assert rows_local(back, CLAIMS) == rows_local(store, CLAIMS)
    assert rows_local(back, PER_GRAPH) == rows_local(store, PER_GRAPH)


# --- push against a recording server ------------------------------------------------------


class Recorder(BaseHTTPRequestHandler):
    """A Graph Store stand-in: records PUTs, asks for Basic auth, or fails on demand."""

    server: ThreadingHTTPServer

    def do_PUT(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers["Content-Length"]))
        mode = self.server.mode  # type: ignore[attr-defined]
        if mode == "basic" and self.headers.get("Authorization") != "Basic " + \
                base64.b64encode(b"alice:secret").decode():
            self._reply(401, b"who are you?", {"WWW-Authenticate": 'Basic realm="gsp"'})
            return
        if mode == "fail":
            self._reply(500, b"disk full\nmore detail")
            return
        self.server.puts.append((self.path, self.headers["Content-Type"], body))  # type: ignore
        self._reply(201, b"")

    def _reply(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def recorder() -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.mode = "open"  # type: ignore[attr-defined]
    server.puts = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_push_puts_each_graph_as_turtle_with_progress(store, recorder):
    url = "http://127.0.0.1:%d/store" % recorder.server_address[1]
    seen = []
    assert push(store, url, progress=lambda done, total, g: seen.append((done, total, g))) == 2
    assert seen == [(1, 2, "https://kg.example.org/graph/art1"),
                    (2, 2, "https://kg.example.org/graph/art2")]
    for (path, ctype, body), (_, _, graph) in zip(recorder.puts, seen):
        assert urlsplit(path).path == "/store"
        assert parse_qs(urlsplit(path).query) == {"graph": [graph]}
        assert ctype.startswith("text/turtle")
        sent = list(ox.parse(body, ox.RdfFormat.TURTLE))
        assert len(sent) == len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(graph))))


def test_push_includes_a_non_empty_default_graph(store, recorder):
    store.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.Literal("c")))
    assert push(store, "http://127.0.0.1:%d/store" % recorder.server_address[1]) == 3
    assert urlsplit(recorder.puts[-1][0]).query == "default"


def test_push_answers_a_basic_auth_challenge(store, recorder):
    recorder.mode = "basic"
    url = "http://127.0.0.1:%d/store" % recorder.server_address[1]
    with pytest.raises(PushError, match="401.*--user/--password"):
        push(store, url)
    assert push(store, url, user="alice", password="secret") == 2
    assert len(recorder.puts) == 2


def test_push_names_url_and_status_when_refused(store, recorder):
    recorder.mode = "fail"
    url = "http://127.0.0.1:%d/store" % recorder.server_address[1]
    with pytest.raises(PushError) as err:
        push(store, url)
    message = str(err.value)
    assert "HTTP 500" in message and url in message and "disk full" in message


def test_push_unreachable_store(store):
    url = "http://127.0.0.1:%d/store" % free_port()
    with pytest.raises(PushError, match="cannot reach the store") as err:
        push(store, url)
    assert url in str(err.value)
    with pytest.raises(PushError, match="not an http"):
        push(store, "ftp://example.org/store")


# --- a real Oxigraph server ---------------------------------------------------------------


def oxigraph_binary() -> str | None:
    beside_python = Path(sys.executable).with_name("oxigraph")
    return str(beside_python) if beside_python.exists() else shutil.which("oxigraph")


@pytest.fixture
def oxigraph_server(tmp_path) -> Iterator[str]:
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    port = free_port()
    log = tmp_path / "oxigraph.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([binary, "serve", "--location", str(tmp_path / "db"),
                                 "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                                stdout=out, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(f"{base}/query?query=ASK%7B%7D", proc, 30, log)
        yield base
    finally:
        stop(proc)


def test_push_into_oxigraph_twice_gives_the_same_rows(store, oxigraph_server):
    assert push(store, f"{oxigraph_server}/store") == 2
    assert_same_graph(store, f"{oxigraph_server}/query")
    assert push(store, f"{oxigraph_server}/store") == 2  # PUT replaces: nothing doubles
    assert_same_graph(store, f"{oxigraph_server}/query")


@pytest.mark.parametrize("name", ["graph.nq", "graph.trig"])
def test_dump_loads_with_oxigraph_load(store, tmp_path, name):
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    target = tmp_path / name
    write_file(store, target)
    subprocess.run([binary, "load", "--location", str(tmp_path / "db"), "--file", str(target)],
                   check=True, capture_output=True, timeout=60)
    loaded = ox.Store(str(tmp_path / "db"))
    assert len(loaded) == len(store)
    assert rows_local(loaded, PER_GRAPH) == rows_local(store, PER_GRAPH)
    assert rows_local(loaded, CLAIMS) == rows_local(store, CLAIMS)


# --- a real Virtuoso ----------------------------------------------------------------------

VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DirsAllowed = ., {dir}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
CheckpointInterval = 0
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerThreads = 4
MaxClientConnections = 4
[SPARQL]
ResultSetMaxRows = 10000
"""


class Virtuoso:
    def __init__(self, folder: Path, sql_port: int, http_port: int) -> None:
        self.folder = folder
        self.sql_port = sql_port
        self.base = f"http://127.0.0.1:{http_port}"

    def isql(self, *statements: str) -> str:
        script = self.folder / "script.sql"
        script.write_text("".join(s.rstrip(";") + ";\n" for s in statements))
        done = subprocess.run(["isql-vt", f"127.0.0.1:{self.sql_port}", "dba", "dba", str(script)],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0 and "*** Error" not in done.stdout, done.stdout + done.stderr
        return done.stdout


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory) -> Iterator[Virtuoso]:
    binary = shutil.which("virtuoso-t")
    if binary is None or shutil.which("isql-vt") is None:
        pytest.skip("Virtuoso is not installed (apt-get install virtuoso-opensource)")
    folder = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(dir=folder, sql_port=sql_port, http_port=http_port))
    log = folder / "virtuoso.out"
    with log.open("wb") as out:
        proc = subprocess.Popen([binary, "+foreground", "+configfile", str(ini)],
                                cwd=folder, stdout=out, stderr=subprocess.STDOUT)
    try:
        server = Virtuoso(folder, sql_port, http_port)
        wait_until_up(f"{server.base}/sparql?query=ASK%7B%7D", proc, 90, log)
        yield server
    finally:
        stop(proc)


def clear_sample_graphs(virtuoso: Virtuoso, store: ox.Store) -> None:
    virtuoso.isql(*(f"SPARQL CLEAR GRAPH <{g.value}>" for g in store.named_graphs()))
    assert rows_remote(f"{virtuoso.base}/sparql", PER_GRAPH) == []


def test_push_into_virtuoso_with_digest_auth(store, virtuoso):
    clear_sample_graphs(virtuoso, store)
    gsp = f"{virtuoso.base}/sparql-graph-crud-auth"
    with pytest.raises(PushError, match="401"):
        push(store, gsp, user="dba", password="wrong")
    for _ in range(2):  # a repeated push replaces, it does not add
        assert push(store, gsp, user="dba", password="dba") == 2
        assert_same_graph(store, f"{virtuoso.base}/sparql")


@pytest.mark.parametrize("name", ["graph.nq", "graph.trig"])
def test_dump_loads_into_virtuoso_with_ld_dir(store, virtuoso, name):
    clear_sample_graphs(virtuoso, store)
    folder = virtuoso.folder / name.replace(".", "_")
    folder.mkdir()
    write_file(store, folder / name)
    virtuoso.isql(f"ld_dir('{folder}', '{name}', 'https://kg.example.org/graph/unused')",
                  "rdf_loader_run()")
    state = virtuoso.isql(f"SELECT ll_state, ll_error FROM DB.DBA.load_list "
                          f"WHERE ll_file = '{folder / name}'")
    assert re.search(r"^\s*2\s+NULL\s*$", state, re.MULTILINE), state  # loaded, no error
    assert_same_graph(store, f"{virtuoso.base}/sparql")


# --- the commands -----------------------------------------------------------------------------


def wired(command: str):
    from kg.cli import main

    if command not in main.commands:
        pytest.skip(f"`kg {command}` is not wired into kg.cli yet")
    return main


@pytest.fixture
def store_dir(tmp_path) -> Path:
    folder = tmp_path / "kg.store"
    disk = ox.Store(str(folder))
    disk.load(path=str(SAMPLE))
    disk.flush()
    del disk  # release the lock: the commands open the store themselves
    return folder


def test_kg_push_and_kg_dump_commands(store, store_dir, oxigraph_server, tmp_path):
    from click.testing import CliRunner

    main = wired("push")
    result = CliRunner().invoke(main, ["push", "--store", str(store_dir),
                                       "--gsp", f"{oxigraph_server}/store"])
    assert result.exit_code == 0, result.output
    assert_same_graph(store, f"{oxigraph_server}/query")

    refused = CliRunner().invoke(main, ["push", "--store", str(store_dir),
                                        "--gsp", f"http://127.0.0.1:{free_port()}/store"])
    assert refused.exit_code == 1 and "cannot reach the store" in refused.output
    assert "Traceback" not in refused.output

    main = wired("dump")
    result = CliRunner().invoke(main, ["dump", "--store", str(store_dir),
                                       "-o", str(tmp_path / "all.nq")])
    assert result.exit_code == 0, result.output
    back = ox.Store()
    back.load(path=str(tmp_path / "all.nq"))
    assert len(back) == len(store)
