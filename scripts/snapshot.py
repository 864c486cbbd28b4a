"""Extraction snapshot: the quads kg builds from a fixed sample of articles, sorted, as N-Quads.

A refactoring must leave extraction alone; comparing snapshots taken before and after shows it did:

    python scripts/snapshot.py /tmp/before.nq          # seed, ../shared/gold/dev, 60 Wikinews articles
    ... refactor ...
    python scripts/snapshot.py /tmp/after.nq && cmp /tmp/before.nq /tmp/after.nq

`--small` takes only the seed and the dev articles; `--digest` writes one line per article (its
graph, number of quads and SHA-256 of its sorted quads) instead of the quads. tests/test_snapshot.py
compares the digests of the small sample with the committed tests/data/snapshot.tsv; `--update`
rewrites that file: run it when extraction changes on purpose, and commit it with the change.

Two literals name the build, not what was extracted, and are fixed here: the pipeline (kg
version, digest of kg/data, model: moving a word list between data files changes it) and the
article's source (a path that depends on the checkout): only its file name is kept.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "seeds"
DEV = SHARED / "gold" / "dev"
WIKINEWS = SHARED / "data" / "de-news-quotation-attribution-2024" / "dev.jsonl"
WIKINEWS_ARTICLES = 60
COMMITTED = ROOT / "tests" / "data" / "snapshot.tsv"
PIPELINE = "snapshot"
# "11059 - Passagierflugzeug landete in Guam mit defektem Fahrwerk (2005-08-20)"
DOCUMENT_NAME = re.compile(r"(\d+) - (.*) \((\d{4}-\d{2}-\d{2})\)")


def wikinews_corpus(target: Path, limit: int = WIKINEWS_ARTICLES) -> Path:
    """The first `limit` Wikinews documents as a kg .jsonl corpus (id, title and date come from
    the document name)."""
    with WIKINEWS.open(encoding="utf-8") as source, target.open("w", encoding="utf-8") as out:
        for _, line in zip(range(limit), source):
            doc = json.loads(line)
            number, title, published = DOCUMENT_NAME.fullmatch(doc["documentName"]).groups()
            row = {"id": f"wikinews-{number}", "title": title, "published": published, "text": doc["originalText"]}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return target


def sample_paths(small: bool, scratch: Path) -> list[Path]:
    """The seed, the dev articles and (unless small) the Wikinews sample."""
    paths = [SEEDS, DEV]
    if not small:
        paths.append(wikinews_corpus(scratch / "wikinews.jsonl"))
    return paths


def article_quads(paths: list[Path]) -> dict[str, list[str]]:
    """Each article's graph IRI -> its quads as sorted N-Quads lines (duplicates dropped, as a store would)."""
    from kg.pipeline import load_extractor
    from kg.rdf import Iris, to_quads
    from kg.read import iter_articles

    extractor = load_extractor()
    out: dict[str, list[str]] = {}
    for article in iter_articles(paths):
        if isinstance(article, Exception):
            raise SystemExit(f"cannot read the sample: {article}")
        article = replace(article, source=Path(article.source).name)  # not where this checkout is
        graph = extractor.from_doc(article, extractor.nlp(article.text), PIPELINE)
        out[Iris().graph(article.id).value] = sorted({f"{quad} ." for quad in to_quads(graph)})
    return out


def snapshot(small: bool) -> dict[str, list[str]]:
    """The sample's quads by article."""
    with tempfile.TemporaryDirectory() as scratch:
        return article_quads(sample_paths(small, Path(scratch)))


def digests(quads: dict[str, list[str]]) -> str:
    """One line per article, sorted: graph IRI, number of quads, SHA-256 of the sorted quads."""
    rows = (f"{graph}\t{len(lines)}\t{hashlib.sha256(chr(10).join(lines).encode()).hexdigest()}"
            for graph, lines in quads.items())
    return "\n".join(sorted(rows)) + "\n"


def nquads(quads: dict[str, list[str]]) -> str:
    """All quads, sorted: one canonical text, equal exactly when extraction is."""
    return "\n".join(sorted(line for lines in quads.values() for line in lines)) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", nargs="?", type=Path, help="where to write the N-Quads")
    parser.add_argument("--small", action="store_true", help="only the seed and ../shared/gold/dev")
    parser.add_argument("--digest", action="store_true", help="one line per article instead of its quads")
    parser.add_argument("--update", action="store_true",
                        help=f"rewrite {COMMITTED.relative_to(ROOT)} (implies --small --digest)")
    args = parser.parse_args(argv)
    if not args.update and args.output is None:
        parser.error("give an output path or --update")
    if not DEV.is_dir() or not (args.small or args.update or WIKINEWS.is_file()):
        print(f"the shared sample is missing under {SHARED}", file=sys.stderr)
        return 1
    quads = snapshot(small=args.small or args.update)
    text = digests(quads) if args.digest or args.update else nquads(quads)
    target = COMMITTED if args.update else args.output
    target.write_text(text, encoding="utf-8")
    print(f"{target}: {len(quads)} articles, {sum(map(len, quads.values()))} quads")
    return 0


if __name__ == "__main__":
    sys.exit(main())
