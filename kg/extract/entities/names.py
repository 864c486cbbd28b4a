"""Names: the recogniser's spans cut to the name, first names joined to surnames, persons inside
organisation spans; names in credit lines dropped; acronyms standing for the name they follow."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from kg.gazetteer import Entry
from kg.nlp import name_key
from kg.extract.entities.appositions import Appositions
from kg.extract.entities.grammar import (
    ARTICLES, city_stems, is_adjective, nominative, said_uninflected, strong_forms, weak_nominative,
)
from kg.extract.entities.lexicon import (
    ACADEMIC_TITLES, ACRONYM, ADDRESS_WORDS, BYLINE, CITY_PLACE_HEADS, COMPASS_PREFIXES, CUT_BEFORE_ACRONYM,
    EVENT_NAME, EVENT_WORDS, LEGAL_FORMS, NER_TYPES,
    NOT_IN_NAMES, ORGANIZATION_WORDS, PAIR_LINKS, PLACE_PREPOSITIONS, PLACE_WORDS, STREET_ENDINGS,
)
from kg.extract.entities.model import Candidate
from kg.extract.entities.vocabulary import Job, Vocabulary
from kg.extract.german import DETERMINERS, LOCATIVE_PREPS
from kg.extract.text import doc_text


_NOMINALISED = re.compile(r"(?:ig|lich|isch|iv|ell|al|ar)es$")  # "Derartiges": a neuter adjective made a noun


class Names(Job):
    """The named entities of the recogniser, as names (types from the gazetteer where it knows them)."""

    def __init__(self, words: Vocabulary, appositions: Appositions) -> None:
        super().__init__(words)
        self.appositions = appositions

    def find(self, doc: Doc) -> list[Candidate]:
        """The recogniser's PER, ORG and LOC spans as candidates, cut to the name and typed
        by the gazetteer, a legal form or a head noun; common nouns it tagged are left out."""
        ents = self._first_names_joined(doc)
        ents = sorted(ents + self._regnal_names(doc, ents), key=lambda e: e.start)
        surnames = {name_key(e[-1].text) for e in ents if e.label_ == "PER"}
        common = {doc[i + 1].text for i, t in enumerate(doc[:-1]) if t.lower_ in DETERMINERS}
        out = []
        for ent in map(self._known_organization, ents):
            if ent.label_ in NER_TYPES and (c := self._candidate(doc, ent, surnames, common)) is not None:
                out.append(c)
        return _genitive_owners_typed(doc, _states_after_towns(doc, out))

    def _candidate(self, doc: Doc, ent: Span, surnames: set[str], common: set[str]) -> Candidate | None:
        """One recognised span as a name candidate, or None where it is a common noun or an adjective."""
        span, label = self._person_cut(doc, _without_quotes(ent), surnames)
        span = _city_place_widened(self._place_word_widened(doc, span))
        if len(span) > 1 and _leading_number(span[0]):
            if label != "Person":
                return None  # "76 Tote": a count of a common noun, no name ("1. FC Köln" is an organization)
            span = span[1:]  # "3. Schmidinger, Günter": a rank in a list of results, no part of the name
        text = span.text
        if len(text) == 1:
            return None  # "Gruppe A", "Plan B": a single letter labels a class or an item, it names no actor
        if len(span) == 1 and (self.words.group_noun(span[0]) or self.lex.institution(text) or self.lex.role(text)):
            return None  # "Polizei", "Demonstranten", "Sprecherin": nouns, not names
        if _attributive(span):
            return None  # "das Grüne Trikot": an adjective of the noun after it, not the party "Grüne"
        if text[:1].islower() and not self.gaz.name(text) or NOT_IN_NAMES.search(text) or _only_legal_forms(span):
            return None  # "griechischen": an adjective (see TypeCues.adjectives), not a name; "GmbH & Co KG"
        if label == "Person" and _article_inside(span):
            return None  # "Sekretärs des Nobelkomitees": a description, no name
        entry = self.gaz.entries.get(ent.ent_id_) if ent.ent_id_ and span.start == ent.start else None
        entry = entry or self.gaz.name(text) or self.gaz.name(name_key(text)) or self._city_of(text, label)
        entry = entry or (self.gaz.name(weak_nominative(text)) if len(span) > 1 else None)
        if entry and entry.type != "Person" and len(span) == 1 and _surname_of_named_person(doc, text):
            entry, label = None, "Person"  # "Verdi" beside "Giuseppe Verdi": the composer, not the union
        entry = entry or next(filter(None, map(self.gaz.name, strong_forms(text))), None)
        if entry and text in entry.unqualified and span.start and is_adjective(doc[span.start - 1], names=True):
            span, entry = doc[span.start - 1 : span.end], None  # "Nationaler Sicherheitsrat" is not the UN's
            text = span.text
        if entry is None and (EVENT_NAME.search(text) or _event_word_after(doc, span)):
            return None  # "Super Bowl LIV", "Tour de France", "die Deutsche Motocross Meisterschaft": an event
        if entry is None and self._thing_head(span):  # "Internationale Raumstation": a thing, no actor nor place
            return Candidate(span.start_char, span.end_char, "Thing", None, ner=True)  # see TypeCues.without_things
        if entry is None and label == "Place" and len(span) == 1 and _plural_noun(span[0]):
            return None  # "ein Regen von Orangen", "und Neuwahlen": a plural common noun, no place
        common_person = label == "Person" and self._common_word(span[0], common)
        if entry is None and len(span) == 1 and ("-" in text or common_person):
            return None  # "NATO-Osterweiterung" (a compound, see TypeCues.compounds); "der Alarmzustand" is no person
        words = {t.text for t in span}
        if entry is None and (span[-1].text.rstrip(".") in LEGAL_FORMS or words & ORGANIZATION_WORDS):
            label = "Organization"  # "Sony Corp", "Walt Disney Co.", "Florida Museum of …": whatever the NER said
        elif entry is None and words & PLACE_WORDS or self._placed_surname(doc, span, entry, label):
            label = "Place"  # "Hudson Valley", "Lake Placid", "im Pfälzerwald": a place whatever the NER said
        elif entry is None and label == "Place" and any(self._institution_head(t.text) for t in span):
            label = "Organization"  # "Berliner Polizei", "Feuerwehr Mölschbach": an institution, no place
        elif entry is None and label != "Person" and self._titled_person(doc, span, ent):
            label = "Person"  # "Informationsminister Barnaba Marial Benjamin" tagged ORG: a function names a person
        elif entry is None and span[-1].text.lower().endswith(STREET_ENDINGS):
            label = "Place"  # "an der Stuttgarter Schloßstrasse" tagged ORG: a street or square is a place
        elif entry is None and "-" in span[-1].text and (kind := self.lex.cue(span[-1].text.rpartition("-")[2])):
            label = kind  # "Robert Koch-Institut": the head noun tells (but "Tolksdorf" is a name)
        region = self._compass_region(text) if entry is None and len(span) == 1 else None
        return Candidate(span.start_char, span.end_char, "Place" if region else entry.type if entry else label,
                         entry, label=region, ner=True)

    def _thing_head(self, span: Span) -> bool:
        """Is the name capitalised adjectives before a class noun of things ("Internationale
        Raumstation")? Its head says it is a thing, as a class noun before a name does."""
        return (len(span) > 1 and self.lex.cue(span[-1].text) == "Thing"
                and all(t.is_title and t.text.endswith(("e", "en", "er", "es")) for t in span[:-1]))

    def _compass_region(self, word: str) -> str | None:
        """"Norddeutschlands", "Westafrikas" -> "Norddeutschland", "Westafrika": a compass prefix before
        a known place or country in the genitive is a region, labelled in the nominative."""
        prefix = next((p for p in COMPASS_PREFIXES if word.startswith(p) and word[len(p) : len(p) + 1].islower()
                       and len(word) > len(p) + 3), None)
        if prefix is None or not word.endswith("s"):
            return None
        entry = self.gaz.name(word[len(prefix) :].capitalize())
        if entry is None or entry.type not in ("Country", "Place") or entry.label.endswith("s"):
            return None
        return prefix + entry.label.lower()

    def _regnal_names(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """"Papst Benedikt XVI.", "König Charles III." the recogniser missed: a title, a first name and a
        Roman ordinal make a person."""
        taken = {i for e in ents for i in range(e.start, e.end)}
        out = []
        for t in doc[1:-1]:
            ordinal = doc[t.i + 1]
            if (t.i in taken or ordinal.i in taken or not t.is_title or not self.gaz.is_first_name(t.text)
                    or not REGNAL.fullmatch(ordinal.text) or not self.lex.role(doc[t.i - 1].text)):
                continue
            end = ordinal.i + 2 if ordinal.i + 1 < len(doc) and doc[ordinal.i + 1].text == "." else ordinal.i + 1
            out.append(Span(doc, t.i, end, label="PER"))
        return out

    def _known_organization(self, ent: Span) -> Span:
        """"„BBC News“", "Spiegel" tagged MISC: a name the gazetteer knows as an organization (also a
        link-only one) is that organization, whatever the recogniser's label."""
        if ent.label_ != "MISC":
            return ent
        entry = self.gaz.name(ent.text) or self.gaz.name(name_key(ent.text))
        return Span(ent.doc, ent.start, ent.end, label="ORG") if entry and entry.type == "Organization" else ent

    def _person_cut(self, doc: Doc, ent: Span, surnames: set[str]) -> tuple[Span, str]:
        """The name in a recognised span and its type, a person's span cut or widened where the
        words around it tell: a surname starts no name, "von Ladenburg" is a place, an untagged
        first name opening the sentence belongs to it."""
        span, label = self._name_span(ent), NER_TYPES[ent.label_]
        if len(span) > 1 and self.words.demonym(span[0]) and span[1].is_title:
            span, label = span[1:], "Person"  # "die Tschechin Šárka Záhrobská": a person, not her nationality
        if ent.label_ == "PER" and len(span) > 1 and self._is_surname(span[0].text, surnames - {span[-1].text}):
            span = span[:1]  # "Putin Drohgebärden" (a headline without colon): a surname starts no name
        if ent.label_ == "PER" and span[0].lower_ == "von" and len(span) == 2 and self.words.is_title(doc, span.start - 1):
            span, label = span[1:], "Place"  # "der Bürgermeister von Ladenburg": a place, not a "von" name
        if ent.label_ == "PER" and len(span) == 1 and self._first_name_before(doc, span.start):
            span = doc[span.start - 1 : span.end]  # "Mayra Veliz" opening a sentence, the first name untagged
        return span, label

    def _placed_surname(self, doc: Doc, span: Span, entry: Entry | None, label: str) -> bool:
        """Is a lone word the recogniser calls a person placed by "in", "im" or "am" ("in Narathiwat",
        "im Pfälzerwald")? German puts no person there, so it is a place (a first name would show one)."""
        before = doc[span.start - 1].lower_ if span.start else ""
        return (entry is None and label == "Person" and len(span) == 1 and before in PLACE_PREPOSITIONS
                and not self.gaz.is_first_name(span.text))

    def _titled_person(self, doc: Doc, span: Span, ent: Span) -> bool:
        """Does a person's function ("Informationsminister", "FDP-Europaabgeordnete") stand right before
        a name of two or more capitalised words ("Silvana Koch-Mehrin"), or inside the recognised span
        before one ("Dekan Berg")? German puts a title before a person's name; an organization or place
        after it would be in the genitive or after "von"."""
        before = doc[span.start - 1] if span.start else None
        return bool(before is not None and (len(span) > 1 or ent.start < span.start)
                    and self.lex.role(before.text) is not None
                    and self.lex.institution(before.text) is None and all(t.is_title for t in span)
                    and not span[-1].text.endswith("s") and not {t.text for t in span} & ORGANIZATION_WORDS)

    def _institution_head(self, word: str) -> bool:
        """Is the word an institution noun ("Polizei") or a class noun of organizations ("Universität")?"""
        return self.lex.institution(word) is not None or self.lex.cue(word) == "Organization"

    def _common_word(self, token: Token, common: set[str]) -> bool:
        """Is a lone word tagged as a person a common noun or adjective ("der Alarmzustand", "sagte
        Reportern", "Dreitägiger Dauerregen")? It stands after an article, or the tagger calls it an
        adjective, a verb opening its sentence, a plural noun (a name is singular; the tagger calls many
        surnames nouns), a neuter noun with an adjective's ending (a person is "der" or "die":
        "Derartiges", "Positives") or a noun of a person's function ("Schauspielerin"), and it is no
        first name, known surname, nor a word of a longer name of the article ("Think" of "Think
        Global", "Richter" of "Gerhard Richter")."""
        if (token.tag_ == "NN" or token.pos_ == "NOUN") and token.text in common:
            return True  # "das Dekret": the tagger may call it a proper noun, yet it takes the article
        key = name_key(token.text)
        if self.gaz.is_first_name(token.text) or self.gaz.person_by_surname(key):
            return False
        if any(len(e) > 1 and key in {t.text for t in e} for e in token.doc.ents):  # also "Gillibrands"
            return False
        plural = token.pos_ == "NOUN" and "Plur" in token.morph.get("Number")
        opening_verb = token.is_sent_start and token.pos_ in ("VERB", "AUX")  # "Inszeniert wurde das Stück …"
        neuter = token.pos_ == "NOUN" and "Neut" in token.morph.get("Gender") and _NOMINALISED.search(token.text)
        return token.pos_ == "ADJ" or plural or neuter or opening_verb or self.lex.person_noun(token.text)

    def _place_word_widened(self, doc: Doc, span: Span) -> Span:
        """"Long Island", "Lady Elliot Island" where only "Island" was tagged: the capitalised proper
        nouns before a place word belong to the name (and make it no country: "Island" is Iceland)."""
        if len(span) != 1 or span[0].text not in PLACE_WORDS:
            return span
        i = span.start
        while i > 0 and span.start - i < 3 and _name_word(doc[i - 1]):
            i -= 1
        return doc[i : span.end]

    def _city_of(self, text: str, label: str) -> Entry | None:
        """The city a place-tagged city adjective names ("Münchener" -> München)."""
        if label != "Place":
            return None
        entry = next(filter(None, map(self.gaz.name, city_stems(text))), None)
        return entry if entry and entry.type == "Place" else None

    def _first_names_joined(self, doc: Doc) -> list[Span]:
        """The NER's names, with a lone first name joined to the name right after it ("Johannes" +
        "Dyba" is one person) or to an untagged proper noun after it."""
        ents = [part for ent in doc.ents for part in _pair_split(ent)]
        first_words = {e[0].text for e in ents if e.label_ == "PER" and len(e) > 1}  # "Herta" of "Herta Müller"
        out = []
        i = 0
        while i < len(ents):
            ent = ents[i]
            nxt = ents[i + 1] if i + 1 < len(ents) else None
            if len(ent) == 1 and (self.gaz.is_first_name(ent.text) or ent.text in first_words) and not ent.ent_id_:
                if nxt is not None and nxt.start == ent.end and not nxt.ent_id_:
                    out.append(Span(doc, ent.start, nxt.end, label="PER"))
                    i += 2
                    continue
                after = doc[ent.end] if ent.end < len(doc) else None
                if after is not None and after.is_alpha and after.text[:1].isupper() and after.pos_ == "PROPN":
                    out.append(Span(doc, ent.start, ent.end + 1, label="PER"))
                    i += 1
                    continue
            if self._surname_after(doc, ent):
                out.append(Span(doc, ent.start, ent.end + 1, label="PER"))
            else:
                out.extend(self._person_inside(doc, ent))
            i += 1
        return out

    def _surname_after(self, doc: Doc, ent: Span) -> bool:
        """Does an untagged surname follow a one-word person ("Außenministerin Tzipi" + "Livni")? A
        capitalised word the tagger calls a proper name, no known name nor common noun of ours, and
        the person's word no surname of a full name of the article."""
        after = doc[ent.end] if ent.end < len(doc) else None
        if ent.label_ != "PER" or len(ent) != 1 or ent.ent_id_ or after is None or after.ent_type_:
            return False
        full = {e[-1].text for e in doc.ents if e.label_ == "PER" and len(e) > 1}
        return (
            after.tag_ in ("NE", "NNP") and not after.is_sent_start and self.words.name_like([ent[0], after])
            and not self.gaz.name(after.text) and ent.text not in full and name_key(ent.text) not in full
        )

    def _person_inside(self, doc: Doc, ent: Span) -> list[Span]:
        """An organization or place span that is, or ends in, a person: "Morgan Tsvangirai" tagged ORG,
        "Bundesagentur für Arbeit Frank-Jürgen" + "Weise"."""
        if ent.label_ == "PER" or ent.ent_id_ or self.gaz.name(ent.text):
            return [ent]
        words = [t for t in ent if not t.is_space]
        if 2 <= len(words) <= 3 and self.gaz.is_first_name(words[0].text) and all(t.is_title for t in words):
            return [Span(doc, ent.start, ent.end, label="PER")]
        if self.words.name_like(words) and self.appositions.apposed(doc, ent.start, ent.end):
            return [Span(doc, ent.start, ent.end, label="PER")]  # "Präsidentschaftskandidat der MDC, Morgan Tsvangirai"
        after = doc[ent.end] if ent.end < len(doc) else None
        if len(ent) > 1 and self.gaz.is_first_name(ent[-1].text) and after is not None and after.is_title and after.is_alpha:
            return [Span(doc, ent.start, ent.end - 1, label=ent.label_), Span(doc, ent.end - 1, ent.end + 1, label="PER")]
        if len(ent) > 2 and self.gaz.is_first_name(ent[-2].text) and ent[-1].is_title and not self.gaz.name(ent[-2:].text):
            return [Span(doc, ent.start, ent.end - 2, label=ent.label_), Span(doc, ent.end - 2, ent.end, label="PER")]
        return [ent]

    def _name_span(self, ent: Span) -> Span:
        """The name in an entity span: without a leading title or article ("US-Präsident Joe Biden",
        "die Ukraine"), but "Den Haag" keeps its capital "Den" inside a sentence."""
        span = ent
        while len(span) > 1 and not self.gaz.name(span.text) and (
            self.lex.role(span[0].text) or span[0].lower_ in DETERMINERS and (span[0].is_lower or span[0].is_sent_start)
            or span[0].is_lower and is_adjective(span[0])  # "libanesischen Präsident Michel Suleiman"
            or span[0].text.rstrip(".") in ACADEMIC_TITLES | ADDRESS_WORDS  # "DI Günter Steinbauer", "Frau Broszat"
        ):
            span = span[1:]
        while len(span) > 1 and not self.gaz.name(span.text) and self._owned_noun(span):
            span = span[:-1]  # "Theresa Mays Regierung": the name is the owner
        return span

    def _owned_noun(self, span: Span) -> bool:
        """Does the span end in a common noun after a genitive name ("Mays Regierung", "Putins Berater")?"""
        last = span[-1]
        known = self.lex.institution(last.text) or self.lex.role(last.text) or self.words.group_noun(last)
        genitive = span[-2].text.endswith(("s", "'", "’")) and span[-2].text[:1].isupper()  # not "Berliner Polizei"
        return genitive and (bool(known) or len(span) > 2 and last.tag_ == "NN" or said_uninflected(span[-2]))

    def _first_name_before(self, doc: Doc, i: int) -> bool:
        """Is the token before i an untagged first name opening its sentence ("Mayra" in "Mayra Veliz")?"""
        t = doc[i - 1] if i else None
        return bool(
            t and t.is_sent_start and t.is_alpha and t.text[:1].isupper() and t.pos_ in ("NOUN", "PROPN")
            and t.lower_ not in ARTICLES and not self.words.is_title(doc, t.i) and not self.lex.cue(t.text)
            and t.text not in ADDRESS_WORDS
            and not self.words.group_noun(t) and not self.gaz.name(t.text) and not self.gaz.adjective(t.text)
        )

    def _is_surname(self, token: str, surnames: set[str]) -> bool:
        """Is the token a surname, of a person of the article or of the gazetteer? It starts no name."""
        key = name_key(token)
        return key in surnames or (entry := self.gaz.person_by_surname(key)) is not None and entry.label.split()[-1] == key


def _city_place_widened(span: Span) -> Span:
    """"Berliner" tagged alone in "vom Berliner Platz": a city adjective before a street, square or
    gate noun names that place ("Berliner Platz", "Brandenburger Tor"), not the city."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if len(span) == 1 and span[0].is_title and span[0].text.endswith("er") and after is not None \
            and after.text in CITY_PLACE_HEADS and not after.ent_type_:
        return span.doc[span.start : span.end + 1]
    return span


REGNAL = re.compile(r"[IVX]{1,5}\.?")  # "XVI." of "Benedikt XVI."


def _name_word(token: Token) -> bool:
    """A capitalised proper noun inside its sentence: "Long" of "Long Island"."""
    return token.is_title and token.pos_ == "PROPN" and not token.is_sent_start


def _attributive(span: Span) -> bool:
    """Is a name the adjectives before a noun ("das Grüne Trikot", "die Linke Hand", "im Uigurischen
    Autonomen Gebiet")? Every word ends as an adjective does, the tagger calls none a proper noun, and
    a common noun outside any name follows: the recogniser cut a longer name, or it is no name at all."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return (all(w.text.endswith(("e", "en")) and w.tag_ not in ("NE", "NNP") for w in span)
            and (len(span) > 1 or span[0].pos_ != "PROPN")  # the UPOS of a word inside a name says PROPN
            and after is not None and after.tag_ == "NN" and after.is_title and not after.ent_type_)


def _pair_split(ent: Span) -> list[Span]:
    """"Justin Richardson and Peter Parnell" tagged as one person is two: split at "und", "and", "&"
    between two names of two words or more."""
    if ent.label_ != "PER":
        return [ent]
    for t in ent:
        if t.lower_ in PAIR_LINKS and t.i - ent.start >= 2 and ent.end - t.i > 2:
            return [Span(ent.doc, ent.start, t.i, label="PER"), Span(ent.doc, t.i + 1, ent.end, label="PER")]
    return [ent]


def _leading_number(token: Token) -> bool:
    """A number or an ordinal ("76", "3.") opening a recognised span."""
    return token.like_num or token.text.rstrip(".").isdigit()


def _surname_of_named_person(doc: Doc, word: str) -> bool:
    """Does the article name a person whose full name ends in this word, or its genitive ("Giuseppe
    Verdi" for "Verdi", "Verdis")? Then the lone word is that person, whatever else the gazetteer
    knows by it (the union "Verdi")."""
    forms = {word, word[:-1]} if word.endswith("s") else {word}
    return any(e.label_ == "PER" and len(e) > 1 and e[-1].text in forms for e in doc.ents)


def _event_word_after(doc: Doc, span: Span) -> bool:
    """Does a word naming an event follow the name ("Internationale Deutsche Motocross Meisterschaft",
    cut by the recogniser before its head)? Then the name is part of an event's."""
    return span.end < len(doc) and doc[span.end].text in EVENT_WORDS


def _plural_noun(token: Token) -> bool:
    """A common noun in the plural by the tagger ("Orangen", "Neuwahlen") that the article names
    once: plural place names ("Malediven") are proper nouns to it or in the gazetteer, and the tagger
    may call a place after "den" plural ("in den Gazastreifen") where the article also names it
    otherwise ("des Gazastreifens")."""
    named = sum(1 for e in token.doc.ents if e.text.startswith(token.text))
    return token.tag_ == "NN" and token.pos_ == "NOUN" and "Plur" in token.morph.get("Number") and named == 1


def _article_inside(span: Span) -> bool:
    """"Sekretärs des Nobelkomitees" tagged as a person: a lower-case article inside is no part of a
    name (but "Ursula von der Leyen" has it after "von")."""
    return any(t.lower_ in DETERMINERS and t.is_lower and i and span[i - 1].lower_ not in ("von", "van")
               for i, t in enumerate(span))


def _only_legal_forms(span: Span) -> bool:
    """"GmbH & Co KG", "DI" alone: the legal form or title of a name the recogniser cut off, no name."""
    return all(t.text.rstrip(".") in LEGAL_FORMS | ACADEMIC_TITLES or t.is_punct for t in span)


def _acronym_of(c: Candidate, short: Candidate, text: str) -> bool:
    """Is `short`, right after the organization's name `c`, its acronym ("die Internationale
    Atomenergiebehörde IAEA" tagged as two names)?"""
    words, acronym = text[c.start : c.end].split(), text[short.start : short.end]
    return _unknown_organization(c, words) and short.entry is None and _abbreviates(acronym, words)


def _unknown_organization(c: Candidate, words: list[str]) -> bool:
    """A recognised organization of two or more words that no gazetteer entry names: one whose acronym
    the article may give right after it."""
    return c.ner and c.entry is None and c.type == "Organization" and len(words) > 1


def _abbreviates(acronym: str, words: list[str]) -> bool:
    """Can the word be the acronym of the name: capitals (2 to 8) opening with the name's first letter?"""
    return acronym.isupper() and acronym.isalpha() and 2 <= len(acronym) <= 8 and acronym[0] == words[0][0].upper()


def _trailing_acronym(c: Candidate, text: str) -> Candidate | None:
    """"der Internationalen Atomenergiebehörde IAEA", "die Weltgesundheitsorganisation WHO": an
    organization's name followed by its acronym (same first letter) in one span. The name is cut
    before the acronym (which acronyms() makes a mention of it), and the acronym returned."""
    words = text[c.start : c.end].split()
    if not _unknown_organization(c, words) or words[-2].isupper() or not _abbreviates(words[-1], words):
        return None
    last = words[-1]
    end = c.end
    c.end = text.rindex(last, c.start, end) - 1
    return Candidate(c.end + 1, end, c.type, ner=True)


def _states_after_towns(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """"in Tampa, Florida, …": a one-word name set off by commas right after a place that follows a
    locative preposition is the region that place lies in (the English "town, state"), never a person."""
    text = doc_text(doc)
    places = {c.end: c for c in cands if c.type in ("Place", "Country")}
    for c in cands:
        town = places.get(c.start - 2)
        if (c.type == "Person" and town is not None and text[town.end : c.start] == ", "
                and " " not in text[c.start : c.end] and _word_before_char(text, town.start).lower() in LOCATIVE_PREPS
                and text[c.end : c.end + 1] in (",", ".", ")", "")):
            c.type, c.entry = "Place", None
    return cands


def _genitive_owners_typed(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """"der frühere Gouverneur Floridas" beside "Florida" tagged a place: a one-word name in "-s" whose
    stem the article tags as a place, country or organization is that name in the genitive (the owner
    of the function noun before it), so it takes that type, not a person's."""
    text = doc_text(doc)
    types = {text[c.start : c.end]: c.type for c in cands if c.type != "Person"}
    for c in cands:
        word = text[c.start : c.end]
        if c.type == "Person" and not c.entry and " " not in word and word.endswith("s") and word[:-1] in types:
            c.type = types[word[:-1]]
    return cands


def _word_before_char(text: str, char: int) -> str:
    """The word before a character offset ("in" of "in Tampa")."""
    before = text[:char].rstrip()
    return before.rsplit(None, 1)[-1] if before else ""


def _without_quotes(span: Span) -> Span:
    """"des ''International Scientific Optical Network''": quotation marks (and a wiki's "''" for
    italics) the recogniser took into a name at its ends belong to the sentence, not to the name."""
    start, end = span.start, span.end
    while start < end - 1 and span.doc[start].is_quote:
        start += 1
    while end > start + 1 and span.doc[end - 1].is_quote:
        end -= 1
    return Span(span.doc, start, end, label=span.label_) if (start, end) != (span.start, span.end) else span


def _initials(name: str) -> str:
    """The acronym a name of capitalised words makes ("National Football League" -> "NFL", "Bundesverband
    der Deutschen Industrie" -> "BDI": lower-case links are skipped); "" for a name of one word."""
    words = [w for w in name.split() if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) > 1 and all(w.isalpha() for w in words) else ""


def _widened_to_acronym(c: Candidate, text: str) -> None:
    """"das Bundesamt für Bevölkerungsschutz und Katastrophenhilfe (BBK)" where the recogniser ended the
    name at "und": the candidate is widened to the bracket when the initials of the whole make the acronym."""
    rest = CUT_BEFORE_ACRONYM.match(text, c.end)
    if c.ner and not c.entry and c.type != "Person" and rest and _initials(text[c.start : rest.end(1)]) == rest[2]:
        c.end = rest.end(1)


def _widened_back_to_acronym(c: Candidate, text: str) -> None:
    """"mit dem Kriminologischen Forschungsinstitut Niedersachsen (KFN)" where the recogniser tagged only
    the place at the end: the candidate is widened back over the capitalised words before it whose
    initials, with its own, make the bracketed acronym; the whole is an organization, not the place."""
    after = ACRONYM.match(text, c.end)
    own = _initials(text[c.start : c.end]) or text[c.start : c.start + 1]
    if not (c.ner and c.type != "Person" and after and after[1].endswith(own)) or after[1] == own:
        return
    missing = len(after[1]) - len(own)
    before = re.search(rf"((?:[A-ZÄÖÜ][\w-]* ){{{missing}}})$", text[: c.start])
    if before and _initials(before[1] + "X") == after[1][:missing] + "X":
        c.start -= len(before[1])
        c.type, c.entry, c.label = "Organization", None, None


def outside_bylines(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Drop names in credit lines ("Autor: Henning, Peter", "Foto: dpa"): the article's makers, not its actors."""
    lines = [m.span() for m in BYLINE.finditer(doc_text(doc))]
    return [c for c in cands if not any(s <= c.start < e for s, e in lines)]


def acronyms(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """"Movement for Democratic Change (MDC)": every "MDC" of the article is that name's entity,
    also where the NER missed it."""
    text = doc_text(doc)
    full: dict[str, Candidate] = {}
    by_start = {c.start: c for c in cands}
    for a in list(cands):
        _widened_to_acronym(a, text)
        _widened_back_to_acronym(a, text)
        after = ACRONYM.match(text, a.end)
        if a.ner and a.type != "Person" and after and len(after[1]) < a.end - a.start:
            full.setdefault(after[1], a)
        elif (short := _trailing_acronym(a, text)) is not None:
            full.setdefault(text[short.start : short.end], a)
            cands.append(short)
        elif (short := by_start.get(a.end + 1)) is not None and text[a.end] == " " and _acronym_of(a, short, text):
            full.setdefault(text[short.start : short.end], a)  # the same, tagged as two names
    for a in cands:
        if a.ner and a.type != "Person" and len(key := _initials(text[a.start : a.end])) >= 3:
            full.setdefault(key, a)  # "National Football League" … "die NFL", no brackets needed
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
            c.label = None if long.entry else nominative(text[long.start : long.end], set())
    return cands
