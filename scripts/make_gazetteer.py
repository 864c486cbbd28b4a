"""Derive kg/data/gazetteer_wikidata.jsonl and kg/data/gazetteer_hipe.jsonl from ../shared/data.

Sources (named with their licences in kg/data/GAZETTEER.md): Natural Earth admin-0 countries with
German names and Wikidata QIDs (public domain), Wikidata's heads of state and government of 2022
(CC0), and the Wikidata links of German newspaper mentions in HIPE-2022's NewsEye and SoNAR parts
(CC BY 4.0; the CC BY-NC-SA hipe2020 part is not read); organization names of SmartData (CC BY 4.0);
and first names from GermEval 2014's train
split (CC BY 4.0). Hand-kept entries (adjectives, capitals,
organizations, German transliterations) live in kg/data/gazetteer.jsonl and take precedence when
the files are merged at load time.

Usage: python scripts/make_gazetteer.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "kg" / "data" / "gazetteer_wikidata.jsonl"
OUT_HIPE = ROOT / "kg" / "data" / "gazetteer_hipe.jsonl"
OUT_FIRST = ROOT / "kg" / "data" / "first_names.txt"
OUT_ORGS = ROOT / "kg" / "data" / "gazetteer_smartdata.jsonl"
SMARTDATA_FILES = "v1_20180119/train.json.gz", "v1_20180119/test.json.gz"  # the whole corpus, CC BY 4.0
FIRST_NAME = re.compile(r"[A-ZÄÖÜ][a-zäöüéèáíóúñç]+(?:-[A-ZÄÖÜ][a-zäöüéèáíóúñç]+)?")
HIPE_FILES = "HIPE-2022-v2.1-newseye-*-de.tsv", "HIPE-2022-v2.1-sonar-*-de.tsv"  # the CC BY 4.0 parts
HIPE_TYPES = {"LOC": "Place", "ORG": "Organization"}  # its people are of 1850-1950: not taken
ORG_NAME = re.compile(r"(?=\D)[A-ZÄÖÜ0-9][\w&.\-]*(?: [A-ZÄÖÜ0-9&][\w&.\-]*){0,3}")  # "Deutsche Bahn", "ZF", "T-Mobile"
CLEAN = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:[ -][A-ZÄÖÜ][a-zäöüß]+)*")  # no OCR debris, no old "ſ"


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


def hipe_mentions(folder: Path) -> list[tuple[str, str, str]]:
    """(coarse type, QID, surface) of every Wikidata-linked entity mention in the HIPE TSV files."""
    out = []
    for pattern in HIPE_FILES:
        for path in sorted(folder.glob(pattern)):
            current: list | None = None
            for line in path.open(encoding="utf-8"):
                cols = line.rstrip("\n").split("\t")
                if line.startswith(("#", "TOKEN")) or len(cols) < 10:
                    current = None
                    continue
                token, tag, qid, misc = cols[0], cols[1], cols[7], cols[9]
                if tag.startswith("B-"):
                    current = [tag[2:], qid, token, misc]
                    out.append(current)
                elif tag.startswith("I-") and current is not None:
                    current[2] += ("" if "NoSpaceAfter" in current[3] else " ") + token
                    current[3] = misc
                else:
                    current = None
    return [(kind, qid, text) for kind, qid, text, _ in out if re.fullmatch(r"Q\d+", qid)]


def hipe(folder: Path, known: set[str], known_ids: set[str]) -> list[dict]:
    """Places and organizations with the German names newspapers gave them.

    A name is kept when it is clean (no OCR debris), seen at least twice, not already known from the
    other sources (historical links such as "Deutschland" -> German Empire must not shadow the
    modern country), not a city adjective ("Wiener"), and linked to one QID in at least two thirds
    of its uses. Entities the other sources know are left to them. The rows are `link_only`: they
    link and type names the NER found, but tag no text themselves (old papers name "Mond" too)."""
    by_name: dict[str, Counter] = defaultdict(Counter)
    kinds: dict[str, Counter] = defaultdict(Counter)
    for kind, qid, text in hipe_mentions(folder):
        if kind in HIPE_TYPES and CLEAN.fullmatch(text) and text not in known and len(text) > 2:
            by_name[text][qid] += 1
            kinds[qid][HIPE_TYPES[kind]] += 1
    names: dict[str, Counter] = defaultdict(Counter)
    for text, qids in by_name.items():
        qid, n = qids.most_common(1)[0]
        if n >= 2 and 3 * n >= 2 * sum(qids.values()) and qid not in known_ids:
            names[qid][text] += n
    rows = []
    for qid, counts in sorted(names.items(), key=lambda x: int(x[0][1:])):
        kept = [t for t in counts if not (t.endswith("er") and any(t.startswith(o) for o in counts if o != t))]
        if kept:
            label = max(kept, key=lambda t: (counts[t], -len(t)))
            rows.append({"id": qid, "type": kinds[qid].most_common(1)[0][0], "label": label, "names": kept, "link_only": True})
    return rows


def smartdata_docs(path: Path):
    """The documents of a SmartData file: pretty-printed JSON objects one after another."""
    text = gzip.open(path, "rt", encoding="utf-8").read()
    decoder, i = json.JSONDecoder(), 0
    while (i := len(text) - len(text[i:].lstrip())) < len(text):
        doc, i = decoder.raw_decode(text, i)
        yield doc


def smartdata_organizations(folder: Path, known: set[str]) -> list[dict]:
    """Organization names of German economic news (SmartData, CC BY 4.0): companies, unions, clubs.

    A name is kept when annotated as an organization at least twice, three times as often as a
    person or place, and in at least 60 % of its occurrences in the corpus text (so "Siemens",
    "Deutsche Bahn", "VW", but not "Unternehmen" or "Polizei", which are mostly words). No QIDs:
    the rows type names the NER found (a company tagged as a person) and tag no text themselves."""
    kinds: dict[str, Counter] = defaultdict(Counter)
    texts = []
    for name in SMARTDATA_FILES:
        for doc in smartdata_docs(folder / name):
            text = doc["text"]["string"] if isinstance(doc["text"], dict) else doc["text"]
            texts.append(text)
            for m in doc["conceptMentions"]["array"]:
                kind = m["type"].split("-")[0]
                if kind in ("organization", "person", "location"):
                    kinds[text[m["span"]["start"] : m["span"]["end"]]][kind] += 1
    corpus = "\n".join(texts)
    kept = []
    for name, c in sorted(kinds.items()):
        orgs = c["organization"]
        if orgs < 2 or orgs < 3 * (c["person"] + c["location"]) or name in known or not ORG_NAME.fullmatch(name):
            continue
        if orgs >= 0.6 * len(re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", corpus)):
            kept.append(name)
    rows: dict[str, dict] = {}
    for name in kept:  # "Deutschen Bank" is a name of "Deutsche Bank", not an organization of its own
        words = name.split()
        base = " ".join([*(w[:-1] if w.endswith("en") else w for w in words[:-1]), words[-1]])
        label = base if base != name and base in kept else name
        row = rows.setdefault(label, {"id": f"smartdata:{label}", "type": "Organization", "label": label, "names": [], "link_only": True})
        row["names"].append(name)
    return list(rows.values())


def first_names(path: Path) -> list[str]:
    """First names: words opening a person name of two or more words at least twice in GermEval 2014's
    train split (CC BY 4.0; BIOES file: "Angela B-PER", "Merkel E-PER")."""
    counts: Counter = Counter()
    for line in path.open(encoding="utf-8"):
        parts = line.split()
        if len(parts) == 2 and parts[1] == "B-PER" and FIRST_NAME.fullmatch(parts[0]):
            counts[parts[0]] += 1
    return sorted(n for n, k in counts.items() if k >= 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    folder = args.data / "gazetteer-wikidata-de"
    rows = countries(folder / "ne_110m_admin_0_countries.csv") + leaders(folder / "world_leaders_2022_wikidata.csv")
    write(rows, OUT)
    hand = [json.loads(line) for line in (ROOT / "kg" / "data" / "gazetteer.jsonl").open(encoding="utf-8") if line.strip()]
    known = {n for row in rows + hand for n in [row["label"], *row.get("names", [])]}
    write(hipe(args.data / "hipe2022-de", known, {row["id"] for row in rows + hand}), OUT_HIPE)
    write(smartdata_organizations(args.data / "smartdata", known), OUT_ORGS)
    names = first_names(args.data / "germeval2014-train" / "NER-de-train.bioes.txt")
    OUT_FIRST.write_text("".join(n + "\n" for n in names), encoding="utf-8")
    print(f"wrote {len(names)} first names to {OUT_FIRST.relative_to(ROOT)}")


def write(rows: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} entries to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
