"""Types told by the words around a name, and mentions inside other words: class nouns ("die
Tageszeitung Haaretz"), compounds ("US-Präsident"), country and city adjectives ("russischen",
"Berliner"), a government placed in a capital ("die Regierung in Moskau")."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.entities.grammar import ARTICLES, city_stems
from kg.extract.entities.lexicon import ACRONYM, GOVERNMENT, LIST_LINKS, NAME_LINKS, OPENING_QUOTES
from kg.extract.entities.model import Candidate
from kg.extract.entities.vocabulary import Job
from kg.extract.german import DETERMINERS
from kg.extract.text import doc_text


class TypeCues(Job):
    """Candidates and types from the words in and around names."""

    def cued(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """A name after a class noun takes its type: "die Tageszeitung Haaretz" is an organization,
        "der Großgemeinde Lukeqin" a place; a name the NER missed there is added."""
        by_start = {c.start: c for c in cands}
        spans = [(c.start, c.end) for c in cands]
        out = []
        for t in doc[:-2]:
            kind = self.lex.cue(t.text)
            if kind is None or any(s <= t.idx < e for s, e in spans):
                continue  # "der Deutschen Bank Josef Ackermann": "Bank" ends a name, it classes no other
            j = t.i + 2 if doc[t.i + 1].text in OPENING_QUOTES else t.i + 1
            if j >= len(doc):
                continue
            if (c := by_start.get(doc[j].idx)) is not None:
                c.type = c.entry.type if c.entry else kind
                if self.lex.plural_cue(t.text):
                    self._listed(doc, c, kind, by_start)
                continue
            if (c := self._missed_name(doc, j, kind, spans)) is not None:
                out.append(c)
        return out

    @staticmethod
    def _listed(doc: Doc, first: Candidate, kind: str, by_start: dict[int, Candidate]) -> None:
        """The names listed after a plural class noun take its type too: in "die Südprovinzen
        Narathiwat, Yala und Satun" each is a place (the recogniser calls such names persons)."""
        end = first.end
        while True:
            i = next((t.i for t in doc if t.idx >= end), len(doc))
            if i + 1 >= len(doc) or doc[i].text not in LIST_LINKS:
                return
            item = doc[i + 1]
            if (c := by_start.get(item.idx)) is not None:
                c.type, end = c.entry.type if c.entry else kind, c.end
            elif item.is_title and item.is_alpha:
                end = item.idx + len(item)  # an item the recogniser missed: the list goes on after it
            else:
                return

    @staticmethod
    def without_things(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """Names a class noun tells to be no actor nor place ("Zyklon Larry", "das Passagierflugzeug
        Airbus A380", "der Spielfilm Luther"; type "Thing" in type_cues.jsonl) are dropped, with every
        other unlinked mention of the same name ("„Larry“ erreichte die Küste") or its acronym in
        brackets ("Internationale Raumstation (ISS)" … "auf der ISS")."""
        text = doc_text(doc)
        things = {text[c.start : c.end] for c in cands if c.type == "Thing"}
        things |= {m[1] for c in cands if c.type == "Thing" and (m := ACRONYM.match(text, c.end))}
        return [c for c in cands if c.type != "Thing" and (c.entry or text[c.start : c.end] not in things)]

    def _missed_name(self, doc: Doc, j: int, kind: str, spans: list[tuple[int, int]]) -> Candidate | None:
        """The name the recogniser missed at token j after a class noun: up to five words, capitalised
        or joined by a name link, outside any known name; or a lower-case name the gazetteer knows."""
        first = doc[j]
        if first.is_lower and (entry := self.gaz.name(first.text)) and entry.type == kind:
            return Candidate(first.idx, first.idx + len(first), kind, entry, ner=True)  # "der Gewerkschaft verdi"
        if not (first.is_alpha and first.text[:1].isupper()) or first.lower_ in ARTICLES:
            return None
        k = j + 1
        while k < len(doc) and k - j < 5 and self._name_goes_on(doc, j, k):
            k += 1
        start, end = first.idx, doc[k - 1].idx + len(doc[k - 1])
        if any(s < end and start < e for s, e in spans) or end - start == 1:
            return None  # also "der Gruppe C": a single letter labels a class or an item, no actor
        entry = self.gaz.name(doc_text(doc)[start:end])
        return Candidate(start, end, entry.type if entry else kind, entry, ner=True)

    @staticmethod
    def _name_goes_on(doc: Doc, j: int, k: int) -> bool:
        """Does token k continue the name begun at j: "Channel 10", "Movement for Democratic Change"?"""
        t = doc[k]
        if t.like_num or t.text[:1].isupper() and (t.pos_ == "PROPN" or any(x.lower_ in NAME_LINKS for x in doc[j:k])):
            return True
        return t.lower_ in NAME_LINKS and doc[k + 1 : k + 2].text[:1].isupper()

    def compounds(self, doc: Doc) -> list[Candidate]:
        """The known head of a hyphenated compound: "US" in "US-Präsident", "NATO" in "NATO-Gipfel";
        a compound with a place noun is also a place of its own ("Guatemala-Stadt", "Gaza-Stadt")."""
        out = []
        for token in doc:
            first, sep, _ = token.text.partition("-")
            if sep and first and (entry := self.gaz.prefix(first)) and entry.type in ("Country", "Organization"):
                out.append(Candidate(token.idx, token.idx + len(first), entry.type, entry))
                if self.lex.cue(token.text) == "Place" and not first.isupper():  # "US-Bundesstaat" is a class
                    out.append(Candidate(token.idx, token.idx + len(token), "Place", self.gaz.name(token.text), ner=True))
        return out

    def adjectives(self, doc: Doc) -> list[Candidate]:
        """Country adjectives ("russischen", "US-amerikanische"): the country is mentioned."""
        return [
            Candidate(t.idx, t.idx + len(t), entry.type, entry)
            for t in doc
            if (t.text[:1].islower() or t.is_sent_start) and (entry := self.gaz.adjective(t.text))
        ]

    def city_adjectives(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """"Berliner" in "des Berliner Kammergerichts" mentions Berlin: a known place or one the article
        names, with -er, outside any other name."""
        places = {doc_text(doc)[c.start : c.end]: c for c in cands if c.type == "Place" and c.ner}
        spans = [(c.start, c.end) for c in cands]
        out = []
        for t in doc:
            if not (t.is_title and t.text.endswith("er") and len(t) > 5) or any(s <= t.idx < e for s, e in spans):
                continue
            stems = city_stems(t.text)
            entry = next((e for e in map(self.gaz.name, stems) if e is not None and e.type == "Place"), None)
            stem = next((s for s in stems if s in places), None)
            if entry is not None or stem is not None:
                out.append(Candidate(t.idx, t.idx + len(t), "Place", entry, label=None if entry else stem))
        return out

    def metonymy(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """"die Regierung in Moskau" is Russia: a government noun placed in a capital."""
        by_start = {c.start: c for c in cands}
        out = []
        for t in doc[:-2]:
            if t.text not in GOVERNMENT or doc[t.i + 1].lower_ != "in":
                continue
            place = by_start.get(doc[t.i + 2].idx)
            if place and place.entry and place.entry.capital_of in self.gaz.entries:
                begin = doc[t.i - 1] if t.i and doc[t.i - 1].lower_ in DETERMINERS else t
                out.append(Candidate(begin.idx, place.end, "Country", self.gaz.entries[place.entry.capital_of]))
        return out
