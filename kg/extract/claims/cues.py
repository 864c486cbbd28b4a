"""Claims introduced by a cue verb (kg/data/cue_verbs.jsonl): which verb token is a cue, in which sense,
and the draft it yields with its message, speaker, addressees and frame roles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan, Token

from kg.extract.claims.grammar import ANAPHORIC_DEMONSTRATIVES, IDIOM_SUBJECTS, PARTICLE
from kg.extract.claims.lexicon import Cue, word_matches
from kg.extract.claims.model import Draft
from kg.extract.claims.view import Job
from kg.extract.german import (FINITE_TAGS, VERB_COORDINATORS, clause_bounds, clause_finite, has_zu_infix,
                               is_finite_form, is_finite_verb, looks_like_participle)

if TYPE_CHECKING:
    from kg.extract.claims.actors import Actors
    from kg.extract.claims.mood import Mood
    from kg.extract.claims.messages import Messages
    from kg.extract.claims.phrases import NounPhrases
    from kg.extract.claims.roles import Roles
    from kg.extract.claims.speakers import Speakers


class CueVerbs(Job):
    """Finds cue verbs in a sentence and builds a claim draft for each."""

    actors: Actors
    mood: Mood
    messages: Messages
    phrases: NounPhrases
    roles: Roles
    speakers: Speakers

    def cue_claims(self, i: int, sent: SpacySpan) -> list[Draft]:
        """The sentence's claims by cue verbs, outside quotations; earlier ones inform later (coordinated verbs)."""
        out = []
        for token in sent:
            if token.idx in self.in_quote or not token.is_alpha:
                continue
            cue = self.cue(token, sent)
            if cue is None or self._no_cue_here(i, sent, token, cue, out):
                continue
            if draft := self._from_cue(i, sent, token, cue, out):
                out.append(draft)
        return out

    def _no_cue_here(self, i: int, sent: SpacySpan, token: Token, cue: Cue, prior: list[Draft]) -> bool:
        """A cue verb that attributes nothing here: out of its sense, an adjective, a remark in
        brackets, part of another claim's message or of the previous speaker's report."""
        return ((cue.strict and not self._in_sense(token, sent, cue)) or self._attributive(token, sent)
                or self._adverbial(token, sent) or self._in_parentheses(token, sent)
                or self._embedded(token, prior, sent)
                or self._reported_cue(i, token, sent))

    def _attributive(self, token: Token, sent: SpacySpan) -> bool:
        """"die seit Tagen erwartete Bodenoffensive": a participle between an article and its noun is
        an adjective, whatever the tagger says; adverbs and prepositional phrases may stand between."""
        nxt = self.doc[token.i + 1] if token.i + 1 < sent.end else None
        if nxt is None or nxt.pos_ != "NOUN" or not nxt.text[:1].isupper():
            return False
        j = token.i - 1
        while j >= sent.start:
            t = self.doc[j]
            if t.pos_ == "DET" and "Art" in t.morph.get("PronType"):
                return True
            if t.pos_ in ("ADV", "ADJ", "NUM"):
                j -= 1
            elif t.pos_ == "NOUN" and (k := next((k for k in range(j - 1, max(j - 4, sent.start - 1), -1)
                                                   if self.doc[k].pos_ == "ADP"), None)) is not None and all(
                    x.pos_ in ("DET", "ADJ", "NUM") for x in self.doc[k + 1 : j]):
                j = k - 1  # "seit Tagen", "von der Regierung"
            else:
                return False
        return False

    def _adverbial(self, token: Token, sent: SpacySpan) -> bool:
        """"gab sich betont optimistisch": a participle right before a predicative adjective, after the
        clause's finite verb, is an adverb of degree, not a verb."""
        nxt = self.doc[token.i + 1] if token.i + 1 < sent.end else None
        if nxt is None or not (nxt.tag_ == "ADJD" or nxt.pos_ == "ADJ" and nxt.tag_ != "ADJA"):
            return False
        lo, _ = clause_bounds(sent, token)
        return any(is_finite_verb(t) and t.idx not in self.in_quote for t in self.doc[lo : token.i])

    def _reported_cue(self, i: int, token: Token, sent: SpacySpan) -> bool:
        """"Die Diagnose sei von Ärzten bestätigt worden", "So müsse die Regierung zustimmen", "Die
        Klägerin sei davon ausgegangen, …" right after a report: a cue under a Konjunktiv I auxiliary
        or modal is part of what the previous speaker says (the corpus, too, gives such sentences
        to the previous speaker), not a report of its own."""
        prev = self.view.done[-1] if self.view.done else None
        if prev is None or max(prev.sentence,
                               prev.last) != i - 1 or (prev.speaker is None and prev.speaker_span is None):
            return False
        finite = clause_finite(sent, token)
        return finite.i != token.i and self.mood.konjunktiv1(finite)

    def _embedded(self, token: Token, prior: list[Draft], sent: SpacySpan) -> bool:
        """"riet ihr, sofort die Polizei zu informieren", "gab bekannt, er wolle den Rücktritt bekannt
        geben": an infinitive, or a verb under a Konjunktiv I modal, inside another claim's message."""
        if not any(d.content[0] <= token.idx < d.content[1] for d in prior):
            return False
        infinitive = (token.i > 0 and self.doc[token.i - 1].lower_ == "zu") or has_zu_infix(token.lower_)
        finite = clause_finite(sent, token)
        return infinitive or (finite.i != token.i and self.mood.konjunktiv1(finite))

    def cue(self, token: Token, sent: SpacySpan) -> Cue | None:
        """The cue a verb token is, checking its separable particle ("wies … zurück" is not "weisen")."""
        if token.pos_ and token.pos_ not in ("VERB", "AUX", "ADJ") and self.view.parsed:
            return None
        if token.text[:1].isupper() and token.i != sent.start:
            return None  # a noun ("Sagen", "Meinung") is no verb
        lemma = token.lemma_.lower() if token.lemma_ else ""
        if lemma not in self.lex.cues and lemma not in self.lex.particles and token.lower_ not in self.lex.forms:
            return None  # no cue whatever its particle: most verbs, and the particle search is not cheap
        particle = self._particle(token, sent)
        candidates = []
        if particle:
            candidates.append(self.lex.cues.get(particle + lemma))
            candidates += [c for c in self.lex.forms.get(token.lower_, []) if c.particle == particle]
        else:
            candidates.append(self.lex.cues.get(lemma))
            candidates += [c for c in self.lex.forms.get(token.lower_, []) if not c.particle
                           or token.lower_.startswith(c.particle)]
        return next((c for c in candidates if c), None)

    def _with_particle(self, token: Token, particle: str) -> bool:
        """The lexicon knows the verb with this particle ("zurückweisen" for "wies … zurück")."""
        return (particle + token.lemma_.lower() in self.lex.cues
                or any(c.particle == particle for c in self.lex.forms.get(token.lower_, [])))

    def speech_sense(self, token: Token, sent: SpacySpan) -> Cue | None:
        """The cue a verb token is, if its clause has the words its speech sense needs ("schloss daraus")."""
        cue = self.cue(token, sent)
        return cue if cue is not None and self._in_sense(token, sent, cue) else None

    def _particle(self, token: Token, sent: SpacySpan) -> str | None:
        """The verb's separable particle, as a word."""
        found = self._particle_token(token, sent)
        return found.lower_ if found is not None else None

    def _particle_token(self, token: Token, sent: SpacySpan) -> Token | None:
        """The verb's separable particle (`_particle_word`), unless it belongs to a coordinated verb:
        "anbegrüßen" is no verb."""
        found = self._particle_word(token, sent)
        if found is not None and not self._with_particle(token, found.lower_) and self._coordinated_particle(
                token, sent, found.lower_):
            return None
        return found

    def _particle_word(self, token: Token, sent: SpacySpan) -> Token | None:
        """The separable particle of a verb, searched in the verb's own clause: the parse may hang
        "vor" of "wirft … vor" on a neighbouring verb. A known particle of the verb closing the clause
        counts even when the tagger missed it."""
        lo, hi = clause_bounds(sent, token)
        known = self.lex.particles.get(token.lemma_.lower(), set()) | {
            c.particle for c in self.lex.forms.get(token.lower_, []) if c.particle}
        if token.i > lo and self.doc[token.i - 1].lower_ in known:
            return self.doc[token.i - 1]  # verb-final, written apart: "wie … bekannt gab"
        start = token.i + 1
        for _ in range(3):
            for t in self.doc[start:hi]:
                if t.idx in self.in_quote:
                    continue
                closing = t.i + 1 >= hi or self.doc[t.i + 1].is_punct or self.doc[t.i + 1].pos_ == "CCONJ"
                tagged = t.tag_ == "PTKVZ" or (t.dep_ in PARTICLE and t.head.i == token.i)
                if self._frame_postposition(t):
                    continue
                if (tagged and t.lower_ in self.lex.all_particles) or (t.lower_ in known and closing):
                    return t
            after = self.phrases.after_apposition(sent, hi)
            if after is None:
                return None
            start, hi = after, clause_bounds(sent, self.doc[after])[1]
        return None

    def _coordinated_particle(self, token: Token, sent: SpacySpan, particle: str) -> bool:
        """"begrüßte den Beschluss und griff die Opposition an": a particle after a coordinator may belong to
        the second verb (the tagger often misses that "griff" is finite, so the clause did not end at "und")."""
        _, hi = clause_bounds(sent, token)
        last = next((t.i for t in reversed(self.doc[token.i + 1 : hi]) if t.lower_ == particle), None)
        return last is not None and any(t.lower_ in VERB_COORDINATORS and self._verb_like(self.doc[t.i + 1])
                                        for t in self.doc[token.i + 1 : last - 1])

    @staticmethod
    def _verb_like(t: Token) -> bool:
        """A word that may be a verb the tagger missed ("griff" as an adverb): lower case, no article,
        pronoun, preposition, number or attributive adjective ("und seinem Herausforderer" joins nouns)."""
        return t.is_alpha and t.text[:1].islower() and t.pos_ not in ("DET", "PRON", "ADP", "NUM") and t.tag_ != "ADJA"

    def _frame_postposition(self, t: Token) -> bool:
        """"seiner Meinung nach": the postposition of a frame is no separable particle of the verb."""
        prev = self.doc[t.i - 1] if t.i > 0 else None
        return prev is not None and any(len(f.words) == 2 and f.words[1] == t.lower_ and word_matches(prev, f.words[0])
                                        for f in self.lex.frames_starting(prev.lower_))

    def _from_cue(self, i: int, sent: SpacySpan, token: Token, cue: Cue, prior: list[Draft]) -> Draft | None:
        """The draft a cue verb yields: its message (clause, the sentence before, or the verb phrase of a
        speech act), mode, speaker, addressees and frame roles; None where the verb attributes nothing."""
        wie = self.messages.wie_before(sent, token)
        if wie is not None and not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in self.doc[wie + 1 : token.i]):
            return None  # "wie erwartet", "wie angekündigt": an idiom that names no one
        clause = self.messages.content(sent, token, cue)
        framed = cue.reported and cue.requires and self._reported_use(token, sent, cue)  # "sieht dies als Ausdruck …"
        anaphor = None if clause or framed else self._anaphor(token, sent)
        message = self._message(i, sent, token, cue, clause, anaphor)
        if message is None:
            return None
        start, end, mode = message
        draft = Draft(i, (start, end), cue.type, mode, cue=self._cue_span(token, sent), cue_lemma=cue.lemma)
        draft.anaphoric = anaphor is not None and clause is None
        return self._attributed(draft, sent, token, cue, prior, anaphor)

    def _wie_subject(self, sent: SpacySpan, token: Token) -> Token | None:
        """"Wie die Zeitung berichtet, …": "wie" stands for the object, so the noun phrase right after it is
        the subject, whatever case the parse gives it; a prepositional phrase there ("wie aus Kreisen
        verlautete") or none at all leaves the parse's answer."""
        wie = self.messages.wie_before(sent, token)
        if wie is None:
            return None
        end = wie + 1
        while end < token.i and (self.doc[end].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM")
                                 or self.doc[end].idx in self.in_quote or self.doc[end].text in ("„", "“")):
            end += 1
        if end == wie + 1 or not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in self.doc[wie + 1 : end]):
            return None
        return self.phrases.span_head((self.doc[wie + 1].idx, self.doc[end - 1].idx + len(self.doc[end - 1])))

    def _message(self, i: int, sent: SpacySpan, token: Token, cue: Cue, clause: tuple[int, int] | None,
                 anaphor: Token | None) -> tuple[int, int, str] | None:
        """The message's span and mode: the clause the cue governs, the sentence before ("Das teilte die
        Polizei mit"), or a speech act's own clause ("dementiert jegliche Angriffspläne")."""
        if clause:
            start, end = clause
            return start, end, self.view.mode(start, end)
        if anaphor is not None and any(d.sentence == i - 1 and d.cue is not None for d in self.view.done):
            return None  # "Weiter sagte Larson: „…“ Dies sagte der Präsident …": already attributed
        if anaphor is not None and i > 0 and i - 1 not in self.view.headings:
            before = self.sents.sentences[i - 1]
            start, end = before.start, self.view.trim(before.start, before.end)
            return start, end, self.view.mode(start, end)
        if cue.reported and self._reported_use(token, sent, cue):
            span = self.messages.verb_phrase(token, sent)
            if span is None:
                return None
            start, end = span
            return start, end, "mixed" if self.view.quote_in(start, end) else "reported"
        return None

    def _attributed(self, draft: Draft, sent: SpacySpan, token: Token, cue: Cue, prior: list[Draft],
                    anaphor: Token | None) -> Draft | None:
        """The draft with its speaker, addressees, type, quotation and frame roles; None for a speech act
        that names no one acting or says nothing."""
        start, end = draft.content
        messages = self._message_parts(draft, token, sent) if draft.mode != "reported" and not draft.anaphoric else []
        for d in prior:  # words of earlier messages in the sentence, but not their speakers
            speaker = d.speaker_span or (d.content[0], d.content[0])
            messages += [(d.content[0], speaker[0]), (speaker[1], d.content[1])]
        subject, passive = self.speakers.subject(token, sent, messages, cue)
        if not passive and (wie_subject := self._wie_subject(sent, token)) is not None:
            subject = wie_subject
        if subject is not None and subject.lower_ in IDIOM_SUBJECTS and cue.impersonal:
            return None  # "das heißt": i.e.
        if subject is not None and anaphor is not None and subject.i == anaphor.i:
            subject = None  # "Das meldet die Zeitung": the parse took the object for the subject
        self.speakers.speaker(draft, token, subject, passive, sent, cue, prior)
        if passive and draft.speaker_span is None and self.mood.stative(token, sent, cue):
            draft.speaker = None  # "Weitere Proteste sind angekündigt": a state, no act of the previous actor
        if cue.quoted_speaks:
            self._quoted_speaker(draft, token, sent, passive)
        act = draft.mode == "reported" or start <= token.idx < end  # the verb's own clause is the message
        if act and draft.speaker is None and draft.speaker_span is None:
            return None  # "Damit wurde ein Urteil bestätigt": a speech act needs someone acting
        if draft.mode == "reported" and not self._has_message_word(draft, token):
            return None
        draft.addressee = self.roles.addressees(token, cue, draft, sent)
        draft.type = self.roles.refine_type(draft)
        if draft.mode in ("direct", "mixed"):
            draft.quote = self.view.quote_span(start, end)
        draft.heading = draft.sentence in self.view.headings
        self.roles.frame_roles(draft, sent)
        return draft

    def _message_parts(self, draft: Draft, token: Token, sent: SpacySpan) -> list[tuple[int, int]]:
        """The message's words: around the cue's own clause where the frame is inserted into it ("Dieser
        Schritt, sagte der Minister, sei nötig"), so the speaker is looked for in the frame."""
        start, end = draft.content
        if not start <= token.idx < end:
            return [(start, end)]
        lo, hi = clause_bounds(sent, token)
        return [(start, self.doc[lo].idx), (self.doc[hi - 1].idx + len(self.doc[hi - 1]), end)]

    def _quoted_speaker(self, draft: Draft, token: Token, sent: SpacySpan, passive: bool) -> None:
        """"X wird mit den Worten zitiert": X speaks; "Die Zeitung zitiert X": X speaks, via the paper."""
        if passive:
            subject = next((c for c in token.children if c.dep_ in ("nsubj:pass", "nsubj", "sb")), None)
            span = self.phrases.np_span(subject) if subject is not None else self.speakers.surface_speaker(sent, token)
            if span:
                draft.speaker_span, draft.speaker = span, self.actors.best_entity(span, None)
            return
        _, hi = clause_bounds(sent, token)
        finite = clause_finite(sent, token)
        start = finite.i + 1
        if draft.speaker_span and start < hi and draft.speaker_span[0] >= self.doc[start].idx:
            words = self.doc.char_span(*draft.speaker_span, alignment_mode="expand")
            start = words.end if words is not None else start
        quoted = self.phrases.np_after(start, hi)
        if quoted:
            relay = draft.speaker
            draft.speaker_span, draft.speaker = quoted, self.actors.best_entity(quoted, None)
            draft.via = relay if relay != draft.speaker else None

    def _anaphor(self, token: Token, sent: SpacySpan) -> Token | None:
        """"Das teilte die Polizei mit", "Dies sagte X": a demonstrative standing for the sentence before,
        at the clause start or right after the verb, and not the article of a noun ("das Ministerium")."""
        lo, hi = clause_bounds(sent, token)
        finite = clause_finite(sent, token)
        for i in (lo, finite.i + 1):
            if i >= hi or i == finite.i:
                continue
            t = self.doc[i]
            nxt = self.doc[i + 1] if i + 1 < len(self.doc) else None
            if t.lower_ in ANAPHORIC_DEMONSTRATIVES and (nxt is None
                                                         or nxt.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM")):
                return t
        return None

    def _in_parentheses(self, token: Token, sent: SpacySpan) -> bool:
        """"(Wikinews berichtete)": a remark in brackets is no attribution of the sentence."""
        before = self.text[sent.start_char : token.idx]
        after = self.text[token.idx : sent.end_char]
        return before.rfind("(") > before.rfind(")") and ")" in after

    def _reported_use(self, token: Token, sent: SpacySpan, cue: Cue) -> bool:
        """Can this verb report a speech act without a clause here? Not as an attributive participle
        ("beschuldigte Personen"), not with a preposition the data excludes ("zu … verurteilt")."""
        if token.tag_ == "ADJA" or (token.dep_ == "amod" and not is_finite_form(token)):
            return False
        if not (is_finite_form(token) or token.tag_ in FINITE_TAGS or self._finite_in_clause(token, sent)
                or self._lone_root(token, sent) or self.sents.index(token.idx) in self.view.headings):
            # "(auch „Bruno“ genannt)": a participle without a finite verb reports no act; headlines are
            # tagged worse
            return False
        return self._in_sense(token, sent, cue)

    def _in_sense(self, token: Token, sent: SpacySpan, cue: Cue) -> bool:
        """The verb's speech sense by the words of its clause: "sprach von …", "heißt es"; not "zu …
        verurteilt", "in Streit geraten"."""
        if cue.requires and not self._has_prep(token, sent, cue.requires):
            return False
        if cue.predicative and not self._has_predicative(token, sent):
            return False
        return not (cue.not_with and self._has_prep(token, sent, cue.not_with))

    def _has_predicative(self, token: Token, sent: SpacySpan) -> bool:
        """"zeigte sich besorgt", "zeigte sich erfreut über …": an attitude is stated only with a
        predicative adjective or participle; "zeigte sich in Siegerpose" is a pose, no speech act."""
        lo, hi = clause_bounds(sent, token)
        return any(t.i != token.i and t.idx not in self.in_quote and self._predicative(t, hi)
                   for t in self.doc[lo:hi])

    def _predicative(self, t: Token, hi: int) -> bool:
        """An adjective or participle standing alone, not before its noun (the tagger's tags vary)."""
        nxt = self.doc[t.i + 1] if t.i + 1 < hi else None
        if t.tag_ in ("ADJD", "VVPP") or (t.dep_ == "xcomp" and t.pos_ in ("ADJ", "VERB")):
            return True  # "besorgt" is also read as a finite "besorgt"
        return (t.pos_ in ("ADJ", "VERB") and t.tag_ != "ADJA" and not is_finite_verb(t)
                and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN")))

    def _lone_root(self, token: Token, sent: SpacySpan) -> bool:
        """"Die Regierung warnt vor …" with "warnt" tagged an adjective: a main clause has a finite verb,
        so the root of a sentence without one is it (a participle aside: "(auch „Bruno“ genannt)")."""
        return (token.dep_ in ("ROOT", "root") and not looks_like_participle(token)
                and not any(is_finite_verb(t) for t in sent if t.i != token.i and t.idx not in self.in_quote))

    def _finite_in_clause(self, token: Token, sent: SpacySpan) -> bool:
        """"hat … abgelehnt", "will … aufrufen": a non-finite cue with a finite verb in its clause."""
        lo, hi = clause_bounds(sent, token)
        return any(is_finite_verb(t) and t.idx not in self.in_quote for t in self.doc[lo:hi])

    def _has_message_word(self, draft: Draft, cue: Token) -> bool:
        """"(Wikinews berichtete)" reports nothing: the message needs a word besides the speaker,
        verbs and adverbs."""
        tokens = self.doc.char_span(*draft.content, alignment_mode="expand") or []
        speaker = draft.speaker_span or (0, 0)
        return any(t.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ") and t.i != cue.i
                   and not speaker[0] <= t.idx < speaker[1] for t in tokens)

    def _cue_span(self, token: Token, sent: SpacySpan) -> tuple[int, int, str]:
        """The cue's words: the verb, or the verb to its particle written "weist … zurück"."""
        tail = self._particle_token(token, sent)
        if tail is None or tail.i < token.i:
            return token.idx, token.idx + len(token), token.text
        gap = " … " if tail.i > token.i + 1 else " "
        return token.idx, tail.idx + len(tail), f"{token.text}{gap}{tail.text}"

    def _has_prep(self, token: Token, sent: SpacySpan, preps: tuple[str, ...]) -> bool:
        """"sprach von …", "wies darauf hin": the required preposition (or its da-form) in the verb's clause."""
        lo, hi = clause_bounds(sent, token)
        words = {t.lower_ for t in self.doc[lo:hi]}
        heads = {w.rsplit("-", 1)[-1] for w in words}  # "Motorrad-Toten" for "toten"
        return any(p in words or p in heads or f"da{p}" in words or f"dar{p}" in words for p in preps)
