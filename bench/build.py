"""Benchmark `kg build` against bare spaCy on the same texts, in the same run (issue 8).

Texts: German Wikinews articles from ../shared/data/de-news-quotation-attribution-2024 (all splits,
measuring only), repeated with new ids to reach N. Each configuration runs in its own process so
wall time, CPU time (with worker processes; less sensitive than wall time to other jobs on a shared
machine) and peak RSS are its own:

  bare     kg.nlp.load().pipe(texts)            (the floor: NLP alone)
  build-1  kg build --workers 1 into a fresh store
  build-2  kg build --workers 2 into a fresh store
  rebuild  kg build again on the unchanged corpus (skips everything)

then the latency of each bundled query on the largest store, pyoxigraph (median of 3) against
rdflib's own engine on the same quads (one run each, given up after --rdflib-timeout seconds).

On a shared machine use --repeat 3: each configuration runs three times, interleaved, and keeps its
least wall and CPU time.

Usage: python bench/build.py [--sizes 100 1000 5000] [--repeat 1] [--data ../shared/data] [--work DIR] [--rdflib-timeout 60]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
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


@dataclass
class Run:
    name: str
    wall: float  # seconds
    cpu: float  # user + system seconds of the process and its children (workers)
    rss: float  # peak resident MB of the largest process


def timed(name: str, cmd: list[str]) -> tuple[Run, str]:
    """Run `cmd` in its own process: its figures and its stdout."""
    start = time.perf_counter()
    wrapper = [sys.executable, "-c",
               "import resource, subprocess, sys; p = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
               "sys.stdout.write(p.stdout); sys.stderr.write(p.stderr); "
               "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
               "print('USAGE', u.ru_utime + u.ru_stime, u.ru_maxrss)", *cmd]
    proc = subprocess.run(wrapper, capture_output=True, text=True, env={**os.environ, "OMP_NUM_THREADS": "1"})
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    lines = proc.stdout.strip().splitlines()
    _, cpu, rss = lines[-1].split()
    return Run(name, wall, float(cpu), int(rss) / 1024), "\n".join(lines[:-1])


def best(runs: list[Run]) -> Run:
    """The least wall and CPU time of repeated runs: other jobs on a shared machine only ever add time."""
    return Run(runs[0].name, min(r.wall for r in runs), min(r.cpu for r in runs), max(r.rss for r in runs))


def run_size(n: int, data: Path, work: Path, repeat: int = 1) -> tuple[list[str], Path]:
    """Each configuration `repeat` times, interleaved (bare, 1 worker, 2 workers, bare, …) so that a
    burst of load elsewhere hits all of them alike; each keeps its best run."""
    texts = work / f"c{n}.jsonl"
    words = corpus(data, n, texts)
    kg = [sys.executable, "-m", "kg.cli", "build", str(texts)]
    runs: dict[str, list[Run]] = {}
    pipe_seconds = []
    for r in range(repeat):
        bare, out = timed("bare spaCy pipe", [sys.executable, "-c", BARE, str(texts)])
        pipe_seconds.append(json.loads(out.splitlines()[-1])["seconds"])
        store = work / f"s{n}-1-{r}"
        one, _ = timed("kg build, 1 worker", [*kg, "--store", str(store), "--workers", "1"])
        two, _ = timed("kg build, 2 workers", [*kg, "--store", str(work / f"s{n}-2-{r}"), "--workers", "2"])
        again, _ = timed("rebuild unchanged", [*kg, "--store", str(store)])
        for run in (bare, one, two, again):
            runs.setdefault(run.name, []).append(run)
    bare, one, two, again = (best(rs) for rs in runs.values())
    lines = [f"\n## {n} articles, {words} words (each row a whole process, best of {repeat}; the bare pipe call "
             f"alone took {min(pipe_seconds):.1f} s)",
             f"{'configuration':<22} {'wall s':>8} {'art/s':>8} {'words/s':>9} {'cpu s':>8} {'peak MB':>8} {'× bare':>7} {'cpu × bare':>10}"]
    for run in (bare, one, two, again):
        lines.append(f"{run.name:<22} {run.wall:8.1f} {n / run.wall:8.1f} {words / run.wall:9.0f} {run.cpu:8.1f} {run.rss:8.0f} "
                     f"{run.wall / bare.wall:7.2f} {run.cpu / bare.cpu:10.2f}")
    lines.append(f"2 workers vs 1: {one.wall / two.wall:.2f}× faster; first build vs rebuild: {one.wall / again.wall:.1f}×")
    return lines, store


RDFLIB = """
import json, signal, sys, time
import rdflib
from kg.query import bundled
from kg.vocab import PREFIXES

class Timeout(Exception):
    pass

def alarm(signum, frame):
    raise Timeout()

signal.signal(signal.SIGALRM, alarm)
ds = rdflib.Dataset(default_union=True)
ds.parse(sys.argv[1], format="nquads")
for name, path in bundled().items():
    t = time.perf_counter()
    signal.alarm(int(sys.argv[2]))
    try:
        list(ds.query(path.read_text(encoding="utf-8"), initNs=PREFIXES))
        result = (time.perf_counter() - t) * 1000
    except Timeout:
        result = "timeout"
    except Exception as e:  # rdflib lacks some SPARQL 1.1 corners; say so in the table
        result = "error"
        print(f"rdflib failed on {name}: {e}", file=sys.stderr)
    finally:
        signal.alarm(0)
    print(json.dumps([name, result]), flush=True)
"""


def rdflib_latency(store_dir: Path, timeout: int) -> dict[str, str]:
    """Each bundled query with rdflib's own engine on the same quads (one run, in a child process
    that gives up on a query after `timeout` seconds)."""
    from pyoxigraph import RdfFormat

    from kg.store import open_store

    with tempfile.NamedTemporaryFile(suffix=".nq") as dump:
        open_store(store_dir, read_only=True).dump(dump.name, format=RdfFormat.N_QUADS)
        proc = subprocess.run([sys.executable, "-c", RDFLIB, dump.name, str(timeout)], capture_output=True, text=True)
    sys.stderr.write(proc.stderr[-2000:])
    out = {}
    for line in proc.stdout.splitlines():
        name, result = json.loads(line)
        out[name] = f"{result:.0f}" if isinstance(result, float) else (f"> {timeout * 1000}" if result == "timeout" else result)
    return out


def query_latency(store_dir: Path, timeout: int) -> list[str]:
    """Each bundled query on the store: pyoxigraph (median of 3) vs rdflib on the same quads."""
    from kg.query import bundled
    from kg.store import open_store, query

    store = open_store(store_dir, read_only=True)
    lines = ["\n## bundled queries on " + store_dir.name + f" ({len(store)} quads)",
             f"{'query':<16} {'pyoxigraph ms':>14} {'rdflib ms':>10} {'rows':>6}"]
    rdflib = rdflib_latency(store_dir, timeout) if timeout else {}
    for name, path in bundled().items():
        sparql = path.read_text(encoding="utf-8")
        times, rows = [], 0
        for _ in range(3):
            t = time.perf_counter()
            rows = len(list(query(store, sparql)))
            times.append(time.perf_counter() - t)
        lines.append(f"{name:<16} {sorted(times)[1] * 1000:14.1f} {rdflib.get(name, '-'):>10} {rows:6d}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--work", type=Path, default=None, help="keep stores here (default: a temp dir)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each configuration, interleaved; the best counts")
    parser.add_argument("--rdflib-timeout", type=int, default=60, help="seconds per rdflib query (0: skip rdflib)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        store = None
        for n in args.sizes:
            lines, store = run_size(n, args.data, work, args.repeat)
            print("\n".join(lines), flush=True)
        print("\n".join(query_latency(store, args.rdflib_timeout)))


if __name__ == "__main__":
    main()
