"""One article as the event extractor's jobs read it: which tokens belong to an entity mention or a
date, which are titles before a name or inside a quotation, and the token tests every job needs."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span, Token

from kg import temporal
from kg.extract.entities import EntityIndex
from kg.extract.events.lexicon import EventLexicon
from kg.extract.text import doc_text
from kg.lexicon import lexicon

QUOTATION = re.compile(r"[„“\"»][^„“”\"»«\n]*[“”\"«]")
QUOTED_WORDS = 4  # a quotation this long is what a speaker said (a claim); a shorter one is a scare quote


class ArticleView:
    """Per-article state shared by the jobs: the tokens' entity mentions and timexes, and the lexicon.

    Entity mentions and timexes come as character offsets; the jobs walk tokens, so both are
    indexed by token here once."""

    def __init__(self, doc: Doc, index: EntityIndex, lex: EventLexicon, anchor: dt.date | None,
                 timexes: list[temporal.Timex]) -> None:
        self.doc, self.index, self.lex, self.anchor = doc, index, lex, anchor
        self.text = doc_text(doc)
        self.timexes = timexes
        self.sent_start = {t.i: sent.start for sent in doc.sents for t in sent}
        self.has_pos = doc.has_annotation("POS")
        self.mention_at: dict[int, tuple[int, int, str]] = {}  # token index -> (first, end token, key)
        self.partial: set[int] = set()  # tokens whose mention is only a compound's first part ("US-Dollar")
        self._index_mentions()
        self.name_end = {i: m[1] for i, m in self.mention_at.items()}  # token -> end of its mention
        self.timex_at: dict[int, temporal.Timex] = {}
        for tx in timexes:
            for t in self.span_of(tx) or []:
                self.timex_at[t.i] = tx
        self.modifiers = self._modifier_tokens()
        quotes = [(m.start(), m.end(), len(m[0].split())) for m in QUOTATION.finditer(self.text)]
        self.quoted = [(a, b) for a, b, n in quotes if n >= QUOTED_WORDS]
        starts = [t.idx for t in doc]
        self.in_quotes = {i for a, b, _ in quotes for i in range(bisect_right(starts, a), bisect_left(starts, b))}

    def _index_mentions(self) -> None:
        """Each token's mention; where mentions overlap, the longest."""
        for start, end, key in self.index.spans:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            if span.end_char != end:
                self.partial.add(span[-1].i)
            for t in span:
                current = self.mention_at.get(t.i)
                if current is None or current[1] - current[0] < len(span):
                    self.mention_at[t.i] = (span.start, span.end, key)

    def span_of(self, tx: temporal.Timex) -> Span | None:
        """The tokens of a timex."""
        return self.doc.char_span(tx.start, tx.end, alignment_mode="expand")

    # --- tokens ---------------------------------------------------------------------------

    def pos(self, t: Token) -> str:
        """The tagger's part of speech, or a guess from capitals and articles for an untagged Doc."""
        if self.has_pos:
            return t.pos_
        if t.is_punct:
            return "PUNCT"
        if t.lower_ in self.lex.cue("definite") or t.lower_ in self.lex.cue("indefinite"):
            return "DET"
        return "NOUN" if t.text[:1].isupper() else "X"

    def is_prep(self, t: Token) -> bool:
        """A preposition by the tagger, or one of the cue lists' prepositions for an untagged Doc."""
        if self.has_pos:
            return self.pos(t) == "ADP"
        cue = self.lex.cue
        return t.lower_ in cue("participant_preps") | cue("locative_preps") | cue("topic_preps") | cue("untagged_preps")

    def is_verbal(self, t: Token) -> bool:
        """A verb by the tagger, or a lower-case word the tagger took for an adjective that is not
        attributive: "Nach Angaben Uschakows vereinbarten Putin und Biden" (not "die vereinbarten …")."""
        if self.pos(t) in ("VERB", "AUX") and t.tag_ != "ADJA":
            return True
        prev = self.doc[t.i - 1] if t.i else None  # "Am Montag traf Scholz …", tagged ADJA, is a verb
        return (self.pos(t) in ("ADJ", "ADV", "X", "VERB", "AUX") and t.text[:1].islower() and prev is not None
                and self.pos(prev) not in ("DET", "ADP", "ADJ", "NUM", "PRON") and not prev.is_punct)

    def is_trigger_noun(self, t: Token) -> bool:
        """A capitalised word, no entity, that the lexicon knows as a trigger: it starts a phrase of its own."""
        return t.text[:1].isupper() and t.i not in self.mention_at and self.lex.noun(t.text) is not None

    def words(self, span: tuple[int, int]) -> list[str]:
        """The token range's words, lower case, for the cue lists (which are lower case)."""
        return [self.doc[i].lower_ for i in range(*span)]

    def cue_words(self, span: tuple[int, int]) -> list[str]:
        """The token range's words with quoted ones blanked: a motto ("„Freiheit statt Angst“")
        or a name in quotation marks is no cue of fear or plan."""
        return ["" if i in self.in_quotes else self.doc[i].lower_ for i in range(*span)]

    def tokens(self, span: tuple[int, int]) -> list[Token]:
        """The token range as a list (kg.extract.german reads it more than once)."""
        return [self.doc[i] for i in range(*span)]

    # --- titles ---------------------------------------------------------------------------

    def _modifier_tokens(self) -> set[int]:
        """Tokens of titles before a person ("US-Präsident", "russischen Staatschef", "Russland
        Staatschef", "Putins Berater"): the country or owner there is no participant of its own."""
        out: set[int] = set()
        for entity in self.index.entities:
            if entity.type != "Person":
                continue
            for m in entity.mentions:
                span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None and span.start > 0 and self._is_title(self.doc[span.start - 1]):
                    out |= self._title_tokens(span.start - 1)
        return out

    def _is_title(self, title: Token) -> bool:
        """A role noun, or any common noun in apposition ("Kremlchef Wladimir Putin", "Machthaber …")."""
        return bool(lexicon().role(title.text.rpartition("-")[2])) or (
            self.has_pos and title.pos_ == "NOUN" and title.i not in self.mention_at
            and title.text[:1].isupper() and not self.is_trigger_noun(title))

    def _title_tokens(self, j: int) -> set[int]:
        """The title at j and the adjectives and names before it."""
        out = {j}
        j -= 1
        while j >= 0 and (self.pos(self.doc[j]) == "ADJ" or j in self.mention_at):
            if j in self.mention_at:
                first = self.mention_at[j][0]
                out.update(range(first, j + 1))
                j = first - 1
            else:
                out.add(j)
                j -= 1
        return out

    # --- entities ---------------------------------------------------------------------------

    def is_place(self, key: str) -> bool:
        """The entity is a place or country: where an event happens, not who takes part."""
        e = self.index.by_key.get(key)
        return bool(e and e.type in ("Place", "Country"))


class Job:
    """One part of the extraction (triggers, status, dating, …), reading the article through its view."""

    def __init__(self, view: ArticleView) -> None:
        self.view = view
        self.doc = view.doc
        self.lex = view.lex
