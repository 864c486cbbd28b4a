"""The SPARQL endpoint over real HTTP on 127.0.0.1, against a real Oxigraph store."""

from __future__ import annotations

import csv
import http.client
import io
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pyoxigraph as ox
import pytest

from kg.errors import KgError
from kg.serve import SparqlServer, make_server, negotiate, uses_service

SAMPLE = Path(__file__).parent / "data" / "sample.trig"
SRX = "{http://www.w3.org/2005/sparql-results#}"
CLAIMS = """PREFIX schema: <https://schema.org/>
SELECT ?claim ?author ?text WHERE {
  ?claim a schema:Claim ; schema:author ?author ; schema:text ?text .
} ORDER BY ?claim"""
# Slow by construction, on any machine: a cross product of 8 copies of the sample's 38 quads
# has 38^8 = 4e12 solutions (days of work for COUNT, and far more rows than any limit).
CROSS = " . ".join(f"?s{i} ?p{i} ?o{i}" for i in range(8))
SLOW_COUNT = f"SELECT (COUNT(*) AS ?n) WHERE {{ {CROSS} }}"
SLOW_ROWS = f"SELECT * WHERE {{ {CROSS} }}"


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def type(self) -> str:
        return (self.headers.get("Content-Type") or "").split(";")[0]

    def json(self) -> dict:
        return json.loads(self.body)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def request(server: SparqlServer, method: str, path: str, body: bytes | None = None,
            headers: dict[str, str] | None = None, timeout: float = 30) -> Response:
    host, port = server.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return Response(resp.status, resp.headers, resp.read())
    finally:
        conn.close()


def get(server: SparqlServer, query: str, accept: str | None = None, **params: str) -> Response:
    path = "/sparql?" + urlencode({"query": query, **params})
    return request(server, "GET", path, headers={"Accept": accept} if accept else {})


def post_form(server: SparqlServer, fields: dict[str, str], accept: str | None = None) -> Response:
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if accept:
        headers["Accept"] = accept
    return request(server, "POST", "/sparql", urlencode(fields).encode(), headers)


def post_query(server: SparqlServer, query: str, accept: str | None = None) -> Response:
    headers = {"Content-Type": "application/sparql-query; charset=utf-8"}
    if accept:
        headers["Accept"] = accept
    return request(server, "POST", "/sparql", query.encode("utf-8"), headers)


def running(store: ox.Store, **limits: float) -> Iterator[SparqlServer]:
    server = make_server(store, port=0, **limits)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture(scope="module")
def store() -> ox.Store:
    store = ox.Store()
    store.load(path=str(SAMPLE))
    return store


@pytest.fixture(scope="module")
def server(store: ox.Store) -> Iterator[SparqlServer]:
    yield from running(store, timeout=20, max_rows=1000)


@pytest.fixture(scope="module")
def tight(store: ox.Store) -> Iterator[SparqlServer]:
    """A server with a tiny row limit."""
    yield from running(store, timeout=20, max_rows=3)


@pytest.fixture(scope="module")
def hasty(store: ox.Store) -> Iterator[SparqlServer]:
    """A server with a short timeout (and room for 10 million rows, were there time)."""
    yield from running(store, timeout=0.3, max_rows=10_000_000, workers=2)


def local_claims(store: ox.Store) -> list[tuple[str, str, str]]:
    return [(s["claim"].value, s["author"].value, s["text"].value)
            for s in store.query(CLAIMS, use_default_graph_as_union=True)]


def json_rows(resp: Response) -> list[tuple[str, ...]]:
    data = resp.json()
    names = data["head"]["vars"]
    return [tuple(b[n]["value"] for n in names) for b in data["results"]["bindings"]]


# --- the three ways to send a query ---------------------------------------------------------


def test_get_post_form_and_post_query_give_the_same_rows(server, store):
    expected = local_claims(store)
    assert len(expected) == 3  # claims of both article graphs: the default graph is their union
    for resp in (get(server, CLAIMS), post_form(server, {"query": CLAIMS}),
                 post_query(server, CLAIMS)):
        assert resp.status == 200, resp.text
        assert resp.type == "application/sparql-results+json"
        assert json_rows(resp) == expected


def test_json_results_keep_german_text_and_language_tags(server):
    resp = get(server, CLAIMS, accept="application/sparql-results+json")
    texts = [b["text"] for b in resp.json()["results"]["bindings"]]
    assert {"type": "literal", "value": "Die Zusammenarbeit mit Frankreich ist für Europa "
            "unverzichtbar.", "xml:lang": "de"} in texts
    assert resp.headers["Content-Type"] == "application/sparql-results+json; charset=utf-8"


def test_typed_literal_carries_its_datatype(server):
    resp = get(server, "PREFIX schema: <https://schema.org/> SELECT ?d WHERE "
                       "{ ?a schema:datePublished ?d } ORDER BY ?d LIMIT 1")
    assert resp.json()["results"]["bindings"][0]["d"] == {
        "type": "literal", "value": "2024-03-01",
        "datatype": "http://www.w3.org/2001/XMLSchema#date"}


def test_named_graphs_and_default_graph_uri(server):
    graphs = json_rows(get(server, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"))
    assert graphs == [("https://kg.example.org/graph/art1",), ("https://kg.example.org/graph/art2",)]
    only_art1 = get(server, CLAIMS, **{"default-graph-uri": "https://kg.example.org/graph/art1"})
    assert [row[0].rsplit("/", 1)[1] for row in json_rows(only_art1)] == [
        "art1-claim1", "art1-claim2"]


# --- result formats -----------------------------------------------------------------------


def test_select_as_xml(server, store):
    resp = get(server, CLAIMS, accept="application/sparql-results+xml")
    assert resp.status == 200 and resp.type == "application/sparql-results+xml"
    root = ET.fromstring(resp.body)
    rows = [tuple(b.find("*").text for b in r.findall(f"{SRX}binding"))
            for r in root.iter(f"{SRX}result")]
    assert rows == local_claims(store)
    assert root.find(f".//{SRX}literal").get("{http://www.w3.org/XML/1998/namespace}lang") == "de"


def test_select_as_csv_and_tsv(server, store):
    resp = get(server, CLAIMS, accept="text/csv")
    assert resp.status == 200 and resp.type == "text/csv"
    rows = list(csv.reader(io.StringIO(resp.text)))
    assert rows[0] == ["claim", "author", "text"]
    assert [tuple(r) for r in rows[1:]] == local_claims(store)

    resp = get(server, CLAIMS, accept="text/tab-separated-values")
    assert resp.status == 200 and resp.type == "text/tab-separated-values"
    lines = resp.text.splitlines()
    assert lines[0] == "?claim\t?author\t?text"
    assert '"Die Schuldenbremse gilt auch in diesem Jahr."@de' in lines[3]


def test_accept_q_values_and_format_parameter(server):
    def chosen(accept: str | None, **params: str) -> str:
        resp = get(server, "ASK { ?s ?p ?o }", accept, **params)
        assert resp.status == 200, resp.text
        return resp.type

    assert chosen("*/*") == "application/sparql-results+json"
    assert chosen("text/html,application/xhtml+xml,*/*;q=0.8") == "application/sparql-results+json"
    assert chosen("text/csv;q=0.5, application/sparql-results+xml") == "application/sparql-results+xml"
    assert chosen("text/*;q=0.8, */*;q=0.1") == "text/csv"
    assert chosen("application/sparql-results+json;q=0, */*") == "application/sparql-results+xml"
    assert chosen("application/sparql-results+xml", format="json") == "application/sparql-results+json"
    assert chosen(None, format="text/tab-separated-values") == "text/tab-separated-values"


def test_ask(server):
    assert get(server, "ASK { ?s a <https://schema.org/Claim> }").json()["boolean"] is True
    xml = get(server, "ASK { ?s a <https://schema.org/Nothing> }", "application/sparql-results+xml")
    assert ET.fromstring(xml.body).find(f"{SRX}boolean").text == "false"


@pytest.mark.parametrize("accept,fmt", [
    ("text/turtle", ox.RdfFormat.TURTLE),
    ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    ("application/ld+json", ox.RdfFormat.JSON_LD),
    ("application/n-quads", ox.RdfFormat.N_QUADS),
    ("application/trig", ox.RdfFormat.TRIG),
])
def test_construct_in_each_rdf_format(server, store, accept, fmt):
    query = "PREFIX schema: <https://schema.org/> CONSTRUCT { ?p schema:name ?n } WHERE " \
            "{ ?p a schema:Person ; schema:name ?n }"
    resp = post_query(server, query, accept)
    assert resp.status == 200, resp.text
    assert resp.type == accept
    got = {(q.subject, q.predicate, q.object) for q in ox.parse(resp.body, fmt)}
    expected = {(t.subject, t.predicate, t.object)
                for t in store.query(query, use_default_graph_as_union=True)}
    assert got == expected and len(got) == 3  # Scholz is in both graphs, counted once


def test_describe_defaults_to_turtle(server):
    resp = get(server, "DESCRIBE <https://kg.example.org/entity/Paris>", "*/*")
    assert resp.status == 200 and resp.type == "text/turtle"
    names = [q.object for q in ox.parse(resp.body, ox.RdfFormat.TURTLE)
             if q.predicate.value == "https://schema.org/name"]
    assert names == [ox.Literal("Paris", language="de")]


def test_406_for_a_type_the_endpoint_cannot_produce(server):
    assert get(server, CLAIMS, "image/png").status == 406
    construct = "CONSTRUCT WHERE { ?s a ?t }"
    resp = get(server, construct, "application/sparql-results+json")
    assert resp.status == 406
    assert "text/turtle" in resp.text  # says what it can produce instead
    assert get(server, CLAIMS, format="pdf").status == 406


# --- errors and refusals ------------------------------------------------------------------


def test_syntax_error_is_400_with_a_readable_message(server):
    resp = get(server, "SELEKT * WHERE { ?s ?p ?o }")
    assert resp.status == 400
    assert resp.type == "text/plain"
    assert "syntax error" in resp.text and "1:" in resp.text


def test_missing_query_wrong_content_type_and_unknown_path(server):
    assert request(server, "GET", "/sparql").status == 400
    assert request(server, "POST", "/sparql", b"x", {"Content-Type": "text/plain"}).status == 415
    assert request(server, "GET", "/nothing").status == 404


@pytest.mark.parametrize("send", [
    lambda s: get(s, "", update="INSERT DATA { <urn:a> <urn:b> <urn:c> }"),
    lambda s: post_form(s, {"update": "DELETE WHERE { ?s ?p ?o }"}),
    lambda s: request(s, "POST", "/sparql", b"CLEAR ALL",
                      {"Content-Type": "application/sparql-update"}),
    lambda s: get(s, "INSERT DATA { <urn:a> <urn:b> <urn:c> }"),
    lambda s: post_query(s, "# load it\nPREFIX ex: <urn:x:>\nLOAD <http://127.0.0.1:9/x.ttl>"),
    lambda s: post_form(s, {"query": "DROP ALL"}),
], ids=["get-update", "form-update", "sparql-update-body", "insert-as-query", "load", "drop"])
def test_updates_are_refused_and_change_nothing(server, store, send):
    before = len(store)
    resp = send(server)
    assert resp.status == 403
    assert "read-only" in resp.text
    assert len(store) == before


@pytest.fixture
def bait() -> Iterator[socket.socket]:
    """A listening socket that SERVICE queries point at: it must never be contacted."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    sock.setblocking(False)
    yield sock
    sock.close()


@pytest.mark.parametrize("template", [
    "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "select * where {{ ?s ?p ?o . service silent <{url}> {{ ?s ?p ?x }} }}",
    "SELECT * WHERE {{ OPTIONAL {{ SeRvIcE\t<{url}> {{ ?s ?p ?o }} }} }}",
    "SELECT * WHERE {{ ?s ?p ?o # a comment\n SERVICE # another\n <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ BIND(<{url}> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?s ?p 'service' . SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "ASK {{ SERVICE <{url}> {{ }} }}",
    # rdflib would read '\u0022' as a quote opening a long string that hides SERVICE:
    'SELECT * WHERE {{ ?s ?p "\\u0022" . SERVICE <{url}> {{ ?a ?b ?c }} . ?d ?e "\\u0022" }}',
    "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {{ SERVICE <{url}> {{ ?s ?p ?o }} }} UNION {{ ?s ?p ?o }} }}",
    # A comment ends at a bare CR for SPARQL and Oxigraph (rdflib alone reads on to the LF):
    "SELECT * WHERE {{ # a comment\r SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?s ?p ?o #\rSERVICE <{url}> {{ ?s ?p ?x }}\n}}",
])
def test_service_is_refused_before_any_connection(server, bait, template):
    url = "http://127.0.0.1:%d/sparql" % bait.getsockname()[1]
    resp = get(server, template.format(url=url))
    assert resp.status == 403
    assert "SERVICE" in resp.text
    with pytest.raises(BlockingIOError):
        bait.accept()


@pytest.mark.parametrize("query", [
    'PREFIX schema: <https://schema.org/> SELECT ?t WHERE { ?c schema:text ?t FILTER(CONTAINS(?t, "Service")) }',
    "SELECT ?service WHERE { ?service a <https://schema.org/Claim> }",
    "PREFIX service: <https://schema.org/> SELECT * WHERE { ?s a service:Claim }",
    "PREFIX ex: <https://example.org/> SELECT * WHERE { ?s ex:service ?o }",
    "SELECT * WHERE { ?s <https://example.org/service> ?o } # no SERVICE here",
])
def test_the_word_service_elsewhere_is_not_refused(server, query):
    resp = get(server, query)
    assert resp.status == 200, resp.text


def test_uses_service_unit():
    assert uses_service("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }")
    assert uses_service("SELECT * { \\u0053ERVICE <http://x/> { ?s ?p ?o } }")
    assert not uses_service("SELECT * { ?s ?p 'SERVICE' }")
    assert not uses_service("SELECT * { ?s <http://x/#SERVICE> ?o }")
    assert not uses_service("SELECT * { ?s ?p ?o }")


def test_negotiate_unit():
    offered = ["application/sparql-results+json", "text/csv"]
    assert negotiate(None, offered) == "application/sparql-results+json"
    assert negotiate("text/csv;q=0.9, application/*;q=0.1", offered) == "text/csv"
    assert negotiate("text/*;q=0, */*", offered) == "application/sparql-results+json"
    assert negotiate("image/png", offered) is None


# --- browsers -----------------------------------------------------------------------------


def test_cors_headers_and_preflight(server):
    resp = get(server, "ASK {}")
    assert resp.headers["Access-Control-Allow-Origin"] == "*"
    pre = request(server, "OPTIONS", "/sparql", headers={
        "Origin": "https://yasgui.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type,accept"})
    assert pre.status == 204
    assert pre.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in pre.headers["Access-Control-Allow-Methods"]
    assert "content-type" in pre.headers["Access-Control-Allow-Headers"].lower()
    private = request(server, "OPTIONS", "/sparql", headers={
        "Origin": "https://yasgui.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Private-Network": "true"})
    assert private.headers["Access-Control-Allow-Private-Network"] == "true"
    # Errors carry the header too, or the browser hides their message from the page.
    assert get(server, "nonsense").headers["Access-Control-Allow-Origin"] == "*"


def test_html_page_works_offline(server):
    resp = request(server, "GET", "/")
    assert resp.status == 200 and resp.type == "text/html"
    page = resp.text
    assert "<textarea" in page and "fetch(" in page and "<table" not in page.split("<script>")[0]
    for external in ('src="http', "src='http", 'href="http', "@import"):
        assert external not in page


def test_head_is_get_without_a_body(server):
    resp = request(server, "HEAD", "/health")
    assert resp.status == 200 and resp.type == "application/json" and resp.body == b""
    assert int(resp.headers["Content-Length"]) > 0
    assert request(server, "HEAD", "/").status == 200
    assert request(server, "GET", "/health").json()["status"] == "ok"  # the connection is sane


def test_health(server):
    resp = request(server, "GET", "/health")
    assert resp.status == 200
    health = resp.json()
    assert health["status"] == "ok" and health["workers"] == 4 and 1 <= health["idle_workers"] <= 4


def test_bad_bytes_and_bad_graph_iri_are_400(server):
    resp = request(server, "POST", "/sparql", b"ASK {\xff}",
                   {"Content-Type": "application/sparql-query"})
    assert resp.status == 400 and "UTF-8" in resp.text
    assert get(server, "ASK {}", **{"default-graph-uri": "not an iri"}).status == 400


def test_port_in_use_is_a_clear_error(server, store):
    with pytest.raises(KgError, match="cannot listen on 127.0.0.1"):
        make_server(store, port=server.server_address[1])


def test_serves_an_on_disk_store_read_only(tmp_path, store):
    disk = ox.Store(str(tmp_path / "kg.store"))
    disk.load(path=str(SAMPLE))
    del disk  # closed: the workers open it read-only themselves
    for server in running(tmp_path / "kg.store", workers=1):
        assert json_rows(get(server, CLAIMS)) == local_claims(store)
        assert get(server, "INSERT DATA { <urn:a> <urn:b> <urn:c> }").status == 403


def test_a_store_the_workers_cannot_open_is_a_clear_error(tmp_path):
    with pytest.raises(KgError, match="cannot open the store"):
        make_server(tmp_path / "missing", workers=1)


def test_binds_loopback_by_default(store):
    server = make_server(store)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()


# --- limits -------------------------------------------------------------------------------


def test_row_limit_is_an_error_not_a_silent_cut(tight):
    resp = get(tight, "SELECT ?s WHERE { ?s ?p ?o }")
    assert resp.status == 400
    assert "more than 3 rows" in resp.text and "LIMIT" in resp.text
    assert len(json_rows(get(tight, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 3"))) == 3
    assert get(tight, "CONSTRUCT WHERE { ?s ?p ?o }", "text/turtle").status == 400


@pytest.mark.parametrize("query", [SLOW_ROWS, SLOW_COUNT], ids=["streaming", "aggregate"])
def test_timeout_answers_503_on_time(hasty, query):
    started = time.monotonic()
    resp = get(hasty, query)
    elapsed = time.monotonic() - started
    assert resp.status == 503, resp.text[:200]
    assert "time limit" in resp.text
    assert elapsed < 15  # 0.3 s limit plus slack for a loaded machine; the query itself never ends


def test_server_recovers_after_a_timeout(hasty):
    assert get(hasty, SLOW_ROWS).status == 503
    assert get(hasty, SLOW_ROWS).status == 503  # both workers killed, replacements starting
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # until a replacement worker is up
        resp = get(hasty, "ASK { ?s ?p ?o }")
        if resp.status == 200:
            break
    assert resp.status == 200 and resp.json()["boolean"] is True


def test_request_body_limit_answers_before_reading_the_body(server):
    host, port = server.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=10)
    try:
        conn.putrequest("POST", "/sparql")
        conn.putheader("Content-Type", "application/sparql-query")
        conn.putheader("Content-Length", "2000000")
        conn.endheaders()  # the 2 MB never come: the server must not wait for them
        resp = conn.getresponse()
        assert resp.status == 413 and b"exceeds the limit" in resp.read()
    finally:
        conn.close()


@pytest.mark.parametrize("length", ["-1", "+5", "1_0", "abc", ""])
def test_invalid_content_length_is_400_without_reading_the_body(server, length):
    host, port = server.server_address[:2]
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query"
                     b"\r\nContent-Length: " + length.encode() + b"\r\n\r\nASK {}")
        # The connection stays open: a server reading the body "to EOF" would never answer.
        head = sock.recv(200)
    assert head.startswith(b"HTTP/1.1 400"), head


def worker_pids(server: SparqlServer) -> set[int]:
    return {w.process.pid for w in server.pool._all}


def test_runaway_queries_are_killed_and_the_endpoint_recovers(store):
    """Four never-ending queries on two workers: each is stopped at its timeout."""
    for server in running(store, timeout=0.5, workers=2):
        first = worker_pids(server)
        with ThreadPoolExecutor(4) as pool:
            statuses = list(pool.map(lambda q: get(server, q).status, [SLOW_COUNT] * 4))
        assert statuses == [503] * 4
        for pid in first:  # the processes that ran them are gone, not burning CPU
            with pytest.raises(ProcessLookupError):
                os.kill(pid, 0)
        deadline = time.monotonic() + 60  # replacements start in the background
        while time.monotonic() < deadline and get(server, "ASK { ?s ?p ?o }").status != 200:
            time.sleep(0.1)
        assert get(server, "ASK { ?s ?p ?o }").json()["boolean"] is True
        assert request(server, "GET", "/health").json()["status"] == "ok"


def test_health_says_saturated_while_every_worker_is_busy(store):
    for server in running(store, timeout=300, workers=1):
        client = threading.Thread(target=lambda: _ignore_errors(get, server, SLOW_COUNT), daemon=True)
        client.start()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            health = request(server, "GET", "/health")
            if health.status != 200:
                break
            time.sleep(0.05)
        assert health.status == 503
        assert health.json() == {"status": "saturated", "idle_workers": 0, "workers": 1}
    # leaving running() closed the server: the busy worker was killed, not waited for
    client.join(30)
    assert not client.is_alive()


def _ignore_errors(func, *args):
    try:
        func(*args)
    except OSError:
        pass


# --- concurrency --------------------------------------------------------------------------


def test_load_20_clients_1000_queries(server, store):
    expected_claims = local_claims(store)
    queries = [
        (CLAIMS, "application/sparql-results+json"),
        ("ASK { ?s a <https://schema.org/Person> }", "application/sparql-results+json"),
        ("CONSTRUCT WHERE { ?s a <https://schema.org/Person> }", "text/turtle"),
        (CLAIMS, "text/csv"),
    ]

    def client(worker: int) -> list[str]:
        problems = []
        for i in range(50):
            query, accept = queries[(worker + i) % len(queries)]
            resp = post_query(server, query, accept) if i % 2 else get(server, query, accept)
            if resp.status != 200:
                problems.append(f"{resp.status}: {resp.text[:100]}")
            elif query == CLAIMS and accept.endswith("json") and json_rows(resp) != expected_claims:
                problems.append("wrong rows")
        return problems

    started = time.monotonic()
    with ThreadPoolExecutor(20) as pool:
        problems = [p for result in pool.map(client, range(20)) for p in result]
    elapsed = time.monotonic() - started
    assert problems == []
    print(f"1000 queries from 20 clients in {elapsed:.1f} s")


def test_sparqlwrapper_client(server, store):
    """The client code shown in docs/serve.md."""
    sparqlwrapper = pytest.importorskip("SPARQLWrapper")
    for method in ("GET", "POST"):
        sparql = sparqlwrapper.SPARQLWrapper(server.url)
        sparql.setReturnFormat(sparqlwrapper.JSON)
        sparql.setMethod(method)
        sparql.setQuery(CLAIMS)
        bindings = sparql.queryAndConvert()["results"]["bindings"]
        assert [(b["claim"]["value"], b["author"]["value"], b["text"]["value"])
                for b in bindings] == local_claims(store)
    sparql = sparqlwrapper.SPARQLWrapper(server.url)
    sparql.setReturnFormat(sparqlwrapper.TURTLE)
    sparql.setQuery("CONSTRUCT WHERE { ?s a <https://schema.org/Person> }")
    assert len(list(ox.parse(sparql.query().convert(), ox.RdfFormat.TURTLE))) == 3


@pytest.mark.parametrize("fmt", ["N3", "RDFXML", "XML", "TURTLE", "JSONLD"])
def test_sparqlwrapper_construct_in_each_return_format(server, fmt):
    sparqlwrapper = pytest.importorskip("SPARQLWrapper")
    sparql = sparqlwrapper.SPARQLWrapper(server.url)
    sparql.setReturnFormat(getattr(sparqlwrapper, fmt))
    sparql.setQuery("CONSTRUCT WHERE { ?s a <https://schema.org/Person> }")
    result = sparql.query().convert()
    if isinstance(result, bytes):  # N3, TURTLE and JSONLD come back unparsed
        result = ox.parse(result, ox.RdfFormat.JSON_LD if fmt == "JSONLD" else ox.RdfFormat.TURTLE)
    assert len(list(result)) == 3


def test_url_property(server):
    assert urlsplit(server.url).path == "/sparql"


# --- the command ------------------------------------------------------------------------------


def _start_kg_serve() -> tuple[subprocess.Popen, str]:
    """`kg serve --data SAMPLE --port 0` in a process group of its own (so a test can reap every
    worker whatever happens), and the endpoint URL it prints."""
    from kg.cli import main

    if "serve" not in main.commands:
        pytest.skip("`kg serve` is not wired into kg.cli yet")
    proc = subprocess.Popen(
        [sys.executable, "-c", "from kg.cli import main; main()", "serve", "--data", str(SAMPLE),
         "--port", "0", "--timeout", "600", "--max-rows", "100"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        cwd=Path(__file__).resolve().parents[1],
        # as a shell starts a background job: Ctrl-C must stop the server all the same
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    line = proc.stdout.readline()
    if "http://127.0.0.1:" not in line:
        _reap(proc)
        pytest.fail(f"kg serve did not start: {line}{proc.communicate(timeout=10)[1]}")
    return proc, line[line.index("http://"):].split()[0]


def _start_runaway_query(url: str) -> None:
    """Send a query that would run for days and wait until a worker is evaluating it."""
    runaway = url + "?" + urlencode({"query": SLOW_COUNT})
    threading.Thread(target=lambda: _ignore_errors(urllib.request.urlopen, runaway), daemon=True).start()
    health = url.replace("/sparql", "/health")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with urllib.request.urlopen(health, timeout=10) as resp:
            if json.load(resp)["idle_workers"] < 4:
                return
        time.sleep(0.05)
    pytest.fail("the runaway query never reached a worker")


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def _reap(proc: subprocess.Popen) -> None:
    """Kill whatever is left of the server's process group (never leave a worker running)."""
    if _group_alive(proc.pid):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(10)


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_kg_serve_command(stop_signal):
    """`kg serve --data FILE --port 0` prints its URL, answers, and stops on Ctrl-C or SIGTERM,
    even while a query that would run for days is being evaluated."""
    proc, url = _start_kg_serve()
    try:
        assert url.endswith("/sparql")
        with urllib.request.urlopen(url + "?" + urlencode({"query": CLAIMS}), timeout=10) as resp:
            assert len(json.load(resp)["results"]["bindings"]) == 3
        _start_runaway_query(url)
    finally:
        proc.send_signal(stop_signal)
        try:
            proc.wait(60)  # a loaded machine can be slow to tear the server down
        except subprocess.TimeoutExpired:
            pass
        returncode = proc.returncode
        _reap(proc)
    assert returncode == 0, proc.communicate(timeout=10)[1]


def test_workers_end_when_the_server_is_killed():
    """A server killed outright cannot stop its workers; they notice and exit, the busy one too."""
    proc, url = _start_kg_serve()
    try:
        _start_runaway_query(url)
        proc.kill()
        proc.wait(10)
        deadline = time.monotonic() + 30
        while _group_alive(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _group_alive(proc.pid), "a query worker outlived its server"
    finally:
        _reap(proc)
