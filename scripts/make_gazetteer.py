"""Derive kg/data/gazetteer_wikidata.jsonl from ../shared/data/gazetteer-wikidata-de.

Sources (both named in docs/model.md): Natural Earth admin-0 countries with German names and
Wikidata QIDs (public domain), and Wikidata's heads of state and government of 2022 (CC0).
Hand-kept entries (adjectives, capitals, organizations, German transliterations) live in
kg/data/gazetteer.jsonl and take precedence when the two are merged at load time.

Usage: python scripts/make_gazetteer.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "kg" / "data" / "gazetteer_wikidata.jsonl"


def genitive(name: str) -> str | None:
    """German genitive of a country name used without article ("Russland" -> "Russlands")."""
    return None if name[-1] in "sxzß" or " " in name else name + "s"


def countries(path: Path) -> list[dict]:
    rows = []
    for row in csv.DictReader(path.open(encoding="utf-8")):
        name = row["NAME_DE"].strip()
        names = [n for n in (name, genitive(name)) if n]
        rows.append({"id": row["WIKIDATAID"], "type": "Country", "label": name, "names": names})
    return rows


def leaders(path: Path) -> list[dict]:
    seen: dict[str, dict] = {}
    for row in csv.DictReader(path.open(encoding="utf-8")):
        label = row["officeholderLabel"].strip()
        if not label or label.startswith("Q"):
            continue
        seen.setdefault(row["officeholder"], {"id": row["officeholder"], "type": "Person", "label": label, "names": [label]})
    return list(seen.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    folder = args.data / "gazetteer-wikidata-de"
    rows = countries(folder / "ne_110m_admin_0_countries.csv") + leaders(folder / "world_leaders_2022_wikidata.csv")
    with OUT.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} entries to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
