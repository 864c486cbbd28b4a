"""Speed of kg.temporal.extract: milliseconds per article and characters per millisecond.

    python bench/timex_speed.py            # KRAUTS bodies, the seed article, a 100,000-character text
    python bench/timex_speed.py --runs 9   # timed runs per KRAUTS document (median taken)

`extract` runs inside `kg build` on every article, so it has to stay small next to spaCy. Times
are medians after a warm-up run, as wall-clock and as process CPU time (the CPU figure is the
steadier one on a shared machine). KRAUTS is read like bench/timex.py reads it (../shared/data or
KG_DATA_DIR), the seed from the `seeds` folder next to the data folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timex import data_dir, load_corpus  # noqa: E402

from kg.errors import KgError  # noqa: E402
from kg.temporal import extract  # noqa: E402

SEED = "000_8fcc23ba8dee0ef6.txt"
SEED_ANCHOR = dt.date(2021, 12, 31)
SEED_RUNS = 50
LONG_CHARS = 100_000


def timed(call: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds of `runs` calls, after one warm-up call."""
    call()
    wall, cpu = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        call()
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


def line(label: str, chars: int, wall: float, cpu: float) -> str:
    return (f"{label:34} {chars:>9,} chars  {wall:8.2f} ms wall  {cpu:8.2f} ms CPU  "
            f"{chars / cpu if cpu else float('inf'):8.0f} chars/ms CPU")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per KRAUTS document")
    args = parser.parse_args(argv)
    root = data_dir()
    if not root.is_dir():
        print(f"KRAUTS not found at {root} (set KG_DATA_DIR)", file=sys.stderr)
        return 2
    try:
        docs = load_corpus(root)
    except KgError as exc:
        print(exc, file=sys.stderr)
        return 2
    extract("Am 10. Januar.", SEED_ANCHOR)  # load and compile the lexicon outside the timings
    per_doc = [timed(lambda d=d: extract(d.text, d.dct), args.runs) for d in docs]
    chars = sum(len(d.text) for d in docs)
    wall = [w for w, _ in per_doc]
    cpu = [c for _, c in per_doc]
    print(f"KRAUTS: {len(docs)} documents, {chars:,} characters, median of {args.runs} runs each")
    print(line("per article (median)", int(statistics.median(len(d.text) for d in docs)),
               statistics.median(wall), statistics.median(cpu)))
    print(line("all documents (sum)", chars, sum(wall), sum(cpu)))
    seed = root.parent.parent / "seeds" / SEED
    if seed.is_file():
        text = seed.read_text(encoding="utf-8")
        print(line(f"seed article ({SEED_RUNS} runs)", len(text), *timed(lambda: extract(text, SEED_ANCHOR), SEED_RUNS)))
        long = (text + "\n") * (LONG_CHARS // (len(text) + 1) + 1)
        print(line("seed repeated (3 runs)", LONG_CHARS, *timed(lambda: extract(long[:LONG_CHARS], SEED_ANCHOR), 3)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
