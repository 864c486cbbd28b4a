"""Benchmark kg's German NER: strict span F1 on GermEval 2014 dev and news-only test, and speed.

    python bench/ner.py [--pipeline raw|kg|both] [--model kg/nlp/model] [--data ../shared/data]

* ``raw``: the shipped model as is (``spacy.load(model)``);
* ``kg``: ``kg.nlp.load(model)`` (the model + gazetteer rules + entity voting), if importable.

Scoring runs the pipeline on Docs built from the gold tokens (so tokenization errors do not
count) and compares exact (start, end, label) spans. OTH is scored as MISC; *deriv/*part are O.
Speed is words per second of the whole pipeline on raw dev text, with one thread.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from kg.train.corpora import DEV_FILE, LABELS, TEST_NEWS_FILE, gold_docs  # noqa: E402

CORE = ("PER", "ORG", "LOC")


def predict(nlp: Language, golds: list[Doc]) -> list[Doc]:
    """Run the pipeline on copies of the gold tokens (entities cleared)."""
    inputs = [Doc(nlp.vocab, words=[t.text for t in g], spaces=[bool(t.whitespace_) for t in g])
              for g in golds]
    return list(nlp.pipe(inputs, batch_size=256))


def span_set(doc: Doc, i: int) -> set[tuple[int, int, int, str]]:
    return {(i, e.start, e.end, e.label_) for e in doc.ents}


def score(golds: list[Doc], preds: list[Doc]) -> dict[str, tuple[float, float, float]]:
    """Strict span P/R/F1 per label, plus 'PER/ORG/LOC' and 'ALL' micro averages."""
    tp, n_gold, n_pred = Counter(), Counter(), Counter()
    for i, (g, p) in enumerate(zip(golds, preds)):
        gs, ps = span_set(g, i), span_set(p, i)
        for s in gs:
            n_gold[s[3]] += 1
        for s in ps:
            n_pred[s[3]] += 1
        for s in gs & ps:
            tp[s[3]] += 1
    out = {}
    groups = {lab: (lab,) for lab in LABELS}
    groups["PER/ORG/LOC"] = CORE
    groups["ALL"] = LABELS
    for name, labs in groups.items():
        t = sum(tp[lab] for lab in labs)
        g = sum(n_gold[lab] for lab in labs)
        p = sum(n_pred[lab] for lab in labs)
        prec = t / p if p else 0.0
        rec = t / g if g else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[name] = (prec, rec, f1)
    return out


def words_per_second(nlp: Language, golds: list[Doc]) -> tuple[float, float]:
    """Whole-pipeline throughput on the raw sentence texts (tokenizer included).

    Returns (words per CPU second, words per wall-clock second). With one thread the CPU
    figure is the one-core speed even when other jobs share the machine.
    """
    texts = [g.text for g in golds]
    n_words = sum(len(g) for g in golds)
    list(nlp.pipe(texts[:200]))  # warm-up
    cpu, wall = time.process_time(), time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=256):
        pass
    return n_words / (time.process_time() - cpu), n_words / (time.perf_counter() - wall)


def load_pipeline(kind: str, model: Path) -> Language | None:
    if kind == "raw":
        return spacy.load(model)
    try:
        import kg.nlp as kg_nlp
    except ImportError as exc:
        print(f"[kg] kg.nlp not importable ({exc}); skipped")
        return None
    return kg_nlp.load(model)  # --model for both kinds, so a candidate is measured with kg's rules too


def report(name: str, scores: dict[str, tuple[float, float, float]]) -> None:
    cells = "  ".join(f"{lab} {scores[lab][2] * 100:5.1f}" for lab in LABELS)
    p, r, f = scores["PER/ORG/LOC"]
    print(f"  {name:<16} {cells}  | PER/ORG/LOC P {p * 100:5.1f} R {r * 100:5.1f} F1 {f * 100:5.1f}"
          f"  | ALL F1 {scores['ALL'][2] * 100:5.1f}", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pipeline", choices=("raw", "kg", "both"), default="both")
    ap.add_argument("--model", type=Path, default=ROOT / "kg" / "nlp" / "model")
    ap.add_argument("--data", type=Path,
                    default=Path(os.environ.get("KG_DATA_DIR", ROOT / ".." / "shared" / "data")))
    ap.add_argument("--measure", choices=("scores", "speed", "both"), default="both",
                    help="F1 scores, words/s, or both")
    args = ap.parse_args()
    sets = {"germeval-dev": args.data / DEV_FILE, "test-news-only": args.data / TEST_NEWS_FILE}
    for path in sets.values():
        if not path.exists():
            print(f"error: evaluation file not found: {path} (use --data or KG_DATA_DIR)", file=sys.stderr)
            return 2
    if not (args.model / "config.cfg").exists():
        print(f"error: no spaCy pipeline at {args.model}", file=sys.stderr)
        return 2
    kinds = ("raw", "kg") if args.pipeline == "both" else (args.pipeline,)
    for kind in kinds:
        nlp = load_pipeline(kind, args.model)
        if nlp is None:
            continue
        print(f"[{kind}] pipes: {', '.join(nlp.pipe_names)}", flush=True)
        if args.measure != "speed":
            for set_name, path in sets.items():
                golds = gold_docs(path, nlp.vocab)
                report(set_name, score(golds, predict(nlp, golds)))
        if args.measure != "scores":
            golds = gold_docs(sets["germeval-dev"], nlp.vocab)
            cpu, wall = words_per_second(nlp, golds)
            print(f"  speed: {cpu:,.0f} words/s per CPU second on 1 thread "
                  f"({wall:,.0f} wall-clock; germeval-dev text)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
