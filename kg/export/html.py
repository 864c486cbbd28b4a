"""The self-contained HTML view: Cytoscape.js, the page's script and the graph in one offline file.

Cytoscape.js (MIT, kg/export/static/cytoscape.LICENSE) is vendored from its npm package, so the page
loads nothing at view time. The graph goes in as Cytoscape.js JSON inside a
`<script type="application/json">` block, with `<` escaped so no text can close the block.
"""

from __future__ import annotations

import html
import json
import re
from importlib import resources

_STATIC = resources.files("kg.export").joinpath("static")


def _static(name: str) -> str:
    return _STATIC.joinpath(name).read_text("utf-8")


def render_html(elements: dict, title: str) -> str:
    """The page for one Cytoscape.js document (`kg.export.formats.cytoscape`)."""
    data = json.dumps(elements, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    values = {"title": html.escape(title), "data": data, "view_js": _static("view.js"),
              "cytoscape_js": _static("cytoscape.min.js")}
    # one pass over the template only: inserted text (titles, claims, the library) is never re-scanned
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values[m[1]], _static("view.html"))
