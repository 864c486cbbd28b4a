"""Stable, readable keys: the part of an entity's or role's IRI that comes from its name.

Extraction builds entity keys with it and `kg.rdf` builds IRIs from those keys, so it lives in
neither (extraction must not depend on the RDF layer).
"""

from __future__ import annotations

import re
import unicodedata


def slug(text: str) -> str:
    """ASCII, lower case, hyphens: a readable and stable IRI segment ("Weißes Haus" -> "weisses-haus")."""
    text = text.replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"
