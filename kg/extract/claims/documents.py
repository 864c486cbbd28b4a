""""In einer Erklärung des Ministeriums heißt es", "Darin steht": a document speaks for its author."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan, Token

from kg.extract.claims.model import Draft
from kg.extract.claims.view import Job
from kg.extract.german import IN_FORMS, clause_bounds

if TYPE_CHECKING:
    from kg.extract.claims.actors import Actors
    from kg.extract.claims.phrases import NounPhrases


class DocumentSpeakers(Job):
    """"In einer Erklärung des Ministeriums heißt es", "Darin steht": a document speaks for its author."""

    actors: Actors
    phrases: NounPhrases

    def document_speaker(self, draft: Draft, sent: SpacySpan, token: Token) -> bool:
        """"In einem Positionspapier des Ministeriums heißt es", "Darin steht": the document speaks
        (for its author, where the article names one); else the actor named before the cue."""
        document = self._document_phrase(sent, token)
        if document is None:
            draft.speaker = self._document_source(sent, token)
            return False
        draft.speaker_span = document
        draft.speaker = self.actors.best_entity(document, None) or self._document_source(sent, token)
        return True

    def _document_phrase(self, sent: SpacySpan, token: Token) -> tuple[int, int] | None:
        """"in einer Erklärung des Ministeriums" before the cue or in its clause (a relative clause
        may follow it: "In einer Stellungnahme, auf die sich … berufen, wird … begründet"); "darin"
        points to the document the sentence before names."""
        lo, hi = clause_bounds(sent, token)
        for t in self.doc[sent.start : hi]:
            if t.idx in self.in_quote:
                continue
            if t.lower_ in IN_FORMS:
                span = self.phrases.np_after(t.i + 1, hi if t.i >= lo else sent.end)
                if span and self.document_noun(span):
                    return span
            if t.lower_ in self.words["anaphoric_document"] and t.i >= lo and sent.start > 0:
                return self.document_before(sent)
        return None

    def document_noun(self, span: tuple[int, int]) -> Token | None:
        """The document noun in a noun phrase: "Erklärung", "Positionspapier", "Schreiben"."""
        words = self.doc.char_span(*span, alignment_mode="expand") or []
        nouns = self.words["document_nouns"]
        return next((w for w in words if w.lemma_ in nouns or w.text in nouns or (
            w.pos_ == "NOUN" and any(w.text.endswith(n.lower()) for n in nouns))), None)

    def document_before(self, sent: SpacySpan) -> tuple[int, int] | None:
        """The last document the previous sentence names ("Die Polizei gab eine Stellungnahme ab. Darin …",
        "Der Bundestag stimmte einer Gesetzesvorlage zu. Demnach …")."""
        if sent.start == 0:
            return None
        prev = self.doc[sent.start - 1].sent
        for t in reversed(prev):
            if t.idx not in self.in_quote and t.pos_ == "NOUN" and self.document_noun((t.idx, t.idx + len(t))):
                j = t.i
                while j > prev.start and self.doc[j - 1].pos_ in ("DET", "ADJ"):  # "eine neue Stellungnahme"
                    j -= 1
                return self.doc[j].idx, t.idx + len(t)
        return None

    def _document_source(self, sent: SpacySpan, token: Token) -> str | None:
        """"In einer Erklärung des Ministeriums hieß es": the actor named before the cue."""
        keys = self.actors.entities(sent.start_char, token.idx)
        return self.index.actor(keys[-1]) if keys else None
