"""The gazetteer: known countries, places, organizations and people with their German names and QIDs.

Four data files are merged by id: `gazetteer_smartdata.jsonl`, `gazetteer_hipe.jsonl` and
`gazetteer_wikidata.jsonl` (derived by scripts/make_gazetteer.py from SmartData, HIPE-2022, Natural
Earth and Wikidata; sources and licences in data/GAZETTEER.md) and the hand-kept `gazetteer.jsonl`, whose fields win. Add a name, an adjective or
a whole entry by editing `gazetteer.jsonl`. `first_names.txt` (from GermEval 2014) tells a first
name from a surname: "Martin" alone links no "Micheál Martin".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
FILES = ("gazetteer_smartdata.jsonl", "gazetteer_hipe.jsonl", "gazetteer_wikidata.jsonl", "gazetteer.jsonl")  # later files override earlier ones
NER_LABEL = {"Person": "PER", "Organization": "ORG", "Country": "LOC", "Place": "LOC", "Group": "ORG"}
_ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")


@dataclass(slots=True)
class Entry:
    """One known entity. `id` is a Wikidata QID where there is one."""

    id: str
    type: str
    label: str
    names: list[str] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)  # stems: "russisch"
    prefixes: list[str] = field(default_factory=list)  # compound heads: "US" in "US-Präsident"
    article: str | None = None  # "die" for "die Ukraine", used to build genitives
    capital_of: str | None = None
    stands_for: str | None = None  # "Kreml" speaks for Russia
    link_only: bool = False  # links and types names the NER found, tags no text itself
    unqualified: list[str] = field(default_factory=list)  # names that are this entry only bare: "Sicherheitsrat",
    # not "Nationaler Sicherheitsrat"

    @property
    def wikidata(self) -> str | None:
        return self.id if re.fullmatch(r"Q\d+", self.id) else None


class Gazetteer:
    """Lookups by surface name, compound prefix and adjective, all case-aware."""

    def __init__(self, entries: list[Entry], first_names: frozenset[str] = frozenset()) -> None:
        self.entries = {e.id: e for e in entries}
        self._by_name = {n: e for e in entries for n in [e.label, *e.names]}
        self._by_lower = {n.lower(): e for e in entries for n in [e.label, *e.names] if len(n) > 3}
        self._by_prefix = {p: e for e in entries for p in e.prefixes}
        self._by_adjective = {a + end: e for e in entries for a in e.adjectives for end in _ADJ_ENDINGS}
        surnames: dict[str, list[Entry]] = {}
        for e in entries:
            if e.type == "Person":
                for n in {e.label.split()[-1], *(n.split()[-1] for n in e.names)}:
                    surnames.setdefault(n, []).append(e)
        self.first_names = first_names | {n.split()[0] for e in entries if e.type == "Person" for n in [e.label, *e.names] if " " in n}
        self._by_surname = {  # "Martin" is also a first name: it links no one alone
            n: es[0] for n, es in surnames.items() if len({x.id for x in es}) == 1 and n not in self.first_names
        }

    def name(self, text: str) -> Entry | None:
        """The entry for a full name as written ("Weißen Hauses"), or None."""
        return self._by_name.get(text) or self._by_lower.get(text.lower())

    def is_first_name(self, word: str) -> bool:
        """"Martin", and "Frank-Jürgen" from its parts."""
        return word in self.first_names or "-" in word and all(p in self.first_names for p in word.split("-"))

    def prefix(self, text: str) -> Entry | None:
        """The entry a compound's first part stands for ("US" in "US-Präsident")."""
        return self._by_prefix.get(text) or self._by_name.get(text)

    def person_by_surname(self, text: str) -> Entry | None:
        """A known person by a surname no other known person has ("Biden")."""
        return self._by_surname.get(text)

    def adjective(self, text: str) -> Entry | None:
        """The country an inflected adjective refers to ("russischen" -> Russland)."""
        return self._by_adjective.get(text.lower())

    def ruler_patterns(self) -> list[dict]:
        """Phrase patterns for spaCy's entity_ruler (matched by its PhraseMatcher): one per name."""
        return [
            {"label": NER_LABEL[e.type], "pattern": n, "id": e.id}
            for e in self.entries.values()
            if not e.link_only
            for n in dict.fromkeys([e.label, *e.names])
        ]


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@cache
def load_gazetteer(data_dir: Path = DATA_DIR) -> Gazetteer:
    merged: dict[str, dict] = {}
    for name in FILES:
        for row in _read(data_dir / name):
            old = merged.get(row["id"], {})
            names = list(dict.fromkeys([*old.get("names", []), *row.get("names", [])]))
            merged[row["id"]] = {**old, **row, "names": names}
    first_names = (data_dir / "first_names.txt").read_text(encoding="utf-8").split()
    return Gazetteer([Entry(**row) for row in merged.values()], frozenset(first_names))
