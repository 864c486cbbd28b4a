"""Answer-keyed articles for the benchmarks: find `<id>.gold.json` keys and build their texts.

bench/dev.py (all figures) and bench/entities.py (entities and linking) score the same articles;
both read them here so that a key without its text, or a failed build, is reported the same way.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import Store

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD_DIR = ROOT / ".." / "shared" / "gold" / "dev"
sys.path.insert(0, str(ROOT))

from kg.pipeline import build, load_extractor  # noqa: E402


@dataclass
class Keyed:
    """The keys of a folder and one store holding their articles, built by the real pipeline."""

    keys: list[Path]
    store: Store

    @staticmethod
    def article(key: Path) -> str:
        """The article id a key scores: `29336.gold.json` → `29336`."""
        return key.name.removesuffix(".gold.json")


def build_keyed(gold_dir: Path, model: str | None = None) -> Keyed:
    """Build every text that has a key beside it; exits with a message when the folder has no keys."""
    keys = sorted(gold_dir.glob("*.gold.json"))
    if not keys:
        sys.exit(f"{Path(sys.argv[0]).name}: no *.gold.json in {gold_dir}")
    texts = [key.with_name(f"{Keyed.article(key)}.txt") for key in keys]
    store = Store()
    report = build([t for t in texts if t.exists()], store, load_extractor(model))
    for error in report.failed:
        print(f"error: {error}", file=sys.stderr)
    return Keyed(keys, store)
