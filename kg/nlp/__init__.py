"""The German spaCy pipeline used for extraction.

`load()` returns our own pipeline shipped in `kg/nlp/model` (see its README for data, licences and
scores), or any installed spaCy German pipeline by name or path, with kg's rule components added:
paragraph breaks as sentence starts, the gazetteer as an entity_ruler, and one label per name.
"""

from __future__ import annotations

import importlib.metadata
from collections import Counter
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import KgError
from kg.gazetteer import load_gazetteer

MODEL_DIR = Path(__file__).parent / "model"


def load(model: str | Path | None = None) -> Language:
    """Load the extraction pipeline: `model` is None (ours), an installed package name, or a path."""
    name = model or MODEL_DIR
    try:
        nlp = spacy.load(name)
    except OSError as e:
        raise KgError(f"cannot load spaCy pipeline {str(name)!r}: {str(e).splitlines()[0]}") from None
    if "ner" not in nlp.pipe_names:
        raise KgError(f"spaCy pipeline {str(name)!r} has no 'ner' component")
    return add_kg_components(nlp)


def describe(model: str | Path | None = None) -> str:
    """"name version" of a pipeline without loading it (for the build's change detection)."""
    path = Path(model) if model else MODEL_DIR
    if (path / "meta.json").is_file():
        meta = spacy.util.load_meta(path / "meta.json")
        return f"{meta.get('name', path.name)} {meta.get('version', '')}".strip()
    try:
        return f"{model} {importlib.metadata.version(str(model))}"
    except importlib.metadata.PackageNotFoundError:
        return str(model)


def add_kg_components(nlp: Language) -> Language:
    """Add kg's rule components around a statistical pipeline (idempotent)."""
    if "kg_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("kg_paragraphs", first=True)
    if not nlp.has_pipe("parser") and not nlp.has_pipe("senter") and not nlp.has_pipe("sentencizer"):
        nlp.add_pipe("sentencizer", after="kg_paragraphs")
    if "kg_gazetteer" not in nlp.pipe_names:
        where = {"after": "ner"} if nlp.has_pipe("ner") else {}
        ruler = nlp.add_pipe("entity_ruler", name="kg_gazetteer", config={"overwrite_ents": True}, **where)
        ruler.add_patterns(load_gazetteer().ruler_patterns())
    if "kg_entity_vote" not in nlp.pipe_names:
        nlp.add_pipe("kg_entity_vote", after="kg_gazetteer")
    return nlp


SENTENCE_END = frozenset(".!?:;")
QUOTES = frozenset('"\'“”„«»‚‘’›‹)')


@Language.component("kg_paragraphs", assigns=["token.is_sent_start"])
def paragraphs(doc: Doc) -> Doc:
    """Sentence starts the parser must respect: after a line break always (headlines and subheads
    carry no full stop), and never after a token that cannot end a sentence ("Biden und Putin |
    hatten sich …" is one sentence)."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if before.is_space and "\n" in before.text:
            token.is_sent_start = True
        elif token.is_space and "\n" in token.text:
            token.is_sent_start = False  # the line break belongs to the sentence it ends
        elif not _may_end(doc, token.i - 1):
            token.is_sent_start = False
    return doc


def _may_end(doc: Doc, i: int) -> bool:
    """Can a sentence end with token i (a full stop, or a quote or bracket right after one)?"""
    while i >= 0 and doc[i].text in QUOTES:
        if i > 0 and (doc[i - 1].whitespace_ or doc[i - 1].is_space):
            return False  # '. "Wenn': an opening quote, the sentence starts before it
        i -= 1
    return i >= 0 and (doc[i].text[-1:] in SENTENCE_END or (doc[i].is_space and "\n" in doc[i].text))


def name_key(text: str) -> str:
    """"Putins" and "Putin" vote together: strip a genitive s from single names."""
    return text[:-1] if text.endswith("s") and " " not in text and len(text) > 4 else text


@Language.component("kg_entity_vote", assigns=["doc.ents"], requires=["doc.ents"])
def entity_vote(doc: Doc) -> Doc:
    """One name, one label per article: a name keeps the label most of its mentions got.

    A single name that ends a longer person name ("Biden" after "Joe Biden") votes with it.
    Gazetteer hits (with an entity id) are fixed and never relabelled.
    """
    persons = {e.text.split()[-1] for e in doc.ents if e.label_ == "PER" and " " in e.text}
    keys = [name_key(e.text) for e in doc.ents]
    votes: dict[str, Counter] = {}
    for ent, key in zip(doc.ents, keys):
        votes.setdefault(key, Counter())[ent.label_] += 3 if ent.ent_id_ else 1
        if key in persons:
            votes[key]["PER"] += 2
    ents = []
    for ent, key in zip(doc.ents, keys):
        label = votes[key].most_common(1)[0][0]
        if ent.ent_id_ or label == ent.label_:
            ents.append(ent)
        else:
            ents.append(doc.char_span(ent.start_char, ent.end_char, label=label) or ent)
    doc.ents = _propagate_surnames(doc, ents)
    return doc


def _propagate_surnames(doc: Doc, ents: list) -> list:
    """Once "Joe Biden" is a person, every "Biden" or "Bidens" of the article is a mention of him."""
    surnames = {e[-1].text for e in ents if e.label_ == "PER" and len(e) > 1 and e[-1].text[:1].isupper()}
    if not surnames:
        return ents
    covered = {i for e in ents for i in range(e.start, e.end)}
    extra = [
        doc[t.i : t.i + 1]
        for t in doc
        if t.i not in covered and (t.text in surnames or (t.text.endswith("s") and t.text[:-1] in surnames))
    ]
    for span in extra:
        span.label_ = "PER"
    return sorted([*ents, *extra], key=lambda e: e.start)
