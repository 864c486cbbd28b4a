"""Persons told by an apposition naming their function: "Dolkun Isa, der Sekretär des …"."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.entities.model import Candidate
from kg.extract.entities.vocabulary import Job


class Appositions(Job):
    """A function noun beside two or three capitalised words makes them a person, and is a
    mention of that person."""

    def apposed(self, doc: Doc, start: int, end: int) -> bool:
        """Is doc[start:end] in apposition with a noun naming a person's function? Whatever the
        recogniser typed the name, it names a person."""
        return self.apposition_noun(doc, start, end) is not None

    def apposition_noun(self, doc: Doc, start: int, end: int) -> Token | None:
        """The noun naming a person's function in apposition to doc[start:end]: after it ("Dolkun
        Isa, der Sekretär des …") or closed by it ("der Präsidentschaftskandidat der MDC, Morgan
        Tsvangirai"), across a comma and no verb."""
        if end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in ("der", "die"):
            j = end + 2
            while j < len(doc) - 1 and doc[j].is_lower and doc[j].pos_ == "ADJ":
                j += 1  # "der ehemalige Sekretär"
            if self.lex.person_noun(doc[j].text):
                return doc[j]
        if start >= 2 and doc[start - 1].text == ",":
            for k in range(start - 2, max(start - 8, -1), -1):
                t = doc[k]
                if t.is_punct or t.is_space or t.pos_ in ("VERB", "AUX"):
                    return None
                if self.lex.person_noun(t.text) and t.pos_ in ("NOUN", "PROPN"):
                    return t
        return None

    def mentions(self, doc: Doc, cands: list[Candidate]) -> list[tuple[Candidate, int, int]]:
        """A named person's function noun in apposition is a mention of the person ("Dolkun Isa,
        der Sekretär des Weltkongresses" — the Sekretär is Isa), so the noun phrase headed by it
        names the person, not the congress in its genitive."""
        by_end = {c.end: c for c in cands}
        out = []
        for c in cands:
            if c.type != "Person" or c.anonymous or c.key:
                continue
            span = doc.char_span(c.start, c.end, alignment_mode="expand")
            if span is None:
                continue
            noun = self.apposition_noun(doc, span.start, span.end) or self._title_before_owner(doc, span.start, by_end)
            if noun is not None and not any(o.start <= noun.idx < o.end for o in cands):
                out.append((c, noun.idx, noun.idx + len(noun)))
        return out

    def _title_before_owner(self, doc: Doc, start: int, by_end: dict[int, Candidate]) -> Token | None:
        """"der Vorstandsvorsitzende der Bundesagentur für Arbeit Frank-Jürgen Weise": a function noun
        with its organisation in the genitive right before the name is the person's title."""
        owner = by_end.get(doc[start - 1].idx + len(doc[start - 1])) if start else None
        if owner is None or owner.type not in ("Organization", "Country"):
            return None
        first = doc.char_span(owner.start, owner.end, alignment_mode="expand")
        i = first.start - 1 if first is not None else -1
        if i > 0 and (self.lex.cue(doc[i].text) or self.lex.institution(doc[i].text)):
            i -= 1  # "der Vorsitzende der Gewerkschaft verdi Frank Bsirske"
        if i < 1 or doc[i].lower_ not in ("der", "des"):
            return None
        return doc[i - 1] if self.lex.person_noun(doc[i - 1].text) and doc[i - 1].pos_ in ("NOUN", "PROPN") else None

    def names(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """Persons the recogniser missed or cut, found by an apposition naming their function:
        "Dolkun Isa, der Sekretär des Weltkongresses der Uiguren, sagte"; "Die Chefjuristin des
        Konzerns, Merle Vantoog erklärte" where only "Vantoog" was tagged."""
        by_start = {c.start: c for c in cands}
        spans = [(c.start, c.end) for c in cands]
        out = []
        for i in range(1, len(doc) - 2):
            if not (doc[i - 1].is_punct or doc[i - 1].is_space or doc[i].is_sent_start):
                continue  # the name opens its sentence, clause or line
            words = [doc[i], doc[i + 1]]
            if not self.words.name_like(words) or words[1].tag_ not in ("NE", "NNP") and words[1].pos_ != "PROPN":
                continue
            start, end = doc[i].idx, doc[i + 1].idx + len(doc[i + 1])
            if not self.apposed(doc, i, i + 2):
                continue
            surname = by_start.get(doc[i + 1].idx)
            if surname is not None and surname.type == "Person" and surname.end == end and not surname.entry:
                surname.start = start  # the untagged first name joins the surname
            elif not any(s < end and start < e for s, e in spans):
                entry = self.gaz.name(doc[i : i + 2].text)
                out.append(Candidate(start, end, entry.type if entry else "Person", entry, ner=True))
        return out
