"""Benchmark kg's claim extraction on the German news quotation-attribution corpus (Wikinews).

    python bench/quotes.py --split dev [--limit N] [--skip N] [--model kg/nlp/model] [--errors 20]

Data: ``../shared/data/de-news-quotation-attribution-2024/{train,dev,test}.jsonl`` (or ``$KG_DATA_DIR``),
Petersen-Frey & Biemann (2024), CC BY-NC-SA 4.0: used to measure only, never to train.

Each document's ``originalText`` goes through the real pipeline (``kg.nlp.load()`` and
``Extractor.extract``, entities included), so offsets are the corpus's own.

Matching (documented in docs/claims.md):
* a predicted message is a claim's content span; a mixed claim also predicts each quoted fragment in it
  (the corpus annotates those as nested Direct quotations);
* spans become sets of corpus tokens (every token they overlap); a prediction and a gold quotation
  match when the Dice overlap 2|P∩G|/(|P|+|G|) ≥ 0.5, one-to-one, best pairs first;
* quotation detection P/R/F1 counts matches; who-said-what counts a match only when the speaker is
  right: the tokens naming our speaker (its words in the text, or any mention of the entity we
  resolved it to) overlap the gold speaker span, or neither side has a speaker.
Figures are given overall and, as recall, per gold quotation type (Direct, Indirect,
FreeIndirect, IndirectFreeIndirect, Reported); precision per predicted mode.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from bisect import bisect_left, bisect_right  # noqa: E402
from collections import Counter  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.model import Article, ArticleGraph  # noqa: E402

CORPUS = "de-news-quotation-attribution-2024"
THRESHOLD = 0.5
TYPES = ("Direct", "Indirect", "FreeIndirect", "IndirectFreeIndirect", "Reported")


def data_dir() -> Path:
    return Path(os.environ.get("KG_DATA_DIR") or ROOT / ".." / "shared" / "data") / CORPUS


def load_split(split: str, limit: int | None = None, path: Path | None = None) -> list[dict]:
    file = (path or data_dir()) / f"{split}.jsonl"
    docs = []
    with file.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                docs.append(json.loads(line))
            if limit and len(docs) >= limit:
                break
    return docs


@dataclass(frozen=True)
class Gold:
    tokens: frozenset[int]
    speaker: frozenset[int]
    type: str
    text: str
    speaker_text: str


@dataclass(frozen=True)
class Pred:
    tokens: frozenset[int]
    speaker: frozenset[int]
    mode: str
    text: str
    speaker_text: str


@dataclass
class Scores:
    tp: int = 0
    correct: int = 0  # matched and speaker right
    pred: int = 0
    gold: int = 0
    gold_by_type: Counter = field(default_factory=Counter)
    found_by_type: Counter = field(default_factory=Counter)
    right_by_type: Counter = field(default_factory=Counter)
    pred_by_mode: Counter = field(default_factory=Counter)
    tp_by_mode: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    @staticmethod
    def prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def as_dict(self) -> dict:
        detection = self.prf(self.tp, self.pred, self.gold)
        who = self.prf(self.correct, self.pred, self.gold)
        return {
            "quote_detection": dict(zip(("p", "r", "f1"), detection)),
            "who_said_what": dict(zip(("p", "r", "f1"), who)),
            "gold": self.gold, "pred": self.pred, "tp": self.tp, "correct": self.correct,
            "recall_by_type": {t: {"gold": self.gold_by_type[t],
                                   "found": self.found_by_type[t] / self.gold_by_type[t] if self.gold_by_type[t] else 0.0,
                                   "who_said_what": self.right_by_type[t] / self.gold_by_type[t] if self.gold_by_type[t] else 0.0}
                               for t in TYPES},
            "precision_by_mode": {m: {"pred": n, "p": self.tp_by_mode[m] / n} for m, n in sorted(self.pred_by_mode.items())},
        }


class TokenMap:
    """Character spans -> corpus token ids."""

    def __init__(self, doc: dict) -> None:
        self.tokens = sorted(doc["tokens"], key=lambda t: t["charBegin"])
        self.begins = [t["charBegin"] for t in self.tokens]
        self.ends = [t["charEnd"] for t in self.tokens]

    def ids(self, start: int, end: int) -> frozenset[int]:
        lo = bisect_right(self.ends, start)
        hi = bisect_left(self.begins, end)
        return frozenset(t["id"] for t in self.tokens[lo:hi] if t["text"] not in "„“\"»«”,.")


def gold_items(doc: dict) -> list[Gold]:
    out = []
    for a in doc["annotations"]:
        quote = frozenset(a["quote"].get("tokenIds") or [])
        if not quote:
            continue
        texts = {t["id"]: t["text"] for t in doc["tokens"]}
        quote = frozenset(i for i in quote if texts.get(i, "") not in "„“\"»«”,.")
        out.append(Gold(quote, frozenset(a["speaker"].get("tokenIds") or []), a["type"], a["quote"]["text"], a["speaker"]["text"]))
    return out


def pred_items(doc: dict, ag: ArticleGraph) -> list[Pred]:
    from kg.extract.claims import find_quotes, lexicon

    tm = TokenMap(doc)
    quotes = find_quotes(ag.article.text, lexicon().words["quote_pairs"])
    out = []
    for c in ag.claims:
        speaker: set[int] = set()
        if c.speaker_mention:
            speaker |= tm.ids(c.speaker_mention.start, c.speaker_mention.end)
        entity = ag.entity(c.speaker) if c.speaker else None
        if entity is not None:
            for key in {entity.key, *(e.key for e in ag.entities if e.stands_for == entity.key)}:
                for m in ag.entity(key).mentions:
                    speaker |= tm.ids(m.start, m.end)
        spk_text = c.speaker_mention.text if c.speaker_mention else (entity.label if entity else "")
        out.append(Pred(tm.ids(c.content.start, c.content.end), frozenset(speaker), c.mode, c.content.text, spk_text))
        if c.mode == "mixed" and c.quote:  # each quoted fragment of the message
            fragments = set(c.quote.text.split(" … "))
            for q in quotes:
                if c.quote.start - 1 <= q.start and q.end <= c.quote.end + 1 and ag.article.text[q.start + 1 : q.end - 1] in fragments:
                    out.append(Pred(tm.ids(q.start, q.end), frozenset(speaker), "mixed-fragment", ag.article.text[q.start : q.end], spk_text))
    return [p for p in out if p.tokens]


def dice(a: frozenset[int], b: frozenset[int]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def speaker_right(g: Gold, p: Pred) -> bool:
    if not g.speaker:
        return not p.speaker
    return bool(g.speaker & p.speaker)


def score_doc(golds: list[Gold], preds: list[Pred], scores: Scores, keep_errors: int = 0, name: str = "") -> None:
    pairs = sorted(((dice(g.tokens, p.tokens), gi, pi) for gi, g in enumerate(golds) for pi, p in enumerate(preds)), reverse=True)
    used_g, used_p, matched = set(), set(), {}
    for d, gi, pi in pairs:
        if d < THRESHOLD:
            break
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        matched[gi] = pi
    scores.gold += len(golds)
    scores.pred += len(preds)
    for p in preds:
        scores.pred_by_mode[p.mode] += 1
    for gi, g in enumerate(golds):
        scores.gold_by_type[g.type] += 1
        if gi not in matched:
            if len(scores.errors) < keep_errors:
                scores.errors.append(f"MISS [{name}] {g.type}: {g.speaker_text!r} :: {g.text[:140]!r}")
            continue
        p = preds[matched[gi]]
        scores.tp += 1
        scores.tp_by_mode[p.mode] += 1
        scores.found_by_type[g.type] += 1
        if speaker_right(g, p):
            scores.correct += 1
            scores.right_by_type[g.type] += 1
        elif len(scores.errors) < keep_errors:
            scores.errors.append(f"SPEAKER [{name}] {g.type}: gold {g.speaker_text!r} pred {p.speaker_text!r} :: {g.text[:100]!r}")
    for pi, p in enumerate(preds):
        if pi not in used_p and len(scores.errors) < keep_errors:
            scores.errors.append(f"EXTRA [{name}] {p.mode}: {p.speaker_text!r} :: {p.text[:140]!r}")


def run(docs: list[dict], extractor, keep_errors: int = 0) -> Scores:
    """Extract claims from every document and score them against its annotations."""
    articles = [Article(id=str(n), text=d["originalText"], source=d["documentName"]) for n, d in enumerate(docs)]
    scores = Scores()
    for doc, ag in zip(docs, extractor.extract_many(articles)):
        score_doc(gold_items(doc), pred_items(doc, ag), scores, keep_errors, doc["documentName"][:40])
    return scores


def render(result: dict, split: str, n_docs: int, seconds: float) -> str:
    d, w = result["quote_detection"], result["who_said_what"]
    lines = [
        f"split {split}: {n_docs} docs, {result['gold']} gold quotations, {result['pred']} predicted, {seconds:.0f}s",
        f"{'':22} {'P':>6} {'R':>6} {'F1':>6}",
        f"{'quote detection':22} {d['p']:6.3f} {d['r']:6.3f} {d['f1']:6.3f}",
        f"{'who said what':22} {w['p']:6.3f} {w['r']:6.3f} {w['f1']:6.3f}",
        "",
        f"{'gold type':22} {'n':>5} {'found':>6} {'who':>6}   (recall)",
    ]
    for t, v in result["recall_by_type"].items():
        lines.append(f"{t:22} {v['gold']:5d} {v['found']:6.3f} {v['who_said_what']:6.3f}")
    lines += ["", f"{'predicted mode':22} {'n':>5} {'P':>6}"]
    for m, v in result["precision_by_mode"].items():
        lines.append(f"{m:22} {v['pred']:5d} {v['p']:6.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "train"), default="dev")
    parser.add_argument("--limit", type=int, default=None, help="first N documents only (after --skip)")
    parser.add_argument("--skip", type=int, default=0, help="leave out the first N documents (train[300:] as a held-out check)")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: kg/nlp/model)")
    parser.add_argument("--data", type=Path, default=None, help=f"folder of {CORPUS}")
    parser.add_argument("--errors", type=int, default=0, help="print this many misses/extras")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    folder = args.data or data_dir()
    if not (folder / f"{args.split}.jsonl").is_file():
        print(f"no corpus at {folder} (see bench/quotes.py docstring)", file=sys.stderr)
        return 2
    from kg.pipeline import load_extractor

    docs = load_split(args.split, args.limit + args.skip if args.limit else None, folder)[args.skip :]
    started = time.time()
    scores = run(docs, load_extractor(args.model), args.errors)
    result = scores.as_dict()
    name = f"{args.split}[{args.skip}:]" if args.skip else args.split
    print(json.dumps(result, indent=2) if args.json else render(result, name, len(docs), time.time() - started))
    for line in scores.errors:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
