"""Run patients one after another on one simulator: the unit of work every back end executes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from neuroimmune.engine.options import SolverOptions
from neuroimmune.engine.roadrunner import RoadRunnerSimulator
from neuroimmune.engine.steady_state import JacobianCache
from neuroimmune.errors import EngineError
from neuroimmune.model.compose import Model
from neuroimmune.scenarios.timeline import Timeline

__all__ = ["ChunkResult", "ChunkTask", "PatientRunner"]


@dataclass(frozen=True)
class ChunkTask:
    """A chunk of patients to run: the first patient's index in the batch, and the request."""

    start: int
    timeline: Timeline
    patients: tuple[Mapping[str, float], ...]
    outputs: tuple[str, ...]
    times: np.ndarray


@dataclass(frozen=True)
class ChunkResult:
    """Values (patient x time x output) and status for one chunk of patients."""

    start: int
    values: np.ndarray
    status: list[str]


class PatientRunner:
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

    def run_task(self, task: ChunkTask) -> ChunkResult:
        return self.run_chunk(task.start, task.timeline, task.patients, task.outputs, task.times)
