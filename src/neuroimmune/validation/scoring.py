"""Score the model against every target.

A target passes when the model's value lies within its tolerance. A target
whose scenario cannot be computed is reported as an error (never silently
dropped); a target marked ``not_scored`` says why.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from neuroimmune.engine.options import SolverOptions
from neuroimmune.errors import NeuroimmuneError
from neuroimmune.model.compose import Model
from neuroimmune.validation.measures import ScenarioRuns, evaluate
from neuroimmune.validation.populations import PopulationRuns, evaluate_population, population_variables
from neuroimmune.validation.targets import Target, load_targets

__all__ = ["Score", "score_targets"]

Status = Literal["pass", "fail", "not scored", "error"]


@dataclass(frozen=True)
class Score:
    """A target with the model's value and the verdict."""

    target: Target
    model_value: float | None
    status: Status
    detail: str = ""

    @property
    def residual(self) -> float:
        """Distance from the middle of the tolerance, in half-widths (0 at the centre, 1 at an edge)."""
        tol = self.target.tolerance
        if tol is None or self.model_value is None or not math.isfinite(self.model_value):
            return math.inf
        if math.isinf(tol.low) or math.isinf(tol.high):
            edge = tol.low if math.isfinite(tol.low) else tol.high
            return 0.0 if tol.contains(self.model_value) else abs(self.model_value - edge) / max(abs(edge), 1e-9) + 1
        centre, half = 0.5 * (tol.low + tol.high), 0.5 * (tol.high - tol.low)
        return (self.model_value - centre) / half if half > 0 else (self.model_value - centre)


def score_targets(
    model: Model,
    *,
    targets: Sequence[Target] | None = None,
    options: SolverOptions | None = None,
    parameters: dict[str, float] | None = None,
    runs: ScenarioRuns | None = None,
    population_runs: PopulationRuns | None = None,
    populations: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> list[Score]:
    """Run every target's scenario once and score each target.

    Pass ``runs`` to reuse (and afterwards read) the simulated scenarios, e.g. for figures;
    ``population_runs`` sets how the virtual cohorts and trials of population targets run
    (size, workers, folder). ``populations=False`` skips population targets (reported as
    not scored, with the reason).
    """
    targets = tuple(targets if targets is not None else load_targets())
    runs = runs or ScenarioRuns(model, options=options, parameters=parameters)
    if population_runs is None and populations:
        population_runs = PopulationRuns(model, variables=population_variables(targets))
    scores: list[Score] = []
    for i, target in enumerate(targets):
        if target.not_scored:
            scores.append(Score(target, None, "not scored", target.not_scored))
        elif target.population is not None and not populations:
            scores.append(Score(target, None, "not scored", "population targets skipped in this run"))
        else:
            assert target.tolerance is not None
            try:
                if target.population is not None:
                    assert population_runs is not None
                    value = evaluate_population(target.population, population_runs)
                else:
                    assert target.measure is not None
                    value = evaluate(target.measure, runs, target.scenario)
            except NeuroimmuneError as exc:
                scores.append(Score(target, None, "error", str(exc)))
            else:
                ok = math.isfinite(value) and target.tolerance.contains(value)
                scores.append(Score(target, value, "pass" if ok else "fail"))
        if progress:
            progress(i + 1, len(targets))
    return scores
