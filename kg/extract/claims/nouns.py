"""Message nouns (kg/data/message_nouns.jsonl) before a clause ("die Forderung der EU, die Zölle zu
senken") and relative frames (", wonach …", ", laut dem …"): the noun's source speaks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan, Token

from kg.extract.claims.grammar import RELATIVE_FRAME_PREPOSITIONS, RELATIVE_FRAME_WORDS, SUBJECT
from kg.extract.claims.model import Draft
from kg.extract.claims.view import Job
from kg.extract.german import GENITIVE_STARTS

if TYPE_CHECKING:
    from kg.extract.claims.actors import Actors
    from kg.extract.claims.documents import DocumentSpeakers
    from kg.extract.claims.frames import Frames
    from kg.extract.claims.messages import Messages
    from kg.extract.claims.phrases import NounPhrases


class MessageNouns(Job):
    """Builds claims from message nouns and relative frames."""

    actors: Actors
    documents: DocumentSpeakers
    frames: Frames
    messages: Messages
    phrases: NounPhrases

    def noun_claims(self, i: int, sent: SpacySpan, found: list[Draft]) -> list[Draft]:
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
            if (relative is not None and ctype is None and self.doc[comma + 1].lower_ == "nach"
                    and not self.documents.document_noun((t.idx, t.idx + len(t)))):
                relative = None  # "der Brand, nach dem das Werk stillgelegt wurde": "nach dem" in time
            if ctype is None and relative is None:
                continue
            if any(d.content[0] <= t.idx < d.content[1] and d.mode != "reported" for d in claims):
                continue  # "sagte, die Forderung sei …": the noun belongs to another message
            if relative is not None:  # "ein Gutachten, laut dem …", "Berichte, wonach …"
                message = self.doc[relative].idx, self.messages.clause_end(sent, relative)
            else:
                message = self.messages.message_at(sent, comma, None) if comma is not None else None
            ctype = ctype or "statement"
            if message is None or message[1] - message[0] < 3 or any(
                    d.content[0] < message[1] and message[0] < d.content[1] for d in claims):
                continue
            out.append(self._noun_draft(i, sent, t, comma, message, ctype))
        return out

    def _noun_draft(self, i: int, sent: SpacySpan, t: Token, comma: int | None, message: tuple[int, int],
                    ctype: str) -> Draft:
        """The claim of message noun t: the noun is its cue, the noun's source its speaker (a possessive
        or pronoun by its antecedent)."""
        span = self._noun_source(t, comma, sent)
        draft = Draft(i, message, ctype, self.view.mode(*message), cue=(t.idx, t.idx + len(t), t.text),
                      speaker_span=span, cue_lemma=t.lemma_.lower())
        words = self.doc.char_span(*span, alignment_mode="expand")
        pronoun = words is not None and len(words) == 1 and (words[0].pos_ == "PRON"
                                                             or "Yes" in words[0].morph.get("Poss"))
        draft.speaker = self.actors.source_key(span) if pronoun else self.actors.best_entity(span, None)
        if draft.mode != "indirect":
            draft.quote = self.view.quote_span(*message)
        draft.heading = i in self.view.headings
        return draft

    def relative_after_comma(self, t: Token, sent: SpacySpan) -> bool:
        """", laut dem …", ", nach denen …": a frame word opening a relative clause; not an article before
        its noun (", so der Sprecher Uwe Berg.")."""
        nxt = self.doc[t.i + 1] if t.i + 1 < sent.end else None
        after = self.doc[t.i + 2] if t.i + 2 < sent.end else None
        article = after is not None and (after.pos_ in ("NOUN", "PROPN", "ADJ") or self.phrases.capitalised(after))
        return (t.i > sent.start and self.doc[t.i - 1].text == "," and nxt is not None
                and nxt.lower_ in RELATIVE_FRAME_WORDS and not article)

    def _relative_frame(self, sent: SpacySpan, comma: int) -> int | None:
        """", wonach …", ", laut dem …", ", nach denen …": the first word of a relative clause that
        reports what the noun before it says."""
        nxt = self.doc[comma + 1] if comma + 1 < sent.end else None
        if nxt is None:
            return None
        if nxt.lower_ == "wonach" and comma + 2 < sent.end:
            return comma + 2
        rel = self.doc[comma + 2] if comma + 3 < sent.end else None
        if nxt.lower_ in RELATIVE_FRAME_PREPOSITIONS and rel is not None and rel.lower_ in RELATIVE_FRAME_WORDS:
            return comma + 3
        return None

    def _message_noun(self, t: Token) -> str | None:
        """The claim type of a message noun, compounds included for the longer ones ("Rücktrittsforderung")."""
        nouns = self.lex.nouns
        lemma = t.lemma_.lower()
        # the lemmatizer misses some
        plural = [t.lower_[: -len(end)] for end in ("en", "n", "e", "s") if t.lower_.endswith(end)]
        for word in (lemma, t.lower_, *plural):
            if word in nouns:
                return nouns[word]
        return next((kind for noun, kind in nouns.items() if len(noun) >= 7 and lemma.endswith(noun)), None)

    def _noun_phrase_end(self, t: Token, sent: SpacySpan) -> int | None:
        """The comma ending a message noun's phrase: after a genitive or "von" phrase, a placeholder
        ("darauf") and at most a clause-final verb or particle ("den Vorschlag unterbreitet, …")."""
        j, verbs = t.i + 1, 0
        while j < sent.end and j - t.i <= 12:
            x = self.doc[j]
            if x.text == "," and x.idx not in self.in_quote:
                nxt = self.doc[j + 1] if j + 1 < sent.end else None
                if nxt is not None and nxt.pos_ == "CCONJ":
                    return None  # "… durch das Wahlergebnis verloren, aber X sei …": a coordinated clause
                return j
            if x.idx in self.in_quote or x.is_punct and x.text not in "-()":
                return None
            if x.pos_ in ("VERB", "AUX") or x.tag_ == "PTKVZ":
                verbs += 1
                if verbs > 2:
                    return None
            elif x.tag_ == "PROAV" or x.lower_ in self.words["pronominal_adverbs"]:
                pass  # "der Hinweis darauf, dass …", "Zweifel daran, ob …": the clause's placeholder
            elif verbs or x.pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM", "ADP", "CCONJ", "X"):
                return None
            j += 1
        return None

    def _noun_source(self, t: Token, comma: int, sent: SpacySpan) -> tuple[int, int]:
        """Whose words a message noun names: "der EU" / "von Politikern der SPD" after it, "seine"
        before it, the subject of the verb it is the object of, else the noun phrase itself."""
        nxt = self.doc[t.i + 1] if t.i + 1 < comma else None
        if nxt is not None and nxt.lower_ in GENITIVE_STARTS and (span := self.phrases.np_after(t.i + 1, comma)):
            return span
        if nxt is not None and (name := self.frames.genitive_name(t.i + 1, sent)):
            return name
        prev = self.doc[t.i - 1] if t.i > sent.start else None
        if prev is not None and ("Yes" in prev.morph.get("Poss") or prev.tag_ == "PPOSAT"):
            return prev.idx, prev.idx + len(prev)
        # "äußerte die Hoffnung", "endet mit der Hoffnung": the subject of the verb it is the object of
        if t.head.pos_ in ("VERB", "AUX") and t.dep_ not in SUBJECT:
            subject = next((c for c in t.head.children if c.dep_ in SUBJECT and c.idx not in self.in_quote), None)
            if (subject is not None and subject.lower_ not in self.words["no_speaker"]
                    and self.phrases.nominative(self.phrases.np_span(subject))):
                return self.phrases.np_span(subject)
        lo = t.i
        while lo > sent.start and self.doc[lo - 1].pos_ in ("DET", "ADJ"):
            lo -= 1
        return self.doc[lo].idx, t.idx + len(t)
