"""The shipped German pipeline (kg/nlp/model) and the corpus readers that train it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import spacy

from kg.train.corpora import (
    DEV_FILE, TRAIN_SOURCES, Sentence, gold_docs, map_label, sentence_to_doc, source_docs, tags_to_spans,
)

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "kg" / "nlp" / "model"
DATA = Path(os.environ.get("KG_DATA_DIR", ROOT / ".." / "shared" / "data"))

NEWS = (
    "Bundeskanzler Olaf Scholz ist am Montag in Paris mit dem französischen Präsidenten "
    "Emmanuel Macron zusammengetroffen. Die Europäische Union und die NATO wollen die "
    "Ukraine weiter unterstützen, sagte er. Siemens kündigte in München an, 500 Stellen "
    "abzubauen, wie die Gewerkschaft IG Metall mitteilte."
)


@pytest.fixture(scope="module")
def nlp():
    if not (MODEL / "config.cfg").exists():
        pytest.skip("kg/nlp/model not built (python scripts/train_ner.py)")
    return spacy.load(MODEL)


def test_entities_people_orgs_places(nlp):
    doc = nlp(NEWS)
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Olaf Scholz", "PER") in ents
    assert ("Emmanuel Macron", "PER") in ents
    assert ("Paris", "LOC") in ents
    assert ("München", "LOC") in ents
    assert {"ORG"} <= {label for _, label in ents}
    assert {e.label_ for e in doc.ents} <= {"PER", "ORG", "LOC", "MISC"}


def test_pos_morph_lemma_sents(nlp):
    doc = nlp(NEWS)
    assert len(list(doc.sents)) == 3
    sagte = next(t for t in doc if t.text == "sagte")
    assert sagte.pos_ == "VERB"
    assert sagte.lemma_ == "sagen"
    assert "Past" in sagte.morph.get("Tense")
    assert doc[0].pos_ in ("NOUN", "PROPN")


def test_konjunktiv_mood(nlp):
    doc = nlp("Der Minister sagte, die Regierung habe keine Fehler gemacht.")
    habe = next(t for t in doc if t.text == "habe")
    assert habe.morph.get("Mood") == ["Sub"]


def test_tags_to_spans_bioes_and_iob1():
    assert tags_to_spans(["B-PER", "E-PER", "O", "S-LOC"]) == [(0, 2, "PER"), (3, 4, "LOC")]
    assert tags_to_spans(["I-ORG", "I-ORG", "I-LOC"]) == [(0, 2, "ORG"), (2, 3, "LOC")]
    assert tags_to_spans(["B-PER", "B-PER", "O"]) == [(0, 1, "PER"), (1, 2, "PER")]


def test_label_mapping_drops_deriv_and_part():
    assert map_label("OTH") == "MISC"
    assert map_label("LOCderiv") is None
    assert map_label("ORGpart") is None
    assert map_label("GRT") == "ORG"
    doc = sentence_to_doc(spacy.blank("de").vocab,
                          Sentence(["Die", "deutsche", "Bahn", "AG"], ["O", "B-LOCderiv", "B-ORG", "I-ORG"]))
    assert [(e.text, e.label_) for e in doc.ents] == [("Bahn AG", "ORG")]


@pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data not available")
def test_readers_on_shared_data():
    vocab = spacy.blank("de").vocab
    dev = gold_docs(DATA / DEV_FILE, vocab)
    assert len(dev) == 2200
    assert sum(len(d.ents) for d in dev) > 2000
    blank = spacy.blank("de")
    uner = list(source_docs(DATA, TRAIN_SOURCES["uner-pud"], blank.vocab, blank.tokenizer))
    assert len(uner) == 1000
    assert {e.label_ for d in uner for e in d.ents} == {"PER", "ORG", "LOC"}
