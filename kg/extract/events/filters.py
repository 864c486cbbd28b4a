"""Which triggers are events: not a document ("den Entwurf einer Vereinbarung"), not the channel of
a claim ("im Gespräch mit der Zeitung"), not negated, not a condition, not inside a quotation; and
a verb and a noun naming one event in one clause are grouped into one."""

from __future__ import annotations

from spacy.tokens import Span

from kg.extract import german
from kg.extract.events.lexicon import EventType, event_lexicon
from kg.extract.events.model import Found
from kg.extract.events.status import presupposed
from kg.extract.events.view import Job


class TriggerFilter(Job):
    """Drops the triggers of a sentence that name no event of their own."""

    def keep(self, found: list[Found], sent: Span) -> list[Found]:
        """The triggers that are events (their phrases must be read first)."""
        conditions, questions = self._conditions(sent)
        # "fragte, ob er zu den Hintergründen der Entlassung gelogen habe": the dismissal is given; a
        # quotation is the speaker's claim
        return [f for f in found if not self._blocked(f) and not self._negated(f)
                and (f.token.i not in conditions or (f.token.i in questions and presupposed(f)))
                and not self._habitual(f) and not any(a < f.token.idx < b for a, b in self.view.quoted)]

    def _blocked(self, f: Found) -> bool:
        """"den Entwurf einer Vereinbarung": a document, not the event; "sagte er im Gespräch mit der
        Zeitung": the channel of a claim (unless the partner is a person)."""
        if f.kind != "noun":
            return False
        if self._channel(f) or self._state(f):
            return True
        before = f.np[0] - 1 if f.prep is None else f.np[0] - 2
        while before >= f.segment[0] and self.view.pos(self.doc[before]) == "DET":
            before -= 1
        if before < f.segment[0]:
            return False
        word = self.doc[before].lower_
        # "wegen Verschwörung zum Mord verurteilt": a charge names no crime that took place; "das Recht
        # auf Besuche": a right, not its use
        charge = f.prep in ("zu", "zum", "zur") and word in self.lex.cue("charge_nouns")
        right = f.prep == "auf" and word in self.lex.cue("right_nouns")
        return charge or right or word in self.lex.cue("document_nouns")

    def _state(self, f: Found) -> bool:
        """"Die Firma ist als Partner im Gespräch": with a copula and no partner ("mit …") the
        phrase says someone is being considered, not that talks took place."""
        noun = self.lex.noun(f.token.text)
        if not (noun and f.prep in noun.state_after):
            return False
        words = self.view.words(f.segment)
        return bool(set(words) & self.lex.cue("copula")) and "mit" not in self.view.words(f.np)

    def _channel(self, f: Found) -> bool:
        """An interview: "in einem Gespräch mit Macron betonte Scholz …" stays a talk."""
        view = self.view
        noun = self.lex.noun(f.token.text)
        speech = set(view.words(f.segment)) & self.lex.cue("speech_verbs")
        if not (noun and noun.channel and f.prep in self.lex.cue("channel_preps") and speech):
            return False
        partners = {view.mention_at[i][2] for i in range(*f.np) if i in view.mention_at}
        return not any(view.index.by_key[k].type == "Person" for k in partners if k in view.index.by_key)

    def _conditions(self, sent: Span) -> tuple[set[int], set[int]]:
        """Tokens of conditional clauses ("wenn es gelänge, eine Vereinbarung … zu erreichen", "Im Falle
        einer Verurteilung"): a condition is no event. The condition runs from its cue to the segment
        that starts the main clause (with "dann"/"so" or a finite verb: "Wenn …, dann könnte …").
        Under a threat or fear the condition is what is feared ("droht mit Sanktionen, falls es die
        Ukraine angreift"): it stays, as a hypothetical event. Also returned: the tokens of the
        conditions that are indirect questions ("ob")."""
        cue = self.lex.cue
        out: set[int] = set()
        questions: set[int] = set()
        if {t.lower_ for t in sent} & (cue("fear") | cue("threat")):
            return out, questions
        inside = asked = False
        for seg in german.segments(sent):
            first = self.doc[seg[0]]
            if inside and (first.lower_ in cue("main_clause_starts") or german.is_verb(first)):
                inside = False
            start = self._condition_start(seg)
            if start is not None:
                inside, asked = True, self.doc[start].lower_ in cue("question_words")
                span = range(start, seg[1])
            elif inside:
                span = range(*seg)
            else:
                continue
            out.update(span)
            if asked:
                questions.update(span)
        return out, questions

    def _condition_start(self, seg: tuple[int, int]) -> int | None:
        """Where a condition starts in the segment: its conditional word ("wenn", "falls") or phrase
        ("im Falle")."""
        cue = self.lex.cue
        words = " ".join(self.view.words(seg))
        start = next((i for i in range(*seg) if self.doc[i].lower_ in cue("conditional_words")), None)
        phrase = next((p for p in cue("conditional_phrases") if p in words), None)
        if start is None and phrase:
            start = next(i for i in range(*seg) if self.doc[i].lower_ == phrase.split()[0])
        return start

    def _habitual(self, f: Found) -> bool:
        """"Auslöser ist oft der Besuch eines Gottesdienstes", "nach Anschlägen oftmals Zugänge zu
        sperren": what happens as a rule is no event ("die oft gewalttätigen Proteste" stay); nor
        is a present passive in a relative clause without a date ("die Richter, die vom Präsidenten
        ernannt werden")."""
        return any(self.doc[i].lower_ in self.lex.cue("habitual") and not (
            i + 1 < len(self.doc) and self.view.pos(self.doc[i + 1]) == "ADJ") for i in range(*f.segment)) \
            or self._habitual_phrase(f) or self._rule_passive(f)

    def _habitual_phrase(self, f: Found) -> bool:
        """"werden immer wieder in Märschen durchquert": a two-word habitual cue (`habitual_phrases`)
        in the segment."""
        start, end = f.segment
        words = [self.doc[i].lower_ for i in range(start, end)]
        return any(words[i:i + len(p.split())] == p.split()
                   for p in self.lex.cue("habitual_phrases") for i in range(len(words)))

    def _rule_passive(self, f: Found) -> bool:
        participle = german.is_participle(f.token, self.lex.participles) or f.token.tag_ == "VBN"  # tagger's PTB tag
        if f.kind != "verb" or not participle:
            return False
        start, end = f.segment
        opener = next((i for i in range(start, min(start + 2, end)) if german.is_relative_pronoun(self.doc[i])), None)
        words = set(self.view.words(f.segment))
        return opener is not None and bool(words & self.lex.cue("present_passive")) \
            and not any(i in self.view.timex_at for i in range(start, end))

    def _negated(self, f: Found) -> bool:
        """"kein Abkommen", "haben sich nicht geeinigt", "habe nicht versucht zu fliehen": what did
        not happen is no event."""
        cue = self.lex.cue
        if f.kind == "noun":
            # "ein Referendum konnte nicht durchgeführt werden": the noun is what the negated clause
            # failed to carry out (`realize_verbs`)
            words = set(self.view.words(f.clause))
            return bool(set(self.view.words((f.np[0], f.token.i))) & cue("negation_det")) or (
                f.prep is None and bool(words & cue("negation_adv")) and bool(words & cue("realize_verbs")))
        return any(self.doc[i].lower_ in cue("negation_adv") and (
            i + 1 >= len(self.doc) or self.doc[i + 1].tag_ != "ADJA") for i in range(*f.clause))


def group_clause(found: list[Found]) -> list[Found]:
    """A verb trigger and a related noun trigger of one clause are one event
    ("zu Beratungen zusammenkommen", "in einem Telefonat gesprochen"): the noun names it unless
    the verb is the more specific absorbing type ("unterzeichneten ein Abkommen")."""
    out = list(found)
    for verb in [f for f in found if f.kind == "verb"]:
        # a verb of a type the noun absorbs joins it anywhere in the sentence (a toll: "bei einer
        # Auseinandersetzung, die …, wurden 21 Menschen getötet"); other related ones in its clause
        # not a noun the verb's act is for ("wegen ihrer Beteiligung an den Unruhen hingerichtet": the
        # executions are no toll of the riots)
        nouns = [f for f in out if f.kind == "noun" and f is not verb and related(f.type, verb.type)
                 and (f.clause == verb.clause or verb.type.name in f.type.absorbs) and not cause(f)]
        if not nouns:
            continue
        noun = min(nouns, key=lambda n: abs(n.token.i - verb.token.i))
        if verb.light or verb.type == noun.type or verb.type.name in noun.type.absorbs:
            noun.group.append(verb)
            noun.supported = True
            out.remove(verb)
        else:
            verb.group.append(noun)
            out.remove(noun)
    return out


def cause(f: Found) -> bool:
    """The noun is in a cause phrase of its clause ("wegen ihrer Beteiligung an den Unruhen"): no
    verb between the preposition and the noun."""
    doc = f.token.doc
    for i in range(f.token.i - 1, f.segment[0] - 1, -1):
        if german.is_verb(doc[i]):
            return False
        if doc[i].lower_ in event_lexicon().cue("cause_preps"):
            return True
    return False


def related(a: EventType, b: EventType) -> bool:
    """The same type, or one may absorb the other's mentions."""
    return a == b or a.name in b.absorbs or b.name in a.absorbs
