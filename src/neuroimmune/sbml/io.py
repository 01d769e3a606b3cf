"""Write the model (optionally with a scenario's events) to an SBML file, validated first."""

from __future__ import annotations

from pathlib import Path

import libsbml

from neuroimmune.api import circadian_steady_state
from neuroimmune.errors import ModelError
from neuroimmune.model import Model, default_model
from neuroimmune.sbml.export import model_to_sbml
from neuroimmune.sbml.validate import SbmlIssue, validate_sbml
from neuroimmune.scenarios.compile import compile_scenario
from neuroimmune.scenarios.registry import load_scenario

__all__ = ["export_model_sbml"]


def export_model_sbml(path: str | Path, *, model: Model | None = None,
                      scenario: str | Path | None = None) -> tuple[Path, list[SbmlIssue]]:
    """Write SBML whose initial state is the circadian steady state at 00:00 of day 0.

    With ``scenario``, its parameter overrides and baseline inputs are applied and its
    doses and stress steps become SBML events, so the file reproduces the scenario in
    any SBML simulator.
    """
    model = model or default_model()
    events = ()
    if scenario is not None:
        timeline = compile_scenario(load_scenario(scenario), model)
        model = model.with_parameters(dict(timeline.parameters)) if timeline.parameters else model
        events = timeline.actions
        baseline = dict(timeline.baseline)
    else:
        baseline = {}
    state = circadian_steady_state(model=model, baseline=baseline)
    doc = model_to_sbml(model, initial_state=state, events=events, inputs=baseline)
    issues = validate_sbml(doc)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not libsbml.writeSBMLToFile(doc, str(path)):
        raise ModelError(f"could not write SBML to {str(path)!r}")
    return path, issues
