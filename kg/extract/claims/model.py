"""A claim while it is being built."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Draft:
    """A claim while it is being built (character offsets, entity keys)."""

    sentence: int
    content: tuple[int, int]
    type: str
    mode: str
    cue: tuple[int, int, str] | None = None  # start, end, words ("weist … zurück")
    speaker: str | None = None
    speaker_span: tuple[int, int] | None = None
    addressee: list[str] = field(default_factory=list)
    via: str | None = None
    reported_by: str | None = None
    quote: tuple[int, int, str] | None = None  # start, end, the quoted words
    evidence: list[int] = field(default_factory=list)
    heading: bool = False
    anaphoric: bool = False  # the message is the sentence before ("Das sagte X")
    last: int = -1  # the last sentence a continuation has grown to, if beyond `sentence`
    cue_lemma: str = ""
