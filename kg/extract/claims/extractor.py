"""The claim extractor: builds the article's view and its jobs, runs them sentence by sentence (cue verbs,
then frames, colon quotations, message nouns, else a continuation), merges headlines and writes the claims."""

from __future__ import annotations

from spacy.tokens import Doc, Span as SpacySpan

from kg.extract.claims.actors import Actors
from kg.extract.claims.adopted import AdoptedSpeakers
from kg.extract.claims.mood import Mood
from kg.extract.claims.cues import CueVerbs
from kg.extract.claims.discourse import Discourse
from kg.extract.claims.documents import DocumentSpeakers
from kg.extract.claims.frames import Frames
from kg.extract.claims.lexicon import Lexicon, lexicon
from kg.extract.claims.messages import Messages
from kg.extract.claims.model import Draft
from kg.extract.claims.nouns import MessageNouns
from kg.extract.claims.phrases import NounPhrases
from kg.extract.claims.roles import Roles
from kg.extract.claims.speakers import Speakers
from kg.extract.claims.view import ArticleView, Job
from kg.extract.entities import EntityIndex
from kg.extract.text import SentenceIndex
from kg.model import Claim, Event, Mention


class ClaimExtractor:
    """Callable: (doc, sentences, entities, events) -> the article's claims, in text order."""

    def __init__(self, lex: Lexicon | None = None) -> None:
        self.lex = lex or lexicon()

    def __call__(self, doc: Doc, sents: SentenceIndex, entities: EntityIndex, events: list[Event]) -> list[Claim]:
        """The article's claims, in text order."""
        return _Article(ArticleView(self.lex, doc, sents, entities, events)).claims()


class _Article(Job):
    """Claim extraction over one parsed article: each job's rules, run sentence by sentence, then
    headlines merged and the drafts written as claims."""

    def __init__(self, view: ArticleView) -> None:
        super().__init__(view)
        self.mood = Mood(view)
        self.phrases = NounPhrases(view)
        self.actors = Actors(view)
        self.adopted = AdoptedSpeakers(view)
        self.documents = DocumentSpeakers(view)
        self.speakers = Speakers(view)
        self.messages = Messages(view)
        self.roles = Roles(view)
        self.cues = CueVerbs(view)
        self.frames = Frames(view)
        self.nouns = MessageNouns(view)
        self.discourse = Discourse(view)
        self._wire()

    def _wire(self) -> None:
        """Give each job the jobs it asks (they ask each other both ways, so they are set after all exist)."""
        _give(self.actors, phrases=self.phrases)
        _give(self.adopted, phrases=self.phrases)
        _give(self.documents, actors=self.actors, phrases=self.phrases)
        _give(self.speakers, actors=self.actors, adopted=self.adopted, mood=self.mood, documents=self.documents,
              phrases=self.phrases)
        _give(self.messages, mood=self.mood, cues=self.cues, frames=self.frames, phrases=self.phrases)
        _give(self.roles, actors=self.actors, mood=self.mood, frames=self.frames, phrases=self.phrases)
        _give(self.cues, actors=self.actors, mood=self.mood, messages=self.messages, phrases=self.phrases,
              roles=self.roles, speakers=self.speakers)
        _give(self.frames, actors=self.actors, messages=self.messages, mood=self.mood, nouns=self.nouns,
              phrases=self.phrases, roles=self.roles, speakers=self.speakers)
        _give(self.nouns, actors=self.actors, documents=self.documents, frames=self.frames, messages=self.messages,
              phrases=self.phrases)
        _give(self.discourse, actors=self.actors, messages=self.messages, mood=self.mood, phrases=self.phrases,
              roles=self.roles, speakers=self.speakers)

    def claims(self) -> list[Claim]:
        """Each sentence's claims by cue verbs, frames, colon quotations and message nouns, else a
        continuation of the report before; headline restatements merged; then written as claims."""
        drafts: list[Draft] = []
        self.view.done = drafts  # the claims of earlier sentences, for "Das sagte X" and continuations
        for i, span in enumerate(self.view.spans):
            if span is None:
                continue
            if self._covered(span, drafts):
                continue  # inside a quotation that runs on from an earlier sentence
            found = self.cues.cue_claims(i, span)
            if any(d.anaphoric for d in found) and drafts and drafts[-1].sentence == i - 1 and drafts[-1].cue is None:
                drafts.pop()  # the sentence before was taken for a continuation; its cue follows here
            found += self.frames.frame_claims(i, span, found, drafts)
            found += self.frames.colon_quote(i, span, found)
            found += self.nouns.noun_claims(i, span, found)
            if not found:
                found = self.discourse.continuation(i, span, drafts)
            found += self.discourse.reasons(i, span, found, drafts)
            self.speakers.adopt_speakers(found, span)
            drafts += found
        drafts = self.discourse.merge_headings(drafts)
        return [self._finish(d) for d in sorted(drafts, key=lambda d: (d.content[0], d.cue or (0, 0, "")))]

    @staticmethod
    def _covered(sent: SpacySpan, drafts: list[Draft]) -> bool:
        """The sentence lies inside the message of one of the last claims (a quotation running on)."""
        return any(d.content[0] <= sent.start_char and sent.end_char <= d.content[1] + 2 for d in drafts[-3:])

    def _actor(self, key: str | None) -> str | None:
        """The key if it names an actor, else None: kg/shapes.ttl wants a sem:Actor as author,
        addressee, via and reporter, and a Place is none (its words stay as kg:speakerText)."""
        entity = self.index.by_key.get(key) if key else None
        return key if entity is not None and entity.type != "Place" else None

    def _finish(self, d: Draft) -> Claim:
        """The claim a draft becomes: mentions for its offsets, its topics (entities and events in the
        message), only actors in the roles."""
        content = self.sents.mention(*d.content)
        topics = [k for k in dict.fromkeys(self.index.actor(k) for k in self.actors.entities(*d.content))
                  if k != d.speaker]
        topics += [e.key for e in self.view.events
                   if any(d.content[0] <= m.start and m.end <= d.content[1] for m in [e.trigger, *e.mentions])]
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
            evidence=[self.sents.mention(self.sents.sentences[i].start, self.sents.sentences[i].end)
                      for i in d.evidence],
            speaker_mention=self.sents.mention(*d.speaker_span) if d.speaker_span else None,
        )


def _give(job: Job, **others: Job) -> None:
    """Set the jobs `job` asks, by the names it declares them under."""
    for name, other in others.items():
        setattr(job, name, other)
