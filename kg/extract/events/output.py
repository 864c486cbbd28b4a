"""A cluster of mentions as the typed model's Event: its trigger is the most informative mention,
the others are its mentions."""

from __future__ import annotations

import datetime as dt
import re

from kg.extract import german
from kg.extract.events.model import SEASON_VALUE, Cluster, Found
from kg.extract.events.view import Job
from kg.extract.text import SentenceIndex
from kg.model import Event, TimeValue


class EventWriter(Job):
    """Cluster -> Event."""

    def event(self, c: Cluster, sents: SentenceIndex) -> Event:
        """The event, keyed by its type and main trigger's offset, with its other triggers as mentions."""
        main = max(c.mentions, key=lambda f: (self._informative(f), -f.token.i))
        first = sents.mention(main.token.idx, main.token.idx + len(main.token))
        triggers = [sents.mention(g.token.idx, g.token.idx + len(g.token))
                    for f in c.mentions for g in [f, *f.group] if g is not main]
        triggers.sort(key=lambda m: m.start)
        date = None
        if c.date:
            stated = c.date_mention if not c.inferred else None  # an inferred date names no text
            mention = sents.mention(stated.start, stated.end) if stated else None
            date = TimeValue(_calendar(c.date), mention, timex=c.date)
        return Event(
            key=f"{c.type.name.lower()}-{first.start}",
            type=c.type.name,
            trigger=first,
            status=c.status,  # type: ignore[arg-type]
            date=date,
            place=c.place,
            participants=c.participants,
            duration=c.duration,
            mentions=triggers,
            code=c.type.plover,
            cameo=c.type.cameo,
            label=_label(c),
        )

    def _informative(self, f: Found) -> int:
        """How much a mention's sentence says about the event: its evidence is the best one."""
        return (2 * (f.date is not None) + (f.place is not None) + min(len(f.participants), 2) + f.supported
                + f.explicit - 3 * german.is_headline(self.doc, f.sentence[0]))


def _calendar(value: str) -> str:
    """A TIMEX3 value as a calendar date: a week ("2022-W03") becomes the month of its Thursday, a
    season ("2009-SU") its year."""
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        return dt.date.fromisocalendar(int(m[1]), int(m[2]), 4).strftime("%Y-%m")
    if m := SEASON_VALUE.fullmatch(value):
        return m[1]
    return value


def _label(c: Cluster) -> str:
    """The first noun trigger as written ("Telefonat"), else the type's German noun."""
    noun = next((f.token.text for f in c.mentions if f.kind == "noun" and f.type == c.type), None)
    return noun or c.type.label
