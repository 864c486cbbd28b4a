"""Ship the graph to another triple store with the SPARQL 1.1 Graph Store HTTP Protocol.

`push` uses the SPARQL 1.1 Graph Store HTTP Protocol with indirect graph identification
(``PUT {endpoint}?graph=<iri>``): a PUT replaces the graph, so pushing again after a rebuild
leaves the remote store equal to the local one instead of doubling it. Only the stdlib is used
(urllib does Basic and Digest auth; Virtuoso's ``/sparql-graph-crud-auth`` wants Digest).
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable

import pyoxigraph as ox

from kg.errors import PushError
from kg.vocab import PREFIXES

# (graphs done, graphs in all, graph IRI just sent)
Progress = Callable[[int, int, str], None]


def graph_url(gsp_url: str, graph: ox.NamedNode | ox.DefaultGraph) -> str:
    """The GSP address of one graph: ``?graph=<iri>``, or ``?default`` for the default graph."""
    query = "default" if isinstance(graph, ox.DefaultGraph) else \
        urllib.parse.urlencode({"graph": graph.value})
    return f"{gsp_url}{'&' if '?' in gsp_url else '?'}{query}"


def _opener(gsp_url: str, user: str | None, password: str | None) -> urllib.request.OpenerDirector:
    if user is None:
        return urllib.request.build_opener()
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, gsp_url, user, password or "")
    # Both handlers answer the server's challenge; Digest is tried first (urllib's handler order).
    return urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(passwords),
                                       urllib.request.HTTPBasicAuthHandler(passwords))


def _graphs(store: ox.Store) -> list[ox.NamedNode | ox.DefaultGraph]:
    graphs: list[ox.NamedNode | ox.DefaultGraph] = []
    for graph in sorted(store.named_graphs(), key=str):
        if not isinstance(graph, ox.NamedNode):
            raise PushError(f"graph {graph} is a blank node; the Graph Store Protocol can only "
                            "address graphs named by an IRI")
        graphs.append(graph)
    if next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None):
        graphs.append(ox.DefaultGraph())
    return graphs


def push(store: ox.Store, gsp_url: str, user: str | None = None, password: str | None = None,
         progress: Progress | None = None, timeout: float = 60.0) -> int:
    """PUT every graph of ``store`` to the Graph Store at ``gsp_url``; returns the graph count.

    Raises PushError naming the URL and the HTTP status when the store is unreachable or
    answers with an error.
    """
    if not gsp_url.startswith(("http://", "https://")):
        raise PushError(f"{gsp_url}: not an http(s) URL of a Graph Store endpoint")
    opener = _opener(gsp_url, user, password)
    graphs = _graphs(store)
    for done, graph in enumerate(graphs, start=1):
        body = store.dump(format=ox.RdfFormat.TURTLE, from_graph=graph, prefixes=PREFIXES)
        url = graph_url(gsp_url, graph)
        request = urllib.request.Request(url, data=body, method="PUT", headers={
            "Content-Type": "text/turtle; charset=utf-8"})
        _send(opener, request, timeout)
        if progress:
            progress(done, len(graphs), "default graph" if isinstance(graph, ox.DefaultGraph)
                     else graph.value)
    return len(graphs)


def _send(opener: urllib.request.OpenerDirector, request: urllib.request.Request,
          timeout: float) -> None:
    url = request.full_url
    try:
        with opener.open(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as err:
        detail = err.read(300).decode("utf-8", "replace").strip().splitlines()
        hint = " (check --user/--password)" if err.code in (401, 403) else ""
        raise PushError(f"PUT {url}: HTTP {err.code} {err.reason}{hint}"
                        + (f": {detail[0]}" if detail else "")) from None
    except urllib.error.URLError as err:
        raise PushError(f"PUT {url}: cannot reach the store ({err.reason})") from None
    except (TimeoutError, ConnectionError) as err:
        raise PushError(f"PUT {url}: connection failed ({err})") from None
    except ValueError as err:  # urllib: an auth scheme it does not know
        raise PushError(f"PUT {url}: {err}") from None
