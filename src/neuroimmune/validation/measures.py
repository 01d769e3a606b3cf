"""Compute a target's model value from simulated time courses.

A :class:`ScenarioRuns` cache runs each distinct scenario once (at a fine output
grid, recording every state and derived variable) and measures read from it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from neuroimmune.api import simulate
from neuroimmune.engine.options import SolverOptions
from neuroimmune.errors import EngineError, ValidationDataError
from neuroimmune.model.compose import Model
from neuroimmune.results import SimulationResult
from neuroimmune.scenarios.quantities import parse_time_h
from neuroimmune.scenarios.registry import load_scenario
from neuroimmune.validation.targets import Measure

__all__ = ["ScenarioRuns", "evaluate"]

OUTPUT_STEP_H = 1.0 / 30.0  # two minutes
LONG_RUN_H = 240.0  # runs longer than this are recorded every LONG_STEP_H, to bound memory
LONG_STEP_H = 0.25


class ScenarioRuns:
    """Runs (and remembers) the scenarios that targets refer to."""

    def __init__(self, model: Model, *, options: SolverOptions | None = None,
                 parameters: Mapping[str, float] | None = None) -> None:
        self.model = model
        self.options = options
        self.parameters = dict(parameters or {})
        self._cache: dict[str, SimulationResult] = {}
        self.outputs = tuple(v for v, var in model.variables.items() if var.kind in ("state", "assignment"))

    @staticmethod
    def key(spec: Any) -> str:
        return json.dumps(spec, sort_keys=True, default=str)

    def result(self, spec: Any) -> SimulationResult:
        key = self.key(spec)
        if key not in self._cache:
            scenario = load_scenario(spec if not isinstance(spec, dict) else dict(spec))
            duration = scenario.duration_h
            step = OUTPUT_STEP_H if duration <= LONG_RUN_H else LONG_STEP_H
            times = np.arange(0.0, duration + 1e-9, step)
            patient = [self.parameters] if self.parameters else None
            result = simulate(scenario, model=self.model, patients=patient, outputs=self.outputs,
                              times=times, options=self.options, workers=1)
            if result.status[0] != "ok":
                raise EngineError(f"scenario {scenario.name!r}: {result.status[0]}")
            self._cache[key] = result
        return self._cache[key]


def _window(result: SimulationResult, measure: Measure) -> np.ndarray:
    if measure.window is None:
        return np.ones(len(result.times), dtype=bool)
    lo, hi = (parse_time_h(w) for w in measure.window)
    return (result.times >= lo - 1e-9) & (result.times <= hi + 1e-9)


def _value_at(times: np.ndarray, values: np.ndarray, t: float) -> float:
    return float(np.interp(t, times, values))


def _extreme_time(t: np.ndarray, y: np.ndarray, *, largest: bool) -> float:
    """Time of the largest (or smallest) value, refined by a parabola through the three
    grid points around it, so the answer varies smoothly with the parameters."""
    i = int(np.argmax(y) if largest else np.argmin(y))
    if 0 < i < len(y) - 1:
        y0, y1, y2 = y[i - 1], y[i], y[i + 1]
        denom = y0 - 2 * y1 + y2
        if denom != 0:
            shift = 0.5 * (y0 - y2) / denom
            if abs(shift) <= 1:
                return float(t[i] + shift * (t[i + 1] - t[i]))
    return float(t[i])


def _div(a: float, b: float) -> float:
    return a / b if b != 0 else (math.inf if a > 0 else -math.inf if a < 0 else math.nan)


def _scale_time(hours: float, unit: str) -> float:
    return {"min": hours * 60.0, "d": hours / 24.0}.get(unit, hours)


def evaluate(measure: Measure, runs: ScenarioRuns, scenario: Any) -> float:
    """The model's value of ``measure`` (``scenario`` is the target's default scenario)."""
    spec = measure.scenario if measure.scenario is not None else scenario
    if measure.kind == "ratio":
        num = evaluate(measure.parts[0], runs, spec)
        den = evaluate(measure.parts[1], runs, spec)
        return _div(num, den)
    if measure.kind == "difference":
        return evaluate(measure.parts[0], runs, spec) - evaluate(measure.parts[1], runs, spec)
    if measure.kind == "increasing":
        values = [evaluate(p, runs, spec) for p in measure.parts]
        return float(all(b > a for a, b in zip(values, values[1:])))
    if spec is None:
        raise ValidationDataError("a measure has no scenario to run")
    result = runs.result(spec)
    if measure.variable not in result.variables:
        raise ValidationDataError(f"measure variable {measure.variable!r} is not a model variable")
    y = result.series(measure.variable, unit=measure.unit)
    t = result.times
    mask = _window(result, measure)
    ref = parse_time_h(measure.reference) if measure.reference else None
    kind = measure.kind
    if kind == "value_at":
        return _value_at(t, y, parse_time_h(measure.at))
    if kind in ("max", "min"):
        return float(np.max(y[mask]) if kind == "max" else np.min(y[mask]))
    if kind == "mean":
        return float(np.mean(y[mask]))
    if kind in ("time_of_max", "time_of_min"):
        when = _extreme_time(t[mask], y[mask], largest=kind == "time_of_max")
        return _scale_time(when - (ref if ref is not None else 24.0 * math.floor(when / 24.0)), measure.time_unit)
    if kind in ("fold", "rise", "rise_pct"):
        if ref is None:
            raise ValidationDataError(f"a {kind} measure needs a reference time")
        peak, before = float(np.max(y[mask])), _value_at(t, y, ref)
        return {"fold": _div(peak, before), "rise": peak - before, "rise_pct": 100.0 * (_div(peak, before) - 1.0)}[kind]
    if kind in ("change_pct", "suppression_pct"):
        if ref is None or measure.at is None:
            raise ValidationDataError(f"a {kind} measure needs reference and at times")
        change = 100.0 * (_div(_value_at(t, y, parse_time_h(measure.at)), _value_at(t, y, ref)) - 1.0)
        return change if kind == "change_pct" else -change
    if kind == "time_to_half_max":
        if ref is None:
            raise ValidationDataError("a time_to_half_max measure needs a reference time")
        start = _value_at(t, y, ref)
        tw, yw = t[mask], y[mask]
        half = start + 0.5 * (float(np.max(yw)) - start)
        above = np.nonzero(yw >= half)[0]
        if len(above) == 0 or float(np.max(yw)) <= start:
            return math.inf
        i = above[0]
        t_half = float(tw[i]) if i == 0 else float(np.interp(half, [yw[i - 1], yw[i]], [tw[i - 1], tw[i]]))
        return _scale_time(t_half - ref, measure.time_unit)
    if kind == "halving_time":
        if ref is None:
            raise ValidationDataError("a halving_time measure needs a reference time")
        start = _value_at(t, y, ref)
        after = t >= ref
        below = np.nonzero(after & (y <= 0.5 * start))[0]
        if len(below) == 0:
            return math.inf
        i = below[0]
        t_half = float(np.interp(0.5 * start, [y[i], y[i - 1]], [t[i], t[i - 1]]))
        return _scale_time(t_half - ref, measure.time_unit)
    if kind == "apparent_half_life":
        if ref is None or measure.at is None or measure.baseline is None:
            raise ValidationDataError("an apparent_half_life measure needs reference, at and baseline times")
        base = _value_at(t, y, parse_time_h(measure.baseline))
        t1, t2 = ref, parse_time_h(measure.at)
        e1, e2 = _value_at(t, y, t1) - base, _value_at(t, y, t2) - base
        if e1 <= 0 or e2 <= 0 or e2 >= e1:
            return math.inf
        return _scale_time(math.log(2.0) * (t2 - t1) / math.log(e1 / e2), measure.time_unit)
    raise ValidationDataError(f"unknown measure kind {kind!r}")
