"""Random streams of virtual patients and trials.

Every random draw comes from a numpy generator keyed by ``(seed, stream, ...)``: the kind
of draw (parameters, allocation, rater noise, dropout, covariates, selection) has its own stream id,
so no two kinds share numbers, and a patient's draws depend only on the seed and the
patient's index, not on who else is in the run or how it is chunked.
"""

from __future__ import annotations

import numpy as np

__all__ = ["ALLOCATION", "COVARIATES", "DROPOUT", "PARAMETERS", "RATINGS", "SELECTION", "stream"]

PARAMETERS, ALLOCATION, RATINGS, DROPOUT, COVARIATES, SELECTION = 1, 2, 3, 4, 5, 6


def stream(seed: int, kind: int, *key: int) -> np.random.Generator:
    """The generator for one kind of draw (and, for per-patient draws, one patient)."""
    return np.random.default_rng([seed, kind, *key])
