"""Events of one article (issue 4): typed, dated, placed, with participants and status.

A trigger is a noun or verb from kg/data/event_types.jsonl ("Telefonat", "telefonierten",
"NATO-Osterweiterung": a compound counts by its head). For each trigger the clause around it gives

- the date: the temporal expression (kg.temporal, normalised against the article date) in the
  trigger's clause, nearest first; a reported past event without one happened on the article date;
- the place: a place in a locative phrase ("in Genf") of the clause or of the trigger's noun phrase;
- the participants: the trigger's own noun phrase ("Gespräche zwischen Russland und der NATO",
  "Einmarsch Russlands", "russischen Einmarsch in die Ukraine") and, for verbs and for nouns the
  clause's verb supports ("ein Videotelefonat geführt", "in einem Telefonat gewarnt"), the names of
  the clause, minus topics ("über den Ukraine-Konflikt"), sources ("nach Angaben des Kremls") and
  titles ("US-Präsident");
- the status: hypothetical under Konjunktiv II, conditionals and fear or warning ("warnte vor einem
  Einmarsch", "befürchtet, Russland könnte … angreifen"), planned under "wollen", "geplant",
  "sollen", future "werden" or a future date, else occurred.

Mentions of one event are merged: same type (or a type that absorbs it, e.g. "das Gespräch" after a
phone call) with compatible date, place, participants and status. The cue words are data too
(kg/data/event_cues.json, kg/data/german.json); docs/events.md describes the model.

Each job has its module: triggers (find), phrases (noun phrases), filters (what is no event),
status, dating, participants, merge, output; view holds what they share about the article.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span

from kg import temporal
from kg.extract import german
from kg.extract.entities import EntityIndex
from kg.extract.events.dating import Dating
from kg.extract.events.filters import TriggerFilter, group_clause
from kg.extract.events.lexicon import EventLexicon, event_lexicon
from kg.extract.events.merge import Merger
from kg.extract.events.model import Found
from kg.extract.events.output import EventWriter
from kg.extract.events.participants import Participants
from kg.extract.events.phrases import NounPhrases
from kg.extract.events.status import StatusReader
from kg.extract.events.tense import Tense
from kg.extract.events.triggers import TriggerFinder
from kg.extract.events.view import ArticleView
from kg.extract.text import SentenceIndex, doc_text
from kg.model import Event


class EventExtractor:
    """Callable: (doc, sentences, entities, article date) -> the article's events, in text order."""

    def __init__(self, lex: EventLexicon | None = None) -> None:
        self.lex = lex or event_lexicon()

    def __call__(self, doc: Doc, sents: SentenceIndex, entities: EntityIndex, anchor: dt.date | None) -> list[Event]:
        view = ArticleView(doc, entities, self.lex, anchor, _timexes(doc, anchor))
        jobs = _Jobs(view)
        found = [f for sent in german.sentences(doc) for f in jobs.sentence(sent)]
        return [jobs.writer.event(c, sents) for c in jobs.merger.merge(found)]


def _timexes(doc: Doc, anchor: dt.date | None) -> list[temporal.Timex]:
    """The article's temporal expressions, normalised against its date."""
    if anchor:
        return temporal.extract(doc_text(doc), anchor)
    # no article date: only dates that name their year ("am 10. Januar 2022") can be trusted
    return [tx for tx in temporal.extract(doc_text(doc), dt.date.today()) if re.search(r"\d{4}", tx.text)]


class _Jobs:
    """The jobs for one article: the sentence jobs in their order, then merging and output."""

    def __init__(self, view: ArticleView) -> None:
        tense = Tense(view)
        self.finder = TriggerFinder(view)
        self.phrases = NounPhrases(view)
        self.filter = TriggerFilter(view)
        self.dating = Dating(view, tense)
        self.status = StatusReader(view, tense, self.dating)
        self.participants = Participants(view, tense, self.phrases)
        self.merger = Merger(view)
        self.writer = EventWriter(view)

    def sentence(self, sent: Span) -> list[Found]:
        """The sentence's events: triggers with their phrases, minus what is no event, grouped by
        clause, each with frame, status, date, place and participants."""
        found = self.finder.find(sent)
        for f in found:
            self.phrases.read(f)
        self.phrases.mark_embedded(found)
        found = group_clause(self.filter.keep(found, sent))
        for f in found:
            self.status.frame(f)
            self.status.read(f)
            self.dating.date(f)
            self.participants.read(f, found)
        return found
