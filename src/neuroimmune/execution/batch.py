"""Run a batch of patients chunk by chunk, on any back end of :mod:`neuroimmune.execution`.

Each worker loads the model once and receives only parameter values.
A patient whose integration fails comes back with its status and NaN values; the
rest of the batch completes. With ``checkpoint_dir`` every finished chunk is
written to disk as it completes, and a rerun with the same request skips it.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from neuroimmune.engine.options import SolverOptions
from neuroimmune.engine.runner import ChunkResult, ChunkTask
from neuroimmune.errors import CheckpointMismatchError, EngineError
from neuroimmune.execution.backends import choose_backend
from neuroimmune.model.compose import Model
from neuroimmune.scenarios.timeline import Timeline

__all__ = ["ChunkResult", "run_batch"]

ProgressCallback = Callable[[int, int], None]


def _request_hash(model: Model, timeline: Timeline, patients: Sequence[Mapping[str, float]],
                  outputs: Sequence[str], times: np.ndarray, options: SolverOptions) -> str:
    payload = json.dumps([model.fingerprint, repr(timeline), [sorted(p.items()) for p in patients],
                          list(outputs), np.asarray(times).tolist(), repr(options)], default=str)
    return hashlib.sha256(payload.encode()).hexdigest()[:20]


class _Checkpoint:
    """Chunk files in a directory, keyed by the request they belong to.

    The manifest records the chunk size the run started with; a resumed run keeps it, so it
    can run on any number of workers and still reuse every finished chunk.
    """

    def __init__(self, directory: Path, request: str, chunk_size: int, outputs: Sequence[str],
                 times: np.ndarray) -> None:
        self.dir = directory
        self.outputs, self.times = list(outputs), np.asarray(times, dtype=float)
        self.dir.mkdir(parents=True, exist_ok=True)
        manifest = self.dir / "manifest.json"
        self.chunk_size = chunk_size
        if manifest.exists():
            old = json.loads(manifest.read_text())
            if old.get("request") != request:
                raise CheckpointMismatchError(
                    f"checkpoint directory {str(directory)!r} holds a different run (request {old.get('request')}); "
                    "choose another directory or delete it"
                )
            self.chunk_size = int(old.get("chunk_size", chunk_size))
        manifest.write_text(json.dumps({"request": request, "chunk_size": self.chunk_size}))

    def path(self, start: int) -> Path:
        return self.dir / f"chunk-{start:08d}.parquet"

    def load(self, start: int) -> ChunkResult | None:
        """A finished chunk: one row per patient and output time, one column per output, and status."""
        path = self.path(start)
        if not path.exists():
            return None
        frame = pd.read_parquet(path)
        n_times = len(self.times)
        values = frame[self.outputs].to_numpy(dtype=float).reshape(-1, n_times, len(self.outputs))
        return ChunkResult(start, values, [str(s) for s in frame["status"].to_numpy()[::n_times]])

    def save(self, chunk: ChunkResult) -> None:
        n_patients, n_times, _ = chunk.values.shape
        frame = pd.DataFrame({"patient": np.repeat(np.arange(chunk.start, chunk.start + n_patients), n_times),
                              "time_h": np.tile(self.times, n_patients)})
        for j, name in enumerate(self.outputs):
            frame[name] = chunk.values[:, :, j].ravel()
        frame["status"] = np.repeat(chunk.status, n_times)
        tmp = self.path(chunk.start).with_suffix(".tmp")
        frame.to_parquet(tmp, index=False)
        os.replace(tmp, self.path(chunk.start))


def run_batch(
    model: Model,
    timeline: Timeline,
    patients: Sequence[Mapping[str, float]],
    *,
    outputs: Sequence[str],
    times: np.ndarray,
    options: SolverOptions | None = None,
    workers: int | None = None,
    chunk_size: int | None = None,
    checkpoint_dir: str | Path | None = None,
    progress: ProgressCallback | None = None,
    backend: str = "auto",
    scheduler: str | None = None,
) -> tuple[np.ndarray, list[str]]:
    """Values (patient x time x output) and per-patient status for every patient.

    ``backend`` is ``auto`` (here for one worker or one chunk, else local processes),
    ``inprocess``, ``processes`` or ``dask``; ``scheduler`` (``tcp://host:port``) runs on
    an existing Dask cluster.
    """
    options = options or SolverOptions()
    n = len(patients)
    if n == 0:
        raise EngineError("the batch has no patients")
    workers_eff = min(workers or os.cpu_count() or 1, n)
    chunk_size = chunk_size or max(1, min(50, math.ceil(n / (4 * workers_eff))))
    starts = list(range(0, n, chunk_size))
    times = np.asarray(times, dtype=float)
    values = np.full((n, len(times), len(outputs)), np.nan)
    status = ["not run"] * n
    checkpoint = None
    if checkpoint_dir is not None:
        request = _request_hash(model, timeline, patients, outputs, times, options)
        checkpoint = _Checkpoint(Path(checkpoint_dir), request, chunk_size, outputs, times)
        chunk_size = checkpoint.chunk_size
        starts = list(range(0, n, chunk_size))
    done = 0

    def accept(chunk: ChunkResult) -> None:
        nonlocal done
        end = chunk.start + len(chunk.status)
        values[chunk.start:end] = chunk.values
        status[chunk.start:end] = chunk.status
        done += len(chunk.status)
        if progress:
            progress(done, n)

    tasks = []
    for start in starts:
        cached = checkpoint.load(start) if checkpoint else None
        if cached is not None:
            accept(cached)
        else:
            tasks.append(ChunkTask(start, timeline, tuple(patients[start:start + chunk_size]), tuple(outputs), times))
    runner = choose_backend(workers=workers_eff, n_tasks=len(tasks), scheduler=scheduler, backend=backend)
    for chunk in runner.run(model, options, tasks):
        if checkpoint:
            checkpoint.save(chunk)
        accept(chunk)
    return values, status
