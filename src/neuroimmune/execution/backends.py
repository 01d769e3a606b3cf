"""Back ends that run chunk tasks and yield their results as each finishes."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass
from typing import Protocol

from neuroimmune.engine.options import SolverOptions
from neuroimmune.engine.runner import ChunkResult, ChunkTask, PatientRunner
from neuroimmune.errors import EngineError
from neuroimmune.model.compose import Model

__all__ = ["Backend", "DaskCluster", "InProcess", "LocalProcesses", "choose_backend"]


class Backend(Protocol):
    """Runs chunk tasks for a model and yields each result as it completes (in any order)."""

    def run(self, model: Model, options: SolverOptions, tasks: Sequence[ChunkTask]) -> Iterator[ChunkResult]: ...


# One runner per worker process and model, created on first use (processes, not threads).
_RUNNERS: dict[tuple[str, SolverOptions], PatientRunner] = {}


def runner_for(model: Model, options: SolverOptions) -> PatientRunner:
    """This process's runner for the model (loaded once, then reused for every chunk)."""
    key = (model.fingerprint, options)
    if key not in _RUNNERS:
        _RUNNERS[key] = PatientRunner(model, options)
    return _RUNNERS[key]


def run_task(model: Model, options: SolverOptions, task: ChunkTask) -> ChunkResult:
    """Run one chunk in whatever process this is (the function every back end ships)."""
    return runner_for(model, options).run_task(task)


@dataclass(frozen=True)
class InProcess:
    """Run every chunk here, one after another."""

    def run(self, model: Model, options: SolverOptions, tasks: Sequence[ChunkTask]) -> Iterator[ChunkResult]:
        runner = PatientRunner(model, options)
        for task in tasks:
            yield runner.run_task(task)


def _init_worker(model: Model, options: SolverOptions) -> None:
    runner_for(model, options)


@dataclass(frozen=True)
class LocalProcesses:
    """Run chunks over ``workers`` local processes, each loading the model once."""

    workers: int

    def run(self, model: Model, options: SolverOptions, tasks: Sequence[ChunkTask]) -> Iterator[ChunkResult]:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=self.workers, mp_context=context, initializer=_init_worker,
                                 initargs=(model, options)) as pool:
            pending = {pool.submit(run_task, model, options, task) for task in tasks}
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    yield future.result()


@dataclass(frozen=True)
class DaskCluster:
    """Run chunks on Dask distributed: an existing scheduler (``tcp://host:port``) or a local cluster.

    A local cluster starts ``workers`` single-threaded worker processes and closes them
    when the run ends. The model is sent to each worker once (scattered), and each
    worker loads it once; chunks carry only parameter values. SLURM and other batch
    systems reach a scheduler through dask-jobqueue (see docs/cli.md).
    """

    scheduler: str | None = None
    workers: int | None = None
    connect_timeout_s: float = 30.0

    def run(self, model: Model, options: SolverOptions, tasks: Sequence[ChunkTask]) -> Iterator[ChunkResult]:
        try:
            from distributed import Client, LocalCluster, as_completed
        except ImportError as exc:  # pragma: no cover - the dev and cluster extras install it
            raise EngineError("the Dask back end needs dask[distributed]: pip install 'neuroimmune[cluster]'") from exc
        cluster = None
        if self.scheduler is None:
            cluster = LocalCluster(n_workers=self.workers or os.cpu_count() or 1, threads_per_worker=1,
                                   processes=True, dashboard_address=None)
        try:
            client = Client(cluster if cluster is not None else self.scheduler, timeout=f"{self.connect_timeout_s}s")
        except OSError as exc:
            if cluster is not None:
                cluster.close()
            raise EngineError(f"cannot reach the Dask scheduler at {self.scheduler!r}: {exc}") from exc
        try:
            shared = client.scatter(model, broadcast=True)
            futures = [client.submit(run_task, shared, options, task, pure=False) for task in tasks]
            for future in as_completed(futures):
                yield future.result()
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


def choose_backend(*, workers: int | None, n_tasks: int, scheduler: str | None = None,
                   backend: str = "auto") -> Backend:
    """The back end for a request: ``auto`` runs small requests here and the rest on local processes."""
    allowed = ("auto", "inprocess", "processes", "dask")
    if backend not in allowed:
        raise EngineError(f"backend {backend!r} is not one of {', '.join(allowed)}")
    if scheduler is not None or backend == "dask":
        return DaskCluster(scheduler=scheduler, workers=workers)
    workers = workers or os.cpu_count() or 1
    if backend == "inprocess" or (backend == "auto" and (workers <= 1 or n_tasks <= 1)):
        return InProcess()
    return LocalProcesses(workers=min(workers, n_tasks))
