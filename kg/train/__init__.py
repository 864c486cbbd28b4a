"""Training recipe for the German spaCy pipeline shipped in kg/nlp/model (see docs/ner.md)."""
