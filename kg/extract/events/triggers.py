"""Triggers: the nouns and verbs of the lexicon (kg/data/event_types.jsonl) in a sentence, each in
its segment and clause, with the verb's particle, needs and exclusions checked."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract import german
from kg.extract.events.model import Found
from kg.extract.events.view import Job

CLAUSE_STARTS = {"ADV", "ADP", "VERB", "AUX", "PART", "SCONJ", "X"}  # after "und": a new clause, not a name


class TriggerFinder(Job):
    """Finds the triggers of a sentence."""

    def find(self, sent: Span) -> list[Found]:
        """The sentence's triggers in text order, with their sentence, segment and clause."""
        found = []
        for seg in german.segments(sent):
            for clause in self._clauses(seg):
                for i in range(*clause):
                    f = self._trigger(self.doc[i], seg)
                    if f:
                        f.sentence, f.segment, f.clause = (sent.start, sent.end), seg, clause
                        found.append(f)
        return found

    def _clauses(self, seg: tuple[int, int]) -> list[tuple[int, int]]:
        """A segment cut before "und"/"oder" that joins clauses, not names ("und zuletzt am 7. Dezember …")."""
        view = self.view
        out, start = [], seg[0]
        for i in range(seg[0] + 1, seg[1] - 1):
            t, nxt = self.doc[i], self.doc[i + 1]
            if t.lower_ in german.COORDINATORS and i > start and view.pos(nxt) in CLAUSE_STARTS:
                if nxt.i in view.mention_at or nxt.i in view.timex_at and view.pos(nxt) != "ADP":
                    continue
                out.append((start, i))
                start = i + 1
        out.append((start, seg[1]))
        return out

    def _trigger(self, t: Token, seg: tuple[int, int]) -> Found | None:
        """A noun (capitalised, by its head) or verb form of the lexicon, with its particle and needs met."""
        if not t.is_alpha and "-" not in t.text:
            return None
        if t.text[:1].isupper() and not (t.is_sent_start and german.is_verb(t)):
            return self._noun(t, seg)
        if self.view.has_pos and not self.view.is_verbal(t):
            return None  # "die inhaftierten Gefangenen": an adjective
        return self._verb(t, seg)

    def _noun(self, t: Token, seg: tuple[int, int]) -> Found | None:
        noun = self.lex.noun(t.text)
        if noun and (not self.view.has_pos or self.view.pos(t) in ("NOUN", "PROPN", "X", "ADJ")) and not (
                t.i > seg[0] and self.doc[t.i - 1].lower_ in noun.not_after) and not self._name(t) \
                and self._sense(noun.needs, noun.unless, t):
            return Found(noun.type, t, "noun")
        return None

    def _sense(self, needs: tuple[str, ...], unless: tuple[str, ...], t: Token) -> bool:
        """A noun's sense by the words of its sentence (or compounds ending in them): one of its
        needs ("Entgleisung" of a train) and none of its exclusions ("Tornados" of an air force)."""
        words = [self.doc[j] for j in range(t.sent.start, t.sent.end) if j != t.i]
        if needs and not any(german.is_word_or_head(w, x) for w in words for x in needs):
            return False
        return not any(german.is_word_or_head(w, x) for w in words for x in unless)

    def _name(self, t: Token) -> bool:
        """A name that ends like a trigger ("Gillibrand", "Hildebrand"): a compound head counts only
        in a common noun, never in a person's or place's name."""
        return "-" not in t.text and (t.i in self.view.mention_at or self.view.pos(t) == "PROPN") \
            and self.lex.compound(t.text)

    def _verb(self, t: Token, seg: tuple[int, int]) -> Found | None:
        """The first sense of the verb form whose particle, needs and exclusions the segment meets."""
        later = {self.doc[i].lower_ for i in range(t.i + 1, seg[1]) if self._separated(i, seg)}
        # a particle after "und" that follows the clause's closing verb is the next clause's: "zu einer
        # Bewährungsstrafe verurteilt und vertraute sich … an"
        end = next((i for i in range(t.i + 1, seg[1]) if self.doc[i].lower_ in ("und", "oder", "sowie")
                    and german.is_verb(self.doc[i - 1])), seg[1])
        stray_particle = any(self._particle(self.doc[i]) for i in range(t.i + 1, end))
        senses = self.lex.verbs.get(t.lower_, ()) + tuple(
            v for v in self.lex.verbs.get("|" + t.lower_, ()) if v.particle in later)
        for verb in senses:
            if verb.needs and not self._needs(verb.needs, t, seg):
                continue
            if verb.unless and set(self.view.words(seg)) & set(verb.unless):
                continue  # "sich übergeben" is no handover
            if not verb.particle and stray_particle:
                continue  # "starben … aus" is aussterben, not sterben
            return Found(verb.type, t, "verb", light=verb.light)
        return None

    def _separated(self, i: int, seg: tuple[int, int]) -> bool:
        """The word may be a separated particle: tagged so, or last before punctuation, a verb or the
        segment's end ("kam … zusammen"); not a preposition before its noun ("treten bei einem
        Konzert auf" is auftreten, not beitreten)."""
        t = self.doc[i]
        if self._particle(t):
            return True
        nxt = self.doc[i + 1] if i + 1 < seg[1] else None
        return nxt is None or nxt.is_punct or nxt.is_space or german.is_verb(nxt)

    @staticmethod
    def _particle(t: Token) -> bool:
        """A separable verb particle ("starben … aus"), by tag (PTKVZ) or dependency."""
        return (t.tag_ == "PTKVZ" or t.dep_ == "compound:prt") and t.lower_ in german.PARTICLES

    def _needs(self, needs: tuple[str, ...], t: Token, seg: tuple[int, int]) -> bool:
        """One of the sense's needs is met: ">" a name next to the verb, "mit>" the word and a name
        after it, else the word (or a compound ending in it)."""
        for need in needs:
            word = need.partition(">")[0]
            if not word:
                if self._name_next_to(t, seg):
                    return True
                continue
            if self._word_near(need, word, t, seg):
                return True
        return False

    def _name_next_to(self, t: Token, seg: tuple[int, int]) -> bool:
        """A name after the verb ("traf Putin", "traf am Montag X"), or before a clause-final verb
        ("Biden treffen wird")."""
        view = self.view
        final = all(german.is_verb(self.doc[j]) or self.doc[j].is_punct for j in range(t.i + 1, seg[1]))
        reach = t.i + 4 + sum(1 for j in range(t.i + 1, min(t.i + 8, seg[1])) if j in view.timex_at)
        window = range(max(t.i - 3, seg[0]) if final else t.i + 1, min(reach, seg[1]))
        return any(j in view.mention_at for j in window if j != t.i)

    def _word_near(self, need: str, word: str, t: Token, seg: tuple[int, int]) -> bool:
        """A function word ("sich", "mit") must be in the verb's part of the sentence; other words
        ("Haft", "Gericht", "wegen") name the domain anywhere in it ("wegen A, B und C verurteilt")."""
        local = need.endswith(">") or word in self.lex.cue("clause_needs")
        scope = seg if local else (t.sent.start, t.sent.end)
        for j in range(*scope):
            if german.is_word_or_head(self.doc[j], word) and (
                not need.endswith(">") or any(k in self.view.mention_at for k in range(j + 1, min(j + 4, scope[1])))
            ):
                return True
        return False
