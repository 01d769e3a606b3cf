"""The Python API: one call from a scenario to a result.

>>> import neuroimmune as ni
>>> result = ni.simulate("endotoxin-2ngkg")
>>> result.wide().head()
"""

from __future__ import annotations

import platform
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import roadrunner

from neuroimmune import __version__
from neuroimmune.execution.batch import run_batch
from neuroimmune.engine.options import SolverOptions
from neuroimmune.engine.roadrunner import RoadRunnerSimulator
from neuroimmune.errors import ScenarioError
from neuroimmune.model import Model, default_model
from neuroimmune.model.drugs import DRUGS
from neuroimmune.results import SimulationResult
from neuroimmune.scenarios.compile import compile_scenario, resolve_variable
from neuroimmune.scenarios.registry import load_scenario
from neuroimmune.scenarios.schema import Scenario
from neuroimmune.scenarios.timeline import Timeline

__all__ = ["circadian_steady_state", "simulate"]

PatientSpec = Sequence[Mapping[str, float]] | pd.DataFrame | None


def _patients(model: Model, patients: PatientSpec) -> tuple[list[dict[str, float]], tuple[str, ...]]:
    if patients is None:
        return [{}], ("patient-0",)
    if isinstance(patients, pd.DataFrame):
        ids = tuple(str(i) for i in patients.index)
        rows = [{str(k): float(v) for k, v in row.items()} for _, row in patients.iterrows()]
    else:
        rows = [{str(k): float(v) for k, v in p.items()} for p in patients]
        ids = tuple(f"patient-{i}" for i in range(len(rows)))
    if not rows:
        raise ScenarioError("patients: the batch is empty; give at least one parameter set")
    bounds = {p.id: p.bounds for p in model.parameters} | {i.id: i.bounds for i in model.exogenous_inputs}
    for i, row in enumerate(rows):
        for name, value in row.items():
            if name not in bounds:
                raise ScenarioError(f"patients[{i}].{name}: unknown parameter; see docs/model-reference.md")
            lo, hi = bounds[name] or (-np.inf, np.inf)
            if not (np.isfinite(value) and lo <= value <= hi):
                raise ScenarioError(
                    f"patients[{i}].{name}: value {value!r} outside the plausible range [{lo:g}, {hi:g}]"
                )
    return rows, ids


def model_for_scenario(scenario: Scenario) -> Model:
    """The default model with the pharmacokinetics of just the drugs this scenario gives.

    Drugs not given would stay at zero; leaving their states out makes the solve faster
    and changes nothing else.
    """
    drug_ids = {d.id for d in DRUGS}
    return default_model(drugs=sorted({t.name for t in scenario.treatments if t.name in drug_ids}))


def simulate(
    scenario: str | Path | Mapping[str, Any] | Scenario,
    *,
    model: Model | None = None,
    patients: PatientSpec = None,
    outputs: Sequence[str] | None = None,
    times: Sequence[float] | None = None,
    options: SolverOptions | None = None,
    workers: int | None = None,
    checkpoint_dir: str | Path | None = None,
    progress: Callable[[int, int], None] | None = None,
    backend: str = "auto",
    scheduler: str | None = None,
) -> SimulationResult:
    """Simulate a scenario for one or many virtual patients.

    ``scenario`` is a built-in name (``neuroimmune scenarios`` lists them), a YAML
    file or a :class:`Scenario`. ``patients`` is a list of parameter overrides (or a
    DataFrame, one row per patient); each patient starts from its own circadian
    steady state at midnight of day 0. ``outputs`` and ``times`` (hours) override
    the scenario's output settings. A batch runs over ``workers`` processes (all
    cores by default); a patient whose integration fails is reported in
    ``result.status`` and the others complete. ``backend`` picks the execution back end
    (``auto``, ``inprocess``, ``processes`` or ``dask``: a local Dask cluster of ``workers``
    processes); ``scheduler`` (``tcp://host:port``) runs on an existing Dask cluster.
    """
    options = options or SolverOptions()
    spec = load_scenario(scenario if not isinstance(scenario, Mapping) else dict(scenario))
    model = model or model_for_scenario(spec)
    timeline = compile_scenario(spec, model)
    names = tuple(
        resolve_variable(model, n, field=f"outputs[{i}]") for i, n in enumerate(outputs)
    ) if outputs else timeline.outputs
    grid = np.asarray(times if times is not None else timeline.output_times, dtype=float)
    if grid.ndim != 1 or len(grid) == 0 or np.any(np.diff(grid) <= 0):
        raise ScenarioError("times: output times must be a non-empty, strictly increasing list of hours")
    if grid[0] < 0 or grid[-1] > timeline.duration:
        raise ScenarioError(
            f"times: output times must lie within the run (0 to {timeline.duration:g} h); "
            f"got {grid[0]:g} to {grid[-1]:g} h"
        )
    rows, ids = _patients(model, patients)
    values, status = run_batch(
        model, timeline, rows, outputs=names, times=grid, options=options, workers=workers,
        checkpoint_dir=checkpoint_dir, progress=progress, backend=backend, scheduler=scheduler,
    )
    units = tuple(model.variables[n].unit for n in names)
    provenance = _provenance(model, timeline, options) | {"patient_parameters": dict(zip(ids, rows))}
    return SimulationResult(
        times=grid, variables=names, units=units, values=values, status=status, patients=ids,
        provenance=provenance,
    )


def _provenance(model: Model, timeline: Timeline, options: SolverOptions) -> dict[str, Any]:
    return {
        "package": "neuroimmune",
        "version": __version__,
        "model_fingerprint": model.fingerprint,
        "model_drugs": [d.id for d in DRUGS if d.id in model.variables],
        "scenario": timeline.name,
        "scenario_actions": [a.__dict__ for a in timeline.actions],
        "baseline_inputs": dict(timeline.baseline),
        "scenario_parameters": dict(timeline.parameters),
        "engine": f"libroadrunner {roadrunner.__version__}",
        "solver": {"algorithm": "CVODE (BDF)", "kisao": options.kisao, "rtol": options.rtol,
                   "atol_fraction": options.atol_fraction},
        "initial_state": "circadian (24-h periodic) steady state at 00:00 of day 0",
        "python": platform.python_version(),
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "time_unit": "h (0 = midnight of day 0)",
    }


def circadian_steady_state(*, model: Model | None = None, parameters: Mapping[str, float] | None = None,
                           baseline: Mapping[str, float] | None = None,
                           options: SolverOptions | None = None) -> dict[str, float]:
    """The state at midnight on the model's own 24-h periodic orbit."""
    model = model or default_model()
    sim = RoadRunnerSimulator(model, options=options)
    sim.configure(dict(parameters or {}) | dict(baseline or {}))
    solution = sim.steady_state()
    return dict(zip(sim.state_ids, solution.state.tolist()))
