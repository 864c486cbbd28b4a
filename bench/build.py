"""Benchmark `kg build` against bare spaCy on the same texts, in the same run (issue 8).

Texts: German Wikinews articles from ../shared/data/de-news-quotation-attribution-2024 (all splits,
measuring only), repeated with new ids to reach N. Each configuration runs in its own process so
wall time and peak RSS are its own:

  bare     kg.nlp.load().pipe(texts)            (the floor: NLP alone)
  build-1  kg build --workers 1 into a fresh store
  build-2  kg build --workers 2 into a fresh store
  rebuild  kg build again on the unchanged corpus (skips everything)

then the latency of each bundled query on the largest store, pyoxigraph against rdflib's own
engine on the same quads.

Usage: python bench/build.py [--sizes 100 1000 5000] [--data ../shared/data] [--queries-only]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = "de-news-quotation-attribution-2024"

BARE = """
import json, sys, time, resource
from kg.nlp import load
nlp = load()
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
t = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=32):
    pass
print(json.dumps({"seconds": time.perf_counter() - t}))
"""


def corpus(data: Path, n: int, out: Path) -> int:
    """Write n articles as .jsonl (texts repeat with new ids); returns the word count."""
    texts = []
    for split in ("train", "dev", "test"):
        path = data / CORPUS / f"{split}.jsonl"
        if path.exists():
            texts += [json.loads(line)["originalText"] for line in path.open(encoding="utf-8")]
    if not texts:
        sys.exit(f"no texts: {data / CORPUS} is missing")
    words = 0
    with out.open("w", encoding="utf-8") as f:
        for i in range(n):
            text = texts[i % len(texts)]
            words += len(text.split())
            f.write(json.dumps({"id": f"bench-{i}", "published": "2022-01-01", "text": text}, ensure_ascii=False) + "\n")
    return words


def timed(cmd: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MB) of the child and its stdout."""
    start = time.perf_counter()
    wrapper = [sys.executable, "-c",
               "import resource, subprocess, sys; p = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
               "sys.stdout.write(p.stdout); sys.stderr.write(p.stderr); "
               "print('RSS', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)", *cmd]
    proc = subprocess.run(wrapper, capture_output=True, text=True, env={**os.environ, "OMP_NUM_THREADS": "1"})
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    lines = proc.stdout.strip().splitlines()
    rss = int(lines[-1].split()[1]) / 1024
    return wall, rss, "\n".join(lines[:-1])


def run_size(n: int, data: Path, work: Path) -> tuple[list[str], Path]:
    texts = work / f"c{n}.jsonl"
    words = corpus(data, n, texts)
    kg = [sys.executable, "-m", "kg.cli", "build", str(texts)]
    rows = []
    bare_wall, bare_rss, out = timed([sys.executable, "-c", BARE, str(texts)])
    bare = json.loads(out.splitlines()[-1])["seconds"]
    rows.append(("bare spaCy pipe", bare_wall, bare_rss, 1.0))
    store = work / f"s{n}-1"
    wall1, rss1, _ = timed([*kg, "--store", str(store), "--workers", "1"])
    rows.append(("kg build, 1 worker", wall1, rss1, wall1 / bare_wall))
    wall2, rss2, _ = timed([*kg, "--store", str(work / f"s{n}-2"), "--workers", "2"])
    rows.append(("kg build, 2 workers", wall2, rss2, wall2 / bare_wall))
    wallr, rssr, _ = timed([*kg, "--store", str(store)])
    rows.append(("rebuild unchanged", wallr, rssr, wallr / bare_wall))
    lines = [f"\n## {n} articles, {words} words (each row a whole process; the bare pipe call alone took {bare:.1f} s)",
             f"{'configuration':<22} {'wall s':>8} {'art/s':>8} {'words/s':>9} {'peak MB':>8} {'× bare':>7}"]
    for name, wall, rss, ratio in rows:
        lines.append(f"{name:<22} {wall:8.1f} {n / wall:8.1f} {words / wall:9.0f} {rss:8.0f} {ratio:7.2f}")
    lines.append(f"2 workers vs 1: {wall1 / wall2:.2f}× faster; first build vs rebuild: {wall1 / wallr:.1f}×")
    return lines, store


def query_latency(store_dir: Path) -> list[str]:
    """Each bundled query on the store: pyoxigraph vs rdflib on the same quads (median of 3)."""
    import rdflib
    from pyoxigraph import RdfFormat

    from kg.query import bundled
    from kg.store import open_store, query

    store = open_store(store_dir, read_only=True)
    lines = ["\n## bundled queries on " + store_dir.name + f" ({len(store)} quads)",
             f"{'query':<16} {'pyoxigraph ms':>14} {'rdflib ms':>10} {'rows':>6}"]
    with tempfile.NamedTemporaryFile(suffix=".nq") as dump:
        store.dump(dump.name, format=RdfFormat.N_QUADS)
        ds = rdflib.Dataset(default_union=True)
        ds.parse(dump.name, format="nquads")
    from kg.vocab import PREFIXES

    for name, path in bundled().items():
        sparql = path.read_text(encoding="utf-8")
        times, rows = [], 0
        for _ in range(3):
            t = time.perf_counter()
            rows = len(list(query(store, sparql)))
            times.append(time.perf_counter() - t)
        t = time.perf_counter()
        try:
            list(ds.query(sparql, initNs=PREFIXES))
            rd = f"{(time.perf_counter() - t) * 1000:10.0f}"
        except Exception as e:  # rdflib lacks some SPARQL 1.1 corners; say so in the table
            rd = f"{'error':>10}"
            print(f"rdflib failed on {name}: {e}", file=sys.stderr)
        lines.append(f"{name:<16} {sorted(times)[1] * 1000:14.1f} {rd} {rows:6d}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--work", type=Path, default=None, help="keep stores here (default: a temp dir)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        store = None
        for n in args.sizes:
            lines, store = run_size(n, args.data, work)
            print("\n".join(lines), flush=True)
        print("\n".join(query_latency(store)))


if __name__ == "__main__":
    main()
