"""Lexicons kept as data files in kg/data (one JSON object a line), loaded once."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


def read_jsonl(name: str) -> list[dict]:
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@cache
def word_lists(name: str) -> dict[str, frozenset[str]]:
    """The named word lists of a JSON data file ({"coordinators": ["und", …], …}), loaded once;
    entries that are no list of words ("_comment", lists of objects) are left to their reader."""
    raw = json.loads((DATA_DIR / name).read_text(encoding="utf-8"))
    return {key: frozenset(words) for key, words in raw.items()
            if isinstance(words, list) and all(isinstance(w, str) for w in words)}


@dataclass(frozen=True, slots=True)
class RoleNoun:
    name: str  # nominative singular: "Präsident", "Beamter"
    forms: tuple[str, ...]
    gender: str = "m"
    suffix: bool = False  # also heads a compound: "Außenminister", "Regierungssprecher"
    of: str | None = None  # implied affiliation: Bundeskanzler -> Q183
    anonymous_only: bool = False  # "ein Vertreter": a source, not a title before a name
    source: bool = False  # "ein Beamter" alone is an anonymous source; "ein Chef" is not


@dataclass(frozen=True, slots=True)
class GroupNoun:
    label: str
    forms: tuple[str, ...]
    compound: bool = False  # "NATO-Mitglieder"
    compound_only: bool = False  # "Mitglieder" alone is no actor
    after: tuple[str, ...] = ()  # needs one of these words before it ("der Westen")
    not_before: tuple[str, ...] = ()  # "Westen der Ukraine" is a region, not the West
    singular_too: bool = False  # "Beobachter" is also one observer: not after "ein", "dem", "des"


@dataclass(frozen=True, slots=True)
class InstitutionNoun:
    """A noun that names an institution without a proper name: "die Regierung", "das Gericht"."""

    label: str  # nominative singular
    gender: str = "f"
    national: bool = False  # a country's own: unowned "die Regierung" is the article's main country's
    suffix: bool = False  # also heads a compound: "Militärregierung", "Bauerngewerkschaft"

    @property
    def forms(self) -> tuple[str, ...]:
        """Singular forms: masculine and neuter nouns add a genitive s ("des Gerichts")."""
        return (self.label, self.label + "s", self.label + "es") if self.gender in "mn" else (self.label,)


@dataclass(frozen=True, slots=True)
class TeamNoun:
    """A collective that acts for one person, named by the person ("die Verteidigung" of a
    defendant, his "Verteidiger", "Anwälte"): one group per person in an article."""

    label: str
    forms: tuple[str, ...]
    members: tuple[str, ...]  # plural nouns for the team's members, mentions of the team


@dataclass(frozen=True)
class Lexicon:
    roles: dict[str, RoleNoun] = field(default_factory=dict)  # form -> noun
    groups: dict[str, GroupNoun] = field(default_factory=dict)
    institutions: dict[str, InstitutionNoun] = field(default_factory=dict)  # form -> noun
    cues: dict[str, tuple[str, bool]] = field(default_factory=dict)  # class noun -> (entity type, heads compounds)
    plural_cues: frozenset[str] = frozenset()  # the plural forms among the cues: "Provinzen", "Inseln"
    person_nouns: tuple[str, ...] = ()  # speaker_nouns.jsonl of kind person: "*sekretär", "*kandidat"
    teams: tuple[TeamNoun, ...] = ()

    def person_noun(self, token: str) -> bool:
        """Does the token name a person by function ("Sekretär", "Präsidentschaftskandidat",
        "Chefjuristin")? Roles and the person nouns of speaker_nouns.jsonl, a feminine "-in"
        falling back on its base, so an apposition can tell that the name beside it is a person."""
        if not token[:1].isupper():
            return False
        if self.role(token) is not None:
            return True
        for form in (token, token[:-2]) if token.endswith("in") else (token,):
            low = form.lower()
            if any(low.endswith(n[1:]) if n.startswith("*") else low == n for n in self.person_nouns):
                return True
        return False

    def cue(self, token: str) -> str | None:
        """The entity type a class noun gives the name after it ("die Tageszeitung Haaretz",
        "der Drogerie-Kette Schlecker", "der Großgemeinde Lukeqin"), or None."""
        noun = self._cue_noun(token)
        return self.cues[noun][0] if noun else None

    def plural_cue(self, token: str) -> bool:
        """Is the token a class noun in the plural ("Südprovinzen")? It types a list of names:
        "die Provinzen Narathiwat, Yala und Pattani" are three places."""
        return self._cue_noun(token) in self.plural_cues

    def _cue_noun(self, token: str) -> str | None:
        """The class noun of type_cues.jsonl the token is or, where the noun heads compounds, ends in."""
        if token in self.cues:
            return token
        for size in range(len(token) - 3, 2, -1):
            head = token[-size:].capitalize()
            if self.cues.get(head, ("", False))[1] and token[:1].isupper():
                return head
        return None

    def institution(self, token: str) -> tuple[InstitutionNoun, str] | None:
        """The institution noun a token is or ends in, and its nominative ("Verfassungsgerichts" ->
        Verfassungsgericht); an exact form wins over a compound head."""
        if noun := self.institutions.get(token):
            return noun, noun.label
        for size in range(len(token) - 3, 3, -1):
            noun = self.institutions.get(token[-size:].capitalize())
            if noun and noun.suffix and token[:1].isupper():
                stem = token[: len(token) - size]
                return noun, stem + (noun.label.lower() if not stem.endswith("-") else noun.label)
        return None

    def role(self, token: str, compounds: bool = True) -> tuple[RoleNoun, str] | None:
        """The role noun a token is or ends in, and the token's role name ("Außenministers" -> Außenminister)."""
        if noun := self.roles.get(token):
            return noun, noun.name
        if not compounds:
            return None
        for size in range(min(len(token) - 3, 16), 2, -1):
            head = token[-size:].capitalize()
            noun = self.roles.get(head)
            if noun and noun.suffix:
                stem = token[: len(token) - size]
                return noun, stem + noun.name.lower() if stem and not stem.endswith("-") else noun.name
        return None


@cache
def lexicon() -> Lexicon:
    roles = {}
    for row in read_jsonl("roles.jsonl"):
        noun = RoleNoun(**{**row, "forms": tuple(row["forms"])})
        roles.update({form: noun for form in noun.forms})
    groups = {}
    for row in read_jsonl("groups.jsonl"):
        noun = GroupNoun(**{**row, **{k: tuple(row.get(k, ())) for k in ("forms", "after", "not_before")}})
        groups.update({form: noun for form in noun.forms})
    institutions = {}
    for row in read_jsonl("institutions.jsonl"):
        noun = InstitutionNoun(**row)
        institutions.update({form: noun for form in noun.forms})
    cue_rows = read_jsonl("type_cues.jsonl")
    cues = {row["noun"]: (row["type"], row.get("suffix", False)) for row in cue_rows}
    plurals = {row["plural"]: (row["type"], row.get("suffix", False)) for row in cue_rows if "plural" in row}
    person_nouns = tuple(row["noun"].lower() for row in read_jsonl("speaker_nouns.jsonl") if row["kind"] == "person")
    teams = tuple(TeamNoun(row["label"], tuple(row["forms"]), tuple(row["members"])) for row in read_jsonl("teams.jsonl"))
    return Lexicon(roles, groups, institutions, cues | plurals, frozenset(plurals), person_nouns, teams)
