"""`kg show NAME`: one entity's page in the terminal, assembled from the bundled queries.

Each section is a bundled query with the entity's IRI as its parameter, so `kg show` answers
exactly what `kg query roles --param who=IRI` (and the others) answer, and a query fixed there
is fixed here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pyoxigraph import QuerySolutions, Store

from kg.errors import QueryError
from kg.query import load, readable, short_iri, table
from kg.store import query as run_query


@dataclass(frozen=True)
class Section:
    """A titled table: a bundled query bound to the entity, and the columns worth showing."""

    title: str
    query: str
    param: str
    columns: tuple[str, ...]


SECTIONS = (
    Section("Roles", "roles", "who", ("role", "ofLabel", "evidence", "article")),
    Section("Claims by it", "said_about", "who", ("type", "content", "quote", "article")),
    Section("Claims about it", "said_about", "what", ("speakerLabel", "type", "content", "article")),
    Section("Events", "actors_of_event", "who", ("date", "type", "eventLabel", "event", "article")),
    Section("Co-occurring actors", "cooccurrence", "who", ("a", "b", "sentences")),
    Section("Articles", "articles", "name", ("article", "published", "mentions", "headline")),
)


def find(store: Store, name: str) -> list[dict[str, str]]:
    """Entities matching NAME (the `entities` query), best kind of match first: the exact label,
    QID or IRI; else a whole word of the label ("Putin" is Wladimir Putin, not Juri Uschakow,
    whom "Putins Berater" mentions); else part of the label; else the words that mention it."""
    rows = _rows(store, "entities", {"name": name}, ("entity", "label", "type", "wikidata"), raw=True)
    key = name.casefold()
    tiers = (
        lambda r: key in (r["label"].casefold(), r["entity"].casefold(), r["wikidata"].rsplit("/", 1)[-1].casefold()),
        lambda r: key in re.findall(r"\w+", r["label"].casefold()),
        lambda r: key in r["label"].casefold(),
    )
    for matches in tiers:
        if best := [r for r in rows if matches(r)]:
            return best
    return rows


def show(store: Store, name: str) -> str:
    """The entity's sections as text; QueryError if nothing or several entities match."""
    if not name.strip():
        raise QueryError("give a name, a Wikidata QID or an entity IRI")
    found = find(store, name)
    if not found:
        raise QueryError(f"no entity matches {name!r} (try part of a name, or `kg query entities`)")
    if len(found) > 1:
        listing = "\n".join(f"  {r['label']} ({r['type']}) {short_iri(r['entity'])}" for r in found[:30])
        more = f"\n  … and {len(found) - 30} more" if len(found) > 30 else ""
        raise QueryError(f"{name!r} matches {len(found)} entities; give one of them more exactly "
                         f"(full name, QID or IRI):\n{listing}{more}")
    entity = found[0]
    wikidata = f", {short_iri(entity['wikidata'])}" if entity["wikidata"] else ""
    parts = [f"{entity['label']} ({entity['type']}{wikidata})\n{entity['entity']}"]
    for section in SECTIONS:
        rows = _rows(store, section.query, {section.param: entity["entity"]}, section.columns)
        if section.query == "cooccurrence":
            rows = [_other(r, entity["label"]) for r in rows]
        if rows:
            names = list(rows[0])
            parts.append(f"{section.title}\n" + table(names, [list(r.values()) for r in rows]))
    return "\n\n".join(parts)


def _rows(store: Store, name: str, params: dict[str, str], columns: tuple[str, ...],
          raw: bool = False) -> list[dict[str, str]]:
    """One bundled query's rows, only `columns`, de-duplicated; readable cells unless `raw`."""
    results = run_query(store, load(name).bind(params))
    assert isinstance(results, QuerySolutions)
    terms = [[row[c] for c in columns] for row in results]
    cells = ([["" if t is None else t.value for t in row] for row in terms] if raw
             else readable(store, terms))
    unique = list(dict.fromkeys(tuple(row) for row in cells))
    return [dict(zip(columns, row)) for row in unique]


def _other(row: dict[str, str], label: str) -> dict[str, str]:
    """A co-occurrence pair as the other actor and the count."""
    return {"actor": row["b"] if row["a"] == label else row["a"], "sentences": row["sentences"]}
