"""Roles: the titles before a person's name or of an anonymous source, and where they are held."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.gazetteer import Entry
from kg.extract.entities.grammar import is_adjective
from kg.extract.entities.model import Candidate, RoleCandidate
from kg.extract.entities.vocabulary import Job
from kg.extract.german import inflect_adjective


class Roles(Job):
    """The title of each person candidate, if one stands before it."""

    def find(self, doc: Doc, cands: list[Candidate]) -> list[RoleCandidate]:
        """Titles before a name ("Putins außenpolitischer Berater Juri Uschakow") and of anonymous sources."""
        by_end = {c.end: c for c in cands}
        out = []
        for person in cands:
            if person.type != "Person":
                continue
            span = doc.char_span(person.start, person.end, alignment_mode="expand")
            if person.anonymous:
                out.append(self._title(doc, person, span[-1].i, by_end))  # its own head noun: "ein US-Beamter"
            elif span is not None and span.start > 0:
                out.append(self._title(doc, person, span.start - 1, by_end))  # the word before the name
        return [r for r in out if r]

    def _title(self, doc: Doc, person: Candidate, i: int, by_end: dict[int, Candidate]) -> RoleCandidate | None:
        """The role noun at token i with its adjectives ("außenpolitischer Berater") and whose
        role it is: the compound's first part, the implied country, an owner before it or a genitive after it."""
        token = doc[i]
        prefix, sep, rest = token.text.partition("-")
        found = self.lex.role(rest if sep else token.text)
        if not found or (found[0].anonymous_only and not person.anonymous):
            return None
        noun, name = found
        of: Candidate | Entry | None = by_end.get(token.idx + len(prefix)) if sep else None
        of = of or (self.gaz.entries.get(noun.of) if noun.of else None)
        adjectives = []
        j = i - 1
        while j >= 0 and is_adjective(doc[j]):
            if entry := self.gaz.adjective(doc[j].text):
                of = of or entry
            else:
                adjectives.insert(0, inflect_adjective(doc[j].text, noun.gender))
            j -= 1
        if j >= 0 and of is None:
            owner = by_end.get(doc[j].idx + len(doc[j]))
            of = owner if owner and owner is not person else None
        if of is None and i + 2 < len(doc) and doc[i + 1].lower_ in ("des", "der"):
            of = next((c for c in by_end.values() if c.start == doc[i + 2].idx), None)
        start = doc[j + 1].idx
        return RoleCandidate(person, " ".join([*adjectives, name]), of, start, token.idx + len(token))
