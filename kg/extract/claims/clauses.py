"""Clause-level grammar as the claim rules need it: clause bounds, the finite verb, mood (Konjunktiv I
and II), passive and state passive, zu-infinitives."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan, Token

from kg.extract.claims.lexicon import Cue
from kg.extract.claims.view import ArticleView
from kg.extract.german import (CLAUSE_AUXILIARIES, NOT_NOMINATIVE, WERDEN_FORMS, has_zu_infix, is_finite_verb,
                               looks_like_participle)


class Clauses(ArticleView):
    """Clause grammar over the parse, with quotations excluded (what is quoted is no frame)."""

    def _clause_bounds(self, sent: SpacySpan, token: Token) -> tuple[int, int]:
        """Token range of the clause around a verb: between the commas or coordinations next to it."""
        lo = token.i
        while lo > sent.start and self.doc[lo - 1].text not in (",", ";", ":") and not self._coordination(lo - 1):
            lo -= 1
        hi = token.i + 1
        while hi < sent.end and self.doc[hi].text not in (",", ";", ":") and not self._coordination(hi):
            hi += 1
        return lo, hi

    def _coordination(self, i: int) -> bool:
        """"… zurück und wirft …": a conjunction joining two verb phrases bounds a clause."""
        t = self.doc[i]
        if t.lower_ not in ("und", "oder", "sowie", "aber"):
            return False
        nxt = self.doc[i + 1 : i + 4]
        return any(is_finite_verb(x) for x in nxt[:2])

    def _finite(self, token: Token, sent: SpacySpan) -> Token:
        """The finite verb of the cue's clause: the cue itself, or its auxiliary ("hat … gewarnt")."""
        lo, _ = self._clause_bounds(sent, token)
        aux = [t for t in self.doc[lo : token.i] if t.pos_ == "AUX" or t.lower_ in CLAUSE_AUXILIARIES]
        return aux[0] if aux else token  # a verb after an auxiliary of its clause is non-finite

    def _konjunktiv(self, t: Token) -> bool:
        if t.idx in self.in_quote:
            return False
        if "Sub" in t.morph.get("Mood") or t.lower_ in self.words["konjunktiv2"]:
            return True
        return self._konjunktiv1(t)

    def _konjunktiv1(self, t: Token) -> bool:
        """Konjunktiv I, the mood of reported speech: by morphology, the word list, or a finite verb
        that is its infinitive without the final n ("nehme", "gebe") in a sentence without "ich"."""
        if t.idx in self.in_quote:
            return False
        if "Sub" in t.morph.get("Mood") and "Past" not in t.morph.get("Tense"):
            return t.lower_ not in self.words["konjunktiv2"]
        if t.lower_ in self.words["konjunktiv1"]:
            return True
        lemma = t.lemma_.lower()
        particle = lemma[: -len(t.lower_) - 1]  # "reiche … aus" of "ausreichen"
        return (t.pos_ in ("VERB", "AUX") and lemma.endswith("en") and lemma.endswith(t.lower_ + "n")
                and (not particle or particle in self.lex.all_particles)
                and not any(x.lower_ == "ich" and x.idx not in self.in_quote for x in t.sent))

    @staticmethod
    def _zu_infinitive(segment: list[Token]) -> bool:
        """"…, schwere Sanktionen zu verhängen", "…, die Euphorie auszunutzen"."""
        return any(t.lower_ == "zu" and i + 1 < len(segment) and segment[i + 1].pos_ in ("VERB", "AUX")
                   for i, t in enumerate(segment)) or any(has_zu_infix(t.lower_) or t.tag_ == "VVIZU" for t in segment)

    def _passive(self, token: Token, sent: SpacySpan) -> bool:
        """"wurden … zurückgewiesen", "wird … gefordert": a participle with a form of werden ("sei davon
        ausgegangen" is a perfect with sein, whatever the parse calls it)."""
        werden = [c for c in token.children if c.dep_ == "aux:pass" and (c.lemma_ == "werden" or c.lower_ in WERDEN_FORMS)]
        if werden:
            return True
        if not looks_like_participle(token) and not any(c.dep_ == "nsubj:pass" for c in token.children):
            return False
        lo, hi = self._clause_bounds(sent, token)
        return any(t.lemma_ == "werden" or t.lower_ in WERDEN_FORMS for t in self.doc[lo:hi] if t.i != token.i)

    def _stative(self, token: Token, sent: SpacySpan, cue: Cue) -> bool:
        """"Weitere Aktionen sind für Montag angekündigt", "Eine Heilung sei ausgeschlossen": a
        participle with a form of sein is a state passive unless the verb forms its perfect with
        sein ("sei davon ausgegangen"); its subject is what was said, not who said it."""
        if cue.perfect_sein or not ("Part" in token.morph.get("VerbForm") or token.tag_ == "VVPP"):
            return False
        lo, hi = self._clause_bounds(sent, token)
        return any(t.lemma_ == "sein" and t.i != token.i and t.idx not in self.in_quote for t in self.doc[lo:hi])

    def _past_objects(self, j: int, hi: int) -> int:
        """Past reflexive and object pronouns after a verb: "äußerte sich der Präsident", "beschrieb ihn X"."""
        while j < hi and self.doc[j].pos_ == "PRON" and ("Yes" in self.doc[j].morph.get("Reflex") or self.doc[j].lower_ in NOT_NOMINATIVE):
            j += 1
        return j
