"""The same corpus run on a Dask cluster writes exactly what the local run writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei_annotate import CorpusError
from tei_annotate.cluster import DaskBackend
from tei_annotate.runner import RunConfig, annotate_corpus
from tests import corpus_layer

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")


def _outputs(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        yield cluster


def test_dask_local_cluster_writes_what_the_local_run_writes(tmp_path, cluster, seed_text):
    (tmp_path / "in/sub").mkdir(parents=True)
    for i in range(6):
        (tmp_path / "in" / ("sub" if i % 2 else "") / f"d{i}.txt").write_text(
            f"Report {i}\n\n{seed_text[: 500 * (i + 1)]}\n"
        )
    (tmp_path / "in/sub/boom.txt").write_text("Title\n\nBOOM\n")
    (tmp_path / "news.jsonl").write_text('{"id": "n1", "text": "Alice in Paris"}\n')
    inputs = [tmp_path / "in", tmp_path / "news.jsonl"]
    config = RunConfig(layers=["capitals"], host_factory=corpus_layer.host)
    local = annotate_corpus(inputs, tmp_path / "local", config, jobs=2)
    with distributed.Client(cluster) as client:
        dask = annotate_corpus(inputs, tmp_path / "dask", config, scheduler=client)
        workers = client.run(lambda: __import__("os").getpid())
    assert (local.done, local.failed) == (dask.done, dask.failed) == (7, 1)
    assert [n for n, _ in dask.failures] == [str(tmp_path / "in/sub/boom.txt")]
    assert _outputs(tmp_path / "local") == _outputs(tmp_path / "dask")
    assert len(_outputs(tmp_path / "dask")) == 7
    assert len(set(workers.values())) == 2


def test_dask_backend_needs_a_reachable_scheduler():
    with pytest.raises(CorpusError, match="cannot reach the Dask scheduler"):
        DaskBackend("tcp://127.0.0.1:9", connect_timeout="1s")
