"""What the event extractor builds along the way: a trigger in its clause (Found), the mentions
of one event (Cluster), and the days a date covers (Interval)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from kg import temporal
from kg.extract.events.lexicon import EventType

RECENT = 7  # days before the article an undated reported event may have happened


SEASONS = {"SP": 3, "SU": 6, "FA": 9, "AU": 9, "WI": 12}  # TIMEX3 seasons: the first month of each
SEASON_VALUE = re.compile(rf"(\d{{4}})-({'|'.join(SEASONS)})")  # "2009-SU": a season of a year


@dataclass(slots=True)
class Interval:
    """The days a TIMEX3 value covers, for "is 2022-01-10 compatible with 2022-01?"."""

    first: dt.date
    last: dt.date

    @classmethod
    def of(cls, value: str, slack: int = 0) -> Interval | None:
        pad = dt.timedelta(days=slack)
        try:
            if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2}).*", value):
                day = dt.date(*map(int, m.groups()))
                return cls(day - pad, day + pad)
            if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
                first = dt.date(int(m[1]), int(m[2]), 1)
                nxt = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
                return cls(first, nxt - dt.timedelta(days=1))
            if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
                first = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
                return cls(first, first + dt.timedelta(days=6))
            if m := re.fullmatch(r"(\d{4})", value):
                return cls(dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31))
            if m := SEASON_VALUE.fullmatch(value):  # "im Sommer 2009": its months
                first_month = SEASONS[m[2]]
                first = dt.date(int(m[1]), first_month, 1)
                last = dt.date(int(m[1]) + (first_month == 12), (first_month + 2) % 12 + 1, 1)
                return cls(first, last - dt.timedelta(days=1))
        except ValueError:
            return None
        return None

    def overlaps(self, other: Interval) -> bool:
        return self.first <= other.last and other.first <= self.last

    @property
    def days(self) -> int:
        return (self.last - self.first).days


@dataclass(slots=True)
class Found:
    """One trigger in its clause, with what the clause says about it."""

    type: EventType
    token: Token
    kind: str  # "noun" or "verb"
    light: bool = False
    sentence: tuple[int, int] = (0, 0)  # token range of the sentence
    segment: tuple[int, int] = (0, 0)  # comma-delimited part of the sentence
    clause: tuple[int, int] = (0, 0)  # the segment cut at "und zuletzt …"-like coordination
    np: tuple[int, int] = (0, 0)  # the trigger's noun phrase (nouns) or the token itself (verbs)
    prep: str | None = None  # the preposition that governs the noun phrase
    definite: bool = False
    fresh: bool = False  # "ein weiteres Treffen": never an earlier event
    compared: bool = False  # "ähnlich wie Zyklon Larry": another event, real whatever the clause's mood
    indefinite: bool = False  # "bei einem Brand": a new event, unless the headline named it
    supported: bool = False  # the clause's subject and objects take part (verbs, "in einem Telefonat")
    embedded: bool = False  # inside another trigger's phrase ("Verhandlungen über … des Atomabkommens")
    status: str = "occurred"
    explicit: bool = False  # status marked in the text, not the default
    date: temporal.Timex | None = None
    inferred: bool = False  # date is the article date (reported past event without a date)
    place: str | None = None
    participants: list[str] = field(default_factory=list)
    duration: str | None = None
    group: list[Found] = field(default_factory=list)  # further triggers of the same clause event


@dataclass(slots=True)
class Cluster:
    """Mentions of one event across the article."""

    type: EventType
    mentions: list[Found]
    status: str
    explicit: bool
    date: str | None
    date_mention: temporal.Timex | None
    inferred: bool
    place: str | None
    participants: list[str]
    duration: str | None
