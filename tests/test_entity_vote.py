"""kg_entity_vote on invented articles, with the recogniser's spans given by hand (no model needed):
the one-label-per-name vote must not make persons of places, nor names of adjectives."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from kg.nlp.components import entity_vote


def tagged(text: str, spans: list[tuple[str, str, int]]) -> Doc:
    """A doc of `text` with the given (words, label, occurrence) spans as its entities."""
    doc = spacy.blank("de").make_doc(text)
    ents = []
    for words, label, nth in spans:
        start = -1
        for _ in range(nth + 1):
            start = text.index(words, start + 1)
        ents.append(doc.char_span(start, start + len(words), label=label))
    doc.ents = ents
    return doc


def labels(doc: Doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def test_a_place_of_the_article_is_no_surname_of_a_person_span():
    text = ("Rhein und Neckar Weinheim feierte den Frieden. In Weinheim kamen 3000 Menschen zusammen. "
            "Weinheims Bürgermeister sprach, die Polizei in Weinheim zählte mit.")
    doc = entity_vote(tagged(text, [("Rhein", "LOC", 0), ("Neckar Weinheim", "PER", 0), ("Weinheim", "LOC", 1),
                                    ("Weinheim", "LOC", 3)]))
    found = labels(doc)
    assert ("Weinheim", "PER") not in found and found.count(("Weinheim", "LOC")) == 2
    assert ("Neckar Weinheim", "LOC") in found  # no first name, ends in a place: a run of place names
    assert "Weinheims" not in {e.text for e in doc.ents}  # no surname to propagate


def test_a_known_place_is_no_surname_but_a_first_name_keeps_the_person():
    text = "Anna Berlin stellte ihr Buch vor. Berlin feierte sie, und Berlin ist ihre Heimat."
    doc = entity_vote(tagged(text, [("Anna Berlin", "PER", 0), ("Berlin", "LOC", 1), ("Berlin", "LOC", 2)]))
    assert labels(doc) == [("Anna Berlin", "PER"), ("Berlin", "LOC"), ("Berlin", "LOC")]


def test_a_surname_still_votes_with_its_person():
    text = "Joe Biden reiste ab. Biden sagte, Biden werde wiederkommen. Bidens Sprecher schwieg."
    doc = entity_vote(tagged(text, [("Joe Biden", "PER", 0), ("Biden", "ORG", 1), ("Biden", "PER", 2)]))
    assert labels(doc) == [("Joe Biden", "PER"), ("Biden", "PER"), ("Biden", "PER"), ("Bidens", "PER")]


def test_a_lower_case_adjective_is_no_name():
    text = "Das meldete die französische Nachrichtenagentur AFP."
    doc = tagged(text, [("französische", "LOC", 0), ("AFP", "ORG", 0)])
    doc[3].pos_ = "ADJ"
    assert labels(entity_vote(doc)) == [("AFP", "ORG")]


def test_one_place_tag_does_not_outvote_the_person_it_ends():
    text = "Nach Treffen mit Präsident Xanana Gusmão in Dili reisten sie ab. Gusmão schwieg dazu."
    doc = entity_vote(tagged(text, [("Xanana Gusmão", "PER", 0), ("Dili", "LOC", 0), ("Gusmão", "LOC", 1)]))
    assert labels(doc) == [("Xanana Gusmão", "PER"), ("Dili", "LOC"), ("Gusmão", "PER")]
