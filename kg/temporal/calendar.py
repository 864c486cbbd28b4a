"""Calendar arithmetic behind TIMEX3 values: shifting by units, ISO weeks, year inference."""

from __future__ import annotations

import datetime as dt

Tense = str | None  # "past", "future" or None when the sentence gives no clear cue
NEAR_DAYS = 100  # a day/month within this distance of the anchor is placed by distance alone
NEAR_MONTHS = 3


def iso_day(day: dt.date) -> str:
    """TIMEX3 value of a calendar day."""
    return day.isoformat()


def iso_week(day: dt.date, offset: int = 0) -> str:
    """TIMEX3 value of the ISO week containing `day`, shifted by `offset` weeks."""
    year, week, _ = (day + dt.timedelta(weeks=offset)).isocalendar()
    return f"{year}-W{week:02d}"


def shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    """(year, month) `offset` months after the given month."""
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None for impossible ones like 31 February."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _pick(candidates: list[tuple[int, int]], tense: Tense, near: int) -> int:
    """From (distance to anchor, year) pairs choose the year: the closest one, but when that is
    more than `near` away the sentence tense may pick the nearest candidate on its side instead
    (a past-tense "im Dezember" in a July article is last December)."""
    closest = min(candidates, key=lambda c: (abs(c[0]), c[0] < 0))
    if abs(closest[0]) <= near:
        return closest[1]
    if tense == "past" and closest[0] > 0:
        before = [c for c in candidates if c[0] <= 0]
        return max(before)[1] if before else closest[1]
    if tense == "future" and closest[0] < 0:
        after = [c for c in candidates if c[0] >= 0]
        return min(after)[1] if after else closest[1]
    return closest[1]


def infer_year_for_day(day: int, month: int, anchor: dt.date, tense: Tense = None,
                       weekday: int | None = None) -> dt.date | None:
    """Place day/month without a year in the year that puts it closest to the anchor.

    A given weekday (1 = Monday) wins over distance when it fits exactly one candidate year.
    """
    dates = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := safe_date(y, month, day))]
    if not dates:
        return None
    if weekday is not None:
        fitting = [d for d in dates if d.isoweekday() == weekday]
        if len(fitting) == 1:
            return fitting[0]
    year = _pick([((d - anchor).days, d.year) for d in dates], tense, NEAR_DAYS)
    return safe_date(year, month, day)


def infer_year_for_month(month: int, anchor: dt.date, tense: Tense = None) -> int:
    """Year that puts `month` closest to the anchor's month (tense breaks long-distance cases)."""
    candidates = [((y - anchor.year) * 12 + month - anchor.month, y)
                  for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    return _pick(candidates, tense, NEAR_MONTHS)


def resolve_weekday(weekday: int, anchor: dt.date, direction: int, strict: bool = False) -> dt.date:
    """The weekday nearest the anchor in `direction` (-1 past, +1 future).

    The anchor's own weekday resolves to the anchor itself, as news mentions of "Montag" in a
    Monday article usually mean that day, unless `strict` ("vergangenen Montag": a week ago).
    """
    delta = weekday - anchor.isoweekday()
    if strict and delta == 0:
        delta = 7 * direction
    if direction < 0 and delta > 0:
        delta -= 7
    elif direction > 0 and delta < 0:
        delta += 7
    return anchor + dt.timedelta(days=delta)


def shift(anchor: dt.date, amount: float, unit: str) -> str | None:
    """TIMEX3 value of `anchor` shifted by `amount` units, at the unit's natural precision.

    Days and weeks give a day ("vor zwei Wochen" -> anchor - 14 days), months a month,
    years a year, decades a year. Sub-day units have no date precision and give None.
    """
    if amount != int(amount):  # "vor zweieinhalb Jahren": count in the next smaller unit
        finer = {"Y": ("M", 12), "W": ("D", 7), "DE": ("Y", 10)}.get(unit)
        if finer is None or not (amount * finer[1]).is_integer():
            return None
        return shift(anchor, amount * finer[1], finer[0])
    whole = int(amount)
    try:
        if unit == "D":
            return iso_day(anchor + dt.timedelta(days=whole))
        if unit == "W":
            return iso_day(anchor + dt.timedelta(weeks=whole))
    except OverflowError:  # beyond year 1 or 9999
        return None
    if unit == "M":
        year, month = shift_month(anchor.year, anchor.month, whole)
        return month_value(year, month) if 1 <= year <= 9999 else None
    years = {"Y": 1, "DE": 10, "CE": 100}.get(unit)
    if years is None or not 1 <= anchor.year + years * whole <= 9999:
        return None  # sub-day units, or prehistory ("vor 12.500 Jahren")
    return f"{anchor.year + years * whole:04d}"


def calendar_unit_value(anchor: dt.date, unit: str, offset: int) -> str | None:
    """TIMEX3 value of the calendar unit containing the anchor, shifted by `offset` units."""
    if unit == "D":
        return iso_day(anchor + dt.timedelta(days=offset))
    if unit == "W":
        return iso_week(anchor, offset)
    if unit == "WE":
        return iso_week(anchor, offset) + "-WE"
    if unit == "M":
        return month_value(*shift_month(anchor.year, anchor.month, offset))
    if unit in ("Q", "H"):
        per_year = 4 if unit == "Q" else 2
        index = anchor.year * per_year + (anchor.month - 1) * per_year // 12 + offset
        return f"{index // per_year:04d}-{unit}{index % per_year + 1}"
    if unit == "Y":
        return f"{anchor.year + offset:04d}"
    if unit == "DE":
        return f"{anchor.year // 10 + offset:03d}"
    if unit == "CE":
        return f"{anchor.year // 100 + offset:02d}"
    return None


def parse_day(value: str) -> dt.date | None:
    """The date of a day-precision TIMEX3 value (YYYY-MM-DD), else None."""
    if len(value) != 10 or value[4] != "-" or value[7] != "-":
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def easter_sunday(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm), for the movable feasts."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the algorithm's own name)
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def holiday_date(code: str, year: int) -> dt.date | None:
    """Date of a holiday given as "MM-DD" or as an offset from Easter Sunday ("E+49")."""
    if code.startswith("E"):
        return easter_sunday(year) + dt.timedelta(days=int(code[1:]))
    return safe_date(year, int(code[:2]), int(code[3:]))


def nearest_occurrence(dates: list[dt.date], anchor: dt.date, direction: int, tense: Tense) -> dt.date:
    """Pick among yearly occurrences: strictly before/after the anchor for direction -1/+1,
    otherwise the closest one (tense decides far-off cases, as for plain day dates)."""
    if direction < 0:
        return max(d for d in dates if d < anchor)
    if direction > 0:
        return min(d for d in dates if d > anchor)
    year = _pick([((d - anchor).days, d.year) for d in dates], tense, NEAR_DAYS)
    return next(d for d in dates if d.year == year)


def weekday_in_week(anchor: dt.date, week_offset: int, weekday: int) -> dt.date:
    """The given weekday (1 = Monday) of the ISO week `week_offset` weeks from the anchor's."""
    monday = anchor - dt.timedelta(days=anchor.isoweekday() - 1)
    return monday + dt.timedelta(weeks=week_offset, days=weekday - 1)
