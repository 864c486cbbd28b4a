"""Speakers named only by a common noun ("einer Bauerngewerkschaft", "Augenzeugen", "Die Richterin"):
they become entities of the article, since a claim's author must be one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan, Token

from kg.extract.claims.grammar import SUBJECT
from kg.extract.claims.view import Job
from kg.extract.entities import INDEFINITE
from kg.extract.german import (DEFINITE_ARTICLES, GENITIVE_DETERMINERS, PERSONAL_ARTICLES, adjective_stem,
                               inflect_adjective, is_finite_form)
from kg.model import Entity
from kg.rdf import slug

if TYPE_CHECKING:
    from kg.extract.claims.phrases import NounPhrases


class AdoptedSpeakers(Job):
    """Turns a speaker named by a common noun into an entity, so the claim has an author."""

    phrases: NounPhrases

    def adopted_speaker(self, span: tuple[int, int], verb: Token | None = None) -> str | None:
        """A speaker named only by a common noun of `speaker_nouns.jsonl` ("einer Bauerngewerkschaft",
        "Augenzeugen", "Die Richterin") becomes an entity of the article: a claim's author must be
        one. A definite singular person noun refers back to the person the article titled so
        ("der Richterin Melissa C. Jackson"); plural people are a group."""
        words = self.doc.char_span(*span, alignment_mode="expand")
        if not words:
            return None
        head = self.phrases.span_head(span) or words[-1]
        if head.pos_ == "PROPN" or self.index.at(head.idx, head.idx + len(head)):
            return self._named_by_noun(words, head)
        if not head.text[:1].isupper():
            return None
        noun, kind = self._speaker_noun(head.text)
        if kind is None:
            return self._named_by_noun(words, head)  # "die Tageszeitung Nordkurier"
        if kind == "person" and (named := self._apposed_person(span)):
            return named
        plural = kind == "group" or (noun == head.text and self._plural(head, verb))
        first = words[0].lower_
        if kind == "person" and not plural and first in PERSONAL_ARTICLES and (titled := self._titled_person(head)):
            return titled
        if kind == "organization" and first in DEFINITE_ARTICLES and (named := self._named_organization(noun)):
            return named
        kind = "group" if plural else kind
        label = self._nominative_label(words, head, plural, noun)
        if kind == "organization" and (members := self._members_tail(words, head)):
            label = f"{label} {members}"  # "Vereinigung aller buddhistischen Mönche": not just any "Vereinigung"
        same = next((e for e in self.index.entities if e.type.lower() == kind
                     and e.label.casefold() == label.casefold()), None)
        key = same.key if same else f"{kind}/{self.index.article_id}/{slug(label)}"
        entity = Entity(key, kind.capitalize(), label, anonymous=first in INDEFINITE)
        entity.mentions.append(self.sents.mention(*span))
        return self.index.adopt(entity)

    def _named_by_noun(self, words: SpacySpan, head: Token) -> str | None:
        """"die israelische Tageszeitung Haaretz": a name after an actor noun is an actor of the
        noun's kind, whatever the recogniser took it for (here a place)."""
        noun = next((t for t in reversed(words[: head.i - words.start]) if t.pos_ == "NOUN"
                     and self.lex.speaker_kind(t.text)), None)
        if noun is None:
            return None
        kind = "person" if self.lex.speaker_kind(noun.text) == "person" else "organization"
        start, end = self.doc[noun.i + 1].idx, words.end_char
        label = self.text[start:end].strip("„“”\"»« ")
        if not label or any(e.type == kind.capitalize() for e in map(self.index.by_key.get, self.index.at(start, end))):
            return None
        entity = Entity(f"{kind}/{slug(label)}", kind.capitalize(), label)
        entity.mentions.append(self.sents.mention(start, end))
        return self.index.adopt(entity)

    def _speaker_noun(self, word: str) -> tuple[str, str | None]:
        """The actor noun a speaker's head names and its kind; a frame noun's compound names its
        source by its first part ("Armeeangaben" → Armee, "Medienberichten" → Medien)."""
        if kind := self.lex.speaker_kind(word):
            return word, kind
        for suffix in {w[1:] for frame in self.lex.frames for w in frame.words if w.startswith("*")}:
            stem = word[: -len(suffix)].rstrip("-")
            if word.lower().endswith(suffix) and len(stem) > 2:
                for noun in (stem, stem[:-1] if stem.endswith("s") else ""):  # "Regierungskreisen": linking s
                    if noun and (kind := self.lex.speaker_kind(noun)):
                        return noun, kind
        return word, None

    def modifier_only(self, span: tuple[int, int]) -> bool:
        """The speaker entity came from a modifier before an actor noun no entity covers ("die
        chinesische Regierung" is not China, "Chinesische Politiker" are not China)."""
        head = self.phrases.span_head(span)
        if head is None or any(s <= head.idx < e for s, e, _ in self.index.spans):
            return False
        inside = [(s, e, k) for s, e, k in self.index.spans if span[0] <= s and e <= span[1]]
        return bool(inside) and all(e <= head.idx or self._members_of(head, s, k) for s, e, k in inside)

    def _members_tail(self, words: SpacySpan, head: Token) -> str | None:
        """The genitive group after an organisation noun that names its members ("aller buddhistischen
        Mönche"), as the phrase's words."""
        for s, e, k in self.index.spans:
            if head.idx < s and e <= words.end_char and self._members_of(head, s, k):
                return self.text[head.idx + len(head) : e].strip()
        return None

    def _members_of(self, head: Token, start: int, key: str) -> bool:
        """"die Vereinigung aller buddhistischen Mönche": a group in the genitive after an organisation
        noun names its members, not the organisation (a country there is metonymy: "die Regierung der
        Ukraine" stays Ukraine)."""
        if start <= head.idx or self.index.by_key[key].type != "Group" or self.lex.speaker_kind(head.text) != "organization":
            return False
        words = self.doc.char_span(head.idx + len(head), start, alignment_mode="expand") or []
        return bool(words) and words[0].lower_ in GENITIVE_DETERMINERS

    def _apposed_person(self, span: tuple[int, int]) -> str | None:
        """"Dolkun Isa, der Sekretär …, sagte", "Die Chefjuristin der Regierung, Anabella Morfin
        verwies": a person's name in apposition to the noun names the speaker."""
        for s, e, key in self.index.spans:
            if self.index.by_key[key].type == "Person" and (
                    (e <= span[0] and self.text[e : span[0]].strip() == ",")
                    or (s >= span[1] and self.text[span[1] : s].strip() == ",")):
                return key
        return self._unrecognised_name(span)

    def _unrecognised_name(self, span: tuple[int, int]) -> str | None:
        """"Dolkun Isa, der Sekretär …": two or three capitalised words opening the sentence before the
        apposition's comma are a name the recogniser missed; the person is adopted."""
        first = self.doc.char_span(*span, alignment_mode="expand")
        if first is None or first.start < 3 or self.doc[first.start - 1].text != ",":
            return None
        sent = first[0].sent
        words = self.doc[sent.start : first.start - 1]
        if not 2 <= len(words) <= 3 or not all(t.is_alpha and t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN", "X")
                                               for t in words):
            return None
        if any(self.lex.speaker_kind(t.text) or self.index.at(t.idx, t.idx + len(t)) for t in words):
            return None  # "Die Sprecherin Anna" is no bare name; a known entity is no missed one
        label = words.text
        entity = Entity(f"person/{slug(label)}", "Person", label)
        entity.mentions.append(self.sents.mention(words.start_char, words.end_char))
        return self.index.adopt(entity)

    def _plural(self, head: Token, verb: Token | None) -> bool:
        """The number of a noun phrase's head: its finite verb's where it is the subject ("Die Mönche
        verlangen"; the tagger's noun morphology is less reliable), else its own or its determiner's."""
        verbs = [head.head,
                 *(c for c in head.head.children if c.dep_.startswith("aux"))] if head.dep_ in SUBJECT else []
        verbs = [verb] if verb is not None and is_finite_form(verb) else verbs
        if verb is None and any(d.text == "der" for d in self.doc[max(head.i - 3, 0) : head.i] if d.pos_ == "DET") and (
                "Fem" not in head.morph.get("Gender")):
            # a frame's source "in den Augen der Kritiker": "der" before a masculine noun is a genitive plural
            return True
        dets = [c for c in head.children if c.pos_ == "DET"]
        number = next((t.morph.get("Number")[0] for t in verbs if is_finite_form(t) and t.morph.get("Number")), None)
        number = number or next((t.morph.get("Number")[0] for t in (head, *dets) if t.morph.get("Number")), "Sing")
        return number == "Plur"

    def _named_organization(self, noun: str) -> str | None:
        """"Die Staatsanwaltschaft" where the article names "der Bezirks-Staatsanwaltschaft von Manhattan":
        a definite organisation noun refers to the organisation whose name has it as a word's end."""
        low = noun.lower()
        found = [e.key for e in self.index.entities if e.type == "Organization" and e.label.lower() != low
                 and any(w.replace("-", "").endswith(low) for w in e.label.lower().split())]
        return found[0] if len(found) == 1 else None

    def _titled_person(self, head: Token) -> str | None:
        """"Die Richterin" after "der Richterin Melissa C. Jackson": the last person named right after
        that title (or a compound ending in it: "Sozialminister Carlos Rodas" for "Der Minister")."""
        found = None
        for start, _, key in self.index.spans:
            if start >= head.idx:
                break
            before = self.doc.char_span(start, start + 1, alignment_mode="expand")
            if before is None or before.start == 0 or self.index.by_key[key].type != "Person":
                continue
            title = self.doc[before.start - 1]
            if title.text.lower().endswith(head.text.lower()):
                found = key
        return found

    def _nominative_label(self, words: SpacySpan, head: Token, plural: bool, noun: str) -> str:
        """The phrase's name in the nominative, without article or quantifier: "einer
        Bauerngewerkschaft" → "Bauerngewerkschaft", "politischer Beobachter" → "politische Beobachter",
        "von Kritikern" → "Kritiker"."""
        gender = {"Masc": "m", "Fem": "f", "Neut": "n"}.get(next(iter(head.morph.get("Gender")), ""), "f")
        before = list(words)
        j = words.start - 1
        while noun != head.text and j >= 0 and self.doc[j].pos_ == "ADJ":  # "nach israelischen Armeeangaben"
            before.insert(0, self.doc[j])
            j -= 1
        adjectives = [t.text.lower() for t in before if t.i < head.i and t.pos_ == "ADJ" and t.is_alpha
                      and t.lower_ not in self.words["speaker_quantifiers"]]
        adjectives = [adjective_stem(a) + "e" if plural else inflect_adjective(a, gender) for a in adjectives]
        if noun != head.text:
            return " ".join([*adjectives, noun])  # a compound's first part: "israelischen Armeeangaben"
        dative = "Dat" in head.morph.get("Case") or words[0].pos_ == "ADP"
        if plural and dative and noun.endswith(("ern", "eln")):
            noun = noun[:-1]  # dative plural: "von Kritikern" → "Kritiker"
        elif not plural and head.pos_ == "NOUN" and head.lemma_[:1].isupper():
            noun = head.lemma_  # "des Verbandes" → "Verband"
        return " ".join([*adjectives, noun])
