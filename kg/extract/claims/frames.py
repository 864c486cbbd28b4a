"""Attribution frames without a verb (kg/data/attribution_frames.jsonl): "nach Angaben X", "laut X",
"X zufolge", "„…“, so X", "X: …", and a clause ending in a colon before a quotation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan, Token

from kg.extract.claims.lexicon import Frame, word_matches
from kg.extract.claims.model import Draft
from kg.extract.claims.view import ArticleView, Job
from kg.extract.german import DASS_FORMS, FINITE_TAGS, GENITIVE_STARTS, clause_bounds, is_finite_verb

if TYPE_CHECKING:
    from kg.extract.claims.actors import Actors
    from kg.extract.claims.messages import Messages
    from kg.extract.claims.mood import Mood
    from kg.extract.claims.nouns import MessageNouns
    from kg.extract.claims.phrases import NounPhrases
    from kg.extract.claims.roles import Roles
    from kg.extract.claims.speakers import Speakers


DASHES = ("–", "—")
FoundFrame = tuple[Frame, int, int, tuple[int, int] | None]  # frame, first token, end token, source span


class Frames(Job):
    """Finds attribution frames in a sentence and builds claims for those no cue verb covers."""

    actors: Actors
    messages: Messages
    mood: Mood
    nouns: MessageNouns
    phrases: NounPhrases
    roles: Roles
    speakers: Speakers

    def __init__(self, view: ArticleView) -> None:
        super().__init__(view)
        self._found: dict[int, list[FoundFrame]] = {}  # sentence start -> its frames

    def frames(self, sent: SpacySpan) -> list[FoundFrame]:
        """Attribution frames in a sentence: (frame, first token, end token, source span).
        Asked once per sentence and again per cue in it, so the answer is kept."""
        if sent.start not in self._found:
            self._found[sent.start] = self._find_frames(sent)
        return self._found[sent.start]

    def _find_frames(self, sent: SpacySpan) -> list[FoundFrame]:
        """The frames of the lexicon that match in the sentence, outside quotations, with a source where
        they need one."""
        out = []
        toks = list(sent)
        for k, t in enumerate(toks):
            if t.idx in self.in_quote:
                continue
            for frame in self.lex.frames_starting(t.lower_):
                end = self._match_frame(toks, k, frame)
                if end is None:
                    continue
                if frame.source == "after" and self.nouns.relative_after_comma(t, sent):
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
            while (n and j < len(toks) and not word_matches(toks[j], word) and toks[j].pos_ in ("ADJ", "DET", "ADV")
                   and j - k < 4):
                j += 1
            if j >= len(toks) or not word_matches(toks[j], word):
                return None
            j += 1
        return j

    def _after_message(self, t: Token, sent: SpacySpan) -> bool:
        """", so der Sprecher." closes a message: after a comma, and no verb follows ("so dass …")."""
        prev = self.doc[t.i - 1] if t.i > sent.start else None
        comma = self._inserted(t, sent)
        rest = self.doc[t.i + 1 : comma if comma is not None else sent.end]
        return (prev is not None and prev.text == "," and len(rest) > 0
                and rest[0].pos_ not in ("VERB", "AUX", "SCONJ", "ADV") and rest[0].lower_ not in DASS_FORMS
                and not any(x.pos_ in ("VERB", "AUX") for x in rest)
                and not self._quoted_clause(rest[0]))

    def _quoted_clause(self, t: Token) -> bool:
        """", so „schütze sie Gott“": a quotation opening at t with a finite verb (by morphology or tag) is
        the consequence "so" introduces, not the name of a speaker."""
        q = self.view.quote_at(t.idx)
        words = self.doc.char_span(*q.inner, alignment_mode="expand") if q is not None else None
        return words is not None and (self.view.clausal(q) or any(x.tag_ in FINITE_TAGS for x in words))

    def _inserted(self, t: Token, sent: SpacySpan) -> int | None:
        """"„In absehbarer Zeit“, so der Vorstand, wird VW …": the comma closing a frame inserted before
        the message's finite verb (its verb-second clause goes on after the frame), if it is one."""
        comma = next((x for x in self.doc[t.i + 1 : sent.end]
                      if x.text in (",", ";", ":") and x.idx not in self.in_quote), None)
        if comma is None or comma.text != "," or comma.i + 1 >= sent.end:
            return None
        nxt = self.doc[comma.i + 1]
        return comma.i if is_finite_verb(nxt) and nxt.idx not in self.in_quote else None

    def _frame_source(self, sent: SpacySpan, frame: Frame, lo: int, hi: int) -> tuple[int, int] | None:
        """The words naming a frame's source: the noun phrase after "laut" or before "zufolge"; a
        possessive inside it ("nach ihren Informationen", "seiner Meinung nach"); a compound's own
        first part ("nach Polizeiangaben"); the subject ("nach eigenen Angaben")."""
        doc = self.doc
        span = None
        if frame.source == "after" and (name := self.genitive_name(hi, sent)):
            return name  # "nach Angaben Uschakows"
        if frame.source == "after":
            span = self.phrases.np_after(hi, sent.end) or self._prefield_source(sent, lo, hi)
            first = self.doc.char_span(*span, alignment_mode="expand")[0] if span else None
            if first is not None and len(frame.words) > 1 and first.lower_ not in GENITIVE_STARTS and not (
                    first.pos_ == "ADJ" and first.lower_.endswith("er")):  # "nach Meinung politischer Beobachter"
                span = None  # "nach ersten Meldungen Schäden …": the next noun phrase is no genitive source
            if span is not None and self._compound(lo, hi, frame):
                span = None  # "nach Zeugenaussagen der Ehemann": the compound names the source, not what follows
        elif frame.source == "before":
            span = self.phrases.np_before(lo, sent.start)
            if frame.colon:
                first = doc.char_span(*span, alignment_mode="expand") if span else None
                if first is None or first.start != sent.start or len(first) > 6 or not self.actors.entities(*span):
                    return None
                return None if self._dateline(span, sent) else span
        elif frame.source == "previous":
            return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
        elif frame.source == "subject":
            return self.speakers.sentence_subject(sent)
        possessive = next((t for t in doc[max(lo - 1, sent.start) : hi] if "Yes" in t.morph.get("Poss")
                           or t.tag_ == "PPOSAT"), None)
        if possessive is not None and (span is None or frame.source == "before"):
            return possessive.idx, possessive.idx + len(possessive)
        if span is None and (compound := self._compound(lo, hi, frame)) is not None:
            return compound.idx, compound.idx + len(compound)
        if span is None and frame.source == "after" and hi - lo > 1:
            # "nach ersten Untersuchungen": the reports speak
            return doc[lo + 1].idx, doc[hi - 1].idx + len(doc[hi - 1])
        return span

    def _compound(self, lo: int, hi: int, frame: Frame) -> Token | None:
        """The frame's noun when it is a compound whose first part names the source ("Polizeiangaben")."""
        return next((t for t in self.doc[lo:hi] if any(w.startswith("*") and word_matches(t, w) and t.lower_ != w[1:]
                                                        for w in frame.words)), None)

    def _prefield_source(self, sent: SpacySpan, lo: int, hi: int) -> tuple[int, int] | None:
        """"Laut einer am Dienstag veröffentlichten Pressemitteilung des WFP wurden …": a frame opening
        the sentence fills the field before the finite verb, so its source runs up to that verb, however
        the noun phrase is built."""
        if lo != sent.start:
            return None
        end = next((t.i for t in self.doc[hi : sent.end] if is_finite_verb(t) or t.is_punct), None)
        if end is None or end == hi or not is_finite_verb(self.doc[end]) or not any(
                t.pos_ in ("NOUN", "PROPN") for t in self.doc[hi:end]):
            return None
        return self.doc[hi].idx, self.doc[end - 1].idx + len(self.doc[end - 1])

    def _dateline(self, span: tuple[int, int], sent: SpacySpan) -> bool:
        """"Simbabwe: Gericht nimmt Klage an": a place or country before a headline's colon says where,
        not who speaks (a quotation after it still makes the country speak)."""
        kinds = {self.index.by_key[k].type for k in self.actors.entities(*span)}
        heading = self.sents.index(sent.start_char) in self.view.headings
        return kinds <= {"Place",
                         "Country"} and ("Place" in kinds or heading and not self.view.quote_in(span[1], sent.end_char))

    def genitive_name(self, j: int, sent: SpacySpan) -> tuple[int, int] | None:
        """"Uschakows", "Wladimir Putins": capitalised words up to one in genitive -s, with no article."""
        k = j
        while k < sent.end and k - j < 4 and self.doc[k].text[:1].isupper() and self.doc[k].is_alpha:
            if self.doc[k].text.endswith("s") and self.doc[k].pos_ in ("PROPN", "NOUN"):
                return self.doc[j].idx, self.doc[k].idx + len(self.doc[k])
            k += 1
        return None

    def frame_claims(self, i: int, sent: SpacySpan, found: list[Draft], drafts: list[Draft]) -> list[Draft]:
        """A sentence attributed only by a frame: "Nach Angaben X …", "Laut X …", "„…“, so X."."""
        out = []
        for frame, lo, hi, source in self.frames(sent):
            host = self._host(lo, found)
            if host is None and (any(d.cue is not None and not self._reported_under(d, lo, sent)
                                     and not self._apart(d, lo, sent) for d in found)
                                 or any(d.content[0] <= self.doc[lo].idx < d.content[1] for d in found + out)):
                continue
            if any(d.cue is not None and d.cue[0] == self.doc[lo].idx for d in out):
                continue  # two frames of the lexicon matching the same words ("nach *meinung", "nach *ansicht")
            if frame.message == "after":
                message = self._message_after(sent, hi)
                if message is None:
                    continue
                start, end = message
            else:
                start, end = self._frame_message(sent, lo, hi, source, host.content if host else None)
            # "…, die Polizei spricht von 4.000": another claim after the frame's clause ends its message
            end = min([end] + [self.view.trim(start, min(d.content[0], d.cue[0])) for d in found
                               if d.cue is not None and self._apart(d, lo, sent) and start < d.cue[0] < end])
            if end - start < 3:
                continue
            if frame.source == "previous":  # "Demnach …": the source of the report just before
                prev = drafts[-1] if drafts and drafts[-1].sentence >= i - 2 else None
                key = prev.speaker if prev else None
                source = ((prev.speaker_span if prev else None) or self.speakers.documents.document_before(sent)
                          or source)  # "… einer Gesetzesvorlage zugestimmt. Demnach …": the document
            else:
                key = self.actors.source_key(source)
            if frame.source == "subject" and frame.message == "rest":
                # "nach eigenen Angaben": the subject speaks; the words naming it are the frame's
                source = (self.doc[lo + 1].idx, self.doc[hi - 1].idx + len(self.doc[hi - 1]))
            mode = self.view.mode(start, end)
            cue_end = self.doc[hi - 1].idx + len(self.doc[hi - 1])
            draft = Draft(i, (start, end), frame.type, mode,
                          cue=(self.doc[lo].idx, cue_end, self.text[self.doc[lo].idx : cue_end]), speaker=key,
                          speaker_span=source, cue_lemma=" ".join(frame.words))
            draft.type = self.roles.refine_type(draft)
            if mode != "indirect":
                draft.quote = self.view.quote_span(start, end)
            draft.heading = i in self.view.headings
            out.append(draft)
        return out

    def _host(self, lo: int, found: list[Draft]) -> Draft | None:
        """"sagte, nach neuesten Erkenntnissen habe ein Unbekannter …": a frame opening a clause inside
        another claim's indirect message reports that clause itself, a claim nested in the other (so the
        corpus annotates it). A frame standing at the host's edge is the host's own ("nach Angaben X")."""
        idx = self.doc[lo].idx
        prev = self.doc[lo - 1] if lo > 0 else None
        return next((d for d in found if d.cue is not None and d.mode == "indirect"
                     and d.content[0] <= idx < d.content[1]
                     and (idx == d.content[0] or prev is not None and prev.text == ",")), None)

    def _apart(self, draft: Draft, lo: int, sent: SpacySpan) -> bool:
        """The frame stands in a clause before the one of a claim's cue verb, and outside its message: "Heute
        demonstrierten nach Angaben der Veranstalter 7.000 Menschen, die Polizei spricht von 4.000" has
        two claims; "Nach Angaben der Polizei sagte ein Sprecher, …" one, the frame giving its channel."""
        if draft.cue is None or draft.content[0] <= self.doc[lo].idx < draft.content[1]:
            return False
        cue = self.doc.char_span(draft.cue[0], draft.cue[0] + 1, alignment_mode="expand")
        if cue is None or not (sent.start <= cue.start < sent.end):
            return False
        first, _ = clause_bounds(sent, cue[0])
        return lo < first and self.doc[first - 1].text in (",", ";")

    def _reported_under(self, draft: Draft, lo: int, sent: SpacySpan) -> bool:
        """"Nach Angaben der Polizei habe der Mann … verlangt, …": a cue under a Konjunktiv I verb is
        itself what the frame reports; the frame makes its own claim around it."""
        if draft.cue is None or draft.cue[0] <= self.doc[lo].idx < draft.cue[1]:
            return False
        cue = self.doc.char_span(draft.cue[0], draft.cue[0] + 1, alignment_mode="expand")
        if cue is None or draft.content[0] <= self.doc[lo].idx < draft.content[1] or cue.start < lo:
            return False
        return any(self.mood.konjunktiv1(t) for t in self.doc[lo : cue.start] if t.pos_ in ("AUX", "VERB"))

    def colon_quote(self, i: int, sent: SpacySpan, found: list[Draft]) -> list[Draft]:
        """"Die Firma empfindet die Kritik als ungerechtfertigt: „Nun müssen wir …“": a clause ending in a
        colon before a quotation gives the quotation to its subject, whatever the verb."""
        colon = next((t for t in sent if t.text == ":" and t.idx not in self.in_quote), None)
        if colon is None or colon.i == sent.start or any(d.content[0] <= colon.idx + 2 and colon.idx < d.content[1]
                                                         for d in found):
            return []
        following = self.doc[colon.i + 1] if colon.i + 1 < sent.end else None
        q = self.view.quote_at(following.idx) if following is not None else None
        if q is None and colon.i + 1 >= sent.end:
            after = self.view.following_quote(sent)
            q = self.view.quote_at(after[0]) if after else None
        if q is None or not self.view.clausal(q) or any(d.content[0] <= q.start < d.content[1] for d in found):
            return []
        subject, speaker = self.speakers.colon_speaker(i, sent, colon, found)
        if subject is None or subject[0] >= colon.idx:
            return []
        draft = Draft(i, (q.start, q.end), "statement", "direct", speaker_span=subject, speaker=speaker)
        draft.quote = self.view.quote_span(q.start, q.end)
        draft.type = self.roles.modal_type(q.start, q.end) or "statement"
        draft.heading = i in self.view.headings
        return [draft]

    def _message_after(self, sent: SpacySpan, hi: int) -> tuple[int, int] | None:
        """"mit den Worten: „…“", "mit der Begründung, …": the message after the next colon or comma;
        a quotation right after the frame ("Mit den Worten „…“ richtete er …")."""
        if hi < sent.end and (q := self.view.quote_at(self.doc[hi].idx)) is not None:
            return q.start, q.end
        j = hi
        while j < sent.end and self.doc[j].text not in (":", ","):
            j += 1
        if j + 1 >= sent.end:
            return self.view.following_quote(sent) if j < sent.end and self.doc[j].text == ":" else None
        nxt = self.doc[j + 1]
        if (q := self.view.quote_at(nxt.idx)) is not None:
            return q.start, q.end
        return nxt.idx, self.messages.clause_end(sent, j + 1)

    def _frame_message(self, sent: SpacySpan, lo: int, hi: int, source: tuple[int, int] | None,
                       within: tuple[int, int] | None = None) -> tuple[int, int]:
        """The sentence (or its part around the frame: between semicolons, the relative clause the
        frame opens, or the host message it is nested in) without the frame and its source at either edge."""
        doc = self.doc
        seg_start, seg_end = self._frame_segment(sent, lo, hi)
        if within is not None:
            seg_start, seg_end = max(seg_start, within[0]), min(seg_end, within[1])
        if doc[lo].lower_ == "so" and self._inserted(doc[lo], sent) is not None:
            return seg_start, self.view.trim(seg_start, seg_end)  # the message around an inserted ", so X,"
        frame_start = min(doc[lo].idx, source[0]) if source else doc[lo].idx
        frame_end = max(doc[hi - 1].idx + len(doc[hi - 1]), source[1]) if source else doc[hi - 1].idx + len(doc[hi - 1])
        before = (seg_start, frame_start)
        after = (frame_end, seg_end)
        words = [len(self.text[a:b].split()) for a, b in (before, after)]
        opener = doc.char_span(seg_start, seg_start + 1, alignment_mode="expand")
        if opener is not None and "Rel" in opener[0].morph.get("PronType"):
            words[0] -= 1  # "…, der nach Einschätzung X die Unfälle halbieren kann": the relative pronoun says nothing
        # a frame inside its clause attributes all of it: "Der Mann wurde nach Polizeiangaben festgenommen"
        if (min(words) >= 1 and self.text[frame_start - 2 : frame_start].strip() not in (",", ":")
                and self.doc[lo].lower_ != "so"):
            return seg_start, self.view.trim(seg_start, seg_end)  # "Die Firma wartet laut X lediglich …"
        start, end = max((before, after), key=lambda s: len(self.text[s[0] : s[1]].strip(" ,:")))
        while start < end and self.text[start] in " ,:":
            start += 1
        return start, self.view.trim(start, end)

    def _frame_segment(self, sent: SpacySpan, lo: int, hi: int) -> tuple[int, int]:
        """"…, die nach Einschätzung X die Luft verbessern kann": a relative clause the frame opens; an
        insertion between dashes it stands in; else the part of the sentence between semicolons."""
        doc = self.doc
        start, end = sent.start, sent.end
        for t in sent:
            if t.text == ";" and t.idx not in self.in_quote:
                if t.i < lo:
                    start = t.i + 1
                elif t.i >= hi and end == sent.end:
                    end = t.i
        dash_before = next((k for k in range(lo - 1, start - 1, -1) if doc[k].text in DASHES), None)
        dash_after = next((t.i for t in doc[hi:end] if t.text in DASHES), None)
        if dash_before is not None and dash_after is not None:  # "der Mörder – nach Zeugenaussagen der Ehemann –"
            return doc[dash_before + 1].idx, doc[dash_after - 1].idx + len(doc[dash_after - 1])
        rel = doc[lo - 1] if lo - 1 > start else None
        if rel is not None and "Rel" in rel.morph.get("PronType") and doc[rel.i - 1].text == ",":
            start = rel.i
            end = next((t.i for t in doc[hi:end] if t.text == "," and t.idx not in self.in_quote), end)
        return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
