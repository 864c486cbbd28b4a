"""The entities of an article, looked up by the other extractors by text position."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from kg.model import Entity


@dataclass
class EntityIndex:
    """The entities of an article and which entity a piece of text mentions."""

    entities: list[Entity]
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, key), sorted
    article_id: str = ""

    def __post_init__(self) -> None:
        self._reindex()

    def _reindex(self) -> None:
        self.spans = sorted((m.start, m.end, e.key) for e in self.entities for m in e.mentions)
        self.by_key = {e.key: e for e in self.entities}
        self._starts = [s for s, _, _ in self.spans]

    def adopt(self, entity: Entity) -> str:
        """Hook for the claims extractor: a speaker named by a common noun that no recogniser took
        for an actor ("einer Bauerngewerkschaft", "Augenzeugen") becomes an entity, since a claim's
        author must be one. Mentions join an entity with the same key. Returns the key."""
        known = self.by_key.get(entity.key)
        if known is None:
            self.entities.append(entity)
        else:
            known.mentions = sorted(set(known.mentions) | set(entity.mentions), key=lambda m: (m.start, m.end))
        self._reindex()
        return entity.key

    def at(self, start: int, end: int) -> list[str]:
        """Keys of the entities mentioned inside [start, end), in text order, without repeats."""
        i = bisect_left(self._starts, start)
        keys = [k for s, e, k in self.spans[i:] if s < end and e <= end]
        return list(dict.fromkeys(keys))

    def actor(self, key: str) -> str:
        """The key an entity acts for: "Moskau" as speaker means Russia."""
        entity = self.by_key.get(key)
        return entity.stands_for if entity and entity.stands_for in self.by_key else key
