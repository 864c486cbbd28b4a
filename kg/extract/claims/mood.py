"""The mood of reported speech: Konjunktiv I and II outside quotations (the lists are
kg/data/reported_speech.json), and the state passive of a cue ("ist angekündigt"). Clause bounds,
finite verbs and the passive are kg/extract/german.py's."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan, Token

from kg.extract.claims.lexicon import Cue
from kg.extract.claims.view import Job
from kg.extract.german import FINITE_TAGS, KONJUNKTIV_IDIOMS, clause_bounds


class Mood(Job):
    """Tells reported speech by its verbs' mood; a quoted verb is the speaker's own words and counts for none."""

    def konjunktiv(self, t: Token) -> bool:
        """Konjunktiv I or II: a clause in either is reported speech after a cue."""
        if t.idx in self.in_quote:
            return False
        if "Sub" in t.morph.get("Mood") or t.lower_ in self.words["konjunktiv2"]:
            return True
        return self.konjunktiv1(t)

    def konjunktiv1(self, t: Token) -> bool:
        """Konjunktiv I, the mood of reported speech: by morphology, the word list, or a finite verb
        that is its infinitive without the final n ("nehme", "gebe") in a sentence without "ich"."""
        if t.idx in self.in_quote or self._idiom(t):
            return False
        if "Sub" in t.morph.get("Mood") and "Past" not in t.morph.get("Tense"):
            return t.lower_ not in self.words["konjunktiv2"]
        if t.lower_ in self.words["konjunktiv1"]:
            return True
        lemma = t.lemma_.lower()
        particle = lemma[: -len(t.lower_) - 1]  # "reiche … aus" of "ausreichen"
        regular = (lemma.endswith("en") and lemma.endswith(t.lower_ + "n")
                   and (not particle or particle in self.lex.all_particles))
        verb = t.pos_ in ("VERB", "AUX") or (t.tag_ in FINITE_TAGS and t.text[:1].islower())  # a noun is capitalised
        return (verb and (regular or self._unlemmatized_konjunktiv1(t, lemma))
                and not any(x.lower_ == "ich" and x.idx not in self.in_quote for x in t.sent))

    def _idiom(self, t: Token) -> bool:
        """"es sei denn", "Gott sei Dank": a Konjunktiv frozen in a fixed phrase reports no one's words."""
        for words in KONJUNKTIV_IDIOMS:
            for k, word in enumerate(words):
                start = t.i - k
                if word == t.lower_ and start >= 0 and [x.lower_ for x in self.doc[start:start + len(words)]] == words:
                    return True
        return False

    @staticmethod
    def _unlemmatized_konjunktiv1(t: Token, lemma: str) -> bool:
        """"der Hubschrauber gehöre …": where the lemmatizer gives no infinitive for a rare Konjunktiv
        form, a finite verb in -e (the indicative third person ends in -t, the weak past in -te) is
        Konjunktiv I."""
        word = t.lower_
        return (not lemma.endswith("en") and t.tag_ in FINITE_TAGS and word.endswith("e") and not word.endswith("te")
                and len(word) > 3)

    def stative(self, token: Token, sent: SpacySpan, cue: Cue) -> bool:
        """"Weitere Aktionen sind für Montag angekündigt", "Eine Heilung sei ausgeschlossen": a
        participle with a form of sein is a state passive unless the verb forms its perfect with
        sein ("sei davon ausgegangen"); its subject is what was said, not who said it."""
        if cue.perfect_sein or not ("Part" in token.morph.get("VerbForm") or token.tag_ == "VVPP"):
            return False
        lo, hi = clause_bounds(sent, token)
        return any(t.lemma_ == "sein" and t.i != token.i and t.idx not in self.in_quote for t in self.doc[lo:hi])
