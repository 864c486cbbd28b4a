"""Normalisers: turn one rule match into TIMEX3 type, value and mod.

Each rule in kg/data/timex.json names one normaliser here by its `norm` key. A normaliser gets
the match and its context (kg/temporal/context.py) and returns a `Norm` (or None to drop the
match), multi-rules ("3., 4. und 5. Oktober") return several (start, end, Norm) parts.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from kg.temporal import calendar as cal
from kg.temporal.context import Context, Norm, Normaliser
from kg.temporal.lexicon import Lexicon

UNRESOLVED = "XXXX-XX-XX"


def _number(ctx: Context, name: str = "num") -> float | str | None:
    """Numeric value of a digit string ("1.270", "2,5") or number word; "X" for vague
    quantities (einige, mehrere)."""
    text = ctx.group(name)
    if text is None:
        return None
    if text[0].isdigit():
        return float(text.replace(".", "").replace(",", "."))
    value = ctx.lex.lookup("numbers", text)
    return value if isinstance(value, str) else (float(value) if value is not None else None)


def _year(text: str, anchor: dt.date) -> int:
    """Four-digit year; two-digit years go to the century that keeps them within ten years ahead."""
    text = text.lstrip("'")
    if len(text) == 4:
        return int(text)
    short = int(text)
    return 2000 + short if short <= anchor.year % 100 + 10 else 1900 + short


def _month(ctx: Context) -> int | None:
    text = ctx.group("month")
    if text is None:
        return None
    if text.isdigit():
        return int(text)
    value = ctx.lex.lookup("months", text) or ctx.lex.lookup("month_abbreviations", text)
    return int(value) if value else None


def _day_norm(ctx: Context, day: dt.date | None) -> Norm | None:
    return Norm(ctx.rule.type, cal.iso_day(day), ctx.mod()) if day else None


def numeric_date(ctx: Context) -> Norm | None:
    """10.01.2022, 2022-01-10."""
    month = _month(ctx)
    return _day_norm(ctx, cal.safe_date(_year(ctx.group("year"), ctx.anchor), month, int(ctx.group("day"))))


def day_month(ctx: Context) -> Norm | None:
    """(Donnerstag,) 10. Januar (2022): a missing year is the one closest to the anchor."""
    month, day = _month(ctx), int(ctx.group("day"))
    if month is None:
        return None
    year = ctx.group("year")
    if year:
        return _day_norm(ctx, cal.safe_date(_year(year, ctx.anchor), month, day))
    weekday = ctx.look("weekdays", "weekday")
    return _day_norm(ctx, cal.infer_year_for_day(day, month, ctx.anchor, ctx.tense, weekday))


def day_list(ctx: Context) -> list[tuple[int, int, Norm]] | None:
    """3., 4. und 7. Oktober: every day gets the month (and year) of the last one."""
    last = day_month(ctx)
    if last is None:
        return None
    year, month = int(last.value[:4]), int(last.value[5:7])
    parts = []
    base = ctx.match.start()
    for day_match in re.finditer(r"\d{1,2}\.?", ctx.match.group(0)[: ctx.match.start("day") - base]):
        day = cal.safe_date(year, month, int(day_match.group(0).rstrip(".")))
        if day:
            parts.append((base + day_match.start(), base + day_match.end(), Norm("DATE", cal.iso_day(day))))
    parts.append((ctx.match.start("day"), ctx.match.end(), last))
    return parts


def month(ctx: Context) -> Norm | None:
    """(Anfang) August (2011)."""
    number = _month(ctx)
    if number is None:
        return None
    year_text = ctx.group("year")
    if year_text:
        year = _year(year_text, ctx.anchor)
    elif ctx.group("cue") or ctx.group("this"):  # "im August vorigen Jahres", "Juli dieses Jahres"
        year = ctx.anchor.year + _cue_offset(ctx)
    else:
        year = cal.infer_year_for_month(number, ctx.anchor, ctx.tense)
    return Norm(ctx.rule.type, cal.month_value(year, number), ctx.mod())


def year(ctx: Context) -> Norm | None:
    """2015, Jahr 2015, Anfang 2015."""
    return Norm(ctx.rule.type, f"{int(ctx.group('year')):04d}", ctx.mod())


def year_list(ctx: Context) -> list[tuple[int, int, Norm]]:
    """2009-2011, 2005/2010: two years."""
    return [(ctx.match.start("y1"), ctx.match.end("y1"), Norm("DATE", ctx.group("y1"))),
            (ctx.match.start("year"), ctx.match.end("year"), Norm("DATE", ctx.group("year")))]


def decade(ctx: Context) -> Norm | None:
    """(Mitte) der 90er Jahre -> 199; 1990er -> 199; 2010er -> 201."""
    word = ctx.look("decade_words", "decadeword")
    digit = int(word) if word else int(ctx.group("decade")) // 10
    century_text = ctx.group("century")
    if century_text:
        century = int(century_text)
    else:
        century = 20 if digit <= (ctx.anchor.year % 100) // 10 else 19
    return Norm("DATE", f"{century:02d}{digit}", ctx.mod())


def century(ctx: Context) -> Norm | None:
    """15. Jahrhundert -> 14 (TIMEX3 centuries are the first two digits of the years)."""
    return Norm("DATE", f"{int(ctx.group('century')) - 1:02d}", ctx.mod())


def season(ctx: Context) -> Norm | None:
    """Sommer 2015, im vergangenen Winter: season of the given or anchor-relative year."""
    code = ctx.look("seasons", "season")
    year_text = ctx.group("year")
    year_value = _year(year_text, ctx.anchor) if year_text else ctx.anchor.year + _cue_offset(ctx)
    return Norm("DATE", f"{year_value:04d}-{code}", ctx.mod())


def _cue_offset(ctx: Context) -> int:
    """-1/0/+1 from vergangen/dies/nächst (stems may carry an inflection ending)."""
    cue = ctx.group("cue")
    if not cue:
        return 0
    word = cue.lower()
    for stem, offset in ctx.lex.tables["relative_cues"].items():
        if word.startswith(stem):
            return int(offset)
    return 0  # demonstratives (dieser, diesem) point at the current unit


def half_quarter(ctx: Context) -> Norm | None:
    """der zweiten Jahreshälfte, im dritten Quartal (2014), im letzten Quartal."""
    kind = str(ctx.look("halves", "half"))
    ordinal = int(ctx.look("ordinals", "ordinal") or 0)
    if ordinal == -1:  # "im letzten Quartal": the one before the anchor's
        return Norm("DATE", cal.calendar_unit_value(ctx.anchor, kind, -1), ctx.mod())
    if not 1 <= ordinal <= (2 if kind == "H" else 4):
        return None
    year_text = ctx.group("year")
    year_value = int(year_text) if year_text else ctx.anchor.year + _cue_offset(ctx)
    return Norm("DATE", f"{year_value:04d}-{kind}{ordinal}", ctx.mod())


def relative(ctx: Context) -> Norm | None:
    """vergangene Woche, im nächsten Jahr, Ende des Monats, Wochenende."""
    unit = ctx.look("calendar_units", "unit")
    if unit is None:
        return None
    offset = _cue_offset(ctx)
    if unit == "D":  # "am folgenden Tag", "am selben Tag": relative to the story, not the anchor
        if offset < 0:
            return None  # "am letzten Tag vor den Ferien" is the last day of something, not yesterday
        return _day_norm(ctx, ctx.narrative_ref + dt.timedelta(days=offset))
    if unit == "WE":
        offset = _weekend_offset(ctx, offset)
    value = cal.calendar_unit_value(ctx.anchor, str(unit), offset)
    return Norm("DATE", value, ctx.mod()) if value else None


def _weekend_offset(ctx: Context, cue: int) -> int:
    """Which ISO week's weekend: from a weekday article the coming weekend is this week's and
    the last one (also a plain "am Wochenende" in a past-tense sentence) the previous week's;
    from a Saturday or Sunday article "this weekend" is the current one."""
    on_weekend = ctx.anchor.isoweekday() >= 6
    if cue < 0:
        return -1
    if cue > 0:
        return 1 if on_weekend else 0
    return -1 if not on_weekend and ctx.local_tense == "past" else 0


def relative_word(ctx: Context) -> Norm | None:
    """heuer, Vorjahr, Vormonat, Vorwoche."""
    for table, unit in (("relative_years", "Y"), ("relative_months", "M"), ("relative_weeks", "W")):
        offset = ctx.look(table, "word")
        if offset is not None:
            return Norm("DATE", cal.calendar_unit_value(ctx.anchor, unit, int(offset)), ctx.mod())
    return None


def _with_part(ctx: Context, day: dt.date) -> Norm:
    """A day, or a TIME on that day when the match names a part of the day (Abend -> TEV)."""
    part = ctx.group("part")
    code = ctx.lex.lookup("day_parts", part) if part else None
    if code:
        return Norm("TIME", f"{cal.iso_day(day)}T{code}", ctx.mod())
    return Norm("DATE", cal.iso_day(day), ctx.mod())


def deictic(ctx: Context) -> Norm | None:
    """gestern, heute, morgen (Abend), am gestrigen Montag."""
    offset = int(ctx.look("deictic_days", "deictic") or ctx.look("deictic_adjectives", "deictic") or 0)
    return _with_part(ctx, ctx.anchor + dt.timedelta(days=offset))


def weekday(ctx: Context) -> Norm | None:
    """(am) Donnerstag(abend): last such day before the anchor, or the next one in future-tense
    sentences or after kommend/nächst; vergangen/letzt force the past."""
    number = ctx.look("weekdays", "weekday")
    if number is None:
        return None
    cue = _cue_offset(ctx)
    direction = cue or (1 if ctx.local_tense == "future" else -1)
    return _with_part(ctx, cal.resolve_weekday(int(number), ctx.anchor, direction, strict=bool(cue)))


def daypart(ctx: Context) -> Norm | None:
    """am Abend, am frühen Morgen, in der Nacht auf Sonntag, in der Nacht des 14. August:
    part of the day named, else of the day last talked about."""
    number = ctx.look("weekdays", "weekday")
    if number is not None:
        day: dt.date | None = cal.resolve_weekday(int(number), ctx.anchor, 1 if ctx.local_tense == "future" else -1)
    elif ctx.group("day"):
        dated = day_month(ctx)
        day = cal.parse_day(dated.value) if dated else None
    else:
        day = ctx.sentence_day or ctx.narrative_ref
    if day is None:
        return None
    part = ctx.group("part") or ctx.group("part2")
    return Norm("TIME", f"{cal.iso_day(day)}T{ctx.lex.lookup('day_parts', part)}", ctx.mod())


def weekday_week(ctx: Context) -> Norm | None:
    """Montag vergangener Woche, am Freitag dieser Woche."""
    number = int(ctx.look("weekdays", "weekday"))
    return _with_part(ctx, cal.weekday_in_week(ctx.anchor, _cue_offset(ctx), number))


def holiday(ctx: Context) -> Norm | None:
    """Weihnachten, Ostern 2020, vergangenen Silvester: the holiday in the given year, the one
    before/after the anchor after vergangen/nächst, else the closest one."""
    code = str(ctx.look("holidays", "holiday"))
    year_text = ctx.group("year")
    if year_text:
        return _day_norm(ctx, cal.holiday_date(code, int(year_text)))
    years = range(ctx.anchor.year - 1, ctx.anchor.year + 2)
    dates = [d for y in years if (d := cal.holiday_date(code, y))]
    return _day_norm(ctx, cal.nearest_occurrence(dates, ctx.anchor, _cue_offset(ctx), ctx.tense))


def unit_edge(ctx: Context) -> Norm | None:
    """Jahresbeginn, Monatsende, Jahresende 2015: the unit with a START/MID/END mod."""
    unit, mod = ctx.look("unit_edges", "edge")
    year_text = ctx.group("year")
    value = year_text if year_text and unit == "Y" else cal.calendar_unit_value(ctx.anchor, unit, 0)
    return Norm("DATE", value, mod)


def narrative_day(ctx: Context) -> Norm | None:
    """Vortag, tags darauf, am Tag danach: one day from the last day mentioned."""
    offset = int(ctx.look("narrative_days", "word"))
    return _day_norm(ctx, ctx.narrative_ref + dt.timedelta(days=offset))


def _unit(ctx: Context) -> str | None:
    unit = ctx.look("units", "unit") or ctx.look("unit_plurals", "unit")
    return str(unit) if unit else None


def _shifted(ctx: Context, base: dt.date, sign: int, vague: str) -> Norm | None:
    """Date `num unit` before (sign -1) or after (+1) `base`; vague amounts give `vague`."""
    unit, amount = _unit(ctx), _number(ctx)
    if unit is None:
        return None
    if amount is None or amount == "X":
        return Norm("DATE", vague, ctx.mod())
    value = cal.shift(base, sign * float(amount), unit)
    if value is None:  # sub-day units or fractions: a time we cannot place
        return Norm("TIME" if unit in ("H", "MIN", "S") else "DATE",
                    UNRESOLVED + ("TXX:XX" if unit in ("H", "MIN", "S") else ""), ctx.mod())
    return Norm("DATE", value, ctx.mod())


def ago(ctx: Context) -> Norm | None:
    """vor zwei Wochen -> anchor minus 14 days; vor drei Jahren -> the year."""
    return _shifted(ctx, ctx.anchor, -1, "PAST_REF")


def in_future(ctx: Context) -> Norm | None:
    """in zwei Wochen -> anchor plus 14 days, when the sentence speaks of the future; otherwise
    "in einem Jahr" means "within a year", a duration."""
    if ctx.tense != "future":
        return duration(ctx)
    return _shifted(ctx, ctx.anchor, 1, "FUTURE_REF")


def narrative_shift(ctx: Context) -> Norm | None:
    """zwei Tage später, eine Woche zuvor: relative to the last day mentioned."""
    sign = int(ctx.look("narrative_cues", "cue"))
    return _shifted(ctx, ctx.narrative_ref, sign, UNRESOLVED)


def _format_amount(amount: float) -> str:
    return str(int(amount)) if amount == int(amount) else f"{amount:g}"


def duration(ctx: Context) -> Norm | None:
    """drei Jahre, etwa 50 Minuten, seit Monaten, in den vergangenen Tagen, eine halbe Stunde."""
    unit = _unit(ctx)
    if unit is None:
        return None
    if ctx.group("half"):
        amount: float | str | None = 0.5
    else:
        amount = _number(ctx) if ctx.group("num") else "X"
    if amount is None:
        return None
    return Norm("DURATION", _duration_value(amount, unit, ctx.lex), ctx.mod())


def _duration_value(amount: float | str, unit: str, lex: Lexicon) -> str:
    """ISO 8601 duration (decimals allowed, as in "PT1.5H"); decades and centuries become years."""
    time_part, letter, factor = lex.lookup("unit_iso", unit)
    if amount == "X":
        return f"P{time_part}X{letter}"
    return f"P{time_part}{_format_amount(float(amount) * factor)}{letter}"


def _time_value(hour: int, minute: int, day: dt.date | None) -> str | None:
    if hour > 24 or minute > 59:
        return None
    clock = f"T{hour:02d}:{minute:02d}"
    return f"{cal.iso_day(day)}{clock}" if day else clock


def _recurring(ctx: Context) -> bool:
    """A clock time after "jeweils", "täglich" ... recurs, so it gets no calendar day."""
    before = ctx.match.string[max(0, ctx.match.start() - 25): ctx.match.start()].lower()
    return _recurring_regex(tuple(ctx.lex.tables["recurring_cues"])).search(before) is not None


@lru_cache(maxsize=4)
def _recurring_regex(cues: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the cues as a whole word (found wherever one of them alone would be)."""
    return re.compile(r"\b(?:" + "|".join(re.escape(cue) for cue in cues) + r")\b")


def time(ctx: Context) -> Norm | None:
    """um 14 Uhr, 01:13 Uhr, 8 Uhr abends: on the day named in this or the previous sentence,
    else on the document date."""
    hour = int(ctx.group("hour"))
    minute = int(ctx.group("minute") or ctx.group("minute2") or 0)
    part = (ctx.group("part") or "").lower()
    if part in ("nachmittags", "abends", "nachts") and hour < 12:
        hour += 12 if not (part == "nachts" and hour < 5) else 0
    day = None if _recurring(ctx) else ctx.sentence_day or ctx.recent_day or ctx.anchor
    value = _time_value(hour, minute, day)
    return Norm("TIME", value, ctx.mod()) if value else None


def time_list(ctx: Context) -> list[tuple[int, int, Norm]] | None:
    """9.30/12.30 Uhr, von 10 bis 18 Uhr: two times on the day in context, like single times.
    A range after a list of days ("25. und 26. August von 10-18 Uhr") holds for each of them,
    so it gets no day."""
    is_range = ctx.group("sep").lower() in ("-", "–", "bis")
    if _recurring(ctx) or (is_range and ctx.sentence_day_count > 1):
        day = None
    else:
        day = ctx.sentence_day or ctx.recent_day or ctx.anchor
    first = _time_value(int(ctx.group("h1")), int(ctx.group("m1") or 0), day)
    last = _time_value(int(ctx.group("hour")), int(ctx.group("minute") or 0), day)
    if not first or not last:
        return None
    first_end = ctx.match.end("m1") if ctx.group("m1") else ctx.match.end("h1")
    return [(ctx.match.start("h1"), first_end, Norm("TIME", first)),
            (ctx.match.start("hour"), ctx.match.end(), Norm("TIME", last))]


def ref(ctx: Context) -> Norm | None:
    """jetzt, derzeit, kürzlich, in Zukunft."""
    return Norm("DATE", str(ctx.look("refs", "word")))


def fixed(ctx: Context) -> Norm | None:
    """Rules whose value is given in the data file ("in dieser Zeit" -> PRESENT_REF)."""
    return Norm(ctx.rule.type, ctx.rule.value)


def set_adverb(ctx: Context) -> Norm | None:
    """täglich, jährlich(en)."""
    return Norm("SET", str(ctx.look("set_adverbs", "word")))


def set_each(ctx: Context) -> Norm | None:
    """jeden Montag(abend), montags, jedes Jahr, alle zwei Wochen."""
    number = ctx.look("weekdays", "weekday") or ctx.look("weekday_adverbs", "weekday")
    if number is not None:
        value = f"XXXX-WXX-{number}"
        part = ctx.group("part")
        code = ctx.lex.lookup("day_parts", part) if part else None
        return Norm("SET", value + (f"T{code}" if code else ""))
    unit = ctx.group("unit")
    base = ctx.lex.lookup("set_units", _singular(unit)) if unit else None
    if base is None:
        return None
    amount = _number(ctx)
    if isinstance(amount, float) and str(base).startswith("P"):
        base = re.sub(r"\d+", _format_amount(amount), str(base), count=1)
    return Norm("SET", str(base))


def _singular(word: str) -> str:
    """Strip German plural/case endings until the word is a set unit (Wochen -> woche)."""
    key = word.lower()
    for cut in (0, 1, 2):
        candidate = key[: len(key) - cut] if cut else key
        if candidate in ("tag", "woche", "wochenende", "monat", "jahr", "stunde", "minute", "abend",
                         "morgen", "sommer", "winter", "frühjahr", "herbst"):
            return candidate
    return key


def set_freq(ctx: Context) -> Norm | None:
    """einmal im Monat, zweimal pro Woche, 400 Euro im Monat."""
    base = ctx.lex.lookup("set_units", _singular(ctx.group("unit")))
    return Norm("SET", str(base)) if base else None


NORMALISERS: dict[str, Normaliser] = {
    fn.__name__: fn
    for fn in (numeric_date, day_month, day_list, month, year, year_list, decade, century, season,
               half_quarter, relative, relative_word, deictic, weekday, daypart, weekday_week, holiday,
               unit_edge, narrative_day, ago,
               in_future, narrative_shift, duration, time, time_list, ref, fixed, set_adverb, set_each, set_freq)
}
