"""Train kg's German spaCy pipeline from the corpora in ../shared/data, in one command.

    python scripts/train_ner.py [--data ../shared/data] [--out kg/nlp/model]
    python scripts/train_ner.py --resume-from kg/nlp/model [--out build/ner/resumed]

Steps: convert the corpora to DocBins under build/ner/, train floret vectors on licence-ok
raw text, train the UD components (tagger, morphologizer, lemmatizer, parser) and the NER
side by side (one core each), and write the combined pipeline to --out. See docs/ner.md.

With --resume-from PIPELINE only the NER trains further, from that pipeline's weights and
vectors (smaller learning rate, see kg/train/resume.py); its UD components are copied, and
the result goes to build/ner/resumed unless --out says otherwise, so that the shipped model
is replaced only on purpose.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.train.build import (  # noqa: E402
    CONFIG_DIR, DEFAULT_NER_SOURCES, TrainJob, assemble, convert_ner, convert_ud, run_trainings, swap_ner,
    train_vectors, write_vector_text,
)
from kg.train.corpora import CorpusError  # noqa: E402
from kg.train.resume import ResumeSettings, write_resume_config  # noqa: E402

STEPS = ("convert", "vectors", "ud", "ner")


def default_data_dir() -> Path:
    return Path(os.environ.get("KG_DATA_DIR", ROOT / ".." / "shared" / "data"))


def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=default_data_dir(), help="shared data dir")
    ap.add_argument("--out", type=Path, default=None,
                    help="where the pipeline goes (default kg/nlp/model; with --resume-from: WORK/resumed)")
    ap.add_argument("--work", type=Path, default=ROOT / "build" / "ner", help="DocBins, vectors, checkpoints")
    ap.add_argument("--sources", default=",".join(DEFAULT_NER_SOURCES),
                    help="comma-separated NER training sources (see kg/train/corpora.py)")
    ap.add_argument("--ner-config", type=Path, default=CONFIG_DIR / "ner.cfg")
    ap.add_argument("--ud-config", type=Path, default=CONFIG_DIR / "ud.cfg")
    ap.add_argument("--vector-dim", type=int, default=64)
    ap.add_argument("--vector-bucket", type=int, default=50000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--max-minutes", type=float, default=None,
                    help="stop each training after this long and keep its best checkpoint")
    ap.add_argument("--skip", default="", help=f"comma-separated steps to reuse from --work: {','.join(STEPS)}")
    ap.add_argument("--override", action="append", default=[], metavar="KEY=VALUE",
                    help="spaCy config override for the NER training, e.g. training.max_steps=8000")
    resume = ResumeSettings()
    ap.add_argument("--resume-from", type=Path, default=None, metavar="PIPELINE",
                    help="continue training the NER of this pipeline (e.g. kg/nlp/model) from its weights")
    ap.add_argument("--resume-lr", type=float, default=resume.learn_rate, help="continuation learning rate")
    ap.add_argument("--resume-steps", type=int, default=resume.max_steps, help="continuation max steps")
    ap.add_argument("--resume-version", default="1.1.0", help="model version written for the continuation")
    return ap.parse_args()


def resume(args: argparse.Namespace, skip: set[str]) -> int:
    """Continue the NER of --resume-from; write that pipeline with the new NER to --out."""
    work, source = args.work, args.resume_from
    if not (source / "ner").is_dir():
        print(f"error: no pipeline with a ner component at {source}", file=sys.stderr)
        return 2
    train, held = work / "ner-train.spacy", work / "ner-heldout.spacy"
    if "convert" not in skip or not (train.exists() and held.exists()):
        print("converting NER corpora ...", flush=True)
        try:
            convert_ner(args.data, work, tuple(args.sources.split(",")))
        except CorpusError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    settings = ResumeSettings(learn_rate=args.resume_lr, max_steps=args.resume_steps)
    config = write_resume_config(source, work / "ner-resume.cfg", settings)
    job = TrainJob("ner", config, train, held, work / "ner-resume")
    overrides = {"ner": dict(item.split("=", 1) for item in args.override)}
    try:
        run_trainings([job], args.seed, overrides, args.max_minutes)
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    out = args.out or work / "resumed"
    swap_ner(source, job.best, out, ROOT / "docs" / "ner.md", args.resume_version)
    print(f"pipeline written to {out}", flush=True)
    return 0


def main() -> int:
    args = parse_args()
    skip = set(filter(None, args.skip.split(",")))
    work = args.work
    if not args.data.is_dir():
        print(f"error: data directory not found: {args.data} (use --data or KG_DATA_DIR)", file=sys.stderr)
        return 2
    if args.resume_from:
        return resume(args, skip)
    try:
        if "convert" not in skip:
            print("converting corpora ...", flush=True)
            convert_ner(args.data, work, tuple(args.sources.split(",")))
            convert_ud(args.data, work)
        vectors = work / "vectors" / "spacy"
        if "vectors" not in skip:
            print("training floret vectors ...", flush=True)
            n_tokens = write_vector_text(args.data, work / "vectors" / "text.txt")
            print(f"  {n_tokens:,} tokens of licence-ok text", flush=True)
            train_vectors(work / "vectors" / "text.txt", work / "vectors", args.vector_dim, args.vector_bucket)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    ner = TrainJob("ner", args.ner_config, work / "ner-train.spacy", work / "ner-heldout.spacy",
                   work / "ner", vectors=vectors)
    ud = TrainJob("ud", args.ud_config, work / "ud-train.spacy", work / "ud-heldout.spacy", work / "ud")
    overrides = {"ner": dict(item.split("=", 1) for item in args.override)}
    try:
        run_trainings([job for job in (ud, ner) if job.name not in skip], args.seed, overrides, args.max_minutes)
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    out = args.out or ROOT / "kg" / "nlp" / "model"
    assemble(ud.best, ner.best, out, ROOT / "docs" / "ner.md")
    print(f"pipeline written to {out}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
