"""Incremental, sharded and parallel builds give the same graph as a plain build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import Store

from kg.cli import main

TEXTS = [
    "Bundeskanzler Olaf Scholz hat in Berlin den französischen Präsidenten Emmanuel Macron empfangen.",
    "Die NATO-Außenminister beraten am Dienstag in Brüssel über die Lage in der Ukraine.",
    "Der türkische Präsident Recep Tayyip Erdoğan telefonierte mit Wladimir Putin.",
    "Die EU-Kommission will neue Sanktionen gegen Russland vorschlagen, sagte ein EU-Diplomat.",
    "In Genf sollen am Montag Gespräche zwischen den USA und Russland beginnen.",
    "UN-Generalsekretär António Guterres warnte vor einer humanitären Katastrophe.",
]


def run(*args) -> object:
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result


def corpus(path: Path, texts=TEXTS, prefix="a") -> Path:
    lines = [{"id": f"{prefix}{i}", "title": f"Meldung {i}", "published": "2022-01-0%d" % (i % 9 + 1), "text": t}
             for i, t in enumerate(texts)]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    return path


def quads(store: Path) -> set[str]:
    return {str(q) for q in Store.read_only(str(store))}


@pytest.fixture
def news(extractor, tmp_path) -> Path:
    return corpus(tmp_path / "news.jsonl")


def test_unchanged_articles_are_skipped_and_changed_ones_replaced(news, tmp_path):
    store = tmp_path / "s"
    first = run("build", news, "--store", store)
    assert "built 6 article(s)" in first.output
    before = quads(store)
    again = run("build", news, "--store", store)
    assert "built 0 article(s)" in again.output and "skipped 6 unchanged" in again.output
    assert quads(store) == before
    changed = TEXTS[:]
    changed[2] = "Der türkische Präsident Recep Tayyip Erdoğan traf Wolodymyr Selenskyj in Lwiw."
    third = run("build", corpus(news, changed), "--store", store)
    assert "built 1 article(s)" in third.output and "skipped 5 unchanged" in third.output
    labels = {r["l"].value for r in Store.read_only(str(store)).query(
        'SELECT ?l WHERE { GRAPH <https://kg.example.org/graph/a2> { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l } }')}
    assert "Wolodymyr Selenskyj" in labels and "Wladimir Putin" not in labels
    assert "built 6 article(s)" in run("build", news, "--store", store, "--force").output


def test_remove_deletes_one_article(news, tmp_path):
    store = tmp_path / "s"
    run("build", news, "--store", store)
    assert run("remove", "a0", "--store", store).exit_code == 0
    graphs = {g.value for g in Store.read_only(str(store)).named_graphs()}
    assert "https://kg.example.org/graph/a0" not in graphs and len(graphs) == 5
    assert run("remove", "a0", "--store", store).exit_code == 1


def test_shards_merge_into_the_same_graph(news, tmp_path):
    whole = tmp_path / "whole"
    run("build", news, "--store", whole)
    files = []
    for k in (1, 2, 3):
        out = tmp_path / f"shard{k}.nq"
        result = run("build", news, "--shard", f"{k}/3", "--no-store", "-o", out)
        assert result.exit_code == 0, result.output
        files.append(out)
    merged = tmp_path / "merged"
    assert run("load", *files, "--store", merged).exit_code == 0
    assert quads(merged) == quads(whole)
    assert run("build", news, "--shard", "4/3", "--no-store", "-o", tmp_path / "x.nq").exit_code == 1


def test_two_workers_build_the_same_quads(news, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    run("build", news, "--store", one)
    result = run("build", news, "--store", two, "--workers", "2")
    assert result.exit_code == 0, result.output
    assert quads(one) == quads(two)


def test_duplicate_ids_are_reported(extractor, tmp_path):
    path = tmp_path / "dup.jsonl"
    path.write_text('{"id": "x", "text": "Erster Text über Berlin."}\n{"id": "x", "text": "Zweiter Text."}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(path), "--store", str(tmp_path / "s")])
    assert result.exit_code == 1 and "duplicate article id 'x'" in result.stderr
    assert "built 1 article(s)" in result.stdout
