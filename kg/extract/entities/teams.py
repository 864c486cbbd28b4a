"""Teams acting for one person: "die Verteidiger Strauss-Kahns", later "die Verteidigung"."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.keys import slug
from kg.extract.entities.grammar import article_before
from kg.extract.entities.model import Candidate
from kg.extract.entities.vocabulary import Job
from kg.extract.german import DETERMINERS
from kg.extract.text import doc_text


class Teams(Job):
    """A team per person the article names as its owner (kg/data/teams.jsonl)."""

    def find(self, doc: Doc, cands: list[Candidate], article_id: str) -> list[Candidate]:
        """"Die Verteidiger Strauss-Kahns", later "die Verteidigung", "Die Anwälte des Angeklagten":
        one group acting for the one person the article names as its owner, labelled "Verteidigung
        von Strauss-Kahn". Without exactly one owner nothing is found (the groups may take them)."""
        persons = self._person_names(doc, cands)
        out = []
        for team in self.lex.teams:
            tokens = [t for t in doc if t.text in team.forms or t.text in team.members]
            owners = {o for t in tokens if (o := self._team_owner(doc, t, persons))}
            if len(owners) != 1:
                continue
            label = f"{team.label} von {owners.pop()}"
            for t in tokens:
                if t.text in team.members and article_before(doc, t.i) not in DETERMINERS and not self._team_owner(doc, t, persons):
                    continue  # "zwei Anwälte", "Anwälte der Opfer": not the team
                out.append(Candidate(t.idx, t.idx + len(t), "Group", label=label, key=f"group/{article_id}/{slug(label)}"))
        return out

    def _person_names(self, doc: Doc, cands: list[Candidate]) -> dict[str, str]:
        """The article's persons by full name and surname, including hyphenated surnames the
        recogniser tagged but Names left aside ("Strauss-Kahn")."""
        names = {}
        for c in cands:
            if c.type == "Person" and not c.anonymous:
                text = doc_text(doc)[c.start : c.end]
                names[text] = names[text.split()[-1]] = text
        for e in doc.ents:
            if e.label_ == "PER" and e.text[:1].isupper():
                names.setdefault(e.text, e.text)
        return names

    @staticmethod
    def _team_owner(doc: Doc, token: Token, persons: dict[str, str]) -> str | None:
        """The person in the genitive after a team noun ("Verteidiger Strauss-Kahns", "Anwälte von
        Anna Berg"), in the nominative, as the article writes the name there."""
        if token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "von":
            j = token.i + 2
            two = doc[j : j + 2].text
            return two if two in persons else doc[j].text if doc[j].text in persons else None
        word = doc[token.i + 1].text.rstrip("'’") if token.i + 1 < len(doc) else ""
        if word.endswith("s") and word[:-1] in persons:
            return word[:-1]  # "Verteidiger Strauss-Kahns"; but "die Anwälte Meier und Schulz" are named lawyers
        return word if doc[token.i + 1 : token.i + 2].text.endswith(("'", "’")) and word in persons else None
