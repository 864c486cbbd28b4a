"""The continuation config of `scripts/train_ner.py --resume-from` (built, not trained)."""

from __future__ import annotations

from pathlib import Path

from thinc.api import Config

from kg.train.resume import ResumeSettings, resume_config, write_resume_config


def test_config_sources_the_ner_and_its_vectors(tmp_path: Path):
    source = tmp_path / "pipeline"
    config = resume_config(source)
    assert config["nlp"]["pipeline"] == ["ner"]
    # Sourced, not built from an architecture: spaCy resumes its weights (with the NER's own
    # tok2vec inside) instead of initializing new ones.
    assert config["components"] == {"ner": {"source": str(source.resolve()), "component": "ner"}}
    assert config["paths"]["vectors"] == str(source.resolve())
    assert config["initialize"]["vectors"] == "${paths.vectors}"


def test_config_sets_the_resumed_schedule(tmp_path: Path):
    settings = ResumeSettings(learn_rate=0.0002, max_steps=900, eval_frequency=100, patience=300)
    training = resume_config(tmp_path, settings)["training"]
    assert training["optimizer"]["learn_rate"] == 0.0002
    assert training["max_steps"] == 900
    assert training["eval_frequency"] == 100
    assert training["patience"] == 300
    assert training["batcher"]["size"]["start"] == training["batcher"]["size"]["stop"] == 1000


def test_defaults_are_smaller_than_the_first_run(tmp_path: Path):
    first = Config().from_disk(Path(__file__).resolve().parents[1] / "kg" / "train" / "ner.cfg",
                               interpolate=False)
    resumed = resume_config(tmp_path)
    assert resumed["training"]["optimizer"]["learn_rate"] < first["training"]["optimizer"]["learn_rate"]


def test_written_config_reads_back(tmp_path: Path):
    path = write_resume_config(tmp_path / "pipeline", tmp_path / "work" / "ner-resume.cfg")
    config = Config().from_disk(path, interpolate=False)
    assert config["components"]["ner"]["source"] == str((tmp_path / "pipeline").resolve())
    assert config["training"]["optimizer"]["learn_rate"] == ResumeSettings().learn_rate
