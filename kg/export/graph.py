"""The NetworkX projection of the stored RDF (docs/export.md).

Everything is read from the store with SPARQL, one query per kind of fact, so the projection works
for any graph kg built, of one article or ten thousand. Two views:

* ``full``: entities, events and claims are nodes; edges are the model's links between them
  (participant, place, said, addressed to, relayed, reported, about, role, stands for).
* ``actors``: people, organizations, countries and groups are nodes; edges aggregate claims
  (``said_to`` or the claim type: ``warned``, ``accused`` …, speaker -> addressee; ``said_about``
  speaker -> an actor the claim is about; ``relayed``/``reported`` channel or reporter -> speaker)
  and shared events (``co_participant``), weighted by count, with the claims' text and sentences
  as evidence.

Every node carries ``iri``, ``kind``, ``type`` and ``label``; every edge ``kind`` and ``label``;
dates are ISO strings. Lists stay lists here: the writers flatten them where a format needs it.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from itertools import combinations

import networkx as nx
from pyoxigraph import Store

from kg.errors import ExportError
from kg.model import ENTITY_TYPES
from kg.store import query
from kg.vocab import WD

VIEWS = ("full", "actors")
ACTOR_TYPES = frozenset({"Person", "Organization", "Country", "Group"})
_LABEL_CHARS = 60
_EDGE_LISTS = ("articles", "evidence", "sentences", "dates", "items")


# One query per kind of fact; `{graphs}` becomes a VALUES clause when --article narrows the export.
_ARTICLES = """SELECT ?g ?id ?published ?headline WHERE { {graphs} GRAPH ?g {
  ?a a schema:NewsArticle ; schema:identifier ?id .
  OPTIONAL { ?a schema:datePublished ?published } OPTIONAL { ?a schema:headline ?headline } } }"""
# Every term a row returns costs a lookup in an on-disk store, so the queries return few: entity
# labels are counted in SPARQL, and constants come back as short (inlined) strings, not IRIs.
_ENTITY_CLASSES = """VALUES (?class ?type) { (schema:Person "Person") (schema:Organization "Organization")
  (schema:Country "Country") (schema:Place "Place") (kg:Group "Group") }"""
_ENTITIES = "SELECT ?g ?e ?type WHERE { {graphs} GRAPH ?g { ?e a ?class " + _ENTITY_CLASSES + " } }"
_LABELS = ("SELECT ?e ?label (COUNT(*) AS ?n) WHERE { {graphs} GRAPH ?g { ?e a ?class ; rdfs:label ?label "
           + _ENTITY_CLASSES + " } } GROUP BY ?e ?label")
_QIDS = "SELECT DISTINCT ?e ?qid WHERE { {graphs} GRAPH ?g { ?e skos:exactMatch ?qid } }"
_ANONYMOUS = "SELECT DISTINCT ?e WHERE { {graphs} GRAPH ?g { ?e kg:anonymous true } }"
_ROLES = """SELECT ?g ?e ?name ?of WHERE { {graphs} GRAPH ?g {
  ?r a sem:Role ; rdf:value ?e ; schema:roleName ?name . OPTIONAL { ?r kg:roleOf ?of } } }"""
_STANDS_FOR = "SELECT ?g ?e ?target WHERE { {graphs} GRAPH ?g { ?e kg:standsFor ?target } }"
_EVENTS = """SELECT ?g ?x ?type ?label ?status ?date WHERE { {graphs} GRAPH ?g {
  ?x a sem:Event . OPTIONAL { ?x sem:eventType ?type } OPTIONAL { ?x rdfs:label ?label }
  OPTIONAL { ?x kg:status ?status } OPTIONAL { ?x sem:hasTimeStamp ?date } } }"""
_CLAIMS = """SELECT ?g ?x ?type ?mode ?text ?quote ?cue ?speaker_text WHERE { {graphs} GRAPH ?g {
  ?x a schema:Claim . OPTIONAL { ?x kg:claimType ?type } OPTIONAL { ?x kg:mode ?mode }
  OPTIONAL { ?x schema:text ?text } OPTIONAL { ?x kg:quote ?quote } OPTIONAL { ?x kg:cue ?cue }
  OPTIONAL { ?x kg:speakerText ?speaker_text } } }"""
_LINK_PREDICATES = ("sem:hasActor", "sem:hasPlace", "schema:author", "kg:addressee", "kg:via", "kg:reportedBy",
                    "schema:about")
_LINKS = "SELECT ?x ?p ?y WHERE { {graphs} GRAPH ?g { " + " UNION ".join(
    f'{{ ?x {p} ?y BIND("{p.split(":")[1]}" AS ?p) }}' for p in _LINK_PREDICATES) + " } }"
_SENTENCES = """SELECT ?x ?text ?begin WHERE { {graphs} GRAPH ?g {
  ?x prov:wasDerivedFrom ?s . ?s a nif:Sentence ; nif:anchorOf ?text ; nif:beginIndex ?begin } }"""


@dataclass
class _Entity:
    types: Counter = field(default_factory=Counter)
    labels: Counter = field(default_factory=Counter)
    qid: str | None = None
    anonymous: bool = False
    graphs: set[str] = field(default_factory=set)

    @property
    def type(self) -> str:
        return min(self.types, key=lambda t: (-self.types[t], t))

    def label(self, iri: str) -> str:
        """The most frequent label (ties: the first in sort order), else the IRI's last segment."""
        if not self.labels:
            return iri.rstrip("/").rsplit("/", 1)[-1]
        return min(self.labels, key=lambda s: (-self.labels[s], s))


@dataclass
class _Item:
    """An event or a claim: one article's statement, with its links and sentences."""

    graph: str
    type: str
    attrs: dict[str, str] = field(default_factory=dict)
    links: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    sentences: list[tuple[int, str]] = field(default_factory=list)
    date: str | None = None  # the event's own date (sem:hasTimeStamp)
    when: str | None = None  # its own date, else its article's publication day: what date filters see

    @property
    def label(self) -> str:
        """"Telefonat 2021-12-30": the event's name (else its type) and date."""
        return " ".join(x for x in (self.attrs.get("name") or self.type, self.date) if x)

    @functools.cached_property
    def sentence_texts(self) -> list[str]:
        """The item's sentences in text order (read once all rows are in)."""
        return [text for _, text in sorted(set(self.sentences))]


@dataclass
class _Article:
    id: str
    published: str | None
    headline: str | None


@dataclass
class _Facts:
    """Everything the views need, read from the store once."""

    articles: dict[str, _Article]
    entities: dict[str, _Entity]
    roles: list[tuple[str, str, str, str | None]]  # graph, entity, role name, of
    stands_for: set[tuple[str, str, str]]  # graph, entity, target
    events: dict[str, _Item]
    claims: dict[str, _Item]


def _local(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1]


def _rows(store: Store, sparql: str, graphs: list[str] | None):
    values = "VALUES ?g { " + " ".join(f"<{g}>" for g in graphs) + " }" if graphs is not None else ""
    return query(store, sparql.replace("{graphs}", values))


def _value(row, name: str) -> str | None:
    term = row[name]
    return None if term is None else term.value


def _read_entities(store: Store, graphs: list[str] | None) -> dict[str, _Entity]:
    entities: dict[str, _Entity] = defaultdict(_Entity)
    for row in _rows(store, _ENTITIES, graphs):
        e = entities[row["e"].value]
        e.types[row["type"].value] += 1
        e.graphs.add(row["g"].value)
    for row in _rows(store, _LABELS, graphs):
        entities[row["e"].value].labels[row["label"].value] += int(row["n"].value)
    for row in _rows(store, _QIDS, graphs):
        if row["e"].value in entities and row["qid"].value.startswith(WD):
            entities[row["e"].value].qid = row["qid"].value[len(WD):]
    for row in _rows(store, _ANONYMOUS, graphs):
        if row["e"].value in entities:
            entities[row["e"].value].anonymous = True
    return dict(entities)


def _read_items(store: Store, graphs: list[str] | None) -> tuple[dict[str, _Item], dict[str, _Item]]:
    """Events and claims with their attributes, links and sentences."""
    events: dict[str, _Item] = {}
    for row in _rows(store, _EVENTS, graphs):
        ev = events.setdefault(row["x"].value, _Item(row["g"].value, _local(_value(row, "type") or "Event")))
        ev.attrs.setdefault("name", _value(row, "label"))
        ev.attrs.setdefault("status", _local(_value(row, "status") or "") or None)
        ev.date = ev.date or _value(row, "date")
    claims: dict[str, _Item] = {}
    for row in _rows(store, _CLAIMS, graphs):
        c = claims.setdefault(row["x"].value, _Item(row["g"].value, _local(_value(row, "type") or "statement")))
        for name in ("text", "quote", "cue", "speaker_text"):
            c.attrs.setdefault(name, _value(row, name))
        c.attrs.setdefault("mode", _local(_value(row, "mode") or "") or None)
    for row in _rows(store, _LINKS, graphs):
        item = events.get(row["x"].value) or claims.get(row["x"].value)
        if item is not None and row["y"].value not in item.links[row["p"].value]:
            item.links[row["p"].value].append(row["y"].value)
    for row in _rows(store, _SENTENCES, graphs):
        item = events.get(row["x"].value) or claims.get(row["x"].value)
        if item is not None:
            item.sentences.append((int(row["begin"].value), row["text"].value))
    return events, claims


def _read(store: Store, graphs: list[str] | None, articles: dict[str, _Article]) -> _Facts:
    roles = sorted({(r["g"].value, r["e"].value, r["name"].value, _value(r, "of"))
                    for r in _rows(store, _ROLES, graphs)}, key=str)
    stands_for = {(r["g"].value, r["e"].value, r["target"].value) for r in _rows(store, _STANDS_FOR, graphs)}
    events, claims = _read_items(store, graphs)
    for item in [*events.values(), *claims.values()]:
        article = articles.get(item.graph)
        item.when = item.date or (article and _day(article.published))
    return _Facts(articles, _read_entities(store, graphs), roles, stands_for, events, claims)


# --- filters ---------------------------------------------------------------------------------------

def _day(value: str | None) -> str | None:
    """"2021-12-31T01:13:00+01:00" -> "2021-12-31"; dates at coarser precision stay as they are."""
    return value[:10] if value else None


def _interval(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a TIMEX-like ISO value (YYYY, YYYY-MM, YYYY-MM-DD…) can mean."""
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m:
        return None
    year, month, day = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
    try:
        if day:
            d = dt.date(year, month, day)
            return d, d
        if month:
            first = dt.date(year, month, 1)
            return first, (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None


@dataclass(frozen=True)
class _DateRange:
    start: dt.date = dt.date.min
    end: dt.date = dt.date.max
    active: bool = False

    @classmethod
    def parse(cls, date_from: str | dt.date | None, date_to: str | dt.date | None) -> _DateRange:
        bounds = []
        for name, value in (("from", date_from), ("to", date_to)):
            if value is None:
                bounds.append(None)
                continue
            span = _interval(value.isoformat() if isinstance(value, dt.date) else str(value))
            if span is None:
                raise ExportError(f"--{name} {value!r}: not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
            bounds.append(span)
        lo, hi = bounds
        return cls(lo[0] if lo else dt.date.min, hi[1] if hi else dt.date.max, bool(lo or hi))

    def holds(self, value: str | None) -> bool:
        """True when the item's date overlaps the range; undated items only pass when no range is set."""
        if not self.active:
            return True
        span = _interval(value) if value else None
        return span is not None and span[1] >= self.start and span[0] <= self.end


def _entity_types(types: Iterable[str] | None) -> frozenset[str]:
    if not types:
        return frozenset(ENTITY_TYPES)
    known = {t.lower(): t for t in ENTITY_TYPES}
    wanted = set()
    for t in types:
        if t.lower() not in known:
            raise ExportError(f"--type {t!r}: unknown entity type (use {', '.join(ENTITY_TYPES)})")
        wanted.add(known[t.lower()])
    return frozenset(wanted)


def _select_graphs(store: Store, article: str | Iterable[str] | None) -> tuple[list[str] | None, dict[str, _Article]]:
    """The graphs to export (None: all) and their articles; an article is named by id or IRI."""
    articles = {r["g"].value: _Article(r["id"].value, _value(r, "published"), _value(r, "headline"))
                for r in _rows(store, _ARTICLES, None)}
    if article is None:
        return None, articles
    wanted = [article] if isinstance(article, str) else list(article)
    by_name = {}
    for graph, a in articles.items():
        by_name.update({a.id: graph, graph: graph})
    missing = [w for w in wanted if w not in by_name]
    if missing:
        raise ExportError(f"--article {missing[0]!r}: no such article in the store ({len(articles)} articles)")
    graphs = sorted({by_name[w] for w in wanted})
    return graphs, {g: articles[g] for g in graphs}


# --- views -----------------------------------------------------------------------------------------

def _relations() -> dict[str, dict[str, str]]:
    """Claim type -> edge kind and label of the actor view (kg/export/static/relations.json)."""
    return json.loads(resources.files("kg.export").joinpath("static/relations.json").read_text("utf-8"))


def _short(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1].rstrip() + "…"


class _Builder:
    def __init__(self, facts: _Facts, types: frozenset[str], dates: _DateRange) -> None:
        self.facts = facts
        self.graph = nx.MultiDiGraph()
        in_range = {g for g, a in facts.articles.items() if dates.holds(_day(a.published))}
        self.events = {i: e for i, e in facts.events.items() if dates.holds(e.when)}
        self.claims = {i: c for i, c in facts.claims.items() if c.graph in in_range}
        linked = {y for item in [*self.events.values(), *self.claims.values()]
                  for ys in item.links.values() for y in ys}
        self.entities = {i: e for i, e in facts.entities.items()
                         if e.type in types and (e.graphs & in_range or i in linked)}
        self.labels: dict[str, str] = {}
        self.roles: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
        for _, who, name, of in facts.roles:
            self.roles[who].append((name, of))

    def article_id(self, graph: str) -> str:
        return self.facts.articles[graph].id if graph in self.facts.articles else graph

    def add_entity(self, iri: str) -> None:
        e = self.entities[iri]
        roles = sorted({f"{name} ({self.label(of)})" if of in self.entities else name
                        for name, of in self.roles.get(iri, ())})
        attrs = {"iri": iri, "kind": "entity", "type": e.type, "label": self.label(iri), "roles": roles,
                 "articles": len(e.graphs), "anonymous": e.anonymous}
        if e.qid:
            attrs["wikidata"] = e.qid
        self.graph.add_node(iri, **attrs)

    def label(self, iri: str) -> str:
        if iri not in self.labels:
            self.labels[iri] = self.entities[iri].label(iri)
        return self.labels[iri]

    def edge(self, u: str, v: str, kind: str, label: str, graph: str, evidence: str | None = None,
             sentences: Iterable[str] = (), date: str | None = None, item: str | None = None) -> None:
        """Add one observation to the (u, v, kind) edge: weight counts them, the lists (kept as
        insertion-ordered dicts until `finish`) collect its articles, evidence, sentences and dates."""
        key = f"{kind}:{label}"
        if not self.graph.has_edge(u, v, key):
            self.graph.add_edge(u, v, key, kind=kind, label=label, weight=0,
                                **{name: {} for name in _EDGE_LISTS})
        data = self.graph.edges[u, v, key]
        data["weight"] += 1
        for name, values in (("articles", [self.article_id(graph)]), ("evidence", [evidence]),
                             ("sentences", sentences), ("dates", [date]), ("items", [item])):
            data[name].update((value, None) for value in values if value)

    def finish(self) -> nx.MultiDiGraph:
        """Turn the edges' collections into lists; drop empty ones (structural edges have no evidence)."""
        for _, _, data in self.graph.edges(data=True):
            for name in _EDGE_LISTS:
                values = list(data.pop(name))
                if values:
                    data[name] = values
            if "dates" in data:
                data["date"] = min(data["dates"])
        return self.graph

    def full(self) -> nx.MultiDiGraph:
        for iri in self.entities:
            self.add_entity(iri)
        for graph, who, name, of in self.facts.roles:
            if who in self.entities and of in self.entities:
                self.edge(who, of, "role", name, graph)
        for graph, who, target in sorted(self.facts.stands_for):
            if who in self.entities and target in self.entities:
                self.edge(who, target, "stands_for", "stands for", graph)
        for iri, ev in self.events.items():
            self.graph.add_node(iri, iri=iri, kind="event", type=ev.type, label=ev.label,
                                article=self.article_id(ev.graph), sentences=ev.sentence_texts,
                                **{k: v for k, v in ev.attrs.items() if v}, **({"date": ev.date} if ev.date else {}))
            for kind, predicate in (("participant", "hasActor"), ("place", "hasPlace")):
                for y in ev.links.get(predicate, ()):
                    if y in self.entities:
                        self.edge(iri, y, kind, kind, ev.graph)
        for iri, c in self.claims.items():
            self.graph.add_node(iri, iri=iri, kind="claim", type=c.type, label=_short(c.attrs.get("text")),
                                article=self.article_id(c.graph), sentences=c.sentence_texts,
                                **{k: v for k, v in c.attrs.items() if v}, **({"date": c.when} if c.when else {}))
            for predicate, kind, label, outgoing in (("author", "said", "said", False),
                                                     ("addressee", "addressed_to", "addressed to", True),
                                                     ("via", "relayed", "relayed", False),
                                                     ("reportedBy", "reported", "reported", False),
                                                     ("about", "about", "about", True)):
                for y in c.links.get(predicate, ()):
                    if y in self.entities or y in self.events:
                        self.edge(*((iri, y) if outgoing else (y, iri)), kind, label, c.graph)
        return self.graph

    def actors(self) -> nx.MultiDiGraph:
        actors = {i for i, e in self.entities.items() if e.type in ACTOR_TYPES}
        for iri in sorted(actors):
            self.add_entity(iri)
            self.graph.nodes[iri].update(claims=[], sentences=[])
        relations = _relations()
        for iri, c in sorted(self.claims.items()):
            speakers = [s for s in c.links.get("author", ()) if s in actors]
            for s in speakers:
                node = self.graph.nodes[s]
                node["claims"].append(c.attrs.get("text") or "")
                node["sentences"].extend(t for t in c.sentence_texts if t not in node["sentences"])
            rel = relations.get(c.type, {"kind": c.type, "label": c.type})
            addressees = [a for a in c.links.get("addressee", ()) if a in actors]
            topics = [t for t in c.links.get("about", ()) if t in actors and t not in addressees]
            for s in speakers:
                links = [(s, a, rel["kind"], rel["label"]) for a in addressees]
                links += [(s, t, "said_about", "spoke about") for t in topics]
                links += [(v, s, "relayed", "relayed") for v in c.links.get("via", ()) if v in actors]
                links += [(r, s, "reported", "reported") for r in c.links.get("reportedBy", ()) if r in actors]
                for u, v, kind, label in links:
                    if u != v:
                        self.edge(u, v, kind, label, c.graph, c.attrs.get("text"), c.sentence_texts, c.when, iri)
        for iri, ev in sorted(self.events.items()):
            people = sorted({a for a in ev.links.get("hasActor", ()) if a in actors})
            what = f"{ev.label} ({ev.type})"
            for u, v in combinations(people, 2):
                self.edge(u, v, "co_participant", "took part with", ev.graph, what, ev.sentence_texts, ev.when, iri)
        return self.graph


def to_networkx(store: Store, view: str = "full", article: str | Iterable[str] | None = None,
                types: Iterable[str] | None = None, date_from: str | dt.date | None = None,
                date_to: str | dt.date | None = None) -> nx.MultiDiGraph:
    """Project the stored graph onto a NetworkX MultiDiGraph (node ids are IRIs).

    `article`: one article (or several) by id or IRI; `types`: entity types to keep (Person,
    Organization, Country, Place, Group); `date_from`/`date_to` (YYYY[-MM[-DD]], inclusive): events
    by their own date (else their article's), claims and entities by their article's publication
    date. Undated items drop out once a date range is given.
    """
    if view not in VIEWS:
        raise ExportError(f"--view {view!r}: unknown view (use {' or '.join(VIEWS)})")
    wanted = _entity_types(types)
    dates = _DateRange.parse(date_from, date_to)
    graphs, articles = _select_graphs(store, article)
    builder = _Builder(_read(store, graphs, articles), wanted, dates)
    graph = builder.full() if view == "full" else builder.actors()
    builder.finish()
    graph.graph.update(view=view, articles=len(articles))
    return graph
