"""The two values every part of the endpoint passes around: its resource bounds and a finished
answer. In a module of their own because checks aside, every module of the package uses them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Resource bounds of the endpoint (all configurable from ``kg serve``)."""

    timeout: float = 30.0  # seconds from request arrival to answer, else 503
    max_rows: int = 10_000  # solutions (SELECT) or triples (CONSTRUCT/DESCRIBE), else 400
    workers: int = 4  # worker processes, i.e. queries evaluated at the same time; others wait
    max_request_bytes: int = 1_000_000  # POST body, else 413


@dataclass(frozen=True)
class Reply:
    """A complete response body with its media type."""

    status: int
    content_type: str
    body: bytes
