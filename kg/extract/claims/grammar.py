"""Dependency labels and the claim rules' own word lists (kg/data/reported_speech.json).

The parser mixes UD and TIGER labels, so each grammatical relation is a set of both; German grammar
that is no business of claims alone lives in kg/extract/german.py.
"""

from __future__ import annotations

from kg.extract.german import SUBJECT_DEPS
from kg.lexicon import word_lists

SUBJECT = SUBJECT_DEPS
PARTICLE = {"compound:prt", "svp"}
CONJ = {"conj", "cj"}
OBJECT = {"obj", "oa"}
IOBJ = {"iobj", "da"}
NOT_NP = {"VERB", "AUX", "ADV", "SCONJ", "PART", "CCONJ"}  # parts of speech that end a noun phrase

_WORDS = word_lists("reported_speech.json")
NOT_SPEAKER_PRONOUNS = _WORDS["not_speaker_pronouns"]  # "sich", "es", "man": pronouns that name no speaker
RELATIVE_FRAME_WORDS = _WORDS["relative_frame_words"]  # ", laut dem …", ", nach denen …"
ANAPHORIC_DEMONSTRATIVES = _WORDS["anaphoric_demonstratives"]  # "Das teilte die Polizei mit": the sentence before
IDIOM_SUBJECTS = _WORDS["idiom_subjects"]  # "das heißt": no speaker
DEMAND_FORMS = _WORDS["demand_forms"]  # "müsse …": a demand
FUTURE_FORMS = _WORDS["future_forms"]  # "werde …" with an infinitive: a prediction
RELATIVE_FRAME_PREPOSITIONS = _WORDS["relative_frame_prepositions"]  # ", laut dem …"
