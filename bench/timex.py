"""Score kg.temporal.extract on KRAUTS (German TimeML news), TempEval-3 style, next to HeidelTime.

    python bench/timex.py                  # all 142 documents
    python bench/timex.py --slice dev      # first 70 (rule tuning slice), --slice test: the rest
    python bench/timex.py --errors         # also list our misses and wrong values

Metrics: strict span F1 (identical offsets), relaxed span F1 (overlap), type F1 (relaxed match and
same type), value F1 (relaxed match and same TIMEX3 value). Each system expression is matched to
at most one gold expression. KRAUTS is CC BY-NC: it is read from ../shared/data (or KG_DATA_DIR)
and only measured, never copied.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kg.errors import KgError  # noqa: E402
from kg.temporal import extract  # noqa: E402

DEV_DOCS = 70


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True)
class Doc:
    """One KRAUTS document: body text, creation date, gold and HeidelTime expressions."""

    name: str
    text: str
    dct: dt.date
    gold: tuple[Span, ...]
    heideltime: tuple[Span, ...]


@dataclass
class Counts:
    system: int = 0
    gold: int = 0
    strict: int = 0
    relaxed: int = 0
    type: int = 0
    value: int = 0

    def add(self, other: Counts) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def f1(self, hits: int) -> tuple[float, float, float]:
        """Precision, recall, F1 of `hits` correct expressions."""
        p = hits / self.system if self.system else 0.0
        r = hits / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Errors:
    """Gold expressions we missed or normalised differently, for rule work on the dev slice."""

    lines: list[str] = field(default_factory=list)


def data_dir() -> Path:
    """KRAUTS folder: $KG_DATA_DIR/krauts-temporal or ../shared/data/krauts-temporal."""
    base = Path(os.environ["KG_DATA_DIR"]) if "KG_DATA_DIR" in os.environ else REPO / ".." / "shared" / "data"
    return (base / "krauts-temporal").resolve()


def parse_tml(path: Path) -> tuple[str, dt.date, tuple[Span, ...]]:
    """Body text (TEXT element with tags removed), creation date and TIMEX3 spans of a .tml file."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise KgError(f"{path}: cannot read TimeML: {exc}") from exc
    dct_el, body = root.find("DCT/TIMEX3"), root.find("TEXT")
    if dct_el is None or body is None:
        raise KgError(f"{path}: TimeML without DCT or TEXT element")
    text, spans = body.text or "", []
    for el in body:
        start = len(text)
        text += "".join(el.itertext())
        if el.tag == "TIMEX3":
            spans.append(Span(start, len(text), el.get("type", ""), el.get("value", "").strip()))
        text += el.tail or ""
    return text, dt.date.fromisoformat(dct_el.get("value", "")[:10]), tuple(spans)


def load_corpus(root: Path) -> list[Doc]:
    """All KRAUTS documents in gold/ with their HeidelTime counterparts, in a fixed order."""
    docs = []
    for gold_path in sorted((root / "gold").glob("*/*.tml")):
        ht_path = root / "heideltime_system_output" / f"{gold_path.parent.name}_Heideltime" / gold_path.name
        text, dct, gold = parse_tml(gold_path)
        ht_text, _, heideltime = parse_tml(ht_path)
        if ht_text != text:
            raise KgError(f"{ht_path}: text differs from {gold_path}, offsets would not align")
        docs.append(Doc(gold_path.name, text, dct, gold, heideltime))
    if not docs:
        raise KgError(f"{root}: no KRAUTS gold documents found")
    return docs


def _overlap(a: Span, b: Span) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def score_doc(gold: Iterable[Span], system: Iterable[Span]) -> tuple[Counts, list[tuple[Span, Span | None]]]:
    """Counts for one document and the gold-to-system alignment (greedy by overlap, one-to-one)."""
    gold, system = list(gold), list(system)
    pairs = sorted(((_overlap(g, s), gi, si) for gi, g in enumerate(gold) for si, s in enumerate(system)
                    if _overlap(g, s) > 0), reverse=True)
    used_g, used_s, match = set(), set(), {}
    for _, gi, si in pairs:
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            match[gi] = system[si]
    counts = Counts(system=len(system), gold=len(gold), relaxed=len(match))
    # Strict: identical offsets, whichever pairing the overlap alignment chose.
    counts.strict = len({(g.start, g.end) for g in gold} & {(s.start, s.end) for s in system})
    for gi, s in match.items():
        counts.type += gold[gi].type == s.type
        counts.value += gold[gi].value == s.value
    return counts, [(g, match.get(i)) for i, g in enumerate(gold)]


def ours(doc: Doc) -> tuple[Span, ...]:
    return tuple(Span(t.start, t.end, t.type, t.value) for t in extract(doc.text, doc.dct))


def evaluate(docs: list[Doc], system: Callable[[Doc], tuple[Span, ...]],
             errors: Errors | None = None) -> Counts:
    """Summed counts of `system` over `docs`; fills `errors` with misses and wrong values."""
    total = Counts()
    for doc in docs:
        predicted = system(doc)
        counts, alignment = score_doc(doc.gold, predicted)
        total.add(counts)
        if errors is not None:
            matched = {id(s) for _, s in alignment if s}
            for g, s in alignment:
                gold_text = doc.text[g.start:g.end]
                if s is None:
                    errors.lines.append(f"MISS {doc.name} {doc.dct} {g.type} {g.value:14} {gold_text!r}")
                elif s.value != g.value or (s.start, s.end) != (g.start, g.end):
                    errors.lines.append(f"DIFF {doc.name} {doc.dct} {g.type} {g.value:14} {gold_text!r} -> "
                                        f"{s.type} {s.value} {doc.text[s.start:s.end]!r}")
            for s in predicted:
                if id(s) not in matched:
                    context = doc.text[max(0, s.start - 30):s.end + 10].replace("\n", " ")
                    errors.lines.append(f"FP   {doc.name} {doc.dct} {s.type} {s.value:14} "
                                        f"{doc.text[s.start:s.end]!r}  …{context}…")
    return total


def table(rows: dict[str, Counts]) -> str:
    """Markdown table: one row per metric, P/R/F1 for every system."""
    names = list(rows)
    head = "| metric | " + " | ".join(f"{n} P | {n} R | {n} F1" for n in names) + " |"
    sep = "|---" * (1 + 3 * len(names)) + "|"
    lines = [head, sep]
    for metric in ("strict", "relaxed", "type", "value"):
        cells = []
        for name in names:
            cells.extend(f"{x:.3f}" for x in rows[name].f1(getattr(rows[name], metric)))
        lines.append(f"| {metric} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def select(docs: list[Doc], which: str) -> list[Doc]:
    return {"dev": docs[:DEV_DOCS], "test": docs[DEV_DOCS:], "all": docs}[which]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--slice", choices=("all", "dev", "test"), default="all")
    parser.add_argument("--errors", action="store_true", help="list misses, false positives, wrong values")
    args = parser.parse_args(argv)
    root = data_dir()
    if not root.is_dir():
        print(f"KRAUTS not found at {root} (set KG_DATA_DIR)", file=sys.stderr)
        return 2
    errors = Errors() if args.errors else None
    try:
        docs = select(load_corpus(root), args.slice)
        rows = {"kg": evaluate(docs, ours, errors), "HeidelTime": evaluate(docs, lambda d: d.heideltime)}
    except KgError as exc:
        print(exc, file=sys.stderr)
        return 2
    if errors:
        print("\n".join(errors.lines), end="\n\n")
    gold = rows["kg"].gold
    print(f"KRAUTS Dolomiten, {len(docs)} documents ({args.slice}), {gold} gold TIMEX3\n")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
