"""Virtual patients drawn from a design's parameter distributions, reproducibly per patient.

Each patient's draws come from a random stream keyed by the population seed and the
patient's index, so patient 17 is the same patient whatever the population size, chunk
size or worker count. Draws are clipped to the parameter's plausible bounds. Covariates
(age, sex, BMI) come from a stream of their own, so adding them leaves every parameter draw
unchanged; the model inputs they set (adiposity from BMI) join the parameters.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from neuroimmune.model.compose import Model
from neuroimmune.streams import COVARIATES, PARAMETERS, stream
from neuroimmune.trials.covariates import covariate_parameters, draw_covariate
from neuroimmune.trials.design import Population
from neuroimmune.trials.phenotypes import population_covariates, population_parameters

__all__ = ["patient_ids", "sample_covariates", "sample_population"]


def patient_ids(n: int) -> list[str]:
    return [f"p{i + 1:06d}" for i in range(n)]


def sample_covariates(population: Population) -> pd.DataFrame:
    """One row per virtual patient (index: patient id), one column per covariate drawn (none: no columns)."""
    distributions = population_covariates(population)
    names = sorted(distributions)
    rows = []
    for index in range(population.n if names else 0):
        rng = stream(population.seed, COVARIATES, index)
        rows.append({name: draw_covariate(rng, name, distributions[name]) for name in names})
    index = pd.Index(patient_ids(population.n), name="patient")
    return pd.DataFrame(rows, index=index, columns=names) if names else pd.DataFrame(index=index)


def sample_population(population: Population, model: Model, *, covariates: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per virtual patient (index: patient id), one column per varied parameter or input,
    including those set by covariates (adiposity from BMI); pass ``covariates`` if already drawn."""
    bounds = {p.id: p.bounds for p in model.parameters} | {i.id: i.bounds for i in model.exogenous_inputs}
    distributions = population_parameters(population)
    names = sorted(distributions)
    rows = []
    for index in range(population.n):
        rng = stream(population.seed, PARAMETERS, index)
        row = {}
        for name in names:
            lo, hi = bounds[name] or (-np.inf, np.inf)
            row[name] = float(np.clip(distributions[name].draw(rng), lo, hi))
        rows.append(row)
    table = pd.DataFrame(rows, index=pd.Index(patient_ids(population.n), name="patient"), columns=names)
    derived = covariate_parameters(sample_covariates(population) if covariates is None else covariates)
    for name in derived:
        lo, hi = bounds[name] or (-np.inf, np.inf)
        table[name] = np.clip(derived[name].to_numpy(dtype=float), lo, hi)
    return table
