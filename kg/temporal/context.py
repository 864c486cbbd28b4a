"""What every normaliser gets and gives: the match with its `Context` (lexicon, anchor, the days
mentioned so far, the sentence's tense) in, a `Norm` out. Kept apart from the normalisers so
that they, and the extractor that builds the contexts, share one definition.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from kg.temporal import calendar as cal
from kg.temporal.lexicon import Lexicon, Rule


@dataclass(frozen=True)
class Norm:
    """Normalised type, value and TimeML mod ("" when none) of one expression."""

    type: str
    value: str
    mod: str = ""


@dataclass(frozen=True)
class Context:
    """What a normaliser may look at besides the match itself."""

    lex: Lexicon
    rule: Rule
    match: re.Match[str]
    anchor: dt.date
    narrative_ref: dt.date  # last day-precision DATE earlier in the text, else the anchor
    sentence_day: dt.date | None  # last day-precision DATE earlier in the same sentence
    sentence_day_count: int  # how many day-precision DATEs precede in the same sentence
    recent_day: dt.date | None  # last day-precision DATE in this or the previous sentence
    text: str  # the whole text
    sentence: tuple[int, int]  # span of the match's sentence
    around: tuple[int, int]  # span of the few words around the match, within the sentence
    tenses: dict[tuple[int, int], cal.Tense]  # tenses of spans worked out so far in this text

    @cached_property
    def tense(self) -> cal.Tense:
        """Tense of the whole sentence (worked out only for the normalisers that ask)."""
        return tense(self.text, self.sentence, self.lex, self.tenses)

    @cached_property
    def local_tense(self) -> cal.Tense:
        """Tense of the words around the match (weekdays are decided by these)."""
        return tense(self.text, self.around, self.lex, self.tenses)

    def group(self, name: str) -> str | None:
        """The named group's text, or None when the rule has no such group or it did not match."""
        try:
            return self.match.group(name)
        except IndexError:
            return None

    def look(self, table: str, name: str) -> object:
        """Lexicon value of the text of group `name`."""
        text = self.group(name)
        return None if text is None else self.lex.lookup(table, text)

    def mod(self) -> str:
        """TimeML mod from a "mod" (Anfang/Mitte/Ende) or "approx" (etwa/rund) group."""
        for name in ("mod", "approx"):
            text = self.group(name)
            if text:
                return str(self.lex.lookup("mods", text) or "")
        return ""


def tense(text: str, span: tuple[int, int], lex: Lexicon, memo: dict[tuple[int, int], cal.Tense]) -> cal.Tense:
    """'future' or 'past' when text[span] has cue words of only one kind, else None (kept in
    `memo`, as every expression of a sentence asks for the sentence's tense)."""
    if span not in memo:
        memo[span] = _tense(text[span[0]:span[1]], lex)
    return memo[span]


def _tense(text: str, lex: Lexicon) -> cal.Tense:
    """Tense of `text` by its cue words (see tense)."""
    future = lex.future_cues.search(text) is not None
    past = lex.past_cues.search(text) is not None
    if future != past:
        return "future" if future else "past"
    return None


# A rule's normaliser: one Norm, several (start, end, Norm) parts for a multi-rule, or None
# to drop the match.
Normaliser = Callable[[Context], "Norm | list[tuple[int, int, Norm]] | None"]
