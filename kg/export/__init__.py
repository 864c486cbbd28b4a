"""Graph exports: the NetworkX projection of the stored RDF and its writers (docs/export.md).

    from kg.export import to_networkx, write_graph
    graph = to_networkx(store, view="actors", date_from="2022-01")
    write_graph(graph, Path("actors.html"))
"""

from kg.export.formats import FORMATS, cytoscape, node_link, write_graph, xml_safe
from kg.export.graph import ENTITY_TYPES, VIEWS, ExportError, to_networkx

__all__ = ["ENTITY_TYPES", "FORMATS", "VIEWS", "ExportError", "cytoscape", "node_link", "to_networkx",
           "write_graph", "xml_safe"]
