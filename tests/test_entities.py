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
    assert found["Berlin"].stands_for is None and "Deutschland" not in found  # an adjective does not act


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


def test_institutions_named_by_a_noun_take_their_country(extractor):
    found = entities(extractor, "Die spanische Regierung verhängte in Spanien den Notstand. Die Regierung erklärte, "
                                "das Militär kontrolliere nun Spanien. Die Polizei nahm zwei Männer fest.")
    government = found["Spanische Regierung"]
    assert government.type == "Organization" and {m.text for m in government.mentions} == {"spanische Regierung", "Regierung"}
    assert government.key == "organization/t/spanische-regierung"  # the article's own: other articles have other governments
    assert found["Militär Spaniens"].type == "Organization"  # national, unowned: the article's main country
    assert found["Polizei"].type == "Organization"  # local: no country given, none assumed


def test_groups_keep_describing_adjectives_and_are_the_articles_own(extractor):
    found = entities(extractor, "Augenzeugen berichteten von Schüssen. Nach Einschätzung politischer Beobachter "
                                "ist die Lage ernst. Die Beobachter warnten vor Gewalt. Ein Beobachter schwieg. "
                                "Das sagte er dem französischen Politiker.")
    observers = found["politische Beobachter"]
    assert observers.type == "Group" and observers.key == "group/t/beobachter"
    assert {m.text for m in observers.mentions} == {"politischer Beobachter", "Beobachter"}  # not "Ein Beobachter"
    assert found["Augenzeugen"].type == "Group"
    assert "französische Politiker" not in found  # one politician, in the dative


def test_class_nouns_type_the_name_after_them(extractor):
    found = entities(extractor, "Das berichtete die Tageszeitung Morgenkurier am Montag. "
                                "Die Drogerie-Kette Rossmann schloss Filialen in der Großgemeinde Lindenau.")
    assert found["Morgenkurier"].type == "Organization" and found["Rossmann"].type == "Organization"
    assert found["Lindenau"].type == "Place"


def test_acronym_in_brackets_joins_its_full_name(extractor):
    found = entities(extractor, "Die Oppositionspartei Bewegung für Gerechtigkeit (BFG) gewann. Die BFG feierte den Sieg. "
                                "Die Opposition sprach von einem Wendepunkt.")
    party = found["Bewegung für Gerechtigkeit"]
    assert party.type == "Organization" and [m.text for m in party.mentions].count("BFG") == 2
    assert "BFG" not in found
    assert "Opposition" in {m.text for m in party.mentions}  # the one opposition party the article names


def test_genitive_full_name_and_bylines(extractor):
    found = entities(extractor, "Theresa Mays Regierung wankt. May sagte am Montag, sie bleibe.\n\nAutor: Henning, Peter")
    assert {m.text for m in found["Theresa May"].mentions} == {"Theresa Mays", "May"}
    assert not {"Henning", "Peter", "Henning, Peter"} & set(found)


def test_a_first_name_alone_links_no_one():
    from kg.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    assert gaz.person_by_surname("Martin") is None  # "Saint Martin" is no Micheál Martin
    assert gaz.person_by_surname("Biden").wikidata == "Q6279"
    assert gaz.name("Europa").wikidata == "Q46" and gaz.name("Europa").link_only  # from HIPE-2022, links only
    assert gaz.name("Siemens").type == "Organization" and gaz.name("Unternehmen") is None  # from SmartData


def test_person_at_the_end_of_an_organization_span_and_nominative_names(extractor):
    found = entities(extractor, "Das sagte der Chef der Bundesagentur für Arbeit Frank-Jürgen Weise am Montag "
                                "der Süddeutschen Zeitung.")
    assert found["Frank-Jürgen Weise"].type == "Person"
    assert found["Bundesagentur für Arbeit"].type == "Organization"
    assert found["Süddeutsche Zeitung"].type == "Organization"


def test_unnamed_people_are_anonymous_sources(extractor):
    found = entities(extractor, "Einer Rednerin zufolge kamen viele. Eine evangelische Pfarrerin sprach ein Gebet.")
    assert found["Rednerin"].anonymous and found["evangelische Pfarrerin"].anonymous


def test_city_adjective_mentions_the_city(extractor):
    found = entities(extractor, "Das Urteil des Berliner Landgerichts wurde am Montag verkündet.")
    assert found["Berlin"].type == "Place" and found["Berlin"].wikidata == "Q64"
    assert found["Berlin"].stands_for is None and "Deutschland" not in found  # an adjective does not act


def test_a_qualified_generic_name_is_not_the_known_entity(extractor):
    found = entities(extractor, "Der Nationale Sicherheitsrat in London tagte. Der Sicherheitsrat in New York schwieg. "
                                "In Baghdad explodierte eine Bombe.")
    assert found["UN-Sicherheitsrat"].wikidata == "Q37470"
    assert {m.text for m in found["UN-Sicherheitsrat"].mentions} == {"Sicherheitsrat"}
    assert found["Bagdad"].wikidata == "Q1530"  # one city in either spelling


def test_country_compound_with_a_place_noun_is_a_place(extractor):
    found = entities(extractor, "In Kuwait-Stadt protestierten Hunderte gegen die Regierung.")
    assert found["Kuwait-Stadt"].type == "Place"


def test_region_adjectives_coalitions_and_media_reports(extractor):
    found = entities(extractor, "Die katalanische Polizei griff ein. Laut Medienberichten zerbrach die Koalition.")
    assert found["Katalonien"].type == "Place" and found["Katalonien"].wikidata == "Q5705"
    assert found["Medien"].type == "Group" and found["Regierungskoalition"].type == "Group"


def test_more_institutions_and_groups(extractor):
    found = entities(extractor, "Die Junta ließ Häftlinge frei. Islamisten und Regierungsgegner protestierten, der Senat schwieg.")
    assert found["Junta"].type == found["Senat"].type == "Organization"
    assert found["Häftlinge"].type == found["Islamisten"].type == found["Regierungsgegner"].type == "Group"


def test_legal_forms_and_genitive_names_before_a_noun(extractor):
    found = entities(extractor, "Der Film ist Stanley Kubricks Meisterwerk. Die Deutschen Bank und Sony Corp verhandeln.")
    assert found["Stanley Kubrick"].type == "Person"
    assert found["Sony Corp"].type == "Organization" and found["Deutsche Bank"].type == "Organization"


def test_adjectives_titles_and_head_nouns_inside_name_spans(extractor):
    found = entities(extractor, "Der libanesische Präsident Michel Suleiman besuchte das Robert Koch-Institut. "
                                "Die meisten Studenten und erste Medien berichteten über griechische Reeder.")
    assert found["Michel Suleiman"].type == "Person" and found["Libanon"].wikidata == "Q822"
    assert found["Robert Koch-Institut"].type == "Organization"
    assert "Studenten" in found and "meiste Studenten" not in found and "Medien" in found
    assert not [label for label in found if label[:1].islower() and found[label].type != "Group"]


def test_compound_institutions_and_a_person_after_an_organization(extractor):
    found = entities(extractor, "Die Bundesregierung und die US-Regierung stritten. "
                                "Der Chef der Deutschen Bank Josef Ackermann schwieg.")
    assert found["US-Regierung"].type == "Organization" and found["Vereinigte Staaten"].wikidata == "Q30"
    assert found["Bundesregierung"].type == "Organization"
    assert found["Josef Ackermann"].type == "Person" and found["Deutsche Bank"].type == "Organization"


@pytest.mark.parametrize(
    "text, person, noun",
    [
        ("Der Spitzenkandidat der Grünen, Jorvan Keltisch, kritisierte den Plan der Regierung.", "Jorvan Keltisch", "Spitzenkandidat"),
        ("Tamsin Orbeck, die Sprecherin des Bauernverbandes sagte, die Ernte sei schlecht.", "Tamsin Orbeck", "Sprecherin"),
        ("Die Chefjuristin des Konzerns, Merle Vantoog erklärte, die Klage sei unbegründet.", "Merle Vantoog", "Chefjuristin"),
    ],
)
def test_a_function_noun_in_apposition_makes_a_person(extractor, text, person, noun):
    """Whatever the recogniser typed or missed, a name beside "der Sekretär", "die Sprecherin" is a
    person, and the function noun is one of its mentions (so it speaks as the person)."""
    found = entities(extractor, text)
    assert found[person].type == "Person"
    assert noun in {m.text for m in found[person].mentions}


def test_no_person_from_an_apposition_without_a_function_noun(extractor):
    found = entities(extractor, "Siemens, der Konzern aus München, meldete Gewinne. Berlin, die Hauptstadt, feierte.")
    assert found["Siemens"].type == "Organization" and found["Berlin"].type == "Place"


def test_local_institution_owned_by_a_place_and_its_bare_noun(extractor):
    """"der Bezirks-Staatsanwaltschaft von Manhattan" is labelled as authorities name themselves
    (closed compound, then the place), and "Die Staatsanwaltschaft" of the same article is it."""
    found = entities(extractor, "Die Staatsanwaltschaft erhob Anklage. Der Richter sprach mit der "
                                "Bezirks-Staatsanwaltschaft von Manhattan. Die Polizei in Köln ermittelt.")
    office = found["Bezirksstaatsanwaltschaft Manhattan"]
    assert office.type == "Organization" and {m.text for m in office.mentions} == {"Staatsanwaltschaft", "Bezirks-Staatsanwaltschaft"}
    assert "Staatsanwaltschaft" not in found and found["Polizei Köln"].type == "Organization"
    assert "US-Regierung" in entities(extractor, "Die US-Regierung schweigt.")  # a name's compound keeps its hyphen


def test_title_with_its_organisation_before_a_name_is_a_mention_of_the_person(extractor):
    """"der Vorstandschef der Deutschen Bank Josef Ackermann": the noun phrase headed by the title
    names the person, not the bank in its genitive."""
    found = entities(extractor, "Bei der Pressekonferenz haben der Vorstandschef der Deutschen Bank Josef Ackermann "
                                "und Olaf Scholz den Vorschlag unterbreitet, die Steuern zu senken.")
    assert {m.text for m in found["Josef Ackermann"].mentions} == {"Vorstandschef", "Josef Ackermann"}
    assert {m.text for m in found["Deutsche Bank"].mentions} == {"Deutschen Bank"}


def test_a_defence_team_is_one_group_named_by_its_client(extractor):
    found = entities(extractor, "Die Verteidiger von Karl Brenner beantragten Freispruch. Die Verteidigung argumentierte, "
                                "Brenner sei unschuldig. Die Anwälte des Angeklagten legten Berufung ein.")
    team = found["Verteidigung von Karl Brenner"]
    assert team.type == "Group" and {m.text for m in team.mentions} == {"Verteidiger", "Verteidigung", "Anwälte"}
    found = entities(extractor, "Die Verteidigung der Ukraine hält. Zwei Anwälte berieten.")
    assert not any(label.startswith("Verteidigung") for label in found)  # no person: no team


def test_a_known_name_in_lower_case_after_its_class_noun(extractor):
    found = entities(extractor, "Der Vorsitzende der Gewerkschaft verdi Frank Bsirske sagte, die Löhne seien zu niedrig.")
    assert found["Verdi"].type == "Organization" and "Gewerkschaft" not in found
    assert "Vorsitzende" in {m.text for m in found["Frank Bsirske"].mentions}


def test_a_nationality_noun_before_a_name_makes_a_person(extractor):
    """"Die Tschechin Šárka Záhrobská": the noun tells her nationality, it is not part of her name,
    and she is a person whatever the recogniser typed (nationality nouns come from the country adjectives)."""
    found = entities(extractor, "Im zweiten Lauf fuhr die Tschechin Šárka Záhrobská auf den dritten Platz.")
    assert found["Šárka Záhrobská"].type == "Person"
    assert not [label for label in found if label.startswith("Tschechin")]


def test_one_company_under_its_legal_form_its_capitals_and_its_short_name(extractor):
    found = entities(extractor, "Die Daimler AG baut in Rastatt. Daimler will das Werk erweitern. "
                                "Die WIENER LINIEN GmbH & Co KG erhöhen die Preise, sagte die Wiener Linien GmbH & Co KG.")
    daimler = [e for e in found.values() if e.label.startswith("Daimler")]
    assert len(daimler) == 1 and daimler[0].type == "Organization"
    linien = [e for e in found.values() if e.label.lower().startswith("wiener linien")]
    assert len(linien) == 1 and not linien[0].label.isupper()
    assert "GmbH & Co KG" not in found


def test_english_place_and_organization_words_inside_names(extractor):
    """"Hudson Valley", "Long Island" are places ("Island" alone would be Iceland), a "Museum of …"
    an organization, whatever the recogniser typed."""
    found = entities(extractor, "Sie wohnt im konservativen Hudson Valley. Ein Mann hatte in einem Pendlerzug auf "
                                "Long Island geschossen. Das Florida Museum of Natural History stellt aus.")
    assert found["Hudson Valley"].type == "Place" and found["Long Island"].type == "Place"
    assert "Island" not in found
    assert found["Florida Museum of Natural History"].type == "Organization"


def test_inflected_names_are_labelled_and_linked_in_the_nominative(extractor):
    found = entities(extractor, "Journalisten leben gefährlich in der Türkei und den Vereinigten Arabischen Emiraten. "
                                "Das Gebiet gehört zum Territorium der Palästinensischen Autonomiebehörde.")
    assert found["Vereinigte Arabische Emirate"].wikidata == "Q878"
    assert found["Palästinensische Autonomiebehörde"].type == "Organization"


def test_common_nouns_tagged_as_persons_are_dropped(extractor):
    found = entities(extractor, "Meles Zenawi sagte Reportern, dass alles ruhig sei. Dreitägiger Dauerregen hat in "
                                "Vietnam Überschwemmungen ausgelöst.")
    assert "Reportern" not in found and "Dreitägiger" not in found
    assert found["Meles Zenawi"].type == "Person"


def test_a_lone_word_opening_an_organizations_name_is_that_organization(extractor):
    found = entities(extractor, "Der amerikanische Sportwagenhersteller Shelby SuperCars plant einen Rekord. "
                                "Shelby hält mit seinem Modell den Weltrekord.")
    assert {m.text for m in found["Shelby SuperCars"].mentions} >= {"Shelby", "Shelby SuperCars"}
    assert "Shelby" not in found


def test_untagged_surname_titles_and_class_compounds(extractor):
    """"Außenministerin Tzipi" + untagged "Livni" is one name; "Papst" is a title, not part of the
    name; "US-Bundesstaat" names a class, no place."""
    found = entities(extractor, "Das wurde von der israelischen Außenministerin Tzipi Livni persönlich abgelehnt. "
                                "Papst Benedikt XVI. nahm den Verzicht an. Er lebt im US-Bundesstaat New Jersey.")
    assert found["Tzipi Livni"].type == "Person" and "Tzipi" not in found
    assert "Papst" in [r.name for r in found["Benedikt XVI."].roles]
    assert "US-Bundesstaat" not in found and found["New Jersey"].type == "Place"


def test_names_of_storms_and_aircraft_and_academic_titles_are_no_actors(extractor):
    found = entities(extractor, "Der Sturm könnte so schlimm werden wie Zyklon Larry im Jahr 2006. "
                                "Die Fluglinie hatte das Passagierflugzeug Airbus A380 bestellt. "
                                "Geschäftsführer sind DI Günter Steinbauer und Dr. Michael Lichtenegger.")
    assert "Larry" not in found and "Airbus A380" not in found
    assert "DI" not in found and found["Günter Steinbauer"].type == "Person"


def test_two_people_in_one_span_and_a_first_name_before_its_surname(extractor):
    found = entities(extractor, "Das Buch von Justin Richardson and Peter Parnell wurde verboten. "
                                "Die Schriftstellerin Herta Müller erhält den Preis. Er ehrte so auch Herta Müllers Mutter.")
    assert found["Justin Richardson"].type == found["Peter Parnell"].type == "Person"
    assert "Herta" not in found and "Herta Müller" in found


def test_institution_after_a_city_adjective_and_genitive_labels(extractor):
    found = entities(extractor, "Laut Berliner Polizei blieb es ruhig. Die Sitzung des Magdeburger Stadtrates begann.")
    assert found["Berliner Polizei"].type == "Organization" and "Berliner" not in found
    assert "Magdeburger Stadtrates" not in found


def test_an_adjective_in_e_after_a_definite_article_shows_one_person_not_a_group(extractor):
    found = entities(extractor, "Der französische Politiker lehnte ab. Französische Politiker stimmten zu.")
    assert [e.label for e in found.values() if e.type == "Group"] == ["französische Politiker"]
    assert len(found["französische Politiker"].mentions) == 1


def test_nominative_look_up_and_company_keys_without_the_model():
    from kg.extract.entities.grammar import weak_nominative
    from kg.extract.entities.merge import _better_label, _core

    assert weak_nominative("Vereinigten Arabischen Emiraten") == "Vereinigte Arabische Emirate"
    assert _core("Daimler AG") == "Daimler" and _core("WIENER LINIEN GmbH & Co KG") == "Wiener Linien"
    assert _better_label("Wiener Linien GmbH", "WIENER LINIEN") and _better_label("Deutsche Bank", "Deutschen Bank")


def test_an_acronym_after_an_organizations_name_is_a_mention_of_it(extractor):
    found = entities(extractor, "Er leitete die Internationale Atomenergiebehörde IAEA. Die IAEA lobte den Iran.")
    agency = found["Internationale Atomenergiebehörde"]
    assert [m.text for m in agency.mentions].count("IAEA") == 2 and "IAEA" not in found
    text = "Er leitete die Weltorganisation für Meteorologie WMO. Die WMO warnte vor Hitze."
    for spans in ([("Weltorganisation für Meteorologie WMO", "ORG"), ("WMO", "ORG", 1)],  # one span
                  [("Weltorganisation für Meteorologie", "ORG"), ("WMO", "ORG"), ("WMO", "ORG", 1)]):  # two
        found = recognised(extractor, text, spans)
        assert [m.text for m in found["Weltorganisation für Meteorologie"].mentions].count("WMO") == 2
        assert "WMO" not in found


def test_a_title_a_first_name_and_a_roman_ordinal_make_a_person(extractor):
    found = recognised(extractor, "Papst Benedikt XVI. nahm den Verzicht an.", [])  # the recogniser missed it
    assert "Papst" in [r.name for r in found["Benedikt XVI."].roles]


def test_single_letters_name_no_actor(extractor):
    found = entities(extractor, "Die deutsche Mannschaft spielt in der Gruppe C gegen Spanien. "
                                "Der Sieger der Gruppe B trifft danach in Wien auf Österreich.")
    assert not {"B", "C"} & set(found) and "Spanien" in found


def test_staatspraesident_is_a_title_not_part_of_the_name(extractor):
    found = entities(extractor, "Der italienische Staatspräsident Sergio Mattarella empfing am Montag den "
                                "Regierungschef in Rom. Staatspräsident Mattarella lobte die Einigung.")
    assert "Staatspräsident Mattarella" not in found
    assert {m.text for m in found["Sergio Mattarella"].mentions} >= {"Sergio Mattarella", "Mattarella"}
    assert "Staatspräsident" in [r.name for r in found["Sergio Mattarella"].roles]


def test_names_listed_after_a_plural_place_noun_are_places(extractor):
    found = entities(extractor, "Separatisten wollen die Südprovinzen Narathiwat, Yala, Pattani und Songkhla "
                                "vom Staat lösen. Die Inseln Sylt und Föhr blieben ruhig.")
    assert all(found[name].type == "Place" for name in ("Narathiwat", "Yala", "Songkhla", "Sylt", "Föhr"))


def test_a_genitive_name_owns_the_word_after_it(extractor):
    found = entities(extractor, "Großer Gewinner einer Neuwahl wäre Matteo Salvinis Lega gewesen. "
                                "Salvini hatte die Koalition aufgekündigt.")
    assert "Matteo Salvinis Lega" not in found
    assert {m.text for m in found["Matteo Salvini"].mentions} == {"Matteo Salvinis", "Salvini"}


def test_masculine_and_neuter_heads_in_the_genitive_are_labelled_in_the_nominative(extractor):
    found = entities(extractor, "In der 46. Minute zog das Team des Deutschen Handballbundes das Tempo an. "
                                "Helfer des Deutschen Roten Kreuzes kamen hinzu.")
    assert found["Deutscher Handballbund"].type == "Organization"
    assert "Deutsches Rotes Kreuz" in found and "Deutschen Handballbundes" not in found


def test_an_acronym_of_the_initials_of_a_name_in_the_article_is_that_name(extractor):
    found = entities(extractor, "Die National Football League plant ein Jubiläum. Die NFL besteht seit 100 Jahren.")
    league = found["National Football League"]
    assert {m.text for m in league.mentions} == {"National Football League", "NFL"} and "NFL" not in found


def test_sports_events_are_no_organizations(extractor):
    found = entities(extractor, "Die Halbzeitshow der Super Bowl LIV in Miami bestreiten Shakira und Jennifer Lopez. "
                                "Der Sieger der Tour de France kam aus Dänemark.")
    assert not {"Super Bowl LIV", "Super Bowl", "Tour de France"} & set(found) and "Miami" in found


@pytest.mark.parametrize(
    "text, name",
    [
        ("Adidas verdoppelt seinen Marktanteil. Marktführer Nike hält derzeit 30 Prozent.", "Nike"),
        ("Frau Broszat sagte, das sei falsch. Später blieb Broszat dabei.", "Broszat"),
    ],
)
def test_address_and_role_nouns_before_a_name_are_no_part_of_it(extractor, text, name):
    found = entities(extractor, text)
    assert name in found and not any(label.endswith(" " + name) for label in found)


def test_a_lone_name_after_in_im_am_is_a_place_not_a_person(extractor):
    found = entities(extractor, "Sie lebt in Satun und arbeitet in Hatyai.")
    assert found["Satun"].type == "Place" and found["Hatyai"].type == "Place"


def test_vehicles_works_and_techniques_after_their_class_noun_are_no_entities(extractor):
    found = entities(extractor, "Die Raumfähre „Discovery“ startete in Florida. Discovery fliegt zwölf Tage. "
                                "Die NASA jubelte.")
    assert "Discovery" not in found and "NASA" in found


def test_an_adjective_before_its_noun_is_not_the_party_of_that_name(extractor):
    found = entities(extractor, "Pogačar trägt weiterhin das Grüne Trikot des besten Sprinters. "
                                "Die Grünen im Bundestag kritisierten das.")
    assert {m.text for m in found["Bündnis 90/Die Grünen"].mentions} == {"Grünen"}


def test_a_function_noun_alone_is_no_person_and_a_stadium_is_a_place(extractor):
    # the spans model 1.0.0 tagged (1.1.0 tags neither "Schauspielerin" nor "Hard Rock Stadium" here)
    found = recognised(extractor, "Die in Stuttgart geborene Schauspielerin spielte zuletzt in einer Serie. "
                                  "Die Show findet im Hard Rock Stadium in Miami statt.",
                       [("Stuttgart", "LOC"), ("Schauspielerin", "PER"), ("Hard Rock Stadium", "ORG"), ("Miami", "LOC")])
    assert "Schauspielerin" not in found and found["Hard Rock Stadium"].type == "Place"


def test_an_institution_inside_a_place_name_makes_it_an_organization_in_the_nominative(extractor):
    # the spans model 1.0.0 tagged (1.1.0 tags only the place names)
    found = recognised(extractor, "Beim Waldbrand waren Einheiten der Freiwilligen Feuerwehr Kaiserslautern und "
                                  "der Freiwilligen Feuerwehr Mölschbach bis 4 Uhr morgens im Einsatz.",
                       [("Kaiserslautern", "LOC"), ("Freiwilligen Feuerwehr Mölschbach", "LOC")])
    assert found["Freiwillige Feuerwehr Mölschbach"].type == "Organization"


def test_a_noun_after_an_article_and_an_opening_participle_are_no_persons(extractor):
    found = entities(extractor, "Das Komitee sagte, das Dekret sei eine Verletzung internationaler Normen. "
                                "Der Regierung gestattet das Dekret die Zensur. Thaksin schwieg. "
                                "Inszeniert wurde das Stück von Philipp Stölzl.")
    assert not {"Dekret", "Inszeniert"} & set(found) and found["Philipp Stölzl"].type == "Person"


def test_a_name_cut_before_its_bracketed_acronym_is_widened_to_it(extractor):
    found = entities(extractor, "Ab sofort kann das Bundesamt für Bevölkerungsschutz und Katastrophenhilfe\n(BBK) "
                                "in ganz Deutschland warnen. Das BBK nutzt dafür Apps.")
    office = found["Bundesamt für Bevölkerungsschutz und Katastrophenhilfe"]
    assert "BBK" in {m.text for m in office.mentions} and "BBK" not in found


def test_city_adjectives_with_an_elided_e_name_their_city(extractor):
    found = entities(extractor, "Im Dresdner Stadtteil Hellerau eröffnete ein Museum. Die Münchner Mordkommission ermittelt.")
    assert found["Dresden"].wikidata == "Q1731" and found["München"].wikidata == "Q1726"
    assert "Münchner" not in found and "Dresdner" not in found


def test_strong_dative_names_are_looked_up_in_the_nominative(extractor):
    found = entities(extractor, "Die Zahlungen von Internationalem Währungsfonds (IWF) und Europäischer "
                                "Zentralbank (EZB) sind nötig.")
    assert {m.text for m in found["Internationaler Währungsfonds"].mentions} == {"IWF", "Internationalem Währungsfonds"}
    assert found["Europäische Zentralbank"].wikidata == "Q8901"
    assert not {"Internationalem Währungsfonds", "Europäischer Zentralbank"} & set(found)


def test_weak_adjectives_after_an_article_are_labelled_strong(extractor):
    found = entities(extractor, "Das sagte ein Sprecher beim Norddeutschen Rundfunk. Der Deutsche Fußball-Bund "
                                "schwieg. Das Schiff fuhr über den Pazifischen Ozean.")
    assert {"Norddeutscher Rundfunk", "Deutscher Fußball-Bund", "Pazifischer Ozean"} <= set(found)


def test_a_genitive_head_before_fuer_and_a_region_in_the_genitive_are_labelled_in_the_nominative(extractor):
    found = entities(extractor, "Nach Angaben des Schweizer Bundesamts für Umwelt bleibt die Gefahr in weiten "
                                "Teilen Norddeutschlands hoch.")
    assert found["Bundesamt für Umwelt"].type == "Organization" and found["Norddeutschland"].type == "Place"


def test_an_army_is_a_feminine_head_and_a_minister_names_a_person(extractor):
    found = entities(extractor, "Das teilte ein Sprecher der Sudanesischen Befreiungsarmee (SPLA) mit. Der "
                                "Informationsminister Barnaba Marial Benjamin widersprach. Die "
                                "FDP-Europaabgeordnete Silvana Koch-Mehrin hat Widerspruch eingelegt.")
    assert "SPLA" in {m.text for m in found["Sudanesische Befreiungsarmee"].mentions}
    assert found["Barnaba Marial Benjamin"].type == "Person" and found["Silvana Koch-Mehrin"].type == "Person"


def test_counts_plural_nouns_and_nominalised_adjectives_are_no_names(extractor):
    found = entities(extractor, "Die Polizei korrigierte die Zahl von 86 auf 76 Tote. Die Opposition fordert den "
                                "Rücktritt und Neuwahlen. Auf den Wagen ging ein Regen von Orangen nieder. "
                                "Für ihre Mitstreiterin Sabine Rückert war Derartiges nicht festzustellen.")
    assert not {"76 Tote", "Neuwahlen", "Orangen", "Derartiges"} & set(found) and "Sabine Rückert" in found


def test_a_title_inside_the_recognised_span_joins_the_surname_to_the_full_name(extractor):
    found = entities(extractor, "Dekan Berg sieht den Streit gelassen, sagte Manfred Berg.")
    assert "Dekan Berg" not in found and "Berg" not in found
    assert [r.name for r in found["Manfred Berg"].roles] == ["Dekan"]


def test_an_ethnic_group_and_the_first_part_of_a_compound_are_groups_without_foreign_adjectives(extractor):
    found = entities(extractor, "Die Hälfte der im Ort ansässigen Roma verließ das Dorf. Der Sänger litt unter "
                                "fehlerhafter Medienberichte.")
    assert found["ansässige Roma"].type == "Group" and "Medien" in found and "fehlerhafte Medien" not in found


def test_championships_and_space_stations_are_no_actors(extractor):
    found = entities(extractor, "Am Sonntag wurde die Internationale Deutsche Motocross Meisterschaft in Freising "
                                "ausgetragen. Die Raumfähre flog zur Internationalen Raumstation (ISS). Auf der ISS "
                                "leben sechs Astronauten.")
    assert set(found) == {"Freising"}


def test_small_countries_broadcasters_aid_groups_and_capitals_from_the_gazetteer(extractor):
    found = entities(extractor, "Auch im Fürstentum Liechtenstein ist es trocken. Al Jazeera berichtete aus Khartum, "
                                "die Regierung in Khartum schweige. Ärzte ohne Grenzen half.")
    assert found["Liechtenstein"].type == "Country" and found["Liechtenstein"].wikidata == "Q347"
    assert found["Al Jazeera"].type == "Organization" and found["Ärzte ohne Grenzen"].type == "Organization"
    assert found["Khartum"].type == "Place" and found["Sudan"].wikidata == "Q1049"


def test_a_masthead_in_capitals_is_labelled_in_ordinary_case_and_a_composer_is_no_union(extractor):
    found = entities(extractor, "Das berichtet die Zeitung DIE WELT am Sonntag. Die Oper von Giuseppe Verdi wurde "
                                "gespielt. Verdi schrieb sie 1853.")
    assert found["Die Welt"].type == "Organization" and "DIE WELT" not in found
    assert {m.text for m in found["Giuseppe Verdi"].mentions} == {"Giuseppe Verdi", "Verdi"} and "Verdi" not in found


def test_a_club_cut_short_is_the_club(extractor):
    found = entities(extractor, "Borussia Dortmund verlor das Spiel. Borussia liegt nun auf Platz drei.")
    assert {m.text for m in found["Borussia Dortmund"].mentions} == {"Borussia", "Borussia Dortmund"}
    assert "Borussia" not in found


def recognised(extractor, text: str, spans: list[tuple], vote: bool = False):
    """The entities of `text` where the recogniser found just `spans` ((words, label[, occurrence])),
    to check the rules against a recogniser's errors whatever the shipped model tags."""
    from kg.nlp.components import entity_vote

    doc = extractor.nlp(text)
    ents = []
    for words, label, *nth in spans:
        start = -1
        for _ in range((nth or [0])[0] + 1):
            start = text.index(words, start + 1)
        ents.append(doc.char_span(start, start + len(words), label=label))
    doc.ents = ents
    if vote:
        entity_vote(doc)
    article = Article(id="t", text=text, source="test", published=dt.datetime(2022, 3, 1))
    return {e.label: e for e in extractor.extract(article, doc).entities}


def test_a_name_the_gazetteer_knows_as_organization_stays_one_when_tagged_misc(extractor):
    found = recognised(extractor, "Laut „BBC News“ zogen Hunderte durch die Stadt. Das berichtete auch der „Spiegel“.",
                       [("BBC News", "MISC"), ("Spiegel", "MISC")])
    assert found["BBC News"].type == "Organization" and found["Spiegel"].type == "Organization"
    doc = extractor.nlp("Laut „BBC News“ zogen Hunderte durch die Stadt.")
    assert ("BBC News", "ORG") in {(e.text, e.label_) for e in doc.ents}  # the gazetteer ruler tags it whatever the NER said


def test_a_place_in_a_headline_run_is_no_person_and_no_surname(extractor):
    text = ("Rhein und Neckar Weinheim feierte den Frieden\n\nIn Weinheim kamen am Samstag 3000 Menschen zusammen. "
            "Weinheims Oberbürgermeister Manuel Just sprach von einem großen Tag. Die Polizei in Weinheim zählte mit.")
    found = recognised(extractor, text, [("Rhein", "LOC"), ("Neckar Weinheim", "PER"), ("Weinheim", "LOC", 1),
                                         ("Manuel Just", "PER"), ("Weinheim", "LOC", 3)], vote=True)
    assert not [e for e in found.values() if e.type == "Person" and "Weinheim" in e.label]
    assert found["Manuel Just"].type == "Person"


def test_a_city_adjective_before_a_square_names_the_square_not_the_city(extractor):
    found = recognised(extractor, "Die Demonstranten zogen vom Hamburger Platz zum Rathaus in Bremen.",
                       [("Hamburger", "LOC"), ("Bremen", "LOC")])
    assert found["Hamburger Platz"].type == "Place" and "Hamburg" not in found


def test_adjectives_cut_from_the_noun_of_their_name_are_no_name(extractor):
    found = recognised(extractor, "Im Tibetischen Autonomen Gebiet Xizang wurden Proteste gemeldet.",
                       [("Tibetischen Autonomen", "LOC"), ("Xizang", "LOC")])
    assert "Tibetischen Autonomen" not in found and found["Xizang"].type == "Place"


def test_a_national_government_in_an_unknown_city_is_the_main_countrys(extractor):
    text = ("In Mali gehen die Proteste weiter. Mali steckt in einer Krise. "
            "Die Regierung in Bamako wies die Vorwürfe zurück.")
    found = recognised(extractor, text, [("Mali", "LOC"), ("Mali", "LOC", 1), ("Bamako", "LOC")])
    assert "Regierung Bamako" not in found and found["Regierung Malis"].type == "Organization"
    assert found["Bamako"].type == "Place"


def test_adjectives_before_a_head_with_a_complement_agree_with_the_head(extractor):
    found = entities(extractor, "Die Proben wurden vom Gerichtsmedizinischen Institut der Universität Lausanne "
                                "untersucht. Das sagte ein Forscher beim Deutschen Institut für Wirtschaftsforschung.")
    assert {"Gerichtsmedizinisches Institut der Universität Lausanne", "Deutsches Institut für Wirtschaftsforschung"} <= set(found)


def test_weak_adjectives_before_nouns_before_a_feminine_head_are_cut(extractor):
    found = entities(extractor, "Der Verband fordert von der Deutschen Fußball Liga mehr Schutz für die Spieler.")
    assert "Deutsche Fußball Liga" in found and "Deutschen Fußball Liga" not in found


def test_compass_heads_are_masculine(extractor):
    found = recognised(extractor, "Die Wahl gewann er im Mittleren Westen der USA deutlich.",
                       [("Mittleren Westen", "LOC"), ("USA", "LOC")])
    assert "Mittlerer Westen" in found and "Mittleren Westen" not in found


def test_a_name_cut_after_its_first_words_is_widened_back_to_its_acronym(extractor):
    found = recognised(extractor, "Die Kirche wollte mit dem Kriminologischen Forschungsinstitut Niedersachsen (KFN) "
                                  "eine Studie machen. Das KFN widersprach. In Niedersachsen regnete es.",
                       [("Niedersachsen", "LOC"), ("KFN", "ORG"), ("Niedersachsen", "LOC", 1)])
    institute = found["Kriminologisches Forschungsinstitut Niedersachsen"]
    assert institute.type == "Organization" and "KFN" in {m.text for m in institute.mentions}
    assert {m.text for m in found["Niedersachsen"].mentions} == {"Niedersachsen"}


def test_quotation_marks_at_the_ends_of_a_name_are_no_part_of_it(extractor):
    found = recognised(extractor, "Der Komet wurde mit einem Teleskop des ''International Scientific Optical Network'' "
                                  "(ISON) gesehen.", [("''International Scientific Optical Network", "ORG")])
    assert "International Scientific Optical Network" in found


def test_a_county_or_residence_before_a_name_makes_it_a_place(extractor):
    found = recognised(extractor, "Der Papst reist in die Sommerresidenz Castel Gandolfo. In der schottischen "
                                  "Grafschaft Kinross wurde eine Gedenkstätte eröffnet.",
                       [("Castel Gandolfo", "PER"), ("Kinross", "PER")])
    assert found["Castel Gandolfo"].type == "Place" and found["Kinross"].type == "Place"


def test_a_state_after_a_town_and_its_genitive_are_places(extractor):
    found = recognised(extractor, "Jeb Bush, der frühere Gouverneur Floridas, unterstützt Romney. Der Parteitag "
                                  "findet in Tampa, Florida, statt.",
                       [("Jeb Bush", "PER"), ("Floridas", "PER"), ("Romney", "PER"), ("Tampa", "LOC"), ("Florida", "PER", 1)])
    assert found["Florida"].type == "Place" and {m.text for m in found["Florida"].mentions} == {"Florida", "Floridas"}
    assert found["Jeb Bush"].type == "Person"


def test_a_name_ending_in_a_street_noun_is_a_place(extractor):
    found = recognised(extractor, "Die Wahlparty fand in einem Lokal an der Stuttgarter Schloßstrasse statt.",
                       [("Stuttgarter Schloßstrasse", "ORG")])
    assert found["Stuttgarter Schloßstrasse"].type == "Place"
