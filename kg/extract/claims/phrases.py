"""Noun phrases by the parse or by parts of speech, and whether one can be a subject."""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg.extract.claims.grammar import NOT_NP, NOT_SPEAKER_PRONOUNS
from kg.extract.claims.view import Job
from kg.extract.german import GENITIVE_DETERMINERS, NAME_PARTICLES, NOT_NOMINATIVE, VON_FORMS, is_finite_form, looks_genitive


class NounPhrases(Job):
    """Noun phrases by the parse or by parts of speech, and whether one can be a subject."""

    def np_span(self, head: Token) -> tuple[int, int]:
        """The noun phrase a head word leads: its parse subtree, cut at punctuation, verbs and
        relative clauses, and kept contiguous around the head."""
        sub = {t.i for t in head.subtree}
        lo = hi = head.i
        while lo - 1 in sub and not self._np_stop(self.doc[lo - 1]):
            lo -= 1
        while hi + 1 in sub and not self._np_stop(self.doc[hi + 1], head):
            hi += 1
        return self.doc[lo].idx, self.doc[hi].idx + len(self.doc[hi])

    def _np_stop(self, t: Token, head: Token | None = None) -> bool:
        """Where a noun phrase grown from the parse must end: punctuation, a verb, a conjunction, a
        quotation, or a second article after the head."""
        if head is not None and t.i > head.i and t.pos_ == "DET" and t.lower_ not in GENITIVE_DETERMINERS:
            return True  # the parse ran into the object: "Macron eine Waffenruhe"
        if head is not None and t.i > head.i and (t.tag_ == "KOKOM" or t.lower_ == "als"):
            return True  # "würdigte die Bundeswehr als ein Kind …": a comparison is no part of the phrase
        if head is not None and t.i > head.i and t.pos_ == "ADP" and t.head.pos_ == "ADJ":
            return True  # "hält es der Präsident für möglich": the predicative is the verb's, not the phrase's
        return (t.is_punct and t.text not in "-") or t.pos_ in ("VERB", "AUX", "SCONJ") or t.idx in self.in_quote

    def span_head(self, span: tuple[int, int]) -> Token | None:
        """The head of a noun phrase found on the surface: its last noun before a genitive or a
        preposition ("Der Sprecher des Ministeriums" → Sprecher, "US-Präsident Joe Biden" → Biden)."""
        words = self.doc.char_span(*span, alignment_mode="expand")
        head = None
        for t in words or []:
            if head is not None and t.text == "(":
                break  # "Kristina Schröder (CDU)": the party in brackets is no head
            if (head is not None and head.pos_ == "NOUN" and t.pos_ == "PROPN" and "Gen" in t.morph.get("Case")
                    and looks_genitive(t.text)):
                break  # "Die Verteidiger Brandts": the name in the genitive is not the head
            if self._nounlike(t) or (not self.view.parsed and t.text[:1].isupper()):
                head = t
            elif head is not None and t.pos_ in ("DET", "ADP"):
                break
        return head

    def nominal(self, span: tuple[int, int]) -> bool:
        """A possible subject: a noun, name, personal or demonstrative pronoun ("Diese glaubten"),
        not visibly dative or accusative."""
        words = self.doc.char_span(*span, alignment_mode="expand") or []
        if len(words) == 1 and (self.adverb(words[0]) or words[0].pos_ == "NOUN" and not words[0].morph.get("Number")):
            return False  # "Unterdessen", "Ähnlich": a capitalised adverb the tagger took for a noun
        has_head = any(self._nounlike(t) or (t.pos_ == "PRON" and t.lower_ not in NOT_SPEAKER_PRONOUNS) for t in words)
        return (has_head or len(words) == 1 and self.demonstrative(words[0])) and self.nominative(span)

    def adverb(self, t: Token) -> bool:
        """A sentence adverb opening the clause ("Unterdessen", "Ähnlich"), whatever the tagger said."""
        return t.lower_ in self.words["clause_adverbs"]

    @staticmethod
    def demonstrative(t: Token) -> bool:
        """"Diese", "Jener" standing alone for a person or group named before."""
        return "Dem" in t.morph.get("PronType") and t.lower_ not in NOT_SPEAKER_PRONOUNS and t.pos_ in ("DET", "PRON")

    def _nounlike(self, t: Token) -> bool:
        """A noun, a name, or an adjective used as a noun ("Der GdP-Vorsitzende", "die 58-Jährige"):
        capitalised after a determiner, with no noun after it."""
        if t.pos_ in ("NOUN", "PROPN"):
            return True
        nxt = self.doc[t.i + 1] if t.i + 1 < len(self.doc) else None
        return (t.pos_ in ("ADJ", "NUM") and t.i > 0 and self.doc[t.i - 1].pos_ == "DET"
                and t.text.split("-")[-1][:1].isupper() and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ")))

    def nominative(self, span: tuple[int, int]) -> bool:
        """Not visibly dative or accusative: "den …", "dem …", "einem …" are never subjects, nor is a
        phrase opening with a preposition ("Gegenüber Spiegel Online")."""
        first = re.match(r"\w+", self.text[span[0] : span[1]])
        if first is None:
            return True
        token = self.doc.char_span(span[0], span[0] + len(first.group()), alignment_mode="expand")
        return first.group().lower() not in NOT_NOMINATIVE and not (token is not None and token[0].pos_ == "ADP"
                                                                    and token[0].tag_ not in ("PTKVZ", "APPO"))

    def np_after(self, j: int, hi: int) -> tuple[int, int] | None:
        """A noun phrase by its parts of speech: determiners, adjectives, nouns, names, a genitive."""
        toks: list[Token] = []
        while j < hi and len(toks) < 10:
            t = self.doc[j]
            if t.text.endswith("-") and len(t) > 1 and j + 2 < hi and self.doc[j + 1].pos_ == "CCONJ":
                toks += [t, self.doc[j + 1]]  # "Kongress- und Verteidigungskreise"
                j += 2
                continue
            if self.capitalised(t):
                toks.append(t)  # a noun or name, whatever the tagger said ("France Info", "Kongress-")
                j += 1
                continue
            if t.idx in self.in_quote or (t.is_punct and t.text not in "-()") or t.pos_ in NOT_NP:
                break
            if is_finite_form(t) and t.pos_ not in ("NOUN", "PROPN"):
                break  # a finite verb the tagger called something else
            if t.pos_ == "ADP" and (toks or t.lower_ not in VON_FORMS):
                break
            if t.pos_ == "PRON" and toks:
                break
            if self._predicative_after_noun(t, toks):
                break  # "aus Sicht der Organisationen juristisch keine …": the adverb is the clause's
            if t.pos_ == "DET" and t.lower_ not in GENITIVE_DETERMINERS and any(x.pos_ in ("NOUN", "PROPN")
                                                                                for x in toks):
                break  # "Macron eine Waffenruhe": a second noun phrase starts
            toks.append(t)
            if t.pos_ == "PRON":
                break
            j += 1
        while toks and toks[-1].pos_ in ("ADP", "DET", "CCONJ") or toks and toks[-1].text in "(-":
            toks.pop()
        if j < hi and (q := self.view.quote_at(self.doc[j].idx)) and len(self.text[q.start : q.end].split()) <= 4:
            # a name in quotation marks: "laut „Reuters“", "der Website „x.com“"
            return (toks[0].idx if toks else q.start), q.end
        return (toks[0].idx, toks[-1].idx + len(toks[-1])) if toks else None

    def _predicative_after_noun(self, t: Token, toks: list[Token]) -> bool:
        """A lower-case adjective after the phrase's noun that is not inflected for a noun after it
        ("der Organisationen juristisch keine …", "der Kritiker eindeutig verfassungswidrig"): adverbial or
        predicative, so the noun phrase ended before it; an attributive one ("der Organisationen neuer
        Bündnisse") leads the next genitive noun."""
        if t.pos_ != "ADJ" or not any(x.pos_ in ("NOUN", "PROPN") for x in toks) or t.text[:1].isupper():
            return False
        nxt = self.doc[t.i + 1] if t.i + 1 < len(self.doc) else None
        attributive = (t.lower_.endswith(("e", "en", "er", "es", "em")) and nxt is not None
                       and (nxt.pos_ in ("NOUN", "PROPN", "ADJ") or self.capitalised(nxt)))
        return t.tag_ in ("ADJD", "RB") or not attributive

    def after_apposition(self, sent: SpacySpan, comma: int) -> int | None:
        """"geht nach einem Treffen mit dem UNMIK-Leiter, Joachim Rücker, davon aus": the token after an
        apposition between commas (a short noun phrase without a verb), where the clause goes on."""
        if comma >= sent.end or self.doc[comma].text != ",":
            return None
        j = comma + 1
        while j < sent.end and self.doc[j].text != ",":
            t = self.doc[j]
            if t.idx in self.in_quote or t.pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM", "ADP") or j - comma > 6:
                return None
            j += 1
        nominal = any(t.pos_ in ("NOUN", "PROPN") for t in self.doc[comma + 1 : j])
        return j + 1 if nominal and j + 1 < sent.end and self.doc[j].text == "," else None

    def capitalised(self, t: Token) -> bool:
        """A capitalised word inside a sentence, outside quotations: in German a noun or a name."""
        return (t.text[:1].isupper() and not t.is_sent_start and t.idx not in self.in_quote
                and t.text[:-1].replace("-", "").isalpha())

    def np_before(self, j: int, lo: int) -> tuple[int, int] | None:
        """A noun phrase by parts of speech ending before token j (not before `lo`): the field before a
        verb; a name particle ("von der Leyen") stays in."""
        toks: list[Token] = []
        j -= 1
        while j >= lo and len(toks) < 10:
            t = self.doc[j]
            name_particle = t.lower_ in NAME_PARTICLES and toks and (toks[0].text[:1].isupper()
                                                                     or toks[0].lower_ == "der")
            if not self.capitalised(t) and (t.idx in self.in_quote or (t.is_punct and t.text not in "-()")
                                             or t.pos_ in NOT_NP or (t.pos_ == "ADP" and not name_particle)
                                             or (t.pos_ == "PRON" and toks)):
                break
            toks.insert(0, t)
            j -= 1
        return (toks[0].idx, toks[-1].idx + len(toks[-1])) if toks else None
