"""Readers that turn the German NER corpora in ``../shared/data`` into spaCy Docs.

Every reader yields :class:`spacy.tokens.Doc` objects built on the corpus' own
tokenization, with entities limited to the fixed label set PER, ORG, LOC, MISC.
GermEval's OTH becomes MISC; its *deriv / *part tags ("deutsche",
"Troia-Ausstellung") are not names of the entity itself and become O.

Only corpora whose licence allows a shipped model are read for training (see
``TRAIN_SOURCES`` and docs/ner.md); GermEval dev/test are read for measuring only.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from kg.errors import CorpusError

LABELS = ("PER", "ORG", "LOC", "MISC")

# GermEval OTH -> MISC; UNER / HIPE / LER coarse or fine classes -> our labels.
_LABEL_MAP = {
    "PER": "PER", "ORG": "ORG", "LOC": "LOC", "OTH": "MISC", "MISC": "MISC",
    "HUMANPROD": "MISC",
    # LER (legal): persons, judges, lawyers / countries, cities, streets, landscapes /
    # organisations, companies, institutions, courts, brands. Norms, decisions and
    # literature have no counterpart in the news label set -> O.
    "RR": "PER", "AN": "PER",
    "LD": "LOC", "ST": "LOC", "STR": "LOC", "LDS": "LOC",
    "UN": "ORG", "INN": "ORG", "GRT": "ORG", "MRK": "ORG",
}

# SmartData concept types -> our labels (dates, numbers, triggers ... are not names).
_SMARTDATA_MAP = {
    "person": "PER",
    "organization": "ORG", "organization-company": "ORG",
    "location": "LOC", "location-city": "LOC", "location-street": "LOC",
    "location-stop": "LOC", "location-route": "LOC",
}


@dataclass(frozen=True)
class Sentence:
    """One gold sentence: tokens and their BIO/BIOES tags (raw corpus labels)."""

    words: list[str]
    tags: list[str]


def map_label(raw: str) -> str | None:
    """Map a corpus label to PER/ORG/LOC/MISC, or None for O (deriv/part and others)."""
    upper = raw.upper()
    if upper.endswith("DERIV") or upper.endswith("PART"):
        return None
    return _LABEL_MAP.get(upper)


def tags_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Turn BIO / BIOES / IOB1 tags into (start, end, raw_label) token spans.

    A span starts at B-/S- or at an I-/E- whose label differs from the running one
    (IOB1 and sloppy BIO), and ends after E-/S- or before the next start / O.
    """
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, lab = tag.partition("-")
        if tag == "O" or not lab or prefix in ("B", "S") or lab != label:
            if start >= 0:
                spans.append((start, i, label))
            start, label = -1, ""
            if tag == "O" or not lab:
                continue
            start, label = i, lab
        if prefix in ("E", "S"):
            spans.append((start, i + 1, label))
            start, label = -1, ""
    return spans


def sentence_to_doc(vocab: Vocab, sent: Sentence) -> Doc:
    """Build a Doc on the gold tokens with mapped entities; every other token is O."""
    doc = Doc(vocab, words=sent.words)
    ents = []
    for start, end, raw in tags_to_spans(sent.tags):
        label = map_label(raw)
        if label:
            ents.append(Span(doc, start, end, label=label))
    doc.set_ents(ents, default="outside")
    return doc


def _check_exists(path: Path) -> Path:
    if not path.exists():
        raise CorpusError(f"corpus file not found: {path}")
    return path


def read_column_file(path: Path, token_col: int, tag_col: int, sep: str | None,
                     comment: str | None = None) -> Iterator[Sentence]:
    """Read a one-token-per-line file; blank lines end sentences.

    ``comment`` is the line prefix of metadata lines (``"#\t"`` for GermEval's source
    URLs, ``"# "`` for CoNLL-U comments); files without comments pass None so that a
    "#" token is kept.
    """
    opener = gzip.open if path.suffix == ".gz" else open
    words: list[str] = []
    tags: list[str] = []
    with opener(_check_exists(path), "rt", encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                if words:
                    yield Sentence(words, tags)
                words, tags = [], []
                continue
            if comment and line.startswith(comment):
                continue
            cols = line.split(sep) if sep else line.rsplit(" ", 1)
            if len(cols) <= max(token_col, tag_col):
                raise CorpusError(f"{path}:{lineno}: expected {max(token_col, tag_col) + 1} columns")
            words.append(cols[token_col])
            tags.append(cols[tag_col])
    if words:
        yield Sentence(words, tags)


def read_germeval_tsv(path: Path) -> Iterator[Sentence]:
    """GermEval 2014 original TSV (index, token, outer BIO, nested BIO); outer layer only."""
    return read_column_file(path, 1, 2, "\t", comment="#\t")


def read_germeval_bioes(path: Path) -> Iterator[Sentence]:
    """GermEval 2014 train split as ``token TAG`` (BIOES)."""
    return read_column_file(path, 0, 1, None)


def read_uner(path: Path) -> Iterator[Sentence]:
    """UNER IOB2 (CoNLL-U-like comments, index, token, tag, ...)."""
    return read_column_file(path, 1, 2, "\t", comment="# ")


def read_ler(path: Path) -> Iterator[Sentence]:
    """LER legal corpus, gzip ``token tag`` IOB2 with 19 fine classes."""
    return read_column_file(path, 0, 1, None)


def read_hipe(path: Path) -> Iterator[Sentence]:
    """HIPE-2022 TSV: coarse literal NE column, sentences end at EndOfSentence or a new document."""
    words: list[str] = []
    tags: list[str] = []
    with open(_check_exists(path), encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("TOKEN\t") or line.startswith("#"):
                if line.startswith("# hipe2022:document_id") and words:
                    yield Sentence(words, tags)
                    words, tags = [], []
                continue
            cols = line.split("\t")
            if len(cols) < 10:
                raise CorpusError(f"{path}:{lineno}: expected 10 tab-separated HIPE columns")
            words.append(cols[0])
            tags.append(cols[1])
            if "EndOfSentence" in cols[9]:
                yield Sentence(words, tags)
                words, tags = [], []
    if words:
        yield Sentence(words, tags)


def _json_stream(text: str) -> Iterator[dict]:
    """Decode concatenated (pretty-printed) JSON documents."""
    decoder = json.JSONDecoder()
    pos = 0
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            return
        obj, pos = decoder.raw_decode(text, pos)
        yield obj


def read_smartdata(path: Path, vocab: Vocab, tokenizer) -> Iterator[Doc]:
    """SmartData v1 JSON: tokenize each paragraph with ``tokenizer`` and align the char spans."""
    with gzip.open(_check_exists(path), "rt", encoding="utf-8") as fh:
        text = fh.read()
    for record in _json_stream(text):
        body = record["text"]["string"]
        mentions = []
        for m in (record.get("conceptMentions") or {}).get("array", []):
            label = _SMARTDATA_MAP.get(m["type"])
            if label:
                mentions.append((m["span"]["start"], m["span"]["end"], label))
        offset = 0
        for para in body.split("\n"):
            if para.strip():
                doc = tokenizer(para)
                spans = []
                for start, end, label in mentions:
                    if start >= offset and end <= offset + len(para):
                        span = doc.char_span(start - offset, end - offset, label=label,
                                             alignment_mode="expand")
                        if span is not None:
                            spans.append(span)
                doc.set_ents(filter_spans(spans), default="outside")
                yield doc
            offset += len(para) + 1


@dataclass(frozen=True)
class Source:
    """A training corpus: folder-relative file paths, reader name and licence."""

    name: str
    files: tuple[str, ...]
    reader: str
    licence: str


# Corpora whose licence allows training a model we ship (see docs/ner.md).
TRAIN_SOURCES: dict[str, Source] = {
    "germeval-train": Source("germeval-train", ("germeval2014-train/NER-de-train.bioes.txt",),
                             "germeval_bioes", "CC BY 4.0"),
    "smartdata": Source("smartdata", ("smartdata/v1_20180119/train.json.gz",
                                      "smartdata/v1_20180119/test.json.gz"), "smartdata", "CC BY 4.0"),
    "uner-pud": Source("uner-pud", ("uner-german-pud/de_pud-ud-test.iob2",), "uner", "CC BY-SA 3.0"),
    "hipe-newseye-sonar": Source("hipe-newseye-sonar", tuple(
        f"hipe2022-de/HIPE-2022-v2.1-{part}-de.tsv"
        for part in ("newseye-dev", "newseye-dev2", "newseye-test", "sonar-dev", "sonar-test")),
        "hipe", "CC BY 4.0"),
    "ler": Source("ler", tuple(f"ler-legal-de/ler_{court}.conll.gz" for court in
                               ("bag", "bfh", "bgh", "bpatg", "bsg", "bverfg", "bverwg")), "ler", "CC BY 4.0"),
}

DEV_FILE = "germeval2014-ner/NER-de-dev.tsv"
TEST_NEWS_FILE = "germeval2014-ner/NER-de-test.news-only.tsv"

_SENTENCE_READERS = {
    "germeval_bioes": read_germeval_bioes,
    "germeval_tsv": read_germeval_tsv,
    "uner": read_uner,
    "hipe": read_hipe,
    "ler": read_ler,
}


def source_docs(data_dir: Path, source: Source, vocab: Vocab, tokenizer) -> Iterator[Doc]:
    """All Docs of one training source."""
    for rel in source.files:
        path = data_dir / rel
        if source.reader == "smartdata":
            yield from read_smartdata(path, vocab, tokenizer)
        else:
            for sent in _SENTENCE_READERS[source.reader](path):
                yield sentence_to_doc(vocab, sent)


def gold_docs(path: Path, vocab: Vocab) -> list[Doc]:
    """GermEval dev/test sentences as gold Docs (for measuring)."""
    return [sentence_to_doc(vocab, s) for s in read_germeval_tsv(path)]


def count_entities(docs: Iterable[Doc]) -> dict[str, int]:
    """Entity counts per label (for the data table in the model card)."""
    counts = dict.fromkeys(LABELS, 0)
    for doc in docs:
        for ent in doc.ents:
            counts[ent.label_] += 1
    return counts
