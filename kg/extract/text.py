"""Sentences and offsets shared by the extractors."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span as SpacySpan

from kg.model import Mention, Sentence


def doc_text(doc: Doc) -> str:
    """`doc.text` joins every token anew; extractors read it often, so it is kept once per Doc."""
    text = doc.user_data.get("kg.text")
    if text is None:
        text = doc.user_data["kg.text"] = doc.text
    return text


class SentenceIndex:
    """Sentences of a Doc (whitespace trimmed) and a char offset -> sentence lookup."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.sentences: list[Sentence] = []
        for sent in doc.sents:
            text = sent.text
            stripped = text.strip()
            if not stripped:
                continue
            start = sent.start_char + (len(text) - len(text.lstrip()))
            self.sentences.append(Sentence(start, start + len(stripped), stripped, len(self.sentences)))
        self._starts = [s.start for s in self.sentences]

    def index(self, char: int) -> int:
        return max(bisect_right(self._starts, char) - 1, 0)

    def mention(self, start: int, end: int) -> Mention:
        return Mention(start, end, doc_text(self.doc)[start:end], self.index(start))

    def of_span(self, span: SpacySpan) -> Mention:
        return self.mention(span.start_char, span.end_char)
