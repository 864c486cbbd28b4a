"""Place and participants of a trigger: places from locative phrases ("in Genf"), participants
from the trigger's noun phrase and, when the clause supports it, from the clause: its names, the
controller of a "zu"-infinitive and the antecedent of "er". Titles before a name, topics, sources
and the other triggers' phrases are skipped."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract import german
from kg.extract.events.lexicon import EventType
from kg.extract.events.model import Found
from kg.extract.events.phrases import NounPhrases
from kg.extract.events.tense import Tense
from kg.extract.events.view import ArticleView, Job
from kg.lexicon import lexicon


class Participants(Job):
    """Sets a trigger's place and participants (entity keys, in text order)."""

    def __init__(self, view: ArticleView, tense: Tense, phrases: NounPhrases) -> None:
        super().__init__(view)
        self.tense, self.phrases = tense, phrases

    def read(self, f: Found, found: list[Found]) -> None:
        """Place from locative phrases, participants from the noun phrase and (if supported) the clause.

        Skipped: titles before a name, topics ("über den Ukraine-Konflikt"), sources ("nach Angaben
        des Kremls", "laut Moskau"), directions of non-directional events ("in die Ukraine") and
        the noun phrases of the clause's other triggers (their participants are theirs)."""
        own = range(*f.np)
        skip: set[int] = set(self.view.modifiers)
        if f.supported:
            for other in found:
                if other is not f and other.kind == "noun":
                    skip.update(i for i in range(*other.np) if i not in own)
        spans = [f.np] if not f.supported else [f.np, f.clause, self._subject_field(f)]
        places = self._places(f, spans, skip, own)
        keys = self._named(f, spans, skip)
        if f.supported and self.tense.infinitive(f.segment):
            keys += [k for k in self._controller(f) if k not in keys]
        if f.supported and any(self.doc[i].text == "er" for lo, hi in spans[1:] for i in range(lo, hi)):
            keys += [k for k in self._antecedent(f) if k not in keys]
        if places:
            f.place = min(places)[1]
        f.participants = [k for k in keys if k != f.place]

    def _places(self, f: Found, spans: list[tuple[int, int]], skip: set[int], own: range) -> list[tuple[int, str]]:
        """(distance, key) of the places in the spans' locative phrases; the tokens of phrases that
        name no participant go into `skip`."""
        places: list[tuple[int, str]] = []
        for lo, hi in spans:
            i = lo
            while i < hi:
                t = self.doc[i]
                if i in skip or not self.view.is_prep(t) or i + 1 >= hi:
                    if t.lower_ in self.lex.cue("source_preps"):  # "Moskau zufolge"
                        skip.update(range(max(lo, i - 3), i))
                    i += 1
                    continue
                end = self.phrases.np_end(i + 1, hi)
                if self._source(t):  # "nach Angaben von der Agentur „Interfax“": the source's whole phrase
                    end = self._source_end(f, i + 1, end, hi)
                self._phrase(f, t, end, skip, own, places)
                i = max(end, i + 1)
        return places

    def _phrase(self, f: Found, prep: Token, end: int, skip: set[int], own: range,
                places: list[tuple[int, str]]) -> None:
        """One prepositional phrase up to `end`: a topic, source or direction is skipped, a
        locative's places are collected, other phrases outside the trigger's own are skipped."""
        cue = self.lex.cue
        i, word = prep.i, prep.lower_
        if word in cue("topic_preps") or self._source(prep):
            skip.update(range(i, end))
        elif german.is_directional(prep):
            if not f.type.directional:
                skip.update(range(i, end))
        elif word in cue("locative_preps") and (i in own or f.clause[0] <= i < f.clause[1]):
            for j in range(i + 1, end):
                m = self.view.mention_at.get(j)
                # the trigger is not its own place ("deuten auf Suizid", the NER's place)
                if m and m[0] == j and j != f.token.i and self.view.is_place(m[2]) and self.doc[j].text[:1].isupper() \
                        and m[1] - 1 not in self.view.partial:
                    places.append((abs(i - f.token.i), m[2]))
                    skip.update(range(m[0], m[1]))
        elif word not in cue("participant_preps") and i not in own:
            skip.update(range(i, end))  # "an der Grenze zur Ukraine", "für Russland"

    def _source_end(self, f: Found, noun: int, end: int, hi: int) -> int:
        """The end of a source's phrase ("nach Angaben von der Agentur „Interfax“"): what the parser
        hangs on its noun, and a "von" phrase right after it with what hangs on that."""
        end = self._below(f, noun, end, hi)
        if end < hi and self.doc[end].lower_ in ("von", "vom"):
            nxt = self.phrases.np_end(end + 1, hi)
            if nxt > end + 1:
                end = self._below(f, nxt - 1, nxt, hi)
        return end

    def _below(self, f: Found, noun: int, end: int, hi: int) -> int:
        """From `end` on, the tokens the parser hangs on the noun, up to a verb or the trigger."""
        below = {x.i for x in self.doc[noun].subtree}
        while end < hi and end in below and end != f.token.i and not self.view.is_verbal(self.doc[end]):
            end += 1
        return end

    def _source(self, prep: Token) -> bool:
        """"laut Moskau", "Moskau zufolge", "nach Angaben des Kremls": whose word it is, no participant."""
        nxt = prep.i + 1
        return prep.lower_ in self.lex.cue("source_preps") or (
            prep.lower_ == "nach" and nxt < len(self.doc) and self.doc[nxt].lower_ in self.lex.cue("source_nouns"))

    def _named(self, f: Found, spans: list[tuple[int, int]], skip: set[int]) -> list[str]:
        """The actors the spans name, outside `skip`, in text order."""
        view = self.view
        keys: list[str] = []
        for lo, hi in spans:
            for i in range(lo, hi):
                m = view.mention_at.get(i)
                if m is None or i in skip or m[0] != i and i != lo:
                    continue
                if m[1] - 1 in view.partial and m[1] - 1 != f.token.i and not self._actor_head(self.doc[m[1] - 1]):
                    continue  # "US-Dollar", "Iran-Frage": no actor
                if m[0] <= f.token.i < m[1] and f.token.i not in view.partial:
                    continue  # the event named as an organisation ("Münchner Sicherheitskonferenz")
                key = self._actor(m[2], f.type)
                if key and key not in keys:
                    keys.append(key)
        return keys

    def _antecedent(self, f: Found) -> list[str]:
        """"er" in the trigger's clause: the first person named earlier in the sentence, else the
        first person (the subject, mostly) of the sentence before ("Scholz telefonierte mit Macron.
        Am Dienstag telefonierte er mit Biden")."""
        view = self.view
        before = f.sentence[0] - 1
        while before >= 0 and self.doc[before].is_space:
            before -= 1
        previous = view.sent_start[before] if before >= 0 else f.sentence[0]
        for lo, hi in ((f.sentence[0], f.clause[0]), (previous, f.sentence[0])):
            for i in range(lo, hi):
                m = view.mention_at.get(i)
                entity = view.index.by_key.get(m[2]) if m else None
                if entity and entity.type == "Person" and not entity.anonymous and i not in view.modifiers:
                    return [self._actor(entity.key, f.type) or entity.key]
        return []

    def _controller(self, f: Found) -> list[str]:
        """Who does the infinitive: the object after "warnen", "auffordern" ("warnte Biden davor,
        Sanktionen zu verhängen"), else the subject of the clause before."""
        before = self.tense.segment_before(f)
        if before[1] <= before[0]:
            return []
        skip = set(self.view.modifiers)
        for i in range(*before):
            t = self.doc[i]
            inside = i in self.view.mention_at and self.view.mention_at[i][0] < i  # "Bewegung für … Wandel"
            if self.view.is_prep(t) and not inside:  # a source, any name in a phrase ("kurz vor dem EU-Referendum"): no doer
                end = self.phrases.np_end(i + 1, before[1])
                below = {x.i for x in t.head.subtree} if t.head.i > i else set()
                while end < before[1] and end in below:  # "durch Recherchen des Journalisten Pascal Hesse"
                    end += 1
                # "die Bewegung für Demokratischen Wandel (MDC)": the bracket names the noun before the phrase
                end = next((j for j in range(i + 1, end) if self.doc[j].text == "("), end)
                skip.update(range(i, end))
        actors = []
        for i in range(*before):
            m = self.view.mention_at.get(i)
            if m and m[0] == i and i not in skip and (key := self._actor(m[2], f.type)) and key not in actors:
                actors.append(key)
        if set(self.view.words(before)) & self.lex.cue("object_control"):
            return actors[1:2]
        return actors[:1]

    def _subject_field(self, f: Found) -> tuple[int, int]:
        """Names before the first verb of the segment: the subject that coordinated clauses share
        ("Biden und Putin hatten sich … getroffen und … ein Videotelefonat geführt")."""
        end = next((i for i in range(*f.segment) if german.is_verb(self.doc[i])), f.segment[0])
        return (f.segment[0], end)

    def _actor_head(self, t: Token) -> bool:
        """"US-Regierung", "NATO-Truppen", "US-Präsident": a compound naming people or an institution."""
        head = t.text.rpartition("-")[2]
        return head.lower() in self.lex.cue("actor_heads") or lexicon().role(head) is not None

    def _actor(self, key: str, etype: EventType) -> str | None:
        """Who acts for an entity (a spokesperson's organisation …); no place acts; in state-level
        events a head of state acts for the country."""
        entity = self.view.index.by_key.get(key)
        if entity is None:
            return None
        acting = self.view.index.actor(key)
        if acting == key and entity.type == "Place":
            return None
        if etype.state_actors:
            acting = self._state_of(acting)
        return acting

    def _state_of(self, key: str) -> str:
        """A head of state or government acts for the country in state-level events."""
        index = self.view.index
        entity = index.by_key.get(key)
        if entity and entity.type == "Person":
            for role in entity.roles:
                of = index.by_key.get(role.of or "")
                if of and of.type == "Country" and role.name.split()[-1].lower() in self.lex.cue("head_of_state_roles"):
                    return of.key
        return key
