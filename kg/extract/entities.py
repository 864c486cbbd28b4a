"""Entities of one article: named entities, gazetteer names, compounds ("US-Präsident"),
country adjectives ("russischen"), groups ("der Westen"), anonymous sources ("ein US-Beamter"),
metonymy ("die Regierung in Moskau") and roles, merged into one Entity per actor.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from kg.gazetteer import Entry, Gazetteer, load_gazetteer
from kg.lexicon import Lexicon, lexicon
from kg.model import Entity, Role
from kg.nlp import name_key
from kg.rdf import slug
from kg.extract.text import SentenceIndex, doc_text

NER_TYPES = {"PER": "Person", "ORG": "Organization", "LOC": "Place"}
INDEFINITE = {"ein", "eine", "einem", "einer", "eines", "einen"}
POSSESSIVE = {"ihre", "ihren", "ihrer", "ihrem", "seine", "seinen", "seiner", "seinem", "deren", "dessen"}
LOCATIVE = {"in", "im", "nach", "aus", "bei", "von", "vom", "nahe", "über", "durch", "bis", "zwischen"}
GOVERNMENT = {"Regierung", "Führung", "Staatsführung", "Machthaber", "Administration"}
DETERMINERS = {"der", "die", "das", "den", "dem", "des"}


@dataclass(slots=True, eq=False)
class Candidate:
    """One mention before merging: where it is and what it may be."""

    start: int
    end: int
    type: str
    entry: Entry | None = None
    label: str | None = None
    key: str | None = None  # fixed key: groups and anonymous sources
    anonymous: bool = False
    ner: bool = False


@dataclass(slots=True)
class RoleCandidate:
    person: Candidate
    name: str
    of: Candidate | Entry | None
    start: int
    end: int


@dataclass
class EntityIndex:
    """The entities of an article and which entity a piece of text mentions."""

    entities: list[Entity]
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, key), sorted
    article_id: str = ""

    def __post_init__(self) -> None:
        self._reindex()

    def _reindex(self) -> None:
        self.spans = sorted((m.start, m.end, e.key) for e in self.entities for m in e.mentions)
        self.by_key = {e.key: e for e in self.entities}
        self._starts = [s for s, _, _ in self.spans]

    def adopt(self, entity: Entity) -> str:
        """Hook for the claims extractor: a speaker named by a common noun that no recogniser took
        for an actor ("einer Bauerngewerkschaft", "Augenzeugen") becomes an entity, since a claim's
        author must be one. Mentions join an entity with the same key. Returns the key."""
        known = self.by_key.get(entity.key)
        if known is None:
            self.entities.append(entity)
        else:
            known.mentions = sorted(set(known.mentions) | set(entity.mentions), key=lambda m: (m.start, m.end))
        self._reindex()
        return entity.key

    def at(self, start: int, end: int) -> list[str]:
        """Keys of the entities mentioned inside [start, end), in text order, without repeats."""
        i = bisect_left(self._starts, start)
        keys = [k for s, e, k in self.spans[i:] if s < end and e <= end]
        return list(dict.fromkeys(keys))

    def actor(self, key: str) -> str:
        """The key an entity acts for: "Moskau" as speaker means Russia."""
        entity = self.by_key.get(key)
        return entity.stands_for if entity and entity.stands_for in self.by_key else key


class EntityExtractor:
    def __init__(self, gazetteer: Gazetteer | None = None, lex: Lexicon | None = None) -> None:
        self.gaz = gazetteer or load_gazetteer()
        self.lex = lex or lexicon()

    def __call__(self, doc: Doc, sents: SentenceIndex, article_id: str) -> EntityIndex:
        cands = self._named(doc)
        taken = {t for c in cands for t in range(c.start, c.end)}
        cands += [c for c in self._compounds(doc) if c.start not in taken]
        cands += [c for c in self._adjectives(doc) if c.start not in taken]
        cands += self._metonymy(doc, cands)
        cands += self._groups(doc, cands)
        cands += self._anonymous(doc, cands, article_id)
        roles = self._roles(doc, cands)
        entities = self._merge(cands, roles, sents, doc)
        return EntityIndex(entities, article_id=article_id)

    # --- candidates -------------------------------------------------------------------------

    def _named(self, doc: Doc) -> list[Candidate]:
        out = []
        surnames = {name_key(e[-1].text) for e in doc.ents if e.label_ == "PER"}
        for ent in doc.ents:
            if ent.label_ not in NER_TYPES:
                continue
            span = ent
            while len(span) > 1 and (self.lex.role(span[0].text) or span[0].lower_ in DETERMINERS):
                span = span[1:]  # "US-Präsident Joe Biden" tagged whole: the name is "Joe Biden"
            if ent.label_ == "PER" and len(span) > 1 and self._is_surname(span[0].text, surnames - {span[-1].text}):
                span = span[:1]  # "Putin Drohgebärden" (a headline without colon): a surname starts no name
            text = span.text
            if self._group_noun(span[-1]) and len(span) == 1:
                continue
            entry = self.gaz.entries.get(ent.ent_id_) if ent.ent_id_ else None
            entry = entry or self.gaz.name(text) or self.gaz.name(name_key(text))
            if entry is None and "-" in text and len(span) == 1:
                continue  # "NATO-Osterweiterung": a compound, handled by _compounds
            kind = entry.type if entry else NER_TYPES[ent.label_]
            if entry and entry.type == "Person" and ent.label_ != "PER":
                kind = entry.type
            out.append(Candidate(span.start_char, span.end_char, kind, entry, ner=True))
        return out

    def _is_surname(self, token: str, surnames: set[str]) -> bool:
        key = name_key(token)
        return key in surnames or (entry := self.gaz.person_by_surname(key)) is not None and entry.label.split()[-1] == key

    def _compounds(self, doc: Doc) -> list[Candidate]:
        """The known head of a hyphenated compound: "US" in "US-Präsident", "NATO" in "NATO-Gipfel"."""
        out = []
        for token in doc:
            first, sep, _ = token.text.partition("-")
            if sep and first and (entry := self.gaz.prefix(first)) and entry.type in ("Country", "Organization"):
                out.append(Candidate(token.idx, token.idx + len(first), entry.type, entry))
        return out

    def _adjectives(self, doc: Doc) -> list[Candidate]:
        return [
            Candidate(t.idx, t.idx + len(t), "Country", entry)
            for t in doc
            if (t.text[:1].islower() or t.is_sent_start) and (entry := self.gaz.adjective(t.text)) and entry.type == "Country"
        ]

    def _metonymy(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """"die Regierung in Moskau" is Russia: a government noun placed in a capital."""
        by_start = {c.start: c for c in cands}
        out = []
        for t in doc[:-2]:
            if t.text not in GOVERNMENT or doc[t.i + 1].lower_ != "in":
                continue
            place = by_start.get(doc[t.i + 2].idx)
            if place and place.entry and place.entry.capital_of in self.gaz.entries:
                begin = doc[t.i - 1] if t.i and doc[t.i - 1].lower_ in DETERMINERS else t
                out.append(Candidate(begin.idx, place.end, "Country", self.gaz.entries[place.entry.capital_of]))
        return out

    def _group_noun(self, token: Token):
        first, sep, head = token.text.rpartition("-")
        noun = self.lex.groups.get(head if sep else token.text)
        if noun is None or (noun.compound_only and not sep) or (sep and not noun.compound):
            return None
        return noun

    def _groups(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        out = []
        for t in doc:
            noun = self._group_noun(t)
            if noun is None:
                continue
            before = doc[t.i - 1].text if t.i else ""
            after = doc[t.i + 1].text if t.i + 1 < len(doc) else ""
            if (noun.after and before not in noun.after) or after in noun.not_before:
                continue
            first, sep, _ = t.text.rpartition("-")
            if sep:
                if not self.gaz.prefix(first.split("-")[0]):
                    continue
                label = f"{first}-{noun.label}"
            elif before.lower() in POSSESSIVE and (owner := self._owner(doc, t, cands)):
                label = f"{noun.label} {owner}"
            else:
                label = noun.label
            out.append(Candidate(t.idx, t.idx + len(t), "Group", label=label, key="group/" + slug(label)))
        return out

    def _owner(self, doc: Doc, token: Token, cands: list[Candidate]) -> str | None:
        """Who "ihre" in "die USA und ihre Verbündeten" refers to: the nearest named actor before."""
        sent_start = token.sent.start_char
        before = [c for c in cands if sent_start <= c.start < token.idx and c.type != "Place"]
        if not before:
            return None
        c = before[-1]
        name = doc_text(doc)[c.start : c.end]
        if c.entry and c.entry.article in ("die", "der"):
            return f"der {name}"
        return f"{name}s" if not name.endswith(("s", "x", "z")) else f"von {name}"

    def _anonymous(self, doc: Doc, cands: list[Candidate], article_id: str) -> list[Candidate]:
        """"ein US-Beamter", "ein Sprecher des Ministeriums": unnamed sources are entities too."""
        named = {c.start for c in cands if c.ner}
        out = []
        for t in doc:
            if t.lower_ not in INDEFINITE:
                continue
            j = t.i + 1
            while j < len(doc) and j - t.i <= 3 and _is_adjective(doc[j]):
                j += 1
            if j >= len(doc):
                continue
            head = doc[j]
            prefix, sep, rest = head.text.partition("-")
            found = self.lex.role(rest if sep else head.text)
            if not found or (j + 1 < len(doc) and doc[j + 1].idx in named):
                continue
            noun, name = found
            genitive = j + 1 < len(doc) and doc[j + 1].lower_ in ("des", "der")
            if not (noun.source or sep or j > t.i + 1 or genitive):
                continue  # "einen Chef": a title alone is no source
            label = " ".join([*(x.text for x in doc[t.i + 1 : j]), f"{prefix}-{name}" if sep else name])
            out.append(
                Candidate(t.idx, head.idx + len(head), "Person", label=label,
                          key=f"anon/{article_id}/{slug(label)}", anonymous=True)
            )
        return out

    # --- roles --------------------------------------------------------------------------------

    def _roles(self, doc: Doc, cands: list[Candidate]) -> list[RoleCandidate]:
        """Titles before a name ("Putins außenpolitischer Berater Juri Uschakow") and of anonymous sources."""
        by_end = {c.end: c for c in cands}
        out = []
        for person in cands:
            if person.type != "Person":
                continue
            if person.anonymous:
                span = doc.char_span(person.start, person.end, alignment_mode="expand")
                head = span[-1]
                out.append(self._title(doc, person, head.i, by_end))
                continue
            span = doc.char_span(person.start, person.end, alignment_mode="expand")
            if span is not None and span.start > 0:
                out.append(self._title(doc, person, span.start - 1, by_end))
        return [r for r in out if r]

    def _title(self, doc: Doc, person: Candidate, i: int, by_end: dict[int, Candidate]) -> RoleCandidate | None:
        token = doc[i]
        prefix, sep, rest = token.text.partition("-")
        found = self.lex.role(rest if sep else token.text)
        if not found or (found[0].anonymous_only and not person.anonymous):
            return None
        noun, name = found
        of: Candidate | Entry | None = by_end.get(token.idx + len(prefix)) if sep else None
        of = of or (self.gaz.entries.get(noun.of) if noun.of else None)
        adjectives = []
        j = i - 1
        while j >= 0 and _is_adjective(doc[j]):
            if entry := self.gaz.adjective(doc[j].text):
                of = of or entry
            else:
                adjectives.insert(0, _inflect(doc[j].text, noun.gender))
            j -= 1
        if j >= 0 and of is None:
            owner = by_end.get(doc[j].idx + len(doc[j]))
            of = owner if owner and owner is not person else None
        if of is None and i + 2 < len(doc) and doc[i + 1].lower_ in ("des", "der"):
            of = next((c for c in by_end.values() if c.start == doc[i + 2].idx), None)
        start = doc[j + 1].idx
        return RoleCandidate(person, " ".join([*adjectives, name]), of, start, token.idx + len(token))

    # --- merging ------------------------------------------------------------------------------

    def _merge(self, cands: list[Candidate], roles: list[RoleCandidate], sents: SentenceIndex, doc: Doc) -> list[Entity]:
        key_of: dict[int, str] = {}  # id(candidate) -> entity key
        entities: dict[str, Entity] = {}

        def add(c: Candidate, key: str, label: str, entry: Entry | None) -> None:
            e = entities.get(key)
            if e is None:
                kind = entry.type if entry else c.type
                e = entities[key] = Entity(key, kind, label, entry.wikidata if entry else None, anonymous=c.anonymous)
            e.mentions.append(sents.mention(c.start, c.end))
            key_of[id(c)] = key

        persons = [c for c in cands if c.type == "Person" and not c.entry and not c.key]
        named = [c for c in cands if c.type == "Person" and not c.key]
        for c, (label, entry) in self._person_clusters(persons, named, doc).items():
            add(c, entry_key(entry) if entry else f"person/{slug(label)}", entry.label if entry else label, entry)
        said = {doc_text(doc)[c.start : c.end] for c in cands}
        for c in cands:
            if id(c) in key_of:
                continue
            if c.entry:
                add(c, entry_key(c.entry), c.entry.label, c.entry)
            elif c.key:
                add(c, c.key, c.label or doc_text(doc)[c.start : c.end], None)
            elif c.type != "Person":
                label = _nominative(doc_text(doc)[c.start : c.end], said)
                key = f"{c.type.lower()}/{slug(_uninflect(label))}"
                add(c, key, label, None)
                if len(label) < len(entities[key].label):
                    entities[key].label = label  # "Deutsche Bank" over "Deutschen Bank"
        self._stand_ins(entities, doc)
        for r in roles:
            of = r.of
            # an implied affiliation ("Bundeskanzler": Germany) may name an entity the text does not mention
            of_key = entry_key(of) if isinstance(of, Entry) else key_of.get(id(of)) if of else None
            person = entities.get(key_of.get(id(r.person), ""))
            if person and not any(x.name == r.name and x.of == of_key for x in person.roles):
                person.roles.append(Role(r.name, of_key, sents.mention(r.start, r.end)))
        for e in entities.values():
            e.mentions = sorted(set(e.mentions), key=lambda m: (m.start, m.end))
        return sorted(entities.values(), key=lambda e: e.mentions[0].start if e.mentions else 0)

    def _person_clusters(
        self, persons: list[Candidate], named: list[Candidate], doc: Doc
    ) -> dict[Candidate, tuple[str, Entry | None]]:
        """"Joe Biden", "Biden", "Bidens" -> one person, labelled with the full name.

        A lone surname joins the closest full name with that surname before it (else the first
        after it), so "Willy Bogner" and his son "Bernhard Bogner" stay two people.
        """
        full = [c for c in named if " " in doc_text(doc)[c.start : c.end]]
        said = {doc_text(doc)[c.start : c.end] for c in named}
        out = {}
        for c in persons:
            text = doc_text(doc)[c.start : c.end]
            label = text
            if " " not in text:
                same = [f for f in full if doc_text(doc)[f.start : f.end].split()[-1] in (text, name_key(text))]
                before = [f for f in same if f.start < c.start]
                owner = before[-1] if before else (same[0] if same else None)
                label = doc_text(doc)[owner.start : owner.end] if owner else _nominative(text, said)
            entry = self.gaz.name(label) or (self.gaz.person_by_surname(name_key(label)) if " " not in label else None)
            out[c] = (label, entry if entry and entry.type == "Person" else None)
        return out

    def _stand_ins(self, entities: dict[str, Entity], doc: Doc) -> None:
        """Capitals and seats of power acting as their country ("Moskau dementiert …")."""
        for e in list(entities.values()):
            entry = self.gaz.entries.get(e.wikidata or "") or self.gaz.name(e.label)
            target = entry and (entry.capital_of or entry.stands_for)
            if not target or target not in self.gaz.entries:
                continue
            acting = any(_word_before(doc, m.start).lower() not in LOCATIVE for m in e.mentions)
            if entry.capital_of and not acting:
                continue
            country = self.gaz.entries[target]
            key = entry_key(country)
            entities.setdefault(key, Entity(key, country.type, country.label, country.wikidata))
            e.stands_for = key


def entry_key(entry: Entry) -> str:
    return entry.wikidata or f"{entry.type.lower()}/{slug(entry.label)}"


def _word_before(doc: Doc, char: int) -> str:
    text = doc_text(doc)[:char].rstrip()
    return text.rsplit(None, 1)[-1] if text else ""


def _nominative(name: str, said: set[str]) -> str:
    """"Kremls" -> "Kreml" where the article also says "Kreml"; "Hamas" and "Texas" stay as they are."""
    return name[:-1] if name.endswith("s") and name[:-1] in said else name


def _uninflect(name: str) -> str:
    """"Deutschen Bank" and "Deutsche Bank" share a key: adjective endings are dropped from names."""
    words = name.split()
    if len(words) < 2:
        return name
    return " ".join(re.sub(r"(?:en|em|er|es|e)$", "", w) if w[:1].isupper() and i < len(words) - 1 else w
                    for i, w in enumerate(words))


def _is_adjective(token: Token) -> bool:
    """An attributive adjective ("außenpolitische"): by the tagger where there is one, else by its ending."""
    if not token.text[:1].islower() or not token.is_alpha or token.lower_ in DETERMINERS | INDEFINITE:
        return False
    if token.pos_:
        return token.pos_ == "ADJ"
    return token.text.endswith(("e", "en", "er", "es", "em"))


def _inflect(adjective: str, gender: str) -> str:
    """"außenpolitische" before "Berater" -> "außenpolitischer": the role's name in the nominative."""
    stem = adjective
    for ending in ("en", "em", "er", "es", "e"):
        if stem.endswith(ending):
            stem = stem[: -len(ending)]
            break
    return stem + {"m": "er", "f": "e", "n": "es"}.get(gender, "er")
