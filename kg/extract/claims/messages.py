"""Where a cue verb's message is: a clause or quotation after it, the text before an inverted frame
("„…“, sagte X"), the rest of the sentence around "wie X mitteilte", or the verb's own clause."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan, Token

from kg.extract.claims.grammar import CONJ, SUBJECT
from kg.extract.claims.lexicon import Cue
from kg.extract.claims.view import Job
from kg.extract.german import (CLAUSE_AUXILIARIES, FINITE_TAGS, NOT_MAIN_CLAUSE_OPENERS, RESUMING_CONJUNCTIONS,
                               clause_bounds, clause_finite, has_zu_infinitive_words, is_finite_verb,
                               joins_verb_phrases)

if TYPE_CHECKING:
    from kg.extract.claims.frames import Frames
    from kg.extract.claims.mood import Mood
    from kg.extract.claims.cues import CueVerbs
    from kg.extract.claims.phrases import NounPhrases


class Messages(Job):
    """Locates a cue verb's message in its sentence."""

    mood: Mood
    cues: CueVerbs
    frames: Frames
    phrases: NounPhrases

    def content(self, sent: SpacySpan, token: Token, cue: Cue) -> tuple[int, int] | None:
        """The reported message of a cue verb: a clause or quotation before or after it."""
        doc = self.doc
        lo = token.i
        while lo > sent.start and doc[lo - 1].text not in (",", ";", ":") and not self.view.in_spoken(doc[lo - 1].idx):
            lo -= 1  # a name in quotation marks is no quotation before a frame: "Nach Informationen des „Spiegel“ hat
        first = doc[lo]
        wie = self.wie_before(sent, token)
        if wie is not None:  # "…, wie X (, Sprecherin,) mitteilte, …"
            return self._around_wie(sent, wie, token)
        inverted = self._frame_start(first, token) and self._subject_follows(sent, token)
        inserted = self._inserted_frame_end(sent, token) if inverted and lo > sent.start else None
        if lo > sent.start and doc[lo - 1].text in (",", ":") and inverted and (
                inserted or self._message_before(sent, lo - 1, token)):
            # "„…“, sagte X" / "Das sei …, sagte X": the message is everything before the frame
            start = self._message_start(sent, lo - 1)
            end = inserted or doc[lo - 1].idx
            end = self.view.trim(start, end)
            if end > start:
                return start, end
        if lo > sent.start and self.view.in_spoken(doc[lo - 1].idx) and inverted:
            start = self._message_start(sent, lo)
            return start, self.view.trim(start, doc[lo].idx)
        return self._content_after(sent, token, cue)

    def _inserted_frame_end(self, sent: SpacySpan, cue: Token) -> int | None:
        """"In zehn Jahren, so schätzen die Forscher, soll die Forschung abgeschlossen sein": a frame set
        between commas before a finite verb is inserted into the message, whose verb-second clause goes
        on after it; the message runs to the sentence end."""
        _, hi = clause_bounds(sent, cue)
        comma = next((t for t in self.doc[cue.i + 1 : sent.end] if t.text in (",", ";", ":")
                      and t.idx not in self.in_quote), None)
        if comma is None or comma.text != "," or comma.i + 1 >= sent.end or comma.i > hi:
            return None
        nxt = self.doc[comma.i + 1]
        return sent.end_char if is_finite_verb(nxt) and nxt.idx not in self.in_quote else None

    def _subject_follows(self, sent: SpacySpan, cue: Token) -> bool:
        """", sagte der Sprecher" has its subject after the verb; "Der Sprecher, X, sagte, …" does not."""
        finite = clause_finite(sent, cue)
        _, hi = clause_bounds(sent, cue)
        if any(c.dep_ in SUBJECT and c.i > finite.i for c in cue.children):
            return True
        for c in cue.children:  # "Arni Finnsson, ein Vertreter …, kommentierte die Entscheidung"
            between = self.doc[c.i + 1 : finite.i]
            if c.dep_ in SUBJECT and c.i < finite.i and c.idx not in self.in_quote and not any(
                    is_finite_verb(t) for t in between):
                return False
        nxt = self.doc[finite.i + 1] if finite.i + 1 < hi else None
        return nxt is not None and (nxt.pos_ == "PRON" or self.phrases.np_after(finite.i + 1, hi) is not None)

    def _message_before(self, sent: SpacySpan, comma: int, cue: Token) -> bool:
        """Is the text before ", sagte X" a message, or the first of coordinated verb phrases
        ("dementiert …, weist … zurück")? Quotations and Konjunktiv make it a message."""
        before = self.doc[sent.start : comma]
        if not len(before):
            return False
        if before[-1].idx in self.in_quote or any(self.mood.konjunktiv(t) for t in before):
            return True
        own_subject = any(c.dep_ in SUBJECT and c.i > cue.i for c in cue.children)  # ", stellten die Forscher fest"
        if cue.dep_ in CONJ and cue.head.i < comma and not own_subject:
            return False  # "dementiert …, weist … zurück": the second verb shares the first one's subject
        verbs = [t for t in before if t.pos_ in ("VERB", "AUX") and t.idx not in self.in_quote]
        # a clause, not "X, ein Vertreter …,"; a verb is the first of coordinated cues only in its speech sense
        # ("Die Grenzen bleiben geschlossen, sagte X": "schließen" reports only with "daraus")
        return (bool(verbs) and not any(self.cues.speech_sense(t, sent) for t in verbs)
                and self._main_clause_first(before))

    def _main_clause_first(self, before: SpacySpan) -> bool:
        """"Das ist falsch, sagte X": indicative text before a frame is a message only as a main clause,
        its finite verb after the first constituent. A subordinate clause ("Da er … gebunden hatte, bat
        er"), a noun with a relative clause ("Der NDR, der … ist, begründete") or an adverbial ("In der
        Debatte um …, die … geführt wird, hat X gefordert, …") sets the scene; the message, if any, follows."""
        first = []
        for t in before:
            if t.text in (",", ";", ":") and t.idx not in self.in_quote:
                break
            first.append(t)
        if not first or first[0].pos_ == "SCONJ" or first[0].tag_ in ("KOUS", "PWAV", "PWS", "PRELS") or (
                first[0].lower_ in NOT_MAIN_CLAUSE_OPENERS):
            return False
        finite = next((k for k, t in enumerate(first) if (is_finite_verb(t) or t.tag_ in FINITE_TAGS)
                       and t.idx not in self.in_quote), None)
        return finite is not None and 0 < finite and (finite < len(first) - 1 or finite <= 2)

    def _frame_start(self, first: Token, cue: Token) -> bool:
        """A frame after the message starts with the cue or its finite auxiliary: ", sagte X" / ", hat X gesagt"
        / ", so beschrieb es X"."""
        return first.i == cue.i or (first.pos_ == "AUX" or first.lower_ in CLAUSE_AUXILIARIES or first.lower_ == "so"
                                    and first.i == cue.i - 1) and first.i < cue.i

    def _message_start(self, sent: SpacySpan, comma: int) -> int:
        """Where the message before a frame begins: the sentence start, or an opening quotation mark
        earlier in the text when the quotation spans several sentences."""
        start = sent.start_char
        before = self.doc[comma - 1] if comma > sent.start else None
        if before is not None:
            for q in self.view.quotes:
                if q.start < sent.start_char < q.end <= before.idx + len(before) + 1:
                    return q.start
        return start

    def wie_before(self, sent: SpacySpan, token: Token) -> int | None:
        """The "wie" opening the cue's clause, across commas of an apposition but not across a verb."""
        for k in range(token.i - 1, sent.start - 1, -1):
            t = self.doc[k]
            opens = k == sent.start or (k == sent.start + 1 and (self.doc[sent.start].pos_ == "CCONJ"
                                                                 or self.doc[sent.start].lower_ == "denn"))
            # "Denn wie X berichtete, …"
            if t.lower_ == "wie" and (opens or self.doc[k - 1].text in (",", "(", "–", "-")):
                return k
            if t.pos_ in ("VERB", "AUX") or self.view.in_spoken(t.idx) or t.text in (";", ":"):
                return None  # a name in quotation marks may stand in the clause: "wie der „Spiegel“ berichtet"
        return None

    def _around_wie(self, sent: SpacySpan, lo: int, token: Token) -> tuple[int, int] | None:
        """"…, wie X mitteilte, …": the message is the longer part of the sentence before or after the
        wie-clause."""
        hi = token.i + 1
        while hi < sent.end and self.doc[hi].text not in (",", ";"):
            hi += 1
        before = (sent.start_char, self.doc[lo - 1].idx) if lo > sent.start else None
        after = (self.doc[hi + 1].idx, sent.end_char) if hi + 1 < sent.end else None
        options = [s for s in (before, after) if s and s[1] - s[0] > 3]
        if not options:
            return None
        start, end = max(options, key=lambda s: s[1] - s[0])
        return start, self.view.trim(start, end)

    def _content_after(self, sent: SpacySpan, token: Token, cue: Cue | None = None) -> tuple[int, int] | None:
        """"sagte, dass …", "befürchtet, Russland könnte …", "teilte mit: „…“", "warnte davor, … zu …".
        Commas around an apposition ("ging Celebi, die Anwältin, davon aus, dass …") are passed over."""
        doc = self.doc
        j = token.i + 1
        while j < sent.end:
            while j < sent.end and doc[j].text not in (",", ":", ";"):
                q = self.view.quote_at(doc[j].idx) if j > token.i + 1 else None
                if q is not None and self.view.clausal(q):
                    if any(token.i < f[1] < j for f in self.frames.frames(sent)):
                        return None  # "… gefunden hat und man laut X „…“": the quotation is the frame's
                    return q.start, q.end  # "sagte gegenüber Reportern „…“"
                if joins_verb_phrases(self.doc, j) and doc[j].idx not in self.in_quote:
                    return None  # "bezeichnete es als … und kündigte an, …": the message belongs to the next verb
                j += 1
            if j >= sent.end or doc[j].text == ";":
                if j >= sent.end and doc[sent.end - 1].text == ":":
                    return self.view.following_quote(sent)
                return None
            found = self.message_at(sent, j, cue)
            if found is not None:
                return found
            segment = self._segment(sent, j + 1)
            if doc[j].text == ":" or any(t.pos_ in ("VERB", "AUX") for t in segment) or len(segment) > 8:
                return None  # a clause that is not the message: stop looking
            j += 1 + len(segment)
        return None

    def message_at(self, sent: SpacySpan, j: int, cue: Cue | None) -> tuple[int, int] | None:
        """The message starting after the comma or colon at token j, if one starts there."""
        doc = self.doc
        if j + 1 >= sent.end:
            return self.view.following_quote(sent) if doc[j].text == ":" else None
        nxt = doc[j + 1]
        end = self.clause_end(sent, j + 1)
        if doc[j].text == ":":
            if (q := self.view.quote_at(nxt.idx)) is not None:
                return q.start, q.end
            return nxt.idx, end
        if (q := self.view.quote_at(nxt.idx)) is not None:
            return q.start, max(q.end, end)
        if nxt.lower_ in self.words["clause_words"]:
            return nxt.idx, end
        if nxt.lower_ in self.words["not_message_words"] and not self._adverb_opening(sent, nxt):
            return None  # "…, um … zu verschleiern", "…, falls …": purpose and condition, not a message
        segment = self._segment(sent, j + 1)
        if any(self.mood.konjunktiv(t) for t in segment) or has_zu_infinitive_words(segment):
            return nxt.idx, end
        if cue is not None and (not cue.reported or cue.type == "statement") and self._verb_second(segment):
            return nxt.idx, end  # "meinte, der Ehemann „konnte … nicht abfinden“": a say-verb's main clause
        return None

    def _adverb_opening(self, sent: SpacySpan, t: Token) -> bool:
        """"erklärte, damit solle ein Machtvakuum vermieden werden": "damit" or "da" right before a finite
        verb is an adverb opening a main clause, not the conjunction of a purpose or reason clause
        (whose verb comes last: "damit ein Machtvakuum vermieden wird"); list `adverb_conjunctions`."""
        nxt = self.doc[t.i + 1] if t.i + 1 < sent.end else None
        return t.lower_ in self.words["adverb_conjunctions"] and nxt is not None and is_finite_verb(nxt)

    def _verb_second(self, segment: list[Token]) -> bool:
        """A main clause: a finite verb after a first constituent of at most a few words."""
        for k, t in enumerate(segment[:8]):
            if is_finite_verb(t):
                return k > 0 and segment[0].pos_ not in ("SCONJ",
                                                         "PRON") and segment[0].lower_ not in NOT_MAIN_CLAUSE_OPENERS
        return False

    def _segment(self, sent: SpacySpan, j: int) -> list[Token]:
        """The tokens from j to the next comma or semicolon."""
        out = []
        while j < sent.end and self.doc[j].text not in (",", ";"):
            out.append(self.doc[j])
            j += 1
        return out

    def clause_end(self, sent: SpacySpan, j: int) -> int:
        """End of the message after a cue: the sentence end, the end of a quotation that runs on, or
        where the main clause resumes (", hatte dieser versucht", ", und fügte hinzu")."""
        end = sent.end_char
        for q in self.view.quotes:
            if q.start < sent.end_char < q.end and q.start >= self.doc[j].idx - 1:
                return self.view.trim(self.doc[j].idx, q.end)
        for k in range(j + 1, sent.end - 1):
            t = self.doc[k]
            if t.text == ":" and t.idx not in self.in_quote and self.view.quote_at(self.doc[k + 1].idx) is not None:
                end = t.idx  # "glaubt, dass …: „…“": the quotation after the colon is a claim of its own
                break
            if t.text != "," or t.idx in self.in_quote:
                continue
            nxt = self.doc[k + 1]
            if nxt.lower_ in RESUMING_CONJUNCTIONS and k + 2 < sent.end:
                nxt = self.doc[k + 2]
            if self._main_verb(nxt):
                end = t.idx
                break
        return self.view.trim(self.doc[j].idx, end)

    def _main_verb(self, t: Token) -> bool:
        """A finite indicative verb right after a comma starts a new main clause."""
        return (is_finite_verb(t) and "Sub" not in t.morph.get("Mood")
                and not self.mood.konjunktiv(t))

    def verb_phrase(self, token: Token, sent: SpacySpan) -> tuple[int, int] | None:
        """The message of a speech act without a clause: the cue's whole clause ("Die Regierung
        dementiert jegliche Angriffspläne"), as the corpus annotates reported speech."""
        lo, hi = clause_bounds(sent, token)
        for _ in range(2):  # "kündigte am Montag, dem 3. Mai, seinen Rücktritt an": past an apposition, when
            after = self.phrases.after_apposition(sent, hi)  # the words after it have no finite verb of their own
            end = clause_bounds(sent, self.doc[after])[1] if after is not None else hi
            if after is None or any(is_finite_verb(t) for t in self.doc[after:end]):
                break
            hi = end
        while lo < hi and (self.doc[lo].is_punct or self.doc[lo].pos_ in ("CCONJ",)):
            lo += 1
        while hi > lo and self.doc[hi - 1].is_punct:
            hi -= 1
        if hi <= lo:
            return None
        return self.doc[lo].idx, self.doc[hi - 1].idx + len(self.doc[hi - 1])
