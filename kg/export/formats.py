"""Writers: GraphML, GEXF, node-link JSON (D3), Cytoscape.js JSON and the HTML view.

Each format gets attributes it can hold, so the files open in Gephi, yEd and Cytoscape as they are:
networkx's GraphML and GEXF writers fail on None and on lists, GEXF reads an edge attribute named
`type` as its own directed/undirected flag, and XML 1.0 forbids most control characters. Files are
written to a temporary file beside the target and moved into place, so a reader never sees half a file.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import ExportError
from kg.export.html import render_html
from kg.export.registry import EXPORTERS, FORMATS

_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_GEXF_RESERVED_EDGE = {"type": "edge_type", "id": "edge_id", "start": "edge_start", "end": "edge_end"}
_GEXF_RESERVED_NODE = {"start": "node_start", "end": "node_end", "pid": "node_pid", "viz": "node_viz"}
LIST_SEPARATOR = " | "


def format_for(path: Path, fmt: str | None = None) -> str:
    """The format asked for, else the one the file name implies (each exporter's extension)."""
    if fmt is None:
        fmt = next((name for name, e in EXPORTERS.items() if e.extension == path.suffix.lower()), None)
        if fmt is None:
            raise ExportError(f"{path}: cannot tell the format from {path.suffix!r} (use --format {'|'.join(FORMATS)})")
    if fmt not in FORMATS:
        raise ExportError(f"--format {fmt!r}: unknown format (use {', '.join(FORMATS)})")
    return fmt


def _xml_value(value: Any) -> str | int | float | bool | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple, set)):
        value = LIST_SEPARATOR.join(str(v) for v in value if v is not None)
    if isinstance(value, (bool, int, float)):
        return value
    return _XML_FORBIDDEN.sub("", str(value))


def _xml_attrs(data: dict, renames: dict[str, str] | None = None) -> dict:
    renames = renames or {}
    out = {}
    for name, value in data.items():
        value = _xml_value(value)
        if value is not None:
            out[renames.get(name, _XML_FORBIDDEN.sub("", str(name)))] = value
    return out


def xml_safe(graph: nx.MultiDiGraph, gexf: bool = False) -> nx.MultiDiGraph:
    """A copy whose attributes GraphML/GEXF can hold: no None, lists joined, no forbidden characters,
    and (for GEXF) attributes renamed that the format reserves for itself."""
    safe = nx.MultiDiGraph()
    safe.graph.update(_xml_attrs(graph.graph))
    for node, data in graph.nodes(data=True):
        safe.add_node(_xml_value(node), **_xml_attrs(data, _GEXF_RESERVED_NODE if gexf else None))
    for u, v, key, data in graph.edges(keys=True, data=True):
        safe.add_edge(_xml_value(u), _xml_value(v), _xml_value(key),
                      **_xml_attrs(data, _GEXF_RESERVED_EDGE if gexf else None))
    return safe


def _json_value(value: Any) -> Any:
    if isinstance(value, (list, tuple, set)):
        return [v for v in value if v is not None]
    return value


def _json_attrs(data: dict) -> dict:
    return {k: _json_value(v) for k, v in data.items() if v is not None}


def node_link(graph: nx.MultiDiGraph) -> dict:
    """Node-link JSON as D3's force layout reads it: `nodes` with `id`, `links` with `source`/`target`."""
    return {
        "directed": True, "multigraph": True, "graph": _json_attrs(graph.graph),
        "nodes": [{"id": node, **_json_attrs(data)} for node, data in graph.nodes(data=True)],
        "links": [{"source": u, "target": v, "key": key, **_json_attrs(data)}
                  for u, v, key, data in graph.edges(keys=True, data=True)],
    }


def cytoscape(graph: nx.MultiDiGraph) -> dict:
    """Cytoscape.js JSON (`elements.nodes/edges`, each `{data: …}`); `name` and `interaction` are the
    columns Cytoscape desktop shows for nodes and edges."""
    nodes = [{"data": {**_json_attrs(data), "id": node, "name": data.get("label", node)}}
             for node, data in graph.nodes(data=True)]
    edges = [{"data": {**_json_attrs(data), "id": f"e{n}", "source": u, "target": v,
                       "interaction": data.get("kind", key)}}
             for n, (u, v, key, data) in enumerate(graph.edges(keys=True, data=True))]
    return {"format_version": "1.0", "generated_by": "kg", "target_cytoscapejs_version": "~3.30",
            "data": _json_attrs(graph.graph), "elements": {"nodes": nodes, "edges": edges}}


def _atomic(path: Path, write: Callable[[str], None]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    os.close(fd)
    try:
        write(tmp)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; an export is meant to be shared
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _title(graph: nx.MultiDiGraph) -> str:
    view = {"full": "graph", "actors": "actor network"}.get(graph.graph.get("view"), "graph")
    return f"kg {view}"


def write_graph(graph: nx.MultiDiGraph, path: Path, fmt: str | None = None, title: str | None = None) -> str:
    """Write `graph` to `path` in `fmt` (default: by extension), atomically; returns the format used."""
    path = Path(path)
    fmt = format_for(path, fmt)
    try:
        _atomic(path, lambda tmp: EXPORTERS[fmt].writer()(graph, tmp, title or _title(graph)))
    except OSError as e:
        raise ExportError(f"{path}: cannot write ({e.strerror or e})") from None
    return fmt


def graphml(graph: nx.MultiDiGraph, tmp: str, title: str) -> None:
    nx.write_graphml(xml_safe(graph), tmp, encoding="utf-8")


def gexf(graph: nx.MultiDiGraph, tmp: str, title: str) -> None:
    nx.write_gexf(xml_safe(graph, gexf=True), tmp, encoding="utf-8")


def _write_json(data: dict, tmp: str) -> None:
    Path(tmp).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def node_link_json(graph: nx.MultiDiGraph, tmp: str, title: str) -> None:
    _write_json(node_link(graph), tmp)


def cytoscape_json(graph: nx.MultiDiGraph, tmp: str, title: str) -> None:
    _write_json(cytoscape(graph), tmp)


def html(graph: nx.MultiDiGraph, tmp: str, title: str) -> None:
    Path(tmp).write_text(render_html(cytoscape(graph), title), encoding="utf-8")
