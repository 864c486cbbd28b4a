"""Entities on answer-keyed articles: F1, Wikidata linking precision, and (with -v) the errors.

    python bench/entities.py [--gold-dir ../shared/gold/dev] [--model NAME] [-v]

Builds every `<id>.txt` with a `<id>.gold.json` beside it, matches entities by the rules of
../shared/gold/README.md (kg.evaluate.match_entities) and prints per article: entity F1, how many
entities carry a QID, and linking precision, i.e. of the matched entities that we linked and whose
gold entity has a QID, the share whose QID is the gold one; and links found, the share of gold
entities with a QID that a predicted entity carries. `-v` lists false positives (predicted,
unmatched) and false negatives (gold, unmatched), the input of an error analysis.
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path

from keyed import DEFAULT_GOLD_DIR, build_keyed

from kg.evaluate import _entity_rows, _qid, match_entities


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold-dir", type=Path, default=DEFAULT_GOLD_DIR)
    parser.add_argument("--model", help="spaCy pipeline instead of kg's own")
    parser.add_argument("-v", "--verbose", action="store_true", help="list false positives and negatives")
    args = parser.parse_args()
    keyed = build_keyed(args.gold_dir, args.model)
    keys, store = keyed.keys, keyed.store
    f1s, right, checked, linked, total, found, gold_qids = [], 0, 0, 0, 0, 0, 0
    print(f"{'article':<10}{'F1':>7}{'linked':>9}{'link P':>9}{'found':>8}")
    for key in keys:
        article = keyed.article(key)
        gold = json.loads(key.read_text(encoding="utf-8"))["entities"]
        rows = _entity_rows(store, article)
        score, mapping = match_entities(gold, rows)
        by_id = {g["id"]: g for g in gold}
        ok = n = 0
        for row in rows:
            g = by_id.get(mapping.get(row["entity"], ""))
            if row.get("wikidata") and g and g.get("wikidata"):
                n += 1
                ok += _qid(row["wikidata"]) == g["wikidata"]
        with_qid = len({r["entity"] for r in rows if r.get("wikidata")})
        qids = {g["wikidata"] for g in gold if g.get("wikidata")}
        hits = len(qids & {_qid(r["wikidata"]) for r in rows if r.get("wikidata")})
        found, gold_qids = found + hits, gold_qids + len(qids)
        right, checked, linked, total = right + ok, checked + n, linked + with_qid, total + len({r["entity"] for r in rows})
        f1s.append(score.f1)
        print(f"{article:<10}{score.f1:>7.3f}{with_qid:>5}/{len({r['entity'] for r in rows}):<3}{ok:>5}/{n:<3}"
              f"{hits:>4}/{len(qids):<3}")
        if args.verbose:
            for row in rows:
                if row["entity"] not in mapping:
                    print(f"    FP {row['type']:<12} {row['label']!r} {_qid(row.get('wikidata')) or ''}")
            for g in gold:
                if g["id"] not in mapping.values():
                    print(f"    FN {g['type']:<12} {g['label']!r} {g.get('wikidata') or ''} {g.get('mentions', [])[:4]}")
    print(f"{'mean':<10}{statistics.mean(f1s):>7.3f}{linked:>5}/{total:<3}{right:>5}/{checked:<3}{found:>4}/{gold_qids:<3}"
          f"  linking precision {right / checked if checked else 0:.3f}, links found {found / gold_qids if gold_qids else 0:.3f}")


if __name__ == "__main__":
    main()
