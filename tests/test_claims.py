"""Claims (issue 5): each attribution form on German sentences other than the seed's, with the real
pipeline; the bundled claim queries on the seed store; the quotation benchmark's scorer."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from kg.extract.claims import find_quotes, lexicon
from kg.model import ArticleGraph, Claim
from kg.read import make_article

ROOT = Path(__file__).resolve().parents[1]


def extract(extractor, body: str, title: str | None = None) -> ArticleGraph:
    return extractor.extract(make_article("t", title, body, "test", None))


def speaker(ag: ArticleGraph, claim: Claim) -> str | None:
    entity = ag.entity(claim.speaker) if claim.speaker else None
    return entity.label if entity else None


def labels(ag: ArticleGraph, keys: list[str]) -> set[str]:
    return {ag.entity(k).label for k in keys if ag.entity(k)}


def only(ag: ArticleGraph) -> Claim:
    assert len(ag.claims) == 1, [(c.cue and c.cue.text, c.content.text) for c in ag.claims]
    return ag.claims[0]


# --- data files ------------------------------------------------------------------------------------


def test_every_cue_type_has_a_plover_row_and_frames_parse():
    lex = lexicon()
    assert {c.type for c in lex.cues.values()} <= set(lex.types)
    assert lex.cues["zurückweisen"].particle == "zurück"
    assert any(c.lemma == "zurückweisen" for c in lex.forms["wies"])
    assert all(f.source in ("after", "before", "subject", "previous") for f in lex.frames)
    assert lex.types["demand"]["plover"] == "DEMAND"


def test_quotation_marks_pair_across_sentences_but_not_paragraphs():
    text = "„Das ist gut. Wir bleiben“, sagte er. »Nein«, rief sie. „offen\n\nNeu"
    quotes = [text[q.start : q.end] for q in find_quotes(text, lexicon().words["quote_pairs"])]
    assert quotes == ["„Das ist gut. Wir bleiben“", "»Nein«"]


# --- forms of attribution --------------------------------------------------------------------------


def test_direct_quote_with_frame_after(extractor):
    ag = extract(extractor, "„Wir werden die Steuern nicht erhöhen“, sagte Olaf Scholz am Montag in Berlin.")
    c = only(ag)
    assert (c.mode, c.cue.text) == ("direct", "sagte")
    assert speaker(ag, c) == "Olaf Scholz"
    assert c.quote.text == "Wir werden die Steuern nicht erhöhen"


def test_direct_quote_spanning_sentences_is_one_claim(extractor):
    ag = extract(extractor, "„Das ist ein schwerer Fehler. Wir lehnen diesen Plan ab“, sagte Emmanuel Macron in Paris.")
    c = only(ag)
    assert c.mode == "direct" and speaker(ag, c) == "Emmanuel Macron"
    assert c.quote.text.startswith("Das ist ein schwerer Fehler. Wir lehnen")


def test_colon_introduces_the_quotation(extractor):
    ag = extract(extractor, "Angela Merkel erklärte am Abend: „Die Lage bleibt ernst.“")
    c = only(ag)
    assert c.mode == "direct" and speaker(ag, c) == "Angela Merkel"
    assert c.quote.text == "Die Lage bleibt ernst."


def test_indirect_dass_clause(extractor):
    ag = extract(extractor, "Angela Merkel betonte, dass Deutschland seine Zusagen einhalten werde.")
    c = only(ag)
    assert c.mode == "indirect" and speaker(ag, c) == "Angela Merkel"
    assert c.content.text.startswith("dass Deutschland") and "Deutschland" in labels(ag, c.topics)


def test_indirect_konjunktiv_before_the_cue(extractor):
    ag = extract(extractor, "Die Gespräche seien konstruktiv gewesen, sagte ein Sprecher des Kremls.")
    c = only(ag)
    assert c.mode == "indirect" and c.content.text == "Die Gespräche seien konstruktiv gewesen"
    assert c.speaker_mention is not None and "Sprecher" in c.speaker_mention.text


def test_konjunktiv_sentence_continues_the_previous_speaker(extractor):
    ag = extract(extractor, "Emmanuel Macron sagte, Frankreich sei zu Gesprächen bereit. "
                            "Russland müsse aber seine Truppen von der Grenze abziehen.")
    assert len(ag.claims) == 2
    first, second = ag.claims
    assert speaker(ag, first) == speaker(ag, second) == "Emmanuel Macron"
    assert (second.mode, second.type, second.cue) == ("indirect", "demand", None)


def test_indicative_sentence_after_a_report_is_no_claim(extractor):
    ag = extract(extractor, "Emmanuel Macron sagte, Frankreich sei zu Gesprächen bereit. "
                            "Am Abend reiste er nach Berlin.")
    assert len(ag.claims) == 1


def test_mixed_quote_fragment(extractor):
    ag = extract(extractor, "Olaf Scholz nannte die Pläne einen „gefährlichen Irrweg“.")
    c = only(ag)
    assert c.mode == "mixed" and c.quote.text == "gefährlichen Irrweg"
    assert speaker(ag, c) == "Olaf Scholz"


def test_reported_rejection_with_separated_particle_and_metonymy(extractor):
    ag = extract(extractor, "Die Regierung in Peking wies die Vorwürfe am Dienstag entschieden zurück.")
    c = only(ag)
    assert (c.mode, c.type, c.code) == ("reported", "rejection", "REJECT")
    assert c.cue.text == "wies … zurück"
    assert speaker(ag, c) == "China"


def test_accusation_with_addressees(extractor):
    ag = extract(extractor, "Die Türkei wirft Schweden und Finnland die Unterstützung von Terroristen vor.")
    c = only(ag)
    assert c.type == "accusation" and speaker(ag, c) == "Türkei"
    assert labels(ag, c.addressee) == {"Schweden", "Finnland"}


def test_passive_agent_is_the_speaker(extractor):
    ag = extract(extractor, "Der Vorschlag wurde von Frankreich scharf kritisiert.")
    c = only(ag)
    assert c.type == "criticism" and speaker(ag, c) == "Frankreich"


def test_warning_names_its_addressee_and_the_channel(extractor):
    ag = extract(extractor, "Wladimir Putin warnte Olaf Scholz nach Angaben des Kremls vor weiteren Waffenlieferungen.")
    c = only(ag)
    assert c.type == "warning" and speaker(ag, c) == "Wladimir Putin"
    assert labels(ag, c.addressee) == {"Olaf Scholz"}
    assert labels(ag, [c.via]) == {"Kreml"}


def test_frame_alone_makes_its_source_the_speaker(extractor):
    ag = extract(extractor, "Laut der NATO haben die Truppen inzwischen die Grenze erreicht.")
    c = only(ag)
    assert speaker(ag, c) == "NATO" and c.mode == "indirect"
    assert "Truppen" in c.content.text and "NATO" not in c.content.text


def test_reporter_of_a_speech_act_is_the_chain(extractor):
    ag = extract(extractor, "Nach Angaben von Olaf Scholz forderte Emmanuel Macron eine Waffenruhe.")
    c = only(ag)
    assert c.type == "demand" and speaker(ag, c) == "Emmanuel Macron"
    assert labels(ag, [c.reported_by]) == {"Olaf Scholz"}


def test_wie_frame(extractor):
    ag = extract(extractor, "Wie die NATO mitteilte, wurden die Manöver beendet.")
    c = only(ag)
    assert speaker(ag, c) == "NATO" and c.content.text.startswith("wurden die Manöver beendet")


def test_headline_restating_a_body_claim_is_merged(extractor):
    ag = extract(extractor, "Emmanuel Macron hat vor einer Eskalation im Nahen Osten gewarnt. Er reist am Freitag nach Kairo.",
                 title="Macron warnt vor Eskalation")
    c = only(ag)
    assert c.type == "warning" and speaker(ag, c) == "Emmanuel Macron"
    assert [m.text for m in c.evidence] == ["Macron warnt vor Eskalation"]


def test_speech_verb_without_message_is_no_claim(extractor):
    ag = extract(extractor, "Olaf Scholz und Emmanuel Macron sprachen am Montag über die Lage in der Ukraine.")
    assert ag.claims == []


# --- speakers the parse misses ---------------------------------------------------------------------


def mention(claim: Claim) -> str | None:
    return claim.speaker_mention.text if claim.speaker_mention else None


def test_adjective_used_as_noun_and_demonstrative_speak(extractor):
    ag = extract(extractor, "Der Verbandsvorsitzende verwies darauf, dass im letzten Jahr viele Stellen gestrichen worden seien. "
                            "Die Nachbarn hatten den Mann seit Wochen nicht gesehen. Diese glaubten, er sei verreist.")
    first, second = ag.claims
    assert mention(first) == "Der Verbandsvorsitzende"
    assert mention(second) == "Diese" and second.content.text == "er sei verreist"


def test_clause_adverb_is_no_speaker_and_reflexive_is_passed_over(extractor):
    ag = extract(extractor, "Unterdessen verlangen die Gewerkschaften, dass die Löhne steigen sollen. "
                            "Ebenso äußerte sich der Bürgermeister Karl Brenner: „Wir brauchen mehr Personal.“")
    first, second = ag.claims
    assert mention(first) == "die Gewerkschaften"
    assert mention(second) == "der Bürgermeister Karl Brenner" and second.mode == "direct"


def test_apposition_before_the_verb_and_perfect_with_sein(extractor):
    ag = extract(extractor, "Die Klägerin sei davon ausgegangen, dass der Vertrag gültig bleibe. "
                            "Die Sprecherin der Feuerwehr, Anna Kessler, berichtete, dass das Feuer gelöscht sei.")
    first, second = ag.claims
    assert mention(first) == "Die Klägerin"
    assert mention(second).startswith("Die Sprecherin der Feuerwehr")


def test_cue_under_konjunktiv_after_a_report_continues_it(extractor):
    ag = extract(extractor, "Der Anwalt sagte, sein Mandant sei schwer krank. "
                            "Diese Diagnose sei von Ärzten der Uniklinik bestätigt worden.")
    first, second = ag.claims
    assert second.cue is None and mention(second) == mention(first) == "Der Anwalt"


# --- nominal sources -------------------------------------------------------------------------------


def test_frame_noun_speaks_when_it_names_no_one(extractor):
    ag = extract(extractor, "Nach ersten Untersuchungen liegt kein Fremdverschulden vor. "
                            "Der Sturm soll nach ersten Meldungen Schäden an vielen Dächern verursacht haben.")
    first, second = ag.claims
    assert mention(first) == "ersten Untersuchungen" and first.content.text == "liegt kein Fremdverschulden vor"
    assert mention(second) == "ersten Meldungen"  # not "Schäden", which follows without a genitive


def test_quoted_name_and_circles_as_source(extractor):
    ag = extract(extractor, "Laut „Reuters“ wurden mehrere Demonstranten festgenommen. "
                            "Wie aus Regierungskreisen verlautete, soll das Gesetz im Herbst kommen.")
    first, second = ag.claims
    assert mention(first) == "„Reuters“"
    assert second.cue.text == "verlautete" and mention(second) == "Regierungskreisen"


def test_laut_as_adjective_is_no_frame(extractor):
    ag = extract(extractor, "Schon im Frühjahr wurde Kritik an dem Projekt laut.")
    assert ag.claims == []


def test_document_speaks_for_impersonal_verbs(extractor):
    ag = extract(extractor, "In einer Stellungnahme des Verbandes heißt es, die Preise würden weiter steigen. "
                            "Die Stadt veröffentlichte am Montag einen Bericht. Darin steht: „Die Brücke muss saniert werden.“")
    first, second = ag.claims
    assert mention(first) == "einer Stellungnahme des Verbandes" and first.mode == "indirect"
    assert mention(second) == "einen Bericht" and second.mode == "direct"


# --- speech acts and intentions --------------------------------------------------------------------


def test_coordinated_verb_keeps_its_own_message(extractor):
    ag = extract(extractor, "Der Landrat nannte den Plan eine „Zumutung“ und kündigte an, der Kreis werde dagegen klagen.")
    named, announced = ag.claims
    assert named.mode == "mixed" and "klagen" not in named.content.text
    assert announced.content.text == "der Kreis werde dagegen klagen"


def test_report_running_on_over_sentences_is_one_claim(extractor):
    ag = extract(extractor, "Die Ärztin sagte, die Lage in den Kliniken sei angespannt. "
                            "Viele Betten seien belegt. Außerdem fehle es an Pflegekräften.")
    first, second = ag.claims
    assert first.cue.text == "sagte" and second.cue is None
    assert second.content.text.startswith("Viele Betten") and second.content.text.endswith("Pflegekräften.")
    assert len(second.evidence) == 1


def test_pronoun_agrees_in_gender_and_number(extractor):
    ag = extract(extractor, "Die Deutsche Bahn widersprach dem Bürgermeister Peter Braun. "
                            "Sie erklärte, die Zahlen seien falsch. Er sagte, der Fahrplan sei schlecht.")
    _, she, he = ag.claims
    assert (mention(she), speaker(ag, she)) == ("Sie", "Deutsche Bahn")  # not the nearer, masculine mayor
    assert (mention(he), speaker(ag, he)) == ("Er", "Peter Braun")


def test_hearsay_soll_continues_the_report(extractor):
    ag = extract(extractor, "Die Polizei meldete am Morgen einen Einbruch in ein Juweliergeschäft. "
                            "Die Täter sollen durch ein Kellerfenster eingestiegen sein.")
    first, second = ag.claims
    assert second.cue is None and second.mode == "indirect" and mention(second) == mention(first) == "Die Polizei"


def test_frame_inside_a_relative_clause_or_between_semicolons(extractor):
    ag = extract(extractor, "Die Stadt baut einen neuen Radweg, der nach Einschätzung des Verkehrsclubs die Unfälle halbieren kann.")
    assert only(ag).content.text == "die Unfälle halbieren kann"
    ag = extract(extractor, "Der Bau begann im Mai; nach Angaben der Bauleitung ist er zur Hälfte fertig; die Kosten steigen.")
    assert only(ag).content.text == "ist er zur Hälfte fertig"


def test_expletive_passive_names_no_speaker(extractor):
    ag = extract(extractor, "Der Stadtrat tagte am Montag. Es wird befürchtet, dass die Gebühren steigen könnten.")
    c = only(ag)
    assert c.cue.text == "befürchtet" and c.speaker is None and c.speaker_mention is None


def test_participle_without_finite_verb_and_sich_melden_are_no_speech_acts(extractor):
    ag = extract(extractor, "Der Braunbär (von Anwohnern auch „Bruno“ genannt) wurde im Juni gesichtet. "
                            "Nach der Auktion meldete sich der Käufer bei der Polizei.")
    assert ag.claims == []


def test_continuation_with_a_quoted_fragment_is_mixed(extractor):
    ag = extract(extractor, "Die Trainerin sagte, die Mannschaft habe gut gespielt. Der Schiedsrichter sei „völlig überfordert“ gewesen.")
    c = ag.claims[-1]
    assert (c.cue, c.mode, c.quote.text) == (None, "mixed", "völlig überfordert")


def test_inverted_frame_with_so_and_quotation_after_mit_den_worten(extractor):
    ag = extract(extractor, "„Er ist ein harter Verhandler, der nie nachgibt“, so beschrieb ihn der Betriebsrat Peter Lang. "
                            "Mit den Worten „Jetzt beginnt eine neue Zeit“ eröffnete die Ministerin Anna Vogt die Messe.")
    first, second = ag.claims
    assert first.mode == "direct" and speaker(ag, first) == "Peter Lang"
    assert second.quote.text == "Jetzt beginnt eine neue Zeit" and speaker(ag, second) == "Anna Vogt"


def test_message_noun_with_its_source(extractor):
    ag = extract(extractor, "Der Verband unterstützt die Forderung von Umweltgruppen, den Flughafen nicht auszubauen. "
                            "Seit Monaten gab es Hinweise, dass die Firma Daten verkauft habe.")
    demand, hint = ag.claims
    assert (demand.cue.text, demand.type, mention(demand)) == ("Forderung", "demand", "von Umweltgruppen")
    assert demand.content.text == "den Flughafen nicht auszubauen"
    assert (hint.cue.text, mention(hint)) == ("Hinweise", "Hinweise")  # no one named: the noun is the source


def test_relative_clause_reporting_what_a_document_says(extractor):
    ag = extract(extractor, "Der Kommission liegt ein Gutachten vor, laut dem die Brücke einsturzgefährdet ist. "
                            "Die Zeitung zitierte einen Bericht des Senats, wonach die Kosten gestiegen seien.")
    report, senate = [c for c in ag.claims if c.mode == "indirect"]
    assert report.content.text == "die Brücke einsturzgefährdet ist" and mention(report) == "ein Gutachten"
    assert senate.content.text == "die Kosten gestiegen seien" and mention(senate) == "des Senats"


def test_frame_nouns_as_suffixes(extractor):
    ag = extract(extractor, "Nach einer ersten Analyse der Behörde entstand das Leck durch einen Materialfehler. "
                            "Die Reform ist nach Expertenmeinung längst überfällig.")
    first, second = ag.claims
    assert first.cue.text == "Nach einer ersten Analyse" and mention(first) == "der Behörde"
    assert second.cue.text == "nach Expertenmeinung" and second.type == "assessment"


def test_proposal_and_impersonal_revelation(extractor):
    ag = extract(extractor, "Die Bürgermeisterin schlägt vor, die Innenstadt für Autos zu sperren. "
                            "Inzwischen wurde bekannt, dass die Stadt keine Mittel dafür hat.")
    proposal, revealed = ag.claims
    assert (proposal.cue.text, proposal.type, mention(proposal)) == ("schlägt vor", "demand", "Die Bürgermeisterin")
    assert revealed.cue.text == "wurde bekannt" and revealed.speaker_mention is None


def test_name_after_the_verb_speaks_when_the_object_comes_first(extractor):
    ag = extract(extractor, "Die Senatorin Lisa Wendt stellte am Montag den Haushalt vor. "
                            "Die Pläne der Opposition bezeichnete Wendt als „unbezahlbar“.")
    c = ag.claims[-1]
    assert speaker(ag, c) == "Lisa Wendt"


# --- speakers named by common nouns ---------------------------------------------------------------


def kinds(ag: ArticleGraph) -> list[tuple[str, str] | None]:
    return [(e.type, e.label) if (e := ag.entity(c.speaker or "")) else None for c in ag.claims]


def test_unrecognised_speaker_nouns_become_entities(extractor):
    ag = extract(extractor, "Nach Angaben einer Bauerngewerkschaft wurden mehrere Höfe besetzt. "
                            "Augenzeugen berichteten, dass Schüsse gefallen seien. "
                            "Die Feuerwehr teilte mit, dass das Feuer gelöscht sei.")
    assert kinds(ag) == [("Organization", "Bauerngewerkschaft"), ("Group", "Augenzeugen"), ("Organization", "Feuerwehr")]
    assert ag.entity(ag.claims[0].speaker).anonymous and not ag.entity(ag.claims[2].speaker).anonymous


def test_adjective_of_a_speaker_noun_is_no_speaker(extractor):
    ag = extract(extractor, "Die spanische Regierung kündigte an, die Steuern zu senken. "
                            "Chinesische Politiker forderten, die Kontrollen zu verstärken.")
    # the institution is the entities' ("Spanische Regierung", docs/model.md, as the answer keys write it)
    assert kinds(ag) == [("Organization", "Spanische Regierung"), ("Group", "chinesische Politiker")]


def test_speaker_label_is_nominative_and_compound_frames_name_their_source(extractor):
    ag = extract(extractor, "Nach Meinung von Kritikern ist das Gesetz verfassungswidrig. "
                            "Nach israelischen Armeeangaben wurden zehn Ziele getroffen.")
    assert kinds(ag) == [("Group", "Kritiker"), ("Organization", "israelische Armee")]


def test_definite_title_and_apposition_point_to_the_named_person(extractor):
    ag = extract(extractor, "Der Prozess wurde von der Richterin Petra Lang geleitet. "
                            "Die Richterin sagte, der Angeklagte sei uneinsichtig. "
                            "Die Sprecherin der Stadt, Jana Roth, erklärte, die Straße bleibe gesperrt.")
    assert [speaker(ag, c) for c in ag.claims] == ["Petra Lang", "Jana Roth"]


def test_dateline_headline_is_no_claim_and_party_in_brackets_is_no_speaker(extractor):
    ag = extract(extractor, "Die Ministerin Eva Kunz (SPD) sagte, die Schulen blieben geöffnet.",
                 title="Hessen: Schulen bleiben trotz Streik geöffnet")
    assert [speaker(ag, c) for c in ag.claims] == ["Eva Kunz"]


def test_genitive_plural_without_article_is_a_frame_source(extractor):
    ag = extract(extractor, "Nach Ansicht politischer Beobachter wird die Koalition nicht lange halten.")
    assert kinds(ag) == [("Group", "politische Beobachter")]


def test_relative_clause_before_the_verb_keeps_the_subject_and_missed_names_are_adopted(extractor):
    ag = extract(extractor, "Die Bauernpartei, die am Sonntag die Wahl gewonnen hatte, beschuldigte die Regierung des Betrugs. "
                            "Tarek Olumbo, der Sekretär des Verbandes, sagte, die Lage sei ernst.")
    assert kinds(ag) == [("Organization", "Bauernpartei"), ("Person", "Tarek Olumbo")]


def test_attributive_participle_is_no_cue_and_a_name_after_an_actor_noun_speaks(extractor):
    ag = extract(extractor, "Die Armee begann am Morgen die seit Wochen erwartete Offensive. "
                            "Das meldet die Tageszeitung „Nordkurier“ auf ihrer Website.")
    assert kinds(ag) == [("Organization", "Nordkurier")]
    assert ag.claims[0].content.text.startswith("Die Armee begann")


def test_konjunktiv_of_a_separable_verb_continues_and_einstufen_reports(extractor):
    ag = extract(extractor, "Das Landgericht hat den Verein als kriminelle Vereinigung eingestuft. "
                            "Eine lose Struktur reiche dafür aus.")
    assert [c.cue.text if c.cue else None for c in ag.claims] == ["eingestuft", None]
    assert {speaker(ag, c) for c in ag.claims} == {"Landgericht"}


def test_verbs_outside_their_speech_sense_are_no_cues(extractor):
    ag = extract(extractor, "Der Film heißt „Die Brücke am Fluss“. Die Spieler hoffen, dass das Wetter hält. "
                            "Der Trainer weiß, dass die Saison lang ist. Die Jugendlichen waren in einen Streit geraten. "
                            "In der Erklärung hieß es, die Gespräche würden fortgesetzt.")
    assert [c.cue.text for c in ag.claims] == ["hieß"]


def test_cue_under_a_modal_inside_a_message_is_part_of_it(extractor):
    ag = extract(extractor, "Am Abend gab der Minister bekannt, er wolle am Freitag seinen Rücktritt bekannt geben.")
    assert [c.cue.text for c in ag.claims] == ["gab … bekannt"]


def test_sich_zeigen_reports_a_stance_and_vertreten_needs_its_noun(extractor):
    ag = extract(extractor, "Die Bürgermeisterin Lena Hoff zeigte sich erfreut über die große Beteiligung. "
                            "Dass viele Vereine nicht mit Ständen vertreten waren, soll einem Sprecher zufolge am Wetter gelegen haben.")
    assert [c.cue.text for c in ag.claims] == ["zeigte", "zufolge"]
    assert speaker(ag, ag.claims[0]) == "Lena Hoff"


def test_fronted_object_is_no_antecedent_of_the_subject_pronoun(extractor):
    ag = extract(extractor, "Der Oppositionsführer Karl Brenner kritisierte die Regierung. "
                            "Den Internationalen Währungsfonds (IWF) forderte er auf, die Auszahlung von Hilfsgeldern auszusetzen.")
    assert [speaker(ag, c) for c in ag.claims] == ["Karl Brenner", "Karl Brenner"]


def test_singular_pronoun_means_the_subject_person_not_a_plural_group_or_other_gender(extractor):
    ag = extract(extractor, "Der Gewerkschafter Paul Kramer sprach mit den Fischern. "
                            "Er sagte, die Fangquoten seien zu niedrig.")
    assert speaker(ag, ag.claims[-1]) == "Paul Kramer"  # not the plural "Fischer"
    ag = extract(extractor, "Der Ökonom Felix Lorenz gab der Wochenzeitung Nordkurier ein Interview. "
                            "Die Preise würden weiter steigen, sagte er.")
    assert speaker(ag, ag.claims[-1]) == "Felix Lorenz"  # "die Wochenzeitung" is feminine


def test_genitive_name_after_the_head_noun_does_not_speak(extractor):
    ag = extract(extractor, "Der Unternehmer Otto Brandt steht vor Gericht. "
                            "Die Verteidiger Brandts erklärten, er sei unschuldig.")
    assert speaker(ag, ag.claims[-1]) != "Otto Brandt"


def test_agentless_passive_is_not_the_act_of_the_genitive_in_its_subject(extractor):
    ag = extract(extractor, "Die Gewerkschaft scheiterte mit ihren Einwänden vor dem Schiedsgericht. "
                            "Der Vorschlag der Gewerkschaft zur Arbeitszeit wurde abgelehnt.")
    assert not any(c.content.text.startswith("Der Vorschlag") and c.speaker for c in ag.claims)


def test_subject_pronoun_prefers_the_previous_subject_over_a_named_object(extractor):
    ag = extract(extractor, "Der Abgeordnete Tim Berger kritisierte den Minister Jan Roth scharf. "
                            "Er forderte, die Förderung sofort zu stoppen.")
    assert [speaker(ag, c) for c in ag.claims] == ["Tim Berger", "Tim Berger"]


def test_demonstrative_object_of_a_framed_verb_is_no_anaphoric_message(extractor):
    ag = extract(extractor, "Der Bürgermeister sagte, die Stadt sei bereit. "
                            "Der Stadtrat Hans Kurz spricht von einer „großen Resonanz“ und sieht dies als Ausdruck der Hilfsbereitschaft.")
    assert [c.cue.text for c in ag.claims] == ["sagte", "spricht", "sieht"]
    assert ag.claims[2].content.text.startswith("sieht dies als Ausdruck")


def test_so_frame_with_an_article_before_the_speaker(extractor):
    ag = extract(extractor, "„Das ist ein schwerer Fehler“, so der Gewerkschaftsvorstand Uwe Brandt. "
                            "Es gibt ein Gutachten, laut dem die Brücke marode ist.")
    assert [c.cue.text for c in ag.claims] == ["so", "Gutachten"]
    assert speaker(ag, ag.claims[0]) == "Uwe Brandt"


def test_state_passive_names_no_speaker_and_sich_versprechen_is_no_promise(extractor):
    ag = extract(extractor, "Der Verband kritisierte die Pläne scharf. Weitere Proteste sind für Montag angekündigt. "
                            "Von der neuen Technik versprechen sich die Forscher große Gewinne.")
    assert [c.cue.text for c in ag.claims] == ["kritisierte"]


def test_view_frames_name_a_group_in_the_genitive_plural(extractor):
    ag = extract(extractor, "In den Augen der Kritiker ist der Plan gescheitert. Aus Sicht der Gewerkschaften fehlt Geld.")
    assert kinds(ag) == [("Group", "Kritiker"), ("Group", "Gewerkschaften")]


def test_definite_organisation_noun_refers_to_the_named_organisation(extractor):
    ag = extract(extractor, "Die Bezirksstaatsanwaltschaft von Manhattan erhob Anklage. "
                            "Die Staatsanwaltschaft argumentierte, der Mann könne fliehen.")
    organisation = ag.entity(ag.claims[-1].speaker)
    assert organisation.type == "Organization" and organisation.label.startswith("Bezirksstaatsanwaltschaft")


def test_pronoun_agreeing_with_no_one_is_not_a_country(extractor):
    ag = extract(extractor, "Russland hat das Manöver beendet. Sie sagten, die Truppen kehrten in ihre Kasernen zurück.")
    assert only(ag).speaker is None and only(ag).speaker_mention.text == "Sie"


def test_sense_words_match_the_head_of_a_hyphenated_compound(extractor):
    ag = extract(extractor, "Das lange Wochenende hat wieder einen Motorrad-Toten gefordert.")
    assert ag.claims == []


# --- queries on the seed store ---------------------------------------------------------------------


def test_claims_query_columns(seed_store_dir):
    from kg.query import bundled, load, select
    from kg.store import open_store

    store = open_store(seed_store_dir, read_only=True)
    names, rows = select(store, bundled()["claims"].read_text(encoding="utf-8"))
    assert names == ["claim", "speaker", "speakerLabel", "addresseeLabel", "viaLabel", "reportedByLabel",
                     "cue", "type", "mode", "quote", "content", "evidence", "article"]
    assert len(rows) >= 12
    by_cue = {r["cue"]: r for r in rows}
    assert by_cue["dementiert"]["type"].endswith("#denial") and by_cue["dementiert"]["mode"].endswith("#reported")
    assert "Uschakow" in (by_cue["meinte"]["speakerLabel"] or "")
    assert "Die Regierung in Moskau dementiert" in by_cue["dementiert"]["evidence"]

    _, rows = select(store, load("said_about").bind({"who": "Westen", "what": "Ukraine"}))
    assert [r["type"].rsplit("#", 1)[-1] for r in rows] == ["concern"]


def test_seed_who_said_what_against_the_answer_key(seed_store_dir):
    from kg.evaluate import evaluate
    from kg.store import open_store
    from tests.conftest import GOLD

    report = evaluate(open_store(seed_store_dir, read_only=True), GOLD)
    assert report.parts["claims"].recall >= 0.9
    assert report.parts["who_said_what"].f1 >= 0.9, report.render()


# --- the benchmark's scorer ------------------------------------------------------------------------


def _bench():
    spec = importlib.util.spec_from_file_location("bench_quotes", ROOT / "bench" / "quotes.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_bench_matching_rules():
    bench = _bench()
    gold = [bench.Gold(frozenset({1, 2, 3, 4}), frozenset({7}), "Indirect", "", ""),
            bench.Gold(frozenset({10, 11}), frozenset(), "Direct", "", "")]
    preds = [bench.Pred(frozenset({2, 3, 4, 5}), frozenset({7, 8}), "indirect", "", ""),
             bench.Pred(frozenset({10, 11, 12, 13, 14, 15}), frozenset({9}), "direct", "", "")]
    scores = bench.Scores()
    bench.score_doc(gold, preds, scores)
    # Dice 0.75 and 0.5: both found; the second names a speaker where the corpus has none
    assert (scores.tp, scores.correct, scores.pred, scores.gold) == (2, 1, 2, 2)
    assert scores.found_by_type == {"Indirect": 1, "Direct": 1} and scores.right_by_type == {"Indirect": 1}


def test_bench_runs_on_corpus_documents(extractor):
    bench = _bench()
    if not (bench.data_dir() / "dev.jsonl").is_file():
        pytest.skip("quotation-attribution corpus not present")
    docs = [d for d in bench.load_split("dev", limit=12) if d["annotations"]][:4]
    result = bench.run(docs, extractor).as_dict()
    assert result["gold"] > 0 and result["tp"] > 0
    assert 0.0 < result["quote_detection"]["f1"] <= 1.0
    json.dumps(result)


# --- speakers: objects before the verb, colons, documents, the actor of the sentence before ------


def test_noun_after_als_is_no_speaker(extractor):
    ag = extract(extractor, "Als Grund nannte die Bundesregierung die hohen Kosten.")
    c = only(ag)
    assert c.speaker_mention.text == "die Bundesregierung" and speaker(ag, c) == "Bundesregierung"


def test_abstract_object_before_the_verb_leaves_the_colon_quote_to_the_subject(extractor):
    ag = extract(extractor, "Die Anwendung der neuen Regel stellte der Vorsitzende Peter Braun in Frage: "
                            "„Das funktioniert so nicht.“")
    c = only(ag)
    assert c.mode == "direct" and speaker(ag, c) == "Peter Braun"


def test_colon_quote_after_a_possessive_abstract_subject_is_the_owners(extractor):
    ag = extract(extractor, "Peter Braun gab sich zuversichtlich. Seine Zuversicht gründet sich auf frühere "
                            "Erfahrungen: „Am Ende gab es immer eine Einigung.“")
    c = only(ag)
    assert c.mode == "direct" and speaker(ag, c) == "Peter Braun"


def test_colon_quote_after_a_konjunktiv_clause_continues_the_report(extractor):
    ag = extract(extractor, "Anna Berg sagte, die Firma habe nichts gewusst. Die Pflichten der Firma seien klar "
                            "geregelt: „Niemand durfte davon wissen.“")
    assert [speaker(ag, c) for c in ag.claims] == ["Anna Berg", "Anna Berg"]


def test_von_after_a_noun_is_no_passive_agent(extractor):
    ag = extract(extractor, "Die Anwohner in der Nähe von Hamburg wurden vor dem Hochwasser gewarnt.")
    assert all(speaker(ag, c) != "Hamburg" for c in ag.claims)


def test_demnach_without_a_report_before_names_the_document(extractor):
    ag = extract(extractor, "Am Freitag wurde eine Gesetzesvorlage veröffentlicht. "
                            "Demnach dürfen Apotheken künftig sonntags öffnen.")
    c = only(ag)
    assert c.speaker_mention.text == "eine Gesetzesvorlage"


def test_konjunktiv_after_a_sentence_with_an_actor_subject_is_that_actors(extractor):
    ag = extract(extractor, "Emmanuel Macron sagte, Frankreich sei zu Gesprächen bereit. Das Landesgesundheitsamt "
                            "sieht derzeit keine Gefahr. Reisende seien nicht besonders gefährdet.")
    assert [speaker(ag, c) for c in ag.claims] == ["Emmanuel Macron", "Landesgesundheitsamt"]


def test_es_sei_denn_reports_nothing(extractor):
    ag = extract(extractor, "Emmanuel Macron sagte, Frankreich sei zu Gesprächen bereit. Die EU wartet ab. "
                            "Das wird nicht geschehen, es sei denn, Russland zieht ab.")
    assert len(ag.claims) == 1


# --- round five ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text, words", [
    # a frame's source ends before an uninflected adjective after its noun: the clause's adverb or predicative
    ("Das Gesetz ist nach Ansicht der Kritiker eindeutig verfassungswidrig.", "der Kritiker"),
    ("Die Reform hat aus Sicht der Verbände juristisch keine Folgen.", "der Verbände"),
    ("Nach Angaben der örtlichen Behörden starben drei Menschen.", "der örtlichen Behörden"),
    # "werfen" is plural: the singular name after it is the object, the phrase before it speaks
    ("Der Unternehmer Karl Brenner wurde am Montag festgenommen. Die Staatsanwälte werfen Brenner Betrug vor.",
     "Die Staatsanwälte"),
    # "sie" may be the object: the actor noun before the verb ("*führer", speaker_nouns.jsonl) is the subject
    ("Kritik kam vom Verband der Bauindustrie. Der Geschäftsführer des Verbands nannte sie „übertrieben“.",
     "Der Geschäftsführer des Verbands"),
    # "es" right after the verb is the object before a nominative phrase, whatever the parse says
    ("Laut der Agentur hält es der ecuadorianische Präsident für möglich, dass die Bank sich entwickeln kann.",
     "der ecuadorianische Präsident"),
    ("Nach der Sitzung bezeichnete es der Minister als Fehler, die Steuer zu erhöhen.", "der Minister"),
    # a name in quotation marks fills the field before the verb
    ("„Sky News“ berichtet unter Berufung auf einen Wärter, dass die Gefangenen ausgebrochen sind.", "„Sky News“"),
])
def test_speaker_words_by_agreement_word_order_and_phrase_ends(extractor, text, words):
    assert mention(only(extract(extractor, text))) == words


def test_a_clause_after_comma_and_coordinator_is_no_message_nouns_complement(extractor):
    # "Wahlergebnis" ends in "-ergebnis", but ", aber …" opens a coordinated main clause: the sentence
    # continues the minister's report
    ag = extract(extractor, "Der Minister sagte, die Lage sei ernst. Die Regierung habe durch das Wahlergebnis ihre "
                            "Mehrheit verloren, aber die Opposition sei gescheitert.")
    first, second = ag.claims
    assert second.cue is None and second.content.text.startswith("Die Regierung habe")
    assert mention(second) == "Der Minister"


def test_an_organisation_of_a_group_is_not_the_group(extractor):
    # "aller" opens a genitive; the monks are the union's members, the union speaks and is adopted with them
    ag = extract(extractor, "Unterdessen ruft die Vereinigung aller buddhistischen Mönche, eine in Rangun ansässige "
                            "Gruppe, alle Mönche des Landes dazu auf, keine Almosen anzunehmen.")
    claim = only(ag)
    assert mention(claim) == "die Vereinigung aller buddhistischen Mönche"
    assert speaker(ag, claim) == "Vereinigung aller buddhistischen Mönche"


def test_a_quoted_statement_before_is_no_subject_and_a_full_stop_ends_a_clause(extractor):
    # the parser joins the quotation's sentence to the next; its words are neither subject nor clause of "hält"
    ag = extract(extractor, "Die Agentur zitiert den Minister: „Die Kredite, die sie gewähren, werden für alte "
                            "Schulden ausgegeben.“ Laut der Agentur hält es der ecuadorianische Präsident für möglich, "
                            "dass die Bank sich entwickeln kann.")
    claim = next(c for c in ag.claims if c.cue and c.cue.text == "hält")
    assert mention(claim) == "der ecuadorianische Präsident"


def test_indicative_sentence_with_an_actor_of_its_own_is_not_the_previous_speakers(extractor):
    # the Konjunktiv is only in the "ob" clause; the main clause is indicative and names its own actor
    ag = extract(extractor, "Die Ministerin sagte, die Lage sei ernst. Auch der Sprecher der Opposition, Karl Brenner, "
                            "will „in den nächsten Tagen genau prüfen“, ob ein Verbot nötig sei.")
    first, second = ag.claims
    assert mention(first) == "Die Ministerin"
    assert "Karl Brenner" in mention(second) and speaker(ag, second) == "Karl Brenner"
