"""The libRoadRunner engine for one process: load the generated SBML once, then
set parameters, find the circadian steady state and integrate scenarios segment
by segment.

libRoadRunner objects do not travel between processes; :mod:`neuroimmune.execution`
builds one :class:`RoadRunnerSimulator` per worker and sends only parameter values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import roadrunner

from neuroimmune.engine.options import SolverOptions
from neuroimmune.engine.steady_state import JacobianCache, PeriodicSolution, periodic_steady_state
from neuroimmune.errors import EngineError
from neuroimmune.model.compose import Model
from neuroimmune.sbml.export import sbml_string
from neuroimmune.scenarios.timeline import Timeline

#: The longest interval (h) handed to CVODE in one call.
MAX_STRIDE_H = 24.0

__all__ = ["RoadRunnerSimulator"]

PERIOD_H = 24.0


class RoadRunnerSimulator:
    """One loaded model, ready to run many patients one after another."""

    def __init__(self, model: Model, *, options: SolverOptions | None = None) -> None:
        self.model = model
        self.options = options or SolverOptions()
        roadrunner.Config.setValue(roadrunner.Config.LLVM_BACKEND, roadrunner.Config.LLJIT)
        # Integration failures are reported per patient as data, not printed.
        roadrunner.Logger.setLevel(roadrunner.Logger.LOG_FATAL)
        self.sbml = sbml_string(model)
        self._rr = roadrunner.RoadRunner(self.sbml)
        ids = list(self._rr.model.getGlobalParameterIds())
        self._index = {sid: i for i, sid in enumerate(ids)}
        self.state_ids: tuple[str, ...] = tuple(s.id for s in model.states)
        self._state_idx = np.array([self._index[s] for s in self.state_ids], dtype=np.int32)
        self.scale = np.array([max(abs(s.initial), 1e-3) for s in model.states])
        self.settable = {p.id for p in model.parameters} | {i.id for i in model.exogenous_inputs}
        integrator = self._rr.getIntegrator()
        integrator.setValue("relative_tolerance", self.options.rtol)
        integrator.setValue("maximum_num_steps", self.options.max_steps)
        integrator.setValue("stiff", True)
        integrator.setValue("max_output_rows", 50_000_000)  # long runs at fine output steps
        for sid, scale in zip(self.state_ids, self.scale):
            integrator.setIndividualTolerance(sid, float(scale * self.options.atol_fraction))
        self._selection: tuple[str, ...] = ()

    # --- configuration -----------------------------------------------------------------
    def configure(self, values: Mapping[str, float]) -> None:
        """Reset to the declared model, then apply parameter and input values."""
        unknown = sorted(set(values) - self.settable)
        if unknown:
            raise EngineError(f"cannot set {unknown}: not a parameter or exogenous input of the model")
        self._rr.resetAll()
        if values:
            idx = np.array([self._index[k] for k in values], dtype=np.int32)
            self._rr.model.setGlobalParameterValues(idx, np.array(list(values.values()), dtype=float))

    def set_value(self, sid: str, value: float) -> None:
        """Set one parameter, input or state now."""
        self._rr.model.setGlobalParameterValues(
            np.array([self._index[sid]], dtype=np.int32), np.array([value], dtype=float)
        )

    def value(self, sid: str) -> float:
        return float(self._rr[sid])

    @property
    def state(self) -> np.ndarray:
        return np.asarray(self._rr.model.getGlobalParameterValues(self._state_idx), dtype=float)

    @state.setter
    def state(self, x: np.ndarray) -> None:
        self._rr.model.setGlobalParameterValues(self._state_idx, np.asarray(x, dtype=float))

    def initial_state(self, branch: str | None = None) -> np.ndarray:
        """The declared initial values, or a declared guess of another steady-state branch."""
        overrides = self.model.alternative_states.get(branch, {}) if branch else {}
        return np.array([overrides.get(s.id, s.initial) for s in self.model.states], dtype=float)

    # --- integration -------------------------------------------------------------------
    def _select(self, selection: Sequence[str]) -> None:
        selection = tuple(selection)
        if selection != self._selection:
            self._rr.timeCourseSelections = list(selection)
            self._selection = selection

    def integrate(self, times: Sequence[float], selection: Sequence[str]) -> np.ndarray:
        """Integrate from ``times[0]`` (the current state) through ``times``; rows per time."""
        self._select(selection)
        try:
            out = self._rr.simulate(times=[float(t) for t in times])
        except RuntimeError as exc:  # CVODE failure
            raise EngineError(f"integration failed between t={times[0]:g} h and t={times[-1]:g} h: "
                              f"{str(exc).splitlines()[0]}") from exc
        return np.array(out, dtype=float)

    def propagate(self, x: np.ndarray, t0: float, t1: float) -> np.ndarray:
        """The state at ``t1`` starting from ``x`` at ``t0``."""
        self.state = x
        self.integrate([t0, t1], self.state_ids)
        return self.state

    def steady_state(self, x0: np.ndarray | None = None, *, jacobian: JacobianCache | None = None,
                     fallback_days: tuple[int, ...] = (240, 720), max_iter: int | None = None) -> PeriodicSolution:
        """The periodic (24-h) circadian steady state for the configured parameters.

        ``x0`` and ``jacobian`` seed Newton's method (e.g. with a reference patient's
        orbit); ``jacobian`` is updated in place with the last Jacobian used.
        """
        return periodic_steady_state(
            lambda x: self.propagate(x, 0.0, PERIOD_H),
            self.initial_state() if x0 is None else x0,
            scale=self.scale,
            tol=self.options.steady_state_tol,
            max_iter=max_iter or self.options.steady_state_max_iter,
            jacobian=jacobian,
            fallback_days=fallback_days,
        )

    def run_timeline(self, timeline: Timeline, x0: np.ndarray, outputs: Sequence[str],
                     times: np.ndarray) -> np.ndarray:
        """Run a compiled scenario from state ``x0`` at t=0; values of ``outputs`` at ``times``.

        Parameters and baseline inputs must already be set with :meth:`configure`.
        """
        result = np.full((len(times), len(outputs)), np.nan)
        self.state = x0
        for start, end, actions in timeline.segments():
            for action in actions:
                if action.op == "add":
                    self.set_value(action.target, self.value(action.target) + action.value)
                else:
                    self.set_value(action.target, action.value)
            if end <= start:
                continue
            inside = np.nonzero((times >= start) & (times < end))[0]
            if end == timeline.duration:
                inside = np.nonzero((times >= start) & (times <= end))[0]
            # Stops at least every MAX_STRIDE_H hours: CVODE given one very long interval over the
            # circadian surges can thrash its step size and exhaust max_steps.
            strides = np.arange(start, end, MAX_STRIDE_H).tolist()
            grid = sorted({start, *times[inside].tolist(), *strides, end})
            block = self.integrate(grid, outputs)
            lookup = {t: row for t, row in zip(grid, block)}
            for i in inside:
                result[i] = lookup[float(times[i])]
        return result
