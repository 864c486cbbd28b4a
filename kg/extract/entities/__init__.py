"""Entities of one article: named entities, gazetteer names, compounds ("US-Präsident"),
country adjectives ("russischen"), groups ("der Westen"), anonymous sources ("ein US-Beamter"),
metonymy ("die Regierung in Moskau") and roles, merged into one Entity per actor.

The modules by job: names (the recogniser's names, first names and surnames, credit lines,
acronyms), appositions (persons told by a function noun beside them), types (class nouns,
compounds, country and city adjectives, metonymy), institutions, teams, groups (collectives, the
opposition, anonymous sources), roles (titles), merge (one entity per actor: keys, labels, stand-ins);
vocabulary holds the questions about a word the jobs share, grammar the German word forms, lexicon
the word lists of kg/data/entities.json, model the candidates, index the result the other extractors
read; extractor runs the jobs.
"""

from kg.extract.entities.extractor import EntityExtractor
from kg.extract.entities.index import EntityIndex
from kg.extract.german import INDEFINITE_ARTICLES as INDEFINITE  # kg.extract.claims.adopted reads it here

__all__ = ["INDEFINITE", "EntityExtractor", "EntityIndex"]
