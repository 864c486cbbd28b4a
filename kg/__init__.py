"""kg: German news articles into an event-centric RDF knowledge graph."""

__version__ = "0.1.0"
