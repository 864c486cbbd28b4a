"""Entities of one article: named entities, gazetteer names, compounds ("US-Präsident"),
country adjectives ("russischen"), groups ("der Westen"), anonymous sources ("ein US-Beamter"),
metonymy ("die Regierung in Moskau") and roles, merged into one Entity per actor.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.gazetteer import Entry, Gazetteer, load_gazetteer
from kg.keys import slug
from kg.lexicon import InstitutionNoun, Lexicon, lexicon, word_lists
from kg.model import Entity, Role
from kg.nlp import name_key
from kg.extract import german
from kg.extract.german import adjective_stem, inflect_adjective
from kg.extract.text import SentenceIndex, doc_text

NER_TYPES = {"PER": "Person", "ORG": "Organization", "LOC": "Place"}
INDEFINITE = german.INDEFINITE_ARTICLES
POSSESSIVE = german.POSSESSIVES
LOCATIVE = german.LOCATIVE_PREPS
DETERMINERS = german.DETERMINERS
_WORDS = word_lists("entities.json")
GOVERNMENT = _WORDS["government_nouns"]  # "die Regierung in Moskau": the country
BYLINE = re.compile(rf"^[ \t]*(?:{'|'.join(sorted(_WORDS['byline_words']))})[ \t]*:.*$", re.MULTILINE)  # "Foto: dpa"
ACRONYM = re.compile(r" ?\(([A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,7})\)")  # "Bundesgerichtshof (BGH)"
FEMININE = tuple(sorted(_WORDS["feminine_endings"]))  # a feminine head noun: "Süddeutsche Zeitung"
LEGAL_FORMS = _WORDS["legal_forms"]  # "Sony Corp": a company
NAME_LINKS = _WORDS["name_links"]  # inside names: "Bewegung für Demokratie"
OPENING_QUOTES = _WORDS["opening_quotes"]
SINGULAR = _WORDS["singular_determiners"]  # "ein Beobachter", "dem Politiker": one person
GENITIVE_LINK = _WORDS["genitive_links"]  # "Gericht von Simbabwe"
QUANTIFIERS = _WORDS["quantifier_stems"]  # "weitere", "zahlreiche": a quantity, not a description


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
        cands += self._cued(doc, cands)
        cands += self._apposed_names(doc, cands)
        taken = {t for c in cands for t in range(c.start, c.end)}
        cands += [c for c in self._compounds(doc) if c.start not in taken]
        cands += [c for c in self._adjectives(doc) if c.start not in taken]
        cands += self._city_adjectives(doc, cands)
        cands += self._metonymy(doc, cands)
        cands += self._institutions(doc, cands, article_id)
        teams = self._teams(doc, cands, article_id)
        in_team = {t for c in teams for t in range(c.start, c.end)}
        cands += teams + [c for c in self._groups(doc, cands, article_id) if c.start not in in_team]
        self._named_opposition(doc, cands)
        cands += self._anonymous(doc, cands, article_id)
        cands = self._outside_bylines(doc, cands)
        cands = self._acronyms(doc, cands)
        roles = self._roles(doc, cands)
        entities = self._merge(cands, roles, sents, doc, self._apposition_mentions(doc, cands))
        return EntityIndex(entities, article_id=article_id)

    # --- candidates -------------------------------------------------------------------------

    def _named(self, doc: Doc) -> list[Candidate]:
        out = []
        surnames = {name_key(e[-1].text) for e in doc.ents if e.label_ == "PER"}
        common = {doc[i + 1].text for i, t in enumerate(doc[:-1]) if t.lower_ in DETERMINERS}
        for ent in self._first_names_joined(doc):
            if ent.label_ not in NER_TYPES:
                continue
            span, label = self._name_span(ent), NER_TYPES[ent.label_]
            if ent.label_ == "PER" and len(span) > 1 and self._is_surname(span[0].text, surnames - {span[-1].text}):
                span = span[:1]  # "Putin Drohgebärden" (a headline without colon): a surname starts no name
            if ent.label_ == "PER" and span[0].lower_ == "von" and len(span) == 2 and self._is_title(doc, span.start - 1):
                span, label = span[1:], "Place"  # "der Bürgermeister von Ladenburg": a place, not a "von" name
            if ent.label_ == "PER" and len(span) == 1 and self._first_name_before(doc, span.start):
                span = doc[span.start - 1 : span.end]  # "Mayra Veliz" opening a sentence, the first name untagged
            text = span.text
            if len(span) == 1 and (self._group_noun(span[0]) or self.lex.institution(text) or self.lex.role(text)):
                continue  # "Polizei", "Demonstranten", "Sprecherin": nouns, not names
            if text[:1].islower() and not self.gaz.name(text):
                continue  # "griechischen": an adjective (see _adjectives), not a name
            entry = self.gaz.entries.get(ent.ent_id_) if ent.ent_id_ else None
            entry = entry or self.gaz.name(text) or self.gaz.name(name_key(text)) or self._city_of(text, label)
            if entry and text in entry.unqualified and span.start and _is_adjective(doc[span.start - 1], names=True):
                span, entry = doc[span.start - 1 : span.end], None  # "Nationaler Sicherheitsrat" is not the UN's
                text = span.text
            if entry is None and len(span) == 1 and ("-" in text or label == "Person" and span[0].tag_ == "NN" and text in common):
                continue  # "NATO-Osterweiterung" (a compound, see _compounds); "der Alarmzustand" is no person
            if entry is None and span[-1].text.rstrip(".") in LEGAL_FORMS:
                label = "Organization"  # "Sony Corp", "Walt Disney Co.": a company whatever the NER said
            elif entry is None and "-" in span[-1].text and (kind := self.lex.cue(span[-1].text.rpartition("-")[2])):
                label = kind  # "Robert Koch-Institut": the head noun tells (but "Tolksdorf" is a name)
            out.append(Candidate(span.start_char, span.end_char, entry.type if entry else label, entry, ner=True))
        return out

    def _city_of(self, text: str, label: str) -> Entry | None:
        """The city a place-tagged city adjective names ("Münchener" -> München)."""
        entry = self.gaz.name(text[:-2]) if label == "Place" and text.endswith("er") else None
        return entry if entry and entry.type == "Place" else None

    def _first_names_joined(self, doc: Doc) -> list:
        """The NER's names, with a lone first name joined to the name right after it ("Johannes" +
        "Dyba" is one person) or to an untagged proper noun after it."""
        ents = list(doc.ents)
        out = []
        i = 0
        while i < len(ents):
            ent = ents[i]
            nxt = ents[i + 1] if i + 1 < len(ents) else None
            if len(ent) == 1 and self.gaz.is_first_name(ent.text) and not ent.ent_id_:
                if nxt is not None and nxt.start == ent.end and not nxt.ent_id_:
                    out.append(Span(doc, ent.start, nxt.end, label="PER"))
                    i += 2
                    continue
                after = doc[ent.end] if ent.end < len(doc) else None
                if after is not None and after.is_alpha and after.text[:1].isupper() and after.pos_ == "PROPN":
                    out.append(Span(doc, ent.start, ent.end + 1, label="PER"))
                    i += 1
                    continue
            out.extend(self._person_inside(doc, ent))
            i += 1
        return out

    def _person_inside(self, doc: Doc, ent: Span) -> list[Span]:
        """An organization or place span that is, or ends in, a person: "Morgan Tsvangirai" tagged ORG,
        "Bundesagentur für Arbeit Frank-Jürgen" + "Weise"."""
        if ent.label_ == "PER" or ent.ent_id_ or self.gaz.name(ent.text):
            return [ent]
        words = [t for t in ent if not t.is_space]
        if 2 <= len(words) <= 3 and self.gaz.is_first_name(words[0].text) and all(t.is_title for t in words):
            return [Span(doc, ent.start, ent.end, label="PER")]
        if self._name_like(words) and self._apposed(doc, ent.start, ent.end):
            return [Span(doc, ent.start, ent.end, label="PER")]  # "Präsidentschaftskandidat der MDC, Morgan Tsvangirai"
        after = doc[ent.end] if ent.end < len(doc) else None
        if len(ent) > 1 and self.gaz.is_first_name(ent[-1].text) and after is not None and after.is_title and after.is_alpha:
            return [Span(doc, ent.start, ent.end - 1, label=ent.label_), Span(doc, ent.end - 1, ent.end + 1, label="PER")]
        if len(ent) > 2 and self.gaz.is_first_name(ent[-2].text) and ent[-1].is_title and not self.gaz.name(ent[-2:].text):
            return [Span(doc, ent.start, ent.end - 2, label=ent.label_), Span(doc, ent.end - 2, ent.end, label="PER")]
        return [ent]

    def _name_like(self, words: list[Token]) -> bool:
        """Two or three capitalised words, none a known common noun: the shape of a person's name."""
        return 2 <= len(words) <= 3 and all(
            t.is_alpha and t.is_title and t.lower_ not in DETERMINERS | INDEFINITE and not self.lex.person_noun(t.text)
            and not self.lex.institution(t.text) and not self._group_noun(t) and not self.lex.cue(t.text)
            for t in words
        )

    def _apposed(self, doc: Doc, start: int, end: int) -> bool:
        """Is doc[start:end] in apposition with a noun naming a person's function? Whatever the
        recogniser typed the name, it names a person."""
        return self._apposition_noun(doc, start, end) is not None

    def _apposition_noun(self, doc: Doc, start: int, end: int) -> Token | None:
        """The noun naming a person's function in apposition to doc[start:end]: after it ("Dolkun
        Isa, der Sekretär des …") or closed by it ("der Präsidentschaftskandidat der MDC, Morgan
        Tsvangirai"), across a comma and no verb."""
        if end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in ("der", "die"):
            j = end + 2
            while j < len(doc) - 1 and doc[j].is_lower and doc[j].pos_ == "ADJ":
                j += 1  # "der ehemalige Sekretär"
            if self.lex.person_noun(doc[j].text):
                return doc[j]
        if start >= 2 and doc[start - 1].text == ",":
            for k in range(start - 2, max(start - 8, -1), -1):
                t = doc[k]
                if t.is_punct or t.is_space or t.pos_ in ("VERB", "AUX"):
                    return None
                if self.lex.person_noun(t.text) and t.pos_ in ("NOUN", "PROPN"):
                    return t
        return None

    def _apposition_mentions(self, doc: Doc, cands: list[Candidate]) -> list[tuple[Candidate, int, int]]:
        """A named person's function noun in apposition is a mention of the person ("Dolkun Isa,
        der Sekretär des Weltkongresses" — the Sekretär is Isa), so the noun phrase headed by it
        names the person, not the congress in its genitive."""
        by_end = {c.end: c for c in cands}
        out = []
        for c in cands:
            if c.type != "Person" or c.anonymous or c.key:
                continue
            span = doc.char_span(c.start, c.end, alignment_mode="expand")
            if span is None:
                continue
            noun = self._apposition_noun(doc, span.start, span.end) or self._title_before_owner(doc, span.start, by_end)
            if noun is not None and not any(o.start <= noun.idx < o.end for o in cands):
                out.append((c, noun.idx, noun.idx + len(noun)))
        return out

    def _title_before_owner(self, doc: Doc, start: int, by_end: dict[int, Candidate]) -> Token | None:
        """"der Vorstandsvorsitzende der Bundesagentur für Arbeit Frank-Jürgen Weise": a function noun
        with its organisation in the genitive right before the name is the person's title."""
        owner = by_end.get(doc[start - 1].idx + len(doc[start - 1])) if start else None
        if owner is None or owner.type not in ("Organization", "Country"):
            return None
        first = doc.char_span(owner.start, owner.end, alignment_mode="expand")
        i = first.start - 1 if first is not None else -1
        if i > 0 and (self.lex.cue(doc[i].text) or self.lex.institution(doc[i].text)):
            i -= 1  # "der Vorsitzende der Gewerkschaft verdi Frank Bsirske"
        if i < 1 or doc[i].lower_ not in ("der", "des"):
            return None
        return doc[i - 1] if self.lex.person_noun(doc[i - 1].text) and doc[i - 1].pos_ in ("NOUN", "PROPN") else None

    def _apposed_names(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """Persons the recogniser missed or cut, found by an apposition naming their function:
        "Dolkun Isa, der Sekretär des Weltkongresses der Uiguren, sagte"; "Die Chefjuristin des
        Konzerns, Merle Vantoog erklärte" where only "Vantoog" was tagged."""
        by_start = {c.start: c for c in cands}
        spans = [(c.start, c.end) for c in cands]
        out = []
        for i in range(1, len(doc) - 2):
            if not (doc[i - 1].is_punct or doc[i - 1].is_space or doc[i].is_sent_start):
                continue  # the name opens its sentence, clause or line
            words = [doc[i], doc[i + 1]]
            if not self._name_like(words) or words[1].tag_ not in ("NE", "NNP") and words[1].pos_ != "PROPN":
                continue
            start, end = doc[i].idx, doc[i + 1].idx + len(doc[i + 1])
            if not self._apposed(doc, i, i + 2):
                continue
            surname = by_start.get(doc[i + 1].idx)
            if surname is not None and surname.type == "Person" and surname.end == end and not surname.entry:
                surname.start = start  # the untagged first name joins the surname
            elif not any(s < end and start < e for s, e in spans):
                entry = self.gaz.name(doc[i : i + 2].text)
                out.append(Candidate(start, end, entry.type if entry else "Person", entry, ner=True))
        return out

    def _name_span(self, ent):
        """The name in an entity span: without a leading title or article ("US-Präsident Joe Biden",
        "die Ukraine"), but "Den Haag" keeps its capital "Den" inside a sentence."""
        span = ent
        while len(span) > 1 and not self.gaz.name(span.text) and (
            self.lex.role(span[0].text) or span[0].lower_ in DETERMINERS and (span[0].is_lower or span[0].is_sent_start)
            or span[0].is_lower and _is_adjective(span[0])  # "libanesischen Präsident Michel Suleiman"
        ):
            span = span[1:]
        while len(span) > 1 and not self.gaz.name(span.text) and self._owned_noun(span):
            span = span[:-1]  # "Theresa Mays Regierung": the name is the owner
        return span

    def _owned_noun(self, span: Span) -> bool:
        """Does the span end in a common noun after a genitive name ("Mays Regierung", "Putins Berater")?"""
        last = span[-1]
        known = self.lex.institution(last.text) or self.lex.role(last.text) or self._group_noun(last)
        return bool(known) or len(span) > 2 and span[-2].text.endswith("s") and last.tag_ == "NN"

    def _is_title(self, doc: Doc, i: int) -> bool:
        return i >= 0 and (self.lex.role(doc[i].text) is not None or self.lex.institution(doc[i].text) is not None)

    def _first_name_before(self, doc: Doc, i: int) -> bool:
        """Is the token before i an untagged first name opening its sentence ("Mayra" in "Mayra Veliz")?"""
        t = doc[i - 1] if i else None
        return bool(
            t and t.is_sent_start and t.is_alpha and t.text[:1].isupper() and t.pos_ in ("NOUN", "PROPN")
            and t.lower_ not in DETERMINERS | INDEFINITE and not self._is_title(doc, t.i) and not self.lex.cue(t.text)
            and not self._group_noun(t) and not self.gaz.name(t.text) and not self.gaz.adjective(t.text)
        )

    @staticmethod
    def _name_goes_on(doc: Doc, j: int, k: int) -> bool:
        """Does token k continue the name begun at j: "Channel 10", "Movement for Democratic Change"?"""
        t = doc[k]
        if t.like_num or t.text[:1].isupper() and (t.pos_ == "PROPN" or any(x.lower_ in NAME_LINKS for x in doc[j:k])):
            return True
        return t.lower_ in NAME_LINKS and doc[k + 1 : k + 2].text[:1].isupper()

    def _cued(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """A name after a class noun takes its type: "die Tageszeitung Haaretz" is an organization,
        "der Großgemeinde Lukeqin" a place; a name the NER missed there is added."""
        by_start = {c.start: c for c in cands}
        spans = [(c.start, c.end) for c in cands]
        out = []
        for t in doc[:-2]:
            kind = self.lex.cue(t.text)
            if kind is None or any(s <= t.idx < e for s, e in spans):
                continue  # "der Deutschen Bank Josef Ackermann": "Bank" ends a name, it classes no other
            j = t.i + 2 if doc[t.i + 1].text in OPENING_QUOTES else t.i + 1
            if j >= len(doc):
                continue
            if (c := by_start.get(doc[j].idx)) is not None:
                c.type = c.entry.type if c.entry else kind
                continue
            first = doc[j]
            if first.is_lower and (entry := self.gaz.name(first.text)) and entry.type == kind:
                out.append(Candidate(first.idx, first.idx + len(first), kind, entry, ner=True))
                continue  # "der Gewerkschaft verdi": a name the gazetteer knows, written in lower case
            if not (first.is_alpha and first.text[:1].isupper()) or first.lower_ in DETERMINERS | INDEFINITE:
                continue
            k = j + 1
            while k < len(doc) and k - j < 5 and self._name_goes_on(doc, j, k):
                k += 1
            start, end = first.idx, doc[k - 1].idx + len(doc[k - 1])
            if not any(s < end and start < e for s, e in spans):
                entry = self.gaz.name(doc_text(doc)[start:end])
                out.append(Candidate(start, end, entry.type if entry else kind, entry, ner=True))
        return out

    def _is_surname(self, token: str, surnames: set[str]) -> bool:
        key = name_key(token)
        return key in surnames or (entry := self.gaz.person_by_surname(key)) is not None and entry.label.split()[-1] == key

    def _compounds(self, doc: Doc) -> list[Candidate]:
        """The known head of a hyphenated compound: "US" in "US-Präsident", "NATO" in "NATO-Gipfel";
        a compound with a place noun is also a place of its own ("Guatemala-Stadt", "Gaza-Stadt")."""
        out = []
        for token in doc:
            first, sep, _ = token.text.partition("-")
            if sep and first and (entry := self.gaz.prefix(first)) and entry.type in ("Country", "Organization"):
                out.append(Candidate(token.idx, token.idx + len(first), entry.type, entry))
                if self.lex.cue(token.text) == "Place":
                    out.append(Candidate(token.idx, token.idx + len(token), "Place", self.gaz.name(token.text), ner=True))
        return out

    def _adjectives(self, doc: Doc) -> list[Candidate]:
        return [
            Candidate(t.idx, t.idx + len(t), entry.type, entry)
            for t in doc
            if (t.text[:1].islower() or t.is_sent_start) and (entry := self.gaz.adjective(t.text))
        ]

    def _city_adjectives(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """"Berliner" in "des Berliner Kammergerichts" mentions Berlin: a known place or one the article
        names, with -er, outside any other name."""
        places = {doc_text(doc)[c.start : c.end]: c for c in cands if c.type == "Place" and c.ner}
        spans = [(c.start, c.end) for c in cands]
        out = []
        for t in doc:
            if not (t.is_title and t.text.endswith("er") and len(t) > 5) or any(s <= t.idx < e for s, e in spans):
                continue
            stem = t.text[:-2]
            entry = self.gaz.name(stem)
            if entry is not None and entry.type == "Place" or entry is None and stem in places:
                out.append(Candidate(t.idx, t.idx + len(t), "Place", entry, label=None if entry else stem))
        return out

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

    def _institutions(self, doc: Doc, cands: list[Candidate], article_id: str) -> list[Candidate]:
        """Institutions named by a noun: "die spanische Regierung", "der Wahlkommission", "das Gericht".

        A country adjective before the noun or a country in the genitive after it ("Regierung
        Simbabwes") owns it. An unowned national institution ("die Regierung") is the article's main
        country's; any unowned one is the one owned variant the article names, if there is just one.
        One entity per noun and owner in an article, labelled in the nominative."""
        by_start = {c.start: c for c in cands}
        spans = [(c.start, c.end) for c in cands]
        found: list[tuple[int, int, InstitutionNoun, str, Entry | LocalOwner | None, str | None]] = []
        indefinite: set[int] = set()
        for t in doc:
            hit = self.lex.institution(t.text)
            if hit is None or any(s < t.idx + len(t) <= e for s, e in spans):
                continue  # inside a name; but "US" of "US-Regierung" leaves the institution to us
            follower = by_start.get(doc[t.i + 1].idx) if t.i + 1 < len(doc) else None
            if follower and follower.type != "Country":
                continue  # "die Gewerkschaft Verdi", "Partei D66": the name follows, the noun is its class
            noun, name = hit
            if (prefix := self.gaz.prefix(name[: -len(noun.label)].rstrip("-"))) and prefix.type == "Country":
                found.append((t.idx, t.idx + len(t), noun, name, prefix, None))  # "US-Regierung", "Bundesregierung"
                continue
            stem = self._country_adjective(doc[t.i - 1]) if t.i else None
            owner = self.gaz.adjective(doc[t.i - 1].text) if stem else None
            if noun.national and not stem:
                owner = self._genitive_owner(doc, t, by_start)  # "Gericht von Simbabwe" may be any court there
            place = None if stem or owner else self._local_owner(doc, t, by_start)
            start = doc[t.i - 1].idx if stem else t.idx
            found.append((start, t.idx + len(t), noun, _closed_compound(name, self.gaz), owner or place, stem))
            if _article(doc, t.i) in INDEFINITE and not (owner or place):
                indefinite.add(t.idx)  # "einer Bauerngewerkschaft": an unnamed source
        main = self._main_country(cands)
        owned: dict[str, set[str]] = {}
        for _, _, noun, name, owner, _ in found:
            if owner:
                owned.setdefault(name, set()).add(owner.id)
        places = {o.id: o for *_, o, _ in found if isinstance(o, LocalOwner)}
        labels: dict[tuple[str, str | None], str] = {}
        resolved = []
        for start, end, noun, name, owner, stem in found:
            key = (name, owner.id if owner else None)
            if owner is None:
                choices = owned.get(name, set())
                default = main.id if noun.national and main else None
                owner_id = default or (next(iter(choices)) if len(choices) == 1 else None)
                owner = self.gaz.entries.get(owner_id) or places.get(owner_id) if owner_id else None
                key = (name, owner.id if owner else None)
                if owner is None and name == noun.label and (variant := self._owned_variant(name, owned)):
                    key = variant  # "die Staatsanwaltschaft" of "der Bezirks-Staatsanwaltschaft von Manhattan"
            if stem:
                labels[key] = f"{inflect_adjective(stem, noun.gender).capitalize()} {name}"  # "Spanisches Militär"
            elif isinstance(owner, LocalOwner):
                labels[key] = f"{name} {owner.label}"  # "Staatsanwaltschaft Manhattan", as authorities name themselves
            elif key not in labels:
                labels[key] = f"{name} {_genitive(owner)}" if owner and name == noun.label else name
            resolved.append((start, end, key))
        said = {doc_text(doc)[c.start : c.end] for c in cands}
        out = []
        for start, end, key in resolved:
            named = self._named_variant(doc, key, cands) if key[1] is None and key[0] in self.lex.institutions else None
            if named is not None:  # "Die Staatsanwaltschaft" after "Die Bezirksstaatsanwaltschaft von Manhattan"
                label = _nominative(doc_text(doc)[named.start : named.end], said)
                out.append(Candidate(start, end, "Organization", named.entry, label=label))
            else:
                out.append(Candidate(start, end, "Organization", label=labels[key], key=f"organization/{article_id}/{slug(labels[key])}",
                                     anonymous=start in indefinite))
        return out

    @staticmethod
    def _named_variant(doc: Doc, key: tuple[str, str | None], cands: list[Candidate]) -> Candidate | None:
        """The one organisation the recogniser named whose first word is a compound of a bare
        institution noun ("Bezirksstaatsanwaltschaft von Manhattan" for "die Staatsanwaltschaft")."""
        noun = key[0].lower()
        names = {}
        for c in cands:
            first = doc_text(doc)[c.start : c.end].split()[0].lower() if c.end > c.start else ""
            if c.type == "Organization" and c.ner and first != noun and first.endswith(noun):
                names.setdefault(doc_text(doc)[c.start : c.end], c)
        return next(iter(names.values())) if len(names) == 1 else None

    @staticmethod
    def _local_owner(doc: Doc, token: Token, by_start: dict[int, Candidate]) -> LocalOwner | None:
        """The place after an institution noun: "der Staatsanwaltschaft von Manhattan", "die Polizei
        in Köln" is that place's own (a country is an owner of its own, see _genitive_owner)."""
        if token.i + 2 >= len(doc) or doc[token.i + 1].lower_ not in ("von", "in"):
            return None
        c = by_start.get(doc[token.i + 2].idx)
        if c is None or c.type != "Place" or c.entry is not None and c.entry.type != "Place":
            return None
        label = c.entry.label if c.entry else doc_text(doc)[c.start : c.end]
        return LocalOwner(c.entry.id if c.entry else f"place:{label}", label)

    @staticmethod
    def _owned_variant(name: str, owned: dict[str, set[str]]) -> tuple[str, str] | None:
        """The one owned compound of a bare institution noun the article names: "die
        Staatsanwaltschaft" where it also names "die Bezirksstaatsanwaltschaft von Manhattan"."""
        variants = [(v, o) for v, owners in owned.items() if v != name and v.lower().endswith(name.lower()) for o in owners]
        return variants[0] if len(variants) == 1 else None

    def _genitive_owner(self, doc: Doc, token: Token, by_start: dict[int, Candidate]) -> Entry | None:
        """The country after an institution noun: "Regierung Simbabwes", "Gericht von Simbabwe"."""
        for j in (token.i + 1, token.i + 2):
            if j >= len(doc) or (j == token.i + 2 and doc[token.i + 1].lower_ not in GENITIVE_LINK):
                continue
            c = by_start.get(doc[j].idx)
            if c and c.type == "Country" and c.entry:
                return c.entry
        return None

    def _main_country(self, cands: list[Candidate]) -> Entry | None:
        """The country an article is about: named at least twice, and twice as often as any other."""
        counts = Counter(c.entry.id for c in cands if c.entry and c.entry.type == "Country")
        (top, n), (_, second) = (counts.most_common(2) + [("", 0), ("", 0)])[:2]
        return self.gaz.entries[top] if n >= 2 and n >= 2 * second else None

    def _group_noun(self, token: Token):
        if noun := self.lex.groups.get(token.text):  # "Han-Chinesen" is a form of its own
            return None if noun.compound_only else noun
        first, sep, head = token.text.rpartition("-")
        noun = self.lex.groups.get(head) if sep else None
        return noun if noun and noun.compound else None

    def _groups(self, doc: Doc, cands: list[Candidate], article_id: str) -> list[Candidate]:
        """Collectives: "die Demonstranten", "israelische Reservisten", "NATO-Mitglieder", "ihre Verbündeten".

        Their keys are the article's own: the "Demonstranten" of two articles are two groups."""
        persons = {c.start for c in cands if c.type == "Person"}
        out = []
        for t in doc:
            noun = self._group_noun(t)
            if noun is None:
                continue
            before = doc[t.i - 1].text if t.i else ""
            after = doc[t.i + 1].text if t.i + 1 < len(doc) else ""
            if (noun.after and before not in noun.after) or after in noun.not_before:
                continue
            if noun.singular_too and _article(doc, t.i) in SINGULAR or t.i + 1 < len(doc) and doc[t.i + 1].idx in persons:
                continue  # "ein Beobachter", "dem französischen Politiker", "Richter Klaus Meier": one person
            first, sep, _ = t.text.rpartition("-")
            start = t.idx
            if sep and t.text not in self.lex.groups:
                if not self.gaz.prefix(first.split("-")[0]):
                    continue
                label = f"{first}-{noun.label}"
            elif before.lower() in POSSESSIVE and (owner := self._owner(doc, t, cands)):
                label = f"{noun.label} {owner}"
            elif t.i and (country := self._country_adjective(doc[t.i - 1])):
                label, start = f"{country.lower()}e {noun.label}", doc[t.i - 1].idx
            else:
                label = noun.label
            adjectives = _attributes(doc, (doc.char_span(start, t.idx + len(t), alignment_mode="expand") or [t])[0].i)
            full = " ".join([*(_plural(a.text) for a in adjectives), label])
            start = adjectives[0].idx if adjectives else start
            out.append(Candidate(start, t.idx + len(t), "Group", label=full, key=f"group/{article_id}/{slug(label)}"))
        first: dict[str, str] = {}
        for c in out:  # "Buddhistische Mönche", later "die Mönche": one group, named as first described
            if c.key not in first or " " in (c.label or "") and " " not in first[c.key]:
                first[c.key] = c.label or ""
        for c in out:
            c.label = first[c.key]
        return out

    def _teams(self, doc: Doc, cands: list[Candidate], article_id: str) -> list[Candidate]:
        """"Die Verteidiger Strauss-Kahns", later "die Verteidigung", "Die Anwälte des Angeklagten":
        one group acting for the one person the article names as its owner, labelled "Verteidigung
        von Strauss-Kahn". Without exactly one owner nothing is found (the groups may take them)."""
        persons = self._person_names(doc, cands)
        out = []
        for team in self.lex.teams:
            tokens = [t for t in doc if t.text in team.forms or t.text in team.members]
            owners = {o for t in tokens if (o := self._team_owner(doc, t, persons))}
            if len(owners) != 1:
                continue
            label = f"{team.label} von {owners.pop()}"
            for t in tokens:
                if t.text in team.members and _article(doc, t.i) not in DETERMINERS and not self._team_owner(doc, t, persons):
                    continue  # "zwei Anwälte", "Anwälte der Opfer": not the team
                out.append(Candidate(t.idx, t.idx + len(t), "Group", label=label, key=f"group/{article_id}/{slug(label)}"))
        return out

    def _person_names(self, doc: Doc, cands: list[Candidate]) -> dict[str, str]:
        """The article's persons by full name and surname, including hyphenated surnames the
        recogniser tagged but _named left aside ("Strauss-Kahn")."""
        names = {}
        for c in cands:
            if c.type == "Person" and not c.anonymous:
                text = doc_text(doc)[c.start : c.end]
                names[text] = names[text.split()[-1]] = text
        for e in doc.ents:
            if e.label_ == "PER" and e.text[:1].isupper():
                names.setdefault(e.text, e.text)
        return names

    @staticmethod
    def _team_owner(doc: Doc, token: Token, persons: dict[str, str]) -> str | None:
        """The person in the genitive after a team noun ("Verteidiger Strauss-Kahns", "Anwälte von
        Anna Berg"), in the nominative, as the article writes the name there."""
        if token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "von":
            j = token.i + 2
            two = doc[j : j + 2].text
            return two if two in persons else doc[j].text if doc[j].text in persons else None
        word = doc[token.i + 1].text.rstrip("'’") if token.i + 1 < len(doc) else ""
        if word.endswith("s") and word[:-1] in persons:
            return word[:-1]  # "Verteidiger Strauss-Kahns"; but "die Anwälte Meier und Schulz" are named lawyers
        return word if doc[token.i + 1 : token.i + 2].text.endswith(("'", "’")) and word in persons else None

    def _named_opposition(self, doc: Doc, cands: list[Candidate]) -> None:
        """"die Opposition" is the one opposition party the article names ("die Oppositionspartei MDC")."""
        by_start = {c.start: c for c in cands}
        named = {
            c for t in doc[:-1]
            if t.text.startswith("Opposition") and len(t) > len("Opposition") and (c := by_start.get(doc[t.i + 1].idx))
            and c.type == "Organization"
        }
        if len(named) != 1:
            return
        party = named.pop()
        for c in cands:
            if c.type == "Group" and c.label == "Opposition":
                c.type, c.entry, c.key = party.type, party.entry, None
                c.label = None if party.entry else _nominative(doc_text(doc)[party.start : party.end], set())

    def _country_adjective(self, token: Token) -> str | None:
        """The stem of a country adjective ("spanisch" for "spanischen"), None for any other word."""
        entry = self.gaz.adjective(token.text) if token.text[:1].islower() or token.is_sent_start else None
        if entry is None or entry.type != "Country":
            return None
        low = token.text.lower()
        return next((a for a in sorted(entry.adjectives, key=len, reverse=True) if low.startswith(a)), None)

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

    @staticmethod
    def _outside_bylines(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """Drop names in credit lines ("Autor: Henning, Peter", "Foto: dpa"): the article's makers, not its actors."""
        lines = [m.span() for m in BYLINE.finditer(doc_text(doc))]
        return [c for c in cands if not any(s <= c.start < e for s, e in lines)]

    def _acronyms(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """"Movement for Democratic Change (MDC)": every "MDC" of the article is that name's entity,
        also where the NER missed it."""
        text = doc_text(doc)
        full: dict[str, Candidate] = {}
        for a in cands:
            after = ACRONYM.match(text, a.end)
            if a.ner and a.type != "Person" and after and len(after[1]) < a.end - a.start:
                full.setdefault(after[1], a)
        covered = [(c.start, c.end) for c in cands]
        extra = [
            Candidate(t.idx, t.idx + len(t), "Organization", ner=True)
            for t in doc
            if t.text in full and not any(s <= t.idx < e for s, e in covered)
        ]
        cands = cands + extra
        for c in cands:
            if (long := full.get(text[c.start : c.end])) is not None and c.entry is None:
                c.entry, c.type = long.entry, long.type
                c.label = None if long.entry else _nominative(text[long.start : long.end], set())
        return cands

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
                adjectives.insert(0, inflect_adjective(doc[j].text, noun.gender))
            j -= 1
        if j >= 0 and of is None:
            owner = by_end.get(doc[j].idx + len(doc[j]))
            of = owner if owner and owner is not person else None
        if of is None and i + 2 < len(doc) and doc[i + 1].lower_ in ("des", "der"):
            of = next((c for c in by_end.values() if c.start == doc[i + 2].idx), None)
        start = doc[j + 1].idx
        return RoleCandidate(person, " ".join([*adjectives, name]), of, start, token.idx + len(token))

    # --- merging ------------------------------------------------------------------------------

    def _merge(self, cands: list[Candidate], roles: list[RoleCandidate], sents: SentenceIndex, doc: Doc,
               apposed: list[tuple[Candidate, int, int]] = ()) -> list[Entity]:
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
                label = c.label or _nominative(doc_text(doc)[c.start : c.end], said)
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
        for c, start, end in apposed:
            if (person := entities.get(key_of.get(id(c), ""))) is not None:
                person.mentions.append(sents.mention(start, end))
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
                same = [f for f in full if _same_surname(doc_text(doc)[f.start : f.end], text)]
                before = [f for f in same if f.start < c.start]
                owner = before[-1] if before else (same[0] if same else None)
                label = doc_text(doc)[owner.start : owner.end] if owner else _nominative(text, said)
            if " " in label and label.endswith("s") and (
                label[:-1] in said or label.split()[-1][:-1] in said or self.gaz.name(label[:-1])
                or label == text and not label.endswith("ss") and _before_noun(doc, c.end)
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
                _word_before(doc, m.start).lower() not in LOCATIVE and self.gaz.name(name_key(m.text)) is entry
                for m in e.mentions
            )
            if entry.capital_of and not acting:
                continue
            country = self.gaz.entries[target]
            key = entry_key(country)
            entities.setdefault(key, Entity(key, country.type, country.label, country.wikidata))
            e.stands_for = key


@dataclass(frozen=True, slots=True)
class LocalOwner:
    """A place owning an institution ("Staatsanwaltschaft von Manhattan"), named or in the gazetteer."""

    id: str
    label: str


def _closed_compound(name: str, gaz: Gazetteer) -> str:
    """"Bezirks-Staatsanwaltschaft" -> "Bezirksstaatsanwaltschaft": a compound of common nouns is
    labelled closed, as German spells it, so both spellings are one entity; a name or acronym as
    first part keeps its hyphen ("US-Regierung", "Simbabwe-Kommission")."""
    first, sep, rest = name.partition("-")
    if not sep or "-" in rest or not first[:1].isupper() or first.isupper() or gaz.prefix(first) or gaz.name(first):
        return name
    return first + rest[:1].lower() + rest[1:]


def entry_key(entry: Entry) -> str:
    return entry.wikidata or f"{entry.type.lower()}/{slug(entry.label)}"


def _genitive(country: Entry) -> str:
    """"Simbabwes", "der Ukraine", "des Irak", "der Vereinigten Staaten", "von Laos": a country as owner."""
    if country.article:
        words = country.label.split()
        article = "der" if country.article == "die" else "des"
        return f"{article} " + " ".join(w + "n" if i < len(words) - 1 and w.endswith("e") else w for i, w in enumerate(words))
    return f"von {country.label}" if country.label[-1] in "sxzß" else country.label + "s"


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
    text = doc_text(doc)[:char].rstrip()
    return text.rsplit(None, 1)[-1] if text else ""


def _nominative(name: str, said: set[str]) -> str:
    """"Kremls" -> "Kreml" where the article also says "Kreml"; "Hamas" and "Texas" stay as they are;
    "Süddeutschen Zeitung" -> "Süddeutsche Zeitung" (a feminine head shows the case of its adjectives)."""
    words = name.split()
    if len(words) > 1 and words[-1].lower().endswith(FEMININE) and all(w.endswith("en") for w in words[:-1]):
        return " ".join([*(w[:-1] for w in words[:-1]), words[-1]])
    return name[:-1] if name.endswith("s") and name[:-1] in said else name


def _uninflect(name: str) -> str:
    """"Deutschen Bank" and "Deutsche Bank" share a key: adjective endings are dropped from names."""
    words = name.split()
    if len(words) < 2:
        return name
    return " ".join(re.sub(r"(?:en|em|er|es|e)$", "", w) if w[:1].isupper() and i < len(words) - 1 else w
                    for i, w in enumerate(words))


def _article(doc: Doc, i: int) -> str:
    """The word before the adjectives before token i: "dem" in "dem französischen Politiker"."""
    while i > 0 and _is_adjective(doc[i - 1]):
        i -= 1
    return doc[i - 1].lower_ if i else ""


def _attributes(doc: Doc, i: int) -> list[Token]:
    """The descriptive adjectives right before token i ("politischer" Beobachter), without
    quantities ("weitere", "viele") and country adjectives (kept in the label already)."""
    j = i
    while j > 0 and _is_attribute(doc[j - 1]):
        j -= 1
    return list(doc[j:i])


def _is_attribute(token: Token) -> bool:
    """A describing adjective: not a quantity ("zehntausende") nor a participle ("protestierende")."""
    stem = adjective_stem(token.lower_)
    adjective = _is_adjective(token) or token.is_sent_start and token.pos_ == "ADJ"
    return adjective and stem not in QUANTIFIERS and not stem.endswith("end")


def _plural(adjective: str) -> str:
    """An attributive adjective in the nominative plural: "politischer", "staatlichen" -> "politische"."""
    return adjective_stem(adjective.lower()) + "e"


def _is_adjective(token: Token, names: bool = False) -> bool:
    """An attributive adjective ("außenpolitische"; with `names` also a capitalised one inside a name,
    "Nationaler"): by the tagger where there is one, else by its ending."""
    if not (token.text[:1].islower() or names) or not token.is_alpha or token.lower_ in DETERMINERS | INDEFINITE:
        return False
    if token.pos_:
        return token.pos_ == "ADJ"
    return token.text.endswith(("e", "en", "er", "es", "em"))
