"""Shared fixtures: the real shipped pipeline, loaded once, and a store built from the seed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.nlp import MODEL_DIR

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "data" / "000_8fcc23ba8dee0ef6.gold.json"
SHARED_DATA = ROOT.parent / "shared" / "data"


def needs_model() -> None:
    if not (MODEL_DIR / "meta.json").exists():
        pytest.skip("the shipped pipeline kg/nlp/model is not built")


@pytest.fixture(scope="session")
def extractor():
    needs_model()
    from kg.pipeline import load_extractor

    return load_extractor()


@pytest.fixture(scope="session")
def nlp(extractor):
    return extractor.nlp


@pytest.fixture(scope="session")
def seed_store_dir(extractor, tmp_path_factory) -> Path:
    """A store with the seed article, built through the CLI once per session."""
    from click.testing import CliRunner

    from kg.cli import main

    path = tmp_path_factory.mktemp("seed") / "store"
    result = CliRunner().invoke(main, ["build", str(SEEDS), "--store", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def seed_store(seed_store_dir, tmp_path) -> Path:
    """A private copy of the seed store, for tests that write."""
    copy = tmp_path / "store"
    shutil.copytree(seed_store_dir, copy)
    return copy
