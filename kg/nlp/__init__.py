"""The German spaCy pipeline used for extraction.

`load()` returns our own pipeline shipped in `kg/nlp/model` (see its README for data, licences and
scores), or any installed spaCy German pipeline by name or path, with kg's rule components added:
paragraph breaks as sentence starts, the gazetteer as an entity_ruler, and one label per name.
"""

from __future__ import annotations

import importlib.metadata
import json
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import KgError
from kg.gazetteer import load_gazetteer

if TYPE_CHECKING:  # spaCy takes seconds to import: only what loads a pipeline imports it
    from spacy.language import Language

MODEL_DIR = Path(__file__).parent / "model"


def load(model: str | Path | None = None) -> Language:
    """Load the extraction pipeline: `model` is None (ours), an installed package name, or a path."""
    import spacy

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
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        return f"{meta.get('name', path.name)} {meta.get('version', '')}".strip()
    try:
        return f"{model} {importlib.metadata.version(str(model))}"
    except importlib.metadata.PackageNotFoundError:
        return str(model)


def add_kg_components(nlp: Language) -> Language:
    """Add kg's rule components around a statistical pipeline (idempotent)."""
    from kg.nlp import components  # noqa: F401  (registers kg_paragraphs and kg_entity_vote)

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


def name_key(text: str) -> str:
    """"Putins" and "Putin" vote together: strip a genitive s from single names."""
    return text[:-1] if text.endswith("s") and " " not in text and len(text) > 4 else text
