"""Every error kg raises, in one place: KgError and its kinds reach the user as a one-line message
(the CLI prints them without a traceback); HttpError is the endpoint's answer to a bad request."""


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


class ExportError(KgError):
    """An export argument the store cannot answer: unknown view, type, article or a malformed date."""


class LexiconError(KgError):
    """The temporal lexicon file is missing or malformed."""


class CorpusError(KgError):
    """A corpus file does not look like the format its reader expects."""


class PushError(KgError):
    """The remote store cannot be reached, or refused a graph."""


class HttpError(Exception):
    """An endpoint request that ends with an error status and a plain-text message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
