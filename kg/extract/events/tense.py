"""The tense of a trigger's clause, which dates and sets the status of its event: German grammar
(kg.extract.german) plus the lexicon's verbs, whose forms the tagger often gets wrong."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract import german
from kg.extract.events.model import Found
from kg.extract.events.view import Job


class Tense(Job):
    """Past, present, pluperfect and future of token ranges, and the clause a "zu"-infinitive
    depends on."""

    def span(self, f: Found) -> tuple[int, int]:
        """Where the trigger's tense is read: its segment, or its sentence when the segment has no
        verb ("Bei einer Pressekonferenz haben Ministerin A (CDU), B und C … vorgestellt")."""
        return f.segment if any(self.view.pos(self.doc[i]) == "VERB" for i in range(*f.segment)) else f.sentence

    def past(self, span: tuple[int, int]) -> bool:
        """Präteritum, Perfekt or Plusquamperfekt in the span."""
        tokens = self.view.tokens(span)
        return (any(german.is_finite_past(t) for t in tokens) or any(self._weak_preterite(t) for t in tokens)
                or german.is_perfect(tokens, self.lex.participles))

    def pluperfect(self, span: tuple[int, int]) -> bool:
        """Plusquamperfekt: before the story's time, so the story's date is not the event's."""
        return german.is_pluperfect(self.view.tokens(span), self.lex.participles)

    def future(self, span: tuple[int, int]) -> bool:
        """Futur I ("werden … zusammenkommen"), also in the passive ("erreicht werden wird") and with
        an infinitive the tagger leaves unmarked ("wird … stattfinden"): a plan."""
        tokens = self.view.tokens(span)
        auxiliaries = [t.lower_ for t in tokens if t.lower_ in german.FUTURE_AUX]
        return german.is_future(tokens) or (len(auxiliaries) > 1 and "werden" in auxiliaries) or (
            bool(auxiliaries) and any(self._bare_infinitive(t) for t in tokens))

    def _bare_infinitive(self, t: Token) -> bool:
        """A verb in -en that is no participle ("stattfinden", not "abgehalten" or "getroffen")."""
        lower = t.lower_
        stem = next((lower[len(p):] for p in german.PARTICLES if lower.startswith(p)), lower)
        return (self.view.pos(t) in ("VERB", "AUX") and lower.endswith("en") and lower not in german.FUTURE_AUX
                and not self.participle(t) and not stem.startswith("ge") and not lower.startswith("ge")
                and "Fin" not in t.morph.get("VerbForm"))

    def present(self, span: tuple[int, int]) -> bool:
        """A finite verb in the present tense and no past tense in the span. The tagger takes many
        strong preterites for present ("starben"): of a trigger verb only its infinitive form
        ("streiken", "treffen sich") or a form in -t ("trifft", "streikt") counts."""
        if self.past(span):
            return False
        for t in self.doc[span[0]:span[1]]:
            if not german.is_finite_present(t):
                continue
            senses = self.lex.verbs.get(t.lower_, ()) + self.lex.verbs.get("|" + t.lower_, ())
            if not senses or t.lower_.endswith("t") or any(
                    t.lower_ in (v.lemma, v.lemma.removeprefix(v.particle or "")) for v in senses):
                return True
        return False

    def participle(self, t: Token) -> bool:
        """A participle by the tagger or among the lexicon's verbs' participles, which it often misses."""
        return german.is_participle(t, self.lex.participles)

    def _weak_preterite(self, t: Token) -> bool:
        """"vereinbarten", "telefonierte": a trigger or support verb in -te/-ten, whatever the tagger says."""
        known = t.lower_ in self.lex.verbs or "|" + t.lower_ in self.lex.verbs or t.lower_ in self.lex.support_verbs
        # not an infinitive in -ten ("wird am Montag beraten", "treten … zurück")
        senses = self.lex.verbs.get(t.lower_, ()) + self.lex.verbs.get("|" + t.lower_, ())
        infinitive = any(t.lower_ in (v.lemma, v.lemma.removeprefix(v.particle or "")) for v in senses)
        return known and not infinitive and self.view.is_verbal(t) and t.lower_.endswith(("te", "ten")) \
            and not t.lower_.startswith("ge")

    def infinitive(self, span: tuple[int, int]) -> bool:
        """A "zu"-infinitive clause: its subject is in the clause before."""
        return german.has_zu_infinitive(self.doc, span)

    def segment_before(self, f: Found) -> tuple[int, int]:
        """The segment before the trigger's in its sentence (the clause a "zu"-infinitive depends on)."""
        segments = german.segments(self.doc[f.sentence[0]:f.sentence[1]])
        return next((s for s in segments if s[1] == f.segment[0] - 1), (f.segment[0], f.segment[0]))
