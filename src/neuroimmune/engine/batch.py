"""Run a batch of patients: in this process or over local cores, chunk by chunk.

Each worker process loads the model once and receives only parameter values.
A patient whose integration fails comes back with its status and NaN values; the
rest of the batch completes. With ``checkpoint_dir`` every finished chunk is
written to disk as it completes, and a rerun with the same request skips it.
"""

from __future__ import annotations

import hashlib
import json
import math
import multiprocessing
import os
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from neuroimmune.engine.options import SolverOptions
from neuroimmune.engine.roadrunner import RoadRunnerSimulator
from neuroimmune.engine.steady_state import JacobianCache
from neuroimmune.errors import EngineError, NeuroimmuneError
from neuroimmune.model.compose import Model
from neuroimmune.scenarios.timeline import Timeline

__all__ = ["ChunkResult", "run_batch"]

ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class ChunkResult:
    """Values (patient x time x output) and status for one chunk of patients."""

    start: int
    values: np.ndarray
    status: list[str]


class _PatientRunner:
    """Runs patients one after another on one simulator.

    A patient's steady-state search is seeded with the orbits (and Jacobians) of the
    scenario's reference patient (no overrides) on each steady-state branch the model
    declares (healthy first, then e.g. depressed), never with the previous patient's,
    so a patient's numbers do not depend on which chunk or worker ran it.
    """

    def __init__(self, model: Model, options: SolverOptions) -> None:
        self.sim = RoadRunnerSimulator(model, options=options)
        self._reference: dict[str, list[tuple[np.ndarray, np.ndarray | None]]] = {}

    def _seeds(self, timeline: Timeline) -> list[tuple[np.ndarray, np.ndarray | None]]:
        key = repr((sorted(timeline.parameters.items()), sorted(timeline.baseline.items())))
        if key not in self._reference:
            self.sim.configure(dict(timeline.parameters) | dict(timeline.baseline))
            seeds = []
            for branch in (None, *sorted(self.sim.model.alternative_states)):
                cache = JacobianCache()
                try:
                    state = self.sim.steady_state(self.sim.initial_state(branch), jacobian=cache).state
                except EngineError:
                    continue
                if all(not np.allclose(state, s, rtol=1e-3) for s, _ in seeds):
                    seeds.append((state, cache.matrix))
            self._reference[key] = seeds or [(self.sim.initial_state(), None)]
        return self._reference[key]

    def _steady_state(self, timeline: Timeline) -> np.ndarray:
        seeds = self._seeds(timeline)
        # quick Newton from each reference orbit with its Jacobian, then with a fresh one
        for fresh, max_iter in ((False, 12), (True, 30)):
            for x_ref, jac_ref in seeds:
                cache = JacobianCache(None if fresh or jac_ref is None else jac_ref.copy())
                try:
                    return self.sim.steady_state(x_ref, jacobian=cache, fallback_days=(), max_iter=max_iter).state
                except EngineError:
                    continue
        return self.sim.steady_state(seeds[0][0]).state  # the slow, robust search

    def run(self, timeline: Timeline, values: Mapping[str, float], outputs: Sequence[str],
            times: np.ndarray) -> tuple[np.ndarray, str]:
        settings = dict(timeline.parameters) | dict(timeline.baseline) | dict(values)
        try:
            self._seeds(timeline)
            self.sim.configure(settings)
            x0 = self._steady_state(timeline)
            return self.sim.run_timeline(timeline, x0, outputs, times), "ok"
        except EngineError as exc:
            return np.full((len(times), len(outputs)), np.nan), f"failed: {exc}"

    def run_chunk(self, start: int, timeline: Timeline, patients: Sequence[Mapping[str, float]],
                  outputs: Sequence[str], times: np.ndarray) -> ChunkResult:
        values = np.empty((len(patients), len(times), len(outputs)))
        status = []
        for i, patient in enumerate(patients):
            values[i], st = self.run(timeline, patient, outputs, times)
            status.append(st)
        return ChunkResult(start, values, status)


# One runner per worker process, created by the pool initializer (processes, not threads).
_WORKER: dict[str, _PatientRunner] = {}


def _init_worker(model: Model, options: SolverOptions) -> None:
    _WORKER["runner"] = _PatientRunner(model, options)


def _run_chunk_in_worker(start: int, timeline: Timeline, patients: Sequence[Mapping[str, float]],
                         outputs: Sequence[str], times: np.ndarray) -> ChunkResult:
    return _WORKER["runner"].run_chunk(start, timeline, patients, outputs, times)


def _request_hash(model: Model, timeline: Timeline, patients: Sequence[Mapping[str, float]],
                  outputs: Sequence[str], times: np.ndarray, options: SolverOptions, chunk: int) -> str:
    payload = json.dumps([model.fingerprint, repr(timeline), [sorted(p.items()) for p in patients],
                          list(outputs), np.asarray(times).tolist(), repr(options), chunk], default=str)
    return hashlib.sha256(payload.encode()).hexdigest()[:20]


class _Checkpoint:
    """Chunk files in a directory, keyed by the request they belong to."""

    def __init__(self, directory: Path, request: str) -> None:
        self.dir = directory
        self.dir.mkdir(parents=True, exist_ok=True)
        manifest = self.dir / "manifest.json"
        if manifest.exists():
            old = json.loads(manifest.read_text()).get("request")
            if old != request:
                raise NeuroimmuneError(
                    f"checkpoint directory {str(directory)!r} holds a different run (request {old}); "
                    "choose another directory or delete it"
                )
        manifest.write_text(json.dumps({"request": request}))

    def path(self, start: int) -> Path:
        return self.dir / f"chunk-{start:08d}.npz"

    def load(self, start: int) -> ChunkResult | None:
        path = self.path(start)
        if not path.exists():
            return None
        with np.load(path, allow_pickle=False) as data:
            return ChunkResult(start, data["values"], [str(s) for s in data["status"]])

    def save(self, chunk: ChunkResult) -> None:
        tmp = self.path(chunk.start).with_suffix(".tmp.npz")
        np.savez(tmp, values=chunk.values, status=np.array(chunk.status))
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
) -> tuple[np.ndarray, list[str]]:
    """Values (patient x time x output) and per-patient status for every patient."""
    options = options or SolverOptions()
    n = len(patients)
    if n == 0:
        raise EngineError("the batch has no patients")
    workers = min(workers or os.cpu_count() or 1, n)
    chunk_size = chunk_size or max(1, min(50, math.ceil(n / (4 * workers))))
    starts = list(range(0, n, chunk_size))
    times = np.asarray(times, dtype=float)
    values = np.full((n, len(times), len(outputs)), np.nan)
    status = ["not run"] * n
    checkpoint = None
    if checkpoint_dir is not None:
        request = _request_hash(model, timeline, patients, outputs, times, options, chunk_size)
        checkpoint = _Checkpoint(Path(checkpoint_dir), request)
    done = 0

    def accept(chunk: ChunkResult) -> None:
        nonlocal done
        end = chunk.start + len(chunk.status)
        values[chunk.start:end] = chunk.values
        status[chunk.start:end] = chunk.status
        done += len(chunk.status)
        if progress:
            progress(done, n)

    todo = []
    for start in starts:
        cached = checkpoint.load(start) if checkpoint else None
        if cached is not None:
            accept(cached)
        else:
            todo.append(start)

    def finish(chunk: ChunkResult) -> None:
        if checkpoint:
            checkpoint.save(chunk)
        accept(chunk)

    if workers <= 1 or len(todo) <= 1:
        runner = _PatientRunner(model, options)
        for start in todo:
            finish(runner.run_chunk(start, timeline, patients[start:start + chunk_size], outputs, times))
        return values, status

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker,
                             initargs=(model, options)) as pool:
        pending = {
            pool.submit(_run_chunk_in_worker, start, timeline, list(patients[start:start + chunk_size]),
                        list(outputs), times)
            for start in todo
        }
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                finish(future.result())
    return values, status
