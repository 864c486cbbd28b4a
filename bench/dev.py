"""Score kg on answer-keyed articles: the dev set in ../shared/gold/dev (and the seed).

    python bench/dev.py [--gold-dir ../shared/gold/dev] [--model NAME] [--json]

Every `<id>.txt` with a `<id>.gold.json` beside it is built into one in-memory store with the real
pipeline and scored with `kg.evaluate` (the rules of ../shared/gold/README.md). Prints one line per
article and the mean over articles (macro average, as the targets of issue #13 are stated).
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path

from keyed import DEFAULT_GOLD_DIR, build_keyed

from kg.evaluate import evaluate

COLUMNS = [("entities", "f1"), ("events", "f1"), ("event_date_acc", None), ("claims", "f1"),
           ("who_said_what", "f1"), ("speaker_acc", None)]


def figures(report) -> dict[str, float | None]:
    """The report's headline figures, None where the key has no such part."""
    out = {}
    for name, attr in COLUMNS:
        if attr:
            part = report.parts.get(name)
            out[name] = getattr(part, attr) if part else None
        else:
            out[name] = report.extra.get(name)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold-dir", type=Path, default=DEFAULT_GOLD_DIR)
    parser.add_argument("--model", help="spaCy pipeline instead of kg's own")
    parser.add_argument("--json", action="store_true", help="print per-article figures as JSON")
    args = parser.parse_args()
    keyed = build_keyed(args.gold_dir, args.model)
    rows = {keyed.article(k): figures(evaluate(keyed.store, k)) for k in keyed.keys}
    if args.json:
        print(json.dumps(rows, indent=1))
        return
    header = f"{'article':<22}" + "".join(f"{n[:13]:>14}" for n, _ in COLUMNS)
    print(header)
    for name, row in rows.items():
        print(f"{name:<22}" + "".join(f"{'-' if v is None else f'{v:.3f}':>14}" for v in row.values()))
    means = {n: statistics.mean(v for r in rows.values() if (v := r[n]) is not None) for n, _ in COLUMNS
             if any(r[n] is not None for r in rows.values())}
    print(f"{'mean':<22}" + "".join(f"{means.get(n, 0):>14.3f}" for n, _ in COLUMNS))


if __name__ == "__main__":
    main()
