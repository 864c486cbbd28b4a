"""The entity extractor's word lists: kg/data/entities.json (general German ones are german.py's)."""

from __future__ import annotations

import re

from kg.lexicon import word_lists

NER_TYPES = {"PER": "Person", "ORG": "Organization", "LOC": "Place"}  # the recogniser's labels
_WORDS = word_lists("entities.json")
GOVERNMENT = _WORDS["government_nouns"]  # "die Regierung in Moskau": the country
BYLINE = re.compile(rf"^[ \t]*(?:{'|'.join(sorted(_WORDS['byline_words']))})[ \t]*:.*$", re.MULTILINE)  # "Foto: dpa"
ACRONYM = re.compile(r"\s?\(([A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,7})\)")  # "Bundesgerichtshof (BGH)"
# the rest of a name the recogniser cut before its bracketed acronym: "… Bevölkerungsschutz| und Katastrophenhilfe (BBK)"
CUT_BEFORE_ACRONYM = re.compile(r"((?: (?:und|für|and|of) [A-ZÄÖÜ][\w-]+)+)\s?\(([A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,7})\)")
FEMININE = tuple(sorted(_WORDS["feminine_endings"]))  # a feminine head noun: "Süddeutsche Zeitung"
MASCULINE = tuple(sorted(_WORDS["masculine_endings"]))  # "des Deutschen Handballbundes": "Deutscher Handballbund"
NEUTER = tuple(sorted(_WORDS["neuter_endings"]))  # "des Deutschen Roten Kreuzes": "Deutsches Rotes Kreuz"
LEGAL_FORMS = _WORDS["legal_forms"]  # "Sony Corp": a company
NAME_LINKS = _WORDS["name_links"]  # inside names: "Bewegung für Demokratie"
OPENING_QUOTES = _WORDS["opening_quotes"]
SINGULAR = _WORDS["singular_determiners"]  # "ein Beobachter", "dem Politiker": one person
GENITIVE_LINK = _WORDS["genitive_links"]  # "Gericht von Simbabwe"
QUANTIFIERS = _WORDS["quantifier_stems"]  # "weitere", "zahlreiche": a quantity, not a description
STREET_ENDINGS = tuple(_WORDS["street_endings"])  # "Stuttgarter Schloßstrasse", "Tahrir-Platz": a street or square
CITY_PLACE_HEADS = _WORDS["city_place_heads"]  # "Berliner Platz", "Brandenburger Tor": a place named after a city
PLACE_WORDS = _WORDS["place_name_words"]  # "Hudson Valley", "Long Island": a place whatever the NER said
ORGANIZATION_WORDS = _WORDS["organization_name_words"]  # "Florida Museum of Natural History": an organization
PLACE_PREPOSITIONS = _WORDS["place_prepositions"]  # "in Yala", "im Pfälzerwald": a place, never a person
ADDRESS_WORDS = _WORDS["address_words"]  # "Frau Broszat", "Herrn Müller": before a name, not part of it
EVENT_WORDS = frozenset(w for w in _WORDS["event_name_words"] if " " not in w)  # "… Meisterschaft" after a name
COMPASS_PREFIXES = tuple(_WORDS["compass_prefixes"])  # "Norddeutschlands": a region of a known place
EVENT_NAME = re.compile(rf"(?:^|[\s-])(?:{'|'.join(map(re.escape, sorted(_WORDS['event_name_words'])))})\b")  # "Super Bowl LIV"
ACADEMIC_TITLES = _WORDS["academic_titles"]  # "DI Dr. Michael Lichtenegger": before a name, not part of it
DEMONYM_ENDINGS = _WORDS["demonym_endings"]  # "Tschech-in" of "tschech-isch": a nationality noun
NOT_IN_NAMES = re.compile(r"[|?]")  # "Linien?|Eigentümerverhältnisse": markup or a question, no name
LIST_LINKS = _WORDS["list_links"]  # "die Provinzen Yala, Pattani und Satun": between the items of a list
PAIR_LINKS = _WORDS["pair_links"]  # "Justin Richardson and Peter Parnell": two names in one span
