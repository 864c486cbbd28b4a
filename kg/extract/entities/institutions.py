"""Institutions named by a common noun ("die spanische Regierung", "das Gericht"), with the
country or place that owns them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from kg.gazetteer import Entry, Gazetteer
from kg.keys import slug
from kg.lexicon import InstitutionNoun
from kg.extract.entities.grammar import article_before, nominative
from kg.extract.entities.lexicon import GENITIVE_LINK
from kg.extract.entities.model import Candidate
from kg.extract.entities.vocabulary import Job
from kg.extract.german import INDEFINITE_ARTICLES, inflect_adjective
from kg.extract.text import doc_text


@dataclass(frozen=True, slots=True)
class LocalOwner:
    """A place owning an institution ("Staatsanwaltschaft von Manhattan"), named or in the gazetteer."""

    id: str
    label: str


InstitutionKey = tuple[str, str | None]  # (name, owner id): one entity per institution and owner


@dataclass(frozen=True, slots=True)
class _Mention:
    """An institution noun in the text, with its owner where the words around it name one."""

    start: int
    end: int
    noun: InstitutionNoun
    name: str  # nominative, compounds closed: "Verfassungsgericht", "US-Regierung"
    owner: Entry | LocalOwner | None
    stem: str | None = None  # of the country adjective before it: "spanisch"
    indefinite: bool = False  # "einer Bauerngewerkschaft": an unnamed source

class Institutions(Job):
    """One entity per institution noun and owner in an article."""

    def find(self, doc: Doc, cands: list[Candidate], article_id: str) -> list[Candidate]:
        """Institutions named by a noun: "die spanische Regierung", "der Wahlkommission", "das Gericht".

        A country adjective before the noun or a country in the genitive after it ("Regierung
        Simbabwes") owns it. An unowned national institution ("die Regierung") is the article's main
        country's; any unowned one is the one owned variant the article names, if there is just one.
        One entity per noun and owner in an article, labelled in the nominative."""
        main = self._main_country(cands)
        mentions = self._mentions(doc, cands, main)
        keys, labels = self._keys_and_labels(mentions, main)
        unnamed = {m.start for m in mentions if m.indefinite}
        said = {doc_text(doc)[c.start : c.end] for c in cands}
        out = []
        for m, key in zip(mentions, keys):
            named = self._named_variant(doc, key, cands) if key[1] is None and key[0] in self.lex.institutions else None
            if named is not None:  # "Die Staatsanwaltschaft" after "Die Bezirksstaatsanwaltschaft von Manhattan"
                label = nominative(doc_text(doc)[named.start : named.end], said)
                out.append(Candidate(m.start, m.end, "Organization", named.entry, label=label))
            else:
                out.append(Candidate(m.start, m.end, "Organization", label=labels[key],
                                     key=f"organization/{article_id}/{slug(labels[key])}", anonymous=m.start in unnamed))
        return out

    def _mentions(self, doc: Doc, cands: list[Candidate], main: Entry | None) -> list[_Mention]:
        """The institution nouns outside names, with the owner the words around them name."""
        by_start = {c.start: c for c in cands}
        spans = [(c.start, c.end) for c in cands]
        found = []
        for t in doc:
            hit = self.lex.institution(t.text)
            if hit is None or any(s < t.idx + len(t) <= e for s, e in spans):
                continue  # inside a name; but "US" of "US-Regierung" leaves the institution to us
            follower = by_start.get(doc[t.i + 1].idx) if t.i + 1 < len(doc) else None
            if follower and follower.type != "Country":
                continue  # "die Gewerkschaft Verdi", "Partei D66": the name follows, the noun is its class
            noun, name = hit
            if (prefix := self.gaz.prefix(name[: -len(noun.label)].rstrip("-"))) and prefix.type == "Country":
                found.append(_Mention(t.idx, t.idx + len(t), noun, name, prefix))  # "US-Regierung", "Bundesregierung"
                continue
            stem = self.words.country_adjective(doc[t.i - 1]) if t.i else None
            owner = self.gaz.adjective(doc[t.i - 1].text) if stem else None
            if noun.national and not stem:
                owner = self._genitive_owner(doc, t, by_start)  # "Gericht von Simbabwe" may be any court there
            place = None if stem or owner else self._local_owner(doc, t, by_start)
            if place and main and noun.national and name == noun.label and _seat(doc, t, place):
                place = None  # "die Regierung in Harare": a national one sits in the capital, the main country's
            start = doc[t.i - 1].idx if stem else t.idx
            indefinite = article_before(doc, t.i) in INDEFINITE_ARTICLES and not (owner or place)
            found.append(_Mention(start, t.idx + len(t), noun, _closed_compound(name, self.gaz), owner or place, stem,
                                  indefinite))
        return found

    def _keys_and_labels(
        self, mentions: list[_Mention], main: Entry | None
    ) -> tuple[list[InstitutionKey], dict[InstitutionKey, str]]:
        """Each mention's key (name and owner), an unowned one given the main country or the one owner
        its name has in the article, and each key's label: "Spanisches Militär", "Staatsanwaltschaft
        Manhattan", "Regierung Simbabwes"."""
        owned: dict[str, set[str]] = {}
        for m in mentions:
            if m.owner:
                owned.setdefault(m.name, set()).add(m.owner.id)
        places = {m.owner.id: m.owner for m in mentions if isinstance(m.owner, LocalOwner)}
        labels: dict[InstitutionKey, str] = {}
        keys = []
        for m in mentions:
            noun, name, owner = m.noun, m.name, m.owner
            key = (name, owner.id if owner else None)
            if owner is None:
                choices = owned.get(name, set())
                default = main.id if noun.national and main else None
                owner_id = default or (next(iter(choices)) if len(choices) == 1 else None)
                owner = self.gaz.entries.get(owner_id) or places.get(owner_id) if owner_id else None
                key = (name, owner.id if owner else None)
                if owner is None and name == noun.label and (variant := self._owned_variant(name, owned)):
                    key = variant  # "die Staatsanwaltschaft" of "der Bezirks-Staatsanwaltschaft von Manhattan"
            if m.stem:
                labels[key] = f"{inflect_adjective(m.stem, noun.gender).capitalize()} {name}"  # "Spanisches Militär"
            elif isinstance(owner, LocalOwner):
                labels[key] = f"{name} {owner.label}"  # "Staatsanwaltschaft Manhattan", as authorities name themselves
            elif key not in labels:
                labels[key] = f"{name} {_genitive(owner)}" if owner and name == noun.label else name
            keys.append(key)
        return keys, labels

    @staticmethod
    def _named_variant(doc: Doc, key: InstitutionKey, cands: list[Candidate]) -> Candidate | None:
        """The one organisation the recogniser named whose first word is a compound of a bare
        institution noun ("Bezirksstaatsanwaltschaft von Manhattan" for "die Staatsanwaltschaft")."""
        noun = key[0].lower()
        names = {}
        for c in cands:
            first = doc_text(doc)[c.start : c.end].split()[0].lower() if c.end > c.start else ""
            if c.type == "Organization" and c.ner and first != noun and first.endswith(noun):
                names.setdefault(doc_text(doc)[c.start : c.end], c)
        return next(iter(names.values())) if len(names) == 1 else None

    @staticmethod
    def _local_owner(doc: Doc, token: Token, by_start: dict[int, Candidate]) -> LocalOwner | None:
        """The place after an institution noun: "der Staatsanwaltschaft von Manhattan", "die Polizei
        in Köln" is that place's own (a country is an owner of its own, see _genitive_owner)."""
        if token.i + 2 >= len(doc) or doc[token.i + 1].lower_ not in ("von", "in"):
            return None
        c = by_start.get(doc[token.i + 2].idx)
        if c is None or c.type != "Place" or c.entry is not None and c.entry.type != "Place":
            return None
        label = c.entry.label if c.entry else doc_text(doc)[c.start : c.end]
        return LocalOwner(c.entry.id if c.entry else f"place:{label}", label)

    @staticmethod
    def _owned_variant(name: str, owned: dict[str, set[str]]) -> InstitutionKey | None:
        """The one owned compound of a bare institution noun the article names: "die
        Staatsanwaltschaft" where it also names "die Bezirksstaatsanwaltschaft von Manhattan"."""
        variants = [(v, o) for v, owners in owned.items() if v != name and v.lower().endswith(name.lower()) for o in owners]
        return variants[0] if len(variants) == 1 else None

    def _genitive_owner(self, doc: Doc, token: Token, by_start: dict[int, Candidate]) -> Entry | None:
        """The country after an institution noun: "Regierung Simbabwes", "Gericht von Simbabwe"."""
        for j in (token.i + 1, token.i + 2):
            if j >= len(doc) or (j == token.i + 2 and doc[token.i + 1].lower_ not in GENITIVE_LINK):
                continue
            c = by_start.get(doc[j].idx)
            if c and c.type == "Country" and c.entry:
                return c.entry
        return None

    def _main_country(self, cands: list[Candidate]) -> Entry | None:
        """The country an article is about: named at least twice, and twice as often as any other."""
        counts = Counter(c.entry.id for c in cands if c.entry and c.entry.type == "Country")
        (top, n), (_, second) = (counts.most_common(2) + [("", 0), ("", 0)])[:2]
        return self.gaz.entries[top] if n >= 2 and n >= 2 * second else None


def _seat(doc: Doc, token: Token, place: LocalOwner) -> bool:
    """Is the place "in" which a national institution is ("die Regierung in Harare") one the gazetteer
    does not know, so no region or city of its own (a known capital is TypeCues.metonymy's)?"""
    return doc[token.i + 1].lower_ == "in" and place.id.startswith("place:")


def _closed_compound(name: str, gaz: Gazetteer) -> str:
    """"Bezirks-Staatsanwaltschaft" -> "Bezirksstaatsanwaltschaft": a compound of common nouns is
    labelled closed, as German spells it, so both spellings are one entity; a name or acronym as
    first part keeps its hyphen ("US-Regierung", "Simbabwe-Kommission")."""
    first, sep, rest = name.partition("-")
    if not sep or "-" in rest or not first[:1].isupper() or first.isupper() or gaz.prefix(first) or gaz.name(first):
        return name
    return first + rest[:1].lower() + rest[1:]


def _genitive(country: Entry) -> str:
    """"Simbabwes", "der Ukraine", "des Irak", "der Vereinigten Staaten", "von Laos": a country as owner."""
    if country.article:
        words = country.label.split()
        article = "der" if country.article == "die" else "des"
        return f"{article} " + " ".join(w + "n" if i < len(words) - 1 and w.endswith("e") else w for i, w in enumerate(words))
    return f"von {country.label}" if country.label[-1] in "sxzß" else country.label + "s"
