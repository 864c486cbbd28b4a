"""Who speaks: the cue's subject (or a passive's agent), else a noun phrase around the finite verb,
the subject of a coordinated first verb, or the actor before."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan, Token

from kg.extract.claims.grammar import CONJ, NOT_SPEAKER_PRONOUNS, SUBJECT
from kg.extract.claims.lexicon import Cue
from kg.extract.claims.model import Draft
from kg.extract.claims.view import Job
from kg.extract.german import (AGENT_PREPS, MUTUAL_PRONOUNS, SUBJECT_PRONOUNS, VERB_COORDINATORS, after_object_pronouns,
                               clause_bounds, clause_finite, is_finite_verb, is_passive, looks_genitive)

if TYPE_CHECKING:
    from kg.extract.claims.actors import Actors
    from kg.extract.claims.adopted import AdoptedSpeakers
    from kg.extract.claims.mood import Mood
    from kg.extract.claims.documents import DocumentSpeakers
    from kg.extract.claims.phrases import NounPhrases


class Speakers(Job):
    """Finds the words naming a cue's speaker and the entity they stand for."""

    actors: Actors
    adopted: AdoptedSpeakers
    mood: Mood
    documents: DocumentSpeakers
    phrases: NounPhrases

    def subject(self, token: Token, sent: SpacySpan, messages: list[tuple[int, int]],
                cue: Cue) -> tuple[Token | None, bool]:
        """The cue's subject (or a passive's agent), inherited along coordinated verbs; never a word of
        the message itself ("Die USA würden …, sagte Biden": the parse may take "USA" as subject)."""
        if is_passive(sent, token) or self.mood.stative(token, sent, cue):
            return self._agent(token, sent), True
        verb = token
        # a quoted statement is someone's speech, not the subject of a cue outside it (the parse may reach
        # into a quotation before)
        cue_quoted = self.view.in_statement(token.idx)
        for _ in range(4):
            found = [c for c in verb.children if c.dep_ in SUBJECT and any(ch.isalpha() for ch in c.text)
                     and not any(a <= c.idx < b for a, b in messages)
                     and (cue_quoted or not self.view.in_statement(c.idx))]
            found = [c for c in found if not ((self.phrases.adverb(c) or c.pos_ == "NOUN"
                                               and not c.morph.get("Number")) and len(list(c.subtree)) == 1)]
            if found:
                finite = clause_finite(sent, token)
                found.sort(key=lambda c: ("Nom" not in c.morph.get("Case") and c.pos_ != "PRON", c.i > finite.i,
                                          abs(c.i - finite.i)))
                if not self.phrases.nominative(self.phrases.np_span(found[0])):
                    return None, False  # "den russischen Staatschef …" is an object: ask the surface
                if (after := self._subject_after_es(found[0], finite, sent)) is not None:
                    return after, False  # "hält es der Präsident für möglich": "es" is the object
                if found[0].i > finite.i and self._named_vorfeld(token, sent):
                    return None, False  # "Strauss-Kahn weist die Vorwürfe zurück": the name before the verb
                if (found[0].i > finite.i and finite.i == (lo := clause_bounds(sent, token)[0])
                        and self._relative_antecedent(sent, lo)):
                    # "Die Partei, die …, beschuldigte die Regierung": the phrase before the relative clause
                    return None, False
                if (found[0].i < finite.i and found[0].pos_ == "NOUN"
                        and self._subject_after(self.phrases.np_span(found[0]), finite, sent)):
                    return None, False  # "Eine Verschiebung bezeichnete Conze als fatal": the name after the verb
                return found[0], False
            if verb.dep_ in CONJ | {"xcomp", "oc"} and verb.head is not verb:  # "… und wirft …", "will … warnen"
                verb = verb.head
                continue
            break
        finite = clause_finite(sent, token)
        es = self.doc[finite.i + 1] if finite.i + 1 < sent.end else None
        return (self._subject_after_es(es, finite, sent) if es is not None else None), False

    def _subject_after_es(self, subject: Token, finite: Token, sent: SpacySpan) -> Token | None:
        """"hält es der ecuadorianische Präsident für möglich", "bezeichnete es der Minister als …": "es"
        right after the finite verb and before a noun phrase in the nominative is the object (or its
        correlate); the noun phrase is the subject."""
        if subject.lower_ != "es" or subject.i != finite.i + 1:
            return None
        _, hi = clause_bounds(sent, finite)
        span = self.phrases.np_after(subject.i + 1, hi)
        words = self.doc.char_span(*span, alignment_mode="expand") if span else None
        if not words or words.start != subject.i + 1 or words[0].pos_ != "DET" or not self.phrases.nominative(span):
            return None
        head = self.phrases.span_head(span)
        return head if head is not None and "Nom" in head.morph.get("Case") + words[0].morph.get("Case") else None

    def _name_after(self, finite: Token, sent: SpacySpan) -> bool:
        """A bare name or personal pronoun right after the finite verb: the subject of a clause whose
        first place holds the object."""
        words = []
        for t in self.doc[finite.i + 1 : sent.end]:
            if t.pos_ == "PROPN" or t.text == "-" or (self.phrases.capitalised(t) and self.actors.by_name(t)):
                words.append(t)
                continue
            break
        if words:  # a person's or organisation's name (here or elsewhere in the article), not "Einmarsch Russlands"
            start, end = words[0].idx, words[-1].idx + len(words[-1])
            return any(e.label_ in ("PER", "ORG") and e.start_char < end and start < e.end_char for e in self.doc.ents
                       ) or any(self.actors.by_name(t) and not looks_genitive(t.text) for t in words)
        nxt = self.doc[finite.i + 1] if finite.i + 1 < sent.end else None
        return nxt is not None and nxt.lower_ in SUBJECT_PRONOUNS

    def _subject_after(self, vorfeld: tuple[int, int], finite: Token, sent: SpacySpan) -> bool:
        """A noun fills the field before the finite verb, yet the subject follows the verb: a bare name
        or pronoun ("Eine Verschiebung bezeichnete Conze als fatal"), or an actor where the noun before
        cannot speak ("Als Beispiel nannte die NASA …", "Die Anwendung stellte der Vorsitzende in Frage")."""
        if self._singular_after_plural(finite, sent):
            return False  # "Die Behörden werfen Luna Menschenhandel vor": a plural verb, so not "Luna"
        nxt = self.doc[finite.i + 1] if finite.i + 1 < sent.end else None
        if nxt is not None and nxt.lower_ == "sie" and self.actors.speaks(vorfeld):
            return False  # "Der Geschäftsführer nannte sie „fahrlässig“": "sie" may be the object, the actor first speaks
        return self._name_after(finite, sent) or (self.actors.cannot_speak(vorfeld)
                                                  and self._actor_after(finite, sent) is not None)

    def _singular_after_plural(self, finite: Token, sent: SpacySpan) -> bool:
        """The finite verb is plural and the noun phrase after it singular, with no coordination: that
        phrase cannot be the subject (subject and verb agree in number)."""
        if finite.morph.get("Number") != ["Plur"]:
            return False
        _, hi = clause_bounds(sent, finite)
        span = self.phrases.np_after(after_object_pronouns(self.doc, finite.i + 1, hi), hi)
        words = self.doc.char_span(*span, alignment_mode="expand") if span else None
        if not words or any(t.pos_ == "CCONJ" or t.morph.get("Number") == ["Plur"] for t in words):
            return False
        head = self.phrases.span_head(span)
        return head is not None and head.morph.get("Number") == ["Sing"]

    def _actor_after(self, finite: Token, sent: SpacySpan) -> tuple[int, int] | None:
        """The noun phrase right after the finite verb (and object pronouns), if it may be a subject and
        names an actor."""
        _, hi = clause_bounds(sent, finite)
        span = self.phrases.np_after(after_object_pronouns(self.doc, finite.i + 1, hi), hi)
        return span if span and self.phrases.nominative(span) and self.actors.speaks(span) else None

    def _named_vorfeld(self, token: Token, sent: SpacySpan) -> bool:
        """The clause opens with a name or personal pronoun right before its finite verb."""
        lo, _ = clause_bounds(sent, token)
        finite = clause_finite(sent, token)
        words = list(self.doc[lo : finite.i])
        while words and words[-1].pos_ == "ADV":  # "Putin wiederum warnte …"
            words.pop()
        return 0 < len(words) <= 5 and all(t.pos_ in ("PROPN", "DET", "ADJ", "NOUN", "PRON") or t.text == "-"
                                           for t in words) and (
            words[-1].pos_ == "PROPN" or (len(words) == 1 and words[0].lower_ in SUBJECT_PRONOUNS)
            or (words[-1].pos_ == "NOUN" and self.actors.by_name(words[-1]) is not None))  # "Lammert" tagged a noun

    def _agent(self, verb: Token, sent: SpacySpan) -> Token | None:
        """"von mehreren NATO-Mitgliedern zurückgewiesen": the agent's noun."""
        for child in verb.children:
            if child.dep_ in ("obl:agent", "sbp"):
                return child
            if child.dep_ in ("obl",
                              "nmod") and any(c.dep_ == "case" and c.lower_ in AGENT_PREPS for c in child.children):
                return child
        lo, hi = clause_bounds(sent, verb)
        for t in self.doc[lo:hi]:
            if t.lower_ in AGENT_PREPS and t.idx not in self.in_quote and not self._attributive(t):
                span = self.phrases.np_after(t.i + 1, hi)
                if span:
                    return max(self.doc.char_span(*span, alignment_mode="expand"),
                               key=lambda x: x.pos_ in ("NOUN", "PROPN"))
        return None

    def _attributive(self, prep: Token) -> bool:
        """"in der Nähe von Bergen", "27 von 35 Stimmen", "der durch die Kommission ausgelöste Aufwand":
        a "von" or "durch" phrase hanging on the noun or number before it, or standing inside a noun
        phrase (after its article), belongs to that phrase; it names no passive's agent."""
        before = self.doc[prep.i - 1] if prep.i > 0 else None
        if before is None:
            return False
        if before.pos_ == "DET":
            return True
        noun = prep.head if prep.dep_ == "case" else None
        return before.pos_ in ("NOUN", "NUM", "PROPN") and noun is not None and noun.head.i == before.i

    def speaker(self, draft: Draft, token: Token, subject: Token | None, passive: bool, sent: SpacySpan, cue: Cue,
                prior: list[Draft]) -> None:
        """Set the draft's speaker and the words naming it: the subject shared with a coordinated verb
        before, the parse's subject, a passive's document or the previous actor, else a noun phrase by
        the verb or a name before it."""
        lo, _ = clause_bounds(sent, token)
        joined = lo > sent.start and self.doc[lo - 1].text in (",", "und", "sowie", "oder")
        coordinated = joined and draft.content[0] >= token.idx - 1
        if prior and clause_finite(sent, token).i == lo and (subject is None or coordinated):
            # "dementiert …, weist … zurück und wirft … vor": coordinated verbs share the subject
            draft.speaker, draft.speaker_span = prior[-1].speaker, prior[-1].speaker_span
        elif subject is not None:
            self._subject_speaker(draft, token, subject, sent, cue)
        elif passive:  # "In einer Stellungnahme des Ministeriums wird … begründet", else the previous actor
            if not self.documents.document_speaker(draft, sent, token) and self.doc[lo].lower_ != "es":
                draft.speaker = self._previous_subject(draft.sentence)  # but "Es wird befürchtet": no one named
                if draft.speaker is not None and self._owns_passive_subject(draft.speaker, token, sent):
                    draft.speaker = None  # "Der Antrag der Verteidigung wurde abgelehnt": not by the defence
        elif cue.impersonal:
            self.documents.document_speaker(draft, sent, token)
        else:
            self._surface_speaker_of(draft, token, sent, lo)

    def _subject_speaker(self, draft: Draft, token: Token, subject: Token, sent: SpacySpan, cue: Cue) -> None:
        """The speaker by the parse's subject: a pronoun's antecedent, or the entity its noun phrase names
        ("es", "man" name none: an impersonal cue's document may)."""
        span = self.phrases.np_span(subject)
        if subject.pos_ == "PRON" and subject.lower_ in self.words["no_speaker"]:
            if cue.impersonal:
                self.documents.document_speaker(draft, sent, token)
            return
        if subject.pos_ == "PRON" or subject.lower_ in MUTUAL_PRONOUNS:
            draft.speaker_span = span
            draft.speaker = self.actors.antecedent(subject, sent)
            return
        _, hi = clause_bounds(sent, token)
        chunk = self.phrases.np_after(self.doc.char_span(*span, alignment_mode="expand").start, hi)
        if chunk and chunk[0] == span[0] and chunk[1] > span[1]:
            span = chunk  # "Putins außenpolitischer Berater Juri Uschakow": the parse stopped at "Putins"
        draft.speaker_span = span
        draft.speaker = self.actors.best_entity(span, None)

    def _surface_speaker_of(self, draft: Draft, token: Token, sent: SpacySpan, lo: int) -> None:
        """Without a subject from the parse: the first verb's subject for a coordinated verb, else a noun
        phrase by the verb or a name before it; a pronoun stands for its antecedent."""
        if lo > sent.start and self.doc[lo - 1].lower_ in VERB_COORDINATORS and clause_finite(sent, token).i == lo:
            fallback = self.sentence_subject(sent)  # "Er halte … und bezeichnete …": the subject of the first verb
        else:
            fallback = self.surface_speaker(sent, token) or self._named_before(sent, token)
        if fallback:
            draft.speaker_span = fallback
            head = self.doc.char_span(*fallback, alignment_mode="expand")
            if head is not None and len(head) == 1 and (head[0].pos_ == "PRON" or self.phrases.demonstrative(head[0])):
                draft.speaker = self.actors.antecedent(head[0], sent)
            else:
                draft.speaker = self.actors.best_entity(fallback, None)

    def adopt_speakers(self, found: list[Draft], sent: SpacySpan) -> None:
        """Give the sentence's claims whose speaker is no entity (or only a modifier's) an adopted one;
        claims sharing the words ("… haben aufgerufen und angekündigt") share it."""
        adopted: dict[tuple[int, int], str] = {}
        for d in found:
            span = d.speaker_span
            if span in adopted:
                d.speaker = adopted[span]
            elif span is not None and (d.speaker is None or self._is_place(d.speaker)
                                       or self.adopted.modifier_only(span)):
                key = self.adopted.adopted_speaker(span, self._cue_verb(d, sent))
                d.speaker = key or (None if self._is_place(d.speaker) else d.speaker)  # a place never speaks
                if key:
                    adopted[span] = key

    def _is_place(self, key: str | None) -> bool:
        """The entity is a place: a place names where, it never speaks."""
        entity = self.index.by_key.get(key or "")
        return entity is not None and entity.type == "Place"

    def _cue_verb(self, draft: Draft, sent: SpacySpan) -> Token | None:
        """The finite verb of a claim's cue, if the cue is a verb: its number is its subject's."""
        token = self.doc.char_span(draft.cue[0], draft.cue[1], alignment_mode="expand") if draft.cue else None
        if token is None or token[0].pos_ not in ("VERB", "AUX"):
            return None
        return clause_finite(sent, token[0])

    def _named_before(self, sent: SpacySpan, token: Token) -> tuple[int, int] | None:
        """A name of the article right before the verb, however the tagger took it (headlines:
        "Macron warnt vor Eskalation")."""
        lo, _ = clause_bounds(sent, token)
        for t in reversed(self.doc[lo : token.i]):
            if t.text[:1].isupper() and t.is_alpha and self.actors.by_name(t):
                return t.idx, t.idx + len(t)
        return None

    def surface_speaker(self, sent: SpacySpan, token: Token) -> tuple[int, int] | None:
        """Without a subject from the parse: a noun phrase filling the field before the finite verb
        ("Der Sprecher sagte"), else the one right after it (", sagte der Sprecher", "Am Montag hat
        der Sprecher … gesagt")."""
        lo, hi = clause_bounds(sent, token)
        finite = clause_finite(sent, token)
        end = finite.i
        while end > lo + 1 and self.doc[end - 1].pos_ == "ADV":  # "Putin wiederum warnte"
            end -= 1
        if (end > lo and (span := self.phrases.np_before(end, lo)) and span[0] == self.doc[lo].idx
                and self.phrases.nominal(span)):
            head = self.phrases.span_head(span)
            if not (head is not None and head.pos_ == "NOUN" and self._subject_after(span, finite, sent)):
                return span
        if end == lo and (span := self._relative_antecedent(sent, lo) or self._apposed_subject(sent, lo)):
            return span
        if (q := self.view.quote_at(self.doc[lo].idx)) is not None and not self.view.in_spoken(q.start) and (
                self.doc[end - 1].idx + len(self.doc[end - 1]) == q.end):
            return q.start, q.end  # "„BBC News“ berichtet …": a name in quotation marks fills the field
        span = self.phrases.np_after(after_object_pronouns(self.doc, finite.i + 1, hi), hi)
        return span if span and self.phrases.nominal(span) else None

    def _relative_antecedent(self, sent: SpacySpan, lo: int) -> tuple[int, int] | None:
        """"Die Partei, die am Samstag den Sieg reklamiert hatte, beschuldigte die Regierung …": a
        relative clause fills the field before the verb, so the subject is the noun phrase it hangs
        on at the sentence start, not the object after the verb."""
        if lo - 2 <= sent.start or self.doc[lo - 1].text != "," or not is_finite_verb(self.doc[lo - 2]):
            return None
        rel = next((t for t in reversed(self.doc[sent.start + 1 : lo - 2]) if self.doc[t.i - 1].text == ","
                    and "Rel" in t.morph.get("PronType")), None)
        if rel is None or any(t.text == "," for t in self.doc[rel.i : lo - 1]):
            return None
        words = self.doc[sent.start : rel.i - 1]
        if not 0 < len(words) <= 12 or any(t.idx in self.in_quote or t.pos_ in ("VERB", "AUX", "SCONJ")
                                           or t.text == "," for t in words):
            return None
        span = words[0].idx, words[-1].idx + len(words[-1])
        return span if self.phrases.nominal(span) else None

    def _apposed_subject(self, sent: SpacySpan, lo: int) -> tuple[int, int] | None:
        """"Der Korrespondent in Mexiko-Stadt, Will Grant, berichtete" / "Wie die Sprecherin, Anna Berg,
        mitteilte": the commas of an apposition end the clause before the verb; the subject is the
        verbless stretch from the sentence (or "wie") start to that comma."""
        if lo - 1 <= sent.start or self.doc[lo - 1].text != ",":
            return None
        start = sent.start + (self.doc[sent.start].lower_ == "wie")
        words = self.doc[start : lo - 1]
        if not 0 < len(words) <= 16 or sum(t.text == "," for t in words) > 1 or any(
                t.idx in self.in_quote or t.pos_ in ("VERB", "AUX", "SCONJ") or is_finite_verb(t) for t in words):
            return None
        span = words[0].idx, words[-1].idx + len(words[-1])
        return span if self.phrases.nominal(span) else None

    def _owns_passive_subject(self, key: str, token: Token, sent: SpacySpan) -> bool:
        """The passive's subject names the actor in a genitive ("Der Antrag der Verteidigung"): what is
        done to its proposal is not its own act."""
        for t in sent:
            if t.dep_ in SUBJECT and t.head.i == token.i and t.pos_ == "NOUN":
                for g in t.children:
                    if "Gen" in g.morph.get("Case") and g.pos_ in ("NOUN", "PROPN"):
                        if self.actors.best_entity(self.phrases.np_span(g), g) == key:
                            return True
        return False

    def _previous_subject(self, i: int) -> str | None:
        """An agentless passive ("Darin wird … gefordert") continues the previous sentence's actor."""
        if i == 0 or self.view.spans[i - 1] is None:
            return None
        prev = self.view.spans[i - 1]
        for t in prev:
            if t.dep_ in ("nsubj", "sb") and t.head.dep_ in ("ROOT", "root") or (t.dep_ in ("nsubj", "sb")
                                                                                 and t.head == prev.root):
                return self.actors.best_entity(self.phrases.np_span(t), t)
        return None

    def colon_speaker(self, i: int, sent: SpacySpan, colon: Token,
                      found: list[Draft]) -> tuple[tuple[int, int] | None, str | None]:
        """Who speaks a quotation after a clause ending in a colon, and the words naming them: the
        speaker of a claim of that clause ("…, so Elshorst weiter: „…“"); the report's before if the
        clause is itself reported in Konjunktiv I ("Die Pflichten seien … festgelegt: „…“"); else the
        clause's subject, or, where that cannot speak, the actor after its verb ("Die Anwendung stellte
        der Vorsitzende in Frage: „…“") or the owner its possessive names ("Seine Zuversicht …: „…“")."""
        claims = [d for d in found
                  if d.speaker_span and sent.start_char <= d.content[0] and d.content[1] <= colon.idx + 1]
        if claims:
            return claims[-1].speaker_span, claims[-1].speaker
        prev = self.view.done[-1] if self.view.done else None
        if (prev is not None and prev.sentence >= i - 2 and prev.speaker_span is not None
                and any(self.mood.konjunktiv1(t) for t in self.doc[sent.start : colon.i])):
            return prev.speaker_span, prev.speaker
        subject = self.sentence_subject(sent)
        if subject is None or subject[0] >= colon.idx or not self.actors.cannot_speak(subject):
            return subject, (self.actors.best_entity(subject, None) if subject else None)
        finite = next((t for t in self.doc[sent.start : colon.i] if is_finite_verb(t) and t.idx not in self.in_quote),
                      None)
        if finite is not None and (actor := self._actor_after(finite, sent)):
            return actor, self.actors.best_entity(actor, None)
        words = self.doc.char_span(*subject, alignment_mode="expand") or []
        owner = next((t for t in words if "Yes" in t.morph.get("Poss") or t.tag_ == "PPOSAT"), None)
        if owner is not None and (key := self.actors.source_key((owner.idx, owner.idx + len(owner)))):
            return (owner.idx, owner.idx + len(owner)), key
        return subject, self.actors.best_entity(subject, None)

    def sentence_subject(self, sent: SpacySpan) -> tuple[int, int] | None:
        """The subject of a sentence's main clause: the parse's, else the noun phrase before the first verb."""
        for t in sent:
            if t.dep_ in ("nsubj", "sb") and t.idx not in self.in_quote and t.lower_ not in NOT_SPEAKER_PRONOUNS:
                span = self.phrases.np_span(t)
                if self.phrases.nominative(span):
                    return span
        verb = next((t for t in sent if t.pos_ in ("VERB", "AUX") and t.idx not in self.in_quote), None)
        if verb is not None and (span := self.phrases.np_before(verb.i, sent.start)) and span[0] == sent.start_char:
            return span
        if verb is not None and (span := self.phrases.np_after(after_object_pronouns(self.doc, verb.i + 1, sent.end),
                                                               sent.end)) and self.phrases.nominal(span):
            return span  # "Mit den Worten „…“ eröffnete die Ministerin …": the subject after the verb
        return None
