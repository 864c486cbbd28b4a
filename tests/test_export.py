"""Graph exports: the NetworkX projection of a real Oxigraph store, every writer read back, and the
HTML view drawn by real headless Chromium."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import networkx as nx
import pytest
from PIL import Image
from pyoxigraph import Store

from kg.export import FORMATS, ExportError, cytoscape, node_link, to_networkx, write_graph
from kg.store import load_files

SAMPLE = Path(__file__).parent / "data" / "export_sample.trig"
E = "https://kg.example.org/entity/"
SCHOLZ, MACRON, PUTIN = E + "Q61053", E + "Q3052772", E + "Q7747"
RUSSIA, GERMANY, NATO, KREMLIN, PARIS = E + "Q159", E + "Q183", E + "Q7184", E + "organization/kreml", E + "Q90"
UKRAINE = E + "Q212"


@pytest.fixture(scope="module")
def store() -> Store:
    return load_files([SAMPLE])


@pytest.fixture(scope="module")
def graphs(store) -> dict[str, nx.MultiDiGraph]:
    return {view: to_networkx(store, view) for view in ("full", "actors")}


def edges_of(graph: nx.MultiDiGraph) -> dict[tuple[str, str, str], dict]:
    return {(u, v, d["kind"]): d for u, v, d in graph.edges(data=True)}


# --- the projection --------------------------------------------------------------------------------

def test_full_view_has_entities_events_and_claims_with_iris_types_and_iso_dates(graphs):
    g = graphs["full"]
    kinds = Counter(d["kind"] for _, d in g.nodes(data=True))
    assert kinds == {"entity": 11, "event": 2, "claim": 4}
    for node, d in g.nodes(data=True):
        assert d["iri"] == node and d["label"] and d["type"]
    for _, _, d in g.edges(data=True):
        assert d["kind"] and d["label"]
    scholz = g.nodes[SCHOLZ]
    assert (scholz["label"], scholz["type"], scholz["wikidata"], scholz["articles"]) == ("Olaf Scholz", "Person", "Q61053", 2)
    assert scholz["roles"] == ["Bundeskanzler (Deutschland)"]
    events = {d["type"]: d for _, d in g.nodes(data=True) if d["kind"] == "event"}
    assert events["Meeting"]["date"] == "2024-02-28" and events["Meeting"]["status"] == "occurred"
    assert events["PhoneCall"]["date"] == "2024-04" and events["PhoneCall"]["status"] == "planned"
    meeting = next(n for n, d in g.nodes(data=True) if d.get("type") == "Meeting")
    assert {(v, d["kind"]) for _, v, d in g.out_edges(meeting, data=True)} == {
        (SCHOLZ, "participant"), (MACRON, "participant"), (PARIS, "place")}
    claims = {d["type"]: (n, d) for n, d in g.nodes(data=True) if d["kind"] == "claim"}
    warning, data = claims["warning"]
    assert data["date"] == "2024-03-01" and data["mode"] == "indirect" and data["article"] == "exp-001"
    assert data["sentences"] == ["Scholz warnte Russland vor weiteren Angriffen auf die Ukraine."]
    assert g.has_edge(SCHOLZ, warning) and g.has_edge(warning, RUSSIA)
    assert (KREMLIN, RUSSIA, "stands_for") in edges_of(g)


def test_actor_view_links_speakers_to_addressees_and_co_participants(graphs):
    g = graphs["actors"]
    assert {d["type"] for _, d in g.nodes(data=True)} == {"Person", "Organization", "Country"}
    assert PARIS not in g
    edges = edges_of(g)
    assert set(edges) == {
        (MACRON, SCHOLZ, "said_to"), (SCHOLZ, RUSSIA, "warned"), (PUTIN, NATO, "accused"),
        (KREMLIN, GERMANY, "rejected"), (MACRON, SCHOLZ, "co_participant"), (SCHOLZ, PUTIN, "co_participant"),
        (SCHOLZ, UKRAINE, "said_about"), (MACRON, UKRAINE, "said_about"),  # the topic, unless it is the addressee
        (KREMLIN, PUTIN, "relayed")}
    assert edges[KREMLIN, PUTIN, "relayed"]["evidence"] == ["der NATO Provokationen"]
    said = edges[MACRON, SCHOLZ, "said_to"]
    assert (said["weight"], said["label"], said["date"]) == (1, "said to", "2024-03-01")
    assert said["evidence"] == ["Wir stehen fest an der Seite der Ukraine"]
    assert said["sentences"] == ['"Wir stehen fest an der Seite der Ukraine", sagte Macron zu Scholz.']
    met = edges[MACRON, SCHOLZ, "co_participant"]
    assert met["evidence"] == ["getroffen 2024-02-28 (Meeting)"] and met["date"] == "2024-02-28"
    assert g.nodes[PUTIN]["claims"] == ["der NATO Provokationen"]


def test_edges_are_weighted_by_count_across_articles(tmp_path):
    copy = tmp_path / "copy.trig"
    copy.write_text(SAMPLE.read_text("utf-8").replace("exp-001", "exp-003"), "utf-8")
    g = to_networkx(load_files([SAMPLE, copy]), "actors")
    said = edges_of(g)[MACRON, SCHOLZ, "said_to"]
    assert said["weight"] == 2 and said["articles"] == ["exp-001", "exp-003"]
    assert len(said["items"]) == 2 and len(said["evidence"]) == 1  # the same words, said twice
    assert g.graph["articles"] == 3


@pytest.mark.parametrize("kwargs, nodes, edges", [
    ({"article": "exp-002"}, {PUTIN, SCHOLZ, NATO, KREMLIN, GERMANY, RUSSIA},
     {(PUTIN, NATO, "accused"), (KREMLIN, GERMANY, "rejected"), (SCHOLZ, PUTIN, "co_participant"),
      (KREMLIN, PUTIN, "relayed")}),
    ({"types": ["person"]}, {PUTIN, SCHOLZ, MACRON},
     {(MACRON, SCHOLZ, "said_to"), (MACRON, SCHOLZ, "co_participant"), (SCHOLZ, PUTIN, "co_participant")}),
    ({"date_from": "2024-03-02"}, {PUTIN, SCHOLZ, NATO, KREMLIN, GERMANY, RUSSIA},
     {(PUTIN, NATO, "accused"), (KREMLIN, GERMANY, "rejected"), (SCHOLZ, PUTIN, "co_participant"),
      (KREMLIN, PUTIN, "relayed")}),
    ({"date_to": "2024-02"}, {MACRON, SCHOLZ}, {(MACRON, SCHOLZ, "co_participant")}),
])
def test_filters_by_article_type_and_date(store, kwargs, nodes, edges):
    g = to_networkx(store, "actors", **kwargs)
    assert set(g) == nodes
    assert set(edges_of(g)) == edges


@pytest.mark.parametrize("kwargs, message", [
    ({"view": "people"}, "unknown view"), ({"types": ["Alien"]}, "unknown entity type"),
    ({"article": "nope"}, "no such article"), ({"date_from": "gestern"}, "not a date"),
])
def test_bad_arguments_are_reported_cleanly(store, kwargs, message):
    with pytest.raises(ExportError, match=message):
        to_networkx(store, **kwargs)


def test_empty_store_exports_an_empty_graph(tmp_path):
    g = to_networkx(Store(), "actors")
    assert g.number_of_nodes() == 0
    for fmt in FORMATS:
        write_graph(g, tmp_path / f"empty.{fmt}", fmt)


# --- writers ---------------------------------------------------------------------------------------

def read_back(path: Path, fmt: str) -> nx.Graph:
    return nx.read_graphml(path, force_multigraph=True) if fmt == "graphml" else nx.read_gexf(path)


@pytest.mark.parametrize("view", ["full", "actors"])
@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graphml_and_gexf_read_back_with_the_same_nodes_and_edges(graphs, tmp_path, view, fmt):
    g = graphs[view]
    path = tmp_path / f"{view}.{fmt}"
    assert write_graph(g, path) == fmt
    back = read_back(path, fmt)
    assert set(back) == set(g)
    assert Counter((u, v) for u, v in back.edges()) == Counter((u, v) for u, v in g.edges())
    for node, d in g.nodes(data=True):
        assert back.nodes[node]["label"] == d["label"] and back.nodes[node]["kind"] == d["kind"]
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left behind


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_writers_survive_none_lists_control_characters_and_reserved_names(tmp_path, fmt):
    g = nx.MultiDiGraph()
    g.add_node("a", label="Bell\x07 und \x0bTab", kind="entity", missing=None, roles=["x", "y"])
    g.add_node("b", label="B", kind="entity")
    g.add_edge("a", "b", "k", kind="said_to", type="directed?", evidence=["eins", None, "zwei"], date=None)
    path = tmp_path / f"odd.{fmt}"
    write_graph(g, path)
    back = read_back(path, fmt)
    assert back.nodes["a"]["label"] == "Bell und Tab" and back.nodes["a"]["roles"] == "x | y"
    assert "missing" not in back.nodes["a"]
    (_, _, edge), = back.edges(data=True)
    assert edge["evidence"] == "eins | zwei" and edge["kind"] == "said_to"
    assert edge["edge_type" if fmt == "gexf" else "type"] == "directed?"


def test_node_link_json_is_what_d3_reads(graphs, tmp_path):
    g = graphs["actors"]
    write_graph(g, tmp_path / "g.json")
    doc = json.loads((tmp_path / "g.json").read_text("utf-8"))
    assert doc == json.loads(json.dumps(node_link(g)))
    ids = {n["id"] for n in doc["nodes"]}
    assert ids == set(g) and all({"iri", "kind", "type", "label"} <= n.keys() for n in doc["nodes"])
    assert len(doc["links"]) == g.number_of_edges()
    assert all(link["source"] in ids and link["target"] in ids and link["kind"] for link in doc["links"])
    assert nx.node_link_graph(doc, edges="links").number_of_edges() == g.number_of_edges()


def test_cytoscape_json_has_elements_nodes_and_edges(graphs, tmp_path):
    g = graphs["full"]
    write_graph(g, tmp_path / "g.cyjs", "cytoscape")
    doc = json.loads((tmp_path / "g.cyjs").read_text("utf-8"))
    nodes, edges = doc["elements"]["nodes"], doc["elements"]["edges"]
    ids = {n["data"]["id"] for n in nodes}
    assert ids == set(g) and all(n["data"]["name"] == n["data"]["label"] for n in nodes)
    assert len({e["data"]["id"] for e in edges}) == len(edges) == g.number_of_edges()
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids and e["data"]["interaction"] for e in edges)
    assert not any(v is None for n in nodes for v in n["data"].values())


def html_data(page: str) -> dict:
    block = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    return json.loads(block[1])


def test_html_is_one_offline_file_with_the_graph_inside(graphs, tmp_path):
    g = graphs["actors"].copy()
    g.nodes[SCHOLZ]["claims"] = ["</script><script>alert(1)</script> {{data}}"]
    path = tmp_path / "g.html"
    write_graph(g, path, title="Akteure <&>")
    page = path.read_text("utf-8")
    assert not re.search(r"""<(script|link|img)[^>]+(src|href)=["']?(https?:)?//""", page)
    assert "The Cytoscape Consortium" in page and "<title>Akteure &lt;&amp;&gt;</title>" in page
    assert html_data(page) == json.loads(json.dumps(cytoscape(g)))
    assert page.count("</script>") == 3


# --- the HTML view in a real browser ---------------------------------------------------------------

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars", "--virtual-time-budget=3000", "--window-size=1200,800"]


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian chromium is not installed")
def test_html_view_draws_the_graph_in_headless_chromium(graphs, tmp_path):
    g = graphs["actors"].copy()
    g.add_node(E + "Q1", iri=E + "Q1", kind="entity", type="Person", label="Nur Einmal Genannt")  # no edge
    unlinked = [n for n in g if g.degree(n) == 0]
    page = tmp_path / "actors.html"
    write_graph(g, page)
    shot = tmp_path / "actors.png"
    url = page.resolve().as_uri()
    runs = [subprocess.Popen(["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / name}", *args],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for name, args in (("dom", ["--enable-logging=stderr", "--dump-dom", f"{url}#node={quote(MACRON, safe='')}"]),
                               ("shot", [f"--screenshot={shot}", url]))]
    dom, log = runs[0].communicate(timeout=90)
    runs[1].communicate(timeout=90)
    assert "Uncaught" not in log
    stats = dict(re.findall(r'data-([a-z-]+)="(\d+)"', re.search(r"<body([^>]*)>", dom)[1]))
    # nodes without an edge are not drawn by default but listed by type beside the graph
    assert int(stats["unlinked-nodes"]) == len(unlinked) >= 1
    assert int(stats["rendered-nodes"]) == g.number_of_nodes() - len(unlinked)
    assert int(stats["rendered-edges"]) == g.number_of_edges()
    listed = re.search(r'<div id="unlinked">(.*?)</div>\s*</aside>', dom, re.S)[1]
    assert f"Unconnected ({len(unlinked)})" in listed and "<b>Person</b>: " in listed and "Nur Einmal Genannt</a>" in listed
    assert int(stats["painted-pixels"]) > 500  # the canvas holds the drawn nodes and edges
    details = re.search(r'<div id="details">(.*?)</div>\s*<div id="unlinked">', dom, re.S)[1]
    assert "Emmanuel Macron" in details and "<h2>Said (1)</h2><blockquote>Wir stehen fest an der Seite der Ukraine" in details
    assert "sagte Macron zu Scholz." in details and "getroffen 2024-02-28 (Meeting)" in details
    with Image.open(shot) as image:
        assert image.size == (1200, 800)
        graph_area = image.convert("RGB").crop((0, 60, 850, 800))  # left of the side panel, below the header
        colours = graph_area.getcolors(maxcolors=1 << 20)
    background = max(colours)[0]
    assert len(colours) > 50 and sum(n for n, _ in colours) - background > 5000  # not a blank canvas
