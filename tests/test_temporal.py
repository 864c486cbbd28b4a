"""kg.temporal: German temporal expressions, their spans and TIMEX3 values."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.temporal import Timex, extract
from kg.temporal.lexicon import load_lexicon

REPO = Path(__file__).resolve().parents[1]
THU = dt.date(2023, 12, 14)  # a Thursday in December (ISO week 50)
FRI = dt.date(2023, 12, 15)


def only(text: str, anchor: dt.date, surface: str) -> Timex:
    """The single expression whose text is `surface`."""
    found = [t for t in extract(text, anchor) if t.text == surface]
    assert len(found) == 1, f"{surface!r} not found once in {extract(text, anchor)}"
    return found[0]


@pytest.mark.parametrize(
    ("anchor", "text", "surface", "type_", "value", "mod"),
    [
        # absolute dates, year inference in both directions
        (THU, "Die Konferenz beginnt am 10. Januar in Wien.", "10. Januar", "DATE", "2024-01-10", ""),
        (dt.date(2024, 1, 20), "Die Wahl hatte am 5. November stattgefunden.", "5. November", "DATE", "2023-11-05", ""),
        (THU, "Die Frist endet am 3. Jänner.", "3. Jänner", "DATE", "2024-01-03", ""),
        (THU, "Der Vertrag wurde am 31.12.2021 unterzeichnet.", "31.12.2021", "DATE", "2021-12-31", ""),
        (THU, "Der Vertrag wurde am 1.3.22 geändert.", "1.3.22", "DATE", "2022-03-01", ""),
        (THU, "Am Montag, 8. Januar 2024 wird gewählt.", "Montag, 8. Januar 2024", "DATE", "2024-01-08", ""),
        (THU, "Die Firma besteht seit 2014.", "2014", "DATE", "2014", ""),
        (THU, "Die Preise stiegen im Jahr 2019 stark.", "Jahr 2019", "DATE", "2019", ""),
        (THU, "Im Juni hatte die Regierung das Gesetz beschlossen.", "Juni", "DATE", "2023-06", ""),
        (THU, "Das Werk eröffnete Anfang August 2011.", "Anfang August 2011", "DATE", "2011-08", "START"),
        (THU, "Er lebte Mitte der 90er Jahre in Graz.", "Mitte der 90er Jahre", "DATE", "199", "MID"),
        (THU, "Die Mure kam im August vorigen Jahres.", "August vorigen Jahres", "DATE", "2022-08", ""),
        (THU, "Das Dorf entstand im 12. Jahrhundert.", "12. Jahrhundert", "DATE", "11", ""),
        (THU, "Im Frühjahr 2025 soll gebaut werden.", "Frühjahr 2025", "DATE", "2025-SP", ""),
        (THU, "Der Umsatz stieg im dritten Quartal.", "dritten Quartal", "DATE", "2023-Q3", ""),
        (THU, "Zu Weihnachten kommt die Familie.", "Weihnachten", "DATE", "2023-12-25", ""),
        (THU, "Ostern 2020 fiel aus.", "Ostern 2020", "DATE", "2020-04-12", ""),
        (THU, "Pfingstmontag ist frei.", "Pfingstmontag", "DATE", "2024-05-20", ""),
        (THU, "Seit Jahresbeginn stieg der Preis.", "Jahresbeginn", "DATE", "2023", "START"),
        # anchor-relative
        (THU, "Der Umsatz sank im vergangenen Jahr.", "vergangenen Jahr", "DATE", "2022", ""),
        (THU, "Heuer gibt es mehr Gäste.", "Heuer", "DATE", "2023", ""),
        (THU, "Das zeigte sich in der vergangenen Woche.", "der vergangenen Woche", "DATE", "2023-W49", ""),
        (THU, "Die Gespräche gehen nächste Woche weiter.", "nächste Woche", "DATE", "2023-W51", ""),
        (THU, "Am Wochenende wird gefeiert.", "Wochenende", "DATE", "2023-W50-WE", ""),
        (THU, "Am Wochenende war es ruhig geblieben.", "Wochenende", "DATE", "2023-W49-WE", ""),
        (THU, "Am kommenden Wochenende wird gefeiert.", "kommenden Wochenende", "DATE", "2023-W50-WE", ""),
        (THU, "Bis Ende des Jahres soll alles fertig sein.", "Ende des Jahres", "DATE", "2023", "END"),
        (THU, "Die Partei hatte vor zwei Wochen gewählt.", "vor zwei Wochen", "DATE", "2023-11-30", ""),
        (THU, "Das Haus brannte vor drei Jahren ab.", "vor drei Jahren", "DATE", "2020", ""),
        (THU, "Der Minister sprach gestern im Landtag.", "gestern", "DATE", "2023-12-13", ""),
        (THU, "Heute beginnt der Prozess.", "Heute", "DATE", "2023-12-14", ""),
        (THU, "Das Urteil fällt morgen.", "morgen", "DATE", "2023-12-15", ""),
        (THU, "Morgen fällt das Urteil.", "Morgen", "DATE", "2023-12-15", ""),
        (THU, "Gestern Abend kam es zu einem Unfall.", "Gestern Abend", "TIME", "2023-12-13TEV", ""),
        (FRI, "Am Donnerstag hatte der Rat entschieden.", "Donnerstag", "DATE", "2023-12-14", ""),
        (FRI, "Am Montag wird der Rat entscheiden.", "Montag", "DATE", "2023-12-18", ""),
        (FRI, "Am Mittwochabend brannte eine Scheune.", "Mittwochabend", "TIME", "2023-12-13TEV", ""),
        (FRI, "Am Montag vergangener Woche brannte es.", "Montag vergangener Woche", "DATE", "2023-12-04", ""),
        (FRI, "In der Nacht auf Sonntag brannte es.", "der Nacht auf Sonntag", "TIME", "2023-12-10TNI", ""),
        (THU, "Die Lage ist derzeit ruhig.", "derzeit", "DATE", "PRESENT_REF", ""),
        (THU, "Er war kürzlich in Rom.", "kürzlich", "DATE", "PAST_REF", ""),
        # durations
        (THU, "Die Sitzung dauerte etwa 50 Minuten.", "etwa 50 Minuten", "DURATION", "PT50M", "APPROX"),
        (THU, "Er saß drei Jahre in Haft.", "drei Jahre", "DURATION", "P3Y", ""),
        (THU, "Der Bau dauerte zwölf Monate.", "zwölf Monate", "DURATION", "P12M", ""),
        (THU, "Sie ist seit zwanzig Jahren im Amt.", "zwanzig Jahren", "DURATION", "P20Y", ""),
        (THU, "Darüber wird seit Monaten gestritten.", "Monaten", "DURATION", "PXM", ""),
        (THU, "Nach einer halben Stunde war alles vorbei.", "einer halben Stunde", "DURATION", "PT0.5H", ""),
        (THU, "Das Festival dauert zehn Tage.", "zehn Tage", "DURATION", "P10D", ""),
        (THU, "Er war dreiundzwanzig Jahre im Amt.", "dreiundzwanzig Jahre", "DURATION", "P23Y", ""),
        (THU, "Nach einem zweiwöchigen Streik lenkte er ein.", "zweiwöchigen", "DURATION", "P2W", ""),
        (THU, "Die Halle wird rund 1,5 Stunden gesperrt.", "rund 1,5 Stunden", "DURATION", "PT1.5H", "APPROX"),
        # sets
        (THU, "Der Markt findet jeden Montag statt.", "jeden Montag", "SET", "XXXX-WXX-1", ""),
        (THU, "Die Fähre fährt täglich.", "täglich", "SET", "P1D", ""),
        (THU, "Der Preis wird jährlich vergeben.", "jährlich", "SET", "P1Y", ""),
        (THU, "Die Gruppe trifft sich einmal im Monat.", "einmal im Monat", "SET", "P1M", ""),
        (THU, "Der Bus fährt alle zwei Wochen.", "alle zwei Wochen", "SET", "P2W", ""),
        # times
        (THU, "Die Sitzung beginnt heute um 14 Uhr.", "14 Uhr", "TIME", "2023-12-14T14:00", ""),
        (THU, "Aktualisiert: 01:13 Uhr", "01:13 Uhr", "TIME", "2023-12-14T01:13", ""),
        (THU, "Am 20. Dezember um 9.30 Uhr beginnt das Rennen.", "9.30 Uhr", "TIME", "2023-12-20T09:30", ""),
        (THU, "Die Sitzung endet um 22.30.", "22.30", "TIME", "2023-12-14T22:30", ""),
        (dt.date(2013, 6, 30), "Am Freitag (28.06.) sollen 100 Leute kommen.", "Freitag (28.06.)", "DATE", "2013-06-28", ""),
    ],
)
def test_expression(anchor: dt.date, text: str, surface: str, type_: str, value: str, mod: str) -> None:
    timex = only(text, anchor, surface)
    assert (timex.type, timex.value, timex.mod) == (type_, value, mod)
    assert text[timex.start:timex.end] == surface


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Am 10. Januar treffen sich die Minister, zwei Tage später die Botschafter.", "zwei Tage später", "2024-01-12"),
        ("Die Minister trafen sich am 10. Januar, tags darauf die Botschafter.", "tags darauf", "2024-01-11"),
        ("Die Minister trafen sich am 10. Januar. Eine Woche zuvor hatte es Streit gegeben.", "Eine Woche zuvor",
         "2024-01-03"),
        ("Der Gipfel war am 2. Dezember. Am Tag danach reiste er ab.", "Tag danach", "2023-12-03"),
        ("Drei Tage später gab es Neuwahlen.", "Drei Tage später", "2023-12-17"),  # no earlier day: the anchor
    ],
)
def test_narrative_relative(text: str, surface: str, value: str) -> None:
    """Story-relative expressions count from the last day named before them, else from the anchor."""
    timex = only(text, THU, surface)
    assert (timex.type, timex.value) == ("DATE", value)


def test_day_list_and_time_range() -> None:
    text = "Gespielt wird am 3., 4. und 5. Oktober jeweils von 10 bis 18 Uhr."
    found = [(t.text, t.value) for t in extract(text, dt.date(2023, 9, 20))]
    assert found == [("3.", "2023-10-03"), ("4.", "2023-10-04"), ("5. Oktober", "2023-10-05"),
                     ("10", "T10:00"), ("18 Uhr", "T18:00")]


@pytest.mark.parametrize(
    "text",
    [
        "Er zahlte 2000 Euro für 1500 Meter Zaun.",
        "Jan Müller kam zurück.",  # "Jan" is a name, not January
        "Guten Morgen, sagte der 38-jährige Bürgermeister.",
        "Sie ist 30 Jahre alt.",
        "Der Kurs stieg um 2.50 Euro, die Resolution 1701 gilt, es kamen 1500 Besucher.",
    ],
)
def test_no_false_dates(text: str) -> None:
    assert [t for t in extract(text, THU) if t.type in ("DATE", "TIME")] == []


def test_offsets_cover_text() -> None:
    text = "Bozen. Am Freitag, 15. März, kamen gestern 200 Leute; seit 2010 wächst der Ort jährlich."
    for timex in extract(text, dt.date(2024, 3, 16)):
        assert text[timex.start:timex.end] == timex.text


@pytest.mark.parametrize("content", ["{not json", '{"rules": []}'])
def test_bad_lexicon_is_reported(tmp_path: Path, content: str) -> None:
    broken = tmp_path / "timex.json"
    broken.write_text(content, encoding="utf-8")
    with pytest.raises(KgError, match="timex.json"):
        load_lexicon(broken)


def _bench():
    spec = importlib.util.spec_from_file_location("bench_timex", REPO / "bench" / "timex.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file executes
    spec.loader.exec_module(module)
    return module


def test_krauts_value_f1() -> None:
    """On a few KRAUTS documents (if the corpus is present) value F1 stays well above chance."""
    bench = _bench()
    root = bench.data_dir()
    if not (root / "gold").is_dir():
        pytest.skip(f"KRAUTS not available at {root}")
    docs = bench.load_corpus(root)[:15]
    ours = bench.evaluate(docs, bench.ours)
    heideltime = bench.evaluate(docs, lambda d: d.heideltime)
    assert ours.gold == heideltime.gold > 0
    assert ours.f1(ours.value)[2] > 0.7
    assert ours.f1(ours.relaxed)[2] > 0.8


def test_a_weekday_in_brackets_repeats_the_day_before_it():
    found = extract("Für morgen (Freitag) hat die Gewerkschaft zu einem Warnstreik aufgerufen.", THU)
    assert [(t.text, t.value) for t in found] == [("morgen", "2023-12-15"), ("Freitag", "2023-12-15")]


def test_the_last_day_of_something_is_no_date():
    assert extract("Die Abstimmung findet am letzten Tag vor der Sommerpause statt.", THU) == []
