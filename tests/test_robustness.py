"""A corpus of bad inputs, a build killed mid-way, and fuzzed readers and temporal parser."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st
from pyoxigraph import Store

from kg.cli import main
from kg.errors import InputError
from kg.read import parse_text

GOOD = "Bundeskanzler Olaf Scholz reiste am Montag nach Paris. Dort traf er Präsident Emmanuel Macron."


def bad_corpus(root: Path) -> dict[str, str | None]:
    """Files of every bad kind; the value is the message expected for it (None: built as usual)."""
    root.mkdir()
    files: dict[str, bytes] = {
        "good.txt": GOOD.encode(),
        "empty.txt": b"",
        "binary.txt": bytes(range(256)) * 4,
        "cp1252.txt": "Die Bundesregierung begrüßt das Abkommen.".encode("cp1252"),
        "huge.txt": b"Das ist ein Satz. " * 1_200_000,
        "long.txt": b"Das ist ein Satz. " * 60_000,  # 1.08 M characters: spaCy would abort (E088)
        "utf16.txt": "Die Bundesregierung begr\u00fc\u00dft das Abkommen.".encode("utf-16"),
        "page.txt": b"<!DOCTYPE html><html><head><title>x</title></head><body><p>Hallo Berlin</p></body></html>",
        "english.txt": b"The president met the chancellor in Berlin on Monday to discuss the war.",
        "russian.txt": "Президент России Владимир Путин провел переговоры в Москве.".encode(),
        "future.txt": b"2031-05-01 | Aus der Zukunft\nDie UN tagen in Genf.",
        "no-end.txt": b"Die NATO tagt in Br\xc3\xbcssel und die EU ber\xc3\xa4t ohne Punkt und Komma",
        "one-sentence.txt": ("Die Regierung in Berlin und " * 3700 + "die NATO berieten.").encode(),
    }
    lines = [json.dumps({"id": "j1", "text": GOOD}), "{broken json", json.dumps({"id": "j1", "text": "Noch einmal."})]
    files["corpus.jsonl"] = ("\n".join(lines) + "\n").encode()
    for name, data in files.items():
        (root / name).write_bytes(data)
    return {
        "empty.txt": "empty article", "binary.txt": "binary file", "cp1252.txt": "not UTF-8",
        "huge.txt": "too large", "long.txt": "too long", "utf16.txt": "UTF-16", "page.txt": "HTML", "corpus.jsonl:2": "not a JSON object",
        "corpus.jsonl:3": "duplicate article id 'j1'",
    }


def test_bad_input_corpus(extractor, tmp_path):
    expected = bad_corpus(tmp_path / "in")
    store = tmp_path / "s"
    result = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "--store", str(store)])
    assert result.exit_code == 1
    assert "Traceback" not in result.stdout + result.stderr
    for source, message in expected.items():
        assert any(source in line and message in line for line in result.stderr.splitlines()), (source, result.stderr)
    for name in ("english.txt", "russian.txt"):
        assert any(name in line and "not look like German" in line for line in result.stderr.splitlines())
    ids = {r["id"].value for r in Store.read_only(str(store)).query(
        "SELECT ?id WHERE { GRAPH ?g { ?a <https://schema.org/identifier> ?id } }")}
    assert ids == {"good", "english", "russian", "future", "no-end", "one-sentence", "j1"}


def _graphs(store: Path) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for q in Store.read_only(str(store)):
        out.setdefault(q.graph_name.value, set()).add(str(q))
    return out


def _committed(store: Path) -> int:
    """Article graphs a reader sees in a store that a build is writing."""
    if not (store / "CURRENT").exists():
        return 0
    try:
        return sum(1 for _ in Store.read_only(str(store)).named_graphs())
    except (OSError, RuntimeError):
        return 0


def test_killed_build_keeps_every_committed_article(extractor, tmp_path):
    texts = [f"Meldung {i}: {GOOD} Die NATO berät in Brüssel über die Ukraine." for i in range(400)]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps({"id": f"n{i}", "text": t}) for i, t in enumerate(texts)), encoding="utf-8")
    reference = tmp_path / "ref"
    assert CliRunner().invoke(main, ["build", str(corpus), "--store", str(reference)]).exit_code == 0
    want = _graphs(reference)

    store = tmp_path / "killed"
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(corpus), "--store", str(store)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None and not _committed(store):
        time.sleep(0.2)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    got = _graphs(store)  # the store opens after the kill
    assert 0 < len(got) < len(want), "kill came too early or too late to test anything"
    for graph, quads in got.items():
        assert quads == want[graph], f"{graph} is half-written"


def test_killed_parallel_build_prints_no_worker_tracebacks(extractor, tmp_path):
    texts = [f"Meldung {i}: {GOOD} Die NATO berät in Brüssel über die Ukraine." for i in range(600)]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps({"id": f"n{i}", "text": t}) for i, t in enumerate(texts)), encoding="utf-8")
    store = tmp_path / "killed"
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(corpus), "--store", str(store),
                             "--workers", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None and not _committed(store):
        time.sleep(0.2)
    os.kill(proc.pid, signal.SIGKILL)  # the workers are orphaned mid-build
    _, stderr = proc.communicate(timeout=300)  # EOF once every worker has exited too
    assert 0 < _committed(store) < len(texts), "kill came too early or too late to test anything"
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr, stderr[-2000:]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_fuzz_reader(text):
    try:
        article = parse_text(text, source="fuzz", article_id="f")
    except InputError as e:
        assert str(e).startswith("fuzz: ")
        return
    assert article.text.strip() and article.text[article.body_start :].strip()


PIECES = list("0123456789. -:/amvorJnuadezbMäTgsWchiklt") + [
    "Januar", "Dezember", " vor zwei Wochen", " zwei Tage später", " am ", " im ", " seit ", " Uhr", "2021", "gestern"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
       st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_fuzz_temporal(text, anchor):
    from kg.temporal import extract

    for t in extract(text, anchor):
        assert 0 <= t.start < t.end <= len(text) and text[t.start : t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET") and t.value
