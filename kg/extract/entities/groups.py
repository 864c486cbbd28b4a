"""Collectives ("die Demonstranten", "ihre Verbündeten"), the opposition the article names, and
anonymous sources ("ein US-Beamter"): actors without a name, keyed by the article."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.keys import slug
from kg.lexicon import GroupNoun
from kg.extract.entities.grammar import article_before, attributes, is_adjective, nominative, plural, weak_singular
from kg.extract.entities.lexicon import SINGULAR
from kg.extract.entities.model import Candidate
from kg.extract.entities.vocabulary import Job
from kg.extract.german import INDEFINITE_ARTICLES, POSSESSIVES
from kg.extract.text import doc_text


class Groups(Job):
    """Group nouns as groups of the article, labelled with their describing adjectives."""

    def find(self, doc: Doc, cands: list[Candidate], article_id: str) -> list[Candidate]:
        """Collectives: "die Demonstranten", "israelische Reservisten", "NATO-Mitglieder", "ihre Verbündeten".

        Their keys are the article's own: the "Demonstranten" of two articles are two groups."""
        persons = {c.start for c in cands if c.type == "Person"}
        out = []
        for t in doc:
            noun = self.words.group_noun(t)
            if noun is None or not _is_group(doc, t, noun, persons):
                continue
            if (named := self._label(doc, t, noun, cands)) is None:
                continue
            label, start = named
            adjectives = [] if _first_part(t.text, noun.label) else attributes(
                doc, (doc.char_span(start, t.idx + len(t), alignment_mode="expand") or [t])[0].i)
            full = " ".join([*(plural(a.text) for a in adjectives), label])
            start = adjectives[0].idx if adjectives else start
            out.append(Candidate(start, t.idx + len(t), "Group", label=full, key=f"group/{article_id}/{slug(label)}"))
        _label_as_first_described(out)
        return out

    def _label(self, doc: Doc, t: Token, noun: GroupNoun, cands: list[Candidate]) -> tuple[str, int] | None:
        """The group's label without adjectives, and where its phrase starts: "NATO-Mitglieder",
        "Verbündete der USA", "israelische Reservisten"; None for a compound of an unknown first part."""
        first, sep, _ = t.text.rpartition("-")
        before = doc[t.i - 1].text if t.i else ""
        if sep and t.text not in self.lex.groups:
            return (f"{first}-{noun.label}", t.idx) if self.gaz.prefix(first.split("-")[0]) else None
        if before.lower() in POSSESSIVES and (owner := self._owner(doc, t, cands)):
            return f"{noun.label} {owner}", t.idx
        if t.i and (country := self.words.country_adjective(doc[t.i - 1])):
            return f"{country.lower()}e {noun.label}", doc[t.i - 1].idx
        return noun.label, t.idx

    def _owner(self, doc: Doc, token: Token, cands: list[Candidate]) -> str | None:
        """Who "ihre" in "die USA und ihre Verbündeten" refers to: the nearest named actor before."""
        sent_start = token.sent.start_char
        before = [c for c in cands if sent_start <= c.start < token.idx and c.type != "Place"]
        if not before:
            return None
        c = before[-1]
        name = doc_text(doc)[c.start : c.end]
        if c.entry and c.entry.article in ("die", "der"):
            return f"der {name}"
        return f"{name}s" if not name.endswith(("s", "x", "z")) else f"von {name}"

    def named_opposition(self, doc: Doc, cands: list[Candidate]) -> None:
        """"die Opposition" is the one opposition party the article names ("die Oppositionspartei MDC")."""
        by_start = {c.start: c for c in cands}
        named = {
            c for t in doc[:-1]
            if t.text.startswith("Opposition") and len(t) > len("Opposition") and (c := by_start.get(doc[t.i + 1].idx))
            and c.type == "Organization"
        }
        if len(named) != 1:
            return
        party = named.pop()
        for c in cands:
            if c.type == "Group" and c.label == "Opposition":
                c.type, c.entry, c.key = party.type, party.entry, None
                c.label = None if party.entry else nominative(doc_text(doc)[party.start : party.end], set())


def _is_group(doc: Doc, t: Token, noun: GroupNoun, persons: set[int]) -> bool:
    """Does the group noun name a group here: with a word it needs before it ("der Westen"), not
    before a word that makes it something else ("Westen der Ukraine"), and not one person?"""
    before = doc[t.i - 1].text if t.i else ""
    after = doc[t.i + 1].text if t.i + 1 < len(doc) else ""
    if (noun.after and before not in noun.after) or after in noun.not_before:
        return False
    # "ein Beobachter", "dem französischen Politiker", "Richter Klaus Meier": one person
    return not (noun.singular_too and (article_before(doc, t.i) in SINGULAR or weak_singular(doc, t.i))
                or t.i + 1 < len(doc) and doc[t.i + 1].idx in persons)


def _label_as_first_described(groups: list[Candidate]) -> None:
    """"Buddhistische Mönche", later "die Mönche": one group, named as first described."""
    first: dict[str, str] = {}
    for c in groups:
        if c.key not in first or " " in (c.label or "") and " " not in first[c.key]:
            first[c.key] = c.label or ""
    for c in groups:
        c.label = first[c.key]


class AnonymousSources(Job):
    """Unnamed persons as sources: a role noun after an indefinite article."""

    def find(self, doc: Doc, cands: list[Candidate], article_id: str) -> list[Candidate]:
        """"ein US-Beamter", "ein Sprecher des Ministeriums": unnamed sources are entities too."""
        named = {c.start for c in cands if c.ner}
        out = []
        for t in doc:
            if t.lower_ not in INDEFINITE_ARTICLES:
                continue
            j = t.i + 1
            while j < len(doc) and j - t.i <= 3 and is_adjective(doc[j]):
                j += 1
            if j >= len(doc):
                continue
            head = doc[j]
            prefix, sep, rest = head.text.partition("-")
            found = self.lex.role(rest if sep else head.text)
            if not found or (j + 1 < len(doc) and doc[j + 1].idx in named):
                continue
            noun, name = found
            genitive = j + 1 < len(doc) and doc[j + 1].lower_ in ("des", "der")
            if not (noun.source or sep or j > t.i + 1 or genitive):
                continue  # "einen Chef": a title alone is no source
            label = " ".join([*(x.text for x in doc[t.i + 1 : j]), f"{prefix}-{name}" if sep else name])
            out.append(
                Candidate(t.idx, head.idx + len(head), "Person", label=label,
                          key=f"anon/{article_id}/{slug(label)}", anonymous=True)
            )
        return out


def _first_part(word: str, label: str) -> bool:
    """Is the group noun the first part of a compound ("Medien" of "Medienberichte")? The adjectives
    before it describe the compound's head ("fehlerhafter Medienberichte"), not the group."""
    return word.startswith(label) and len(word) > len(label) + 2 and word[len(label)].islower()
