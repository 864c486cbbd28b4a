"""Dates and durations of triggers: the temporal expression (kg.temporal, normalised against the
article date) of the trigger's clause, segment or relative clause, else the scene the sentence
sets, else for a reported past event the date the story is at (inferred)."""

from __future__ import annotations

import datetime as dt
import re

from kg import temporal
from kg.extract import german
from kg.extract.events.model import RECENT, Found, Interval
from kg.extract.events.tense import Tense
from kg.extract.events.view import ArticleView, Job

DATE_TYPES = {"DATE", "TIME"}
CLOCK = re.compile(r"(?:\w+\s+)?[\d.:]+\s*Uhr")  # "um 19 Uhr": the story's day, whatever day kg.temporal gives
STORY_SENTENCES = 2  # how far back a date still sets the story's time


class Dating(Job):
    """Sets a trigger's date (and whether it is inferred) and duration."""

    def __init__(self, view: ArticleView, tense: Tense) -> None:
        super().__init__(view)
        self.tense = tense

    def date(self, f: Found) -> None:
        """Date from the clause, else the segment (see date_of), else the scene the sentence sets
        before the trigger's part ("Das Militär hat am Freitag … übernommen, die Regierung verhängte
        nach einer Kabinettssitzung …"). A reported past event
        with no date in its sentence happened when the story is (the date the paragraph told last:
        "Am Samstag zogen 9000 Menschen … Gleichzeitig trafen sich …"), else on the article's day if
        the story is not set in an earlier time; both dates are marked inferred."""
        f.date = self.date_of(f)
        # "am 16. Juni, kurz vor dem Referendum": the event the date is measured from is not on it
        reference = f.kind == "noun" and f.definite and not f.supported and f.prep in self.lex.cue("reference_preps")
        if f.date is None and not f.embedded and not reference:
            scene = self._nearest_timex(f, (f.sentence[0], f.segment[0]))  # the scene the sentence sets
            f.date = scene if scene is None or not self._dates_report(f, scene) else None
        # "Die letzte Parade fand 2001 statt. Damals waren Teilnehmer zusammengeschlagen worden": "damals"
        # sets the event at the story's time, whatever the tense
        then = any(self.doc[i].lower_ in self.lex.cue("then") for i in range(*f.clause))
        if f.date is None and self.view.anchor and f.status == "occurred" and (then or (
                f.explicit and f.supported and not self.tense.pluperfect(self.tense.span(f)))):
            f.date = self._shifted(self._story_date(f), self._measured_offset(f))
            f.inferred = f.date is not None or self._story_is_recent(f)
        self._duration(f)

    def _duration(self, f: Found) -> None:
        """The first duration of the clause (else the segment), unless it dates a start or an end
        ("seit zwei Wochen", "vor drei Tagen")."""
        for span in (f.clause, f.segment):
            durations = self._in_span(span, {"DURATION"})
            if durations:
                dur = durations[0]
                if german.word_before(self.view.text, dur.start) not in self.lex.cue("duration_blockers") \
                        and dur.value.startswith("P"):
                    f.duration = dur.value
                break

    def date_of(self, f: Found) -> temporal.Timex | None:
        """The trigger's date from its clause, else its segment; a noun in a phrase the clause does not
        support, or inside another trigger's phrase, only has the dates of its own phrase
        ("Widerstand gegen den Beitritt", "Verhandlungen über … des Atomabkommens")."""
        if _restricted(f):
            tx = self._nearest_timex(f, f.np)
        else:
            tx = (self._nearest_timex(f, f.clause) or self._nearest_timex(f, f.segment)
                  or self._nearest_timex(f, self._relative_clause(f)) or self._nearest_timex(f, self._when_clause(f)))
        return self._forward(f, tx) if tx else None

    def _forward(self, f: Found, tx: temporal.Timex) -> temporal.Timex:
        """A bare weekday in a clause in the present tense lies ahead ("Am Montag trifft sich der
        Rat" in a Friday article); kg.temporal reads it back unless a cue word says future. After
        "vom" it lies behind ("die Wahl vom Sonntag")."""
        if not self.view.anchor or not self.tense.present(self.tense.span(f)):
            return tx
        if german.word_before(self.view.text, tx.start) in self.lex.cue("past_preps"):
            return tx  # "die Wahl vom Sonntag": the Sunday that was
        return temporal.weekday_forward(tx, self.view.anchor) or tx

    def _relative_clause(self, f: Found) -> tuple[int, int]:
        """The relative clause right after a noun trigger's segment ("ein Busunfall, der sich am
        Montag ereignete"), else an empty span."""
        i = f.segment[1] + 1
        if f.kind != "noun" or f.np[1] < f.segment[1] or i >= f.sentence[1] \
                or not german.is_relative_pronoun(self.doc[i]):
            return (i, i)
        end = next((j for j in range(i, f.sentence[1]) if self.doc[j].text in german.SEGMENT_BOUNDARIES),
                   f.sentence[1])
        return (i, end)

    def _dates_report(self, f: Found, tx: temporal.Timex) -> bool:
        """The date is in a part of the sentence with a verb of saying ("berichtete gestern von
        einer Initiative, die …"): it dates the report, not what the report is about."""
        span = self.view.span_of(tx)
        sent = self.doc[f.sentence[0]:f.sentence[1]]
        seg = next((s for s in german.segments(sent) if span is not None and s[0] <= span.start < s[1]), None)
        return seg is not None and bool(set(self.view.words(seg)) & self.lex.cue("speech_verbs"))

    def _when_clause(self, f: Found) -> tuple[int, int]:
        """The temporal clause right after the trigger's segment ("wurde erschlagen, als er am 7.
        Januar eine Demonstration filmte"): it happened then. Else an empty span."""
        i = f.segment[1] + 1
        if i >= f.sentence[1] or self.doc[i].lower_ not in self.lex.cue("when_conjunctions") \
                or self.doc[f.segment[1]].text != ",":
            return (i, i)
        end = next((j for j in range(i, f.sentence[1]) if self.doc[j].text in german.SEGMENT_BOUNDARIES),
                   f.sentence[1])
        return (i, end)

    def _in_span(self, span: tuple[int, int], kinds: set[str]) -> list[temporal.Timex]:
        """The timexes of the given types inside the token range."""
        if span[1] <= span[0]:
            return []
        lo, hi = self.doc[span[0]].idx, self.doc[span[1] - 1].idx + len(self.doc[span[1] - 1])
        return [tx for tx in self.view.timexes if tx.type in kinds and lo <= tx.start and tx.end <= hi]

    def _calendar_date(self, tx: temporal.Timex) -> bool:
        """A day, month, week or year the event can be on (not a start: "seit dem 3. Mai")."""
        return Interval.of(tx.value) is not None and not self._since(tx) and not self._compared(tx)

    def _since(self, tx: temporal.Timex) -> bool:
        """The date follows "seit" ("seit dem 4. März", "seit dem vergangenen Samstag"): when
        something started, not when the event was."""
        words = self.view.text[max(0, tx.start - 60):tx.start].lower().split()[-3:]
        while words and words[-1] in self.lex.cue("definite") | self.lex.cue("since_skips"):
            words.pop()
        return bool(words) and words[-1] in self.lex.cue("since")

    def _compared(self, tx: temporal.Timex) -> bool:
        """The date is what something is compared with ("fairer als im Jahr 2000", "so hoch wie
        2010"): another time than the event's."""
        words = self.view.text[max(0, tx.start - 60):tx.start].lower().split()[-3:]
        if words and words[-1] in self.lex.cue("locative_preps"):
            words.pop()
        if len(words) < 2 or words[-1] not in self.lex.cue("comparison_conjunctions"):
            return False
        return words[-2] in self.lex.cue("comparison_words") or (words[-1] == "als" and words[-2].endswith("er"))

    def _nearest_timex(self, f: Found, span: tuple[int, int]) -> temporal.Timex | None:
        """The calendar date (day, month, week or year) in the span closest to the trigger."""
        lo, hi = f.token.idx, f.token.idx + len(f.token)
        dated = [tx for tx in self._in_span(span, DATE_TYPES)
                 if self._calendar_date(tx) and not CLOCK.fullmatch(tx.text) and not self._of_other_noun(tx, f)]
        return min(dated, key=lambda tx: (not self._attached(tx, f), max(tx.start - hi, lo - tx.end)), default=None)

    def _of_other_noun(self, tx: temporal.Timex, f: Found) -> bool:
        """The date follows "vom" (or "bis", "für") after another noun ("gegen das Ergebnis der
        Präsidentenwahl vom 12. Juni demonstriert"): it is that noun's date, not the trigger's."""
        span = self.view.span_of(tx)
        if span is None or span.start < 2:
            return False
        prep = self.doc[span.start - 1].lower_
        noun = self.doc[span.start - 2]
        if prep in self.lex.cue("of_noun_preps"):
            # "den Haushalt für 2011": the budget's year, when the parser hangs the date on that noun
            # (not "ein Treffen der Minister für Montag")
            if span.root.head.i != noun.i:
                return False
        elif prep not in self.lex.cue("past_preps") | self.lex.cue("end_preps"):
            # "vom": "die Wahl vom Sonntag"; "bis": "einen Vertrag bis 2007", the contract's end
            return False
        if noun.i - 2 == f.token.i and self.doc[noun.i - 1].lower_ in self.lex.cue("locative_preps") \
                and self.view.pos(noun) == "PROPN":
            return False  # "des Terroranschlags in Norwegen vom 22. Juli": the place is the trigger's
        return noun.i != f.token.i and self.view.pos(noun) in ("NOUN", "PROPN") and noun.i not in self.view.timex_at

    def _attached(self, tx: temporal.Timex, f: Found) -> bool:
        """The parser hangs the date on the trigger (or on the verb that supports a noun trigger)."""
        span = self.view.span_of(tx)
        if span is None or not self.doc.has_annotation("DEP"):
            return False
        head = span.root.head
        return head.i == f.token.i or (f.kind == "noun" and f.supported and head.i == f.token.head.i)

    def _story_date(self, f: Found) -> temporal.Timex | None:
        """The date the story is at: the last one named in the STORY_SENTENCES sentences (as ". "
        ends them) before the trigger's, within its paragraph, and not after the article's."""
        text = self.view.text
        paragraph = text.rfind("\n", 0, f.token.idx) + 1
        start = end = self.doc[f.sentence[0]].idx
        for _ in range(STORY_SENTENCES):
            start = max(paragraph, text.rfind(". ", paragraph, max(paragraph, start - 2)))
        # a date ahead of the article is a plan's ("soll am 3. September eröffnet werden"), not the
        # time of what happened
        before = [tx for tx in self.view.timexes if start <= tx.start and tx.end <= end and tx.type in DATE_TYPES
                  and self._calendar_date(tx) and Interval.of(tx.value).first <= self.view.anchor]
        return before[-1] if before else None

    def _measured_offset(self, f: Found) -> int:
        """Days a duration before "nach"/"vor" + article sets the event from the one the story is at
        ("Einen Tag nach dem Anschlag demonstrierten …": +1; "zwei Wochen vor der Wahl": -14)."""
        for tx in self._in_span(f.segment, {"DURATION"}):
            span = self.view.span_of(tx)
            m = re.fullmatch(r"P(\d+)([DW])", tx.value)
            if span is None or m is None or span.end + 1 >= f.segment[1]:
                continue
            prep, article = self.doc[span.end], self.doc[span.end + 1]
            if prep.lower_ in self.lex.cue("reference_preps") and article.lower_ in self.lex.cue("definite"):
                days = int(m[1]) * (7 if m[2] == "W" else 1)
                return days if prep.lower_ == "nach" else -days
        return 0

    @staticmethod
    def _shifted(tx: temporal.Timex | None, days: int) -> temporal.Timex | None:
        """The story's day moved by the days a duration measures from it (only a day moves)."""
        if tx is None or not days or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", tx.value):
            return tx
        day = dt.date.fromisoformat(tx.value) + dt.timedelta(days=days)
        return temporal.Timex(tx.start, tx.end, tx.text, tx.type, day.isoformat(), tx.mod)

    def _story_is_recent(self, f: Found) -> bool:
        """The last date before the trigger in its paragraph (the story's time) is within a week of
        the article ("Am 8. Juli 1982 scheiterte ein Attentat …, er ließ das Dorf bombardieren")."""
        paragraph = self.view.text.rfind("\n", 0, f.token.idx) + 1
        before = [tx for tx in self.view.timexes
                  if paragraph <= tx.start and tx.end <= f.token.idx and tx.type in DATE_TYPES]
        interval = Interval.of(before[-1].value) if before else None
        return interval is None or interval.last >= self.view.anchor - dt.timedelta(days=RECENT)


def _restricted(f: Found) -> bool:
    """A noun in a phrase the clause does not support, or inside another trigger's phrase."""
    return f.kind == "noun" and not f.supported and (f.prep is not None or f.embedded)
