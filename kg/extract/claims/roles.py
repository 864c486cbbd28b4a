"""A claim's addressees, its channel or reporter named by a frame, and the type its modal verbs give it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan, Token

from kg.extract.claims.grammar import CONJ, DEMAND_FORMS, FUTURE_FORMS, IOBJ, OBJECT
from kg.extract.claims.lexicon import Cue, DEFAULT_ADDRESSEE
from kg.extract.claims.model import Draft
from kg.extract.claims.view import Job
from kg.extract.german import clause_bounds, clause_finite

if TYPE_CHECKING:
    from kg.extract.claims.actors import Actors
    from kg.extract.claims.mood import Mood
    from kg.extract.claims.frames import Frames
    from kg.extract.claims.phrases import NounPhrases


class Roles(Job):
    """Fills a draft's addressees, channel, reporter and type."""

    actors: Actors
    mood: Mood
    frames: Frames
    phrases: NounPhrases

    def addressees(self, token: Token, cue: Cue, draft: Draft, sent: SpacySpan) -> list[str]:
        """"sagte … zu Putin", "warnte Biden", "wirft Kiew und der NATO … vor": the cue's objects or
        prepositional phrases that the data names as its addressee, as actors."""
        lo, hi = clause_bounds(sent, token)
        spans = []
        for t in self.doc[lo:hi]:
            if t.lower_ in cue.addressee and t.pos_ in ("ADP", "") and not draft.content[0] <= t.idx < draft.content[1]:
                if span := self.phrases.np_after(t.i + 1, hi):
                    spans.append(span)
        for child in token.children:
            if (child.dep_ in IOBJ and "iobj" in cue.addressee) or (child.dep_ in OBJECT and "obj" in cue.addressee):
                spans += [self.phrases.np_span(x) for x in (child, *(c for c in child.children if c.dep_ in CONJ))]
        if cue.addressee != DEFAULT_ADDRESSEE and {"obj", "iobj"} & set(cue.addressee):
            spans += self._objects(token, sent, draft, hi)
        out: list[str] = []
        for span in spans:
            if draft.speaker_span and span[0] < draft.speaker_span[1] and draft.speaker_span[0] < span[1]:
                continue
            key = self.actors.best_entity(span, None, act=False, strict=True)
            if key is None:
                continue
            actor = self.index.actor(key)
            place = self.index.by_key[key].type == "Place" and actor == key
            if actor != draft.speaker and not place and actor not in out:
                out.append(actor)
        return out

    def _objects(self, token: Token, sent: SpacySpan, draft: Draft, hi: int) -> list[tuple[int, int]]:
        """Noun phrases right after the finite verb (and its subject), joined by "und": "warnte
        Biden", "wirft Kiew und der NATO … vor"; each reduced to the actor at its head."""
        j = clause_finite(sent, token).i + 1
        if draft.speaker_span and j < hi and draft.speaker_span[0] >= self.doc[j].idx:
            end = self.doc.char_span(*draft.speaker_span, alignment_mode="expand")
            j = end.end if end is not None else j
        out = []
        while j < hi:
            while j < hi and self.doc[j].pos_ == "ADV":
                j += 1
            span = self.phrases.np_after(j, hi) if j < hi else None
            key = self.actors.best_entity(span, None, act=False) if span else None
            if key is None:
                break
            mention = next(((s, e) for s, e, k in self.index.spans if k == key and span[0] <= s < span[1]), span)
            out.append(mention)
            words = self.doc.char_span(*span, alignment_mode="expand")
            j = words.end if words is not None else hi
            if j < hi and (self.doc[j].pos_ == "CCONJ" or self.doc[j].text == ","):
                j += 1
                continue
            break
        return out

    def frame_roles(self, draft: Draft, sent: SpacySpan) -> None:
        """"sagte Biden nach Angaben des Weißen Hauses": the frame's source is the channel (or, for a
        person, the reporter) of a claim whose speaker the verb names."""
        for frame, lo, hi, source in self.frames.frames(sent):
            inside = draft.content[0] <= self.doc[lo].idx < draft.content[1]
            if inside and draft.mode != "reported":
                continue  # a frame inside a quotation or clause belongs to the message
            if inside:
                draft.content = self._without(draft.content, (self.doc[lo].idx, source[1] if source
                                                              else self.doc[hi - 1].idx + len(self.doc[hi - 1])))
            key = self.actors.source_key(source, act=False)
            if draft.speaker is None and draft.speaker_span is None and source:
                # "Wie aus Unternehmenskreisen verlautete": the frame names the only source
                draft.speaker, draft.speaker_span = (self.index.actor(key) if key else None), source
                continue
            if not key or self.index.actor(key) == draft.speaker:
                continue
            if draft.speaker is None:
                continue
            elif self.index.by_key.get(key) and self.index.by_key[key].type == "Person":
                draft.reported_by = key
            else:
                draft.via = key

    def _without(self, content: tuple[int, int], frame: tuple[int, int]) -> tuple[int, int]:
        """The message without a frame at its start or end ("Nach Angaben X forderte …")."""
        start, end = content
        if frame[0] <= start + 1 and frame[1] < end:
            start = frame[1]
            while start < end and self.text[start] in " ,":
                start += 1
        elif frame[1] >= end - 1 and frame[0] > start:
            end = self.view.trim(start, frame[0])
        return start, end

    def refine_type(self, draft: Draft) -> str:
        """A neutral verb reporting "müsse …" is a demand, "werde …" a prediction."""
        if draft.type not in ("statement", "assessment") or draft.mode == "reported":
            return draft.type
        return self.modal_type(*draft.content) or draft.type

    def modal_type(self, start: int, end: int) -> str | None:
        """"müsse" (Konjunktiv of a demand modal) makes a demand, "werde" with an infinitive a prediction."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        for t in span:
            if not self.mood.konjunktiv(t) and t.idx not in self.in_quote:
                continue
            if t.lemma_ in self.words["demand_modals"] or t.lower_ in DEMAND_FORMS:
                return "demand"
            if t.lemma_ in self.words["future_aux"] and t.lower_ in FUTURE_FORMS:
                if any(x.tag_ == "VVINF" or x.pos_ == "VERB" for x in span[t.i - span.start + 1 :]):
                    return "prediction"
        return None
