"""Errors that reach the user as a one-line message (the CLI prints them without a traceback)."""


class KgError(Exception):
    """Base class of every error kg reports to its user."""


class InputError(KgError):
    """An input file (or one line of it) cannot be read as an article."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class StoreError(KgError):
    """The store cannot be opened, read or written."""


class QueryError(KgError):
    """A SPARQL query is missing, unknown or malformed."""
