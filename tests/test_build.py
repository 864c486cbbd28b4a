"""`kg build` end to end: store, output files, SHACL shape, idempotence, bad input, transactions."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pyshacl
import pytest
import rdflib
from click.testing import CliRunner
from pyoxigraph import RdfFormat, Store, parse

import kg
from kg import pipeline
from kg.cli import main
from kg.store import open_store
from tests.conftest import SEEDS

ROOT = Path(__file__).resolve().parents[1]
SHAPES = ROOT / "kg" / "shapes.ttl"
DEV = ROOT.parent / "shared" / "gold" / "dev"  # answer-keyed articles, shared by the team
XSD_DATETIME = re.compile(r"-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?")


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


def quads_of(path: Path) -> set:
    store = Store.read_only(str(path))
    return {str(q) for q in store}


def validate(trig: Path) -> tuple[bool, str]:
    """The union of the file's graphs against kg/shapes.ttl."""
    data = rdflib.Dataset()
    data.parse(trig, format="trig")
    graph = rdflib.Graph()
    for s, p, o, _ in data.quads((None, None, None, None)):
        graph.add((s, p, o))
    conforms, _, text = pyshacl.validate(graph, shacl_graph=rdflib.Graph().parse(SHAPES))
    return conforms, text


def nonconforming_graphs(trig: Path) -> dict[str, str]:
    """Each named graph of the file against kg/shapes.ttl on its own: graph IRI -> SHACL report."""
    data = rdflib.Dataset()
    data.parse(trig, format="trig")
    shapes = rdflib.Graph().parse(SHAPES)
    reports = {}
    for graph in data.graphs():
        if len(graph):
            conforms, _, text = pyshacl.validate(graph, shacl_graph=shapes)
            if not conforms:
                reports[str(graph.identifier)] = text
    return reports


def test_seed_graph_conforms_to_shapes(extractor, tmp_path):
    out = tmp_path / "seed.trig"
    result = run("build", SEEDS, "--store", tmp_path / "s", "-o", out)
    assert result.exit_code == 0, result.output
    conforms, text = validate(out)
    assert conforms, text[:2000]


def test_every_dev_article_graph_conforms_to_shapes(extractor, tmp_path):
    """Real articles, not only the seed: e.g. a Place must never be a claim's schema:author."""
    if not DEV.is_dir():
        pytest.skip(f"{DEV} is not here")
    articles = sorted(DEV.glob("*.txt"))
    out = tmp_path / "dev.trig"
    result = run("build", SEEDS, *articles, "--no-store", "-o", out)
    assert result.exit_code == 0, result.output
    assert f"built {len(articles) + 1} article(s)" in result.output
    reports = nonconforming_graphs(out)
    assert not reports, "\n\n".join(f"{g}:\n{text[:1500]}" for g, text in reports.items())


def test_pipeline_id_changes_with_extraction_code_not_with_readers(tmp_path):
    package = tmp_path / "kg"
    for name in ("extract/claims/extractor.py", "data/cue_verbs.jsonl", "cli.py", "serve.py", "rdf.py"):
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text("# v1\n")
    first = pipeline.source_digest(package)
    (package / "serve.py").write_text("# v2\n")
    (package / "cli.py").write_text("# v2\n")
    assert pipeline.source_digest(package) == first
    for name in ("extract/claims/extractor.py", "data/cue_verbs.jsonl", "rdf.py"):
        before = pipeline.source_digest(package)
        (package / name).write_text("# v2\n")
        assert pipeline.source_digest(package) != before, name
    real = pipeline.Extractor().pipeline
    assert real.startswith(f"kg {kg.__version__}+{pipeline.source_digest(ROOT / 'kg')};")


def test_old_dates_are_valid_xsd_and_warned_about_and_no_absolute_path_is_published(extractor, tmp_path):
    article = tmp_path / "alt.txt"
    article.write_text("1850-03-01 | Aus dem Archiv\nDer König reiste am Montag nach Berlin.", encoding="utf-8")
    out = tmp_path / "alt.nq"
    result = CliRunner().invoke(main, ["build", str(article), "--no-store", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "alt.txt: publication date 1850-03-01 is before 1900" in result.stderr
    [published] = [q.object for q in parse(path=str(out), format=RdfFormat.N_QUADS)
                   if q.predicate.value == "https://schema.org/datePublished"]
    assert XSD_DATETIME.fullmatch(published.value), published.value  # not +00:53:28
    assert published.value == "1850-02-28T23:06:32Z"  # midnight Berlin mean time, in UTC
    text = out.read_text(encoding="utf-8")
    assert str(tmp_path) not in text
    assert '<https://w3id.org/kg-news/ns#sourceFile> "alt.txt"' in text


@pytest.mark.parametrize("suffix", ["trig", "nq", "ttl", "nt", "jsonld"])
def test_output_formats_parse_back(extractor, tmp_path, suffix):
    out = tmp_path / f"g.{suffix}"
    assert run("build", SEEDS, "--store", tmp_path / "s", "-o", out).exit_code == 0
    quads = list(parse(path=str(out), format=RdfFormat.from_extension(suffix)))
    assert len(quads) > 100
    if suffix in ("trig", "nq"):
        assert {q.graph_name.value for q in quads} == {"https://kg.example.org/graph/000_8fcc23ba8dee0ef6"}


def test_rebuild_replaces_the_graph(seed_store):
    before = quads_of(seed_store)
    assert run("build", SEEDS, "--store", seed_store).exit_code == 0
    assert quads_of(seed_store) == before


def _size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.iterdir() if f.is_file() and not f.name.startswith("LOG"))


def test_forced_rebuilds_do_not_grow_the_store(extractor, tmp_path):
    """Replaced graphs leave tombstones: the store is compacted after a build that replaced many."""
    if not DEV.is_dir():
        pytest.skip(f"{DEV} is not here")
    corpus = [SEEDS, *sorted(DEV.glob("*.txt"))]
    assert run("build", *corpus, "--store", tmp_path / "s").exit_code == 0
    sizes = []
    for _ in range(3):
        assert run("build", *corpus, "--store", tmp_path / "s", "--force").exit_code == 0
        sizes.append(_size(tmp_path / "s"))
    assert sizes[-1] <= sizes[0] * 1.1, sizes


def test_iris_are_deterministic_and_base_is_configurable(extractor, tmp_path):
    a, b = tmp_path / "a.nq", tmp_path / "b.nq"
    run("build", SEEDS, "--store", tmp_path / "s1", "-o", a)
    run("build", SEEDS, "--store", tmp_path / "s2", "-o", b, "--base", "http://news.example/")
    assert a.read_text() == (tmp_path / "a.nq").read_text()
    text = b.read_text()
    assert "http://news.example/entity/Q6279" in text and "kg.example.org" not in text


def test_bad_inputs_are_reported_and_the_rest_is_built(extractor, tmp_path):
    good = tmp_path / "in" / "good.txt"
    good.parent.mkdir()
    good.write_text("2022-02-01 | Treffen\nBundeskanzler Olaf Scholz traf in Berlin den französischen Präsidenten Emmanuel Macron.", encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_text("   ")
    (tmp_path / "in" / "bin.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "in" / "c.jsonl").write_text('{"id": "j", "text": "Die NATO tagt in Brüssel."}\n{broken\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "in"), str(tmp_path / "missing.txt"), "--store", str(tmp_path / "s")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output + result.stderr
    for problem in ("empty.txt: empty article", "bin.txt: binary file", "c.jsonl:2: not a JSON object", "missing.txt: no such file"):
        assert problem in result.stderr
    assert "built 2 article(s)" in result.stdout
    ids = {r["id"].value for r in open_store(tmp_path / "s", read_only=True).query(
        "SELECT ?id WHERE { GRAPH ?g { ?a <https://schema.org/identifier> ?id } }")}
    assert ids == {"good", "j"}


def test_failed_article_leaves_its_old_graph(seed_store, monkeypatch):
    before = quads_of(seed_store)

    def explode(ag, base):
        raise RuntimeError("extraction failed half-way")

    monkeypatch.setattr(pipeline, "to_quads", explode)
    with pytest.raises(RuntimeError):
        pipeline.build([SEEDS], open_store(seed_store), pipeline.load_extractor(), pipeline.BuildOptions(force=True))
    assert quads_of(seed_store) == before


def test_a_store_in_use_is_named_as_such(tmp_path):
    holder = subprocess.Popen([sys.executable, "-c", "import sys, pyoxigraph as ox; "
                               f"s = ox.Store({str(tmp_path / 's')!r}); print('open', flush=True); "
                               "sys.stdin.read()"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "open\n"
        result = run("build", SEEDS, "--store", tmp_path / "s")
    finally:
        holder.communicate("")
    assert result.exit_code == 1
    assert "the store is in use by another kg process" in result.output
    assert "IO error" not in result.output and "Traceback" not in result.output


def test_unknown_model_is_a_clean_error(tmp_path):
    result = run("build", SEEDS, "--store", tmp_path / "s", "--model", "de_no_such_model")
    assert result.exit_code == 1 and "cannot load spaCy pipeline 'de_no_such_model'" in result.output
    assert not (tmp_path / "s").exists() or not list(Store(str(tmp_path / "s")))


def test_query_formats(seed_store_dir):
    table = run("query", "entities", "--store", seed_store_dir)
    assert table.exit_code == 0 and "Joe Biden" in table.output
    data = json.loads(run("query", "entities", "--store", seed_store_dir, "--format", "json").output)
    assert data["head"]["vars"] == ["entity", "label", "type", "wikidata"]
    rows = {b["label"]["value"]: b for b in data["results"]["bindings"]}
    assert rows["Joe Biden"]["wikidata"]["value"] == "http://www.wikidata.org/entity/Q6279"
    assert rows["Juri Uschakow"]["type"]["value"] == "Person" and "wikidata" not in rows["Juri Uschakow"]
    csv = run("query", "entities", "--store", seed_store_dir, "--format", "csv").output
    assert csv.splitlines()[0].strip() == "entity,label,type,wikidata"
    tsv = run("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--store", seed_store_dir, "--format", "tsv")
    assert tsv.output.splitlines()[0].strip() == "?n"


def test_query_data_files_and_errors(extractor, tmp_path):
    out = tmp_path / "seed.trig"
    run("build", SEEDS, "--store", tmp_path / "s", "-o", out)
    assert "Wladimir Putin" in run("query", "entities", "--data", out).output
    bad = run("query", "SELECT ?x WHERE { ?x", "--data", out)
    assert bad.exit_code == 1 and "SPARQL syntax error" in bad.output
    unknown = run("query", "nonsense", "--data", out)
    assert unknown.exit_code == 1 and "neither a bundled query" in unknown.output
    nostore = run("query", "entities", "--store", tmp_path / "nowhere")
    assert nostore.exit_code == 1 and "no store here" in nostore.output
    listing = run("query", "--list")
    assert "entities" in listing.output


def test_python_api_builds_into_a_store_and_a_file_and_reports_counts(extractor, tmp_path):
    bad = tmp_path / "leer.txt"
    bad.write_text("", encoding="utf-8")
    report = kg.build([SEEDS, bad], store=tmp_path / "kg.store", output=tmp_path / "graph.trig")
    assert report.built == ["000_8fcc23ba8dee0ef6"] and [e.source for e in report.failed] == [str(bad)]
    assert report.counts["articles"] == 1 and report.counts["claims"] >= 10 and report.counts["events"] >= 5
    assert len(list(parse(path=str(tmp_path / "graph.trig"), format=RdfFormat.TRIG))) == report.quads
    in_memory = Store()
    again = kg.build([SEEDS], store=in_memory, options=pipeline.BuildOptions(force=True))
    assert again.built == report.built and len(in_memory) == report.quads
