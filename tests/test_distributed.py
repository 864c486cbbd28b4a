"""The Dask recipe: extraction on a local cluster of worker processes gives the same graph."""

from __future__ import annotations

import pytest

from kg.pipeline import BuildOptions, build
from kg.store import open_store
from tests.test_incremental import corpus, quads

distributed = pytest.importorskip("dask.distributed")


def test_dask_cluster_builds_the_same_quads(extractor, tmp_path):
    news = corpus(tmp_path / "news.jsonl")
    local = tmp_path / "local"
    store = open_store(local)
    build([news], store, extractor)
    del store
    from kg.distributed import dask_executor

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        store = open_store(tmp_path / "dask")
        report = build([news], store, extractor, BuildOptions(executor=dask_executor(client)))
        del store
    assert len(report.built) == 6 and not report.failed
    assert quads(tmp_path / "dask") == quads(local)
