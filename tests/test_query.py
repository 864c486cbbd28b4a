"""Bundled queries with parameters, readable tables and `kg show`, on the real seed store."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import QueryError
from kg.query import Query, bundled, load, short_iri

PARAMETRISED = {name: load(name).params for name in bundled() if load(name).params}
# a value for each parameter that keeps some rows of the seed article
SEED_VALUES = {"who": "Biden", "what": "Russland", "name": "Q7184", "kind": "PhoneCall", "min": "2",
               "from": "2021-12", "to": "2021-12-31"}


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_every_parameter_is_declared_and_used():
    assert {"said_about", "timeline", "cooccurrence", "roles", "articles", "entities", "actors_of_event"} <= set(PARAMETRISED)
    for name, params in PARAMETRISED.items():
        text = load(name).text
        for param in params.values():
            assert param.description and f"${param.name}" in text, (name, param.name)
            assert f"?{param.name}" not in text, f"{name}: ?{param.name} is the same variable as ${param.name}"


def test_values_are_literals_and_cannot_change_the_query():
    q = Query("t", '# @param who: x\nSELECT * WHERE { BIND($who AS ?w) FILTER("$who" != "") } # $who\n')
    sparql = q.bind({"who": 'a") } SELECT * WHERE { ?s ?p ?o } #\n\\'})
    assert sparql.count("$who") == 2  # inside the string and the comment: untouched
    assert 'BIND("a\\") } SELECT * WHERE { ?s ?p ?o } #\\n\\\\" AS ?w)' in sparql


def test_bad_parameters_are_named(seed_store_dir):
    with pytest.raises(QueryError, match="unknown parameter colour"):
        load("said_about").bind({"colour": "red"})
    cases = [(("-p", "min=x"), "cooccurrence", "'x' is not an integer"),
             (("-p", "from=2022-13"), "timeline", "is not a date"),
             (("-p", "who"), "said_about", "write it as NAME=VALUE"),
             (("-p", "nobody=1"), "roles", "unknown parameter nobody (it takes: who)"),
             (("-p", "who=x"), "claims", "it takes: none")]
    for args, name, message in cases:
        result = run("query", name, *args, "--store", seed_store_dir)
        assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output


def test_every_parameter_runs_from_the_cli(seed_store_dir):
    for name, params in PARAMETRISED.items():
        args = [a for p in params for a in ("--param", f"{p}={SEED_VALUES[p]}")]
        result = run("query", name, *args, "--store", seed_store_dir, "--format", "json")
        assert result.exit_code == 0, (name, result.output)
        assert json.loads(result.output)["results"]["bindings"], (name, args)


def test_parameters_filter(seed_store_dir):
    def rows(name, *params):
        args = [a for p in params for a in ("-p", p)]
        return json.loads(run("query", name, *args, "--store", seed_store_dir, "--format", "json").output)["results"]["bindings"]

    every = rows("said_about")
    putin = rows("said_about", "who=putin")
    assert 0 < len(putin) < len(every) and {r["speakerLabel"]["value"] for r in putin} == {"Wladimir Putin"}
    assert rows("said_about", "who=Q7747") == putin  # by Wikidata QID
    assert [r["type"]["value"].rsplit("#")[-1] for r in rows("said_about", "who=Westen", "what=Ukraine")] == ["concern"]
    december = rows("timeline", "from=2021-12", "to=2021-12")
    assert december and all(r["date"]["value"].startswith("2021-12") for r in december)
    assert len(rows("timeline", "to=2021-06")) < len(rows("timeline"))
    june = {r["date"]["value"] for r in rows("timeline", "from=2021-06-15", "to=2021-06-30")}
    assert june == {"2021-06"}  # a month-precision date overlapping the range stays
    assert {r["type"]["value"] for r in rows("actors_of_event", "kind=phonecall")} == {"https://w3id.org/kg-news/ns#PhoneCall"}
    strong = rows("cooccurrence", "min=3")
    assert strong and all(int(r["sentences"]["value"]) >= 3 for r in strong)


def test_unbound_parameters_mean_no_filter(seed_store_dir):
    """The .rq files run as they are elsewhere: an unbound $param filters nothing."""
    from kg.query import select
    from kg.store import open_store

    store = open_store(seed_store_dir, read_only=True)
    for name in PARAMETRISED:
        raw = select(store, load(name).text)[1]
        assert raw == select(store, load(name).bind())[1], name


def test_list_shows_parameters():
    listing = run("query", "--list").output
    assert "--param who=" in listing and "--param min=… (integer) [default 1]" in listing


def test_table_shows_labels_and_csv_ends_once(seed_store_dir):
    table = run("query", "said_about", "-p", "who=Putin", "--store", seed_store_dir).output
    assert "https://" not in table and "kg:warning" in table and "000_8fcc23ba8dee0ef6" in table
    claims = run("query", "roles", "--store", seed_store_dir).output
    assert "entity/Q6279" in claims  # an IRI whose label the row already shows: its short form
    csv = run("query", "entities", "--store", seed_store_dir, "--format", "csv").output
    assert csv.endswith("\n") and csv.splitlines()[-1].strip() and "" not in [x.strip() for x in csv.splitlines()]
    assert "https://kg.example.org/entity/Q6279" in csv  # machine formats keep IRIs


def test_short_iri():
    assert short_iri("https://w3id.org/kg-news/ns#denial") == "kg:denial"
    assert short_iri("http://www.wikidata.org/entity/Q567") == "wd:Q567"
    assert short_iri("https://kg.example.org/article/29336#char=1,5") == "article/29336#char=1,5"
    assert short_iri("urn:x:y") == "urn:x:y"


def test_show(seed_store_dir):
    result = run("show", "biden", "--store", seed_store_dir)
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("Joe Biden (Person, wd:Q6279)")
    for title in ("Roles", "Claims by it", "Claims about it", "Events", "Co-occurring actors", "Articles"):
        assert f"\n{title}\n" in out
    assert "Präsident" in out and "Wladimir Putin" in out and "kg:PhoneCall" in out
    assert run("show", "Q6279", "--store", seed_store_dir).output == out
    assert run("show", "Putin", "--store", seed_store_dir).output.startswith("Wladimir Putin (Person")  # not his adviser
    ambiguous = run("show", "u", "--store", seed_store_dir)  # part of Juri Uschakow, Moskau, Russland …
    assert ambiguous.exit_code == 1 and "entities; give one" in ambiguous.output and "Juri Uschakow (Person)" in ambiguous.output
    missing = run("show", "Nobody Atall", "--store", seed_store_dir)
    assert missing.exit_code == 1 and "no entity matches" in missing.output


# --- the endpoint: /query/NAME and the page -------------------------------------------------------


@pytest.fixture(scope="module")
def endpoint(seed_store_dir):
    """`kg serve` on the seed store, on a free port of 127.0.0.1."""
    import threading

    from kg.serve import make_server
    from kg.store import open_store

    server = make_server(open_store(seed_store_dir, read_only=True), port=0)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}"
    server.shutdown()
    server.server_close()
    thread.join(5)


def fetch(url: str, accept: str = "application/sparql-results+json") -> tuple[int, str]:
    from urllib.error import HTTPError
    from urllib.request import Request, urlopen

    try:
        with urlopen(Request(url, headers={"Accept": accept}), timeout=30) as resp:
            return resp.status, resp.read().decode("utf-8")
    except HTTPError as err:
        return err.code, err.read().decode("utf-8")


def test_every_parameter_runs_on_the_endpoint(endpoint, seed_store_dir):
    from urllib.parse import urlencode

    for name, params in PARAMETRISED.items():
        values = {p: SEED_VALUES[p] for p in params}
        status, body = fetch(f"{endpoint}/query/{name}?{urlencode(values)}")
        assert status == 200, (name, body)
        cli = run("query", name, *[a for p, v in values.items() for a in ("-p", f"{p}={v}")],
                  "--store", seed_store_dir, "--format", "json").output
        assert json.loads(body)["results"]["bindings"] == json.loads(cli)["results"]["bindings"] != [], name
    status, csv = fetch(f"{endpoint}/query/said_about?who=Putin&format=csv")
    assert status == 200 and csv.startswith("claim,speakerLabel") and "Wladimir Putin" in csv


def test_endpoint_parameter_errors_and_injection(endpoint):
    from urllib.parse import quote

    assert fetch(f"{endpoint}/query/nonsense")[0] == 404
    for query, message in (("said_about?colour=red", "unknown parameter colour"),
                           ("timeline?from=2021-02-30", "is not a date"),
                           ("cooccurrence?min=two", "is not an integer"),
                           ("roles?who=a&who=b", "given more than once")):
        status, body = fetch(f"{endpoint}/query/{query}")
        assert status == 400 and message in body, query
    evil = quote('") || true) } } SELECT * WHERE { ?s ?p ?o } #')
    status, body = fetch(f"{endpoint}/query/said_about?who={evil}")
    assert status == 200 and json.loads(body)["results"]["bindings"] == []


def test_page_lists_the_bundled_queries_with_their_parameters(endpoint):
    import re

    status, page = fetch(endpoint + "/", accept="text/html")
    data = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)[1])
    examples = {e["name"]: e for e in data["examples"]}
    assert set(examples) == set(bundled())
    assert [p["name"] for p in examples["said_about"]["params"]] == ["who", "what"]
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)


@pytest.mark.skipif(__import__("shutil").which("chromium") is None, reason="Debian chromium is not installed")
def test_page_runs_a_bundled_query_in_headless_chromium(endpoint, tmp_path):
    import subprocess

    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--virtual-time-budget=5000",
             f"--user-data-dir={tmp_path}", "--enable-logging=stderr", "--dump-dom"]
    done = subprocess.run(["chromium", *flags, f"{endpoint}/#said_about?who=Putin"],
                          capture_output=True, text=True, timeout=120)
    dom = done.stdout
    assert "Uncaught" not in done.stderr
    assert 'value="Putin"' in dom or "Putin" in dom
    table = dom[dom.index('<div id="out">'):]
    assert "<table>" in table and "Wladimir Putin" in table and "kg:warning" in table
    assert "GET /query/said_about?who=Putin" in dom and "2 rows" in dom
