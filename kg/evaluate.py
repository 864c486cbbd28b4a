"""Score a built graph against an answer key (format: ../shared/gold/README.md).

Entities match by QID or by label against the key's label and mentions (same type); events and
claims match by evidence text, so scores do not depend on sentence splitting.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Store

from kg.errors import KgError
from kg.query import bundled, select

QUOTES = str.maketrans({c: '"' for c in "„“”«»‚‘’‹›"})


@dataclass
class Score:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    parts: dict[str, Score] = field(default_factory=dict)
    extra: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def render(self) -> str:
        lines = [f"{'part':<16} {'P':>6} {'R':>6} {'F1':>6}   tp/pred/gold"]
        for name, s in self.parts.items():
            lines.append(f"{name:<16} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}   {s.tp}/{s.predicted}/{s.gold}")
        lines += [f"{name:<16} {value:6.3f}" for name, value in self.extra.items()]
        return "\n".join(lines + self.notes)

    def as_dict(self) -> dict:
        parts = {k: {"precision": v.precision, "recall": v.recall, "f1": v.f1, "tp": v.tp,
                     "predicted": v.predicted, "gold": v.gold} for k, v in self.parts.items()}
        return {"parts": parts, **self.extra}


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(QUOTES)).strip()


def evidence_match(gold: str | list[str], predicted: str) -> bool:
    """Gold evidence inside the predicted sentence, or the reverse, or ≥ 80% shared words."""
    pred = normalise(predicted)
    for g in [gold] if isinstance(gold, str) else gold:
        g = normalise(g)
        if not g or not pred:
            continue
        if g in pred or pred in g:
            return True
        gw, pw = set(re.findall(r"\w+", g.lower())), set(re.findall(r"\w+", pred.lower()))
        if gw and pw and len(gw & pw) >= 0.8 * min(len(gw), len(pw)):
            return True
    return False


def _graph_filter(article_id: str) -> str:
    return f'?g_article <https://schema.org/identifier> "{article_id}" .'


def _rows(store: Store, name: str, article_id: str) -> list[dict]:
    """A bundled query's rows restricted to one article."""
    if name not in bundled():
        return []
    _, rows = select(store, bundled()[name].read_text(encoding="utf-8"))
    return [r for r in rows if (r.get("article") or "").rstrip("/").endswith("/" + article_id)]


def _entity_rows(store: Store, article_id: str) -> list[dict]:
    sparql = f"""
    PREFIX schema: <https://schema.org/>
    SELECT DISTINCT ?entity ?label ?type ?wikidata WHERE {{
      GRAPH ?g {{
        {_graph_filter(article_id)}
        VALUES ?class {{ schema:Person schema:Organization schema:Country schema:Place kg:Group }}
        ?entity a ?class ; rdfs:label ?label .
        BIND(REPLACE(STR(?class), "^.*[/#]", "") AS ?type)
        OPTIONAL {{ ?entity skos:exactMatch ?wikidata }}
      }}
    }}"""
    return select(store, sparql)[1]


def _qid(iri: str | None) -> str | None:
    return iri.rsplit("/", 1)[-1] if iri else None


def match_entities(gold: list[dict], predicted: list[dict]) -> tuple[Score, dict[str, str]]:
    """One-to-one matches; returns the score and predicted IRI -> gold id."""
    mapping: dict[str, str] = {}
    for g in sorted(gold, key=lambda g: not g.get("wikidata")):
        names = {n.casefold() for n in [g["label"], *g.get("mentions", [])]}
        for p in predicted:
            if p["entity"] in mapping or p["type"] != g["type"]:
                continue
            if (g.get("wikidata") and _qid(p["wikidata"]) == g["wikidata"]) or p["label"].casefold() in names:
                mapping[p["entity"]] = g["id"]
                break
    return Score(len(mapping), len(predicted), len(gold)), mapping


def _match_items(gold: list[dict], predicted: list[dict]) -> list[tuple[dict, dict]]:
    """Evidence matching, each gold item at most once, same type preferred."""
    pairs, used = [], set()
    for p in predicted:
        cands = [g for g in gold if g["id"] not in used and evidence_match(g["evidence"], p.get("evidence") or "")]
        if not cands:
            continue
        g = next((g for g in cands if g["type"] == _local(p.get("type"))), cands[0])
        used.add(g["id"])
        pairs.append((g, p))
    return pairs


def _local(iri: str | None) -> str:
    return re.sub(r"^.*[/#]", "", iri or "")


def _score_items(gold: list[dict], pairs: list[tuple[dict, dict]], n_predicted: int) -> Score:
    required = [g for g in gold if not g.get("optional")]
    tp = sum(1 for g, _ in pairs if not g.get("optional"))
    optional_hits = sum(1 for g, _ in pairs if g.get("optional"))
    return Score(tp, n_predicted - optional_hits, len(required))


def _date_ok(gold: dict, predicted: str | None) -> bool:
    want = gold.get("date")
    if not want or not predicted:
        return not want and not predicted
    coarse = min(len(want), len(predicted))  # year (4) or month (7) precision on either side
    if coarse < 10:
        return want[:coarse] == predicted[:coarse]
    try:
        delta = abs((dt.date.fromisoformat(want) - dt.date.fromisoformat(predicted[:10])).days)
    except ValueError:
        return False
    return delta <= gold.get("date_tolerance_days", 0)


def _set_f1(gold: set, pred: set) -> float:
    if not gold and not pred:
        return 1.0
    tp = len(gold & pred)
    return 2 * tp / (len(gold) + len(pred)) if tp else 0.0


def evaluate(store: Store, gold_path: Path) -> Report:
    try:
        key = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise KgError(f"{gold_path}: cannot read answer key ({e})") from None
    article_id = Path(key["article"]).stem
    report = Report()
    score, mapping = match_entities(key.get("entities", []), _entity_rows(store, article_id))
    report.parts["entities"] = score
    if score.predicted == 0:
        report.notes.append(f"note: no entities stored for article {article_id!r}")
    label_to_gold = {}
    for row in _entity_rows(store, article_id):
        if row["entity"] in mapping:
            label_to_gold[row["label"]] = mapping[row["entity"]]
    _events(report, key.get("events", []), _rows(store, "events", article_id), label_to_gold)
    _claims(report, key.get("claims", []), _rows(store, "claims", article_id), mapping)
    return report


def _events(report: Report, gold: list[dict], rows: list[dict], label_to_gold: dict[str, str]) -> None:
    if not gold:
        return
    pairs = _match_items(gold, rows)
    report.parts["events"] = _score_items(gold, pairs, len(rows))
    if pairs:
        report.extra["event_date_acc"] = sum(_date_ok(g, p.get("date")) for g, p in pairs) / len(pairs)
        report.extra["event_status_acc"] = sum(g["status"] == _local(p.get("status")) for g, p in pairs) / len(pairs)
        report.extra["event_particip_f1"] = sum(
            _set_f1(set(g.get("participants") or []),
                    {label_to_gold.get(x, x) for x in (p.get("participants") or "").split(" | ") if x})
            for g, p in pairs
        ) / len(pairs)


def _claims(report: Report, gold: list[dict], rows: list[dict], mapping: dict[str, str]) -> None:
    if not gold:
        return
    pairs = _match_items(gold, rows)
    score = _score_items(gold, pairs, len(rows))
    report.parts["claims"] = score

    def right(g: dict, p: dict) -> bool:
        want = g["speaker"] if isinstance(g["speaker"], list) else [g["speaker"]]
        return mapping.get(p.get("speaker") or "") in want

    correct = sum(1 for g, p in pairs if right(g, p) and not g.get("optional"))
    report.parts["who_said_what"] = Score(correct, score.predicted, score.gold)
    if pairs:
        report.extra["speaker_acc"] = sum(right(g, p) for g, p in pairs) / len(pairs)
