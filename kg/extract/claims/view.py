"""One article as the claim jobs read it (its Doc, sentences, entities, quotations, headings), and the
base of the jobs."""

from __future__ import annotations

from spacy.tokens import Doc, Span as SpacySpan

from kg.extract.claims.lexicon import Lexicon, text_matches
from kg.extract.claims.model import Draft
from kg.extract.claims.quotes import find_quotes, Quote
from kg.extract.entities import EntityIndex
from kg.extract.german import is_finite_verb, is_heading_line
from kg.extract.text import doc_text, SentenceIndex
from kg.model import Event


class ArticleView:
    """One article as the claim rules read it: its Doc, sentences, entities and events, the quotations
    and headings found once, and the claims of earlier sentences."""

    def __init__(self, lex: Lexicon, doc: Doc, sents: SentenceIndex, entities: EntityIndex,
                 events: list[Event]) -> None:
        self.lex, self.doc, self.sents, self.index, self.events = lex, doc, sents, entities, events
        self.text = doc_text(doc)
        self.words = lex.words
        self.parsed = doc.has_annotation("DEP")
        self.quotes = find_quotes(self.text, self.words["quote_pairs"])
        self.in_quote = set()
        for q in self.quotes:
            self.in_quote.update(range(q.start, q.end))
        self.spoken = [q for q in self.quotes if self._spoken(q)]  # not names: „Shenzhou 6“, „Financial Times“
        self.spans: list[SpacySpan] = []  # sentence index -> spaCy span (trimmed like SentenceIndex)
        for s in sents.sentences:
            span = doc.char_span(s.start, s.end, alignment_mode="expand")
            self.spans.append(span)
        self.headings = {s.index for s in sents.sentences if is_heading_line(self.text, s.start, s.end)}
        self.done: list[Draft] = []
        self.names: dict[str, str] = {}  # a person's surname or an actor's name -> entity key
        for e in entities.entities:
            if e.type == "Place" or e.anonymous:
                continue
            for name in {e.label, *(m.text for m in e.mentions)}:
                self.names.setdefault(name, e.key)
                if e.type == "Person" and " " in name:
                    self.names.setdefault(name.split()[-1], e.key)

    def _spoken(self, q: Quote) -> bool:
        """Quotation marks around words someone said, not around a name or title."""
        words = [t for t in self.doc.char_span(*q.inner, alignment_mode="expand") or [] if not t.is_punct]
        if not words or self.text[q.end : q.end + 1].isalnum() or self.text[q.end : q.end + 1] == "-":
            return False  # "die „Bild“-Zeitung": part of a compound
        named = any(e.start_char <= words[0].idx and words[-1].idx + len(words[-1]) <= e.end_char
                    for e in self.doc.ents)
        # "Forte Village", "Gesuchte Kinder": several words, each capitalised or a number, make a name
        titled = len(words) > 1 and all(t.text[0].isupper() or t.text[0].isdigit() for t in words)
        return not named and not titled and not (self._after_naming_noun(q) and not self.clausal(q)) and not all(
            t.pos_ in ("PROPN", "NUM", "X") for t in words)

    def _after_naming_noun(self, q: Quote) -> bool:
        """The quotation follows a noun that introduces a name or title: "die Tour „Voodoo Lounge“",
        "der Internet-Suchseite „Gesuchte Kinder“" (list `naming_nouns`); a whole statement there
        ("schrieb auf seiner Internetseite „Wir bleiben.“") is still speech."""
        before = self.text[max(0, q.start - 40) : q.start].rstrip().split()
        word = before[-1].strip("(") if before else ""
        return bool(word) and word[0].isupper() and any(text_matches(word.lower(), n)
                                                        for n in self.words["naming_nouns"])

    def trim(self, start: int, end: int) -> int:
        """The end of a message without trailing spaces and punctuation, but with a full stop inside a closing
        quotation mark."""
        text = self.text[start:end]
        stripped = text.rstrip(" \n,.;:")
        if text.rstrip().endswith(('."', ".“", '.”', ".«")):
            stripped = text.rstrip()
        return start + len(stripped)

    # --- quotations ---------------------------------------------------------------------------

    def quote_at(self, char: int) -> Quote | None:
        """The quotation whose opening mark is at `char`."""
        return next((q for q in self.quotes if q.start == char), None)

    def in_spoken(self, char: int) -> bool:
        """The character lies inside a spoken quotation (not a name in quotation marks)."""
        return any(q.start <= char < q.end for q in self.spoken)

    def in_statement(self, char: int) -> bool:
        """The character lies inside a quoted statement (a clause, not a name or quoted phrase)."""
        return any(q.start <= char < q.end and self.clausal(q) for q in self.spoken)

    def quote_in(self, start: int, end: int) -> bool:
        """A spoken quotation lies inside the span."""
        return any(start <= q.start and q.end <= end + 1 for q in self.spoken)

    def quote_span(self, start: int, end: int) -> tuple[int, int, str] | None:
        """The quoted words of a message: one quotation, or its fragments joined by " … "."""
        inside = [q for q in self.spoken if q.start >= start - 1 and q.end <= end + 1]
        if not inside:
            return None
        words = " … ".join(self.text[slice(*q.inner)] for q in inside)
        return inside[0].inner[0], inside[-1].inner[1], words

    def mode(self, start: int, end: int) -> str:
        """direct: the message is one quotation; mixed: it contains a quoted fragment; else indirect."""
        quoted = sum(q.end - q.start for q in self.spoken if q.start >= start - 1 and q.end <= end + 1)
        if not quoted:
            return "indirect"
        return "direct" if quoted >= 0.9 * (end - start) else "mixed"

    def clausal(self, q: Quote) -> bool:
        """A quotation that is a statement of its own, not a quoted phrase ("einen „Irrweg“")."""
        inner = self.text[q.start + 1 : q.end - 1].rstrip()
        words = self.doc.char_span(q.start + 1, q.end - 1, alignment_mode="expand") or []
        return inner.endswith((".", "!", "?")) or len(words) >= 6 or any(
            is_finite_verb(t) for t in words)

    def following_quote(self, sent: SpacySpan) -> tuple[int, int] | None:
        """"Er sagte:" at a sentence end introduces the quotation that follows."""
        q = next((q for q in self.quotes if q.start >= sent.end_char), None)
        if q and not self.text[sent.end_char : q.start].strip():
            return q.start, q.end
        return None


class Job:
    """One job of claim extraction over an article (finding cues, speakers, frames …). It reads the
    article through its view; the jobs it asks are set by the extractor, which knows them all."""

    def __init__(self, view: ArticleView) -> None:
        self.view = view
        self.doc, self.text, self.in_quote = view.doc, view.text, view.in_quote
        self.lex, self.words, self.index, self.sents = view.lex, view.words, view.index, view.sents
