"""Merging: the mentions of one event across the article become one cluster — same type (or a type
that absorbs the other, "das Gespräch" after a phone call) with compatible status, place, date
and participants. An indefinite noun ("bei einem Brand") or "ein weiteres Treffen" starts a new one."""

from __future__ import annotations

from kg.extract import german
from kg.extract.events.model import RECENT, Cluster, Found, Interval
from kg.extract.events.filters import cause
from kg.extract.events.view import Job

TOLL_SENTENCES = 2  # how far back the happening may be told whose toll a bare "wurden … getötet" is


class Merger(Job):
    """Clusters an article's triggers, in text order; each joins the latest cluster it fits."""

    def merge(self, found: list[Found]) -> list[Cluster]:
        """The article's events, in the order of their first mention."""
        clusters: list[Cluster] = []
        for f in found:
            target = None if f.fresh else next((c for c in reversed(clusters) if self._compatible(c, f)), None)
            if target is None:
                clusters.append(self._new(f))
            else:
                self._absorb(target, f)
        return clusters

    def _new(self, f: Found) -> Cluster:
        """An event first mentioned by f."""
        c = Cluster(f.type, [f], f.status, f.explicit, None, None, False, f.place, list(f.participants), f.duration)
        self._set_date(c, f)
        return c

    def _set_date(self, c: Cluster, f: Found) -> None:
        """The narrowest date a mention gives wins; a stated date beats an inferred one."""
        if f.date is not None:
            if c.date and f.inferred and not c.inferred:
                return  # a date the text gives this event beats the story's date
            new = Interval.of(f.date.value)
            old = Interval.of(c.date) if c.date and c.inferred == f.inferred else None
            if old is None or (new and new.days < old.days):
                c.date, c.date_mention, c.inferred = f.date.value[:10], f.date, f.inferred
        elif f.inferred and c.date is None and self.view.anchor:
            c.date, c.inferred = self.view.anchor.isoformat(), True

    def _absorb(self, c: Cluster, f: Found) -> None:
        """f is one more mention of c: it may make the type more specific and fill what c lacks."""
        c.mentions.append(f)
        # "das Hochwasser" after "wurden 41 Menschen getötet": the toll was the flood's
        if f.type.specificity >= c.type.specificity and c.type.name in f.type.absorbs:
            c.type = f.type
        if f.explicit and not c.explicit:
            c.status, c.explicit = f.status, True
        self._set_date(c, f)
        c.place = c.place or f.place
        c.participants += [k for k in f.participants if k not in c.participants and k != c.place]
        c.duration = c.duration or f.duration

    def _compatible(self, c: Cluster, f: Found) -> bool:
        """f may mention the event c: types, status, place, dates and participants agree."""
        if c.mentions[0].compared and not set(f.participants) & set(c.participants):
            return False  # the event compared with is named by its own names ("Larry"), not by "der Zyklon"
        headline = self._headline(c)
        if f.indefinite and not headline and not (set(f.participants) & set(c.participants)):
            return False  # an indefinite noun introduces an event, unless a headline or its participants name it
        if c.type != f.type and not self._type_fits(c, f):
            return False
        if c.explicit and f.explicit and c.status != f.status:
            return False
        if c.place and f.place and c.place != f.place and not headline and not self._toll(c, f):
            return False  # a headline names the event in short, its place may be wider ("im Westen Chinas")
        if not self._dates_fit(c, f):
            return False
        if headline and c.type == f.type:
            return True  # the lead tells the headline's event; the headline's names may be loose
        return self._participants_fit(c.participants, f.participants)

    def _type_fits(self, c: Cluster, f: Found) -> bool:
        """A mention of another type joins when one type absorbs the other and the actors agree, or
        as an anaphor ("das Gespräch"), which brings no status or date of its own."""
        if not (f.type.name in c.type.absorbs or c.type.name in f.type.absorbs):
            return False
        same_actors = bool(f.participants and c.participants)
        if self._toll(c, f) or (self._headline(c) and (
                c.type.name in f.type.absorbs or (f.kind == "verb" and f.type.name in c.type.absorbs))):
            # "Piraten ertrinken" in the headline, "Ein Boot ist gekentert" in the lead; "Polizei spricht
            # von Suizid", then "ist … gestorben" (a verb; the participants must still agree)
            return True
        if not same_actors and not (f.definite and f.kind == "noun"):
            return False
        own_news = (f.explicit and not c.explicit and f.status != "occurred") or (f.date and not c.date)
        return not (not same_actors and own_news)

    def _headline(self, c: Cluster) -> bool:
        """Only the headline has named the event so far."""
        return all(german.is_headline(self.doc, m.sentence[0]) for m in c.mentions)

    def _toll(self, c: Cluster, f: Found) -> bool:
        """"Dabei wurden 41 Menschen getötet", "In Zentralvietnam starben 41 Menschen": a death or
        killing with no one named, told right after a flood, fire or clash, is its toll (in any
        of the places it struck)."""
        if not (f.kind == "verb" and not f.participants and f.type.name in c.type.absorbs):
            return False
        here = [m for m in c.mentions if m.sentence == f.sentence]
        if here and all(cause(m) for m in here):
            return False  # "wegen ihrer Beteiligung an den Unruhen hingerichtet": what the act is for
        last = max(m.sentence[1] for m in c.mentions)
        starts = {self.view.sent_start[i] for i in range(last, f.sentence[0])}
        return len(starts) <= TOLL_SENTENCES

    def _dates_fit(self, c: Cluster, f: Found) -> bool:
        """The dates overlap; an inferred date (the article's day) is a guess: a date in the week
        before may replace it."""
        if not (c.date and (f.date or f.inferred)):
            return True
        a = Interval.of(c.date, RECENT if c.inferred and c.date_mention is None else 0)
        b = Interval.of(f.date.value if f.date else self.view.anchor.isoformat(), 0 if f.date else RECENT)
        return not (a and b and not a.overlaps(b))

    def _participants_fit(self, a: list[str], b: list[str]) -> bool:
        """One side's participants are all among the other's (a person counts as their country too)."""
        if not a or not b:
            return True
        small, large = (a, b) if len(a) <= len(b) else (b, a)
        wide = set()
        for k in large:
            wide |= self._expand(k)
        return all(self._expand(k) & wide for k in small)

    def _expand(self, key: str) -> set[str]:
        """A key, the countries its roles are of, and persons whose names share a word with it
        ("Putin" in a headline tagged "Putin Drohgebärden")."""
        index = self.view.index
        entity = index.by_key.get(key)
        out = {key}
        if entity:
            out |= {r.of for r in entity.roles if r.of}
            if entity.type == "Person":
                words = {w for w in entity.label.split() if len(w) > 2}
                out |= {e.key for e in index.entities if e.type == "Person" and words & set(e.label.split())}
        return out
