"""Compile a validated :class:`Scenario` against a model into a :class:`Timeline`.

This is where a scenario meets the biology: output names are checked against
the model's variables, doses become state increments in model units, and every
timed event must fall inside the run.
"""

from __future__ import annotations

import numpy as np

from neuroimmune.errors import ScenarioError
from neuroimmune.model.compose import Model
from neuroimmune.scenarios.schema import (
    AcuteStress,
    ChronicStress,
    Dexamethasone,
    Endotoxin,
    IFN_SCHEDULES,
    InputChange,
    InterferonAlpha,
    Scenario,
    TryptophanDepletion,
)
from neuroimmune.scenarios.timeline import Action, Timeline
from neuroimmune.scenarios.treatments import compile_treatments
from neuroimmune.units import MOLAR_MASS, convert

__all__ = ["compile_scenario", "resolve_variable"]


def resolve_variable(model: Model, name: str, *, field: str) -> str:
    """The model id for a user-facing name (case and '-' are ignored: 'IL-6' -> 'il6')."""
    if name in model.variables:
        return name
    key = name.lower().replace("-", "").replace(" ", "_")
    matches = [v for v in model.variables if v.lower().replace("-", "") == key]
    if len(matches) == 1:
        return matches[0]
    choices = ", ".join(sorted(v for v, var in model.variables.items() if var.kind in ("state", "assignment")))
    raise ScenarioError(f"{field}: {name!r} is not a model variable; choose from: {choices}")


def _in_run(t: float, duration: float, field: str) -> None:
    if not 0.0 <= t <= duration:
        raise ScenarioError(f"{field}: time {t:g} h lies outside the run (0 to {duration:g} h)")


def _check_bounds(model: Model, kind: str, values: dict[str, float]) -> None:
    if kind == "parameters":
        table = {p.id: p.bounds for p in model.parameters}
    else:
        table = {i.id: i.bounds for i in model.exogenous_inputs}
    for name, value in values.items():
        if name not in table:
            allowed = ", ".join(sorted(table))
            raise ScenarioError(f"{kind}.{name}: unknown {kind[:-1]} {name!r}; allowed: {allowed}")
        lo, hi = table[name] or (-np.inf, np.inf)
        if not lo <= value <= hi:
            raise ScenarioError(f"{kind}.{name}: value {value:g} outside the allowed range [{lo:g}, {hi:g}]")


def compile_scenario(scenario: Scenario, model: Model) -> Timeline:
    """Turn a scenario into the timeline the engine integrates."""
    duration = scenario.duration_h
    _check_bounds(model, "parameters", scenario.parameters)
    _check_bounds(model, "baseline", scenario.baseline)
    params = {p.id: p.value for p in model.parameters} | scenario.parameters
    outputs = tuple(
        resolve_variable(model, name, field=f"output.variables[{i}]")
        for i, name in enumerate(scenario.output.variables)
    )
    actions: list[Action] = []
    acute_windows: list[tuple[float, float, int]] = []
    inputs = {i.id: i for i in model.exogenous_inputs}
    for i, ch in enumerate(scenario.challenges):
        field = f"challenges[{i}]"
        if isinstance(ch, Endotoxin):
            _in_run(ch.at, duration, f"{field}.at")
            potency = 1.0 if ch.strain == "E. coli O:113" else params["lps_potency_abortus_equi"]
            dose = ch.dose.to("ng/kg") * potency
            actions.append(Action(ch.at, "endotoxin", "add", dose, f"endotoxin {ch.dose} ({ch.strain})"))
        elif isinstance(ch, Dexamethasone):
            _in_run(ch.at, duration, f"{field}.at")
            nmol = convert(ch.dose.to("mg"), "mg", "nmol", molar_mass=MOLAR_MASS["dexamethasone"])
            actions.append(Action(ch.at, "dex_gut", "add", nmol, f"dexamethasone {ch.dose} oral"))
        elif isinstance(ch, AcuteStress):
            _in_run(ch.at, duration, f"{field}.at")
            end = ch.at + ch.duration.to("h")
            for start2, end2, j in acute_windows:
                if ch.at < end2 and start2 < end:
                    raise ScenarioError(f"{field}: acute stress overlaps challenges[{j}]; give them separate times")
            acute_windows.append((ch.at, end, i))
            actions.append(Action(ch.at, "stress_acute", "set", ch.intensity, f"acute stress x{ch.intensity:g} on"))
            if end < duration:
                actions.append(Action(end, "stress_acute", "set", 0.0, "acute stress off"))
        elif isinstance(ch, ChronicStress):
            _in_run(ch.start, duration, f"{field}.start")
            end = ch.start + ch.duration.to("h")
            actions.append(Action(ch.start, "stress_chronic", "set", ch.level, f"chronic stress {ch.level:g} on"))
            if end < duration:
                actions.append(Action(end, "stress_chronic", "set", scenario.baseline.get("stress_chronic", 0.0),
                                      "chronic stress off"))
        elif isinstance(ch, InterferonAlpha):
            _in_run(ch.start, duration, f"{field}.start")
            target = "ifn_depot" if ch.route == "sc" else "ifn_circulating"
            end = min(ch.start + ch.duration.to("h"), duration)
            days = IFN_SCHEDULES[ch.schedule]
            week = 0
            while True:
                times = [ch.start + 24.0 * (7 * week + d) for d in days]
                if times[0] >= end:
                    break
                for t in times:
                    if t < end:
                        actions.append(Action(t, target, "add", ch.dose.to("MIU"),
                                              f"IFN-alpha {ch.dose} {ch.route.upper()}"))
                week += 1
        elif isinstance(ch, TryptophanDepletion):
            _in_run(ch.at, duration, f"{field}.at")
            actions.append(Action(ch.at, "amino_acid_load", "set", ch.load, "tryptophan-free amino-acid drink"))
            end = ch.at + ch.duration.to("h")
            if end < duration:
                actions.append(Action(end, "amino_acid_load", "set", 0.0, "amino-acid load absorbed"))
        elif isinstance(ch, InputChange):
            _in_run(ch.at, duration, f"{field}.at")
            if ch.name not in inputs:
                raise ScenarioError(f"{field}.name: {ch.name!r} is not an exogenous input; allowed: "
                                    f"{', '.join(sorted(inputs))}")
            lo, hi = inputs[ch.name].bounds or (-np.inf, np.inf)
            if not lo <= ch.value <= hi:
                raise ScenarioError(f"{field}.value: {ch.value:g} outside the allowed range [{lo:g}, {hi:g}]")
            actions.append(Action(ch.at, ch.name, "set", ch.value, f"{ch.name} = {ch.value:g}"))
    actions += compile_treatments(scenario.treatments, duration=duration)
    for action in actions:
        if action.target not in model.variables:
            raise ScenarioError(f"{action.label}: this model has no {action.target!r}; build it with the drug "
                                "(neuroimmune.default_model(drugs=[...])) or let simulate() choose the model")
    step = scenario.output.interval.to("h")
    times = np.arange(0.0, duration + 1e-9, step)
    if times[-1] < duration - 1e-9:
        times = np.append(times, duration)
    return Timeline(
        name=scenario.name,
        duration=duration,
        actions=tuple(sorted(actions, key=lambda a: a.time)),
        baseline=dict(scenario.baseline),
        parameters=dict(scenario.parameters),
        output_times=tuple(float(t) for t in times),
        outputs=outputs,
        description=scenario.description,
    )
