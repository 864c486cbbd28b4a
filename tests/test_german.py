"""kg.extract.german, the grammar helpers the extractors share: sentences, segments, clauses, headlines,
tenses, passives, zu-infinitives, directional phrases and regular word forms."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.extract import german

VOCAB = spacy.blank("de").vocab  # German lexical attributes (lower case …), no model


def test_a_sentence_the_parser_splits_inside_is_joined():
    words = ["Biden", "und", "Putin", "hatten", "sich", "getroffen", ".", "Danach", "telefonierten", "sie", "."]
    starts = [True, False, False, True, False, False, False, True, False, False, False]
    doc = Doc(VOCAB, words=words, sent_starts=starts)
    assert [s.text for s in german.sentences(doc)] == [
        "Biden und Putin hatten sich getroffen .", "Danach telefonierten sie ."]


def test_segments_end_at_commas_colons_and_dashes():
    doc = Doc(VOCAB, words=["Er", "warnte", ",", "Russland", "könnte", "angreifen", "–", "sofort", "."],
              sent_starts=[True] + [False] * 8)
    assert [doc[a:b].text for a, b in german.segments(doc[:])] == [
        "Er warnte", "Russland könnte angreifen", "sofort ."]


def test_a_line_without_a_full_stop_is_a_headline(nlp):
    doc = nlp("Unruhen im Westen Chinas: Dutzende Tote\n\nBei Unruhen starben viele Menschen.")
    starts = [s.start for s in german.sentences(doc)]
    assert german.is_headline(doc, starts[0])
    assert not german.is_headline(doc, starts[-1])


@pytest.mark.parametrize(
    ("text", "past", "perfect", "pluperfect", "future"),
    [
        ("Biden und Putin telefonierten am Montag.", True, False, False, False),
        ("Biden und Putin haben am Montag telefoniert.", False, True, False, False),
        ("Biden und Putin hatten sich im Juni getroffen.", True, True, True, False),
        ("Die Minister werden am Montag zusammenkommen.", False, False, False, True),
    ],
)
def test_tenses(nlp, text, past, perfect, pluperfect, future):
    tokens = list(nlp(text))
    assert any(german.is_finite_past(t) for t in tokens) == past
    assert german.is_perfect(tokens) == perfect
    assert german.is_pluperfect(tokens) == pluperfect
    assert german.is_future(tokens) == future


def test_a_zu_infinitive_and_a_known_participle(nlp):
    doc = nlp("Er hat angekündigt, den Notstand auszurufen.")
    assert german.has_zu_infinitive(doc, (0, len(doc)))
    assert not german.has_zu_infinitive(doc, (0, 3))
    assert german.is_participle(nlp("Sie vereinbarten nichts.")[1], known={"vereinbarten"})


@pytest.mark.parametrize(
    ("text", "directional"),
    [
        ("Russland marschierte in die Ukraine ein.", True),
        ("Die Truppen zogen ins Baltikum.", True),
        ("Die Armee marschierte in den Irak ein.", True),
        ("Die Wahl in den USA war knapp.", False),  # "den" + plural: dative, a place
        ("Das Treffen fand in Genf statt.", False),
    ],
)
def test_directional_phrases(nlp, text, directional):
    doc = nlp(text)
    prep = next(t for t in doc if t.lower_ in ("in", "ins"))
    assert german.is_directional(prep) == directional


def test_regular_word_forms():
    assert german.weak_participle("vereinbaren") == "vereinbart"
    assert german.weak_participle("telefonieren") == "telefoniert"
    assert german.weak_participle("töten") == "getötet"
    assert {"vereinbarten", "vereinbarte", "vereinbart"} <= german.weak_forms("vereinbaren")
    assert {"Gipfel", "Gipfels", "Gipfeln"} <= german.noun_forms("Gipfel")


def test_a_compound_counts_by_its_head():
    doc = Doc(VOCAB, words=["Bodentruppen", "truppen", "Landgericht"])
    assert german.is_word_or_head(doc[0], "truppen")
    assert german.is_word_or_head(doc[1], "truppen")
    assert german.is_word_or_head(doc[2], "gericht")
    assert not german.is_word_or_head(doc[2], "cht")  # too short to be a head


def test_a_noun_phrase_ends_at_a_preposition_a_stop_or_a_clause(nlp):
    doc = nlp("Gespräche zwischen Russland und der NATO in Genf, die am Montag begannen.")
    assert doc[2:german.noun_phrase_end(doc, 2, len(doc))].text == "Russland und der NATO"
    assert german.noun_phrase_end(doc, 2, len(doc), stops={4}) == 4  # "der" is a stop
    assert german.noun_phrase_end(doc, 2, len(doc), names={2: 4}) == 6  # "Russland und" as one name
    comma = next(t.i for t in doc if t.text == ",")
    assert german.noun_phrase_end(doc, comma + 1, len(doc), clause_pronouns={"die"}) == comma + 1


def _doc(words: list[str], pos: list[str], morphs: list[str] | None = None, tags: list[str] | None = None) -> Doc:
    return Doc(VOCAB, words=words, pos=pos, morphs=morphs or [""] * len(words), tags=tags or [""] * len(words))


def test_a_clause_ends_at_commas_and_at_a_conjunction_before_a_finite_verb():
    doc = _doc(["Er", "hat", "gewarnt", ",", "Biden", "und", "der", "Kreml", "streiten", "und", "wirft", "vor", "."],
               ["PRON", "AUX", "VERB", "PUNCT", "PROPN", "CCONJ", "DET", "PROPN", "VERB", "CCONJ", "VERB", "ADP",
                "PUNCT"],
               ["", "VerbForm=Fin", "VerbForm=Part", "", "", "", "", "", "VerbForm=Fin", "", "VerbForm=Fin", "", ""])
    sent = doc[:]
    assert german.clause_bounds(sent, doc[2]) == (0, 3)
    assert german.clause_bounds(sent, doc[8]) == (4, 9)  # "und der Kreml" joins names, "und wirft" verb phrases
    assert german.clause_finite(sent, doc[2]).text == "hat"  # the auxiliary is the finite verb
    assert german.clause_finite(sent, doc[10]).text == "wirft"
    assert german.joins_verb_phrases(doc, 9) and not german.joins_verb_phrases(doc, 5)


def test_finite_by_morphology_whatever_the_tagger_says():
    doc = _doc(["warnte", "Warnung", "sie"], ["ADJ", "NOUN", "PRON"], ["VerbForm=Fin", "Person=3", "Person=3"])
    assert german.is_finite_form(doc[0]) and german.is_finite_verb(doc[0])
    assert german.is_finite_form(doc[1]) and not german.is_finite_verb(doc[1])
    assert not german.is_finite_form(doc[2])  # a pronoun's person is no verb's


def test_a_participle_with_werden_is_a_passive():
    doc = _doc(["Die", "Vorwürfe", "wurden", "zurückgewiesen", "."], ["DET", "NOUN", "AUX", "ADJ", "PUNCT"])
    assert german.looks_like_participle(doc[3])  # by its shape: the tagger called it an adjective
    assert german.is_passive(doc[:], doc[3])
    perfect = _doc(["Er", "hat", "zurückgewiesen", "."], ["PRON", "AUX", "VERB", "PUNCT"])
    assert not german.is_passive(perfect[:], perfect[2])


def test_zu_infinitive_words_do_not_trust_a_lone_zu_tag():
    infix = _doc(["die", "Euphorie", "auszunutzen"], ["DET", "NOUN", "VERB"])
    assert german.has_zu_infix("auszunutzen") and german.has_zu_infinitive_words(list(infix))
    lone = _doc(["bis", "zu", "fünf"], ["ADP", "PART", "NUM"], tags=["APPR", "PTKZU", "CARD"])
    assert german.has_zu_infinitive(lone, (0, 3)) and not german.has_zu_infinitive_words(list(lone))


def test_object_pronouns_before_the_subject_are_passed_over():
    doc = _doc(["äußerte", "sich", "der", "Präsident"], ["VERB", "PRON", "DET", "NOUN"], ["", "Reflex=Yes", "", ""])
    assert german.after_object_pronouns(doc, 1, 4) == 2


def test_a_phrase_after_dem_or_a_preposition_is_oblique():
    doc = _doc(["Er", "dankte", "dem", "neuen", "Präsidenten"], ["PRON", "VERB", "DET", "ADJ", "NOUN"])
    assert german.is_oblique(doc, doc[4].idx) and not german.is_oblique(doc, doc[0].idx)


def test_genitive_names_and_adjectives_in_the_nominative():
    assert german.looks_genitive("Putins") and not german.looks_genitive("Markus")
    assert german.inflect_adjective("außenpolitische", "m") == "außenpolitischer"
    assert german.inflect_adjective("chinesischen", "f") == "chinesische"
    assert german.adjective_stem("politischer") == "politisch"


def test_a_heading_line_is_a_line_of_its_own_without_closing_punctuation():
    text = "Westen fürchtet Einmarsch\nDer Westen befürchtet: Russland greift an.\nUnruhen: Dutzende Tote"
    first, second = (0, 25), (26, 68)
    assert german.is_heading_line(text, *first)
    assert not german.is_heading_line(text, *second)
    assert not german.is_heading_line(text, 26, 47)  # "Der Westen befürchtet:" ends with a colon


def test_sie_is_plural_when_its_verb_is():
    plural = Doc(VOCAB, words=["Sie", "erklärten"], heads=[1, 1], deps=["nsubj", "ROOT"], pos=["PRON", "VERB"],
                 morphs=["", "Number=Plur|VerbForm=Fin"])
    assert german.pronoun_features(plural[0]) == ("", "Plur")
    singular = Doc(VOCAB, words=["sie", "erklärte", "er"], heads=[1, 1, 1], deps=["nsubj", "ROOT", "nsubj"],
                   pos=["PRON", "VERB", "PRON"], morphs=["", "Number=Sing|VerbForm=Fin", ""])
    assert german.pronoun_features(singular[0]) == ("Fem", "Sing")
    assert german.pronoun_features(singular[2]) == ("Masc", "Sing")
    polite = Doc(VOCAB, words=["Danke", "Sie"], pos=["VERB", "PRON"])
    assert german.pronoun_features(polite[1]) is None  # "Sie" inside a sentence addresses someone


def test_abstract_noun_by_its_ending():
    assert german.is_abstract_noun("Anwendung") and german.is_abstract_noun("Zuversicht")
    assert not german.is_abstract_noun("Sprecher") and not german.is_abstract_noun("anwendung")
