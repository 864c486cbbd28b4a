"""German temporal expression tagging and TIMEX3 normalisation (pure Python, no spaCy).

    >>> import datetime as dt
    >>> [t.value for t in extract("Am 10. Januar trafen sie sich, zwei Tage später erneut.", dt.date(2021, 12, 20))]
    ['2022-01-10', '2022-01-12']

Rules and word lists live in kg/data/timex.json; see docs/temporal.md for the supported forms.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from kg.temporal import calendar as cal
from kg.temporal.context import Context
from kg.temporal.lexicon import DATA_FILE, Lexicon, LexiconError, Rule, fold, load_lexicon
from kg.temporal.normalise import NORMALISERS
from kg.temporal.prefilter import Prefilter

__all__ = ["Timex", "extract", "weekday_forward"]

# Sentence ends: . ! ? followed by space and an upper-case start, but not after a digit
# (ordinals: "10. Januar") or a one-letter abbreviation; line breaks always end a sentence.
# The ending character comes first, so the regex engine can skip ahead to candidates.
APPOSITION = re.compile(r"\s*\(\s*")  # "morgen (Mittwoch)": the bracket repeats the day
SENTENCE_END = re.compile(r"[.!?:\n](?:(?<=\n)|(?<![0-9].)(?<!\b[A-Za-z].)[\"“”»«']?\s+(?=[\"„“»«(]?[A-ZÄÖÜ0-9]))")
WINDOW = 60  # characters of context the reject/require patterns see
LOCAL = 40  # characters either side whose tense cues decide a weekday's direction


@dataclass(frozen=True)
class Timex:
    """One temporal expression: character span in the text, TIMEX3 type, value and mod."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str = ""


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    priority: int
    rule: Rule
    match: re.Match[str]


def _sentence_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in SENTENCE_END.finditer(text)]


def _accepts(rule: Rule, text: str, match: re.Match[str], starts: list[int]) -> bool:
    """Context checks a rule's regex cannot express on its own (see the rule's data entry)."""
    start, end = match.span()
    before, after = text[max(0, start - WINDOW):start], text[end:end + WINDOW]
    if rule.reject_before and rule.reject_before.search(before):
        return False
    if rule.reject_after and rule.reject_after.search(after):
        return False
    if rule.require_before and not rule.require_before.search(before):
        return False
    if rule.capitalised and not text[start].isupper():
        return False
    if rule.sentence_initial_if_capitalised and text[start].isupper():
        # "Morgen" capitalised is "tomorrow" only at a sentence start ("am Morgen" is the morning).
        return _is_start(starts, start) or not before.strip() or before.rstrip()[-1] in ".!?:\"„“»«("
    return True


def _is_start(starts: list[int], pos: int) -> bool:
    """Whether a sentence starts at `pos` (`starts` is ascending)."""
    index = bisect.bisect_left(starts, pos)
    return index < len(starts) and starts[index] == pos


def _matches(regex: re.Pattern[str], folded: str, where: list[int] | None) -> Iterator[re.Match[str]]:
    """What regex.finditer(folded) yields, trying only the positions in `where` (ascending, a
    superset of the match starts; None: all)."""
    if where is None:
        yield from regex.finditer(folded)
        return
    end = 0
    for pos in where:
        if pos >= end and (match := regex.match(folded, pos)):
            yield match
            end = match.end()


def _candidates(text: str, lex: Lexicon, starts: list[int]) -> list[_Candidate]:
    found = []
    folded = fold(text)
    positions = _prefilter().candidates(folded)
    for priority, (rule, where) in enumerate(zip(lex.rules, positions)):
        for match in _matches(rule.regex, folded, where):
            if match.end() > match.start() and _accepts(rule, text, match, starts):
                found.append(_Candidate(match.start(), match.end(), priority, rule, match))
    return found


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Longest match wins; among equal lengths the earlier rule in the data file."""
    chosen: list[_Candidate] = []
    starts: list[int] = []  # spans taken so far: disjoint, so sorted by start and by end alike
    ends: list[int] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.priority, c.start)):
        index = bisect.bisect_left(starts, cand.end)  # spans before `index` start before cand ends
        if index == 0 or ends[index - 1] <= cand.start:
            chosen.append(cand)
            starts.insert(index, cand.start)
            ends.insert(index, cand.end)
    return sorted(chosen, key=lambda c: c.start)


@dataclass
class _Story:
    """Days mentioned so far, which story-relative expressions and clock times refer to."""

    anchor: dt.date
    last: tuple[int, dt.date] | None = None  # (sentence index, day) of the latest day named
    sentence: int = -1  # index of the sentence `days` belongs to
    days: list[dt.date] = field(default_factory=list)  # days named so far in that sentence
    tenses: dict[tuple[int, int], cal.Tense] = field(default_factory=dict)  # per span of the text

    def context(self, lex: Lexicon, cand: _Candidate, text: str, starts: list[int]) -> Context:
        index = bisect.bisect_right(starts, cand.start) - 1
        begin, end = starts[index], starts[index + 1] if index + 1 < len(starts) else len(text)
        here = self.days if self.sentence == index else []
        return Context(
            lex=lex,
            rule=cand.rule,
            match=cand.match,
            anchor=self.anchor,
            narrative_ref=self.last[1] if self.last else self.anchor,
            sentence_day=here[-1] if here else None,
            sentence_day_count=len(here),
            recent_day=self.last[1] if self.last and self.last[0] >= index - 1 else None,
            text=text,
            sentence=(begin, end),
            around=(max(begin, cand.start - LOCAL), min(end, cand.end + LOCAL)),
            tenses=self.tenses,
        )

    def mention(self, sentence: int, day: dt.date) -> None:
        self.last = (sentence, day)
        if self.sentence == sentence:
            self.days.append(day)
        else:
            self.days = [day]
        self.sentence = sentence


def _normalise(text: str, anchor: dt.date, lex: Lexicon, starts: list[int],
               chosen: list[_Candidate]) -> tuple[list[Timex], list[_Candidate]]:
    """Timexes of the chosen candidates in text order, and the candidates no normaliser accepted."""
    story = _Story(anchor)
    result, failed = [], []
    for cand in chosen:
        outcome = NORMALISERS[cand.rule.norm](story.context(lex, cand, text, starts))
        if outcome is None:
            failed.append(cand)
            continue
        parts = outcome if isinstance(outcome, list) else [(cand.start, cand.end, outcome)]
        for start, end, norm in parts:
            result.append(Timex(start, end, text[start:end], norm.type, norm.value, norm.mod))
            day = cal.parse_day(norm.value) if norm.type == "DATE" else None
            if day:
                story.mention(bisect.bisect_right(starts, start) - 1, day)
    return result, failed


@lru_cache(maxsize=1)
def _lexicon() -> Lexicon:
    """The lexicon, checked once that every rule names an existing normaliser."""
    lex = load_lexicon()
    unknown = sorted({rule.norm for rule in lex.rules} - NORMALISERS.keys())
    if unknown:
        raise LexiconError(f"{DATA_FILE}: unknown norm(s) {', '.join(unknown)} (see kg/temporal/normalise.py)")
    return lex


@lru_cache(maxsize=1)
def _prefilter() -> Prefilter:
    """Anchors of the lexicon's rules (see kg/temporal/prefilter.py)."""
    return Prefilter.build([rule.regex for rule in _lexicon().rules])


def extract(text: str, anchor: dt.date) -> list[Timex]:
    """All temporal expressions in `text`, normalised against the document date `anchor`.

    Expressions relative to the story ("zwei Tage später", "am Tag danach") resolve against the
    last day-precision DATE found earlier in the text, or the anchor when there is none.
    """
    lex = _lexicon()
    starts = _sentence_starts(text)
    candidates = _candidates(text, lex, starts)
    while True:
        result, failed = _normalise(text, anchor, lex, starts, _select(candidates))
        if not failed:
            return _appositions(text, result)
        # A match no normaliser accepts (31. Februar) must not hide shorter ones inside it.
        dropped = {id(c) for c in failed}
        candidates = [c for c in candidates if id(c) not in dropped]


def _appositions(text: str, found: list[Timex]) -> list[Timex]:
    """A weekday in brackets after a day names that day ("für morgen (Mittwoch)"): it takes the
    day's date when the weekdays agree, instead of reading the weekday on its own."""
    out = list(found)
    for i in range(1, len(out)):
        before, tx = out[i - 1], out[i]
        day, own = cal.parse_day(before.value), cal.parse_day(tx.value)
        if day is None or own is None or day == own or not APPOSITION.fullmatch(text[before.end:tx.start]):
            continue
        if _weekday_number(tx) == day.isoweekday():
            out[i] = Timex(tx.start, tx.end, tx.text, tx.type, before.value, tx.mod)
    return out


def _weekday_number(tx: Timex) -> int | None:
    """The weekday a bare weekday expression names ("Mittwoch" -> 3), else None."""
    text = fold(tx.text)
    if not text.isalpha():
        return None
    return next((int(n) for name, n in _lexicon().tables["weekdays"].items() if text == name), None)


def weekday_forward(tx: Timex, anchor: dt.date) -> Timex | None:
    """A bare weekday ("Montag", "Freitagabend") read forward from the anchor, for a clause whose
    verb is in the present or future tense ("Am Montag trifft sich der Rat" in a Friday article);
    the cue words `extract` reads cannot tell present from past. None for any other expression."""
    text = fold(tx.text)
    day = cal.parse_day(tx.value[:10])
    number = next((n for name, n in _lexicon().tables["weekdays"].items() if text.startswith(name)), None)
    if day is None or number != day.isoweekday() or not text.isalpha():
        return None  # "vergangenen Montag", "am 3. Mai": the expression says its direction
    ahead = cal.resolve_weekday(int(number), anchor, 1)
    return Timex(tx.start, tx.end, tx.text, tx.type, cal.iso_day(ahead) + tx.value[10:], tx.mod)
