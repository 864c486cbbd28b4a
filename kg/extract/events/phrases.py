"""Noun phrases: how far a noun trigger's phrase reaches (articles and adjectives before it,
genitives and prepositional phrases after it) and which preposition governs it; participants,
places and dates are then read from that phrase."""

from __future__ import annotations

from kg.extract import german
from kg.extract.events.model import Found
from kg.extract.events.view import Job

MAX_NP = 14  # tokens a noun phrase may reach after its trigger
ROLE_PREPS = ("zum", "zur")  # "Wahl zum Präsidenten", "Ernennung zur Ministerin": part of the phrase before a date


class NounPhrases(Job):
    """Sets each trigger's phrase, preposition and article; marks triggers inside another's phrase."""

    def read(self, f: Found) -> None:
        """The trigger's noun phrase and the preposition governing it; verbs are their own phrase."""
        t = f.token
        if f.kind == "verb":
            f.np = (t.i, t.i + 1)
            return
        start = self._start(f)
        if start - 1 >= f.segment[0] and self.view.is_prep(self.doc[start - 1]):
            f.prep = self.doc[start - 1].lower_
        elif start - 1 > f.segment[0] and self.doc[start - 1].lower_ in german.COORDINATORS:
            # "nach dem Absturz und dem Tod"; not "forderte den Abzug aus Mali und die Schließung …",
            # whose second noun is in another case than the phrase before "und"
            cases = (set(t.morph.get("Case")), set(self.doc[start - 2].morph.get("Case")))
            if not (all(cases) and not cases[0] & cases[1]):
                f.prep = self._shared_prep(start - 2, f.segment[0])
        pre = {self.doc[i].lower_ for i in range(start, t.i)}
        f.definite = bool(pre & self.lex.cue("definite")) or (f.prep in self.lex.cue("definite"))
        # "ähnlich wie Zyklon Larry": what an event is compared with is another one
        f.compared = start - 1 >= f.segment[0] and self.doc[start - 1].lower_ in self.lex.cue("comparison")
        f.fresh = bool(pre & self.lex.cue("new_event_modifiers")) or f.compared
        f.indefinite = bool(pre & self.lex.cue("indefinite"))
        f.np = (start, self._post_modifiers(t.i + 1, f.segment[1]))

    def _start(self, f: Found) -> int:
        """Back from the noun over articles, adjectives, numbers, "möglichen" and a dated attribute
        ("den für Januar geplanten Gesprächen")."""
        view = self.view
        start = f.token.i
        while start - 1 >= f.segment[0]:
            prev = self.doc[start - 1]
            if prev.i in view.timex_at:
                first = view.span_of(view.timex_at[prev.i])[0].i
                if (first - 2 >= f.segment[0] and view.is_prep(self.doc[first - 1])
                        and view.pos(self.doc[first - 2]) == "DET"):
                    start = first - 1
                    continue
                break
            if view.pos(prev) in ("DET", "ADJ", "NUM") or (prev.i in view.mention_at and prev.text[:1].islower()):
                start -= 1
                continue
            if view.pos(prev) == "ADV" and prev.lower_ in self.lex.cue("hypothetical_modifiers"):
                start -= 1
                continue
            break
        return start

    def mark_embedded(self, found: list[Found]) -> None:
        """A noun trigger inside another trigger's phrase or hanging on a noun ("Verhandlungen über
        … des Atomabkommens") is embedded: the clause's date, place and actors are not its own."""
        for f in found:
            f.embedded = f.kind == "noun" and (self._genitive_attribute(f) or any(
                g is not f and g.kind == "noun" and g.np[0] <= f.token.i < g.np[1] and g.token.i < f.token.i
                for g in found))

    def _genitive_attribute(self, f: Found) -> bool:
        """"eine Wiederbelebung des Atomabkommens": the trigger hangs on a noun, not on the clause."""
        i = f.np[0] - 1
        return (f.prep is None and i >= f.segment[0] and self.view.pos(self.doc[i]) == "NOUN"
                and i not in self.view.mention_at and self.doc[f.np[0]].lower_ in german.GENITIVE_ARTICLES)

    def _shared_prep(self, i: int, limit: int) -> str | None:
        """The preposition of the first conjunct, read backwards from its last token at i."""
        while i >= limit and (self.view.pos(self.doc[i]) in german.NP_POS or i in self.view.mention_at):
            i -= 1
        return self.doc[i].lower_ if i >= limit and self.view.is_prep(self.doc[i]) else None

    def _post_modifiers(self, i: int, limit: int) -> int:
        """End of the phrases that follow a noun: genitives ("Einmarsch Russlands", "Vertreter der
        USA") and participant, place or topic phrases ("zwischen Russland und der NATO", "in Genf");
        a phrase with a trigger of its own ends it ("Telefonat vor einem Einmarsch")."""
        view, cue = self.view, self.lex.cue
        preps = cue("participant_preps") | cue("locative_preps") | cue("topic_preps")
        end = i
        limit = min(limit, i + MAX_NP)
        while end < limit:
            t = self.doc[end]
            if end in view.mention_at and view.mention_at[end][0] == end:
                end = view.mention_at[end][1]
                continue
            dated = end + 1 if view.is_prep(t) and end + 1 < limit and end + 1 in view.timex_at else end
            if dated in view.timex_at:  # "ein Urteil vom 25. März", "eine Demonstration vor zwei Wochen"
                end = max(dated + 1, view.span_of(view.timex_at[dated]).end)
                continue
            if t.lower_ in ROLE_PREPS and end + 1 < limit:  # "seiner Wahl zum Präsidenten 1989"
                nxt = self.np_end(end + 1, limit)
                if nxt < limit and nxt in view.timex_at:
                    end = nxt
                    continue
            if (view.is_prep(t) and t.lower_ in preps) or t.lower_ in german.GENITIVE_ARTICLES:
                nxt = self.np_end(end + 1, limit)
                if nxt == end + 1 or any(view.is_trigger_noun(self.doc[j]) for j in range(end + 1, nxt)):
                    break
                end = nxt
                continue
            break
        return end

    def np_end(self, i: int, limit: int) -> int:
        """End of a plain noun phrase starting at i: entity names are atomic, a date ends it, and so
        does a pronoun that opens a clause."""
        view = self.view
        return german.noun_phrase_end(self.doc, i, limit, names=view.name_end, stops=view.timex_at,
                                      clause_pronouns=self.lex.cue("scope_breakers"), pos=view.pos)
