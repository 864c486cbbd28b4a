"""Continue training the NER of an existing pipeline (``scripts/train_ner.py --resume-from``).

The first NER (model 1.0.0) stopped at a fixed ``max_steps`` while its held-out curve was still
rising. Retraining from scratch costs ~3,000 steps before it gets back there, so a continuation
starts from the shipped weights instead (it gained about one held-out point in 600 steps, then
stayed flat: model 1.1.0, docs/ner.md): the config *sources* the ``ner``
component (which carries its own copy of its tok2vec, see ``build.assemble``) from the
pipeline, loads the same floret vectors from it, and trains with a smaller learning rate
and full-size batches. The result is swapped into a copy of that pipeline, so the UD
components stay exactly as shipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from thinc.api import Config

from kg.train.build import CONFIG_DIR


@dataclass(frozen=True)
class ResumeSettings:
    """The knobs of a continuation; the defaults are the ones docs/ner.md reports."""

    # A fresh Adam at the original 0.001 undid part of the converged weights in an earlier
    # try (held-out fell); a fifth of it refines them instead.
    learn_rate: float = 0.0002
    max_steps: int = 1500
    # Evaluate twice as often as the first run: a continuation is short and its best
    # checkpoint can come early.
    eval_frequency: int = 100
    # Stop after this many steps without a better held-out score (the curve is flat by then).
    patience: int = 600
    # The first run's batch size had compounded up to 1,000 words by step ~2,300; restarting
    # the schedule at 100 words would give noisy small-batch updates to converged weights.
    batch_words: int = 1000


def resume_config(source: Path, settings: ResumeSettings = ResumeSettings(),
                  base: Path = CONFIG_DIR / "ner.cfg") -> Config:
    """The NER training config ``base`` rewritten to continue the ``ner`` of pipeline ``source``.

    Only the ``ner`` component remains (sourced, so spaCy resumes it instead of initializing
    it); the vectors come from ``source`` because the sourced weights were trained on them.
    """
    source = Path(source).resolve()  # spaCy resolves paths against the cwd of `spacy train`
    config = Config().from_disk(base, interpolate=False)
    config["nlp"]["pipeline"] = ["ner"]
    config["components"] = {"ner": {"source": str(source), "component": "ner"}}
    config["paths"]["vectors"] = str(source)
    config["paths"]["init_tok2vec"] = None
    apply_resume_settings(config, settings)
    return config


def apply_resume_settings(config: Config, settings: ResumeSettings) -> None:
    """Set the continuation's schedule: learning rate, steps, evaluation, constant batches."""
    training = config["training"]
    training["optimizer"]["learn_rate"] = settings.learn_rate
    training["max_steps"] = settings.max_steps
    training["eval_frequency"] = settings.eval_frequency
    training["patience"] = settings.patience
    size = training["batcher"]["size"]
    size["start"] = size["stop"] = settings.batch_words


def write_resume_config(source: Path, path: Path, settings: ResumeSettings = ResumeSettings()) -> Path:
    """Write the continuation config to ``path`` (under the work dir) for ``spacy train``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    resume_config(source, settings).to_disk(path)
    return path
