"""Claims of one article (issue 5): who said what, to whom, reported by whom, in which words.

German attribution comes in a few shapes, each handled by one rule below:

- a speech, thought or writing verb from `kg/data/cue_verbs.jsonl` ("sagte", "wies … zurück") whose
  content is a clause after it ("betonte, dass …", "befürchtet, Russland könnte …", "sagte: „…“") or
  before it ("„…“, sagte X"; "Das sei …, sagte X"), or, for speech acts, its object ("dementiert
  jegliche Angriffspläne"): direct, mixed, indirect or reported;
- attribution frames from `kg/data/attribution_frames.jsonl` ("nach Angaben des Kremls", "laut X",
  "X zufolge", "„…“, so X", "X: …"): the frame's source speaks, or is the channel (`via`) or the
  reporter (`reported_by`) when a verb in the same sentence names another speaker;
- message nouns from `kg/data/message_nouns.jsonl` before a clause ("die Forderung der EU, die Zölle
  zu senken") and relative frames (", wonach …", ", laut dem …"): the noun's source speaks;
- sentences in Konjunktiv (or with hearsay "soll") without a cue that follow a report continue it
  ("Russland müsse …"), and quotations without a cue continue the previous speaker's quotation;
- headline claims that restate a body claim are merged into it as further evidence.

The speaker is the grammatical subject of the cue (the agent "von X" of a passive, the antecedent of a
pronoun or relative pronoun), mapped to an entity of the article and through metonymy to the actor it
stands for ("Moskau" → Russland). The text span naming the speaker is kept too (`speaker_mention`),
so benchmarks can score attribution even where no entity was recognised.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property

from spacy.tokens import Doc, Span as SpacySpan, Token

from kg.extract.entities import INDEFINITE, EntityIndex
from kg.extract.german import adjective_stem, inflect_adjective
from kg.extract.text import SentenceIndex, doc_text
from kg.lexicon import DATA_DIR, read_jsonl
from kg.model import Claim, Entity, Event, Mention
from kg.rdf import slug

SUBJECT = {"nsubj", "sb", "nsubj:pass"}
PARTICLE = {"compound:prt", "svp"}
CONJ = {"conj", "cj"}
OBJECT = {"obj", "oa"}
IOBJ = {"iobj", "da"}
AGENT_PREPS = {"von", "vom", "durch"}
DEFAULT_ADDRESSEE = ("iobj", "zu", "gegenüber")
_PARTICIPLE = re.compile(r"^(ab|an|auf|aus|bei|ein|fest|mit|nach|vor|weg|zurück|her|hin|dar|frei|fort|los|um|zu|bekannt|hinzu|hervor)?ge\w{3,}(t|en)$")
_ZU_INFIX = re.compile(r"^(ab|an|auf|aus|bei|ein|fest|mit|nach|vor|weg|zurück|her|hin|dar|frei|fort|los|um|durch|über|wieder|zusammen|bekannt|hinzu|heraus|herbei|voran)zu\w{3,}en$")
_NAME_PARTICLES = {"von", "van", "de", "del", "di", "da", "du", "zu", "vom"}
_NOT_SPEAKER_PRON = {"sich", "es", "das", "dies", "was", "man", "mir", "mich", "uns", "euch"}
_NOT_NOMINATIVE = {"den", "dem", "denen", "einen", "einem", "ihm", "ihn", "ihnen", "mir", "mich", "dir", "dich", "diesem", "diesen"}
_WERDEN = {"wird", "werden", "wurde", "wurden", "worden", "werde", "würde", "würden"}
_NOT_NP = {"VERB", "AUX", "ADV", "SCONJ", "PART", "CCONJ"}
_RELATIVE_AFTER_FRAME = {"dem", "der", "denen", "welchem", "welcher"}  # ", laut dem …", ", nach denen …"
_FINITE_TAGS = {"VVFIN", "VAFIN", "VMFIN", "VBD", "VBZ", "VBP"}  # the tagger mixes STTS and PTB tags
_GENITIVE_START = {"des", "der", "eines", "einer", "von", "vom", "seines", "seiner", "ihres", "ihrer"}
_AUXILIARIES = {"hat", "habe", "hatte", "hätte", "haben", "hatten", "ist", "sei", "war", "wurde", "wird", "werde", "würde", "soll", "solle", "will"}


# --- lexicons (data files) -----------------------------------------------------------------------


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
    strict: bool = False  # `requires`/`not_with` hold for every use, clauses too: "hofft darauf, dass", not "hofft, dass"

    @property
    def base(self) -> str:
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
            if len(form) > 2 and (kind := next((k for n, k in self.speaker_nouns if _word_match_text(form, n.lower())), None)):
                return kind
        return None

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
        return self.frame_index.get(word, []) + [f for f in self.suffix_frames if _word_match_text(word, f.words[0])]


def _finite_form(token: Token) -> bool:
    """Finite by its morphology, whatever part of speech the tagger gave it ("warnte" as an adjective)."""
    morph = token.morph
    return "Fin" in morph.get("VerbForm") or bool(morph.get("Mood")) or (bool(morph.get("Person")) and token.pos_ != "PRON")


def _finite_verb(token: Token) -> bool:
    return _finite_form(token) and token.pos_ not in ("NOUN", "PROPN", "PRON", "DET", "NUM")


def _word_match(token: Token, word: str) -> bool:
    return _word_match_text(token.lower_, word)


def _word_match_text(lower: str, word: str) -> bool:
    return lower.endswith(word[1:]) if word.startswith("*") else lower == word



def _weak_forms(base: str) -> set[str]:
    """Regular finite forms and participles of a verb; over-generation is harmless for lookup."""
    stem = base[:-2] if base.endswith("en") else base[:-1]
    forms = {base, stem + "e", stem + "st", stem + "t", stem + "et", stem + "te", stem + "ten", stem + "ete", stem + "eten"}
    forms |= {stem + "t", stem + "et", "ge" + stem + "t", "ge" + stem + "et"}
    return forms


@cache
def lexicon() -> Lexicon:
    cues: dict[str, Cue] = {}
    forms: dict[str, list[Cue]] = {}
    for row in read_jsonl("cue_verbs.jsonl"):
        cue = Cue(**{**row, **{k: tuple(x.lower() for x in row[k]) for k in ("requires", "addressee", "forms", "not_with") if k in row}})
        cues[cue.lemma] = cue
        base_forms = _weak_forms(cue.base) | set(cue.forms)
        surface = set(base_forms)
        if cue.particle:  # verb-final and non-finite forms carry the particle: "zurückgewiesen", "zurückzuweisen"
            surface = {f for f in base_forms if not f.startswith("ge")} | {cue.particle + f for f in base_forms}
            surface.add(cue.particle + "zu" + cue.base)
        for form in surface:
            forms.setdefault(form, []).append(cue)
    frames = tuple(Frame(**{**row, "words": tuple(w.lower() for w in row["words"])}) for row in read_jsonl("attribution_frames.jsonl"))
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


# --- quotations ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: `start`/`end` include the marks, `inner` is the quoted text's span."""

    start: int
    end: int

    @property
    def inner(self) -> tuple[int, int]:
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


# --- the extractor -------------------------------------------------------------------------------


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


class ClaimExtractor:
    def __init__(self, lex: Lexicon | None = None) -> None:
        self.lex = lex or lexicon()

    def __call__(self, doc: Doc, sents: SentenceIndex, entities: EntityIndex, events: list[Event]) -> list[Claim]:
        return _Article(self.lex, doc, sents, entities, events).claims()


class _Article:
    """Claim extraction over one parsed article."""

    def __init__(self, lex: Lexicon, doc: Doc, sents: SentenceIndex, entities: EntityIndex, events: list[Event]) -> None:
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
        self.headings = {s.index for s in sents.sentences if self._is_heading(s.index)}
        self.done: list[Draft] = []
        self.frame_cache: dict[int, list] = {}  # sentence start -> its frames
        self.names: dict[str, str] = {}  # a person's surname or an actor's name -> entity key
        for e in entities.entities:
            if e.type == "Place" or e.anonymous:
                continue
            for name in {e.label, *(m.text for m in e.mentions)}:
                self.names.setdefault(name, e.key)
                if e.type == "Person" and " " in name:
                    self.names.setdefault(name.split()[-1], e.key)

    # --- driver ---------------------------------------------------------------------------------

    def claims(self) -> list[Claim]:
        drafts: list[Draft] = []
        self.done = drafts  # the claims of earlier sentences, for "Das sagte X" and continuations
        for i, span in enumerate(self.spans):
            if span is None:
                continue
            if self._covered(span, drafts):
                continue  # inside a quotation that runs on from an earlier sentence
            found = self._cue_claims(i, span)
            if any(d.anaphoric for d in found) and drafts and drafts[-1].sentence == i - 1 and drafts[-1].cue is None:
                drafts.pop()  # the sentence before was taken for a continuation; its cue follows here
            found += self._frame_claims(i, span, found, drafts)
            found += self._colon_quote(i, span, found)
            found += self._noun_claims(i, span, found)
            if not found:
                found = self._continuation(i, span, drafts)
            self._adopt_speakers(found, span)
            drafts += found
        drafts = self._merge_headings(drafts)
        return [self._finish(d) for d in sorted(drafts, key=lambda d: (d.content[0], d.cue or (0, 0, "")))]

    @staticmethod
    def _covered(sent: SpacySpan, drafts: list[Draft]) -> bool:
        return any(d.content[0] <= sent.start_char and sent.end_char <= d.content[1] + 2 for d in drafts[-3:])

    # --- cue verbs ------------------------------------------------------------------------------

    def _cue_claims(self, i: int, sent: SpacySpan) -> list[Draft]:
        out = []
        for token in sent:
            if token.idx in self.in_quote or not token.is_alpha:
                continue
            cue = self._cue(token, sent)
            if cue is None or (cue.strict and not self._in_sense(token, sent, cue)) or self._attributive(token, sent) or self._in_parentheses(token, sent) or self._embedded(token, out, sent) or self._reported_cue(i, token, sent):
                continue
            if draft := self._from_cue(i, sent, token, cue, out):
                out.append(draft)
        return out

    def _attributive(self, token: Token, sent: SpacySpan) -> bool:
        """"die seit Tagen erwartete Bodenoffensive": a participle between an article and its noun is
        an adjective, whatever the tagger says; adverbs and prepositional phrases may stand between."""
        nxt = self.doc[token.i + 1] if token.i + 1 < sent.end else None
        if nxt is None or nxt.pos_ != "NOUN" or not nxt.text[:1].isupper():
            return False
        j = token.i - 1
        while j >= sent.start:
            t = self.doc[j]
            if t.pos_ == "DET" and "Art" in t.morph.get("PronType"):
                return True
            if t.pos_ in ("ADV", "ADJ", "NUM"):
                j -= 1
            elif t.pos_ == "NOUN" and (k := next((k for k in range(j - 1, max(j - 4, sent.start - 1), -1)
                                                   if self.doc[k].pos_ == "ADP"), None)) is not None and all(
                    x.pos_ in ("DET", "ADJ", "NUM") for x in self.doc[k + 1 : j]):
                j = k - 1  # "seit Tagen", "von der Regierung"
            else:
                return False
        return False

    def _reported_cue(self, i: int, token: Token, sent: SpacySpan) -> bool:
        """"Die Diagnose sei von Ärzten bestätigt worden", "So müsse die Regierung zustimmen", "Die
        Klägerin sei davon ausgegangen, …" right after a report: a cue under a Konjunktiv I auxiliary
        or modal is part of what the previous speaker says (the corpus, too, gives such sentences
        to the previous speaker), not a report of its own."""
        prev = self.done[-1] if self.done else None
        if prev is None or max(prev.sentence, prev.last) != i - 1 or (prev.speaker is None and prev.speaker_span is None):
            return False
        finite = self._finite(token, sent)
        return finite.i != token.i and self._konjunktiv1(finite)

    def _embedded(self, token: Token, prior: list[Draft], sent: SpacySpan) -> bool:
        """"riet ihr, sofort die Polizei zu informieren", "gab bekannt, er wolle den Rücktritt bekannt
        geben": an infinitive, or a verb under a Konjunktiv I modal, inside another claim's message."""
        if not any(d.content[0] <= token.idx < d.content[1] for d in prior):
            return False
        infinitive = (token.i > 0 and self.doc[token.i - 1].lower_ == "zu") or bool(_ZU_INFIX.match(token.lower_))
        finite = self._finite(token, sent)
        return infinitive or (finite.i != token.i and self._konjunktiv1(finite))

    def _cue(self, token: Token, sent: SpacySpan) -> Cue | None:
        """The cue a verb token is, checking its separable particle ("wies … zurück" is not "weisen")."""
        if token.pos_ and token.pos_ not in ("VERB", "AUX", "ADJ") and self.parsed:
            return None
        if token.text[:1].isupper() and token.i != sent.start:
            return None  # a noun ("Sagen", "Meinung") is no verb
        particle = self._particle(token, sent)
        lemma = token.lemma_.lower() if token.lemma_ else ""
        candidates = []
        if particle:
            candidates.append(self.lex.cues.get(particle + lemma))
            candidates += [c for c in self.lex.forms.get(token.lower_, []) if c.particle == particle]
        else:
            candidates.append(self.lex.cues.get(lemma))
            candidates += [c for c in self.lex.forms.get(token.lower_, []) if not c.particle or token.lower_.startswith(c.particle)]
        return next((c for c in candidates if c), None)

    def _particle(self, token: Token, sent: SpacySpan) -> str | None:
        """The separable particle of a verb, searched in the verb's own clause: the parse may hang
        "vor" of "wirft … vor" on a neighbouring verb. A known particle of the verb closing the clause
        counts even when the tagger missed it."""
        lo, hi = self._clause_bounds(sent, token)
        known = self.lex.particles.get(token.lemma_.lower(), set()) | {
            c.particle for c in self.lex.forms.get(token.lower_, []) if c.particle}
        if token.i > lo and self.doc[token.i - 1].lower_ in known:
            return self.doc[token.i - 1].lower_  # verb-final, written apart: "wie … bekannt gab"
        for t in self.doc[token.i + 1 : hi]:
            if t.idx in self.in_quote:
                continue
            closing = t.i + 1 >= hi or self.doc[t.i + 1].is_punct or self.doc[t.i + 1].pos_ == "CCONJ"
            tagged = t.tag_ == "PTKVZ" or (t.dep_ in PARTICLE and t.head.i == token.i)
            if (tagged and t.lower_ in self.lex.all_particles) or (t.lower_ in known and closing):
                return t.lower_
        return None

    def _from_cue(self, i: int, sent: SpacySpan, token: Token, cue: Cue, prior: list[Draft]) -> Draft | None:
        wie = self._wie_before(sent, token)
        if wie is not None and not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in self.doc[wie + 1 : token.i]):
            return None  # "wie erwartet", "wie angekündigt": an idiom that names no one
        clause = self._content(sent, token, cue)
        framed = cue.reported and cue.requires and self._reported_use(token, sent, cue)  # "sieht dies als Ausdruck …"
        anaphor = None if clause or framed else self._anaphor(token, sent)
        mode = None
        if clause:
            start, end = clause
            mode = self._mode(start, end)
        elif anaphor is not None and any(d.sentence == i - 1 and d.cue is not None for d in self.done):
            return None  # "Weiter sagte Larson: „…“ Dies sagte der Präsident …": already attributed
        elif anaphor is not None and i > 0 and i - 1 not in self.headings:
            before = self.sents.sentences[i - 1]  # "Das teilte die Polizei mit": the message is the sentence before
            start, end = before.start, self._trim(before.start, before.end)
            mode = self._mode(start, end)
        elif cue.reported and self._reported_use(token, sent, cue):
            span = self._verb_phrase(token, sent)
            if span is None:
                return None
            start, end = span
            mode = "mixed" if self._quote_in(start, end) else "reported"
        else:
            return None
        draft = Draft(i, (start, end), cue.type, mode, cue=self._cue_span(token, sent), cue_lemma=cue.lemma)
        draft.anaphoric = anaphor is not None and clause is None
        messages = [(start, end)] if mode != "reported" and not draft.anaphoric else []
        for d in prior:  # words of earlier messages in the sentence, but not their speakers
            speaker = d.speaker_span or (d.content[0], d.content[0])
            messages += [(d.content[0], speaker[0]), (speaker[1], d.content[1])]
        subject, passive = self._subject(token, sent, messages, cue)
        if subject is not None and subject.lower_ in ("das", "dies") and cue.impersonal:
            return None  # "das heißt": i.e.
        if subject is not None and anaphor is not None and subject.i == anaphor.i:
            subject = None  # "Das meldet die Zeitung": the parse took the object for the subject
        self._speaker(draft, token, subject, passive, sent, cue, prior)
        if passive and draft.speaker_span is None and self._stative(token, sent, cue):
            draft.speaker = None  # "Weitere Proteste sind angekündigt": a state, no act of the previous actor
        if cue.quoted_speaks:
            self._quoted_speaker(draft, token, sent, passive)
        if mode == "reported" and draft.speaker is None and draft.speaker_span is None:
            return None  # "Damit wurde ein Urteil bestätigt": a speech act needs someone acting
        if mode == "reported" and not self._has_message_word(draft, token):
            return None
        draft.addressee = self._addressees(token, cue, draft, sent)
        draft.type = self._refine_type(draft)
        if draft.mode in ("direct", "mixed"):
            draft.quote = self._quote_span(start, end)
        draft.heading = i in self.headings
        self._frame_roles(draft, sent)
        return draft

    def _quoted_speaker(self, draft: Draft, token: Token, sent: SpacySpan, passive: bool) -> None:
        """"X wird mit den Worten zitiert": X speaks; "Die Zeitung zitiert X": X speaks, via the paper."""
        if passive:
            subject = next((c for c in token.children if c.dep_ in ("nsubj:pass", "nsubj", "sb")), None)
            span = self._np_span(subject) if subject is not None else self._surface_speaker(sent, token)
            if span:
                draft.speaker_span, draft.speaker = span, self._best_entity(span, None)
            return
        _, hi = self._clause_bounds(sent, token)
        finite = self._finite(token, sent)
        start = finite.i + 1
        if draft.speaker_span and start < hi and draft.speaker_span[0] >= self.doc[start].idx:
            words = self.doc.char_span(*draft.speaker_span, alignment_mode="expand")
            start = words.end if words is not None else start
        quoted = self._np_after(start, hi)
        if quoted:
            relay = draft.speaker
            draft.speaker_span, draft.speaker = quoted, self._best_entity(quoted, None)
            draft.via = relay if relay != draft.speaker else None

    def _anaphor(self, token: Token, sent: SpacySpan) -> Token | None:
        """"Das teilte die Polizei mit", "Dies sagte X": a demonstrative standing for the sentence before,
        at the clause start or right after the verb, and not the article of a noun ("das Ministerium")."""
        lo, hi = self._clause_bounds(sent, token)
        finite = self._finite(token, sent)
        for i in (lo, finite.i + 1):
            if i >= hi or i == finite.i:
                continue
            t = self.doc[i]
            nxt = self.doc[i + 1] if i + 1 < len(self.doc) else None
            if t.lower_ in ("das", "dies", "dieses") and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM")):
                return t
        return None

    def _in_parentheses(self, token: Token, sent: SpacySpan) -> bool:
        """"(Wikinews berichtete)": a remark in brackets is no attribution of the sentence."""
        before = self.text[sent.start_char : token.idx]
        after = self.text[token.idx : sent.end_char]
        return before.rfind("(") > before.rfind(")") and ")" in after

    def _reported_use(self, token: Token, sent: SpacySpan, cue: Cue) -> bool:
        """Can this verb report a speech act without a clause here? Not as an attributive participle
        ("beschuldigte Personen"), not with a preposition the data excludes ("zu … verurteilt")."""
        if token.tag_ == "ADJA" or (token.dep_ == "amod" and not _finite_form(token)):
            return False
        if not (_finite_form(token) or token.tag_ in _FINITE_TAGS or self._finite_in_clause(token, sent)
                or self.sents.index(token.idx) in self.headings):
            return False  # "(auch „Bruno“ genannt)": a participle without a finite verb reports no act; headlines are tagged worse
        return self._in_sense(token, sent, cue)

    def _in_sense(self, token: Token, sent: SpacySpan, cue: Cue) -> bool:
        """The verb's speech sense by the words of its clause: "sprach von …", "heißt es"; not "zu …
        verurteilt", "in Streit geraten"."""
        if cue.requires and not self._has_prep(token, sent, cue.requires):
            return False
        return not (cue.not_with and self._has_prep(token, sent, cue.not_with))

    def _finite_in_clause(self, token: Token, sent: SpacySpan) -> bool:
        """"hat … abgelehnt", "will … aufrufen": a non-finite cue with a finite verb in its clause."""
        lo, hi = self._clause_bounds(sent, token)
        return any(_finite_verb(t) and t.idx not in self.in_quote for t in self.doc[lo:hi])

    def _has_message_word(self, draft: Draft, cue: Token) -> bool:
        """"(Wikinews berichtete)" reports nothing: the message needs a word besides the speaker,
        verbs and adverbs."""
        tokens = self.doc.char_span(*draft.content, alignment_mode="expand") or []
        speaker = draft.speaker_span or (0, 0)
        return any(t.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ") and t.i != cue.i and not speaker[0] <= t.idx < speaker[1]
                   for t in tokens)

    def _cue_span(self, token: Token, sent: SpacySpan) -> tuple[int, int, str]:
        """The cue's words: the verb, or the verb to its particle written "weist … zurück"."""
        particle = self._particle(token, sent)
        lo, hi = self._clause_bounds(sent, token)
        tail = next((t for t in self.doc[token.i + 1 : hi] if t.lower_ == particle), None) if particle else None
        if tail is None:
            return token.idx, token.idx + len(token), token.text
        gap = " … " if tail.i > token.i + 1 else " "
        return token.idx, tail.idx + len(tail), f"{token.text}{gap}{tail.text}"

    def _has_prep(self, token: Token, sent: SpacySpan, preps: tuple[str, ...]) -> bool:
        """"sprach von …", "wies darauf hin": the required preposition (or its da-form) in the verb's clause."""
        lo, hi = self._clause_bounds(sent, token)
        words = {t.lower_ for t in self.doc[lo:hi]}
        heads = {w.rsplit("-", 1)[-1] for w in words}  # "Motorrad-Toten" for "toten"
        return any(p in words or p in heads or f"da{p}" in words or f"dar{p}" in words for p in preps)

    # --- content --------------------------------------------------------------------------------

    def _clause_bounds(self, sent: SpacySpan, token: Token) -> tuple[int, int]:
        """Token range of the clause around a verb: between the commas or coordinations next to it."""
        lo = token.i
        while lo > sent.start and self.doc[lo - 1].text not in (",", ";", ":") and not self._coordination(lo - 1):
            lo -= 1
        hi = token.i + 1
        while hi < sent.end and self.doc[hi].text not in (",", ";", ":") and not self._coordination(hi):
            hi += 1
        return lo, hi

    def _coordination(self, i: int) -> bool:
        """"… zurück und wirft …": a conjunction joining two verb phrases bounds a clause."""
        t = self.doc[i]
        if t.lower_ not in ("und", "oder", "sowie", "aber"):
            return False
        nxt = self.doc[i + 1 : i + 4]
        return any(_finite_verb(x) for x in nxt[:2])

    def _content(self, sent: SpacySpan, token: Token, cue: Cue) -> tuple[int, int] | None:
        """The reported message of a cue verb: a clause or quotation before or after it."""
        doc = self.doc
        lo = token.i
        while lo > sent.start and doc[lo - 1].text not in (",", ";", ":") and doc[lo - 1].idx not in self.in_quote:
            lo -= 1
        first = doc[lo]
        wie = self._wie_before(sent, token)
        if wie is not None:  # "…, wie X (, Sprecherin,) mitteilte, …"
            return self._around_wie(sent, wie, token)
        inverted = self._frame_start(first, token) and self._subject_follows(sent, token)
        if lo > sent.start and doc[lo - 1].text in (",", ":") and inverted and self._message_before(sent, lo - 1, token):
            # "„…“, sagte X" / "Das sei …, sagte X": the message is everything before the frame
            start = self._message_start(sent, lo - 1)
            end = doc[lo - 1].idx
            end = self._trim(start, end)
            if end > start:
                return start, end
        if lo > sent.start and doc[lo - 1].idx in self.in_quote and inverted:
            start = self._message_start(sent, lo)
            return start, self._trim(start, doc[lo].idx)
        return self._content_after(sent, token, cue)

    def _subject_follows(self, sent: SpacySpan, cue: Token) -> bool:
        """", sagte der Sprecher" has its subject after the verb; "Der Sprecher, X, sagte, …" does not."""
        finite = self._finite(cue, sent)
        _, hi = self._clause_bounds(sent, cue)
        if any(c.dep_ in SUBJECT and c.i > finite.i for c in cue.children):
            return True
        for c in cue.children:  # "Arni Finnsson, ein Vertreter …, kommentierte die Entscheidung"
            between = self.doc[c.i + 1 : finite.i]
            if c.dep_ in SUBJECT and c.i < finite.i and c.idx not in self.in_quote and not any(
                    _finite_verb(t) for t in between):
                return False
        nxt = self.doc[finite.i + 1] if finite.i + 1 < hi else None
        return nxt is not None and (nxt.pos_ == "PRON" or self._np_after(finite.i + 1, hi) is not None)

    def _message_before(self, sent: SpacySpan, comma: int, cue: Token) -> bool:
        """Is the text before ", sagte X" a message, or the first of coordinated verb phrases
        ("dementiert …, weist … zurück")? Quotations and Konjunktiv make it a message."""
        before = self.doc[sent.start : comma]
        if not len(before):
            return False
        if before[-1].idx in self.in_quote or any(self._konjunktiv(t) for t in before):
            return True
        if cue.dep_ in CONJ and cue.head.i < comma:
            return False
        verbs = [t for t in before if t.pos_ in ("VERB", "AUX") and t.idx not in self.in_quote]
        return bool(verbs) and not any(self._cue(t, sent) for t in verbs)  # a clause, not "X, ein Vertreter …,"

    def _frame_start(self, first: Token, cue: Token) -> bool:
        """A frame after the message starts with the cue or its finite auxiliary: ", sagte X" / ", hat X gesagt"
        / ", so beschrieb es X"."""
        return first.i == cue.i or (first.pos_ == "AUX" or first.lower_ in _AUXILIARIES or first.lower_ == "so" and first.i == cue.i - 1) and first.i < cue.i

    def _message_start(self, sent: SpacySpan, comma: int) -> int:
        """Where the message before a frame begins: the sentence start, or an opening quotation mark
        earlier in the text when the quotation spans several sentences."""
        start = sent.start_char
        before = self.doc[comma - 1] if comma > sent.start else None
        if before is not None:
            for q in self.quotes:
                if q.start < sent.start_char < q.end <= before.idx + len(before) + 1:
                    return q.start
        return start

    def _wie_before(self, sent: SpacySpan, token: Token) -> int | None:
        """The "wie" opening the cue's clause, across commas of an apposition but not across a verb."""
        for k in range(token.i - 1, sent.start - 1, -1):
            t = self.doc[k]
            if t.lower_ == "wie" and (k == sent.start or self.doc[k - 1].text in (",", "(", "–", "-")):
                return k
            if t.pos_ in ("VERB", "AUX") or t.idx in self.in_quote or t.text in (";", ":"):
                return None
        return None

    def _around_wie(self, sent: SpacySpan, lo: int, token: Token) -> tuple[int, int] | None:
        hi = token.i + 1
        while hi < sent.end and self.doc[hi].text not in (",", ";"):
            hi += 1
        before = (sent.start_char, self.doc[lo - 1].idx) if lo > sent.start else None
        after = (self.doc[hi + 1].idx, sent.end_char) if hi + 1 < sent.end else None
        options = [s for s in (before, after) if s and s[1] - s[0] > 3]
        if not options:
            return None
        start, end = max(options, key=lambda s: s[1] - s[0])
        return start, self._trim(start, end)

    def _content_after(self, sent: SpacySpan, token: Token, cue: Cue | None = None) -> tuple[int, int] | None:
        """"sagte, dass …", "befürchtet, Russland könnte …", "teilte mit: „…“", "warnte davor, … zu …".
        Commas around an apposition ("ging Celebi, die Anwältin, davon aus, dass …") are passed over."""
        doc = self.doc
        j = token.i + 1
        while j < sent.end:
            while j < sent.end and doc[j].text not in (",", ":", ";"):
                q = self._quote_at(doc[j].idx) if j > token.i + 1 else None
                if q is not None and self._clausal(q):
                    return q.start, q.end  # "sagte gegenüber Reportern „…“"
                if self._coordination(j) and doc[j].idx not in self.in_quote:
                    return None  # "bezeichnete es als … und kündigte an, …": the message belongs to the next verb
                j += 1
            if j >= sent.end or doc[j].text == ";":
                if j >= sent.end and doc[sent.end - 1].text == ":":
                    return self._following_quote(sent)
                return None
            found = self._message_at(sent, j, cue)
            if found is not None:
                return found
            segment = self._segment(sent, j + 1)
            if doc[j].text == ":" or any(t.pos_ in ("VERB", "AUX") for t in segment) or len(segment) > 8:
                return None  # a clause that is not the message: stop looking
            j += 1 + len(segment)
        return None

    def _message_at(self, sent: SpacySpan, j: int, cue: Cue | None) -> tuple[int, int] | None:
        """The message starting after the comma or colon at token j, if one starts there."""
        doc = self.doc
        if j + 1 >= sent.end:
            return self._following_quote(sent) if doc[j].text == ":" else None
        nxt = doc[j + 1]
        end = self._clause_end(sent, j + 1)
        if doc[j].text == ":":
            if (q := self._quote_at(nxt.idx)) is not None:
                return q.start, q.end
            return nxt.idx, end
        if (q := self._quote_at(nxt.idx)) is not None:
            return q.start, max(q.end, end)
        if nxt.lower_ in self.words["clause_words"]:
            return nxt.idx, end
        if nxt.lower_ in self.words["not_message_words"]:
            return None  # "…, um … zu verschleiern", "…, falls …": purpose and condition, not a message
        segment = self._segment(sent, j + 1)
        if any(self._konjunktiv(t) for t in segment) or self._zu_infinitive(segment):
            return nxt.idx, end
        if cue is not None and not cue.reported and self._verb_second(segment):
            return nxt.idx, end  # "meinte, der Ehemann „konnte … nicht abfinden“": a say-verb's main clause
        return None

    def _verb_second(self, segment: list[Token]) -> bool:
        """A main clause: a finite verb after a first constituent of at most a few words."""
        for k, t in enumerate(segment[:6]):
            if _finite_verb(t):
                return k > 0 and segment[0].pos_ not in ("SCONJ", "PRON") and segment[0].lower_ not in ("was", "wo", "als", "wenn", "weil")
        return False

    def _clausal(self, q: Quote) -> bool:
        """A quotation that is a statement of its own, not a quoted phrase ("einen „Irrweg“")."""
        inner = self.text[q.start + 1 : q.end - 1].rstrip()
        words = self.doc.char_span(q.start + 1, q.end - 1, alignment_mode="expand") or []
        return inner.endswith((".", "!", "?")) or len(words) >= 6 or any(
            _finite_verb(t) for t in words)

    def _following_quote(self, sent: SpacySpan) -> tuple[int, int] | None:
        """"Er sagte:" at a sentence end introduces the quotation that follows."""
        q = next((q for q in self.quotes if q.start >= sent.end_char), None)
        if q and not self.text[sent.end_char : q.start].strip():
            return q.start, q.end
        return None

    def _segment(self, sent: SpacySpan, j: int) -> list[Token]:
        out = []
        while j < sent.end and self.doc[j].text not in (",", ";"):
            out.append(self.doc[j])
            j += 1
        return out

    def _clause_end(self, sent: SpacySpan, j: int) -> int:
        """End of the message after a cue: the sentence end, the end of a quotation that runs on, or
        where the main clause resumes (", hatte dieser versucht", ", und fügte hinzu")."""
        end = sent.end_char
        for q in self.quotes:
            if q.start < sent.end_char < q.end and q.start >= self.doc[j].idx - 1:
                return self._trim(self.doc[j].idx, q.end)
        for k in range(j + 1, sent.end - 1):
            t = self.doc[k]
            if t.text != "," or t.idx in self.in_quote:
                continue
            nxt = self.doc[k + 1]
            if nxt.lower_ in ("und", "oder", "aber") and k + 2 < sent.end:
                nxt = self.doc[k + 2]
            if self._main_verb(nxt):
                end = t.idx
                break
        return self._trim(self.doc[j].idx, end)

    def _main_verb(self, t: Token) -> bool:
        """A finite indicative verb right after a comma starts a new main clause."""
        return (_finite_verb(t) and "Sub" not in t.morph.get("Mood")
                and not self._konjunktiv(t))

    def _trim(self, start: int, end: int) -> int:
        text = self.text[start:end]
        stripped = text.rstrip(" \n,.;:")
        if text.rstrip().endswith(('."', ".“", '.”', ".«")):
            stripped = text.rstrip()
        return start + len(stripped)

    def _verb_phrase(self, token: Token, sent: SpacySpan) -> tuple[int, int] | None:
        """The message of a speech act without a clause: the cue's whole clause ("Die Regierung
        dementiert jegliche Angriffspläne"), as the corpus annotates reported speech."""
        lo, hi = self._clause_bounds(sent, token)
        while lo < hi and (self.doc[lo].is_punct or self.doc[lo].pos_ in ("CCONJ",)):
            lo += 1
        while hi > lo and self.doc[hi - 1].is_punct:
            hi -= 1
        if hi <= lo:
            return None
        return self.doc[lo].idx, self.doc[hi - 1].idx + len(self.doc[hi - 1])

    # --- grammar helpers ------------------------------------------------------------------------

    def _konjunktiv(self, t: Token) -> bool:
        if t.idx in self.in_quote:
            return False
        if "Sub" in t.morph.get("Mood") or t.lower_ in self.words["konjunktiv2"]:
            return True
        return self._konjunktiv1(t)

    def _konjunktiv1(self, t: Token) -> bool:
        """Konjunktiv I, the mood of reported speech: by morphology, the word list, or a finite verb
        that is its infinitive without the final n ("nehme", "gebe") in a sentence without "ich"."""
        if t.idx in self.in_quote:
            return False
        if "Sub" in t.morph.get("Mood") and "Past" not in t.morph.get("Tense"):
            return t.lower_ not in self.words["konjunktiv2"]
        if t.lower_ in self.words["konjunktiv1"]:
            return True
        lemma = t.lemma_.lower()
        particle = lemma[: -len(t.lower_) - 1]  # "reiche … aus" of "ausreichen"
        return (t.pos_ in ("VERB", "AUX") and lemma.endswith("en") and lemma.endswith(t.lower_ + "n")
                and (not particle or particle in self.lex.all_particles)
                and not any(x.lower_ == "ich" and x.idx not in self.in_quote for x in t.sent))

    @staticmethod
    def _zu_infinitive(segment: list[Token]) -> bool:
        """"…, schwere Sanktionen zu verhängen", "…, die Euphorie auszunutzen"."""
        return any(t.lower_ == "zu" and i + 1 < len(segment) and segment[i + 1].pos_ in ("VERB", "AUX")
                   for i, t in enumerate(segment)) or any(_ZU_INFIX.match(t.lower_) or t.tag_ == "VVIZU" for t in segment)

    def _quote_at(self, char: int) -> Quote | None:
        return next((q for q in self.quotes if q.start == char), None)

    def _spoken(self, q: Quote) -> bool:
        """Quotation marks around words someone said, not around a name or title."""
        words = [t for t in self.doc.char_span(*q.inner, alignment_mode="expand") or [] if not t.is_punct]
        named = any(e.start_char <= words[0].idx and words[-1].idx + len(words[-1]) <= e.end_char for e in self.doc.ents) if words else False
        return bool(words) and not named and not all(t.pos_ in ("PROPN", "NUM", "X") for t in words)

    def _quote_in(self, start: int, end: int) -> bool:
        return any(start <= q.start and q.end <= end + 1 for q in self.spoken)

    def _quote_span(self, start: int, end: int) -> tuple[int, int, str] | None:
        """The quoted words of a message: one quotation, or its fragments joined by " … "."""
        inside = [q for q in self.spoken if q.start >= start - 1 and q.end <= end + 1]
        if not inside:
            return None
        words = " … ".join(self.text[slice(*q.inner)] for q in inside)
        return inside[0].inner[0], inside[-1].inner[1], words

    def _mode(self, start: int, end: int) -> str:
        """direct: the message is one quotation; mixed: it contains a quoted fragment; else indirect."""
        quoted = sum(q.end - q.start for q in self.spoken if q.start >= start - 1 and q.end <= end + 1)
        if not quoted:
            return "indirect"
        return "direct" if quoted >= 0.9 * (end - start) else "mixed"

    # --- speaker, addressee, frames -------------------------------------------------------------

    def _subject(self, token: Token, sent: SpacySpan, messages: list[tuple[int, int]], cue: Cue) -> tuple[Token | None, bool]:
        """The cue's subject (or a passive's agent), inherited along coordinated verbs; never a word of
        the message itself ("Die USA würden …, sagte Biden": the parse may take "USA" as subject)."""
        if self._passive(token, sent) or self._stative(token, sent, cue):
            return self._agent(token, sent), True
        verb = token
        for _ in range(4):
            found = [c for c in verb.children if c.dep_ in SUBJECT and any(ch.isalpha() for ch in c.text) and not any(a <= c.idx < b for a, b in messages)]
            found = [c for c in found if not ((self._adverb(c) or c.pos_ == "NOUN" and not c.morph.get("Number")) and len(list(c.subtree)) == 1)]
            if found:
                finite = self._finite(token, sent)
                found.sort(key=lambda c: ("Nom" not in c.morph.get("Case") and c.pos_ != "PRON", c.i > finite.i, abs(c.i - finite.i)))
                if not self._nominative(self._np_span(found[0])):
                    return None, False  # "den russischen Staatschef …" is an object: ask the surface
                if found[0].i > finite.i and self._named_vorfeld(token, sent):
                    return None, False  # "Strauss-Kahn weist die Vorwürfe zurück": the name before the verb
                if found[0].i > finite.i and finite.i == (lo := self._clause_bounds(sent, token)[0]) and self._relative_antecedent(sent, lo):
                    return None, False  # "Die Partei, die …, beschuldigte die Regierung": the phrase before the relative clause
                if found[0].i < finite.i and found[0].pos_ == "NOUN" and self._name_after(finite, sent):
                    return None, False  # "Eine Verschiebung bezeichnete Conze als fatal": the name after the verb
                return found[0], False
            if verb.dep_ in CONJ | {"xcomp", "oc"} and verb.head is not verb:  # "… und wirft …", "will … warnen"
                verb = verb.head
                continue
            break
        return None, False

    def _name_after(self, finite: Token, sent: SpacySpan) -> bool:
        """A bare name or personal pronoun right after the finite verb: the subject of a clause whose
        first place holds the object."""
        words = []
        for t in self.doc[finite.i + 1 : sent.end]:
            if t.pos_ == "PROPN" or t.text == "-" or (self._capitalised(t) and self._by_name(t)):
                words.append(t)
                continue
            break
        if words:  # a person's or organisation's name (here or elsewhere in the article), not "Einmarsch Russlands"
            start, end = words[0].idx, words[-1].idx + len(words[-1])
            return any(e.label_ in ("PER", "ORG") and e.start_char < end and start < e.end_char for e in self.doc.ents) or any(
                self._by_name(t) and not self._genitive(t.text) for t in words)
        nxt = self.doc[finite.i + 1] if finite.i + 1 < sent.end else None
        return nxt is not None and nxt.lower_ in ("er", "sie")

    def _named_vorfeld(self, token: Token, sent: SpacySpan) -> bool:
        """The clause opens with a name or personal pronoun right before its finite verb."""
        lo, _ = self._clause_bounds(sent, token)
        finite = self._finite(token, sent)
        words = list(self.doc[lo : finite.i])
        while words and words[-1].pos_ == "ADV":  # "Putin wiederum warnte …"
            words.pop()
        return 0 < len(words) <= 5 and all(t.pos_ in ("PROPN", "DET", "ADJ", "NOUN", "PRON") or t.text == "-" for t in words) and (
            words[-1].pos_ == "PROPN" or (len(words) == 1 and words[0].lower_ in ("er", "sie")))

    def _passive(self, token: Token, sent: SpacySpan) -> bool:
        """"wurden … zurückgewiesen", "wird … gefordert": a participle with a form of werden ("sei davon
        ausgegangen" is a perfect with sein, whatever the parse calls it)."""
        werden = [c for c in token.children if c.dep_ == "aux:pass" and (c.lemma_ == "werden" or c.lower_ in _WERDEN)]
        if werden:
            return True
        if not self._participle(token) and not any(c.dep_ == "nsubj:pass" for c in token.children):
            return False
        lo, hi = self._clause_bounds(sent, token)
        return any(t.lemma_ == "werden" or t.lower_ in _WERDEN for t in self.doc[lo:hi] if t.i != token.i)

    def _stative(self, token: Token, sent: SpacySpan, cue: Cue) -> bool:
        """"Weitere Aktionen sind für Montag angekündigt", "Eine Heilung sei ausgeschlossen": a
        participle with a form of sein is a state passive unless the verb forms its perfect with
        sein ("sei davon ausgegangen"); its subject is what was said, not who said it."""
        if cue.perfect_sein or not ("Part" in token.morph.get("VerbForm") or token.tag_ == "VVPP"):
            return False
        lo, hi = self._clause_bounds(sent, token)
        return any(t.lemma_ == "sein" and t.i != token.i and t.idx not in self.in_quote for t in self.doc[lo:hi])

    @staticmethod
    def _participle(token: Token) -> bool:
        return ("Part" in token.morph.get("VerbForm") or token.tag_ == "VVPP" or token.lower_.endswith("iert")
                or bool(_PARTICIPLE.match(token.lower_)))

    def _agent(self, verb: Token, sent: SpacySpan) -> Token | None:
        """"von mehreren NATO-Mitgliedern zurückgewiesen": the agent's noun."""
        for child in verb.children:
            if child.dep_ in ("obl:agent", "sbp"):
                return child
            if child.dep_ in ("obl", "nmod") and any(c.dep_ == "case" and c.lower_ in AGENT_PREPS for c in child.children):
                return child
        lo, hi = self._clause_bounds(sent, verb)
        for t in self.doc[lo:hi]:
            if t.lower_ in AGENT_PREPS and t.idx not in self.in_quote:
                span = self._np_after(t.i + 1, hi)
                if span:
                    return max(self.doc.char_span(*span, alignment_mode="expand"), key=lambda x: x.pos_ in ("NOUN", "PROPN"))
        return None

    def _speaker(self, draft: Draft, token: Token, subject: Token | None, passive: bool, sent: SpacySpan, cue: Cue,
                 prior: list[Draft]) -> None:
        lo, _ = self._clause_bounds(sent, token)
        coordinated = lo > sent.start and self.doc[lo - 1].text in (",", "und", "sowie", "oder") and draft.content[0] >= token.idx - 1
        if prior and self._finite(token, sent).i == lo and (subject is None or coordinated):
            # "dementiert …, weist … zurück und wirft … vor": coordinated verbs share the subject
            draft.speaker, draft.speaker_span = prior[-1].speaker, prior[-1].speaker_span
            return
        if subject is not None:
            span = self._np_span(subject)
            if subject.pos_ == "PRON" and subject.lower_ in self.words["no_speaker"]:
                if cue.impersonal:
                    self._document_speaker(draft, sent, token)
                return
            if subject.pos_ == "PRON" or subject.lower_ in ("beide", "beiden"):
                draft.speaker_span = span
                draft.speaker = self._antecedent(subject, sent)
                return
            _, hi = self._clause_bounds(sent, token)
            chunk = self._np_after(self.doc.char_span(*span, alignment_mode="expand").start, hi)
            if chunk and chunk[0] == span[0] and chunk[1] > span[1]:
                span = chunk  # "Putins außenpolitischer Berater Juri Uschakow": the parse stopped at "Putins"
            draft.speaker_span = span
            draft.speaker = self._best_entity(span, None)
            return
        if passive:  # "In einer Stellungnahme des Ministeriums wird … begründet", else the previous actor
            lo, _ = self._clause_bounds(sent, token)
            if not self._document_speaker(draft, sent, token) and self.doc[lo].lower_ != "es":
                draft.speaker = self._previous_subject(draft.sentence)  # but "Es wird befürchtet": no one named
            return
        if cue.impersonal:
            self._document_speaker(draft, sent, token)
            return
        if lo > sent.start and self.doc[lo - 1].lower_ in ("und", "sowie", "oder", "aber") and self._finite(token, sent).i == lo:
            fallback = self._sentence_subject(sent)  # "Er halte … und bezeichnete …": the subject of the first verb
        else:
            fallback = self._surface_speaker(sent, token) or self._named_before(sent, token)
        if fallback:
            draft.speaker_span = fallback
            head = self.doc.char_span(*fallback, alignment_mode="expand")
            if head is not None and len(head) == 1 and (head[0].pos_ == "PRON" or self._demonstrative(head[0])):
                draft.speaker = self._antecedent(head[0], sent)
            else:
                draft.speaker = self._best_entity(fallback, None)

    def _adopt_speakers(self, found: list[Draft], sent: SpacySpan) -> None:
        """Give the sentence's claims whose speaker is no entity (or only a modifier's) an adopted one;
        claims sharing the words ("… haben aufgerufen und angekündigt") share it."""
        adopted: dict[tuple[int, int], str] = {}
        for d in found:
            span = d.speaker_span
            if span in adopted:
                d.speaker = adopted[span]
            elif span is not None and (d.speaker is None or self._is_place(d.speaker) or self._modifier_only(span)):
                key = self._adopted_speaker(span, self._cue_verb(d, sent))
                d.speaker = key or (None if self._is_place(d.speaker) else d.speaker)  # a place never speaks
                if key:
                    adopted[span] = key

    def _is_place(self, key: str | None) -> bool:
        entity = self.index.by_key.get(key or "")
        return entity is not None and entity.type == "Place"

    def _cue_verb(self, draft: Draft, sent: SpacySpan) -> Token | None:
        """The finite verb of a claim's cue, if the cue is a verb: its number is its subject's."""
        token = self.doc.char_span(draft.cue[0], draft.cue[1], alignment_mode="expand") if draft.cue else None
        if token is None or token[0].pos_ not in ("VERB", "AUX"):
            return None
        return self._finite(token[0], sent)

    def _adopted_speaker(self, span: tuple[int, int], verb: Token | None = None) -> str | None:
        """A speaker named only by a common noun of `speaker_nouns.jsonl` ("einer Bauerngewerkschaft",
        "Augenzeugen", "Die Richterin") becomes an entity of the article: a claim's author must be
        one. A definite singular person noun refers back to the person the article titled so
        ("der Richterin Melissa C. Jackson"); plural people are a group."""
        words = self.doc.char_span(*span, alignment_mode="expand")
        if not words:
            return None
        head = self._span_head(span) or words[-1]
        if head.pos_ == "PROPN" or self.index.at(head.idx, head.idx + len(head)):
            return self._named_by_noun(words, head)
        if not head.text[:1].isupper():
            return None
        noun, kind = self._speaker_noun(head.text)
        if kind is None:
            return self._named_by_noun(words, head)  # "die Tageszeitung Nordkurier"
        if kind == "person" and (named := self._apposed_person(span)):
            return named
        plural = kind == "group" or (noun == head.text and self._plural(head, verb))
        first = words[0].lower_
        if kind == "person" and not plural and first in ("der", "die") and (titled := self._titled_person(head)):
            return titled
        if kind == "organization" and first in ("der", "die", "das") and (named := self._named_organization(noun)):
            return named
        kind = "group" if plural else kind
        label = self._nominative_label(words, head, plural, noun)
        same = next((e for e in self.index.entities if e.type.lower() == kind and e.label.casefold() == label.casefold()), None)
        key = same.key if same else f"{kind}/{self.index.article_id}/{slug(label)}"
        entity = Entity(key, kind.capitalize(), label, anonymous=first in INDEFINITE)
        entity.mentions.append(self.sents.mention(*span))
        return self.index.adopt(entity)

    def _named_by_noun(self, words: SpacySpan, head: Token) -> str | None:
        """"die israelische Tageszeitung Haaretz": a name after an actor noun is an actor of the
        noun's kind, whatever the recogniser took it for (here a place)."""
        noun = next((t for t in reversed(words[: head.i - words.start]) if t.pos_ == "NOUN" and self.lex.speaker_kind(t.text)), None)
        if noun is None:
            return None
        kind = "person" if self.lex.speaker_kind(noun.text) == "person" else "organization"
        start, end = self.doc[noun.i + 1].idx, words.end_char
        label = self.text[start:end].strip("„“”\"»« ")
        if not label or any(e.type == kind.capitalize() for e in map(self.index.by_key.get, self.index.at(start, end))):
            return None
        entity = Entity(f"{kind}/{slug(label)}", kind.capitalize(), label)
        entity.mentions.append(self.sents.mention(start, end))
        return self.index.adopt(entity)

    def _speaker_noun(self, word: str) -> tuple[str, str | None]:
        """The actor noun a speaker's head names and its kind; a frame noun's compound names its
        source by its first part ("Armeeangaben" → Armee, "Medienberichten" → Medien)."""
        if kind := self.lex.speaker_kind(word):
            return word, kind
        for suffix in {w[1:] for frame in self.lex.frames for w in frame.words if w.startswith("*")}:
            stem = word[: -len(suffix)].rstrip("-")
            if word.lower().endswith(suffix) and len(stem) > 2:
                for noun in (stem, stem[:-1] if stem.endswith("s") else ""):  # "Regierungskreisen": linking s
                    if noun and (kind := self.lex.speaker_kind(noun)):
                        return noun, kind
        return word, None

    def _modifier_only(self, span: tuple[int, int]) -> bool:
        """The speaker entity came from a modifier before an actor noun no entity covers ("die
        chinesische Regierung" is not China, "Chinesische Politiker" are not China)."""
        head = self._span_head(span)
        if head is None or any(s <= head.idx < e for s, e, _ in self.index.spans):
            return False
        inside = [(s, e) for s, e, _ in self.index.spans if span[0] <= s and e <= span[1]]
        return bool(inside) and all(e <= head.idx for _, e in inside)

    def _apposed_person(self, span: tuple[int, int]) -> str | None:
        """"Dolkun Isa, der Sekretär …, sagte", "Die Chefjuristin der Regierung, Anabella Morfin
        verwies": a person's name in apposition to the noun names the speaker."""
        for s, e, key in self.index.spans:
            if self.index.by_key[key].type == "Person" and (
                    (e <= span[0] and self.text[e : span[0]].strip() == ",") or (s >= span[1] and self.text[span[1] : s].strip() == ",")):
                return key
        return self._unrecognised_name(span)

    def _unrecognised_name(self, span: tuple[int, int]) -> str | None:
        """"Dolkun Isa, der Sekretär …": two or three capitalised words opening the sentence before the
        apposition's comma are a name the recogniser missed; the person is adopted."""
        first = self.doc.char_span(*span, alignment_mode="expand")
        if first is None or first.start < 3 or self.doc[first.start - 1].text != ",":
            return None
        sent = first[0].sent
        words = self.doc[sent.start : first.start - 1]
        if not 2 <= len(words) <= 3 or not all(t.is_alpha and t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN", "X") for t in words):
            return None
        if any(self.lex.speaker_kind(t.text) or self.index.at(t.idx, t.idx + len(t)) for t in words):
            return None  # "Die Sprecherin Anna" is no bare name; a known entity is no missed one
        label = words.text
        entity = Entity(f"person/{slug(label)}", "Person", label)
        entity.mentions.append(self.sents.mention(words.start_char, words.end_char))
        return self.index.adopt(entity)

    def _plural(self, head: Token, verb: Token | None) -> bool:
        """The number of a noun phrase's head: its finite verb's where it is the subject ("Die Mönche
        verlangen"; the tagger's noun morphology is less reliable), else its own or its determiner's."""
        verbs = [head.head, *(c for c in head.head.children if c.dep_.startswith("aux"))] if head.dep_ in SUBJECT else []
        verbs = [verb] if verb is not None and _finite_form(verb) else verbs
        if verb is None and any(d.text == "der" for d in self.doc[max(head.i - 3, 0) : head.i] if d.pos_ == "DET") and (
                "Fem" not in head.morph.get("Gender")):
            return True  # a frame's source "in den Augen der Kritiker": "der" before a masculine noun is a genitive plural
        dets = [c for c in head.children if c.pos_ == "DET"]
        number = next((t.morph.get("Number")[0] for t in verbs if _finite_form(t) and t.morph.get("Number")), None)
        number = number or next((t.morph.get("Number")[0] for t in (head, *dets) if t.morph.get("Number")), "Sing")
        return number == "Plur"

    def _named_organization(self, noun: str) -> str | None:
        """"Die Staatsanwaltschaft" where the article names "der Bezirks-Staatsanwaltschaft von Manhattan":
        a definite organisation noun refers to the organisation whose name has it as a word's end."""
        low = noun.lower()
        found = [e.key for e in self.index.entities if e.type == "Organization" and e.label.lower() != low
                 and any(w.replace("-", "").endswith(low) for w in e.label.lower().split())]
        return found[0] if len(found) == 1 else None

    def _titled_person(self, head: Token) -> str | None:
        """"Die Richterin" after "der Richterin Melissa C. Jackson": the last person named right after
        that title (or a compound ending in it: "Sozialminister Carlos Rodas" for "Der Minister")."""
        found = None
        for start, _, key in self.index.spans:
            if start >= head.idx:
                break
            before = self.doc.char_span(start, start + 1, alignment_mode="expand")
            if before is None or before.start == 0 or self.index.by_key[key].type != "Person":
                continue
            title = self.doc[before.start - 1]
            if title.text.lower().endswith(head.text.lower()):
                found = key
        return found

    def _nominative_label(self, words: SpacySpan, head: Token, plural: bool, noun: str) -> str:
        """The phrase's name in the nominative, without article or quantifier: "einer
        Bauerngewerkschaft" → "Bauerngewerkschaft", "politischer Beobachter" → "politische Beobachter",
        "von Kritikern" → "Kritiker"."""
        gender = {"Masc": "m", "Fem": "f", "Neut": "n"}.get(next(iter(head.morph.get("Gender")), ""), "f")
        before = list(words)
        j = words.start - 1
        while noun != head.text and j >= 0 and self.doc[j].pos_ == "ADJ":  # "nach israelischen Armeeangaben"
            before.insert(0, self.doc[j])
            j -= 1
        adjectives = [t.text.lower() for t in before if t.i < head.i and t.pos_ == "ADJ" and t.is_alpha
                      and t.lower_ not in self.words["speaker_quantifiers"]]
        adjectives = [adjective_stem(a) + "e" if plural else inflect_adjective(a, gender) for a in adjectives]
        if noun != head.text:
            return " ".join([*adjectives, noun])  # a compound's first part: "israelischen Armeeangaben"
        dative = "Dat" in head.morph.get("Case") or words[0].pos_ == "ADP"
        if plural and dative and noun.endswith(("ern", "eln")):
            noun = noun[:-1]  # dative plural: "von Kritikern" → "Kritiker"
        elif not plural and head.pos_ == "NOUN" and head.lemma_[:1].isupper():
            noun = head.lemma_  # "des Verbandes" → "Verband"
        return " ".join([*adjectives, noun])

    def _named_before(self, sent: SpacySpan, token: Token) -> tuple[int, int] | None:
        """A name of the article right before the verb, however the tagger took it (headlines:
        "Macron warnt vor Eskalation")."""
        lo, _ = self._clause_bounds(sent, token)
        for t in reversed(self.doc[lo : token.i]):
            if t.text[:1].isupper() and t.is_alpha and self._by_name(t):
                return t.idx, t.idx + len(t)
        return None

    def _np_span(self, head: Token) -> tuple[int, int]:
        """The noun phrase a head word leads: its parse subtree, cut at punctuation, verbs and
        relative clauses, and kept contiguous around the head."""
        sub = {t.i for t in head.subtree}
        lo = hi = head.i
        while lo - 1 in sub and not self._np_stop(self.doc[lo - 1]):
            lo -= 1
        while hi + 1 in sub and not self._np_stop(self.doc[hi + 1], head):
            hi += 1
        return self.doc[lo].idx, self.doc[hi].idx + len(self.doc[hi])

    def _np_stop(self, t: Token, head: Token | None = None) -> bool:
        if head is not None and t.i > head.i and t.pos_ == "DET" and t.lower_ not in ("des", "der"):
            return True  # the parse ran into the object: "Macron eine Waffenruhe"
        return (t.is_punct and t.text not in "-") or t.pos_ in ("VERB", "AUX", "SCONJ") or t.idx in self.in_quote

    def _entities(self, start: int, end: int) -> list[str]:
        return [k for k in self.index.at(start, end)]

    def _best_entity(self, span: tuple[int, int], head: Token | None, act: bool = True, strict: bool = False) -> str | None:
        """The actor a noun phrase names: the entity at its head, else an appositive name, else the
        first actor that is not a genitive ("Putins Berater Uschakow" is Uschakow), places last."""
        head = head if head is not None else self._span_head(span)
        if head is not None and not any(s <= head.idx < e for s, e, _ in self.index.spans) and (key := self._by_name(head)):
            return self.index.actor(key) if act else key  # a name the recogniser missed here
        ranked = []
        for start, end, key in self.index.spans:
            if end <= span[0] or start >= span[1]:
                continue
            entity = self.index.by_key[key]
            if head is not None and start <= head.idx and head.idx + len(head) <= end:
                rank = 0
            elif entity.type == "Place":
                rank = 4
            elif (head is not None and self._appositive(start, head)) or (
                    entity.type == "Person" and end == span[1] and not self._genitive(self.text[start:end])):
                rank = 1  # "der … Außenminister der Russischen Föderation Sergei Lawrow": the closing name
            elif self._genitive(self.text[start:end]):
                rank = 3
            else:
                rank = 2
            ranked.append((rank, start - end, start, key))
        if strict:  # only the head or its apposition: "Biden nach Angaben des Kremls" is not the Kremlin
            ranked = [r for r in ranked if r[0] <= 1]
        if not ranked and strict:
            return None
        if not ranked:
            words = self.doc.char_span(*span, alignment_mode="expand") or []
            key = next((k for t in words if t.pos_ == "PROPN" or t.text[:1].isupper() if (k := self._by_name(t))), None)
            return (self.index.actor(key) if act else key) if key else None
        key = min(ranked)[3]
        return self.index.actor(key) if act else key

    def _by_name(self, token: Token) -> str | None:
        """"Uschakows", "Biden" where the recogniser missed them: a name the article gives elsewhere."""
        text = token.text
        for name in (text, text[:-1] if text.endswith("s") else None, text.rstrip("'’")):
            if name and name in self.names:
                return self.names[name]
        return None

    def _span_head(self, span: tuple[int, int]) -> Token | None:
        """The head of a noun phrase found on the surface: its last noun before a genitive or a
        preposition ("Der Sprecher des Ministeriums" → Sprecher, "US-Präsident Joe Biden" → Biden)."""
        words = self.doc.char_span(*span, alignment_mode="expand")
        head = None
        for t in words or []:
            if head is not None and t.text == "(":
                break  # "Kristina Schröder (CDU)": the party in brackets is no head
            if self._nounlike(t) or (not self.parsed and t.text[:1].isupper()):
                head = t
            elif head is not None and t.pos_ in ("DET", "ADP"):
                break
        return head

    def _appositive(self, char: int, head: Token) -> bool:
        tok = next((t for t in head.subtree if t.idx == char), None)
        return tok is not None and tok.head.i == head.i and tok.dep_ in ("appos", "flat", "flat:name", "nk", "pnc", "nmod") and not tok.text.endswith("s")

    @staticmethod
    def _genitive(text: str) -> bool:
        return text.endswith("s") and not text.endswith(("us", "os", "as", "is", "es"))

    def _antecedent(self, pronoun: Token, sent: SpacySpan) -> str | None:
        """A pronoun or relative pronoun speaking: the noun a relative clause hangs on, else the
        nearest person (or actor) named before it."""
        if "Rel" in pronoun.morph.get("PronType") and pronoun.head.head is not pronoun.head:
            noun = pronoun.head.head
            return self._best_entity(self._np_span(noun), noun)
        if pronoun.lower_ in ("beide", "beiden"):
            return self._last_actor(pronoun.idx, person=True)
        person = pronoun.lower_ in ("er", "ihm", "ihn")
        features = self._pronoun_features(pronoun)
        clause = pronoun.sent.start_char if pronoun.dep_ in SUBJECT else None
        agreeing = self._last_actor(pronoun.idx, person=False, features=features, clause=clause) if features else None
        return agreeing or self._last_actor(pronoun.idx, person=person, clause=clause, countries=False)

    def _pronoun_features(self, pronoun: Token) -> tuple[str, str] | None:
        """Gender and number of "er"/"sie"/"ihm"/"ihnen": "sie" is plural when its verb is ("sie
        erklärten"), else feminine singular."""
        low = pronoun.lower_
        if low in ("er", "ihm", "ihn"):
            return "Masc", "Sing"
        if low == "ihnen":
            return "", "Plur"
        if low != "sie" or (pronoun.text == "Sie" and not pronoun.is_sent_start):
            return None  # "Sie" inside a sentence addresses someone
        verb = pronoun.head if pronoun.dep_ in SUBJECT else None
        aux = [c for c in verb.children if c.dep_.startswith("aux") and _finite_form(c)] if verb is not None else []
        number = next((t.morph.get("Number")[0] for t in [*aux, verb] if t is not None and _finite_form(t) and t.morph.get("Number")), None)
        number = number or (pronoun.morph.get("Number") or ["Sing"])[0]
        return ("Fem", "Sing") if number == "Sing" else ("", "Plur")

    def _agrees(self, start: int, end: int, entity_type: str, features: tuple[str, str]) -> bool:
        """Can a pronoun with these features refer to this mention? A person is singular and of
        unknown gender; other actors by the grammar of their noun ("die Regierung" → sie, "der
        Konzern" → er, "die Grünen" → sie, plural)."""
        gender, number = features
        words = self.doc.char_span(start, end, alignment_mode="expand")
        if words is None:
            return False
        if entity_type == "Person":  # a name's gender is unknown, a title's is not: "dem Bürgermeister Peter Braun"
            title = [t for t in self.doc[max(words.start - 2, 0) : words.start] if t.pos_ in ("NOUN", "DET") and t.morph.get("Gender")]
            return number == "Sing" and (not title or not gender or gender in title[-1].morph.get("Gender"))
        head = words[-1]
        det = self.doc[words.start - 1] if words.start > 0 and self.doc[words.start - 1].pos_ == "DET" else None
        heads = [t for t in (head, det) if t is not None]
        found_number = next((t.morph.get("Number")[0] for t in heads if t.morph.get("Number")), None)
        found_gender = next((t.morph.get("Gender")[0] for t in heads if t.morph.get("Gender")), None)
        if number == "Plur":
            return found_number == "Plur" or entity_type == "Group"
        return found_number != "Plur" and found_gender == gender

    def _last_actor(self, before: int, person: bool, features: tuple[str, str] | None = None,
                    clause: int | None = None, countries: bool = True) -> str | None:
        """The nearest actor named before a position: a person where asked, one agreeing with a
        pronoun's gender and number where given. From `clause` on (a subject pronoun's sentence),
        objects are passed over: in "Den Währungsfonds forderte er auf" "er" is not the fund. A
        pronoun that agrees with no one falls back on the nearest actor but a country (`countries`):
        "Russland" is neuter, no "sie" or "er" of a nearby sentence."""
        best = None
        for start, end, key in self.index.spans:
            if end > before:
                break
            entity = self.index.by_key[key]
            if entity.type == "Place" or (person and entity.type != "Person") or (not countries and entity.type == "Country"):
                continue
            if clause is not None and start >= clause and self._oblique(start):
                continue
            if features and not self._agrees(start, end, entity.type, features):
                continue
            best = key
        return self.index.actor(best) if best else None

    def _oblique(self, start: int) -> bool:
        """A mention visibly not in the nominative: after "den"/"dem"/"einem" (adjectives between) or a preposition."""
        first = self.doc.char_span(start, start + 1, alignment_mode="expand")
        j = first.start - 1 if first is not None else -1
        while j >= 0 and self.doc[j].pos_ == "ADJ":
            j -= 1
        return j >= 0 and (self.doc[j].lower_ in _NOT_NOMINATIVE or self.doc[j].pos_ == "ADP")

    def _previous_subject(self, i: int) -> str | None:
        """An agentless passive ("Darin wird … gefordert") continues the previous sentence's actor."""
        if i == 0 or self.spans[i - 1] is None:
            return None
        prev = self.spans[i - 1]
        for t in prev:
            if t.dep_ in ("nsubj", "sb") and t.head.dep_ in ("ROOT", "root") or (t.dep_ in ("nsubj", "sb") and t.head == prev.root):
                return self._best_entity(self._np_span(t), t)
        return None

    def _document_speaker(self, draft: Draft, sent: SpacySpan, token: Token) -> bool:
        """"In einem Positionspapier des Ministeriums heißt es", "Darin steht": the document speaks
        (for its author, where the article names one); else the actor named before the cue."""
        document = self._document_phrase(sent, token)
        if document is None:
            draft.speaker = self._document_source(sent, token)
            return False
        draft.speaker_span = document
        draft.speaker = self._best_entity(document, None) or self._document_source(sent, token)
        return True

    def _document_phrase(self, sent: SpacySpan, token: Token) -> tuple[int, int] | None:
        """"in einer Erklärung des Ministeriums" before the cue or in its clause (a relative clause
        may follow it: "In einer Stellungnahme, auf die sich … berufen, wird … begründet"); "darin"
        points to the document the sentence before names."""
        lo, hi = self._clause_bounds(sent, token)
        for t in self.doc[sent.start : hi]:
            if t.idx in self.in_quote:
                continue
            if t.lower_ in ("in", "im"):
                span = self._np_after(t.i + 1, hi if t.i >= lo else sent.end)
                if span and self._document_noun(span):
                    return span
            if t.lower_ in self.words["anaphoric_document"] and t.i >= lo and sent.start > 0:
                return self._document_before(sent)
        return None

    def _document_noun(self, span: tuple[int, int]) -> Token | None:
        """The document noun in a noun phrase: "Erklärung", "Positionspapier", "Schreiben"."""
        words = self.doc.char_span(*span, alignment_mode="expand") or []
        nouns = self.words["document_nouns"]
        return next((w for w in words if w.lemma_ in nouns or w.text in nouns or (
            w.pos_ == "NOUN" and any(w.text.endswith(n.lower()) for n in nouns))), None)

    def _document_before(self, sent: SpacySpan) -> tuple[int, int] | None:
        """The last document the previous sentence names ("Die Polizei gab eine Stellungnahme ab. Darin …")."""
        prev = self.doc[sent.start - 1].sent
        for t in reversed(prev):
            if t.idx not in self.in_quote and t.pos_ == "NOUN" and self._document_noun((t.idx, t.idx + len(t))):
                j = t.i
                while j > prev.start and self.doc[j - 1].pos_ in ("DET", "ADJ"):  # "eine neue Stellungnahme"
                    j -= 1
                return self.doc[j].idx, t.idx + len(t)
        return None

    def _document_source(self, sent: SpacySpan, token: Token) -> str | None:
        """"In einer Erklärung des Ministeriums hieß es": the actor named before the cue."""
        keys = self._entities(sent.start_char, token.idx)
        return self.index.actor(keys[-1]) if keys else None

    def _finite(self, token: Token, sent: SpacySpan) -> Token:
        """The finite verb of the cue's clause: the cue itself, or its auxiliary ("hat … gewarnt")."""
        lo, _ = self._clause_bounds(sent, token)
        aux = [t for t in self.doc[lo : token.i] if t.pos_ == "AUX" or t.lower_ in _AUXILIARIES]
        return aux[0] if aux else token  # a verb after an auxiliary of its clause is non-finite

    def _surface_speaker(self, sent: SpacySpan, token: Token) -> tuple[int, int] | None:
        """Without a subject from the parse: a noun phrase filling the field before the finite verb
        ("Der Sprecher sagte"), else the one right after it (", sagte der Sprecher", "Am Montag hat
        der Sprecher … gesagt")."""
        lo, hi = self._clause_bounds(sent, token)
        finite = self._finite(token, sent)
        end = finite.i
        while end > lo + 1 and self.doc[end - 1].pos_ == "ADV":  # "Putin wiederum warnte"
            end -= 1
        if end > lo and (span := self._np_before(end, lo)) and span[0] == self.doc[lo].idx and self._nominal(span):
            head = self._span_head(span)
            if not (head is not None and head.pos_ == "NOUN" and self._name_after(finite, sent)):
                return span
        if end == lo and (span := self._relative_antecedent(sent, lo) or self._apposed_subject(sent, lo)):
            return span
        span = self._np_after(self._past_objects(finite.i + 1, hi), hi)
        return span if span and self._nominal(span) else None

    def _relative_antecedent(self, sent: SpacySpan, lo: int) -> tuple[int, int] | None:
        """"Die Partei, die am Samstag den Sieg reklamiert hatte, beschuldigte die Regierung …": a
        relative clause fills the field before the verb, so the subject is the noun phrase it hangs
        on at the sentence start, not the object after the verb."""
        if lo - 2 <= sent.start or self.doc[lo - 1].text != "," or not _finite_verb(self.doc[lo - 2]):
            return None
        rel = next((t for t in reversed(self.doc[sent.start + 1 : lo - 2]) if self.doc[t.i - 1].text == ","
                    and "Rel" in t.morph.get("PronType")), None)
        if rel is None or any(t.text == "," for t in self.doc[rel.i : lo - 1]):
            return None
        words = self.doc[sent.start : rel.i - 1]
        if not 0 < len(words) <= 12 or any(t.idx in self.in_quote or t.pos_ in ("VERB", "AUX", "SCONJ") or t.text == "," for t in words):
            return None
        span = words[0].idx, words[-1].idx + len(words[-1])
        return span if self._nominal(span) else None

    def _apposed_subject(self, sent: SpacySpan, lo: int) -> tuple[int, int] | None:
        """"Der Korrespondent in Mexiko-Stadt, Will Grant, berichtete" / "Wie die Sprecherin, Anna Berg,
        mitteilte": the commas of an apposition end the clause before the verb; the subject is the
        verbless stretch from the sentence (or "wie") start to that comma."""
        if lo - 1 <= sent.start or self.doc[lo - 1].text != ",":
            return None
        start = sent.start + (self.doc[sent.start].lower_ == "wie")
        words = self.doc[start : lo - 1]
        if not 0 < len(words) <= 16 or sum(t.text == "," for t in words) > 1 or any(
                t.idx in self.in_quote or t.pos_ in ("VERB", "AUX", "SCONJ") or _finite_verb(t) for t in words):
            return None
        span = words[0].idx, words[-1].idx + len(words[-1])
        return span if self._nominal(span) else None

    def _nominal(self, span: tuple[int, int]) -> bool:
        """A possible subject: a noun, name, personal or demonstrative pronoun ("Diese glaubten"),
        not visibly dative or accusative."""
        words = self.doc.char_span(*span, alignment_mode="expand") or []
        if len(words) == 1 and (self._adverb(words[0]) or words[0].pos_ == "NOUN" and not words[0].morph.get("Number")):
            return False  # "Unterdessen", "Ähnlich": a capitalised adverb the tagger took for a noun
        has_head = any(self._nounlike(t) or (t.pos_ == "PRON" and t.lower_ not in _NOT_SPEAKER_PRON) for t in words)
        return (has_head or len(words) == 1 and self._demonstrative(words[0])) and self._nominative(span)

    def _adverb(self, t: Token) -> bool:
        """A sentence adverb opening the clause ("Unterdessen", "Ähnlich"), whatever the tagger said."""
        return t.lower_ in self.words["clause_adverbs"]

    @staticmethod
    def _demonstrative(t: Token) -> bool:
        """"Diese", "Jener" standing alone for a person or group named before."""
        return "Dem" in t.morph.get("PronType") and t.lower_ not in _NOT_SPEAKER_PRON and t.pos_ in ("DET", "PRON")

    def _nounlike(self, t: Token) -> bool:
        """A noun, a name, or an adjective used as a noun ("Der GdP-Vorsitzende", "die 58-Jährige"):
        capitalised after a determiner, with no noun after it."""
        if t.pos_ in ("NOUN", "PROPN"):
            return True
        nxt = self.doc[t.i + 1] if t.i + 1 < len(self.doc) else None
        return (t.pos_ in ("ADJ", "NUM") and t.i > 0 and self.doc[t.i - 1].pos_ == "DET" and t.text.split("-")[-1][:1].isupper()
                and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ")))

    def _nominative(self, span: tuple[int, int]) -> bool:
        """Not visibly dative or accusative: "den …", "dem …", "einem …" are never subjects, nor is a
        phrase opening with a preposition ("Gegenüber Spiegel Online")."""
        first = re.match(r"\w+", self.text[span[0] : span[1]])
        if first is None:
            return True
        token = self.doc.char_span(span[0], span[0] + len(first.group()), alignment_mode="expand")
        return first.group().lower() not in _NOT_NOMINATIVE and not (token is not None and token[0].pos_ == "ADP" and token[0].tag_ == "APPR")

    def _np_after(self, j: int, hi: int) -> tuple[int, int] | None:
        """A noun phrase by its parts of speech: determiners, adjectives, nouns, names, a genitive."""
        toks: list[Token] = []
        while j < hi and len(toks) < 10:
            t = self.doc[j]
            if t.text.endswith("-") and len(t) > 1 and j + 2 < hi and self.doc[j + 1].pos_ == "CCONJ":
                toks += [t, self.doc[j + 1]]  # "Kongress- und Verteidigungskreise"
                j += 2
                continue
            if self._capitalised(t):
                toks.append(t)  # a noun or name, whatever the tagger said ("France Info", "Kongress-")
                j += 1
                continue
            if t.idx in self.in_quote or (t.is_punct and t.text not in "-()") or t.pos_ in _NOT_NP:
                break
            if _finite_form(t) and t.pos_ not in ("NOUN", "PROPN"):
                break  # a finite verb the tagger called something else
            if t.pos_ == "ADP" and (toks or t.lower_ not in ("von", "vom")):
                break
            if t.pos_ == "PRON" and toks:
                break
            if t.pos_ == "DET" and t.lower_ not in ("des", "der") and any(x.pos_ in ("NOUN", "PROPN") for x in toks):
                break  # "Macron eine Waffenruhe": a second noun phrase starts
            toks.append(t)
            if t.pos_ == "PRON":
                break
            j += 1
        while toks and toks[-1].pos_ in ("ADP", "DET", "CCONJ") or toks and toks[-1].text in "(-":
            toks.pop()
        if j < hi and (q := self._quote_at(self.doc[j].idx)) and len(self.text[q.start : q.end].split()) <= 4:
            return (toks[0].idx if toks else q.start), q.end  # a name in quotation marks: "laut „Reuters“", "der Website „x.com“"
        return (toks[0].idx, toks[-1].idx + len(toks[-1])) if toks else None

    def _capitalised(self, t: Token) -> bool:
        """A capitalised word inside a sentence, outside quotations: in German a noun or a name."""
        return t.text[:1].isupper() and not t.is_sent_start and t.idx not in self.in_quote and t.text[:-1].replace("-", "").isalpha()

    def _np_before(self, j: int, lo: int) -> tuple[int, int] | None:
        toks: list[Token] = []
        j -= 1
        while j >= lo and len(toks) < 10:
            t = self.doc[j]
            name_particle = t.lower_ in _NAME_PARTICLES and toks and (toks[0].text[:1].isupper() or toks[0].lower_ == "der")
            if not self._capitalised(t) and (t.idx in self.in_quote or (t.is_punct and t.text not in "-()") or t.pos_ in _NOT_NP
                                             or (t.pos_ == "ADP" and not name_particle) or (t.pos_ == "PRON" and toks)):
                break
            toks.insert(0, t)
            j -= 1
        return (toks[0].idx, toks[-1].idx + len(toks[-1])) if toks else None

    def _addressees(self, token: Token, cue: Cue, draft: Draft, sent: SpacySpan) -> list[str]:
        """"sagte … zu Putin", "warnte Biden", "wirft Kiew und der NATO … vor": the cue's objects or
        prepositional phrases that the data names as its addressee, as actors."""
        lo, hi = self._clause_bounds(sent, token)
        spans = []
        for t in self.doc[lo:hi]:
            if t.lower_ in cue.addressee and t.pos_ in ("ADP", "") and not draft.content[0] <= t.idx < draft.content[1]:
                if span := self._np_after(t.i + 1, hi):
                    spans.append(span)
        for child in token.children:
            if (child.dep_ in IOBJ and "iobj" in cue.addressee) or (child.dep_ in OBJECT and "obj" in cue.addressee):
                spans += [self._np_span(x) for x in (child, *(c for c in child.children if c.dep_ in CONJ))]
        if cue.addressee != DEFAULT_ADDRESSEE and {"obj", "iobj"} & set(cue.addressee):
            spans += self._objects(token, sent, draft, hi)
        out: list[str] = []
        for span in spans:
            if draft.speaker_span and span[0] < draft.speaker_span[1] and draft.speaker_span[0] < span[1]:
                continue
            key = self._best_entity(span, None, act=False, strict=True)
            if key is None:
                continue
            actor = self.index.actor(key)
            place = self.index.by_key[key].type == "Place" and actor == key
            if actor != draft.speaker and not place and actor not in out:
                out.append(actor)
        return out

    def _objects(self, token: Token, sent: SpacySpan, draft: Draft, hi: int) -> list[tuple[int, int]]:
        """Noun phrases right after the finite verb (and its subject), joined by "und": "warnte
        Biden", "wirft Kiew und der NATO … vor"; each reduced to the actor at its head."""
        j = self._finite(token, sent).i + 1
        if draft.speaker_span and j < hi and draft.speaker_span[0] >= self.doc[j].idx:
            end = self.doc.char_span(*draft.speaker_span, alignment_mode="expand")
            j = end.end if end is not None else j
        out = []
        while j < hi:
            while j < hi and self.doc[j].pos_ == "ADV":
                j += 1
            span = self._np_after(j, hi) if j < hi else None
            key = self._best_entity(span, None, act=False) if span else None
            if key is None:
                break
            mention = next(((s, e) for s, e, k in self.index.spans if k == key and span[0] <= s < span[1]), span)
            out.append(mention)
            words = self.doc.char_span(*span, alignment_mode="expand")
            j = words.end if words is not None else hi
            if j < hi and (self.doc[j].pos_ == "CCONJ" or self.doc[j].text == ","):
                j += 1
                continue
            break
        return out

    def _frame_roles(self, draft: Draft, sent: SpacySpan) -> None:
        """"sagte Biden nach Angaben des Weißen Hauses": the frame's source is the channel (or, for a
        person, the reporter) of a claim whose speaker the verb names."""
        for frame, lo, hi, source in self._frames(sent):
            inside = draft.content[0] <= self.doc[lo].idx < draft.content[1]
            if inside and draft.mode != "reported":
                continue  # a frame inside a quotation or clause belongs to the message
            if inside:
                draft.content = self._without(draft.content, (self.doc[lo].idx, source[1] if source else self.doc[hi - 1].idx + len(self.doc[hi - 1])))
            key = self._source_key(source, act=False)
            if draft.speaker is None and draft.speaker_span is None and source:
                # "Wie aus Unternehmenskreisen verlautete": the frame names the only source
                draft.speaker, draft.speaker_span = (self.index.actor(key) if key else None), source
                continue
            if not key or self.index.actor(key) == draft.speaker:
                continue
            if draft.speaker is None:
                continue
            elif self.index.by_key.get(key) and self.index.by_key[key].type == "Person":
                draft.reported_by = key
            else:
                draft.via = key

    def _without(self, content: tuple[int, int], frame: tuple[int, int]) -> tuple[int, int]:
        """The message without a frame at its start or end ("Nach Angaben X forderte …")."""
        start, end = content
        if frame[0] <= start + 1 and frame[1] < end:
            start = frame[1]
            while start < end and self.text[start] in " ,":
                start += 1
        elif frame[1] >= end - 1 and frame[0] > start:
            end = self._trim(start, frame[0])
        return start, end

    def _refine_type(self, draft: Draft) -> str:
        """A neutral verb reporting "müsse …" is a demand, "werde …" a prediction."""
        if draft.type not in ("statement", "assessment") or draft.mode == "reported":
            return draft.type
        return self._modal_type(*draft.content) or draft.type

    def _modal_type(self, start: int, end: int) -> str | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        for t in span:
            if not self._konjunktiv(t) and t.idx not in self.in_quote:
                continue
            if t.lemma_ in self.words["demand_modals"] or t.lower_ in ("müsse", "müssten", "solle", "sollten", "müsste"):
                return "demand"
            if t.lemma_ in self.words["future_aux"] and t.lower_ in ("werde", "werden", "würden", "würde"):
                if any(x.tag_ == "VVINF" or x.pos_ == "VERB" for x in span[t.i - span.start + 1 :]):
                    return "prediction"
        return None

    # --- frames without a verb ------------------------------------------------------------------

    def _frames(self, sent: SpacySpan) -> list[tuple[Frame, int, int, tuple[int, int] | None]]:
        """Attribution frames in a sentence: (frame, first token, end token, source span).
        Asked once per sentence and again per cue in it, so the answer is kept."""
        if sent.start not in self.frame_cache:
            self.frame_cache[sent.start] = self._find_frames(sent)
        return self.frame_cache[sent.start]

    def _find_frames(self, sent: SpacySpan) -> list[tuple[Frame, int, int, tuple[int, int] | None]]:
        out = []
        toks = list(sent)
        for k, t in enumerate(toks):
            if t.idx in self.in_quote:
                continue
            for frame in self.lex.frames_starting(t.lower_):
                end = self._match_frame(toks, k, frame)
                if end is None:
                    continue
                if frame.source == "after" and self._relative_after_comma(t, sent):
                    continue  # "ein Gutachten, laut dem …": the noun before speaks (see _noun_claims)
                source = self._frame_source(sent, frame, t.i, sent.start + end)
                if source is None and (frame.colon or frame.source == "after"):
                    continue  # "Kritik wurde laut", "dachte laut nach": no source, no frame
                if frame.after_quote and not self._after_message(t, sent):
                    continue
                out.append((frame, t.i, sent.start + end, source))
        return out

    def _match_frame(self, toks: list[Token], k: int, frame: Frame) -> int | None:
        """Index after the frame's words starting at toks[k]. Determiners and adjectives may come
        between them ("nach ersten Angaben", "nach ihren Informationen"); a word written "*angaben"
        also matches compounds ("Polizeiangaben")."""
        j = k
        for n, word in enumerate(frame.words):
            while n and j < len(toks) and not _word_match(toks[j], word) and toks[j].pos_ in ("ADJ", "DET", "ADV") and j - k < 4:
                j += 1
            if j >= len(toks) or not _word_match(toks[j], word):
                return None
            j += 1
        return j

    def _after_message(self, t: Token, sent: SpacySpan) -> bool:
        """", so der Sprecher." closes a message: after a comma, and no verb follows ("so dass …")."""
        prev = self.doc[t.i - 1] if t.i > sent.start else None
        rest = self.doc[t.i + 1 : sent.end]
        return (prev is not None and prev.text == "," and len(rest) > 0 and rest[0].pos_ not in ("VERB", "AUX", "SCONJ", "ADV")
                and rest[0].lower_ not in ("dass", "daß") and not any(x.pos_ in ("VERB", "AUX") for x in rest))

    def _frame_source(self, sent: SpacySpan, frame: Frame, lo: int, hi: int) -> tuple[int, int] | None:
        """The words naming a frame's source: the noun phrase after "laut" or before "zufolge"; a
        possessive inside it ("nach ihren Informationen", "seiner Meinung nach"); a compound's own
        first part ("nach Polizeiangaben"); the subject ("nach eigenen Angaben")."""
        doc = self.doc
        span = None
        if frame.source == "after" and (name := self._genitive_name(hi, sent)):
            return name  # "nach Angaben Uschakows"
        if frame.source == "after":
            span = self._np_after(hi, sent.end)
            first = self.doc.char_span(*span, alignment_mode="expand")[0] if span else None
            if first is not None and len(frame.words) > 1 and first.lower_ not in _GENITIVE_START and not (
                    first.pos_ == "ADJ" and first.lower_.endswith("er")):  # "nach Meinung politischer Beobachter"
                span = None  # "nach ersten Meldungen Schäden …": the next noun phrase is no genitive source
        elif frame.source == "before":
            span = self._np_before(lo, sent.start)
            if frame.colon:
                first = doc.char_span(*span, alignment_mode="expand") if span else None
                if first is None or first.start != sent.start or len(first) > 6 or not self._entities(*span):
                    return None
                return None if self._dateline(span, sent) else span
        elif frame.source == "previous":
            return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
        elif frame.source == "subject":
            return self._sentence_subject(sent)
        possessive = next((t for t in doc[max(lo - 1, sent.start) : hi] if "Yes" in t.morph.get("Poss") or t.tag_ == "PPOSAT"), None)
        if possessive is not None and (span is None or frame.source == "before"):
            return possessive.idx, possessive.idx + len(possessive)
        if span is None and any(w.startswith("*") for w in frame.words):
            compound = next((t for t in doc[lo:hi] if any(w.startswith("*") and _word_match(t, w) and t.lower_ != w[1:] for w in frame.words)), None)
            if compound is not None:
                return compound.idx, compound.idx + len(compound)
        if span is None and frame.source == "after" and hi - lo > 1:
            return doc[lo + 1].idx, doc[hi - 1].idx + len(doc[hi - 1])  # "nach ersten Untersuchungen": the reports speak
        return span

    def _dateline(self, span: tuple[int, int], sent: SpacySpan) -> bool:
        """"Simbabwe: Gericht nimmt Klage an": a place or country before a headline's colon says where,
        not who speaks (a quotation after it still makes the country speak)."""
        kinds = {self.index.by_key[k].type for k in self._entities(*span)}
        heading = self.sents.index(sent.start_char) in self.headings
        return kinds <= {"Place", "Country"} and ("Place" in kinds or heading and not self._quote_in(span[1], sent.end_char))

    def _genitive_name(self, j: int, sent: SpacySpan) -> tuple[int, int] | None:
        """"Uschakows", "Wladimir Putins": capitalised words up to one in genitive -s, with no article."""
        k = j
        while k < sent.end and k - j < 4 and self.doc[k].text[:1].isupper() and self.doc[k].is_alpha:
            if self.doc[k].text.endswith("s") and self.doc[k].pos_ in ("PROPN", "NOUN"):
                return self.doc[j].idx, self.doc[k].idx + len(self.doc[k])
            k += 1
        return None

    def _sentence_subject(self, sent: SpacySpan) -> tuple[int, int] | None:
        """The subject of a sentence's main clause: the parse's, else the noun phrase before the first verb."""
        for t in sent:
            if t.dep_ in ("nsubj", "sb") and t.idx not in self.in_quote and t.lower_ not in _NOT_SPEAKER_PRON:
                span = self._np_span(t)
                if self._nominative(span):
                    return span
        verb = next((t for t in sent if t.pos_ in ("VERB", "AUX") and t.idx not in self.in_quote), None)
        if verb is not None and (span := self._np_before(verb.i, sent.start)) and span[0] == sent.start_char:
            return span
        if verb is not None and (span := self._np_after(self._past_objects(verb.i + 1, sent.end), sent.end)) and self._nominal(span):
            return span  # "Mit den Worten „…“ eröffnete die Ministerin …": the subject after the verb
        return None

    def _past_objects(self, j: int, hi: int) -> int:
        """Past reflexive and object pronouns after a verb: "äußerte sich der Präsident", "beschrieb ihn X"."""
        while j < hi and self.doc[j].pos_ == "PRON" and ("Yes" in self.doc[j].morph.get("Reflex") or self.doc[j].lower_ in _NOT_NOMINATIVE):
            j += 1
        return j

    def _source_key(self, span: tuple[int, int] | None, act: bool = True) -> str | None:
        """The entity a frame's source names; a possessive or pronoun refers back ("ihren" → her)."""
        if span is None:
            return None
        words = self.doc.char_span(*span, alignment_mode="expand")
        if words is not None and len(words) == 1 and (words[0].pos_ == "PRON" or "Yes" in words[0].morph.get("Poss") or words[0].tag_ == "PPOSAT"):
            return self._last_actor(words[0].idx, person=words[0].lower_.startswith(("sein", "er")))
        return self._best_entity(span, None, act)

    def _frame_claims(self, i: int, sent: SpacySpan, found: list[Draft], drafts: list[Draft]) -> list[Draft]:
        """A sentence attributed only by a frame: "Nach Angaben X …", "Laut X …", "„…“, so X."."""
        out = []
        for frame, lo, hi, source in self._frames(sent):
            if any(d.cue is not None for d in found) or any(d.content[0] <= self.doc[lo].idx < d.content[1] for d in found + out):
                continue
            if any(d.cue is not None and d.cue[0] == self.doc[lo].idx for d in out):
                continue  # two frames of the lexicon matching the same words ("nach *meinung", "nach *ansicht")
            if frame.message == "after":
                message = self._message_after(sent, hi)
                if message is None:
                    continue
                start, end = message
            else:
                start, end = self._frame_message(sent, lo, hi, source)
            if end - start < 3:
                continue
            if frame.source == "previous":  # "Demnach …": the source of the report just before
                prev = drafts[-1] if drafts and drafts[-1].sentence >= i - 2 else None
                key = prev.speaker if prev else None
                source = (prev.speaker_span if prev else None) or source
            else:
                key = self._source_key(source)
            if frame.source == "subject" and frame.message == "rest":
                # "nach eigenen Angaben": the subject speaks; the words naming it are the frame's
                source = (self.doc[lo + 1].idx, self.doc[hi - 1].idx + len(self.doc[hi - 1]))
            mode = self._mode(start, end)
            cue_end = self.doc[hi - 1].idx + len(self.doc[hi - 1])
            draft = Draft(i, (start, end), frame.type, mode, cue=(self.doc[lo].idx, cue_end, self.text[self.doc[lo].idx : cue_end]),
                          speaker=key, speaker_span=source, cue_lemma=" ".join(frame.words))
            draft.type = self._refine_type(draft)
            if mode != "indirect":
                draft.quote = self._quote_span(start, end)
            draft.heading = i in self.headings
            out.append(draft)
        return out

    def _colon_quote(self, i: int, sent: SpacySpan, found: list[Draft]) -> list[Draft]:
        """"Die Firma empfindet die Kritik als ungerechtfertigt: „Nun müssen wir …“": a clause ending in a
        colon before a quotation gives the quotation to its subject, whatever the verb."""
        colon = next((t for t in sent if t.text == ":" and t.idx not in self.in_quote), None)
        if colon is None or colon.i == sent.start or any(d.content[0] <= colon.idx + 2 and colon.idx < d.content[1] for d in found):
            return []
        following = self.doc[colon.i + 1] if colon.i + 1 < sent.end else None
        q = self._quote_at(following.idx) if following is not None else None
        if q is None and colon.i + 1 >= sent.end:
            after = self._following_quote(sent)
            q = self._quote_at(after[0]) if after else None
        if q is None or not self._clausal(q) or any(d.content[0] <= q.start < d.content[1] for d in found):
            return []
        subject = self._sentence_subject(sent)
        if subject is None or subject[0] >= colon.idx:
            return []
        draft = Draft(i, (q.start, q.end), "statement", "direct", speaker_span=subject, speaker=self._best_entity(subject, None))
        draft.quote = self._quote_span(q.start, q.end)
        draft.type = self._modal_type(q.start, q.end) or "statement"
        draft.heading = i in self.headings
        return [draft]

    def _message_after(self, sent: SpacySpan, hi: int) -> tuple[int, int] | None:
        """"mit den Worten: „…“", "mit der Begründung, …": the message after the next colon or comma;
        a quotation right after the frame ("Mit den Worten „…“ richtete er …")."""
        if hi < sent.end and (q := self._quote_at(self.doc[hi].idx)) is not None:
            return q.start, q.end
        j = hi
        while j < sent.end and self.doc[j].text not in (":", ","):
            j += 1
        if j + 1 >= sent.end:
            return self._following_quote(sent) if j < sent.end and self.doc[j].text == ":" else None
        nxt = self.doc[j + 1]
        if (q := self._quote_at(nxt.idx)) is not None:
            return q.start, q.end
        return nxt.idx, self._clause_end(sent, j + 1)

    def _frame_message(self, sent: SpacySpan, lo: int, hi: int, source: tuple[int, int] | None) -> tuple[int, int]:
        """The sentence (or its part around the frame: between semicolons, or the relative clause the
        frame opens) without the frame and its source at either edge."""
        doc = self.doc
        seg_start, seg_end = self._frame_segment(sent, lo, hi)
        frame_start = min(doc[lo].idx, source[0]) if source else doc[lo].idx
        frame_end = max(doc[hi - 1].idx + len(doc[hi - 1]), source[1]) if source else doc[hi - 1].idx + len(doc[hi - 1])
        before = (seg_start, frame_start)
        after = (frame_end, seg_end)
        words = [len(self.text[a:b].split()) for a, b in (before, after)]
        if min(words) >= 2 and self.text[frame_start - 2 : frame_start].strip() not in (",", ":") and self.doc[lo].lower_ != "so":
            return seg_start, self._trim(seg_start, seg_end)  # "Die Firma wartet laut X lediglich …"
        start, end = max((before, after), key=lambda s: len(self.text[s[0] : s[1]].strip(" ,:")))
        while start < end and self.text[start] in " ,:":
            start += 1
        return start, self._trim(start, end)

    def _frame_segment(self, sent: SpacySpan, lo: int, hi: int) -> tuple[int, int]:
        """"…, die nach Einschätzung X die Luft verbessern kann": a relative clause the frame opens;
        else the part of the sentence between semicolons."""
        doc = self.doc
        start, end = sent.start, sent.end
        for t in sent:
            if t.text == ";" and t.idx not in self.in_quote:
                if t.i < lo:
                    start = t.i + 1
                elif t.i >= hi and end == sent.end:
                    end = t.i
        rel = doc[lo - 1] if lo - 1 > start else None
        if rel is not None and "Rel" in rel.morph.get("PronType") and doc[rel.i - 1].text == ",":
            start = rel.i
            end = next((t.i for t in doc[hi:end] if t.text == "," and t.idx not in self.in_quote), end)
        return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])

    # --- message nouns --------------------------------------------------------------------------

    def _noun_claims(self, i: int, sent: SpacySpan, found: list[Draft]) -> list[Draft]:
        """"Die Forderung der EU, die Zölle zu senken", "Es gab Hinweise, dass …": a message noun from
        `kg/data/message_nouns.jsonl` whose noun phrase ends at a comma before a dass/ob/zu/Konjunktiv
        clause. Its source is a genitive or "von" after it, a possessive before it, or the subject
        of the verb it is the object of; else the noun phrase itself, as the corpus annotates it."""
        out: list[Draft] = []
        for t in sent:
            claims = found + out
            if t.pos_ not in ("NOUN", "PROPN") or t.idx in self.in_quote:
                continue
            ctype = self._message_noun(t)
            comma = self._noun_phrase_end(t, sent)
            relative = self._relative_frame(sent, comma) if comma is not None else None
            if relative is not None and ctype is None and self.doc[comma + 1].lower_ == "nach" and not self._document_noun((t.idx, t.idx + len(t))):
                relative = None  # "der Brand, nach dem das Werk stillgelegt wurde": "nach dem" in time
            if ctype is None and relative is None:
                continue
            if any(d.content[0] <= t.idx < d.content[1] and d.mode != "reported" for d in claims):
                continue  # "sagte, die Forderung sei …": the noun belongs to another message
            if relative is not None:  # "ein Gutachten, laut dem …", "Berichte, wonach …"
                message = self.doc[relative].idx, self._clause_end(sent, relative)
            else:
                message = self._message_at(sent, comma, None) if comma is not None else None
            ctype = ctype or "statement"
            if message is None or message[1] - message[0] < 3 or any(
                    d.content[0] < message[1] and message[0] < d.content[1] for d in claims):
                continue
            span = self._noun_source(t, comma, sent)
            draft = Draft(i, message, ctype, self._mode(*message), cue=(t.idx, t.idx + len(t), t.text), speaker_span=span,
                          cue_lemma=t.lemma_.lower())
            words = self.doc.char_span(*span, alignment_mode="expand")
            pronoun = words is not None and len(words) == 1 and (words[0].pos_ == "PRON" or "Yes" in words[0].morph.get("Poss"))
            draft.speaker = self._source_key(span) if pronoun else self._best_entity(span, None)
            if draft.mode != "indirect":
                draft.quote = self._quote_span(*message)
            draft.heading = i in self.headings
            out.append(draft)
        return out

    def _relative_after_comma(self, t: Token, sent: SpacySpan) -> bool:
        """", laut dem …", ", nach denen …": a frame word opening a relative clause; not an article before
        its noun (", so der Sprecher Uwe Berg.")."""
        nxt = self.doc[t.i + 1] if t.i + 1 < sent.end else None
        after = self.doc[t.i + 2] if t.i + 2 < sent.end else None
        article = after is not None and (after.pos_ in ("NOUN", "PROPN", "ADJ") or self._capitalised(after))
        return (t.i > sent.start and self.doc[t.i - 1].text == "," and nxt is not None and nxt.lower_ in _RELATIVE_AFTER_FRAME
                and not article)

    def _relative_frame(self, sent: SpacySpan, comma: int) -> int | None:
        """", wonach …", ", laut dem …", ", nach denen …": the first word of a relative clause that
        reports what the noun before it says."""
        nxt = self.doc[comma + 1] if comma + 1 < sent.end else None
        if nxt is None:
            return None
        if nxt.lower_ == "wonach" and comma + 2 < sent.end:
            return comma + 2
        rel = self.doc[comma + 2] if comma + 3 < sent.end else None
        if nxt.lower_ in ("laut", "nach", "gemäß") and rel is not None and rel.lower_ in _RELATIVE_AFTER_FRAME:
            return comma + 3
        return None

    def _message_noun(self, t: Token) -> str | None:
        """The claim type of a message noun, compounds included for the longer ones ("Rücktrittsforderung")."""
        nouns = self.lex.nouns
        lemma = t.lemma_.lower()
        plural = [t.lower_[: -len(end)] for end in ("en", "n", "e", "s") if t.lower_.endswith(end)]  # the lemmatizer misses some
        for word in (lemma, t.lower_, *plural):
            if word in nouns:
                return nouns[word]
        return next((kind for noun, kind in nouns.items() if len(noun) >= 7 and lemma.endswith(noun)), None)

    def _noun_phrase_end(self, t: Token, sent: SpacySpan) -> int | None:
        """The comma ending a message noun's phrase: after a genitive or "von" phrase and at most a
        clause-final verb or particle ("den Vorschlag unterbreitet, …")."""
        j, verbs = t.i + 1, 0
        while j < sent.end and j - t.i <= 12:
            x = self.doc[j]
            if x.text == "," and x.idx not in self.in_quote:
                return j
            if x.idx in self.in_quote or x.is_punct and x.text not in "-()":
                return None
            if x.pos_ in ("VERB", "AUX") or x.tag_ == "PTKVZ":
                verbs += 1
                if verbs > 2:
                    return None
            elif verbs or x.pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM", "ADP", "CCONJ", "X"):
                return None
            j += 1
        return None

    def _noun_source(self, t: Token, comma: int, sent: SpacySpan) -> tuple[int, int]:
        """Whose words a message noun names: "der EU" / "von Politikern der SPD" after it, "seine"
        before it, the subject of the verb it is the object of, else the noun phrase itself."""
        nxt = self.doc[t.i + 1] if t.i + 1 < comma else None
        if nxt is not None and nxt.lower_ in _GENITIVE_START and (span := self._np_after(t.i + 1, comma)):
            return span
        if nxt is not None and (name := self._genitive_name(t.i + 1, sent)):
            return name
        prev = self.doc[t.i - 1] if t.i > sent.start else None
        if prev is not None and ("Yes" in prev.morph.get("Poss") or prev.tag_ == "PPOSAT"):
            return prev.idx, prev.idx + len(prev)
        if t.head.pos_ in ("VERB", "AUX") and t.dep_ not in SUBJECT:  # "äußerte die Hoffnung", "endet mit der Hoffnung"
            subject = next((c for c in t.head.children if c.dep_ in SUBJECT and c.idx not in self.in_quote), None)
            if subject is not None and subject.lower_ not in self.words["no_speaker"] and self._nominative(self._np_span(subject)):
                return self._np_span(subject)
        lo = t.i
        while lo > sent.start and self.doc[lo - 1].pos_ in ("DET", "ADJ"):
            lo -= 1
        return self.doc[lo].idx, t.idx + len(t)

    # --- continuations --------------------------------------------------------------------------

    def _continuation(self, i: int, sent: SpacySpan, drafts: list[Draft]) -> list[Draft]:
        """A sentence with no cue continues the previous report: in Konjunktiv ("Russland müsse …")
        or as a further quotation of the same speaker."""
        if i in self.headings or not drafts:
            return []
        prev = drafts[-1]
        if max(prev.sentence, prev.last) < i - 2 or prev.heading:
            return []
        text_quoted = sum(min(q.end, sent.end_char) - max(q.start, sent.start_char) for q in self.quotes
                          if q.start < sent.end_char and q.end > sent.start_char)
        if text_quoted >= 0.8 * len(sent.text) and len(sent) >= self.words["min_uncued_quote_words"] and prev.mode in ("direct", "mixed", "indirect"):
            mode = "direct"
        elif self._reported_mood(sent, prev, adjacent=max(prev.sentence, prev.last) == i - 1):
            mode = self._mode(sent.start_char, sent.end_char)  # "Er sei „nicht aggressiv“": mixed
        else:
            return []
        start, end = sent.start_char, sent.end_char
        reported = ("indirect", "mixed")
        if mode in reported and prev.cue is None and prev.mode in reported and max(prev.sentence, prev.last) == i - 1:
            # "Außerdem sei … . Das gleiche gelte …": a report running on over sentences is one claim
            prev.content, prev.last = (prev.content[0], end), i
            prev.mode = self._mode(*prev.content)
            prev.quote = self._quote_span(*prev.content) if prev.mode != "indirect" else None
            prev.evidence.append(i)
            return []
        draft = Draft(i, (start, end), "statement", mode, speaker=prev.speaker, speaker_span=prev.speaker_span,
                      addressee=list(prev.addressee), via=prev.via, reported_by=prev.reported_by)
        draft.type = self._modal_type(start, end) or ("statement" if prev.type in ("warning", "denial", "rejection", "accusation") else prev.type)
        if mode != "indirect":
            draft.quote = self._quote_span(start, end)
        return [draft]

    def _reported_mood(self, sent: SpacySpan, prev: Draft, adjacent: bool) -> bool:
        """Konjunktiv I; or, right after a report with a speaker, Konjunktiv II or the hearsay "soll"
        ("Der Täter soll geflohen sein") in the main clause."""
        finite = [t for t in sent if t.idx not in self.in_quote and (t.pos_ in ("AUX", "VERB") or not self.parsed)]
        if any(self._konjunktiv1(t) for t in finite):
            return True
        if prev.speaker is None and prev.speaker_span is None:
            return False
        main = [t for t in finite if t.dep_ in ("ROOT", "root") or t.head.dep_ in ("ROOT", "root") and t.dep_ in ("aux", "aux:pass", "cop")]
        if adjacent and any(t.lower_ in self.words["hearsay"] for t in main or finite[:1]):
            return True
        return adjacent and prev.mode != "reported" and any(t.lower_ in self.words["konjunktiv2"] for t in main or finite[:1])

    # --- headlines ------------------------------------------------------------------------------

    def _is_heading(self, i: int) -> bool:
        """A title or subhead: its own line, without closing punctuation."""
        s = self.sents.sentences[i]
        line_start = s.start == 0 or self.text[s.start - 1] == "\n"
        line_end = s.end >= len(self.text) or self.text[s.end : s.end + 1] == "\n"
        return line_start and line_end and not s.text.rstrip().endswith(tuple(".!?:;"))

    def _merge_headings(self, drafts: list[Draft]) -> list[Draft]:
        """A headline claim restating a body claim is the same claim: it becomes further evidence."""
        body = [d for d in drafts if not d.heading]
        out = list(body)
        for h in (d for d in drafts if d.heading):
            match = next((b for b in body if b.sentence > h.sentence and self._restates(h, b)), None)
            if match is None:
                match = next((b for b in body if self._restates(h, b)), None)
            if match is not None:
                match.evidence.append(h.sentence)
            elif h.speaker is not None:
                out.append(h)
        return out

    def _restates(self, h: Draft, b: Draft) -> bool:
        same_speaker = h.speaker is not None and h.speaker == b.speaker or (
            h.speaker_span and b.speaker_span and self._head_word(h.speaker_span) == self._head_word(b.speaker_span))
        if not same_speaker:
            return False
        if h.type == b.type or (h.cue_lemma and b.cue_lemma and (h.cue_lemma in b.cue_lemma or b.cue_lemma in h.cue_lemma)):
            return True
        heading = self.sents.sentences[h.sentence]
        return bool(self._content_words((heading.start, heading.end)) & self._content_words(b.content))

    def _head_word(self, span: tuple[int, int]) -> str:
        words = re.findall(r"\w+", self.text[span[0] : span[1]])
        return words[-1].lower() if words else ""

    def _content_words(self, chars: tuple[int, int]) -> set[str]:
        span = self.doc.char_span(*chars, alignment_mode="expand")
        if span is None:
            return set()
        return {(t.lemma_ or t.text).lower()[:6] for t in span if t.pos_ in ("NOUN", "PROPN", "ADJ") and len(t) > 3}

    # --- output ---------------------------------------------------------------------------------

    def _actor(self, key: str | None) -> str | None:
        """The key if it names an actor, else None: kg/shapes.ttl wants a sem:Actor as author,
        addressee, via and reporter, and a Place is none (its words stay as kg:speakerText)."""
        entity = self.index.by_key.get(key) if key else None
        return key if entity is not None and entity.type != "Place" else None

    def _finish(self, d: Draft) -> Claim:
        content = self.sents.mention(*d.content)
        topics = [k for k in dict.fromkeys(self.index.actor(k) for k in self._entities(*d.content)) if k != d.speaker]
        topics += [e.key for e in self.events if any(d.content[0] <= m.start and m.end <= d.content[1] for m in [e.trigger, *e.mentions])]
        row = self.lex.types.get(d.type, {})
        return Claim(
            key=f"c{d.content[0]}-{d.cue[0] if d.cue else d.content[1]}",
            type=d.type,
            mode=d.mode,
            cue=Mention(d.cue[0], d.cue[1], d.cue[2], self.sents.index(d.cue[0])) if d.cue else None,
            content=content,
            sentence=d.sentence,
            speaker=self._actor(d.speaker),
            addressee=[k for k in d.addressee if self._actor(k)],
            via=self._actor(d.via),
            quote=Mention(d.quote[0], d.quote[1], d.quote[2], self.sents.index(d.quote[0])) if d.quote else None,
            topics=topics,
            reported_by=self._actor(d.reported_by),
            code=row.get("plover"),
            evidence=[self.sents.mention(self.sents.sentences[i].start, self.sents.sentences[i].end) for i in d.evidence],
            speaker_mention=self.sents.mention(*d.speaker_span) if d.speaker_span else None,
        )
