"""From words to entities: the actor a noun phrase names, names the recogniser missed, and the
antecedent a pronoun refers to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan, Token

from kg.extract.claims.grammar import SUBJECT
from kg.extract.claims.view import Job
from kg.extract.german import (MASCULINE_PRONOUNS, MUTUAL_PRONOUNS, is_abstract_noun, is_oblique, looks_genitive,
                               pronoun_features)

if TYPE_CHECKING:
    from kg.extract.claims.phrases import NounPhrases


class Actors(Job):
    """The rules' way from words to entities: the actor a phrase names, and whom a pronoun means."""

    phrases: NounPhrases

    def entities(self, start: int, end: int) -> list[str]:
        """The entities mentioned between two character offsets, in text order."""
        return [k for k in self.index.at(start, end)]

    def best_entity(self, span: tuple[int, int], head: Token | None, act: bool = True,
                    strict: bool = False) -> str | None:
        """The actor a noun phrase names: the entity at its head, else an appositive name, else the
        first actor that is not a genitive ("Putins Berater Uschakow" is Uschakow), places last."""
        head = head if head is not None else self.phrases.span_head(span)
        if head is not None and not any(s <= head.idx < e for s, e,
                                        _ in self.index.spans) and (key := self.by_name(head)):
            return self.index.actor(key) if act else key  # a name the recogniser missed here
        ranked = []
        for start, end, key in self.index.spans:
            if end <= span[0] or start >= span[1]:
                continue
            entity = self.index.by_key[key]
            if head is not None and start <= head.idx and head.idx + len(head) <= end:
                rank = 0
            elif entity.type == "Place":
                rank = 4
            elif (head is not None and self._appositive(start, head)) or (
                    entity.type == "Person" and end == span[1] and not looks_genitive(self.text[start:end])):
                rank = 1  # "der … Außenminister der Russischen Föderation Sergei Lawrow": the closing name
            elif looks_genitive(self.text[start:end]):
                rank = 3
            else:
                rank = 2
            ranked.append((rank, start - end, start, key))
        if strict:  # only the head or its apposition: "Biden nach Angaben des Kremls" is not the Kremlin
            ranked = [r for r in ranked if r[0] <= 1]
        if not ranked and strict:
            return None
        if not ranked:
            words = self.doc.char_span(*span, alignment_mode="expand") or []
            key = next((k for t in words if t.pos_ == "PROPN" or t.text[:1].isupper() if (k := self.by_name(t))), None)
            return (self.index.actor(key) if act else key) if key else None
        key = min(ranked)[3]
        return self.index.actor(key) if act else key

    def cannot_speak(self, span: tuple[int, int]) -> bool:
        """The phrase names no one who could speak: it stands after "als" ("Als Beispiel nannte …"),
        or its head is an abstract noun ("Die Anwendung", "Seine Zuversicht") that is no actor noun,
        no document and no entity. Used where the clause offers a better speaker, not to drop one."""
        words = self.doc.char_span(*span, alignment_mode="expand")
        if not words:
            return False
        if words.start > 0 and self.doc[words.start - 1].lower_ == "als":
            return True
        head = self.phrases.span_head(span)
        if head is None or head.pos_ != "NOUN" or self.index.at(head.idx, head.idx + len(head)) or self.by_name(head):
            return False
        documents = self.words["document_nouns"]
        return is_abstract_noun(head.text) and not self.lex.speaker_kind(head.text) and not any(
            head.text.endswith(d) or head.text.endswith(d.lower()) for d in documents)

    def speaks(self, span: tuple[int, int]) -> bool:
        """The phrase's head names an actor: an entity other than a place, a name the article gives, or
        an actor noun of the lexicon ("der SPD-Vorsitzende", "die NASA", "Augenzeugen"); a place or a
        name in a modifier ("Die Konflikte im Sudan") does not make the phrase one."""
        head = self.phrases.span_head(span)
        if head is None:
            return False
        keys = self.index.at(head.idx, head.idx + len(head))
        return bool(any(self.index.by_key[k].type != "Place" for k in keys) or self.by_name(head)
                    or self.lex.speaker_kind(head.text))

    def by_name(self, token: Token) -> str | None:
        """"Uschakows", "Biden" where the recogniser missed them: a name the article gives elsewhere."""
        text = token.text
        for name in (text, text[:-1] if text.endswith("s") else None, text.rstrip("'’")):
            if name and name in self.view.names:
                return self.view.names[name]
        return None

    def _appositive(self, char: int, head: Token) -> bool:
        """The entity at `char` is a name in apposition to the head ("Außenminister Lawrow"), not a genitive."""
        tok = next((t for t in head.subtree if t.idx == char), None)
        return tok is not None and tok.head.i == head.i and tok.dep_ in ("appos", "flat", "flat:name", "nk", "pnc",
                                                                         "nmod") and not tok.text.endswith("s")

    def antecedent(self, pronoun: Token, sent: SpacySpan) -> str | None:
        """A pronoun or relative pronoun speaking: the noun a relative clause hangs on, else the
        nearest person (or actor) named before it."""
        if "Rel" in pronoun.morph.get("PronType") and pronoun.head.head is not pronoun.head:
            noun = pronoun.head.head
            return self.best_entity(self.phrases.np_span(noun), noun)
        if pronoun.lower_ in MUTUAL_PRONOUNS:
            return self._last_actor(pronoun.idx, person=True)
        person = pronoun.lower_ in MASCULINE_PRONOUNS
        features = pronoun_features(pronoun)
        clause = pronoun.sent.start_char if pronoun.dep_ in SUBJECT else None
        agreeing = self._last_actor(pronoun.idx, person=False, features=features, clause=clause) if features else None
        return agreeing or self._last_actor(pronoun.idx, person=person, clause=clause, countries=False)

    def _agrees(self, start: int, end: int, entity_type: str, features: tuple[str, str]) -> bool:
        """Can a pronoun with these features refer to this mention? A person is singular and of
        unknown gender; other actors by the grammar of their noun ("die Regierung" → sie, "der
        Konzern" → er, "die Grünen" → sie, plural)."""
        gender, number = features
        words = self.doc.char_span(start, end, alignment_mode="expand")
        if words is None:
            return False
        if entity_type == "Person":  # a name's gender is unknown, a title's is not: "dem Bürgermeister Peter Braun"
            title = [t for t in self.doc[max(words.start - 2, 0) : words.start] if t.pos_ in ("NOUN", "DET")
                     and t.morph.get("Gender")]
            return number == "Sing" and (not title or not gender or gender in title[-1].morph.get("Gender"))
        if number == "Sing" and entity_type == "Group":  # "die Uiguren": never "er" or "sie erklärte"
            return False
        head = words[-1]
        before = self.doc[words.start - 1] if words.start > 0 else None
        if before is not None and before.pos_ == "NOUN" and before.morph.get("Gender"):
            head = before  # "die Tageszeitung Haaretz": the class noun's gender, not the name's
            before = self.doc[head.i - 1] if head.i > 0 else None
        det = before if before is not None and before.pos_ == "DET" else None
        heads = [t for t in (head, det) if t is not None]
        found_number = next((t.morph.get("Number")[0] for t in heads if t.morph.get("Number")), None)
        found_gender = next((t.morph.get("Gender")[0] for t in heads if t.morph.get("Gender")), None)
        if number == "Plur":
            return found_number == "Plur" or entity_type == "Group"
        return found_number != "Plur" and found_gender == gender

    def _last_actor(self, before: int, person: bool, features: tuple[str, str] | None = None,
                    clause: int | None = None, countries: bool = True) -> str | None:
        """The nearest actor named before a position: a person where asked, one agreeing with a
        pronoun's gender and number where given. From `clause` on (a subject pronoun's sentence),
        objects are passed over: in "Den Währungsfonds forderte er auf" "er" is not the fund. A
        pronoun that agrees with no one falls back on the nearest actor but a country (`countries`):
        "Russland" is neuter, no "sie" or "er" of a nearby sentence."""
        best = None
        subject = None  # the latest agreeing person who was a subject: "er" means him before an object
        for start, end, key in self.index.spans:
            if end > before:
                break
            entity = self.index.by_key[key]
            if entity.type == "Place" or (person
                                          and entity.type != "Person") or (not countries and entity.type == "Country"):
                continue
            if clause is not None and start >= clause and is_oblique(self.doc, start):
                continue
            if features and not self._agrees(start, end, entity.type, features):
                continue
            best = key
            if entity.type == "Person" and features and features[1] == "Sing" and self._is_subject(start, end):
                subject = key
        if subject is not None and best != subject and self._recent(subject, before):
            best = subject
        return self.index.actor(best) if best else None

    def _is_subject(self, start: int, end: int) -> bool:
        """The mention is its clause's subject (or in the subject's phrase, an apposition)."""
        words = self.doc.char_span(start, end, alignment_mode="expand")
        if words is None or is_oblique(self.doc, start):
            return False
        j = words.start - 1
        while j >= 0 and self.doc[j].pos_ in ("ADJ", "NOUN") and j >= words.start - 3:
            j -= 1  # "den Minister Jan Roth": the title's article shows the case the parse may miss
        if j >= 0 and j < words.start - 1 and is_oblique(self.doc, self.doc[j + 1].idx):
            return False
        return any(t.dep_ in SUBJECT or (t.head.dep_ in SUBJECT and t.dep_ in ("appos", "flat", "nk", "pnc"))
                   for t in words)

    def _recent(self, key: str, before: int) -> bool:
        """A mention of the entity in the pronoun's sentence or the one before it."""
        here = self.doc.char_span(before, before + 1, alignment_mode="expand")
        if here is None:
            return False
        sents = list(self.doc.sents)
        i = next((n for n, s in enumerate(sents) if s.start <= here.start < s.end), 0)
        lo = sents[max(i - 1, 0)].start_char
        return any(k == key and lo <= s < before for s, _, k in self.index.spans)

    def source_key(self, span: tuple[int, int] | None, act: bool = True) -> str | None:
        """The entity a frame's source names; a possessive or pronoun refers back ("ihren" → her)."""
        if span is None:
            return None
        words = self.doc.char_span(*span, alignment_mode="expand")
        if words is not None and len(words) == 1 and (words[0].pos_ == "PRON" or "Yes" in words[0].morph.get("Poss")
                                                      or words[0].tag_ == "PPOSAT"):
            return self._last_actor(words[0].idx, person=words[0].lower_.startswith(("sein", "er")))
        return self.best_entity(span, None, act)
