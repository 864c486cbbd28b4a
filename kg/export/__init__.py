"""Graph exports: the NetworkX projection of the stored RDF and its writers (docs/export.md).

    from kg.export import to_networkx, write_graph
    graph = to_networkx(store, view="actors", date_from="2022-01")
    write_graph(graph, Path("actors.html"))

Names are imported on first use (PEP 562), so `kg.export.registry` (the list of formats the CLI
offers) loads without NetworkX.
"""

from __future__ import annotations

import importlib

from kg.errors import ExportError

_WHERE = {
    "FORMATS": "registry", "EXPORTERS": "registry",
    "cytoscape": "formats", "node_link": "formats", "write_graph": "formats", "xml_safe": "formats",
    "ENTITY_TYPES": "graph", "VIEWS": "graph", "to_networkx": "graph",
}
__all__ = [*_WHERE, "ExportError"]


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module 'kg.export' has no attribute {name!r}")
    return getattr(importlib.import_module(f"kg.export.{_WHERE[name]}"), name)
