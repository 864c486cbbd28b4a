"""Extraction is unchanged: the seed and the dev articles of ../shared/gold/dev build exactly the
quads recorded in tests/data/snapshot.tsv (per article: graph, number of quads, SHA-256 of its
sorted N-Quads; see scripts/snapshot.py).

A refactoring must keep this test green. When extraction changes on purpose, regenerate the file
deliberately with `python scripts/snapshot.py --update` and commit it with the change (to see what
changed, write the full quads before and after with `python scripts/snapshot.py --small OUT.nq`
and diff them). Skipped where ../shared is absent.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def load_script():
    spec = importlib.util.spec_from_file_location("snapshot", ROOT / "scripts" / "snapshot.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_seed_and_dev_articles_build_the_recorded_quads(extractor):
    snapshot = load_script()
    if not snapshot.DEV.is_dir():
        pytest.skip(f"no dev articles at {snapshot.DEV}")
    recorded = snapshot.COMMITTED.read_text(encoding="utf-8").splitlines()
    built = snapshot.digests(snapshot.snapshot(small=True)).splitlines()
    changed = sorted(set(recorded) ^ set(built))
    assert not changed, (
        "extraction changed for these articles (graph, quads, digest; recorded and built); if on purpose, "
        "run `python scripts/snapshot.py --update`:\n" + "\n".join(changed)
    )
