"""Virtual patients drawn from a design's parameter distributions, reproducibly per patient.

Each patient's draws come from a random stream keyed by the population seed and the
patient's index, so patient 17 is the same patient whatever the population size, chunk
size or worker count. Draws are clipped to the parameter's plausible bounds.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from neuroimmune.model.compose import Model
from neuroimmune.trials.design import Distribution, Population
from neuroimmune.trials.phenotypes import population_parameters

__all__ = ["patient_ids", "sample_population"]

_STREAM_PARAMETERS = 1


def patient_ids(n: int) -> list[str]:
    return [f"p{i + 1:06d}" for i in range(n)]


def _draw(rng: np.random.Generator, d: Distribution) -> float:
    if d.dist == "lognormal":
        return float(d.median * np.exp(rng.normal(0.0, d.sd_log)))  # type: ignore[operator]
    if d.dist == "normal":
        return float(rng.normal(d.mean, d.sd))
    return float(rng.uniform(d.low, d.high))


def sample_population(population: Population, model: Model) -> pd.DataFrame:
    """One row per virtual patient (index: patient id), one column per varied parameter or input."""
    bounds = {p.id: p.bounds for p in model.parameters} | {i.id: i.bounds for i in model.exogenous_inputs}
    distributions = population_parameters(population)
    names = sorted(distributions)
    rows = []
    for index in range(population.n):
        rng = np.random.default_rng([population.seed, _STREAM_PARAMETERS, index])
        row = {}
        for name in names:
            lo, hi = bounds[name] or (-np.inf, np.inf)
            row[name] = float(np.clip(_draw(rng, distributions[name]), lo, hi))
        rows.append(row)
    return pd.DataFrame(rows, index=pd.Index(patient_ids(population.n), name="patient"), columns=names)
