"""Status: whether an event occurred, is planned or is hypothetical (feared, conditional, in the
Konjunktiv), and whether the clause's subject takes part in it (the frame)."""

from __future__ import annotations

from kg.extract import german
from kg.extract.events.dating import Dating
from kg.extract.events.model import Found, Interval
from kg.extract.events.tense import Tense
from kg.extract.events.view import ArticleView, Job


class StatusReader(Job):
    """Sets a trigger's frame (`supported`) and its status; the cue words are in kg/data/event_cues.json."""

    def __init__(self, view: ArticleView, tense: Tense, dating: Dating) -> None:
        super().__init__(view)
        self.tense, self.dating = tense, dating

    def frame(self, f: Found) -> None:
        """Does the clause's subject take part? Verbs: yes; nouns: in a "bei/in/zu"-phrase or as the
        object of a support verb ("ein Videotelefonat führen", "Sanktionen verhängen")."""
        if f.kind == "verb" or f.supported:
            f.supported = True
            return
        if f.embedded:
            return
        if f.prep == "mit" and set(self.view.words(f.segment)) & self.lex.cue("threat"):
            f.supported = True  # "Die EU droht Russland mit Sanktionen": threatener and threatened
            return
        if f.prep in self.lex.cue("support_preps"):
            head = self.doc[f.np[0] - 2] if f.np[0] - 2 >= f.segment[0] else None
            # "Kritik an den Truppenbewegungen": the phrase belongs to a noun, not to the clause
            f.supported = head is None or not (self.view.pos(head) == "NOUN" and head.i not in self.view.mention_at)
            return
        if f.prep is None:
            f.supported = any(w in self.lex.support_verbs for w in self.view.words(f.clause))

    def read(self, f: Found) -> None:
        """hypothetical > planned > occurred; see docs/events.md for the rules and cue words."""
        if f.compared:
            return  # "könnte so schlimm werden wie Zyklon Larry": Larry was real
        words = self.view.cue_words(f.segment)
        hypothetical = self._hypothetical(f, words)
        would = any(w in self.lex.cue("would") for w in words)
        future = self._future(f)
        hearsay = self._hearsay(f, words)
        if (hypothetical or would) and not (would and future and not hypothetical):
            f.status, f.explicit = "hypothetical", True
        elif self._planned(f, words, hearsay, future) or would:
            f.status, f.explicit = "planned", True
        elif f.supported and (self.tense.past(self.tense.span(f)) or hearsay):
            # the clause's tense dates only what it supports, not "den Beitritt" in "Widerstand gegen den Beitritt"
            f.status, f.explicit = "occurred", True

    def _hypothetical(self, f: Found, words: list[str]) -> bool:
        """A condition, Konjunktiv II, "möglicher", an open topic or fear makes the event hypothetical."""
        cue = self.lex.cue
        first = next((w for w in words if w.isalpha()), "")
        pre = self.view.words((f.np[0], f.token.i))
        # "könnte ihm bei seiner Wiederwahl helfen": the Konjunktiv is about the clause, not the election
        modal = self.view.words(f.np) if presupposed(f) else words
        return (
            first in cue("conditional")
            or any(p in " ".join(words) for p in cue("conditional_phrases"))
            or any(w in cue("subjunctive") for w in modal)
            or self._doubted(f.np if presupposed(f) else f.segment)
            or bool(set(pre) & cue("hypothetical_modifiers"))
            or self._possible(f)
            or (f.prep in cue("open_topic_preps") and not f.definite)  # "Verhandlungen über ein Abkommen"
            or (f.prep == "vor" and bool(set(words) & cue("imminent")))  # "vor dem Konkurs stehen"
            or self._demanded(f)
            or self._on_condition(f)
            or self._feared(f, words, self.view.cue_words((f.sentence[0], f.np[0])))
        )

    def _possible(self, f: Found) -> bool:
        """"die Möglichkeit einer Klage", "die Gefahr von Waldbränden": the noun hangs on a word of
        possibility or risk (`possibility_nouns`, also as a compound's head: "Brandgefahr")."""
        if f.kind != "noun" or f.np[0] == 0:
            return False
        i = f.np[0] - 1
        if self.doc[i].lower_ == "von" and i > 0:  # "die Gefahr von Waldbränden"
            i -= 1
        head = self.doc[i]
        return head.pos_ == "NOUN" and any(german.is_word_or_head(head, w) for w in self.lex.cue("possibility_nouns"))

    def _doubted(self, span: tuple[int, int]) -> bool:
        """"möglicherweise", "wahrscheinlich" … in the span, unless it qualifies an attributive
        adjective ("nach dem möglicherweise vorsätzlich begangenen Tötungsdelikt": the killing
        happened, its intent is doubted)."""
        doc = self.doc
        for i in range(*span):
            if i in self.view.in_quotes or doc[i].lower_ not in self.lex.cue("hypothetical_predicates"):
                continue
            j = i + 1
            while j < len(doc) and doc[j].pos_ in ("ADJ", "ADV") and doc[j].tag_ != "ADJA":
                j += 1
            if not (j < len(doc) and doc[j].tag_ == "ADJA"):
                return True
        return False

    def _demanded(self, f: Found) -> bool:
        """"die Forderung nach einer Waffenruhe", "forderte den Rücktritt des Ministers": what is
        demanded has not happened ("In Vietnam forderte die Flut 92 Menschenleben": the flood is the
        subject, and it happened)."""
        if f.prep is None and f.kind == "noun":  # the object, not the subject, of the demand verb
            t = f.token
            while t.dep_ == "conj" and t.head.i < t.i:  # "fordert die Schaffung … und einen Waffenstillstand"
                t = t.head
            # "forderten den Abzug aus Mali und die Schließung …": the parser hangs the conjunct on the
            # last noun before "und"; the demanded object is the phrase that noun belongs to
            while t is not f.token and t.dep_ == "nmod" and t.head.i < t.i and t.head.pos_ in ("NOUN", "PROPN"):
                t = t.head
            if t.head.lower_ not in self.lex.cue("demand_verbs"):
                return False
            # the parser takes a subject after the verb for its object ("forderte die Flut 92
            # Menschenleben"): only with another subject, or as the verb's only object ("fordert al
            # Huthi … einen Waffenstillstand", the name taken for an oblique)
            others = [c for c in t.head.children if c.i != t.i]
            return t.dep_ == "nsubj:pass" or (t.dep_ == "obj" and (
                any(c.dep_ == "nsubj" for c in others) or not any(c.dep_ in ("obj", "iobj") for c in others)))
        if f.prep == "auf" and f.np[0] - 2 >= f.segment[0]:
            # "ein Antrag auf Absetzung der Bürgermeisterin": what a motion asks for
            return any(german.is_word_or_head(self.doc[f.np[0] - 2], w) for w in self.lex.cue("motion_nouns"))
        if f.prep == "für":
            # "hat sich für die Freilassung der Gefangenen ausgesprochen": advocated, not done (the
            # phrase hangs on the clause, not on a noun: "die Arbeitsgruppe für Inhaftierungen")
            if f.np[0] - 2 >= f.sentence[0] and self.view.pos(self.doc[f.np[0] - 2]) in ("NOUN", "PROPN"):
                return False
            words = self.view.cue_words(f.sentence)
            words = set(words) | {f"{w} {p}" for w in words for p in words if p in german.PARTICLES}
            return bool(words & self.lex.cue("advocate"))
        if f.prep not in self.lex.cue("demand_preps"):
            return False
        nouns = self.lex.cue("demand_nouns")
        return any(german.is_word_or_head(self.doc[i], w)
                   for i in range(f.segment[0], f.np[0] - 1) for w in nouns)

    def _on_condition(self, f: Found) -> bool:
        """A condition right after the trigger's clause ("angekündigt, die Parade anzugreifen, falls
        sie stattfinde"): it happens only if."""
        i = f.segment[1]
        return i + 1 < f.sentence[1] and self.doc[i].text == "," \
            and self.doc[i + 1].lower_ in self.lex.cue("conditional_after")

    def _hearsay(self, f: Found, words: list[str]) -> bool:
        """"soll festgenommen worden sein" reports a past event: that "soll" is no plan."""
        return bool(set(words) & self.lex.cue("hearsay_end")) and (
            "worden" in words or any(self.tense.participle(self.doc[i]) for i in range(*f.segment)))

    def _planned(self, f: Found, words: list[str], hearsay: bool, future: bool) -> bool:
        """A plan word ("geplant", "kündigte … an"), the future tense or a future date."""
        cue = self.lex.cue
        # "bei dem Treffen" presupposes the meeting: the clause's modal is about something else
        # "war auf einer Konferenz vorgeschlagen worden": a past act's setting (dative) took place;
        # not "will auf Kündigungen verzichten" (accusative: what the verb is about)
        setting = f.kind == "noun" and f.prep in cue("setting_preps") and "Acc" not in f.token.morph.get("Case") \
            and self.tense.past(self.tense.span(f))
        given = presupposed(f) or setting
        # "auf Einzelheiten der geplanten Reform verständigt": an attributive cue belongs to its own noun
        own = range(*f.np) if f.kind == "noun" else range(0)
        attributive = {self.doc[i].lower_ for i in range(*f.segment)
                       if self.doc[i].tag_ == "ADJA" and i not in own} - {
            self.doc[i].lower_ for i in range(*f.segment) if self.doc[i].tag_ != "ADJA" or i in own}
        scope = set(self.view.words(f.np) if given else [w for w in words if w not in attributive])
        if hearsay:
            scope -= cue("hearsay_modals")
        if not given and self.tense.infinitive(self._through_lists(f)):
            # "hat angekündigt, den Notstand auszurufen", "Aufrufe, am Sonntag zu demonstrieren"
            before = set(self.view.words(self.tense.segment_before(f)))
            if before & cue("call_nouns"):
                return True
            scope |= before
        # "kündigte seinen Rücktritt an", "schlug ein Treffen vor": a verb with its particle later on
        scope |= {f"{w} {p}" for w in scope for p in scope if p in german.PARTICLES}
        # "ordnete eine Untersuchung an", "beauftragt, seine Tochter zu töten": what is ordered is to
        # happen; not a decree or sanctions, which the order itself imposes ("eine Ausgangssperre angeordnet")
        ordered = f.type.name not in cue("order_types") and bool(scope & cue("ordered"))
        # "in der nächsten Sitzung beraten": the next one is ahead (not "in der nächsten Sitzung wurde …")
        upcoming = f.kind == "noun" and bool(set(self.view.words(f.np)) & cue("upcoming")) \
            and not self.tense.past(self.tense.span(f))
        return (
            bool(scope & (cue("planned") | cue("planned_separable"))) or ordered or upcoming
            or (not given and self.tense.future(f.segment))
            or (future and not (f.kind == "verb" and self.tense.past(f.clause)))  # "eine Woche später starb"
        )

    def _through_lists(self, f: Found) -> tuple[int, int]:
        """The trigger's segment with the segments after it that go on with "sowie", "und" … ("geplant,
        Anschläge auf Polizisten, sowie deren Angehörige durchzuführen"): a list, not a new clause."""
        start, end = f.segment
        for seg in german.segments(self.doc[f.sentence[0]:f.sentence[1]]):
            if seg[0] > end and self.doc[seg[0]].lower_ in german.VERB_COORDINATORS and seg[0] <= end + 2:
                end = seg[1]
        return (start, end)

    def _feared(self, f: Found, words: list[str], before: list[str]) -> bool:
        """"warnte vor einem Einmarsch", "mit Sanktionen gedroht", "fürchtet Einmarsch Russlands",
        "befürchtet, Russland könnte … angreifen", "Das Treffen wurde abgesagt"."""
        fear = self.lex.cue("fear") | self.lex.cue("denial")
        if "aus" in words:  # "schlossen einen Anschlag aus"
            fear = fear | self.lex.cue("denial_separable")
        if f.prep in self.lex.cue("fear_preps") and f.np[0] - 1 > f.sentence[0] and any(w in fear for w in words):
            return True
        if f.prep is None and f.kind == "noun" and any(
                self.doc[i].lower_ in fear and (german.is_verb(self.doc[i]) or self.tense.participle(self.doc[i])
                                                 or self.view.pos(self.doc[i]) == "ADJ")
                for i in range(f.np[1], f.segment[1])):
            return True  # "Ein Angriff wird befürchtet", "Das Treffen wurde abgesagt"
        if f.prep is None and f.kind == "noun" and f.token.dep_ in ("nsubj", "nsubj:pass") \
                and f.token.head.lower_ in fear and f.token.head.i > f.token.i:
            return True  # "Eine Demonstration von Schwulen, Lesben und … ist abgesagt worden": past the commas
        if f.prep is not None or not any(w in fear for w in before):
            return False
        first = self.doc[f.segment[0]].lower_
        own_segment = any(w in fear for w in self.view.cue_words((f.segment[0], f.np[0])))
        return own_segment or first not in self.lex.cue("scope_breakers")

    def _future(self, f: Found) -> bool:
        """The trigger's date lies after the article's."""
        if not self.view.anchor:
            return False
        tx = self.dating.date_of(f)
        interval = Interval.of(tx.value) if tx else None
        return bool(interval and interval.first > self.view.anchor)


def presupposed(f: Found) -> bool:
    """A definite noun in a prepositional phrase ("bei dem Treffen", "nach seiner Ernennung") or
    hanging on another noun ("die Auswirkungen des Zyklons") is taken as given: only cues in its
    own phrase set its status."""
    return f.kind == "noun" and (f.prep is not None or f.embedded) and f.definite
