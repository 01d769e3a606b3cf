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
from neuroimmune.model.symptoms import RAPID_RELIEF
from neuroimmune.results import SimulationResult
from neuroimmune.streams import RATINGS, stream

#: What a rating reads from a result: the latent dimensions, and the rapid relief of some of them.
RATING_INPUTS = (*DIMENSIONS, "rapid_relief")

__all__ = ["RATING_INPUTS", "expected_items", "rate"]


def expected_items(result: SimulationResult, scale: str, *, patient: int = 0) -> pd.DataFrame:
    """Expected (noise-free, fractional) item scores over time for one patient."""
    if scale not in SCALES:
        raise NeuroimmuneError(f"unknown scale {scale!r}; choose from {', '.join(SCALES)}")
    missing = [d for d in RATING_INPUTS if d not in result.variables]
    if missing:
        raise NeuroimmuneError(
            f"rating {scale} needs the symptom dimensions and rapid_relief in the result; add outputs "
            f"{', '.join(missing)}"
        )
    relief = result.series("rapid_relief", patient=patient)
    # rated severity, as in the model's scale totals: some dimensions are relieved at once by new synapses
    dims = {d: result.series(d, patient=patient) * ((1 - relief) if d in RAPID_RELIEF else 1.0) for d in DIMENSIONS}
    items = {}
    for item in SCALES[scale].items:
        items[item.name] = item.max_score * sum(w * dims[d] for d, w in item.weights)
    frame = pd.DataFrame(items)
    frame.insert(0, "time_h", result.times)
    return frame


def rate(result: SimulationResult, scale: str, *, times_h: list[float] | np.ndarray, item_noise_sd: float = 0.5,
         seed: int = 0, patient_keys: list[int] | None = None) -> pd.DataFrame:
    """Integer item ratings and totals at ``times_h`` for every patient, with rater noise.

    ``item_noise_sd`` is the standard deviation of rater error per item, in item points.
    Each patient's rater noise comes from its own stream (:mod:`neuroimmune.streams`), keyed by
    ``seed`` and the patient's key (its position in the result unless ``patient_keys`` gives
    others, e.g. its index in a whole trial), so a patient's ratings do not depend on who else is
    in the result.
    Returns a tidy table: patient, time_h, scale, total, and one column per item.
    """
    if item_noise_sd < 0:
        raise NeuroimmuneError(f"item_noise_sd={item_noise_sd!r} must be zero or positive")
    keys = list(range(len(result.patients))) if patient_keys is None else list(patient_keys)
    if len(keys) != len(result.patients):
        raise NeuroimmuneError(f"patient_keys: give one key per patient ({len(result.patients)}); got {len(keys)}")
    rows = []
    for p, pid in enumerate(result.patients):
        rng = stream(seed, RATINGS, keys[p])
        expected = expected_items(result, scale, patient=p)
        for t in np.asarray(times_h, dtype=float):
            if not result.times[0] <= t <= result.times[-1]:
                raise NeuroimmuneError(f"rating time {t:g} h lies outside the simulated times")
            row = {"patient": pid, "time_h": float(t), "scale": scale}
            total = 0
            for item in SCALES[scale].items:
                mean = float(np.interp(t, expected["time_h"], expected[item.name]))
                noise = rng.normal(0.0, item_noise_sd)  # drawn even for a failed patient: streams stay aligned
                if not np.isfinite(mean):  # a patient whose simulation failed has no rating
                    row[item.name], total = np.nan, np.nan
                    continue
                score = int(np.clip(np.rint(mean + noise), 0, item.max_score))
                row[item.name] = score
                total += score
            row["total"] = total
            rows.append(row)
    return pd.DataFrame(rows)
