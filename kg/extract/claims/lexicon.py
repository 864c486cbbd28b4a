"""The claim lexicons, data files in kg/data: cue verbs, attribution frames, claim types, message and
speaker nouns, and the word lists of reported speech."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, cached_property

from spacy.tokens import Token

from kg.lexicon import DATA_DIR, read_jsonl


DEFAULT_ADDRESSEE = ("iobj", "zu", "gegenüber")


@dataclass(frozen=True, slots=True)
class Cue:
    """One line of cue_verbs.jsonl: a verb that introduces what someone says, thinks or writes."""

    lemma: str  # full infinitive, particle included: "zurückweisen"
    type: str
    particle: str | None = None  # separable particle: "zurück" in "wies … zurück"
    reported: bool = False  # takes its message as an object: "dementiert jegliche Angriffspläne"
    requires: tuple[str, ...] = ()  # a preposition the reported use needs: "sprach von …"
    addressee: tuple[str, ...] = DEFAULT_ADDRESSEE  # obj / iobj / a preposition marking the addressee
    forms: tuple[str, ...] = ()  # irregular forms of the base verb ("wies", "warf") for lemmatizer misses
    medium: str = "speech"
    impersonal: bool = False  # "es hieß": the speaker is the document in the sentence, if any
    not_with: tuple[str, ...] = ()  # prepositions that make it no speech act: "zu … verurteilt"
    quoted_speaks: bool = False  # "zitiert X mit den Worten": the object speaks, the subject relays
    perfect_sein: bool = False  # "ist davon ausgegangen": a perfect; with other cues "ist angekündigt" is a passive
    # `requires`/`not_with` hold for every use, clauses too: "hofft darauf, dass", not "hofft, dass"
    strict: bool = False
    # the speech sense needs a predicative adjective in the clause: "zeigte sich besorgt", not "zeigte sich in Siegerpose"
    predicative: bool = False

    @property
    def base(self) -> str:
        """The verb without its separable particle: "weisen" of "zurückweisen"."""
        return self.lemma[len(self.particle) :] if self.particle else self.lemma


@dataclass(frozen=True, slots=True)
class Frame:
    """One line of attribution_frames.jsonl: "nach Angaben X", "laut X", "X zufolge", "X: …"."""

    words: tuple[str, ...]
    source: str  # where the source is: after, before, subject, previous
    type: str = "statement"
    after_quote: bool = False  # "„…“, so X": only after a quotation or comma
    colon: bool = False
    message: str = "rest"  # rest: the sentence without the frame; after: what follows its ":" or ","


@dataclass(frozen=True)
class Lexicon:
    cues: dict[str, Cue]  # full lemma -> cue
    particles: dict[str, set[str]]  # base verb -> its particles in the lexicon ("weisen": zurück, hin)
    all_particles: frozenset[str]
    forms: dict[str, list[Cue]]  # surface form (lower case) -> cues it may be
    frames: tuple[Frame, ...]
    types: dict[str, dict]  # claim type -> its row in claim_types.jsonl
    words: dict  # reported_speech.json
    nouns: dict[str, str]  # message noun (lower case) -> claim type: "forderung" -> demand
    speaker_nouns: tuple[tuple[str, str], ...]  # ("*gewerkschaft", "organization"): heads naming an actor

    def speaker_kind(self, word: str) -> str | None:
        """What a common noun names when it speaks: organization, person or group ("*zeuge" covers
        "Augenzeuge"; a feminine "-in" falls back on its base: "Richterin" → "*richter")."""
        low = word.lower()
        stems = [low, low[:-1], low[:-2]]  # plural and oblique endings: "Augenzeugen", "Mönche", "Studenten"
        stems += [low[:-2]] if low.endswith("in") else [low[:-5]] if low.endswith("innen") else []
        for form in stems:
            if len(form) > 2 and (found := self._speaker_noun(form)):
                return found[1]
        return None

    def _speaker_noun(self, form: str) -> tuple[int, str] | None:
        """The first line of speaker_nouns.jsonl the word matches, as (line, kind): its exact entry
        or one of its endings ("*gewerkschaft"), looked up instead of scanning the list."""
        exact, endings = self._speaker_index
        found = [hit for hit in [exact.get(form)] + [endings.get(form[k:]) for k in range(len(form) + 1)] if hit]
        return min(found) if found else None

    @cached_property
    def _speaker_index(self) -> tuple[dict[str, tuple[int, str]], dict[str, tuple[int, str]]]:
        """speaker_nouns by word and by ending ("*zeuge" → "zeuge"), each with its first line."""
        exact: dict[str, tuple[int, str]] = {}
        endings: dict[str, tuple[int, str]] = {}
        for line, (noun, kind) in enumerate(self.speaker_nouns):
            low = noun.lower()
            target, key = (endings, low[1:]) if low.startswith("*") else (exact, low)
            target.setdefault(key, (line, kind))
        return exact, endings

    @cached_property
    def frame_index(self) -> dict[str, list[Frame]]:
        """A frame's first word -> the frames it starts ("*" words aside)."""
        index: dict[str, list[Frame]] = {}
        for frame in self.frames:
            if not frame.words[0].startswith("*"):
                index.setdefault(frame.words[0], []).append(frame)
        return index

    @cached_property
    def suffix_frames(self) -> list[Frame]:
        """Frames whose first word is a suffix ("*angaben")."""
        return [f for f in self.frames if f.words[0].startswith("*")]

    def frames_starting(self, word: str) -> list[Frame]:
        """The frames whose first word can be `word` (lower case): most tokens start none."""
        return self.frame_index.get(word, []) + [f for f in self.suffix_frames if text_matches(word, f.words[0])]


def word_matches(token: Token, word: str) -> bool:
    """The token is a lexicon word: the word itself, or for "*angaben" any word ending so ("Polizeiangaben")."""
    return text_matches(token.lower_, word)


def text_matches(lower: str, word: str) -> bool:
    """`word_matches` for a lower-case string."""
    return lower.endswith(word[1:]) if word.startswith("*") else lower == word


def _cue_forms(base: str) -> set[str]:
    """Regular finite forms and participles of a cue verb, to find it where the lemmatizer fails. Wider
    than german.weak_forms ("redeten" and "redten" both): over-generation is harmless for lookup."""
    stem = base[:-2] if base.endswith("en") else base[:-1]
    forms = {base, stem + "e", stem + "st", stem + "t", stem + "et", stem + "te", stem + "ten", stem + "ete",
             stem + "eten"}
    forms |= {stem + "t", stem + "et", "ge" + stem + "t", "ge" + stem + "et"}
    return forms


@cache
def lexicon() -> Lexicon:
    """The claim lexicons from kg/data, read once: cue verbs indexed by lemma and surface form,
    frames, claim types, message and speaker nouns, and the word lists of reported speech."""
    cues: dict[str, Cue] = {}
    forms: dict[str, list[Cue]] = {}
    for row in read_jsonl("cue_verbs.jsonl"):
        cue = Cue(**{**row, **{k: tuple(x.lower() for x in row[k]) for k in ("requires", "addressee", "forms",
                                                                             "not_with") if k in row}})
        cues[cue.lemma] = cue
        base_forms = _cue_forms(cue.base) | set(cue.forms)
        surface = set(base_forms)
        if cue.particle:  # verb-final and non-finite forms carry the particle: "zurückgewiesen", "zurückzuweisen"
            surface = {f for f in base_forms if not f.startswith("ge")} | {cue.particle + f for f in base_forms}
            surface.add(cue.particle + "zu" + cue.base)
        for form in surface:
            forms.setdefault(form, []).append(cue)
    frames = tuple(Frame(**{**row, "words": tuple(w.lower() for w in row["words"])})
                   for row in read_jsonl("attribution_frames.jsonl"))
    types = {row["type"]: row for row in read_jsonl("claim_types.jsonl")}
    words = json.loads((DATA_DIR / "reported_speech.json").read_text(encoding="utf-8"))
    particles: dict[str, set[str]] = {}
    for cue in cues.values():
        if cue.particle:
            particles.setdefault(cue.base, set()).add(cue.particle)
    all_particles = frozenset(p for ps in particles.values() for p in ps) | frozenset(words["other_particles"])
    nouns = {row["noun"].lower(): row["type"] for row in read_jsonl("message_nouns.jsonl")}
    speaker_nouns = tuple((row["noun"], row["kind"]) for row in read_jsonl("speaker_nouns.jsonl"))
    return Lexicon(cues, particles, all_particles, forms, frames, types, words, nouns, speaker_nouns)
