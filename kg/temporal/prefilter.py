"""Where each rule can match, worked out from its compiled regex, so it is only tried there.

Running each of the ~70 rule regexes over the whole text costs a failed match attempt per
character and rule; that made tagging as slow as spaCy's whole pipeline. Instead every rule gets,
once, an *anchor*: an element of its pattern that every match contains, given as the short
literal strings a match of that element starts with ("woch", "2021", "jan" ...), the number of
whitespace runs that can lie between the start of a match and the element, and the characters
a match can start with. Per text, one regex pass finds where anchor strings begin; each rule is
then tried with an anchored `match` (which still sees the text before the position, so
lookbehinds behave as before) only at the positions that can start a match within that many
whitespace runs before one of its anchors. Every real match start is among them, so trying them
in order gives exactly what `finditer` over the whole text gives. A rule whose regex the analysis
cannot bound (none, today) keeps the full scan.

The analysis reads the parse tree of Python's own regex parser (`re._parser`, Python 3.11+).
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from re import _constants as C  # noqa: N812 (the regex parser's opcode names)
from re import _parser as sre_parse
from typing import Any

PREFIX_LEN = 4  # anchor strings are at most this long
MAX_STRINGS = 1000  # larger literal sets are not worth enumerating
MAX_RANGE = 64  # character ranges wider than this are not enumerated
INF = float("inf")
SPACE = re.compile(r"\s+")

Item = tuple[Any, Any]  # one node of the regex parse tree: (opcode, argument)
Strings = frozenset[tuple[str, bool]]  # (literal prefix, whether it is a whole match)
_MEMO: dict[tuple[str, Any, int], Any] = {}  # (function, opcode, node id) -> result, in one anchor() call
_LOCK = threading.Lock()  # guards _MEMO


@dataclass(frozen=True)
class Anchor:
    """A rule's anchor: in every match, one of `strings` starts after at most `before`
    whitespace runs; `first` are the characters a match can start with."""

    strings: frozenset[str]
    before: int
    first: frozenset[str]

    def positions(self, folded: str, spaces: _Spaces, anchors: list[int]) -> list[int]:
        """Ascending positions that can begin a match, given the rule's anchor positions: the
        possible starts at most `before` whitespace runs before an anchor."""
        chosen: list[int] = []
        done = 0  # positions below this were considered already
        finditer, runs_back = _starts_regex(self.first).finditer, self.before + 1
        for pos in anchors:
            if not self.before and (pos == 0 or folded[pos - 1].isspace()):
                if pos >= done and folded[pos] in self.first:  # the usual case, in short
                    chosen.append(pos)
            else:
                ends = spaces.ends
                runs = bisect_right(ends, pos) - runs_back
                low = ends[runs] if runs >= 0 else 0
                for start in finditer(folded, low if low > done else done, pos + 1):
                    chosen.append(start.start())
            done = pos + 1
        return chosen


class _Spaces:
    """Ends of a text's whitespace runs, found when first needed."""

    def __init__(self, folded: str) -> None:
        self.folded = folded

    @cached_property
    def ends(self) -> list[int]:
        """Ascending positions just after a run of whitespace."""
        return [m.end() for m in SPACE.finditer(self.folded)]


@lru_cache(maxsize=None)
def _starts_regex(first: frozenset[str]) -> re.Pattern[str]:
    """Positions not after a word character where one of `first` stands."""
    return re.compile(r"(?<!\w)[" + "".join(re.escape(c) for c in sorted(first)) + "]")


@lru_cache(maxsize=None)
def _char_kind(char: str) -> str:
    """"W" word character, "S" whitespace, "X" anything else (as the regex engine sees them)."""
    return "W" if re.fullmatch(r"\w", char) else "S" if re.fullmatch(r"\s", char) else "X"


def _class_chars(items: list[Item]) -> set[str] | None:
    """Characters of a character class, or None when it is negated or too large to list."""
    chars: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            chars.add(chr(av))
        elif op is C.RANGE and av[1] - av[0] <= MAX_RANGE:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None
    return chars


def _class_kind(items: list[Item]) -> str:
    """Kind (see _kind) of a character class."""
    chars = _class_chars(items)
    if chars is not None:
        kinds = {_char_kind(c) for c in chars}
        return kinds.pop() if len(kinds) == 1 else "X"
    if len(items) == 1 and items[0][0] is C.CATEGORY:
        return {C.CATEGORY_WORD: "W", C.CATEGORY_DIGIT: "W", C.CATEGORY_SPACE: "S"}.get(items[0][1], "X")
    return "X"


def _memoised(compute: Callable[[Item], Any], item: Item) -> Any:
    """`compute(item)`, once per parse-tree node within one anchor() call."""
    key = (compute.__name__, item[0], id(item[1]))
    if key not in _MEMO:
        _MEMO[key] = compute(item)
    return _MEMO[key]


def _kind(item: Item) -> str:
    """"Z" zero-width, "W" only word characters, "S" only whitespace, "X" anything else."""
    return _memoised(_kind_uncached, item)


def _kind_uncached(item: Item) -> str:
    op, av = item
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return "Z"
    if op is C.LITERAL:
        return _char_kind(chr(av))
    if op is C.IN:
        return _class_kind(av)
    if op is C.SUBPATTERN and not av[1] and not av[2]:
        return _seq_kind(av[3])
    if op is C.BRANCH:
        return _combine([_seq_kind(alt) for alt in av[1]])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        return _seq_kind(av[2])
    return "X"


def _combine(kinds: list[str]) -> str:
    """Kind of a sequence or alternation of elements of the given kinds."""
    real = set(kinds) - {"Z"}
    if not real:
        return "Z"
    return real.pop() if len(real) == 1 else "X"


def _seq_kind(items: list[Item]) -> str:
    """Kind (see _kind) of a sequence."""
    return _combine([_kind(item) for item in items])


def _gaps(items: list[Item]) -> float:
    """Upper bound on the whitespace runs any match of the sequence touches."""
    return sum(_item_gaps(item) for item in items)


def _item_gaps(item: Item) -> float:
    """Upper bound on the whitespace runs a match of one element touches (inf: unbounded)."""
    op, av = item
    kind = _kind(item)
    if kind in ("Z", "W"):
        return 0
    if kind == "S":  # contiguous whitespace lies in one run
        return 1
    if op is C.LITERAL:
        return 0
    if op is C.IN:
        chars = _class_chars(av)
        return 1 if chars is None or any(c.isspace() for c in chars) else 0
    if op in (C.NOT_LITERAL, C.ANY):
        return 1
    if op is C.SUBPATTERN and not av[1] and not av[2]:
        return _gaps(av[3])
    if op is C.BRANCH:
        return max(_gaps(alt) for alt in av[1])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        low, high, sub = av
        per = _gaps(sub)
        return 0 if per == 0 else INF if high == C.MAXREPEAT else high * per
    return INF


def _join(heads: Strings, tails: Strings) -> Strings:
    """Every head that is a whole match followed by every tail (cut to PREFIX_LEN)."""
    out = {(head[:PREFIX_LEN], False) for head, whole in heads if not whole or len(head) >= PREFIX_LEN}
    open_heads = [head for head, whole in heads if whole and len(head) < PREFIX_LEN]
    if len(open_heads) * len(tails) > 4 * MAX_STRINGS:
        return _cap(frozenset(out) | _stop(frozenset((head, True) for head in open_heads)))
    for head in open_heads:
        for tail, tail_whole in tails:
            text = head + tail
            out.add((text[:PREFIX_LEN], tail_whole and len(text) < PREFIX_LEN))
    return _cap(frozenset(out))


def _cap(strings: Strings) -> Strings:
    """At most MAX_STRINGS strings: cut them shorter until they fit (shorter prefixes still hold)."""
    length = PREFIX_LEN
    while len(strings) > MAX_STRINGS and length > 1:
        length -= 1
        strings = frozenset((text, whole) if len(text) <= length else (text[:length], False)
                            for text, whole in strings)
    return strings if len(strings) <= MAX_STRINGS else UNKNOWN


def _stop(strings: Strings) -> Strings:
    """The same prefixes, no longer to be extended (what follows them is not enumerated)."""
    return frozenset((text, False) for text, _ in strings)


UNKNOWN: Strings = frozenset({("", False)})
EMPTY: Strings = frozenset({("", True)})


def _suffix_prefixes(items: list[Item]) -> list[Strings]:
    """For every i, the literal strings every match of items[i:] starts with (cut to
    PREFIX_LEN), each flagged when it is a complete match; the last entry is for the empty tail."""
    result = [EMPTY]
    for item in reversed(items):
        result.append(_join(_item_prefixes(item), result[-1]))
    return result[::-1]


def _prefixes(items: list[Item]) -> Strings:
    """The literal strings every match of the sequence starts with (see _suffix_prefixes)."""
    result = EMPTY
    for item in items:
        if _closed(result):
            break  # nothing left to extend
        if item[0] is C.LITERAL and len(result) == 1:  # the common case: a word, letter by letter
            ((text, whole),) = result
            result = frozenset({(text + chr(item[1]), True)})
            continue
        result = _join(result, _item_prefixes(item))
    return _cap(frozenset((text[:PREFIX_LEN], whole and len(text) < PREFIX_LEN) for text, whole in result))


def _item_prefixes(item: Item) -> Strings:
    """Literal prefixes of one element's matches (see _suffix_prefixes)."""
    return _memoised(_item_prefixes_uncached, item)


def _item_prefixes_uncached(item: Item) -> Strings:
    op, av = item
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return EMPTY
    if op is C.LITERAL:
        return frozenset({(chr(av), True)})
    if op is C.IN:
        chars = _class_chars(av)
        return UNKNOWN if chars is None else frozenset((c, True) for c in chars)
    if op is C.SUBPATTERN and not av[1] and not av[2]:
        return _prefixes(av[3])
    if op is C.BRANCH:
        out: set[tuple[str, bool]] = set()
        for alt in av[1]:
            out.update(_prefixes(alt))
        return _cap(frozenset(out))
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        return _repeat_prefixes(*av)
    return UNKNOWN


def _repeat_prefixes(low: int, high: int, sub: list[Item]) -> Strings:
    """Prefixes of `low` to `high` repetitions of `sub`, unrolled until they are PREFIX_LEN long."""
    once = _prefixes(sub)
    if ("", True) in once:  # the body can match empty: do not unroll
        return UNKNOWN if low else EMPTY | UNKNOWN
    out: set[tuple[str, bool]] = set(EMPTY) if low == 0 else set()
    current, count = EMPTY, 0
    while count < high:  # each round adds a character, so this ends after PREFIX_LEN rounds
        current, count = _join(current, once), count + 1
        if _closed(current):  # more rounds would start the same way
            out.update(current)
            break
        if count >= low:
            out.update(current)
    return _cap(frozenset(out))


def _closed(strings: Strings) -> bool:
    """Whether no string can be extended any more."""
    return all(not whole or len(text) >= PREFIX_LEN for text, whole in strings)


def _after_space(items: list[Item], at_start: bool) -> bool:
    """Whether every match of the sequence ends in whitespace (an empty one counts when the
    sequence begins the rule, whose matches start at token starts)."""
    items = [item for item in items if _kind(item) != "Z"]
    if not items:
        return at_start
    (op, av), rest = items[-1], items[:-1]
    if op in (C.LITERAL, C.IN):
        return _kind((op, av)) == "S"
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        low, _, sub = av
        if sub.getwidth()[0] == 0 or not _after_space(list(sub), False):
            return False
        return low >= 1 or _after_space(rest, at_start)
    if op is C.SUBPATTERN and not av[1] and not av[2]:
        return _after_space(rest + list(av[3]), at_start)
    if op is C.BRANCH:
        return all(_after_space(rest + list(alt), at_start) for alt in av[1])
    return False


def _flatten(items: list[Item]) -> list[Item]:
    """Inline groups without flags: their elements belong to the enclosing sequence."""
    out: list[Item] = []
    for op, av in items:
        if op is C.SUBPATTERN and not av[1] and not av[2]:
            out.extend(_flatten(list(av[3])))
        else:
            out.append((op, av))
    return out


def _not_after_word(item: Item) -> bool:
    """Whether the element is (?<!\\w)."""
    op, av = item
    return op is C.ASSERT_NOT and av[0] == -1 and list(av[1]) == [(C.IN, [(C.CATEGORY, C.CATEGORY_WORD)])]


def anchor(regex: re.Pattern[str]) -> Anchor | None:
    """The most selective anchor of a rule regex (which must start with (?<!\\w) and run on
    lower-cased text), or None when no element can serve."""
    if regex.flags & re.IGNORECASE:
        return None
    parsed = sre_parse.parse(regex.pattern, regex.flags)
    with _LOCK:
        try:
            return _anchor(parsed)
        finally:
            _MEMO.clear()


def _anchor(parsed: sre_parse.SubPattern) -> Anchor | None:
    """Try every element that starts at a token start; keep the one with the longest, then
    fewest strings, then the fewest whitespace runs before it."""
    if parsed.getwidth()[0] == 0:  # finditer's rules for empty matches are not reproduced
        return None
    items = _flatten(list(parsed.data))
    if not items or not _not_after_word(items[0]):
        return None
    suffixes = _suffix_prefixes(items)
    first = frozenset(text[:1] for text, _ in suffixes[0])
    if "" in first or any(_char_kind(c) == "S" for c in first):
        return None
    best: tuple[tuple[int, int, float], Anchor] | None = None
    for index in range(1, len(items)):
        if _kind(items[index]) == "Z" or not _after_space(items[1:index], True):
            continue
        before = _gaps(items[:index])
        strings = {text for text, _ in suffixes[index]}
        if before == INF or "" in strings or any(_char_kind(s[0]) == "S" for s in strings):
            continue
        score = (min(len(s) for s in strings), -len(strings), -before)
        if best is None or score > best[0]:
            best = (score, Anchor(frozenset(strings), int(before), first))
    return best[1] if best else None


def trie_source(strings: set[str]) -> str:
    """Regex source matching the longest of `strings` at a position (as a trie: one pass)."""
    root: dict[str, dict] = {}
    for text in strings:
        node = root
        for char in text:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        kids = [re.escape(char) + emit(sub) for char, sub in sorted(node.items()) if char]
        if "" in node:
            kids.append("")
        return kids[0] if len(kids) == 1 else "(?:" + "|".join(kids) + ")"

    return emit(root)


@dataclass(frozen=True)
class Prefilter:
    """Anchors of all rules, compiled for the per-text pass. Rules with equal anchors (the
    weekday rules, the Anfang/Mitte/Ende rules ...) share one group and one computation."""

    groups: tuple[Anchor, ...]  # distinct anchors
    group_of: tuple[int | None, ...]  # per rule: index into groups, None for a full scan
    finder: re.Pattern[str]  # a non-word character and the longest anchor string right after it
    at_start: re.Pattern[str]  # the longest anchor string at the start of the text
    groups_of: dict[str, tuple[int, ...]]  # anchor string -> groups anchored by it or a prefix of it

    @classmethod
    def build(cls, regexes: list[re.Pattern[str]]) -> Prefilter:
        anchors = [anchor(rx) for rx in regexes]
        groups = tuple(dict.fromkeys(a for a in anchors if a))
        index = {a: i for i, a in enumerate(groups)}
        by_string: dict[str, set[int]] = {}
        for group, anchor_ in enumerate(groups):
            for text in anchor_.strings:
                by_string.setdefault(text, set()).add(group)
        groups_of = {text: tuple(sorted(set().union(*(by_string.get(text[:n], ()) for n in range(1, len(text) + 1)))))
                     for text in by_string}
        trie = "(?=(" + trie_source(set(by_string)) + "))"
        # Positions not after a word character, found as the character before them (so the
        # regex engine skips ahead over word characters), plus the start of the text.
        return cls(groups, tuple(index[a] if a else None for a in anchors), re.compile(r"\W" + trie),
                   re.compile(trie), groups_of)

    def candidates(self, folded: str) -> list[list[int] | None]:
        """Per rule, the ascending positions where a match may start (None: scan everything)."""
        hits: list[list[int]] = [[] for _ in self.groups]  # anchor positions of each group
        groups_of = self.groups_of
        first = self.at_start.match(folded)
        for found in ([first] if first else []) + list(self.finder.finditer(folded)):
            for group in groups_of[found.group(1)]:
                hits[group].append(found.start(1))
        spaces = _Spaces(folded)
        positions = [a.positions(folded, spaces, found) if found else []
                     for a, found in zip(self.groups, hits)]
        return [None if group is None else positions[group] for group in self.group_of]
