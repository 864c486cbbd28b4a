"""Build the training data and the shipped German pipeline (used by scripts/train_ner.py).

Steps (each writes under the work dir, e.g. build/ner/):

1. convert the corpora to DocBins (NER: licence-ok corpora; UD: German GSD dev/test + PUD);
2. train floret static vectors on licence-ok raw text of those corpora;
3. train, side by side on one core each,
   * ``ud``: tok2vec + tagger (STTS) + morphologizer (UPOS + UD features) + trainable
     lemmatizer + parser (gives ``doc.sents``) on UD German, and
   * ``ner``: tok2vec (wider, reads the static vectors) + ner on the NER corpora;
4. source the NER (with its own copy of its tok2vec) into the UD pipeline.

Why two encoders: UD heads trained on the frozen NER encoder lost 6 points POS, 15 morph
and 17 LAS (docs/ner.md), and the extractors need the parse and Konjunktiv morphology.
The result is one directory that ``spacy.load`` reads offline.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.tokens import DocBin
from spacy.training.converters import conllu_to_docs

from kg.train.corpora import TRAIN_SOURCES, CorpusError, count_entities, source_docs

CONFIG_DIR = Path(__file__).resolve().parent
UD_FILES = (
    "ud_german_gsd/de_gsd-ud-dev.conllu",
    "ud_german_gsd/de_gsd-ud-test.conllu",
    "ud_german_pud/de_pud-ud-test.conllu",
)
# Sources used by default. LER (legal) and HIPE (historical OCR) are kept opt-in because
# they lowered GermEval dev F1 when tried (figures in docs/ner.md).
DEFAULT_NER_SOURCES = ("germeval-train", "smartdata", "uner-pud")
# The last sentences of GermEval train are held out for early stopping, so GermEval dev
# stays a clean measurement.
NER_HELDOUT = 1000
UD_HELDOUT_EVERY = 10  # every 10th UD document (of 10 sentences) is held out


@dataclass(frozen=True)
class TrainJob:
    """One ``spacy train`` run: config, data and where its model-best lands."""

    name: str
    config: Path
    train: Path
    dev: Path
    output: Path
    vectors: Path | None = None

    @property
    def best(self) -> Path:
        return self.output / "model-best"


def convert_ner(data_dir: Path, work: Path, sources: tuple[str, ...]) -> tuple[Path, Path]:
    """Write train/heldout DocBins for the NER from the chosen sources."""
    nlp = spacy.blank("de")
    train_bin, held_bin = DocBin(), DocBin()
    for name in sources:
        if name not in TRAIN_SOURCES:
            raise CorpusError(f"unknown NER source {name!r}; known: {', '.join(TRAIN_SOURCES)}")
        docs = list(source_docs(data_dir, TRAIN_SOURCES[name], nlp.vocab, nlp.tokenizer))
        if name == "germeval-train":
            for doc in docs[-NER_HELDOUT:]:
                held_bin.add(doc)
            docs = docs[:-NER_HELDOUT]
        for doc in docs:
            train_bin.add(doc)
        print(f"  {name}: {len(docs)} docs, entities {count_entities(docs)}", flush=True)
    work.mkdir(parents=True, exist_ok=True)
    train_bin.to_disk(work / "ner-train.spacy")
    held_bin.to_disk(work / "ner-heldout.spacy")
    return work / "ner-train.spacy", work / "ner-heldout.spacy"


def convert_ud(data_dir: Path, work: Path) -> tuple[Path, Path]:
    """Write train/heldout DocBins from UD German (multiword tokens merged, 10 sents/doc)."""
    train_bin, held_bin = DocBin(), DocBin()
    n = 0
    for rel in UD_FILES:
        path = data_dir / rel
        if not path.exists():
            raise CorpusError(f"corpus file not found: {path}")
        text = path.read_text(encoding="utf-8")
        for doc in conllu_to_docs(text, n_sents=10, merge_subtokens=True, no_print=True):
            (held_bin if n % UD_HELDOUT_EVERY == UD_HELDOUT_EVERY - 1 else train_bin).add(doc)
            n += 1
    work.mkdir(parents=True, exist_ok=True)
    train_bin.to_disk(work / "ud-train.spacy")
    held_bin.to_disk(work / "ud-heldout.spacy")
    print(f"  ud: {len(train_bin)} train / {len(held_bin)} held-out docs", flush=True)
    return work / "ud-train.spacy", work / "ud-heldout.spacy"


# Raw text for static vectors: every licence-ok corpus (all NER sources incl. the
# opt-in ones, UD, and the CC BY-SA Bundestag speeches of SpkAtt). No NC text, since the
# vectors ship inside the model.
VECTOR_TEXT_SOURCES = tuple(TRAIN_SOURCES)
SPKATT_FILES = ("spkatt2023-gepade-parliament/train.jsonl", "spkatt2023-gepade-parliament/dev.jsonl")


def write_vector_text(data_dir: Path, path: Path) -> int:
    """Write one tokenized sentence per line (licence-ok text only); returns the token count."""
    nlp = spacy.blank("de")
    n_tokens = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        def emit(tokens: list[str]) -> None:
            nonlocal n_tokens
            if tokens:
                out.write(" ".join(tokens) + "\n")
                n_tokens += len(tokens)

        for name in VECTOR_TEXT_SOURCES:
            for doc in source_docs(data_dir, TRAIN_SOURCES[name], nlp.vocab, nlp.tokenizer):
                emit([t.text for t in doc if not t.is_space and " " not in t.text])
        for rel in UD_FILES:
            for line in (data_dir / rel).read_text(encoding="utf-8").splitlines():
                if line.startswith("# text = "):
                    emit([t.text for t in nlp.tokenizer(line[9:]) if not t.is_space])
        for rel in SPKATT_FILES:
            for line in (data_dir / rel).read_text(encoding="utf-8").splitlines():
                for sent in json.loads(line)["Sentences"]:
                    emit([t for t in sent["Tokens"] if t.strip() and " " not in t])
    return n_tokens


def train_vectors(text: Path, out_dir: Path, dim: int, bucket: int) -> Path:
    """Train floret vectors (subword-hashed, so unseen compounds still get a vector)."""
    import floret

    model = floret.train_unsupervised(
        str(text), model="cbow", mode="floret", hashCount=2, bucket=bucket,
        minn=4, maxn=5, minCount=3, dim=dim, epoch=10, thread=1)
    out_dir.mkdir(parents=True, exist_ok=True)
    floret_file = out_dir / "vectors.floret"
    model.save_floret_vectors(str(floret_file))
    spacy_dir = out_dir / "spacy"
    subprocess.run([sys.executable, "-m", "spacy", "init", "vectors", "de", str(floret_file),
                    str(spacy_dir), "--mode", "floret"], check=True)
    return spacy_dir


def start_training(job: TrainJob, seed: int, overrides: dict[str, str]) -> subprocess.Popen:
    """Start ``spacy train`` on one thread (the other core runs the other job)."""
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    cmd = [sys.executable, "-m", "spacy", "train", str(job.config), "--output", str(job.output),
           "--paths.train", str(job.train), "--paths.dev", str(job.dev),
           "--system.seed", str(seed)]
    if job.vectors:
        cmd += ["--paths.vectors", str(job.vectors)]
    for key, value in overrides.items():
        cmd += [f"--{key}", value]
    job.output.mkdir(parents=True, exist_ok=True)
    log = open(job.output / "train.log", "w", encoding="utf-8")
    print(f"  [{job.name}] {' '.join(cmd[1:])}  (log: {job.output / 'train.log'})", flush=True)
    return subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)


def run_trainings(jobs: list[TrainJob], seed: int, overrides: dict[str, dict[str, str]],
                  max_minutes: float | None) -> None:
    """Run the trainings side by side to their end (max_steps), or stop them after ``max_minutes``.

    On a stop each keeps its best checkpoint so far (model-best).
    """
    procs = {job.name: start_training(job, seed, overrides.get(job.name, {})) for job in jobs}
    deadline = time.monotonic() + max_minutes * 60 if max_minutes else None
    while any(p.poll() is None for p in procs.values()):
        if deadline and time.monotonic() > deadline:
            for name, proc in procs.items():
                if proc.poll() is None:
                    print(f"  [{name}] time cap reached, stopping (model-best is kept)", flush=True)
                    os.killpg(proc.pid, signal.SIGTERM)
                    proc.wait()
            break
        time.sleep(5)
    for job in jobs:
        code = procs[job.name].returncode
        if code not in (0, -signal.SIGTERM):
            raise RuntimeError(f"training {job.name} failed (exit {code}); see {job.output}/train.log")
        if not job.best.exists():
            raise RuntimeError(f"training {job.name} left no checkpoint at {job.best}")


MODEL_NAME = "kg_de_news"
MODEL_VERSION = "1.0.0"


def assemble(ud_model: Path, ner_model: Path, out: Path, card: Path | None,
             version: str = MODEL_VERSION) -> None:
    """Source the NER into the UD pipeline and write the result to ``out`` with the model card."""
    nlp = spacy.load(ud_model)
    add_ner(nlp, ner_model)
    write_pipeline(nlp, out, card, version)


def swap_ner(base: Path, ner_model: Path, out: Path, card: Path | None, version: str) -> None:
    """Replace the NER of pipeline ``base`` by the one of ``ner_model`` (a continuation).

    The UD components are copied unchanged, so only the NER differs from ``base``.
    """
    nlp = spacy.load(base)
    nlp.remove_pipe("ner")
    add_ner(nlp, ner_model)
    write_pipeline(nlp, out, card, version)


def add_ner(nlp: spacy.Language, ner_model: Path) -> None:
    """Source the ``ner`` of ``ner_model`` into ``nlp`` before the parser, with its vectors."""
    ner_nlp = spacy.load(ner_model)
    # The NER listens to the NER pipeline's tok2vec; give it its own copy so it does not
    # attach to the UD tok2vec after sourcing. (A continuation's NER already has one.)
    if "tok2vec" in ner_nlp.pipe_names:
        ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    nlp.vocab.vectors = ner_nlp.vocab.vectors  # the NER's tok2vec reads the floret vectors
    # Before the parser: its sentence splits (sometimes wrong inside a sentence) would
    # otherwise cut entities; the NER was trained without sentence boundaries.
    nlp.add_pipe("ner", source=ner_nlp, before="parser")


def write_pipeline(nlp: spacy.Language, out: Path, card: Path | None, version: str) -> None:
    """Write ``nlp`` to ``out`` (via a temporary dir) with kg's meta and the model card."""
    nlp.meta.update({
        "name": MODEL_NAME,
        "version": version,
        "description": "German pipeline for kg: STTS tagger, UD morphologizer, lemmatizer and parser, "
                       "and NER (PER/ORG/LOC/MISC) with floret vectors. See README.md.",
        "license": "CC BY-SA 4.0 (trained on CC BY and CC BY-SA data; see README.md)",
        "author": "kg",
    })
    tmp = out.with_name(out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    nlp.to_disk(tmp)
    if card and card.exists():
        shutil.copy(card, tmp / "README.md")
    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)
