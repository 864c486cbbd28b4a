"""The export formats: one line each, read by `kg export --format` and by `write_graph`.

Writers are named, not imported, so the CLI can list the formats without importing NetworkX (a
third of a second on every command); `Exporter.writer` imports one when a file is written.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Exporter:
    extension: str  # the file extension that implies this format
    function: str  # the writer in kg.export.formats: (graph, file to write, title) -> None
    description: str

    def writer(self) -> Callable:
        return getattr(importlib.import_module("kg.export.formats"), self.function)


EXPORTERS: dict[str, Exporter] = {
    "graphml": Exporter(".graphml", "graphml", "GraphML for Gephi, yEd and Cytoscape desktop"),
    "gexf": Exporter(".gexf", "gexf", "GEXF for Gephi"),
    "json": Exporter(".json", "node_link_json", "node-link JSON for D3"),
    "cytoscape": Exporter(".cyjs", "cytoscape_json", "Cytoscape.js JSON"),
    "html": Exporter(".html", "html", "the self-contained HTML view"),
}
FORMATS = tuple(EXPORTERS)
