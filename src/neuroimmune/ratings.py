"""Clinical ratings with rater noise, for virtual trials.

The model's scale totals are deterministic sums over the item maps of
:mod:`neuroimmune.model.scales`. A trial's ratings are not: each item is scored
by a rater as an integer, with error. :func:`rate` draws item scores from the
latent symptom dimensions in a result (expected item score plus Gaussian rater
noise, rounded and clipped to the item's range) and sums them, reproducibly for a
given seed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from neuroimmune.errors import NeuroimmuneError
from neuroimmune.model.scales import DIMENSIONS, SCALES
from neuroimmune.results import SimulationResult

__all__ = ["expected_items", "rate"]


def expected_items(result: SimulationResult, scale: str, *, patient: int = 0) -> pd.DataFrame:
    """Expected (noise-free, fractional) item scores over time for one patient."""
    if scale not in SCALES:
        raise NeuroimmuneError(f"unknown scale {scale!r}; choose from {', '.join(SCALES)}")
    missing = [d for d in DIMENSIONS if d not in result.variables]
    if missing:
        raise NeuroimmuneError(
            f"rating {scale} needs the symptom dimensions in the result; add outputs {', '.join(missing)}"
        )
    dims = {d: result.series(d, patient=patient) for d in DIMENSIONS}
    items = {}
    for item in SCALES[scale].items:
        items[item.name] = item.max_score * sum(w * dims[d] for d, w in item.weights)
    frame = pd.DataFrame(items)
    frame.insert(0, "time_h", result.times)
    return frame


def rate(result: SimulationResult, scale: str, *, times_h: list[float] | np.ndarray, item_noise_sd: float = 0.5,
         seed: int = 0) -> pd.DataFrame:
    """Integer item ratings and totals at ``times_h`` for every patient, with rater noise.

    ``item_noise_sd`` is the standard deviation of rater error per item, in item points.
    Returns a tidy table: patient, time_h, scale, total, and one column per item.
    """
    if item_noise_sd < 0:
        raise NeuroimmuneError(f"item_noise_sd={item_noise_sd!r} must be zero or positive")
    rng = np.random.default_rng(seed)
    rows = []
    for p, pid in enumerate(result.patients):
        expected = expected_items(result, scale, patient=p)
        for t in np.asarray(times_h, dtype=float):
            if not result.times[0] <= t <= result.times[-1]:
                raise NeuroimmuneError(f"rating time {t:g} h lies outside the simulated times")
            row = {"patient": pid, "time_h": float(t), "scale": scale}
            total = 0
            for item in SCALES[scale].items:
                mean = float(np.interp(t, expected["time_h"], expected[item.name]))
                score = int(np.clip(np.rint(mean + rng.normal(0.0, item_noise_sd)), 0, item.max_score))
                row[item.name] = score
                total += score
            row["total"] = total
            rows.append(row)
    return pd.DataFrame(rows)
