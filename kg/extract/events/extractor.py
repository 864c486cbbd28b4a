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
(kg/data/event_cues.json); docs/events.md describes the model.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span as SpacySpan, Token

from kg import temporal
from kg.extract.entities import EntityIndex
from kg.extract.events.lexicon import EventLexicon, EventType, event_lexicon
from kg.extract.text import SentenceIndex, doc_text
from kg.lexicon import lexicon
from kg.model import Event, Mention, TimeValue

BOUNDARIES = {",", ";", ":", "–", "—"}
END_CHARS = set(".!?:\"“”»«')")
COORDINATORS = {"und", "oder", "sowie", "aber", "sondern", "doch"}
CLAUSE_STARTS = {"ADV", "ADP", "VERB", "AUX", "PART", "SCONJ", "X"}  # after "und": a new clause, not a name
NP_POS = {"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"}
DATE_TYPES = {"DATE", "TIME"}
DURATION_BLOCKERS = {"seit", "vor", "nach", "in", "binnen", "innerhalb", "bis", "ab", "für"}
MAX_NP = 14  # tokens a noun phrase may reach after its trigger
RECENT = 7  # days before the article an undated reported event may have happened
QUOTATION = re.compile(r"[„“\"»][^„“”\"»«\n]*[“”\"«]")
QUOTED_WORDS = 4  # a quotation this long is what a speaker said (a claim); a shorter one is a scare quote
CLOCK = re.compile(r"(?:\w+\s+)?[\d.:]+\s*Uhr")  # "um 19 Uhr": the story's day, whatever day kg.temporal gives
STORY_SENTENCES = 2  # how far back a date still sets the story's time


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


class EventExtractor:
    """Callable: (doc, sentences, entities, article date) -> the article's events, in text order."""

    def __init__(self, lex: EventLexicon | None = None) -> None:
        self.lex = lex or event_lexicon()

    def __call__(self, doc: Doc, sents: SentenceIndex, entities: EntityIndex, anchor: dt.date | None) -> list[Event]:
        if anchor:
            timexes = temporal.extract(doc_text(doc), anchor)
        else:  # no article date: only dates that name their year ("am 10. Januar 2022") can be trusted
            timexes = [tx for tx in temporal.extract(doc_text(doc), dt.date.today()) if re.search(r"\d{4}", tx.text)]
        ctx = _Context(doc, entities, self.lex, anchor, timexes)
        found: list[Found] = []
        for sent in _sentences(doc):
            found += ctx.sentence(sent)
        clusters = ctx.merge(found)
        return [ctx.event(c, sents) for c in clusters]


class _Context:
    """Per-article state: the tokens' entity mentions, timexes and the lexicon."""

    def __init__(self, doc: Doc, index: EntityIndex, lex: EventLexicon, anchor: dt.date | None,
                 timexes: list[temporal.Timex]) -> None:
        self.doc, self.index, self.lex, self.anchor = doc, index, lex, anchor
        self.text = doc_text(doc)
        self.timexes = timexes
        self.sent_start = {t.i: sent.start for sent in doc.sents for t in sent}
        self.has_pos = doc.has_annotation("POS")
        self.mention_at: dict[int, tuple[int, int, str]] = {}  # token index -> (first, end token, key)
        self.partial: set[int] = set()  # tokens whose mention is only a compound's first part ("US-Dollar")
        for start, end, key in index.spans:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            if span.end_char != end:
                self.partial.add(span[-1].i)
            for t in span:
                current = self.mention_at.get(t.i)
                if current is None or current[1] - current[0] < len(span):
                    self.mention_at[t.i] = (span.start, span.end, key)
        self.timex_at: dict[int, temporal.Timex] = {}
        for tx in timexes:
            span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
            for t in span or []:
                self.timex_at[t.i] = tx
        self.modifiers = self._modifier_tokens()
        self.quoted = [(m.start(), m.end()) for m in QUOTATION.finditer(self.text)
                       if len(m[0].split()) >= QUOTED_WORDS]

    # --- tokens ---------------------------------------------------------------------------

    def pos(self, t: Token) -> str:
        if self.has_pos:
            return t.pos_
        if t.is_punct:
            return "PUNCT"
        if t.lower_ in self.lex.cue("definite") or t.lower_ in {"ein", "eine", "einem", "einen", "einer", "eines"}:
            return "DET"
        return "NOUN" if t.text[:1].isupper() else "X"

    def is_verb(self, t: Token) -> bool:
        return self.pos(t) in ("VERB", "AUX")

    def is_prep(self, t: Token) -> bool:
        if self.has_pos:
            return self.pos(t) == "ADP"
        cue = self.lex.cue
        return t.lower_ in cue("participant_preps") | cue("locative_preps") | cue("topic_preps") | {"vor", "für"}

    def _modifier_tokens(self) -> set[int]:
        """Tokens of titles before a person ("US-Präsident", "russischen Staatschef", "Russland
        Staatschef", "Putins Berater"): the country or owner there is no participant of its own."""
        roles = lexicon()
        out: set[int] = set()
        for entity in self.index.entities:
            if entity.type != "Person":
                continue
            for m in entity.mentions:
                span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                j = span.start - 1
                if j < 0:
                    continue
                title = self.doc[j]
                # a role noun, or any common noun in apposition ("Kremlchef Wladimir Putin", "Machthaber …")
                if not roles.role(title.text.rpartition("-")[2]) and not (
                        self.has_pos and title.pos_ == "NOUN" and j not in self.mention_at
                        and title.text[:1].isupper() and not self._is_trigger_noun(title)):
                    continue
                out.add(j)
                j -= 1
                while j >= 0 and (self.pos(self.doc[j]) == "ADJ" or j in self.mention_at):
                    if j in self.mention_at:
                        first, _, key = self.mention_at[j]
                        out.update(range(first, j + 1))
                        j = first - 1
                    else:
                        out.add(j)
                        j -= 1
        return out

    # --- one sentence ---------------------------------------------------------------------------

    def sentence(self, sent: SpacySpan) -> list[Found]:
        segments = self._segments(sent)
        found = []
        for seg in segments:
            for clause in self._clauses(seg):
                for i in range(*clause):
                    f = self._trigger(self.doc[i], seg)
                    if f:
                        f.sentence, f.segment, f.clause = (sent.start, sent.end), seg, clause
                        found.append(f)
        for f in found:
            self._noun_phrase(f)
        for f in found:
            f.embedded = f.kind == "noun" and (self._genitive_attribute(f) or any(
                g is not f and g.kind == "noun" and g.np[0] <= f.token.i < g.np[1] and g.token.i < f.token.i
                for g in found))
        conditions = self._conditions(sent)
        found = [f for f in found if not self._blocked(f) and not self._negated(f) and f.token.i not in conditions
                 and not any(a < f.token.idx < b for a, b in self.quoted)]  # a quotation is the speaker's claim
        found = self._group_clause(found)
        for f in found:
            self._frame(f)
            self._status(f)
            self._when(f)
            self._where_who(f, found)
        return found

    def _segments(self, sent: SpacySpan) -> list[tuple[int, int]]:
        out, start = [], sent.start
        for t in sent:
            if t.text in BOUNDARIES:
                if t.i > start:
                    out.append((start, t.i))
                start = t.i + 1
        if start < sent.end:
            out.append((start, sent.end))
        return out

    def _clauses(self, seg: tuple[int, int]) -> list[tuple[int, int]]:
        """A segment cut before "und"/"oder" that joins clauses, not names ("und zuletzt am 7. Dezember …")."""
        out, start = [], seg[0]
        for i in range(seg[0] + 1, seg[1] - 1):
            t, nxt = self.doc[i], self.doc[i + 1]
            if t.lower_ in COORDINATORS and i > start and self.pos(nxt) in CLAUSE_STARTS:
                if nxt.i in self.mention_at or nxt.i in self.timex_at and self.pos(nxt) != "ADP":
                    continue
                out.append((start, i))
                start = i + 1
        out.append((start, seg[1]))
        return out

    def _trigger(self, t: Token, seg: tuple[int, int]) -> Found | None:
        """A noun (capitalised, by its head) or verb form of the lexicon, with its particle and needs met."""
        if not t.is_alpha and "-" not in t.text:
            return None
        if t.text[:1].isupper() and not (t.is_sent_start and self.is_verb(t)):
            noun = self.lex.noun(t.text)
            if noun and (not self.has_pos or self.pos(t) in ("NOUN", "PROPN", "X", "ADJ")) and not (
                    t.i > seg[0] and self.doc[t.i - 1].lower_ in noun.not_after):
                return Found(noun.type, t, "noun")
            return None
        lower = t.lower_
        if self.has_pos and not self._verbal(t):
            return None  # "die inhaftierten Gefangenen": an adjective
        later = {self.doc[i].lower_ for i in range(t.i + 1, seg[1])}
        stray_particle = any(self._particle(self.doc[i]) for i in range(t.i + 1, seg[1]))
        senses = self.lex.verbs.get(lower, ()) + tuple(
            v for v in self.lex.verbs.get("|" + lower, ()) if v.particle in later)
        for verb in senses:
            if verb.needs and not self._needs(verb.needs, t, seg):
                continue
            if verb.unless and set(self._words(seg)) & set(verb.unless):
                continue  # "sich übergeben" is no handover
            if not verb.particle and stray_particle:
                continue  # "starben … aus" is aussterben, not sterben
            return Found(verb.type, t, "verb", light=verb.light)
        return None

    def _particle(self, t: Token) -> bool:
        """A separable verb particle ("starben … aus"), by tag (PTKVZ) or dependency."""
        return (t.tag_ == "PTKVZ" or t.dep_ == "compound:prt") and t.lower_ in self.lex.cue("particles")

    def _verbal(self, t: Token) -> bool:
        """A verb by the tagger, or a lower-case word the tagger took for an adjective that is not
        attributive: "Nach Angaben Uschakows vereinbarten Putin und Biden" (not "die vereinbarten …")."""
        if self.pos(t) in ("VERB", "AUX") and t.tag_ != "ADJA":
            return True
        prev = self.doc[t.i - 1] if t.i else None  # "Am Montag traf Scholz …", tagged ADJA, is a verb
        return (self.pos(t) in ("ADJ", "ADV", "X", "VERB", "AUX") and t.text[:1].islower() and prev is not None
                and self.pos(prev) not in ("DET", "ADP", "ADJ", "NUM", "PRON") and not prev.is_punct)

    def _needs(self, needs: tuple[str, ...], t: Token, seg: tuple[int, int]) -> bool:
        for need in needs:
            word = need.partition(">")[0]
            if not word:  # ">": a name after the verb ("traf Putin"), before a clause-final one ("Biden treffen wird")
                final = all(self.is_verb(self.doc[j]) or self.doc[j].is_punct for j in range(t.i + 1, seg[1]))
                reach = t.i + 4 + sum(1 for j in range(t.i + 1, min(t.i + 8, seg[1])) if j in self.timex_at)
                window = range(max(t.i - 3, seg[0]) if final else t.i + 1, min(reach, seg[1]))  # "traf am Montag X"
                if any(j in self.mention_at for j in window if j != t.i):
                    return True
                continue
            # a function word ("sich", "mit") must be in the verb's part of the sentence; other words
            # ("Haft", "Gericht", "wegen") name the domain anywhere in it ("wegen A, B und C verurteilt")
            local = need.endswith(">") or word in self.lex.cue("clause_needs")
            scope = seg if local else self._sentence_of(t)
            for j in range(*scope):
                if self._is_word(self.doc[j], word) and (
                    not need.endswith(">") or any(k in self.mention_at for k in range(j + 1, min(j + 4, scope[1])))
                ):
                    return True
        return False

    def _sentence_of(self, t: Token) -> tuple[int, int]:
        sent = t.sent
        return (sent.start, sent.end)

    @staticmethod
    def _is_word(t: Token, word: str) -> bool:
        """The word itself, or a compound that ends in it ("Bodentruppen" for "truppen",
        "Landgericht" for "gericht")."""
        lower = t.lower_
        return lower == word or (len(word) > 4 and t.text[:1].isupper() and lower.endswith(word))

    def _noun_phrase(self, f: Found) -> None:
        """The trigger's noun phrase and the preposition governing it; verbs are their own phrase."""
        t = f.token
        if f.kind == "verb":
            f.np = (t.i, t.i + 1)
            return
        start = t.i
        while start - 1 >= f.segment[0]:
            prev = self.doc[start - 1]
            if prev.i in self.timex_at:  # "den für Januar geplanten Gesprächen"
                tx = self.timex_at[prev.i]
                first = self.doc.char_span(tx.start, tx.end, alignment_mode="expand")[0].i
                if (first - 2 >= f.segment[0] and self.is_prep(self.doc[first - 1])
                        and self.pos(self.doc[first - 2]) == "DET"):
                    start = first - 1
                    continue
                break
            if self.pos(prev) in ("DET", "ADJ", "NUM") or (prev.i in self.mention_at and prev.text[:1].islower()):
                start -= 1
                continue
            if self.pos(prev) == "ADV" and prev.lower_ in self.lex.cue("hypothetical_modifiers"):
                start -= 1
                continue
            break
        if start - 1 >= f.segment[0] and self.is_prep(self.doc[start - 1]):
            f.prep = self.doc[start - 1].lower_
        elif start - 1 > f.segment[0] and self.doc[start - 1].lower_ in COORDINATORS:
            f.prep = self._shared_prep(start - 2, f.segment[0])  # "nach dem Absturz und dem Tod"
        pre = {self.doc[i].lower_ for i in range(start, t.i)}
        f.definite = bool(pre & self.lex.cue("definite")) or (f.prep in self.lex.cue("definite"))
        f.fresh = bool(pre & self.lex.cue("new_event_modifiers"))
        f.indefinite = bool(pre & self.lex.cue("indefinite"))
        end = self._post_modifiers(t.i + 1, f.segment[1])
        f.np = (start, end)

    def _genitive_attribute(self, f: Found) -> bool:
        """"eine Wiederbelebung des Atomabkommens": the trigger hangs on a noun, not on the clause."""
        i = f.np[0] - 1
        return (f.prep is None and i >= f.segment[0] and self.pos(self.doc[i]) == "NOUN" and i not in self.mention_at
                and self.doc[f.np[0]].lower_ in ("des", "der", "eines", "einer"))

    def _shared_prep(self, i: int, limit: int) -> str | None:
        """The preposition of the first conjunct, read backwards from its last token at i."""
        while i >= limit and (self.pos(self.doc[i]) in NP_POS or i in self.mention_at):
            i -= 1
        return self.doc[i].lower_ if i >= limit and self.is_prep(self.doc[i]) else None

    def _post_modifiers(self, i: int, limit: int) -> int:
        """End of the phrases that follow a noun: genitives ("Einmarsch Russlands", "Vertreter der
        USA") and participant, place or topic phrases ("zwischen Russland und der NATO", "in Genf");
        a phrase with a trigger of its own ends it ("Telefonat vor einem Einmarsch")."""
        cue = self.lex.cue
        preps = cue("participant_preps") | cue("locative_preps") | cue("topic_preps")
        end = i
        limit = min(limit, i + MAX_NP)
        while end < limit:
            t = self.doc[end]
            if end in self.mention_at and self.mention_at[end][0] == end:
                end = self.mention_at[end][1]
                continue
            dated = end + 1 if self.is_prep(t) and end + 1 < limit and end + 1 in self.timex_at else end
            if dated in self.timex_at:  # "ein Urteil vom 25. März", "eine Demonstration vor zwei Wochen"
                tx = self.timex_at[dated]
                end = max(dated + 1, self.doc.char_span(tx.start, tx.end, alignment_mode="expand").end)
                continue
            if (self.is_prep(t) and t.lower_ in preps) or t.lower_ in ("des", "der", "eines", "einer"):
                nxt = self._np_end(end + 1, limit)
                if nxt == end + 1 or any(self._is_trigger_noun(self.doc[j]) for j in range(end + 1, nxt)):
                    break
                end = nxt
                continue
            break
        return end

    def _is_trigger_noun(self, t: Token) -> bool:
        return t.text[:1].isupper() and t.i not in self.mention_at and self.lex.noun(t.text) is not None

    def _np_end(self, i: int, limit: int) -> int:
        """End of a plain noun phrase starting at i (entity names are atomic, "und" joins, adjectives
        only stand before the noun: "Angaben Uschakows vereinbarten" ends before the verb)."""
        end = i
        head = False  # a noun or name has been read since the last "und"
        while end < limit:
            t = self.doc[end]
            if end in self.mention_at:
                end = max(end + 1, self.mention_at[end][1])
                head = True
                continue
            if end in self.timex_at:
                break
            p = self.pos(t)
            if p == "ADJ" and head:
                break
            if p in NP_POS and not (p == "PRON" and t.lower_ in self.lex.cue("scope_breakers")):
                end += 1
                head = head or p in ("NOUN", "PROPN")
                continue
            if t.lower_ in COORDINATORS and end + 1 < limit and self.pos(self.doc[end + 1]) in NP_POS:
                end += 1
                head = False
                continue
            if t.text in ("(", ")"):
                end += 1
                continue
            break
        return end

    def _blocked(self, f: Found) -> bool:
        """"den Entwurf einer Vereinbarung": a document, not the event; "sagte er im Gespräch mit der
        Zeitung": the channel of a claim (unless the partner is a person)."""
        if f.kind != "noun":
            return False
        noun = self.lex.noun(f.token.text)
        speech = set(self._words(f.segment)) & self.lex.cue("speech_verbs")
        if noun and noun.channel and f.prep in self.lex.cue("channel_preps") and speech:
            partners = {self.mention_at[i][2] for i in range(*f.np) if i in self.mention_at}
            if not any(self.index.by_key[k].type == "Person" for k in partners if k in self.index.by_key):
                return True  # an interview; "in einem Gespräch mit Macron betonte Scholz …" stays a talk
        before = f.np[0] - 1 if f.prep is None else f.np[0] - 2
        while before >= f.segment[0] and self.pos(self.doc[before]) == "DET":
            before -= 1
        return before >= f.segment[0] and self.doc[before].lower_ in self.lex.cue("document_nouns")

    def _conditions(self, sent: SpacySpan) -> set[int]:
        """Tokens of conditional clauses ("wenn es gelänge, eine Vereinbarung … zu erreichen", "Im Falle
        einer Verurteilung"): a condition is no event. The condition runs from its cue to the segment
        that starts the main clause (with "dann"/"so" or a finite verb: "Wenn …, dann könnte …").
        Under a threat or fear the condition is what is feared ("droht mit Sanktionen, falls es die
        Ukraine angreift"): it stays, as a hypothetical event."""
        cue = self.lex.cue
        out: set[int] = set()
        if {t.lower_ for t in sent} & (cue("fear") | cue("threat")):
            return out
        inside = False
        for seg in self._segments(sent):
            first = self.doc[seg[0]]
            if inside and (first.lower_ in cue("main_clause_starts") or self.is_verb(first)):
                inside = False
            words = " ".join(self._words(seg))
            start = next((i for i in range(*seg) if self.doc[i].lower_ in cue("conditional_words")), None)
            phrase = next((p for p in cue("conditional_phrases") if p in words), None)
            if start is None and phrase:
                start = next(i for i in range(*seg) if self.doc[i].lower_ == phrase.split()[0])
            if start is not None:
                inside = True
                out.update(range(start, seg[1]))
            elif inside:
                out.update(range(*seg))
        return out

    def _negated(self, f: Found) -> bool:
        """"kein Abkommen", "haben sich nicht geeinigt", "habe nicht versucht zu fliehen": what did
        not happen is no event."""
        cue = self.lex.cue
        if f.kind == "noun":
            return bool(set(self._words((f.np[0], f.token.i))) & cue("negation_det"))
        return any(self.doc[i].lower_ in cue("negation_adv") and (
            i + 1 >= len(self.doc) or self.doc[i + 1].tag_ != "ADJA") for i in range(*f.clause))

    def _group_clause(self, found: list[Found]) -> list[Found]:
        """A verb trigger and a related noun trigger of one clause are one event
        ("zu Beratungen zusammenkommen", "in einem Telefonat gesprochen"): the noun names it unless
        the verb is the more specific absorbing type ("unterzeichneten ein Abkommen")."""
        out = list(found)
        for verb in [f for f in found if f.kind == "verb"]:
            # a verb of a type the noun absorbs joins it anywhere in the sentence (a toll: "bei einer
            # Auseinandersetzung, die …, wurden 21 Menschen getötet"); other related ones in its clause
            nouns = [f for f in out if f.kind == "noun" and f is not verb and _related(f.type, verb.type)
                     and (f.clause == verb.clause or verb.type.name in f.type.absorbs)]
            if not nouns:
                continue
            noun = min(nouns, key=lambda n: abs(n.token.i - verb.token.i))
            if verb.light or verb.type == noun.type or verb.type.name in noun.type.absorbs:
                noun.group.append(verb)
                noun.supported = True
                out.remove(verb)
            else:
                verb.group.append(noun)
                out.remove(noun)
        return out

    # --- frame, status, date, place, participants -------------------------------------------------

    def _words(self, span: tuple[int, int]) -> list[str]:
        return [self.doc[i].lower_ for i in range(*span)]

    def _frame(self, f: Found) -> None:
        """Does the clause's subject take part? Verbs: yes; nouns: in a "bei/in/zu"-phrase or as the
        object of a support verb ("ein Videotelefonat führen", "Sanktionen verhängen")."""
        if f.kind == "verb" or f.supported:
            f.supported = True
            return
        if f.embedded:
            return
        if f.prep == "mit" and set(self._words(f.segment)) & self.lex.cue("threat"):
            f.supported = True  # "Die EU droht Russland mit Sanktionen": threatener and threatened
            return
        if f.prep in self.lex.cue("support_preps"):
            head = self.doc[f.np[0] - 2] if f.np[0] - 2 >= f.segment[0] else None
            # "Kritik an den Truppenbewegungen": the phrase belongs to a noun, not to the clause
            f.supported = head is None or not (self.pos(head) == "NOUN" and head.i not in self.mention_at)
            return
        if f.prep is None:
            words = self._words(f.clause)
            f.supported = any(w in self.lex.support_verbs for w in words)

    def _status(self, f: Found) -> None:
        """hypothetical > planned > occurred; see docs/events.md for the rules and cue words."""
        cue = self.lex.cue
        words = self._words(f.segment)
        first = next((w for w in words if w.isalpha()), "")
        pre = self._words((f.np[0], f.token.i))
        hypothetical = (
            first in cue("conditional")
            or any(p in " ".join(words) for p in cue("conditional_phrases"))
            or any(w in cue("subjunctive") | cue("hypothetical_predicates") for w in words)
            or bool(set(pre) & cue("hypothetical_modifiers"))
            or (f.prep in cue("open_topic_preps") and not f.definite)  # "Verhandlungen über ein Abkommen"
            or self._feared(f, words, self._words((f.sentence[0], f.np[0])))
        )
        would = any(w in cue("would") for w in words)
        future = self._future(f)
        # "soll festgenommen worden sein" reports a past event: that "soll" is no plan
        hearsay = bool(set(words) & cue("hearsay_end")) and (
            "worden" in words or any(self._participle(self.doc[i]) for i in range(*f.segment)))
        # "bei dem Treffen" presupposes the meeting: the clause's modal is about something else
        presupposed = f.kind == "noun" and f.prep is not None and f.definite
        scope = set(self._words(f.np) if presupposed else words)
        if hearsay:
            scope -= {"soll", "sollen", "solle"}
        if not presupposed and self._infinitive(f.segment):
            scope |= set(self._words(self._segment_before(f)))  # "hat angekündigt, den Notstand auszurufen"
        # "kündigte seinen Rücktritt an", "schlug ein Treffen vor": a verb with its particle later on
        scope |= {f"{w} {p}" for w in scope for p in scope if p in cue("particles")}
        planned = (
            bool(scope & (cue("planned") | cue("planned_separable")))
            or (not presupposed and self._future_tense(f))
            or (future and not (f.kind == "verb" and self._past(f.clause)))  # "eine Woche später starb"
        )
        if (hypothetical or would) and not (would and future and not hypothetical):
            f.status, f.explicit = "hypothetical", True
        elif planned or would:
            f.status, f.explicit = "planned", True
        elif f.supported and (self._past(self._tense_span(f)) or hearsay):
            # the clause's tense dates only what it supports, not "den Beitritt" in "Widerstand gegen den Beitritt"
            f.status, f.explicit = "occurred", True

    def _feared(self, f: Found, words: list[str], before: list[str]) -> bool:
        """"warnte vor einem Einmarsch", "mit Sanktionen gedroht", "fürchtet Einmarsch Russlands",
        "befürchtet, Russland könnte … angreifen", "Das Treffen wurde abgesagt"."""
        fear = self.lex.cue("fear") | self.lex.cue("denial")
        if "aus" in words:  # "schlossen einen Anschlag aus"
            fear = fear | self.lex.cue("denial_separable")
        if f.prep in self.lex.cue("fear_preps") and f.np[0] - 1 > f.sentence[0] and any(w in fear for w in words):
            return True
        if f.prep is None and f.kind == "noun" and any(
                self.doc[i].lower_ in fear and (self.is_verb(self.doc[i]) or self._participle(self.doc[i])
                                                 or self.pos(self.doc[i]) == "ADJ")
                for i in range(f.np[1], f.segment[1])):
            return True  # "Ein Angriff wird befürchtet", "Das Treffen wurde abgesagt"
        if f.prep is not None or not any(w in fear for w in before):
            return False
        first = self.doc[f.segment[0]].lower_
        own_segment = any(w in fear for w in self._words((f.segment[0], f.np[0])))
        return own_segment or first not in self.lex.cue("scope_breakers")

    def _future(self, f: Found) -> bool:
        if not self.anchor:
            return False
        tx = self._date_of(f)
        interval = Interval.of(tx.value) if tx else None
        return bool(interval and interval.first > self.anchor)

    def _future_tense(self, f: Found) -> bool:
        """"werden … zusammenkommen": a form of werden with an infinitive (not a participle: passive)."""
        words = self._words(f.segment)
        if not any(w in self.lex.cue("future_aux") for w in words):
            return False
        return any(
            "Inf" in self.doc[i].morph.get("VerbForm") and self.doc[i].lower_ not in self.lex.cue("future_aux")
            for i in range(*f.segment)
        )

    def _tense_span(self, f: Found) -> tuple[int, int]:
        """Where the trigger's tense is read: its segment, or its sentence when the segment has no
        verb ("Bei einer Pressekonferenz haben Ministerin A (CDU), B und C … vorgestellt")."""
        return f.segment if any(self.pos(self.doc[i]) == "VERB" for i in range(*f.segment)) else f.sentence

    def _past(self, span: tuple[int, int]) -> bool:
        """Präteritum, Perfekt or Plusquamperfekt in the span."""
        tokens = [self.doc[i] for i in range(*span)]
        if any("Past" in t.morph.get("Tense") and "Part" not in t.morph.get("VerbForm") and self.is_verb(t)
               for t in tokens):
            return True
        if any(self._weak_preterite(t) for t in tokens):
            return True
        aux = self.lex.cue("perfect_aux") | self.lex.cue("pluperfect_aux")
        return any(t.lower_ in aux for t in tokens) and any(self._participle(t) for t in tokens)

    def _participle(self, t: Token) -> bool:
        """"telefoniert", "getroffen": by morphology, tag (VVPP) or the lexicon's participles."""
        return ("Part" in t.morph.get("VerbForm") or t.tag_ in ("VVPP", "VAPP", "VMPP")
                or t.lower_ in self.lex.participles)

    def _weak_preterite(self, t: Token) -> bool:
        """"vereinbarten", "telefonierte": a trigger or support verb in -te/-ten, whatever the tagger says."""
        known = t.lower_ in self.lex.verbs or "|" + t.lower_ in self.lex.verbs or t.lower_ in self.lex.support_verbs
        return known and self._verbal(t) and t.lower_.endswith(("te", "ten")) and not t.lower_.startswith("ge")

    def _pluperfect(self, span: tuple[int, int]) -> bool:
        tokens = [self.doc[i] for i in range(*span)]
        return any(t.lower_ in self.lex.cue("pluperfect_aux") for t in tokens) and any(
            self._participle(t) for t in tokens)

    def _in_span(self, span: tuple[int, int], kinds: set[str]) -> list[temporal.Timex]:
        if span[1] <= span[0]:
            return []
        lo, hi = self.doc[span[0]].idx, self.doc[span[1] - 1].idx + len(self.doc[span[1] - 1])
        return [tx for tx in self.timexes if tx.type in kinds and lo <= tx.start and tx.end <= hi]

    def _date_of(self, f: Found) -> temporal.Timex | None:
        """The trigger's date from its clause, else its segment; a noun in a phrase the clause does not
        support, or inside another trigger's phrase, only has the dates of its own phrase
        ("Widerstand gegen den Beitritt", "Verhandlungen über … des Atomabkommens")."""
        if self._restricted(f):
            tx = self._nearest_timex(f, f.np)
        else:
            tx = (self._nearest_timex(f, f.clause) or self._nearest_timex(f, f.segment)
                  or self._nearest_timex(f, self._relative_clause(f)))
        return self._forward(f, tx) if tx else None

    def _forward(self, f: Found, tx: temporal.Timex) -> temporal.Timex:
        """A bare weekday in a clause in the present tense lies ahead ("Am Montag trifft sich der
        Rat" in a Friday article); kg.temporal reads it back unless a cue word says future."""
        if not self.anchor or not self._present(self._tense_span(f)):
            return tx
        return temporal.weekday_forward(tx, self.anchor) or tx

    def _present(self, span: tuple[int, int]) -> bool:
        """A finite verb in the present tense and no past tense in the span. The tagger takes many
        strong preterites for present ("starben"): of a trigger verb only its infinitive form
        ("streiken", "treffen sich") or a form in -t ("trifft", "streikt") counts."""
        if self._past(span):
            return False
        for t in self.doc[span[0]:span[1]]:
            if not (self.is_verb(t) and "Pres" in t.morph.get("Tense") and "Fin" in t.morph.get("VerbForm")):
                continue
            senses = self.lex.verbs.get(t.lower_, ()) + self.lex.verbs.get("|" + t.lower_, ())
            if not senses or t.lower_.endswith("t") or any(
                    t.lower_ in (v.lemma, v.lemma.removeprefix(v.particle or "")) for v in senses):
                return True
        return False

    def _relative_pronoun(self, t: Token) -> bool:
        return self.pos(t) == "PRON" and t.lower_ in self.lex.cue("relative_pronouns")

    def _relative_clause(self, f: Found) -> tuple[int, int]:
        """The relative clause right after a noun trigger's segment ("ein Busunfall, der sich am
        Montag ereignete"), else an empty span."""
        i = f.segment[1] + 1
        if f.kind != "noun" or f.np[1] < f.segment[1] or i >= f.sentence[1] or not self._relative_pronoun(self.doc[i]):
            return (i, i)
        end = next((j for j in range(i, f.sentence[1]) if self.doc[j].text in BOUNDARIES), f.sentence[1])
        return (i, end)

    @staticmethod
    def _restricted(f: Found) -> bool:
        """A noun in a phrase the clause does not support, or inside another trigger's phrase."""
        return f.kind == "noun" and not f.supported and (f.prep is not None or f.embedded)

    def _nearest_timex(self, f: Found, span: tuple[int, int]) -> temporal.Timex | None:
        """The calendar date (day, month, week or year) in the span closest to the trigger."""
        lo, hi = f.token.idx, f.token.idx + len(f.token)
        dated = [tx for tx in self._in_span(span, DATE_TYPES) if Interval.of(tx.value) is not None
                 and self._word_before(tx.start) not in ("seit", "seitdem") and not CLOCK.fullmatch(tx.text)]
        return min(dated, key=lambda tx: (not self._attached(tx, f), max(tx.start - hi, lo - tx.end)), default=None)

    def _attached(self, tx: temporal.Timex, f: Found) -> bool:
        """The parser hangs the date on the trigger (or on the verb that supports a noun trigger)."""
        span = self.doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None or not self.doc.has_annotation("DEP"):
            return False
        head = span.root.head
        return head.i == f.token.i or (f.kind == "noun" and f.supported and head.i == f.token.head.i)

    def _word_before(self, char: int) -> str:
        words = self.text[max(0, char - 40):char].split()
        return words[-1].lower() if words else ""

    def _when(self, f: Found) -> None:
        """Date from the clause, else the segment (see _date_of), else the scene the sentence sets
        before the trigger's part ("Das Militär hat am Freitag … übernommen, die Regierung verhängte
        nach einer Kabinettssitzung …"). A reported past event
        with no date in its sentence happened when the story is (the date the paragraph told last:
        "Am Samstag zogen 9000 Menschen … Gleichzeitig trafen sich …"), else on the article's day if
        the story is not set in an earlier time; both dates are marked inferred."""
        f.date = self._date_of(f)
        if f.date is None and not f.embedded:
            f.date = self._nearest_timex(f, (f.sentence[0], f.segment[0]))  # the scene the sentence sets
        if f.date is None and self.anchor and f.status == "occurred" and f.explicit and f.supported \
                and not self._pluperfect(self._tense_span(f)):
            f.date = self._story_date(f)
            f.inferred = f.date is not None or self._story_is_recent(f)
        for span in (f.clause, f.segment):
            durations = self._in_span(span, {"DURATION"})
            if durations:
                dur = durations[0]
                if self._word_before(dur.start) not in DURATION_BLOCKERS and dur.value.startswith("P"):
                    f.duration = dur.value
                break

    def _story_date(self, f: Found) -> temporal.Timex | None:
        """The date the story is at: the last one named in the STORY_SENTENCES sentences (as ". "
        ends them) before the trigger's, within its paragraph."""
        paragraph = self.text.rfind("\n", 0, f.token.idx) + 1
        start = end = self.doc[f.sentence[0]].idx
        for _ in range(STORY_SENTENCES):
            start = max(paragraph, self.text.rfind(". ", paragraph, max(paragraph, start - 2)))
        before = [tx for tx in self.timexes if start <= tx.start and tx.end <= end and tx.type in DATE_TYPES
                  and Interval.of(tx.value) and self._word_before(tx.start) not in ("seit", "seitdem")]
        return before[-1] if before else None

    def _story_is_recent(self, f: Found) -> bool:
        """The last date before the trigger in its paragraph (the story's time) is within a week of
        the article ("Am 8. Juli 1982 scheiterte ein Attentat …, er ließ das Dorf bombardieren")."""
        paragraph = self.text.rfind("\n", 0, f.token.idx) + 1
        before = [tx for tx in self.timexes
                  if paragraph <= tx.start and tx.end <= f.token.idx and tx.type in DATE_TYPES]
        interval = Interval.of(before[-1].value) if before else None
        return interval is None or interval.last >= self.anchor - dt.timedelta(days=RECENT)

    def _where_who(self, f: Found, found: list[Found]) -> None:
        """Place from locative phrases, participants from the noun phrase and (if supported) the clause.

        Skipped: titles before a name, topics ("über den Ukraine-Konflikt"), sources ("nach Angaben
        des Kremls", "laut Moskau"), directions of non-directional events ("in die Ukraine") and
        the noun phrases of the clause's other triggers (their participants are theirs)."""
        cue = self.lex.cue
        own = range(*f.np)
        skip: set[int] = set(self.modifiers)
        if f.supported:
            for other in found:
                if other is not f and other.kind == "noun":
                    skip.update(i for i in range(*other.np) if i not in own)
        places: list[tuple[int, str]] = []
        spans = [f.np] if not f.supported else [f.np, f.clause, self._subject_field(f)]
        for lo, hi in spans:
            i = lo
            while i < hi:
                t = self.doc[i]
                if i in skip or not self.is_prep(t) or i + 1 >= hi:
                    if t.lower_ in cue("source_preps"):  # "Moskau zufolge"
                        skip.update(range(max(lo, i - 3), i))
                    i += 1
                    continue
                end = self._np_end(i + 1, hi)
                word, nxt = t.lower_, self.doc[i + 1]
                if word in cue("topic_preps") or word in cue("source_preps") or (
                        word == "nach" and nxt.lower_ in cue("source_nouns")):
                    skip.update(range(i, end))
                elif self._directional(t):
                    if not f.type.directional:
                        skip.update(range(i, end))
                elif word in cue("locative_preps") and (i in own or f.clause[0] <= i < f.clause[1]):
                    for j in range(i + 1, end):
                        m = self.mention_at.get(j)
                        if m and m[0] == j and self._is_place(m[2]) and self.doc[j].text[:1].isupper() \
                                and m[1] - 1 not in self.partial:
                            places.append((abs(i - f.token.i), m[2]))
                            skip.update(range(m[0], m[1]))
                elif word not in cue("participant_preps") and i not in own:
                    skip.update(range(i, end))  # "an der Grenze zur Ukraine", "für Russland"
                i = max(end, i + 1)
        keys: list[str] = []
        for lo, hi in spans:
            for i in range(lo, hi):
                m = self.mention_at.get(i)
                if m is None or i in skip or m[0] != i and i != lo:
                    continue
                if m[1] - 1 in self.partial and m[1] - 1 != f.token.i and not self._actor_head(self.doc[m[1] - 1]):
                    continue  # "US-Dollar", "Iran-Frage": no actor
                if m[0] <= f.token.i < m[1] and f.token.i not in self.partial:
                    continue  # the event named as an organisation ("Münchner Sicherheitskonferenz")
                key = self._actor(m[2], f.type)
                if key and key not in keys:
                    keys.append(key)
        if f.supported and self._infinitive(f.segment):
            keys += [k for k in self._controller(f) if k not in keys]
        if f.supported and any(self.doc[i].text == "er" for lo, hi in spans[1:] for i in range(lo, hi)):
            keys += [k for k in self._antecedent(f) if k not in keys]
        if places:
            f.place = min(places)[1]
        f.participants = [k for k in keys if k != f.place]

    def _antecedent(self, f: Found) -> list[str]:
        """"er" in the trigger's clause: the first person named earlier in the sentence, else the
        first person (the subject, mostly) of the sentence before ("Scholz telefonierte mit Macron.
        Am Dienstag telefonierte er mit Biden")."""
        before = f.sentence[0] - 1
        while before >= 0 and self.doc[before].is_space:
            before -= 1
        previous = self.sent_start[before] if before >= 0 else f.sentence[0]
        for lo, hi in ((f.sentence[0], f.clause[0]), (previous, f.sentence[0])):
            for i in range(lo, hi):
                m = self.mention_at.get(i)
                entity = self.index.by_key.get(m[2]) if m else None
                if entity and entity.type == "Person" and not entity.anonymous and i not in self.modifiers:
                    return [self._actor(entity.key, f.type) or entity.key]
        return []

    def _infinitive(self, span: tuple[int, int]) -> bool:
        """A "zu"-infinitive clause: its subject is in the clause before."""
        return any(self.doc[i].tag_ in ("PTKZU", "VVIZU") or (self.doc[i].lower_ == "zu" and i + 1 < span[1]
                   and self.is_verb(self.doc[i + 1])) or self._particle_zu(self.doc[i]) for i in range(*span))

    def _particle_zu(self, t: Token) -> bool:
        """"auszurufen", "anzugreifen": a separable verb's zu-infinitive, whatever the tagger says."""
        return t.text.islower() and t.lower_.endswith("en") and any(
            t.lower_.startswith(p + "zu") and len(t.lower_) > len(p) + 4 for p in self.lex.cue("particles"))

    def _segment_before(self, f: Found) -> tuple[int, int]:
        """The segment before the trigger's in its sentence (the clause a "zu"-infinitive depends on)."""
        segments = self._segments(self.doc[f.sentence[0]:f.sentence[1]])
        return next((s for s in segments if s[1] == f.segment[0] - 1), (f.segment[0], f.segment[0]))

    def _controller(self, f: Found) -> list[str]:
        """Who does the infinitive: the object after "warnen", "auffordern" ("warnte Biden davor,
        Sanktionen zu verhängen"), else the subject of the clause before."""
        before = self._segment_before(f)
        if before[1] <= before[0]:
            return []
        skip = set(self.modifiers)
        for i in range(*before):
            t = self.doc[i]
            if self.is_prep(t) and (t.lower_ in self.lex.cue("source_preps") or (
                    t.lower_ == "nach" and i + 1 < before[1]
                    and self.doc[i + 1].lower_ in self.lex.cue("source_nouns"))):
                skip.update(range(i, self._np_end(i + 1, before[1])))
        actors = []
        for i in range(*before):
            m = self.mention_at.get(i)
            if m and m[0] == i and i not in skip and (key := self._actor(m[2], f.type)) and key not in actors:
                actors.append(key)
        words = set(self._words(before))
        if words & self.lex.cue("object_control"):
            return actors[1:2]
        return actors[:1]

    def _subject_field(self, f: Found) -> tuple[int, int]:
        """Names before the first verb of the segment: the subject that coordinated clauses share
        ("Biden und Putin hatten sich … getroffen und … ein Videotelefonat geführt")."""
        end = next((i for i in range(*f.segment) if self.is_verb(self.doc[i])), f.segment[0])
        return (f.segment[0], end)

    def _actor_head(self, t: Token) -> bool:
        """"US-Regierung", "NATO-Truppen", "US-Präsident": a compound naming people or an institution."""
        head = t.text.rpartition("-")[2]
        return head.lower() in self.lex.cue("actor_heads") or lexicon().role(head) is not None

    def _directional(self, prep: Token) -> bool:
        """"in die Ukraine", "ins Baltikum", "auf das Konsulat", "in den Irak" (but "in den USA": dative
        plural) name a direction or target."""
        if prep.lower_ == "ins":
            return True
        if prep.lower_ not in ("in", "auf") or prep.i + 1 >= len(self.doc):
            return False
        article = self.doc[prep.i + 1]
        if article.lower_ in self.lex.cue("directional_articles"):
            return True
        if article.lower_ == "den" and prep.i + 2 < len(self.doc):
            return "Plur" not in self.doc[prep.i + 2].morph.get("Number")
        return False

    def _is_place(self, key: str) -> bool:
        e = self.index.by_key.get(key)
        return bool(e and e.type in ("Place", "Country"))

    def _actor(self, key: str, etype: EventType) -> str | None:
        entity = self.index.by_key.get(key)
        if entity is None:
            return None
        acting = self.index.actor(key)
        if acting == key and entity.type == "Place":
            return None
        if etype.state_actors:
            acting = self._state_of(acting)
        return acting

    def _state_of(self, key: str) -> str:
        """A head of state or government acts for the country in state-level events."""
        entity = self.index.by_key.get(key)
        if entity and entity.type == "Person":
            for role in entity.roles:
                of = self.index.by_key.get(role.of or "")
                if of and of.type == "Country" and role.name.split()[-1].lower() in self.lex.cue("head_of_state_roles"):
                    return of.key
        return key

    # --- merging ----------------------------------------------------------------------------------

    def merge(self, found: list[Found]) -> list[Cluster]:
        clusters: list[Cluster] = []
        for f in found:
            target = None if f.fresh else next((c for c in reversed(clusters) if self._compatible(c, f)), None)
            if target is None:
                clusters.append(self._new(f))
            else:
                self._absorb(target, f)
        return clusters

    def _new(self, f: Found) -> Cluster:
        c = Cluster(f.type, [f], f.status, f.explicit, None, None, False, f.place, list(f.participants), f.duration)
        self._set_date(c, f)
        return c

    def _set_date(self, c: Cluster, f: Found) -> None:
        if f.date is not None:
            if c.date and f.inferred and not c.inferred:
                return  # a date the text gives this event beats the story's date
            new = Interval.of(f.date.value)
            old = Interval.of(c.date) if c.date and c.inferred == f.inferred else None
            if old is None or (new and new.days < old.days):
                c.date, c.date_mention, c.inferred = f.date.value[:10], f.date, f.inferred
        elif f.inferred and c.date is None and self.anchor:
            c.date, c.inferred = self.anchor.isoformat(), True

    def _absorb(self, c: Cluster, f: Found) -> None:
        c.mentions.append(f)
        if f.type.specificity > c.type.specificity and c.type.name in f.type.absorbs:
            c.type = f.type
        if f.explicit and not c.explicit:
            c.status, c.explicit = f.status, True
        self._set_date(c, f)
        c.place = c.place or f.place
        c.participants += [k for k in f.participants if k not in c.participants and k != c.place]
        c.duration = c.duration or f.duration

    def _informative(self, f: Found) -> int:
        """How much a mention's sentence says about the event: its evidence is the best one."""
        return (2 * (f.date is not None) + (f.place is not None) + min(len(f.participants), 2) + f.supported
                + f.explicit - 3 * _headline(f.sentence, self.doc))

    def _compatible(self, c: Cluster, f: Found) -> bool:
        headline = all(_headline(m.sentence, self.doc) for m in c.mentions)
        if f.indefinite and not headline and not (set(f.participants) & set(c.participants)):
            return False  # an indefinite noun introduces an event, unless a headline or its participants name it
        if c.type != f.type:
            if not (f.type.name in c.type.absorbs or c.type.name in f.type.absorbs):
                return False
            same_actors = bool(f.participants and c.participants)
            if not same_actors and not (f.definite and f.kind == "noun"):
                return False
            # an anaphor ("das Gespräch") agrees with its event; it does not bring a status or date of its own
            own_news = (f.explicit and not c.explicit and f.status != "occurred") or (f.date and not c.date)
            if not same_actors and own_news:
                return False
        if c.explicit and f.explicit and c.status != f.status:
            return False
        if c.place and f.place and c.place != f.place and not headline:
            return False  # a headline names the event in short, its place may be wider ("im Westen Chinas")
        if c.date and (f.date or f.inferred):
            # an inferred date (the article's day) is a guess: a date in the week before may replace it
            a = Interval.of(c.date, RECENT if c.inferred and c.date_mention is None else 0)
            b = Interval.of(f.date.value if f.date else self.anchor.isoformat(), 0 if f.date else RECENT)
            if a and b and not a.overlaps(b):
                return False
        return self._participants_fit(c.participants, f.participants)

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
        entity = self.index.by_key.get(key)
        out = {key}
        if entity:
            out |= {r.of for r in entity.roles if r.of}
            if entity.type == "Person":
                words = {w for w in entity.label.split() if len(w) > 2}
                out |= {e.key for e in self.index.entities if e.type == "Person" and words & set(e.label.split())}
        return out

    # --- output -----------------------------------------------------------------------------------

    def _mention(self, sents: SentenceIndex, start: int, end: int) -> Mention:
        return Mention(start, end, self.text[start:end], sents.index(start))

    def event(self, c: Cluster, sents: SentenceIndex) -> Event:
        main = max(c.mentions, key=lambda f: (self._informative(f), -f.token.i))
        first = self._mention(sents, main.token.idx, main.token.idx + len(main.token))
        triggers = [self._mention(sents, g.token.idx, g.token.idx + len(g.token))
                    for f in c.mentions for g in [f, *f.group] if g is not main]
        triggers.sort(key=lambda m: m.start)
        date = None
        if c.date:
            stated = c.date_mention if not c.inferred else None  # an inferred date names no text
            mention = self._mention(sents, stated.start, stated.end) if stated else None
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


def _headline(sent: tuple[int, int], doc: Doc) -> bool:
    """A line without a final full stop: a headline or subhead, the event named in short (the whole
    line: "Unruhen im Westen Chinas: Dutzende Tote" is one, though a sentence ends at its colon)."""
    text = doc.text
    start = doc[sent[0]].idx
    end = text.find("\n", start)
    line = text[start:end if end >= 0 else len(text)]
    return not line.rstrip().endswith((".", "!", "?", '"', "“", "”", "«", "»"))


def _sentences(doc: Doc) -> Iterator[SpacySpan]:
    """The parser's sentences, re-joined where it split inside one ("Biden und Putin | hatten sich …"):
    a sentence ends at . ! ? : (or a closing quote after them) or at a line break."""
    start = None
    for sent in doc.sents:
        start = sent.start if start is None else start
        text = sent.text
        stripped = text.rstrip()
        following = doc[sent.end].text if sent.end < len(doc) else "\n"
        if not stripped or stripped[-1] in END_CHARS or "\n" in text[len(stripped):] or "\n" in following:
            yield doc[start : sent.end]
            start = None
    if start is not None:
        yield doc[start:]


def _calendar(value: str) -> str:
    """A TIMEX3 value as a calendar date: a week ("2022-W03") becomes the month of its Thursday."""
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        return dt.date.fromisocalendar(int(m[1]), int(m[2]), 4).strftime("%Y-%m")
    return value


def _related(a: EventType, b: EventType) -> bool:
    return a == b or a.name in b.absorbs or b.name in a.absorbs


def _label(c: Cluster) -> str:
    """The first noun trigger as written ("Telefonat"), else the type's German noun."""
    noun = next((f.token.text for f in c.mentions if f.kind == "noun" and f.type == c.type), None)
    return noun or c.type.label
