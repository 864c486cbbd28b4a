"""Claim detection (issue 13): which sentences report speech and where the message is, each rule on
its own short German sentence, with the real pipeline."""

from __future__ import annotations

from kg.model import ArticleGraph, Claim
from kg.read import make_article


def extract(extractor, body: str) -> ArticleGraph:
    return extractor.extract(make_article("t", None, body, "test", None))


def found(ag: ArticleGraph) -> list[tuple[str, str | None, str]]:
    return [(c.mode, c.cue.text if c.cue else None, c.content.text) for c in ag.claims]


def by_cue(ag: ArticleGraph, cue: str) -> Claim:
    return next(c for c in ag.claims if c.cue and c.cue.text == cue)


def test_konjunktiv_i_the_lemmatizer_leaves_unchanged_is_reported_speech(extractor):
    ag = extract(extractor, "Die Agentur berichtete im Zusammenhang mit dem Unglück, die Fähre gehöre einer "
                            "Reederei aus Zypern.")
    assert found(ag) == [("indirect", "berichtete", "die Fähre gehöre einer Reederei aus Zypern")]


def test_sich_zeigen_and_sich_aeussern_report_only_with_a_predicative(extractor):
    assert extract(extractor, "Der Kanzler zeigte sich am Abend in Feierlaune.").claims == []
    assert extract(extractor, "Der Kanzler äußerte sich am Abend zu dem Vorfall.").claims == []
    ag = extract(extractor, "Die Ministerin äußerte sich kritisch zu dem Urteil.")
    assert [(c.mode, c.cue.text) for c in ag.claims] == [("reported", "äußerte")]


def test_bekanntgeben_and_ausgehen_von_report_without_a_clause(extractor):
    ag = extract(extractor, "Der Verein gab am Montag die Trennung von seinem Trainer bekannt.")
    assert [(c.mode, c.cue.text) for c in ag.claims] == [("reported", "gab … bekannt")]
    ag = extract(extractor, "Die Ermittler gehen von Brandstiftung aus.")
    assert [(c.mode, c.cue.text) for c in ag.claims] == [("reported", "gehen … aus")]


def test_verbs_outside_their_speech_sense_stay_silent(extractor):
    for text in ("Im Wahlkampf sorgt der Streit um die Renten für Unruhe.",
                 "Bei zwei Rindern besteht der Verdacht auf eine Infektion.",
                 "Der Trainer gab sich vor dem Spiel betont gelassen."):
        assert extract(extractor, text).claims == [], text


def test_frame_around_a_report_in_konjunktiv_makes_its_own_claim(extractor):
    ag = extract(extractor, "Nach Angaben der Feuerwehr habe der Fahrer den Notruf gewählt und gefordert, die "
                            "Brücke sofort zu sperren.")
    frame = by_cue(ag, "Nach Angaben")
    assert frame.content.text.startswith("habe der Fahrer den Notruf gewählt")
    assert "Feuerwehr" in frame.speaker_mention.text
    assert by_cue(ag, "gefordert").content.text == "die Brücke sofort zu sperren"


def test_frame_opening_a_clause_inside_a_report_is_a_nested_claim(extractor):
    ag = extract(extractor, "Der Sprecher sagte, nach ersten Erkenntnissen sei das Feuer in der Küche ausgebrochen.")
    assert by_cue(ag, "sagte").content.text.startswith("nach ersten Erkenntnissen sei")
    assert by_cue(ag, "nach ersten Erkenntnissen").content.text == "sei das Feuer in der Küche ausgebrochen"


def test_postposition_of_a_frame_is_no_particle_of_the_cue(extractor):
    ag = extract(extractor, "Der Minister erklärte, die Lage sei seiner Meinung nach stabil.")
    assert found(ag) == [("indirect", "erklärte", "die Lage sei seiner Meinung nach stabil")]


def test_scene_before_an_inverted_verb_is_no_message(extractor):
    ag = extract(extractor, "Da der Zug ausgefallen war, forderte der Verband, die Strecke schneller zu sanieren.")
    assert found(ag) == [("indirect", "forderte", "die Strecke schneller zu sanieren")]


def test_frame_inserted_before_the_finite_verb_keeps_the_whole_message(extractor):
    ag = extract(extractor, "Im kommenden Jahr, so schätzt der Verband, wird die Zahl der Mitglieder steigen.")
    c = by_cue(ag, "schätzt")
    assert c.content.text.endswith("wird die Zahl der Mitglieder steigen")
    assert c.speaker_mention.text == "der Verband"


def test_quotation_after_a_colon_is_a_claim_of_its_own(extractor):
    ag = extract(extractor, "Die Trainerin Anna Berg sprach nach dem Spiel. Sie glaubt, dass die Mannschaft gelernt "
                            "habe: „Wir spielen jetzt geduldiger.“")
    modes = [(c.mode, c.content.text) for c in ag.claims]
    assert ("indirect", "dass die Mannschaft gelernt habe") in modes
    assert any(m == "direct" and t.startswith("„Wir spielen") for m, t in modes)


def test_frame_source_fills_the_field_before_the_finite_verb(extractor):
    ag = extract(extractor, "Laut einer am Freitag veröffentlichten Studie der Universität sind die Mieten "
                            "gestiegen.")
    c = by_cue(ag, "Laut")
    assert "Studie der Universität" in c.speaker_mention.text
    assert c.content.text == "sind die Mieten gestiegen"


def test_placeholder_after_a_message_noun_and_wie_after_a_conjunction(extractor):
    ag = extract(extractor, "Es gibt Zweifel daran, ob der Plan aufgeht.")
    assert found(ag) == [("indirect", "Zweifel", "ob der Plan aufgeht")]
    ag = extract(extractor, "Denn wie die Zeitung berichtete, leidet der Sänger an einer Grippe.")
    assert found(ag) == [("indirect", "berichtete", "leidet der Sänger an einer Grippe")]


def test_names_and_titles_in_quotation_marks_are_not_quoted_words(extractor):
    # a name after a noun that introduces one ("Tour", "Internet-Suchseite"), or of capitalised words only
    for text in ("Der Trainer gab die Aufstellung am Montag im Mannschaftsquartier „Blaue Lagune“ bekannt.",
                 "Die Band gab das Ende ihrer Tour „Zeitenwende“ bekannt."):
        assert [(c.mode, c.quote) for c in extract(extractor, text).claims] == [("reported", None)], text
    # quoted words stay quoted words, and so does a whole statement after such a noun
    ag = extract(extractor, "Die Opposition warf dem Minister „Wortbruch“ vor.")
    assert [(c.mode, c.quote.text) for c in ag.claims] == [("mixed", "Wortbruch")]
    ag = extract(extractor, "Der Verein schrieb auf seiner Internetseite „Wir bleiben in der Stadt.“")
    assert [c.mode for c in ag.claims] == ["direct"]


def test_participle_of_a_cue_verb_outside_its_sense_does_not_block_an_inverted_frame(extractor):
    # "geschlossen" is "schließen", which reports only with "daraus": the text before ", sagte X" is the message
    for frame, cue, message in ((", sagte der Minister.", "sagte", "Die Grenzen bleiben geschlossen"),
                                (", kündigte die Regierung an.", "kündigte … an", "Die Grenzen werden geschlossen")):
        assert found(extract(extractor, message + frame)) == [("indirect", cue, message)]


def test_frame_in_a_clause_before_another_claim_makes_its_own_claim(extractor):
    ag = extract(extractor, "Heute demonstrierten nach Angaben der Veranstalter rund 7.000 Menschen gegen das "
                            "Treffen, die Polizei spricht von 4.000 Teilnehmern.")
    frame = by_cue(ag, "nach Angaben")
    assert frame.content.text == ("Heute demonstrierten nach Angaben der Veranstalter rund 7.000 Menschen gegen "
                                  "das Treffen")
    assert by_cue(ag, "spricht").speaker_mention.text == "die Polizei"
    # in the cue's own clause the frame names the channel, no claim of its own
    ag = extract(extractor, "Nach Angaben der Polizei sagte ein Sprecher, der Mann sei festgenommen worden.")
    assert [c.cue.text for c in ag.claims] == ["sagte"]


def test_reason_in_konjunktiv_i_is_the_subjects_reported_reason(extractor):
    ag = extract(extractor, "Die Staatsanwältin Anna Berg bezeichnete die Angaben als vorläufig, da der Tatort noch "
                            "nicht ganz abgesucht sei.")
    reason = next(c for c in ag.claims if c.cue is None)
    assert (reason.mode, reason.content.text) == ("indirect", "da der Tatort noch nicht ganz abgesucht sei")
    assert "Anna Berg" in reason.speaker_mention.text
    ag = extract(extractor, "Die Gewerkschaft erwartet keine schnelle Einigung, weil der Vorstand kein Angebot "
                            "vorgelegt habe.")
    assert [(c.content.text, c.speaker_mention.text) for c in ag.claims] == [
        ("weil der Vorstand kein Angebot vorgelegt habe", "Die Gewerkschaft")]
    # in the indicative the reason is the author's account
    assert extract(extractor, "Die Gewerkschaft erwartet keine schnelle Einigung, weil der Vorstand kein Angebot "
                              "vorgelegt hat.").claims == []


def test_the_noun_phrase_after_wie_is_the_subject_of_its_frame(extractor):
    # "wie" stands for the object: the parse's object there is the speaker; a name in quotation marks
    # inside the frame does not end it
    for text, speaker in (("Wie die Zeitung berichtet, leidet der Sänger an einer Grippe.", "die Zeitung"),
                          ("Der Sänger leidet an einer Grippe, wie sein Manager am Montag mitteilte.", "sein Manager"),
                          ("Wie die „Bild“-Zeitung berichtete, leidet der Sänger an einer Grippe.", "Zeitung")):
        claims = extract(extractor, text).claims
        assert len(claims) == 1 and claims[0].content.text.endswith("an einer Grippe"), text
        assert speaker in claims[0].speaker_mention.text, text


def test_frame_noun_compounds_name_their_source(extractor):
    ag = extract(extractor, "Nach Zeugenaussagen hatte der Fahrer das Rotlicht übersehen.")
    assert [(c.content.text, c.speaker_mention.text) for c in ag.claims] == [
        ("hatte der Fahrer das Rotlicht übersehen", "Zeugenaussagen")]
    # a compound names the source itself: the noun phrase after it is no genitive; between dashes, the
    # frame attributes the insertion
    ag = extract(extractor, "Vor dem Haus wartete bereits der Täter – nach Zeugenaussagen der Ehemann – auf sie.")
    assert [(c.content.text, c.speaker_mention.text) for c in ag.claims] == [("der Ehemann", "Zeugenaussagen")]


def test_frame_inside_a_clause_attributes_the_whole_clause(extractor):
    ag = extract(extractor, "Der Mann wurde nach Polizeiangaben am Bahnhof festgenommen.")
    assert found(ag) == [("indirect", "nach Polizeiangaben", "Der Mann wurde nach Polizeiangaben am Bahnhof "
                                                            "festgenommen")]
    # a name in quotation marks before the verb is no quotation the verb closes
    ag = extract(extractor, "Nach Informationen des Magazins „Der Spiegel“ hat der Schiedsrichter schwere "
                            "Vorwürfe gegen seine Kollegen geäußert.")
    assert found(ag) == [("indirect", "Nach Informationen", "hat der Schiedsrichter schwere Vorwürfe gegen seine "
                                                            "Kollegen geäußert")]


def test_bestehen_reports_only_with_auf(extractor):
    # "bestehen auf" insists; "bestehen in/darin" consists, also before a dass-clause
    ag = extract(extractor, "Die Gewerkschaft besteht darauf, dass die Löhne steigen.")
    assert found(ag) == [("indirect", "besteht", "dass die Löhne steigen")]
    assert extract(extractor, "Das Problem besteht darin, dass viele Familien keinen Anwalt haben.").claims == []


def test_particle_after_a_coordinated_verb_is_that_verbs(extractor):
    # "an" is "griff … an"'s, not "begrüßte"'s ("anbegrüßen" is no verb), even where the tagger misses "griff"
    ag = extract(extractor, "Der Bürgermeister begrüßte den Beschluss des Stadtrats und griff die Opposition mit "
                            "scharfen Worten an.")
    assert [(c.mode, c.cue.text) for c in ag.claims] == [("reported", "begrüßte")]
    assert ag.claims[0].speaker_mention.text == "Der Bürgermeister"
    ag = extract(extractor, "Der Minister wies die Vorwürfe zurück und kündigte eine Prüfung an.")
    assert [c.cue.text for c in ag.claims] == ["wies … zurück", "kündigte … an"]
    # "und" between two nouns joins no verbs: "statt" stays "findet … statt"'s
    assert extract(extractor, "Am Sonntag findet ein Duell zwischen dem Meister und seinem Herausforderer statt.").claims == []


def test_particle_and_speech_act_reach_past_an_apposition(extractor):
    # the clause goes on after "dem 3. Mai," and after "Joachim Rücker,": the particle and the verb phrase are there
    ag = extract(extractor, "Der Bürgermeister Peter Braun kündigte am Montag, dem 3. Mai, seinen Rücktritt an.")
    claim = by_cue(ag, "kündigte … an")
    assert claim.mode == "reported" and claim.content.text.endswith("seinen Rücktritt an")
    ag = extract(extractor, "Der Premierminister geht nach einem Treffen mit dem UN-Gesandten, Joachim Rücker, davon "
                            "aus, dass viele Staaten die Unabhängigkeit anerkennen würden.")
    assert found(ag) == [("indirect", "geht … aus", "dass viele Staaten die Unabhängigkeit anerkennen würden")]


def test_damit_before_the_finite_verb_opens_a_reported_main_clause(extractor):
    # "damit solle …" is the adverb in a main clause (verb second), not the purpose conjunction (verb last)
    ag = extract(extractor, "Die Sprecherin erklärte hingegen, damit solle ein Stillstand vermieden werden.")
    assert found(ag) == [("indirect", "erklärte", "damit solle ein Stillstand vermieden werden")]


def test_a_quotation_after_a_frame_is_the_frames_not_an_earlier_verbs(extractor):
    # "laut X" stands between "gefunden" and the quotation: the quotation is X's
    ag = extract(extractor, "Nachdem die Methode ihren Weg in die Praxis gefunden hat und man damit laut Klinikdirektor "
                            "Matthias Beckmann „jetzt vielen Paaren helfen kann“, suchen die Forscher nach neuen Wegen.")
    assert [c.cue.text for c in ag.claims] == ["laut"]
    assert ag.entity(ag.claims[0].speaker).label == "Matthias Beckmann"


def test_so_before_a_quoted_clause_is_no_frame(extractor):
    # ", so „schütze sie Gott“": "so" opens the consequence of the condition; the quotation names no speaker
    ag = extract(extractor, "Der Bürgermeister forderte die Bewohner auf, die Stadt zu verlassen. Kämen sie dem nicht "
                            "nach, so „schütze sie Gott“.")
    assert not any(c.cue and c.cue.text == "so" for c in ag.claims)
    assert all(c.speaker_mention.text == "Der Bürgermeister" for c in ag.claims)
