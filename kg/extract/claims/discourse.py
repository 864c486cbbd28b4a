"""Claims across sentences: uncued sentences that continue a report (Konjunktiv, hearsay "soll", a
further quotation), and headlines that restate a body claim."""

from __future__ import annotations

from typing import TYPE_CHECKING

import re

from spacy.tokens import Span as SpacySpan, Token

from kg.extract.claims.model import Draft
from kg.extract.claims.view import Job
from kg.extract.german import is_finite_verb

if TYPE_CHECKING:
    from kg.extract.claims.actors import Actors
    from kg.extract.claims.messages import Messages
    from kg.extract.claims.mood import Mood
    from kg.extract.claims.phrases import NounPhrases
    from kg.extract.claims.roles import Roles
    from kg.extract.claims.speakers import Speakers


class Discourse(Job):
    """Claims that span sentences: continued reports and restating headlines."""

    actors: Actors
    messages: Messages
    mood: Mood
    phrases: NounPhrases
    roles: Roles
    speakers: Speakers

    def continuation(self, i: int, sent: SpacySpan, drafts: list[Draft]) -> list[Draft]:
        """A sentence with no cue continues the previous report: in Konjunktiv ("Russland müsse …")
        or as a further quotation of the same speaker."""
        if i in self.view.headings:
            return []
        prev = drafts[-1] if drafts else None
        if (prev is None or max(prev.sentence, prev.last) < i - 1) and (actor := self._actor_before(i)):
            prev = actor  # "Das Institut sieht keine Gefahr. Personen … seien zu schützen": its view
        if prev is None or max(prev.sentence, prev.last) < i - 2 or prev.heading:
            return []
        text_quoted = sum(min(q.end, sent.end_char) - max(q.start, sent.start_char) for q in self.view.quotes
                          if q.start < sent.end_char and q.end > sent.start_char)
        if (text_quoted >= 0.8 * len(sent.text) and len(sent) >= self.words["min_uncued_quote_words"]
                and prev.mode in ("direct", "mixed", "indirect")):
            mode = "direct"
        elif self._reported_mood(sent, prev, adjacent=max(prev.sentence, prev.last) == i - 1):
            mode = self.view.mode(sent.start_char, sent.end_char)  # "Er sei „nicht aggressiv“": mixed
        else:
            return []
        start, end = sent.start_char, sent.end_char
        if (own := self._indicative_actor(sent)) is not None and own[0] != prev.speaker:
            # "Auch der Sprecher der SPD, X, will „…“ prüfen, ob …": an indicative main clause with an actor of
            # its own reports that actor, the Konjunktiv is only its subordinate clause's
            draft = Draft(i, (start, end), "statement", mode, speaker=own[0], speaker_span=own[1])
            draft.quote = self.view.quote_span(start, end) if mode != "indirect" else None
            return [draft]
        reported = ("indirect", "mixed")
        if mode in reported and prev.cue is None and prev.mode in reported and max(prev.sentence, prev.last) == i - 1:
            # "Außerdem sei … . Das gleiche gelte …": a report running on over sentences is one claim
            prev.content, prev.last = (prev.content[0], end), i
            prev.mode = self.view.mode(*prev.content)
            prev.quote = self.view.quote_span(*prev.content) if prev.mode != "indirect" else None
            prev.evidence.append(i)
            return []
        draft = Draft(i, (start, end), "statement", mode, speaker=prev.speaker, speaker_span=prev.speaker_span,
                      addressee=list(prev.addressee), via=prev.via, reported_by=prev.reported_by)
        draft.type = self.roles.modal_type(start, end) or (
            "statement" if prev.type in ("warning", "denial", "rejection", "accusation") else prev.type)
        if mode != "indirect":
            draft.quote = self.view.quote_span(start, end)
        return [draft]

    def reasons(self, i: int, sent: SpacySpan, found: list[Draft], drafts: list[Draft]) -> list[Draft]:
        """A reason given in Konjunktiv I is the reason the subject gives, reported speech of its own:
        "Vertreter der Verbände erwarten keine schnelle Entscheidung, weil die Abgeordneten keinen Antrag
        gestellt habe"; "Er wies den Vorwurf zurück, da er jeder Grundlage entbehre" (list
        `reason_conjunctions`). The indicative ("weil es regnete") is the author's own account; a reason
        inside a report (a continuation in Konjunktiv) is part of that report."""
        if i in self.view.headings:
            return []
        out = []
        for t in sent:
            if (t.lower_ not in self.words["reason_conjunctions"] or t.idx in self.in_quote or t.i == sent.start
                    or self.doc[t.i - 1].text != ","
                    or any(d.content[0] <= t.idx < d.content[1] for d in found + drafts[-1:])):
                continue
            end = self.messages.clause_end(sent, t.i)
            clause = [x for x in self.doc[t.i + 1 : sent.end] if x.idx < end]
            if not any(self.mood.konjunktiv1(x) for x in clause if x.pos_ in ("AUX", "VERB")):
                continue
            speaker = self._reason_giver(sent, t, found)
            if speaker is None:
                continue
            draft = Draft(i, (t.idx, self.view.trim(t.idx, end)), "statement", "indirect", speaker=speaker[0],
                          speaker_span=speaker[1])
            draft.mode = self.view.mode(*draft.content)
            if draft.mode != "indirect":
                draft.quote = self.view.quote_span(*draft.content)
            out.append(draft)
        return out

    def _reason_giver(self, sent: SpacySpan, conj: Token,
                      found: list[Draft]) -> tuple[str | None, tuple[int, int] | None] | None:
        """Who gives the reason: the speaker of a claim of the main clause before it, else the main
        clause's subject when it is an actor (a pronoun resolved)."""
        main = next((d for d in found if d.cue is not None and d.cue[0] < conj.idx and d.content[1] <= conj.idx
                     and (d.speaker or d.speaker_span)), None)
        if main is not None:
            return main.speaker, main.speaker_span
        span = self.speakers.sentence_subject(sent)
        if span is None or span[1] > conj.idx:
            return None
        words = self.doc.char_span(*span, alignment_mode="expand")
        if words is not None and len(words) == 1 and words[0].pos_ == "PRON":
            key = self.actors.antecedent(words[0], sent)
            return (key, span) if key else None
        if not self.actors.speaks(span):
            return None
        return self.actors.best_entity(span, None), span

    def _actor_before(self, i: int) -> Draft | None:
        """The sentence before made no claim, but its subject is an actor: a Konjunktiv I sentence
        after it reports that actor's view, not a report further back ("Das Robert-Koch-Institut
        sieht keine Gefahr. Personen … seien zu schützen"). A draft standing for that actor; it
        allows only Konjunktiv I (as a report two sentences back does), not "soll" or Konjunktiv II."""
        before = self.view.spans[i - 1] if i > 0 else None
        if before is None or i - 1 in self.view.headings:
            return None
        span = self.speakers.sentence_subject(before)
        if span is None or not self.actors.speaks(span):
            return None
        words = self.doc.char_span(*span, alignment_mode="expand")
        whole = self.phrases.np_after(words.start, before.end) if words is not None else None
        if whole and whole[0] == span[0] and whole[1] > span[1]:
            span = whole  # "Der VW-Betriebsratsvorsitzende Bernd Osterloh": the parse stopped at the title
        return Draft(i - 2, span, "statement", "reported", speaker=self.actors.best_entity(span, None),
                     speaker_span=span)

    def _indicative_actor(self, sent: SpacySpan) -> tuple[str | None, tuple[int, int]] | None:
        """The subject of an indicative main clause when it is named ("der Sprecher …, Dieter Wiefelspütz",
        "die Gewerkschaft"), not a pronoun; None where the main verb is Konjunktiv, hearsay "soll" or
        Konjunktiv II, or the subject cannot speak."""
        main = next((t for t in sent if is_finite_verb(t) and t.idx not in self.in_quote), None)
        if main is None or self.mood.konjunktiv(main) or main.lower_ in (*self.words["hearsay"],
                                                                         *self.words["konjunktiv2"]):
            return None
        span = self.speakers.surface_speaker(sent, main)
        words = self.doc.char_span(*span, alignment_mode="expand") if span else None
        if not words or span[1] > main.idx or any(t.pos_ == "PRON" for t in words) or not self.actors.speaks(span):
            return None
        return self.actors.best_entity(span, None), span

    def _reported_mood(self, sent: SpacySpan, prev: Draft, adjacent: bool) -> bool:
        """Konjunktiv I; or, right after a report with a speaker, Konjunktiv II or the hearsay "soll"
        ("Der Täter soll geflohen sein") in the main clause."""
        finite = [t for t in sent if t.idx not in self.in_quote and (t.pos_ in ("AUX", "VERB") or not self.view.parsed)]
        if any(self.mood.konjunktiv1(t) for t in finite):
            return True
        if prev.speaker is None and prev.speaker_span is None:
            return False
        main = [t for t in finite if t.dep_ in ("ROOT", "root") or t.head.dep_ in ("ROOT", "root")
                and t.dep_ in ("aux", "aux:pass", "cop")]
        if adjacent and any(t.lower_ in self.words["hearsay"] for t in main or finite[:1]):
            return True
        return adjacent and prev.mode != "reported" and any(t.lower_ in self.words["konjunktiv2"] for t in main
                                                            or finite[:1])

    def merge_headings(self, drafts: list[Draft]) -> list[Draft]:
        """A headline claim restating a body claim is the same claim: it becomes further evidence."""
        body = [d for d in drafts if not d.heading]
        out = list(body)
        for h in (d for d in drafts if d.heading):
            match = next((b for b in body if b.sentence > h.sentence and self._restates(h, b)), None)
            if match is None:
                match = next((b for b in body if self._restates(h, b)), None)
            if match is not None:
                match.evidence.append(h.sentence)
            elif h.speaker is not None:
                out.append(h)
        return out

    def _restates(self, h: Draft, b: Draft) -> bool:
        """A headline claim restates a body claim: same speaker (or speaker head word), and same type,
        cue or content words."""
        same_speaker = h.speaker is not None and h.speaker == b.speaker or (
            h.speaker_span and b.speaker_span and self._head_word(h.speaker_span) == self._head_word(b.speaker_span))
        if not same_speaker:
            return False
        if h.type == b.type or (h.cue_lemma and b.cue_lemma
                                and (h.cue_lemma in b.cue_lemma or b.cue_lemma in h.cue_lemma)):
            return True
        heading = self.sents.sentences[h.sentence]
        return bool(self._content_words((heading.start, heading.end)) & self._content_words(b.content))

    def _head_word(self, span: tuple[int, int]) -> str:
        """The last word of a span, lower case: what two mentions of a speaker share ("Sprecher")."""
        words = re.findall(r"\w+", self.text[span[0] : span[1]])
        return words[-1].lower() if words else ""

    def _content_words(self, chars: tuple[int, int]) -> set[str]:
        """Nouns, names and adjectives of a span, cut to six letters: a rough stem for comparing messages."""
        span = self.doc.char_span(*chars, alignment_mode="expand")
        if span is None:
            return set()
        return {(t.lemma_ or t.text).lower()[:6] for t in span if t.pos_ in ("NOUN", "PROPN", "ADJ") and len(t) > 3}
