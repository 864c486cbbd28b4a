"""The entity extractor: runs the jobs in their order, each seeing the candidates found before it."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.gazetteer import Gazetteer, load_gazetteer
from kg.lexicon import Lexicon, lexicon
from kg.extract.entities.appositions import Appositions
from kg.extract.entities.groups import AnonymousSources, Groups
from kg.extract.entities.index import EntityIndex
from kg.extract.entities.institutions import Institutions
from kg.extract.entities.merge import Merger
from kg.extract.entities.model import Candidate
from kg.extract.entities.names import Names, acronyms, outside_bylines
from kg.extract.entities.roles import Roles
from kg.extract.entities.teams import Teams
from kg.extract.entities.types import TypeCues
from kg.extract.entities.vocabulary import Vocabulary
from kg.extract.text import SentenceIndex


class EntityExtractor:
    """Callable: (doc, sentences, article id) -> the article's entities. The order matters: names
    first, so the later jobs leave what is inside a name alone and can take a name as an owner."""

    def __init__(self, gazetteer: Gazetteer | None = None, lex: Lexicon | None = None) -> None:
        words = Vocabulary(gazetteer or load_gazetteer(), lex or lexicon())
        self.appositions = Appositions(words)
        self.names = Names(words, self.appositions)
        self.types = TypeCues(words)
        self.institutions = Institutions(words)
        self.teams = Teams(words)
        self.groups = Groups(words)
        self.sources = AnonymousSources(words)
        self.roles = Roles(words)
        self.merger = Merger(words)

    def __call__(self, doc: Doc, sents: SentenceIndex, article_id: str) -> EntityIndex:
        cands = self._candidates(doc, article_id)
        roles = self.roles.find(doc, cands)
        entities = self.merger.merge(cands, roles, sents, doc, self.appositions.mentions(doc, cands))
        return EntityIndex(entities, article_id=article_id)

    def _candidates(self, doc: Doc, article_id: str) -> list[Candidate]:
        """Every mention that may be an entity: names, then what is told by the words around them,
        then unnamed actors (institutions, teams, groups, sources) outside the names."""
        cands = self.names.find(doc)
        cands = self.types.without_things(doc, cands + self.types.cued(doc, cands))
        cands += self.appositions.names(doc, cands)
        taken = {t for c in cands for t in range(c.start, c.end)}
        cands += [c for c in self.types.compounds(doc) if c.start not in taken]
        cands += [c for c in self.types.adjectives(doc) if c.start not in taken]
        cands += self.types.city_adjectives(doc, cands)
        cands += self.types.metonymy(doc, cands)
        cands += self.institutions.find(doc, cands, article_id)
        teams = self.teams.find(doc, cands, article_id)
        in_team = {t for c in teams for t in range(c.start, c.end)}
        cands += teams + [c for c in self.groups.find(doc, cands, article_id) if c.start not in in_team]
        self.groups.named_opposition(doc, cands)
        cands += self.sources.find(doc, cands, article_id)
        return acronyms(doc, outside_bylines(doc, cands))
