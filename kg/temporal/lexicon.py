"""Load the German temporal lexicon (kg/data/timex.json) and compile its rules.

The rules and word lists are data so that a newcomer adds a month alias, a unit or a cue word by
editing the JSON file; this module only turns `{NAME}` placeholders into regex alternations.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.errors import LexiconError

DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "timex.json"

# Placeholder name -> lexicon table whose keys form the alternation.
TABLE_PLACEHOLDERS = {
    "MONTH": ("months", "month_abbreviations"),
    "MONTHFULL": ("months",),
    "WEEKDAY": ("weekdays",),
    "WEEKDAYADV": ("weekday_adverbs",),
    "NUMBER": ("numbers",),
    "ORDINAL": ("ordinals",),
    "UNIT": ("units",),
    "UNITPL": ("unit_plurals",),
    "CALUNIT": ("calendar_units",),
    "SEASON": ("seasons",),
    "DAYPART": ("day_parts",),
    "DEICTIC": ("deictic_days",),
    "RELCUE": ("relative_cues",),
    "NARRCUE": ("narrative_cues",),
    "NARRDAY": ("narrative_days",),
    "RELYEAR": ("relative_years",),
    "RELMONTH": ("relative_months",),
    "RELWEEK": ("relative_weeks",),
    "REF": ("refs",),
    "DEICTADJ": ("deictic_adjectives",),
    "HOLIDAY": ("holidays",),
    "DECADEWORD": ("decade_words",),
    "UNITEDGE": ("unit_edges",),
    "SETADV": ("set_adverbs",),
    "SETUNIT": ("set_units",),
    "HALF": ("halves",),
    "YEARBLOCKAFTER": ("year_blockers_after",),
    "YEARBLOCKBEFORE": ("year_blockers_before",),
}
PLACEHOLDER = re.compile(r"\{([A-Z][A-Z0-9]*)(?::([a-z0-9_]+))?\}")


@dataclass(frozen=True)
class Rule:
    """One compiled extraction rule: a regex plus the name of its normaliser."""

    name: str
    type: str
    norm: str
    regex: re.Pattern[str]
    reject_before: re.Pattern[str] | None = None
    reject_after: re.Pattern[str] | None = None
    require_before: re.Pattern[str] | None = None
    capitalised: bool = False
    sentence_initial_if_capitalised: bool = False
    value: str = ""  # fixed TIMEX3 value for rules whose norm is "fixed"


@dataclass(frozen=True)
class Lexicon:
    """Word tables (lower-case keys) and compiled rules."""

    tables: dict[str, Any]
    rules: tuple[Rule, ...]
    future_cues: re.Pattern[str]  # words that put a sentence in the future (wird, soll, geplant)
    past_cues: re.Pattern[str]  # ... in the past (hatte, war, wurde, hat ... gemacht)

    def lookup(self, table: str, word: str) -> Any:
        """Value of `word` in `table`, matching case- and whitespace-insensitively."""
        return self.tables[table].get(normalise_key(word))


def fold(text: str) -> str:
    """Lower-case `text` without changing its length, so offsets stay valid."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := c.lower()) == 1 else c for c in text)


def normalise_key(word: str) -> str:
    """Lower-case and collapse inner whitespace, so "Tag  zuvor" finds "tag zuvor"."""
    return " ".join(word.lower().split())


def _alternation(words: list[str]) -> str:
    """Regex alternation of `words`, longest first, with flexible inner whitespace."""
    parts = [re.escape(w.lower()).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True)]
    return "(?:" + "|".join(parts) + ")"


def _fragments(data: dict[str, Any]) -> dict[str, str]:
    """Every placeholder's regex body (without group)."""
    frags = dict(data["fragments"])
    for name, tables in TABLE_PLACEHOLDERS.items():
        words: list[str] = []
        for table in tables:
            entries = data[table]
            words.extend(entries if isinstance(entries, list) else entries.keys())
        frags[name] = _alternation(words)
    frags["NUMBER"] = "(?:" + frags["DIGITS"] + "|" + frags["NUMBER"] + ")"
    return frags


def _expand(pattern: str, frags: dict[str, str], rule: str) -> str:
    def sub(m: re.Match[str]) -> str:
        name, group = m.group(1), m.group(2)
        if name not in frags:
            raise LexiconError(f"rule {rule!r} uses unknown placeholder {{{name}}}")
        body = frags[name]
        return f"(?P<{group}>{body})" if group else body

    return PLACEHOLDER.sub(sub, pattern)


def _compile(pattern: str, frags: dict[str, str], rule: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    source = _expand(pattern, frags, rule)
    try:
        return re.compile(source, flags)
    except re.error as exc:
        raise LexiconError(f"rule {rule!r} has a bad pattern: {exc}") from exc


def _rule(spec: dict[str, Any], frags: dict[str, str]) -> Rule:
    name = spec["name"]
    # Patterns may end in a dot ("18."), after which \w may legitimately follow, so the
    # right boundary only applies when the match ends in a word character. The main regex runs
    # on lower-cased text (see fold()), which is twice as fast as re.IGNORECASE.
    regex = _compile(r"(?<!\w)(?:" + spec["pattern"] + r")(?:(?<=\W)|(?!\w))", frags, name, 0)
    optional = {
        key: _compile(spec[key], frags, name) if key in spec else None
        for key in ("reject_before", "reject_after", "require_before")
    }
    return Rule(
        name=name,
        type=spec["type"],
        norm=spec["norm"],
        regex=regex,
        capitalised=bool(spec.get("capitalised", False)),
        sentence_initial_if_capitalised=bool(spec.get("sentence_initial_if_capitalised", False)),
        value=str(spec.get("value", "")),
        **optional,
    )


@lru_cache(maxsize=4)
def load_lexicon(path: Path = DATA_FILE) -> Lexicon:
    """Read and compile the lexicon once per process."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read temporal lexicon: {exc}") from exc
    try:
        return _build(data)
    except LexiconError as exc:
        raise LexiconError(f"{path}: {exc}") from exc
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise LexiconError(f"{path}: malformed temporal lexicon ({type(exc).__name__}: {exc})") from exc


def _build(data: dict[str, Any]) -> Lexicon:
    data["numbers"] = {**_compound_numbers(data), **data["numbers"]}
    frags = _fragments(data)
    rules = tuple(_rule(spec, frags) for spec in data["rules"])
    tables = {k: ({normalise_key(w): v for w, v in val.items()} if isinstance(val, dict) else val)
              for k, val in data.items() if k not in ("rules", "fragments", "_comment")}
    return Lexicon(tables=tables, rules=rules,
                   future_cues=_cue_regex(data["future_cues"]), past_cues=_cue_regex(data["past_cues"]))


def _compound_numbers(data: dict[str, Any]) -> dict[str, int]:
    """Number words 21-99 ("dreiundzwanzig") from their parts, so the file need not list them."""
    return {f"{one}und{ten}": value + ten_value
            for one, value in data["compound_ones"].items() for ten, ten_value in data["compound_tens"].items()}


def _cue_regex(words: list[str]) -> re.Pattern[str]:
    """Regex finding any of the tense cue words (which may themselves be regex stems)."""
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)
