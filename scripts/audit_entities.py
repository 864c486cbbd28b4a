"""Print every entity the pipeline finds in a fixed sample of articles, for judging by hand.

    python scripts/audit_entities.py [--split train] [--start 400] [--count 30] [--cache /tmp/audit.spacy]

Reads the quotation corpus (`originalText` of each document, as bench/quotes.py does; the rules
were never tuned on the train split from index 400 on), runs the real extractor and prints per
article each entity: type, label, QID, its distinct mentions and roles. `--cache` keeps the parsed
documents (a spaCy DocBin) so that a rerun after a rule or lexicon change costs no NER time.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from spacy.tokens import Doc, DocBin  # noqa: E402

from kg.model import Article, ArticleGraph, Entity  # noqa: E402
from kg.pipeline import load_extractor  # noqa: E402
from quotes import load_split  # noqa: E402


def parsed(texts: list[str], cache: Path | None) -> list[Doc]:
    """The documents parsed by the pipeline's NLP, read from `cache` when it holds these texts."""
    extractor = load_extractor()
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(extractor.nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    docs = list(extractor.nlp.pipe(texts))
    if cache is not None:
        DocBin(docs=docs, store_user_data=False).to_disk(cache)
    return docs


def describe(entity: Entity, graph: ArticleGraph) -> str:
    """One line: type, label, QID, the distinct mentions and the roles ("Präsident of Q30")."""
    text = graph.article.text
    mentions = sorted({text[m.start : m.end].replace("\n", "\\n") for m in entity.mentions})
    roles = [f"{r.name} of {r.of}" if r.of else r.name for r in entity.roles]
    anon = " anonymous" if entity.anonymous else ""
    return (f"  {entity.type:<12} {entity.label!r:<40} {entity.wikidata or '-':<10}{anon} "
            f"{mentions}{' roles=' + str(roles) if roles else ''}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="train")
    parser.add_argument("--start", type=int, default=400)
    parser.add_argument("--count", type=int, default=30)
    parser.add_argument("--cache", type=Path)
    args = parser.parse_args()
    docs = load_split(args.split)[args.start : args.start + args.count]
    texts = [d["originalText"] for d in docs]
    extractor = load_extractor()
    for n, (d, doc) in enumerate(zip(docs, parsed(texts, args.cache)), args.start):
        graph = extractor.extract(Article(id=str(n), text=d["originalText"], source=d["documentName"]), doc)
        print(f"=== {n} {d['documentName']}")
        for entity in sorted(graph.entities, key=lambda e: (e.type, e.label)):
            print(describe(entity, graph))


if __name__ == "__main__":
    main()
