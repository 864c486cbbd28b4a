"""Events of one article: typed, dated, placed, with participants and status (docs/events.md)."""

from kg.extract.events.extractor import EventExtractor

__all__ = ["EventExtractor"]
