"""Merging: one Entity per actor (keys, labels, mentions, roles), and capitals acting for their country."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from kg.gazetteer import Entry
from kg.keys import slug
from kg.model import Entity, Role
from kg.nlp import name_key
from kg.extract.entities.grammar import ARTICLES, head_gender, nominative, said_uninflected, strong_adjective
from kg.extract.entities.lexicon import LEGAL_FORMS, NAME_LINKS
from kg.extract.entities.model import Candidate, RoleCandidate
from kg.extract.entities.vocabulary import Job
from kg.extract.german import LOCATIVE_PREPS
from kg.extract.text import SentenceIndex, doc_text


class Merger(Job):
    """Candidates, roles and apposed function nouns into the article's entities, in text order."""

    def merge(self, cands: list[Candidate], roles: list[RoleCandidate], sents: SentenceIndex, doc: Doc,
              apposed: list[tuple[Candidate, int, int]] = ()) -> list[Entity]:
        """The entities of the candidates: a known entry's key, a fixed key (groups, sources),
        or type and label; persons by cluster. Roles and apposed function nouns join their person."""
        merged = _Entities(sents)
        _short_names(cands, doc)
        self._add_persons(merged, cands, doc)
        _add_others(merged, cands, doc)
        self._stand_ins(merged.by_key, doc)
        _add_roles(merged, roles)
        for c, start, end in apposed:
            if (person := merged.of(c)) is not None:
                person.mentions.append(sents.mention(start, end))
        return merged.in_order()

    def _add_persons(self, merged: _Entities, cands: list[Candidate], doc: Doc) -> None:
        """Persons without a fixed key or known entry, one entity per cluster of their names."""
        persons = [c for c in cands if c.type == "Person" and not c.entry and not c.key]
        named = [c for c in cands if c.type == "Person" and not c.key]
        for c, (label, entry) in self._person_clusters(persons, named, doc).items():
            key = entry_key(entry) if entry else f"person/{slug(label)}"
            merged.add(c, key, entry.label if entry else label, entry)

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
                same = [f for f in full if _same_surname(doc_text(doc)[f.start : f.end], text)]
                before = [f for f in same if f.start < c.start]
                owner = before[-1] if before else (same[0] if same else None)
                label = doc_text(doc)[owner.start : owner.end] if owner else nominative(text, said)
            if " " in label and label.endswith("s") and (
                label[:-1] in said or label.split()[-1][:-1] in said or self.gaz.name(label[:-1])
                or label == text and not label.endswith("ss") and _before_noun(doc, c.end)
                or label == text and said_uninflected(doc.char_span(c.start, c.end, alignment_mode="expand")[-1])
            ):
                label = label[:-1]  # "Theresa Mays" where she is also "May" or "Theresa May"
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
            acting = any(  # "Moskau dementiert", not "in Moskau" nor "des Moskauer Gerichts"
                _word_before(doc, m.start).lower() not in LOCATIVE_PREPS and self.gaz.name(name_key(m.text)) is entry
                for m in e.mentions
            )
            if entry.capital_of and not acting:
                continue
            country = self.gaz.entries[target]
            key = entry_key(country)
            entities.setdefault(key, Entity(key, country.type, country.label, country.wikidata))
            e.stands_for = key


def entry_key(entry: Entry) -> str:
    """A gazetteer entry's entity key: its QID, else type and label."""
    return entry.wikidata or f"{entry.type.lower()}/{slug(entry.label)}"


def _before_noun(doc: Doc, char: int) -> bool:
    """Does a common noun follow right after `char` ("Stanley Kubricks Film": the name is a genitive)?"""
    nxt = next((t for t in doc if t.idx > char), None)
    return bool(nxt is not None and nxt.idx == char + 1 and nxt.tag_ == "NN" and nxt.text[:1].isupper())


def _same_surname(full: str, single: str) -> bool:
    """Does a lone name ("May", "Mays", "Bidens") end the full name ("Theresa Mays", "Joe Biden")?"""
    last = full.split()[-1]
    forms = {single, single[:-1] if single.endswith("s") else single}
    return last in forms or last.endswith("s") and last[:-1] in forms


def _word_before(doc: Doc, char: int) -> str:
    """The word before a character offset, as written: "in" of "in Moskau"."""
    text = doc_text(doc)[:char].rstrip()
    return text.rsplit(None, 1)[-1] if text else ""


def _uninflect(name: str) -> str:
    """"Deutschen Bank" and "Deutsche Bank" share a key: adjective endings are dropped from names."""
    words = name.split()
    if len(words) < 2:
        return name
    return " ".join(re.sub(r"(?:en|em|er|es|e)$", "", w) if w[:1].isupper() and i < len(words) - 1 else w
                    for i, w in enumerate(words))


class _Entities:
    """The article's entities as they are merged, and which entity each candidate became."""

    def __init__(self, sents: SentenceIndex) -> None:
        self.sents = sents
        self.by_key: dict[str, Entity] = {}
        self.key_of: dict[int, str] = {}  # id(candidate) -> entity key

    def add(self, c: Candidate, key: str, label: str, entry: Entry | None) -> None:
        """A mention of entity `key`; its first mention makes it, typed and labelled by the entry or candidate."""
        e = self.by_key.get(key)
        if e is None:
            kind = entry.type if entry else c.type
            e = self.by_key[key] = Entity(key, kind, label, entry.wikidata if entry else None, anonymous=c.anonymous)
        e.mentions.append(self.sents.mention(c.start, c.end))
        self.key_of[id(c)] = key

    def of(self, c: Candidate) -> Entity | None:
        """The entity a candidate became, if any."""
        return self.by_key.get(self.key_of.get(id(c), ""))

    def in_order(self) -> list[Entity]:
        """The entities in the order of their first mention, each mention once."""
        for e in self.by_key.values():
            e.mentions = sorted(set(e.mentions), key=lambda m: (m.start, m.end))
        return sorted(self.by_key.values(), key=lambda e: e.mentions[0].start if e.mentions else 0)


def _add_others(merged: _Entities, cands: list[Candidate], doc: Doc) -> None:
    """The candidates no person cluster took: by entry, by fixed key, or by type and uninflected label."""
    said = {doc_text(doc)[c.start : c.end] for c in cands}
    for c in cands:
        if id(c) in merged.key_of:
            continue
        if c.entry:
            merged.add(c, entry_key(c.entry), c.entry.label, c.entry)
        elif c.key:
            merged.add(c, c.key, c.label or doc_text(doc)[c.start : c.end], None)
        elif c.type != "Person":
            label = _ordinary_case(c.label or _weak_made_strong(
                doc, c, _genitive_dropped(doc, c, nominative(doc_text(doc)[c.start : c.end], said))))
            key = f"{c.type.lower()}/{slug(_uninflect(_core(label)))}"
            merged.add(c, key, label, None)
            if _better_label(label, merged.by_key[key].label):
                merged.by_key[key].label = label  # "Deutsche Bank" over "Deutschen Bank"


def _genitive_dropped(doc: Doc, c: Candidate, label: str) -> str:
    """"des Magdeburger Stadtrates", "des Nobelkomitees", "des Deutschen Handballbundes" ->
    "Magdeburger Stadtrat", "Nobelkomitee", "Deutscher Handballbund": a name after a genitive article,
    headed by a common noun with only city adjectives ("-er") or weak adjectives ("Deutschen") before it,
    is labelled in the nominative ("-es" dropped, "-s" after a vowel or a consonant cluster; a weak
    adjective strong, "-er" before a masculine head, "-es" before a neuter one, by the head's ending)."""
    words = label.split()
    head = next((t for t in doc if t.idx + len(t) == c.end), None)
    if len(words) > 2 and words[1] in NAME_LINKS and words[0].endswith("s"):
        return _head_genitive_dropped(words)
    if _word_before(doc, c.start) not in ("des", "eines") or head is None or not words[-1].endswith("s"):
        return label
    last = words[-1]
    stem = last[:-2] if last.endswith("es") and not last.endswith("ees") else last[:-1]
    gender = head_gender(stem)
    if head.pos_ != "NOUN" and gender is None:
        return label  # "des Iran": a name, not a common noun in the genitive
    adjectives = []
    for w in words[:-1]:
        if w.endswith("er") and w[:1].isupper():
            adjectives.append(w)  # "Magdeburger": a city adjective does not inflect
        elif w.endswith("en") and w[:1].isupper() and gender is not None:
            adjectives.append(strong_adjective(w, gender))  # "Deutschen" -> "Deutscher"
        else:
            return label
    return " ".join([*adjectives, stem])


def _head_genitive_dropped(words: list[str]) -> str:
    """"Bundesamts für Umwelt", "Instituts für Wirtschaftsforschung" -> "Bundesamt für Umwelt", "Institut
    für …": a head before "für" or "of" ending in a genitive "-s" or "-es" after a masculine or neuter
    noun (by its known ending) is labelled in the nominative."""
    head = words[0]
    stem = next((s for s in (head[:-1], head[:-2]) if head_gender(s)), None)
    return " ".join([stem, *words[1:]]) if stem else " ".join(words)


def _weak_made_strong(doc: Doc, c: Candidate, label: str) -> str:
    """"beim Norddeutschen Rundfunk", "den Pazifischen Ozean", "der Deutsche Fußball-Bund", "das Rote
    Kreuz" -> "Norddeutscher Rundfunk", "Pazifischer Ozean", "Deutscher Fußball-Bund", "Rotes Kreuz":
    after an article an adjective is weak ("-en", "-e"); the name's label, said without one, is strong:
    "-er" before a masculine head, "-es" before a neuter one (known by the head's ending)."""
    words, tail = _before_complement(label.split())
    gender = head_gender(words[-1]) if len(words) > 1 else None
    article = _word_before(doc, c.start).lower()
    if gender is None or not all(w[:1].isupper() and w.endswith(("e", "en")) for w in words[:-1]):
        return label
    weak_en = article in ("den", "dem", "beim", "vom", "zum", "im", "am") and all(w.endswith("en") for w in words[:-1])
    weak_e = (article, gender) in (("der", "m"), ("das", "n")) and all(w.endswith("e") for w in words[:-1])
    if not (weak_en or weak_e):
        return label
    return " ".join([*(strong_adjective(w, gender) for w in words[:-1]), words[-1], *tail])


def _before_complement(words: list[str]) -> tuple[list[str], list[str]]:
    """"Deutschen Institut für Wirtschaftsforschung", "Gerichtsmedizinischen Institut der Universität
    Lausanne" -> (["Deutschen", "Institut"], ["für", …]): the head of a name is the last word before its
    first lower-case word (a preposition or a genitive article opens a complement that keeps its own
    case), or the last word of known gender before names ("Forschungsinstitut Niedersachsen"), so the
    adjectives before the head agree with it, not with the complement's last word."""
    cut = next((i for i, w in enumerate(words) if i > 1 and w[:1].islower()), len(words))
    if cut and head_gender(words[cut - 1]) is None:  # "Forschungsinstitut Niedersachsen": a place after the head
        cut = next((i + 1 for i in range(cut - 2, 0, -1) if head_gender(words[i])), cut)
    return words[:cut], words[cut:]


def _core(name: str) -> str:
    """The name without its legal form and capitals: "Daimler AG", "WIENER LINIEN GmbH & Co KG" ->
    "Daimler", "Wiener Linien" (one company, one key)."""
    words = name.split()
    while len(words) > 1 and (words[-1].rstrip(".") in LEGAL_FORMS or words[-1] == "&"):
        words.pop()
    core = " ".join(words)
    return core.title() if core.isupper() and len(words) > 1 else core


def _better_label(new: str, old: str) -> bool:
    """Of two names of one entity the one written in ordinary case ("Wiener Linien GmbH" over
    "WIENER LINIEN"), then the shorter ("Deutsche Bank" over "Deutschen Bank")."""
    return (_shouted(new), len(new)) < (_shouted(old), len(old))


def _ordinary_case(name: str) -> str:
    """"DIE WELT" -> "Die Welt": a name of several words all in capitals (a masthead, a letterhead)
    is labelled in ordinary case, its acronyms of up to three letters kept ("FC BAYERN" -> "FC Bayern")."""
    if not _shouted(name):
        return name
    return " ".join(w.capitalize() if (len(w) > 3 and w.isalpha() or w.lower() in ARTICLES)
                    and w.rstrip(".") not in LEGAL_FORMS else w for w in name.split())


def _shouted(name: str) -> bool:
    """A name of several words in capitals ("WIENER LINIEN GmbH"), as a company writes itself."""
    words = [w for w in name.split() if w.rstrip(".") not in LEGAL_FORMS and w != "&"]
    return len(words) > 1 and all(w.isupper() for w in words)


def _short_names(cands: list[Candidate], doc: Doc) -> None:
    """A lone word tagged as a person that is the first word of an organization's or place's name
    of the article ("Shelby" after "Shelby SuperCars", "Think" after "Think Global") is that name
    cut short, unless a person of the article has it as a surname; so is a lone unlinked word tagged
    as an organization that opens an organization's name ("Borussia" of "Borussia Dortmund")."""
    text = doc_text(doc)
    names = [c for c in cands if c.type in ("Organization", "Place") and c.ner and not c.key]
    people = [text[c.start : c.end].split() for c in cands if c.type == "Person"]
    for c in cands:
        word = text[c.start : c.end]
        if c.type not in ("Person", "Organization") or c.entry or c.key or c.anonymous or " " in word:
            continue
        if c.type == "Person" and any(len(p) > 1 and _same_surname(" ".join(p), word) for p in people):
            continue
        full = next((n for n in names if text[n.start : n.end].split()[0] == word
                     and (c.type == "Person" or n.type == "Organization")), None)
        if full is not None:
            c.type, c.entry, c.label = full.type, full.entry, full.label or text[full.start : full.end]


def _add_roles(merged: _Entities, roles: list[RoleCandidate]) -> None:
    """Each title to its person's roles, once per name and affiliation."""
    for r in roles:
        of = r.of
        # an implied affiliation ("Bundeskanzler": Germany) may name an entity the text does not mention
        of_key = entry_key(of) if isinstance(of, Entry) else merged.key_of.get(id(of)) if of else None
        person = merged.of(r.person)
        if person and not any(x.name == r.name and x.of == of_key for x in person.roles):
            person.roles.append(Role(r.name, of_key, merged.sents.mention(r.start, r.end)))
