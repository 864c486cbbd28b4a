"""The endpoint's `/` page: a query editor with the bundled queries as examples.

Plain HTML and JavaScript from `kg/static/`, with the bundled queries (text, description,
parameters) and the model's prefixes inlined as JSON, so the page loads nothing from the network.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from kg.query import bundled, load
from kg.vocab import PREFIXES

_STATIC = resources.files("kg").joinpath("static")


def examples() -> list[dict]:
    """The bundled queries as the page shows them: name, what it answers, parameters, text."""
    out = []
    for name in bundled():
        q = load(name)
        params = [{"name": p.name, "type": p.type, "default": p.default, "description": p.description}
                  for p in q.params.values()]
        out.append({"name": name, "description": q.description, "params": params, "text": q.text})
    return out


@cache
def index_html() -> str:
    """The page, built once: the bundled queries ship with the package and do not change."""
    data = json.dumps({"examples": examples(), "prefixes": PREFIXES}, ensure_ascii=False)
    values = {"data": data.replace("<", "\\u003c"), "page_js": _STATIC.joinpath("page.js").read_text("utf-8")}
    # one pass over the template only: inserted text (queries, the script) is never re-scanned
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values[m[1]], _STATIC.joinpath("page.html").read_text("utf-8"))
