"""What the jobs find before merging: mentions that may be entities, and titles of persons."""

from __future__ import annotations

from dataclasses import dataclass

from kg.gazetteer import Entry


@dataclass(slots=True, eq=False)
class Candidate:
    """One mention before merging: where it is and what it may be."""

    start: int
    end: int
    type: str
    entry: Entry | None = None
    label: str | None = None
    key: str | None = None  # fixed key: groups and anonymous sources
    anonymous: bool = False
    ner: bool = False


@dataclass(slots=True)
class RoleCandidate:
    """A title found before a person's mention ("US-Präsident"), with the organisation or
    country it is held at, if the text or the title names one."""

    person: Candidate
    name: str
    of: Candidate | Entry | None
    start: int
    end: int
