"""Entities, merging and roles with the real pipeline, on sentences other than the seed's."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.model import Article


def entities(extractor, text: str):
    article = Article(id="t", text=text, source="test", published=dt.datetime(2022, 3, 1))
    return {e.label: e for e in extractor.extract(article).entities}


def test_people_merge_across_mentions_and_genitive(extractor):
    found = entities(extractor, "Bundeskanzler Olaf Scholz hat in Berlin mit Emmanuel Macron gesprochen. "
                                "Scholz sagte danach, Macrons Vorschlag sei gut. Später reiste Scholz nach Paris.")
    scholz = found["Olaf Scholz"]
    assert scholz.type == "Person" and scholz.wikidata == "Q61053"
    assert {m.text for m in scholz.mentions} >= {"Olaf Scholz", "Scholz"}
    assert {m.text for m in found["Emmanuel Macron"].mentions} >= {"Emmanuel Macron", "Macrons"}
    assert [(r.name, r.of) for r in scholz.roles] == [("Bundeskanzler", "Q183")]
    assert found["Berlin"].type == "Place" and found["Berlin"].wikidata == "Q64"


@pytest.mark.parametrize(
    "text, person, role, of",
    [
        ("Der französische Präsident Emmanuel Macron besuchte Kiew.", "Emmanuel Macron", "Präsident", "Q142"),
        ("Frankreichs Präsident Emmanuel Macron besuchte Kiew.", "Emmanuel Macron", "Präsident", "Q142"),
        ("Selenskyjs enger Berater Mychajlo Podoljak sprach von Fortschritten.", "Mychajlo Podoljak", "enger Berater", "Q3874799"),
        ("UN-Generalsekretär António Guterres rief zur Ruhe auf.", "António Guterres", "Generalsekretär", "Q1065"),
    ],
)
def test_roles_from_titles(extractor, text, person, role, of):
    found = entities(extractor, text)
    assert (role, of) in [(r.name, r.of) for r in found[person].roles]


def test_countries_adjectives_compounds_and_organizations(extractor):
    found = entities(extractor, "Die EU-Kommission kritisierte die türkische Regierung. "
                                "Die Vereinten Nationen und die NATO äußerten sich nicht. Ankara wies das zurück.")
    assert found["Europäische Kommission"].type == "Organization"
    assert found["Türkei"].type == "Country" and found["Türkei"].wikidata == "Q43"
    assert found["Vereinte Nationen"].wikidata == "Q1065" and found["NATO"].wikidata == "Q7184"
    assert found["Ankara"].stands_for == "Q43"


def test_groups_anonymous_sources_and_metonymy(extractor):
    found = entities(extractor, "Ein EU-Diplomat sagte, die Gespräche seien schwierig. "
                                "Die Türkei und ihre Partner lehnten ab, mehrere EU-Staaten auch. "
                                "Der Westen reagierte, die Regierung in Peking schwieg.")
    diplomat = found["EU-Diplomat"]
    assert diplomat.anonymous and diplomat.key.startswith("anon/t/")
    assert ("Diplomat", "Q458") in [(r.name, r.of) for r in diplomat.roles]
    assert found["EU-Staaten"].type == "Group" and found["der Westen"].type == "Group"
    assert "die Regierung in Peking" in {m.text for m in found["China"].mentions}


def test_place_in_locative_use_does_not_stand_for_country(extractor):
    found = entities(extractor, "Die Konferenz findet in Wien statt.")
    assert found["Wien"].type == "Place" and found["Wien"].stands_for is None
