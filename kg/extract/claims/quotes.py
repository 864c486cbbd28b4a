"""Quotations: found by their marks („…“, »…«, "…"), across sentences but never across paragraphs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: `start`/`end` include the marks, `inner` is the quoted text's span."""

    start: int
    end: int

    @property
    def inner(self) -> tuple[int, int]:
        """The quoted text without its marks."""
        return self.start + 1, self.end - 1


def find_quotes(text: str, pairs: Iterable[Iterable[str]]) -> list[Quote]:
    """Quotation spans by their marks („…“, »…«, "…"), across sentences but never across paragraphs."""
    closers: dict[str, set[str]] = {}
    for opening, closing in pairs:
        closers.setdefault(opening, set()).add(closing)
    out, open_at, expect = [], None, set()
    for i, ch in enumerate(text):
        if open_at is not None:
            if ch in expect and i > open_at + 1:
                out.append(Quote(open_at, i + 1))
                open_at = None
            elif text.startswith("\n\n", i):
                open_at = None  # an unclosed quotation ends with its paragraph
            continue
        if ch in closers and i + 1 < len(text) and not text[i + 1].isspace():
            if ch == '"' and i > 0 and text[i - 1].isalnum():
                continue  # a closing straight quote without its opener
            open_at, expect = i, closers[ch]
    return out
