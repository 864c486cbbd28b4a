"""The typed model of one article -> the quads of its named graph.

IRIs are deterministic (same input and base, same IRIs): articles, sentences and mentions by id and
character offsets (NIF `#char=s,e`), entities by QID or type and normalised label (so they merge
across articles), events and claims by article and position. The model is documented in
docs/model.md and constrained by kg/shapes.ttl.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode, Quad

from kg.keys import slug
from kg.model import ArticleGraph, Claim, Entity, Event, Mention, Span
from kg.vocab import DEFAULT_BASE, ITSRDF, KG, KG_ROLE, NIF, PROV, RDF, RDFS, SCHEMA, SEM, SKOS, WD, XSD

_ENTITY_CLASSES = {
    "Person": (SCHEMA.Person, SEM.Actor),
    "Organization": (SCHEMA.Organization, SEM.Actor),
    "Country": (SCHEMA.Country, SEM.Actor, SEM.Place),
    "Place": (SCHEMA.Place, SEM.Place),
    "Group": (KG.Group, SEM.Actor),
}


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Iris:
    """Where each kind of node lives under the configurable base."""

    base: str = DEFAULT_BASE

    def graph(self, article_id: str) -> NamedNode:
        return NamedNode(f"{self.base}graph/{article_id}")

    def article(self, article_id: str) -> NamedNode:
        return NamedNode(f"{self.base}article/{article_id}")

    def span(self, article_id: str, start: int, end: int) -> NamedNode:
        return NamedNode(f"{self.base}article/{article_id}#char={start},{end}")

    def entity(self, key: str) -> NamedNode:
        return NamedNode(f"{self.base}entity/{key}")

    def event(self, article_id: str, key: str) -> NamedNode:
        return NamedNode(f"{self.base}event/{article_id}/{key}")

    def claim(self, article_id: str, key: str) -> NamedNode:
        return NamedNode(f"{self.base}claim/{article_id}/{key}")

    def role(self, article_id: str, n: int) -> NamedNode:
        return NamedNode(f"{self.base}role/{article_id}/{n}")


def de(text: str) -> Literal:
    return Literal(text, language="de")


def datetime_literal(when: dt.datetime) -> Literal:
    """An xsd:dateTime. Its time zone offset must be whole minutes; Berlin's before 1893 was local
    mean time (+00:53:28), so such an offset is given as UTC instead."""
    offset = when.utcoffset()
    if offset is not None and offset.total_seconds() % 60:
        when = when.astimezone(dt.timezone.utc)
    return Literal(when.isoformat(), datatype=XSD.dateTime)


def date_literal(value: str) -> Literal | None:
    """A TIMEX3 value as the narrowest XSD date type, or None when it is not a calendar date."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Literal(value, datatype=XSD.date)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return Literal(value, datatype=XSD.gYearMonth)
    if re.fullmatch(r"\d{4}", value):
        return Literal(value, datatype=XSD.gYear)
    return None


def xsd_duration(value: str) -> str | None:
    """A TIMEX3 duration as xsd:duration ("P2W" -> "P14D"), or None when it is vague ("PXY")."""
    if m := re.fullmatch(r"P(\d+)W", value):
        return f"P{int(m[1]) * 7}D"
    if re.fullmatch(r"P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?", value):
        return value
    return None


@dataclass
class _Writer:
    ag: ArticleGraph
    iris: Iris
    quads: list[Quad] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.graph = self.iris.graph(self.ag.article.id)
        self.article = self.iris.article(self.ag.article.id)
        self.context = self.iris.span(self.ag.article.id, 0, len(self.ag.article.text))
        self.entity_iris = {e.key: self.iris.entity(e.key) for e in self.ag.entities}

    def add(self, s: NamedNode, p: NamedNode, o) -> None:
        if o is not None:
            self.quads.append(Quad(s, p, o, self.graph))

    def span(self, span: Span) -> NamedNode:
        return self.iris.span(self.ag.article.id, span.start, span.end)

    def sentence_of(self, index: int) -> NamedNode:
        s = self.ag.sentences[index]
        return self.span(s)

    def write(self) -> list[Quad]:
        self._article()
        for sentence in self.ag.sentences:
            node = self.span(sentence)
            self.add(node, RDF.type, NIF.Sentence)
            self._offsets(node, sentence)
        for entity in self.ag.entities:
            self._entity(entity)
        for n, (entity, role) in enumerate((e, r) for e in self.ag.entities for r in e.roles):
            self._role(n, entity, role)
        for event in self.ag.events:
            self._event(event)
        for claim in self.ag.claims:
            self._claim(claim)
        return self.quads

    def _offsets(self, node: NamedNode, span: Span) -> None:
        self.add(node, NIF.beginIndex, Literal(span.start))
        self.add(node, NIF.endIndex, Literal(span.end))
        self.add(node, NIF.anchorOf, Literal(span.text))
        self.add(node, NIF.referenceContext, self.context)

    def _article(self) -> None:
        a = self.ag.article
        self.add(self.article, RDF.type, SCHEMA.NewsArticle)
        self.add(self.article, SCHEMA.identifier, Literal(a.id))
        if a.title:
            self.add(self.article, SCHEMA.headline, de(a.title))
        if a.published:
            self.add(self.article, SCHEMA.datePublished, datetime_literal(a.published))
        if a.url:
            self.add(self.article, SCHEMA.url, Literal(a.url, datatype=XSD.anyURI))
        self.add(self.article, SCHEMA.inLanguage, Literal("de"))
        self.add(self.article, KG.contentHash, Literal(content_hash(a.text)))
        self.add(self.article, KG.pipeline, Literal(self.ag.pipeline))
        self.add(self.article, KG.sourceFile, Literal(a.source))  # text: prov:wasDerivedFrom takes a resource
        self.add(self.context, RDF.type, NIF.Context)
        self.add(self.context, NIF.isString, Literal(a.text))
        self.add(self.context, NIF.beginIndex, Literal(0))
        self.add(self.context, NIF.endIndex, Literal(len(a.text)))
        self.add(self.context, NIF.sourceUrl, self.article)

    def _mention(self, mention: Mention, target: NamedNode) -> NamedNode:
        node = self.span(mention)
        self.add(node, RDF.type, NIF.Phrase)
        self._offsets(node, mention)
        self.add(node, NIF.sentence, self.sentence_of(mention.sentence))
        self.add(node, ITSRDF.taIdentRef, target)
        return node

    def _entity(self, e: Entity) -> None:
        node = self.entity_iris[e.key]
        for cls in _ENTITY_CLASSES[e.type]:
            self.add(node, RDF.type, cls)
        self.add(node, RDFS.label, de(e.label))
        for alt in sorted({m.text for m in e.mentions} - {e.label}):
            self.add(node, SKOS.altLabel, de(alt))
        if e.wikidata:
            self.add(node, SKOS.exactMatch, WD.term(e.wikidata))
        if e.anonymous:
            self.add(node, KG.anonymous, Literal(True))
        if e.stands_for and e.stands_for in self.entity_iris:
            self.add(node, KG.standsFor, self.entity_iris[e.stands_for])
        self.add(node, PROV.wasDerivedFrom, self.article)
        for mention in e.mentions:
            self._mention(mention, node)

    def _role(self, n: int, entity: Entity, role) -> None:
        node = self.iris.role(self.ag.article.id, n)
        self.add(node, RDF.type, SEM.Role)
        self.add(node, RDF.value, self.entity_iris[entity.key])
        self.add(node, SEM.roleType, KG_ROLE.term(slug(role.name)))
        self.add(node, SCHEMA.roleName, de(role.name))
        if role.of:  # may be implied and not described in this graph: "Bundeskanzler" -> Germany
            self.add(node, KG.roleOf, self.entity_iris.get(role.of) or self.iris.entity(role.of))
        if role.evidence:
            self.add(node, PROV.wasDerivedFrom, self._mention(role.evidence, node))
        self.add(node, PROV.hadPrimarySource, self.article)

    def _provenance(self, node: NamedNode, sentences: list[int]) -> None:
        for index in dict.fromkeys(sentences):
            self.add(node, PROV.wasDerivedFrom, self.sentence_of(index))
        self.add(node, PROV.hadPrimarySource, self.article)

    def _event(self, ev: Event) -> None:
        node = self.iris.event(self.ag.article.id, ev.key)
        self.add(node, RDF.type, SEM.Event)
        self.add(node, SEM.eventType, KG.term(ev.type))
        self.add(node, RDFS.label, de(ev.label or ev.trigger.text))
        self.add(node, KG.status, KG.term(ev.status))
        if ev.code:
            self.add(node, KG.ploverCode, Literal(ev.code))
        if ev.cameo:
            self.add(node, KG.cameoCode, Literal(ev.cameo))
        for key in ev.participants:
            self.add(node, SEM.hasActor, self.entity_iris.get(key))
        if ev.place:
            self.add(node, SEM.hasPlace, self.entity_iris.get(ev.place))
        if ev.date:
            self.add(node, SEM.hasTimeStamp, date_literal(ev.date.value))
            self.add(node, KG.timexValue, Literal(ev.date.timex or ev.date.value))
            if ev.date.mention:
                self.add(node, KG.dateText, de(ev.date.mention.text))
            else:  # a reported past event the text does not date: the article's day
                self.add(node, KG.dateInferred, Literal(True))
        if ev.duration and (duration := xsd_duration(ev.duration)):
            self.add(node, SCHEMA.duration, Literal(duration, datatype=XSD.duration))
        for mention in [ev.trigger, *ev.mentions]:
            self.add(node, KG.trigger, self._mention(mention, node))
        self.add(node, KG.evidence, self.sentence_of(ev.trigger.sentence))
        self._provenance(node, [m.sentence for m in [ev.trigger, *ev.mentions]])

    def _claim(self, c: Claim) -> None:
        """An attributed statement (docs/claims.md): who (schema:author) said what (schema:text, kg:quote)
        to whom (kg:addressee), through which channel (kg:via) or reporter (kg:reportedBy), with offsets
        of the message (kg:contentMention) and the speaker's words (kg:speakerMention)."""
        node = self.iris.claim(self.ag.article.id, c.key)
        self.add(node, RDF.type, SCHEMA.Claim)
        self.add(node, KG.claimType, KG.term(c.type))
        self.add(node, KG.mode, KG.term(c.mode))
        if c.code:
            self.add(node, KG.ploverCode, Literal(c.code))
        self.add(node, KG.sentence, self.sentence_of(c.sentence))
        self.add(node, KG.contentMention, self._mention(c.content, node))
        speaker = self.entity_iris.get(c.speaker) if c.speaker else None
        if speaker:
            self.add(node, SCHEMA.author, speaker)
        if c.speaker_mention and speaker:
            self.add(node, KG.speakerMention, self._mention(c.speaker_mention, speaker))
        elif c.speaker_mention:
            self.add(node, KG.speakerText, de(c.speaker_mention.text))
        for key in c.addressee:
            self.add(node, KG.addressee, self.entity_iris.get(key))
        if c.via:
            self.add(node, KG.via, self.entity_iris.get(c.via))
        if c.reported_by:
            self.add(node, KG.reportedBy, self.entity_iris.get(c.reported_by))
        if c.cue:
            self.add(node, KG.cue, de(c.cue.text))
        self.add(node, SCHEMA.text, de(c.content.text))
        if c.quote:
            self.add(node, KG.quote, de(c.quote.text))
        for key in c.topics:
            self.add(node, SCHEMA.about, self.entity_iris.get(key) or self.iris.event(self.ag.article.id, key))
        self._provenance(node, [c.sentence, *(m.sentence for m in c.evidence)])


def to_quads(ag: ArticleGraph, base: str = DEFAULT_BASE) -> list[Quad]:
    """All quads of one article's named graph, each once."""
    return list(dict.fromkeys(_Writer(ag, Iris(base)).write()))
