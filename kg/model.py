"""The typed in-memory model between extraction and RDF.

Extractors produce these dataclasses; `kg.rdf` turns them into quads. Nothing here holds spaCy or
RDF objects, so every stage can be tested (and replaced) on its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

ENTITY_TYPES: tuple[str, ...] = ("Person", "Organization", "Country", "Place", "Group")


@dataclass(frozen=True, slots=True)
class Article:
    """One news article. `text` is what NLP sees: the title, a blank line, then the body."""

    id: str
    text: str
    source: str
    title: str | None = None
    published: dt.datetime | None = None
    url: str | None = None
    body_start: int = 0  # offset of the body in `text` (0 when there is no title)


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the article text, by character offsets into `Article.text`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Sentence(Span):
    index: int = 0


@dataclass(frozen=True, slots=True)
class Mention(Span):
    sentence: int = 0


@dataclass(frozen=True, slots=True)
class Role:
    """"US-Präsident Joe Biden": name "Präsident", of the entity keyed "Q30"."""

    name: str
    of: str | None  # key of another Entity in the same ArticleGraph
    evidence: Mention | None = None


@dataclass(slots=True)
class Entity:
    """One actor, organization, country, place or group of an article, with all its mentions.

    `key` is stable across articles: the Wikidata QID where known, else type and normalised label,
    so the same name in two articles becomes one node of the graph.
    """

    key: str
    type: str
    label: str
    wikidata: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    anonymous: bool = False
    stands_for: str | None = None  # metonymy: "Moskau" acting for the key of Russia


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A normalised date: TIMEX3 value ("2022-01-10", "2021-06") and the text it came from
    (None: inferred from the article date, for a reported past event the text does not date)."""

    value: str
    mention: Mention | None = None
    timex: str | None = None  # the TIMEX3 value when it is no calendar date ("2022-W03" -> value "2022-01")


@dataclass(slots=True)
class Event:
    key: str
    type: str
    trigger: Mention
    status: Literal["occurred", "planned", "hypothetical"] = "occurred"
    date: TimeValue | None = None
    place: str | None = None  # entity key
    participants: list[str] = field(default_factory=list)  # entity keys
    duration: str | None = None  # ISO 8601 duration, e.g. PT50M
    mentions: list[Mention] = field(default_factory=list)  # every trigger of the same event
    code: str | None = None  # PLOVER event type
    cameo: str | None = None  # CAMEO code (root or sub-code) where one fits
    label: str | None = None  # readable name: the first noun trigger ("Telefonat") or the type's German noun


@dataclass(slots=True)
class Claim:
    key: str
    type: str
    mode: Literal["direct", "indirect", "mixed", "reported"]
    cue: Mention | None
    content: Mention
    sentence: int
    speaker: str | None = None  # entity key
    addressee: list[str] = field(default_factory=list)
    via: str | None = None
    quote: Mention | None = None
    topics: list[str] = field(default_factory=list)  # entity or event keys
    reported_by: str | None = None  # a second speaker in the chain ("Uschakow reports that Putin …")
    code: str | None = None  # PLOVER code
    evidence: list[Mention] = field(default_factory=list)  # further sentences stating the same claim
    speaker_mention: Mention | None = None  # the words naming the speaker here ("Er", "ein US-Beamter")


@dataclass(slots=True)
class ArticleGraph:
    """Everything extracted from one article: the unit stored as one named graph."""

    article: Article
    sentences: list[Sentence]
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    pipeline: str = ""

    def entity(self, key: str) -> Entity | None:
        return next((e for e in self.entities if e.key == key), None)
