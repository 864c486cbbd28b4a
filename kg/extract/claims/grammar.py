"""Word classes and grammar tests the claim rules share (dependency labels, finite forms)."""

from __future__ import annotations

import re

from spacy.tokens import Token


SUBJECT = {"nsubj", "sb", "nsubj:pass"}
PARTICLE = {"compound:prt", "svp"}
CONJ = {"conj", "cj"}
OBJECT = {"obj", "oa"}
IOBJ = {"iobj", "da"}
AGENT_PREPS = {"von", "vom", "durch"}
_PARTICIPLE = re.compile(r"^(ab|an|auf|aus|bei|ein|fest|mit|nach|vor|weg|zurück|her|hin|dar|frei|fort|los|um|zu|bekannt|hinzu|hervor)?ge\w{3,}(t|en)$")
_ZU_INFIX = re.compile(r"^(ab|an|auf|aus|bei|ein|fest|mit|nach|vor|weg|zurück|her|hin|dar|frei|fort|los|um|durch|über|wieder|zusammen|bekannt|hinzu|heraus|herbei|voran)zu\w{3,}en$")
_NAME_PARTICLES = {"von", "van", "de", "del", "di", "da", "du", "zu", "vom"}
_NOT_SPEAKER_PRON = {"sich", "es", "das", "dies", "was", "man", "mir", "mich", "uns", "euch"}
_NOT_NOMINATIVE = {"den", "dem", "denen", "einen", "einem", "ihm", "ihn", "ihnen", "mir", "mich", "dir", "dich", "diesem", "diesen"}
_WERDEN = {"wird", "werden", "wurde", "wurden", "worden", "werde", "würde", "würden"}
_NOT_NP = {"VERB", "AUX", "ADV", "SCONJ", "PART", "CCONJ"}
_RELATIVE_AFTER_FRAME = {"dem", "der", "denen", "welchem", "welcher"}  # ", laut dem …", ", nach denen …"
_FINITE_TAGS = {"VVFIN", "VAFIN", "VMFIN", "VBD", "VBZ", "VBP"}  # the tagger mixes STTS and PTB tags
_GENITIVE_START = {"des", "der", "eines", "einer", "von", "vom", "seines", "seiner", "ihres", "ihrer"}
_AUXILIARIES = {"hat", "habe", "hatte", "hätte", "haben", "hatten", "ist", "sei", "war", "wurde", "wird", "werde", "würde", "soll", "solle", "will"}


def _finite_form(token: Token) -> bool:
    """Finite by its morphology, whatever part of speech the tagger gave it ("warnte" as an adjective)."""
    morph = token.morph
    return "Fin" in morph.get("VerbForm") or bool(morph.get("Mood")) or (bool(morph.get("Person")) and token.pos_ != "PRON")


def _finite_verb(token: Token) -> bool:
    return _finite_form(token) and token.pos_ not in ("NOUN", "PROPN", "PRON", "DET", "NUM")
