"""Run kg's extraction on a Dask cluster (`pip install "kg[dask]"`); the client writes the store.

    from dask.distributed import Client
    from kg.distributed import dask_executor
    from kg.pipeline import BuildOptions, build, load_extractor
    client = Client("tcp://scheduler:8786")
    build([Path("corpus.jsonl")], open_store(Path("kg.store")), load_extractor(),
          BuildOptions(executor=dask_executor(client)))

Each worker process loads the pipeline once (kg.pipeline.load_extractor is cached per process)
and returns each article's graph as N-Triples text; the client keeps a bounded number of chunks in
flight, so memory stays flat however large the corpus. The same is `kg build --dask ADDRESS`.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from kg.model import Article
from kg.pipeline import Executor, Serialised, extract_chunk


def dask_executor(client, in_flight: int | None = None) -> Executor:
    """An executor for `BuildOptions`: chunks go to the cluster's workers, results come back in order."""
    limit = in_flight or 2 * max(1, sum(client.nthreads().values()))

    def run(chunks: Iterator[list[Article]], model: str | None, base: str) -> Iterator[list[Serialised]]:
        pending: deque = deque()
        for chunk in chunks:
            pending.append(client.submit(extract_chunk, chunk, model, base, pure=False))
            if len(pending) >= limit:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    return run
