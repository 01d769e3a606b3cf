"""Selection of screened virtual patients to a published baseline distribution (Allen et al. 2016).

Allen, Rieger and Musante 2016 (CPT Pharmacometrics Syst Pharmacol 5:140,
doi:10.1002/psp4.12063) draw plausible virtual patients and then select among them, by
acceptance and rejection rather than by weighting, a virtual population whose baseline
statistics match clinical data. Here each screened patient whose baseline simulated is kept
with probability

    p_i = min(1, r_i / r_cap),   r_i = f_target(x_i) / f_drawn(x_i),

where x_i is the patient's baseline value of the selected variable (on the log scale for a
log-normal target), f_drawn a Gaussian kernel density estimate of the drawn patients' values,
f_target the published distribution, and r_cap the 95th percentile of r. Exact rejection
sampling would divide by the largest r, which kernel noise in the sparse tails makes
unstable; the cap is a fixed rule, not tuned per run, and the summary reports how close the
kept patients come to the target (median, spread and the Kolmogorov-Smirnov distance).

A selection may name the patients it applies ``among`` (criteria on baseline values, e.g. the
case definition of the studies behind the published distribution): the density is estimated and
patients kept among those who meet them, and the others are not kept. A criterion on a rating
scale applies to the value in ``baseline``: the rated score (rater noise included) in a trial,
the model's score in a scorecard cohort.

Only a baseline distribution is matched; nothing after the baseline (a response, an
endpoint) enters the selection, so no outcome is picked. Several selections multiply their
probabilities, treating the variables as independent. Each patient's uniform draw comes from
a stream of its own (:mod:`neuroimmune.streams`), so who is kept does not depend on chunk
size, workers or back end; it does depend on who else was drawn, through f_drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from neuroimmune.errors import ScenarioError
from neuroimmune.streams import SELECTION, stream
from neuroimmune.trials.design import Criterion, Distribution, Selection

__all__ = ["CAP_QUANTILE", "keep_probability", "meets", "select_patients", "selection_variables"]

#: Quantile of the density ratio that is kept with certainty (see the module docstring).
CAP_QUANTILE = 0.95


def _scale(values: np.ndarray, target: Distribution) -> np.ndarray:
    return np.log(values) if target.dist == "lognormal" else values


def _target(target: Distribution) -> Any:
    if target.dist == "lognormal":
        return stats.norm(np.log(target.median), target.sd_log)  # type: ignore[arg-type]
    return stats.norm(target.mean, target.sd)


def keep_probability(values: np.ndarray, target: Distribution, *, field: str = "select") -> np.ndarray:
    """The probability of keeping each patient, given the baseline values of all of them."""
    values = np.asarray(values, dtype=float)
    usable = np.isfinite(values) & ((values > 0) if target.dist == "lognormal" else True)
    if usable.sum() < 10:
        raise ScenarioError(f"{field}: selection needs at least 10 patients with a usable baseline value "
                            f"(positive for a log-normal target); got {int(usable.sum())}")
    x = _scale(values[usable], target)
    if np.ptp(x) == 0:
        raise ScenarioError(f"{field}: every drawn patient has the same baseline value ({values[usable][0]:g}); "
                            "there is no spread to select from")
    ratio = _target(target).pdf(x) / stats.gaussian_kde(x)(x)
    p = np.zeros_like(values)
    p[usable] = np.minimum(1.0, ratio / np.quantile(ratio, CAP_QUANTILE))
    return p


def selection_variables(selections: Sequence[Selection]) -> list[str]:
    """The baseline variables the selections need: each selected variable and its ``among`` criteria."""
    return list(dict.fromkeys(v for s in selections for v in (s.variable, *(c.variable for c in s.among))))


def meets(criteria: Sequence[Criterion], baseline: pd.DataFrame) -> np.ndarray:
    """Which patients (rows of ``baseline``) meet every ``min <= variable <= max`` criterion."""
    inside = np.ones(len(baseline), dtype=bool)
    for crit in criteria:
        values = baseline[crit.variable].to_numpy(dtype=float)
        if crit.min is not None:
            inside &= values >= crit.min
        if crit.max is not None:
            inside &= values <= crit.max
    return inside


def select_patients(selections: Sequence[Selection], baseline: pd.DataFrame, ok: np.ndarray, *, seed: int,
                    indices: Sequence[int]) -> tuple[np.ndarray, list[dict[str, Any]]]:
    """Which patients are kept (a boolean mask over ``baseline``'s rows) and, per selection, a
    report: the target, the number it applied among (``drawn``) and kept, their medians and
    log-SDs (or means and SDs), and the Kolmogorov-Smirnov distance of each from the target.

    ``ok`` marks patients whose baseline simulated; ``indices`` are the patients' indices in the
    population (for their random streams).
    """
    ok = np.asarray(ok, dtype=bool)
    keep = ok.copy()
    if not selections:
        return keep, []
    probability = np.ones(len(baseline))
    pools = []
    for i, sel in enumerate(selections):
        pool = ok & meets(sel.among, baseline)
        p = np.zeros(len(baseline))
        p[pool] = keep_probability(baseline[sel.variable].to_numpy(dtype=float)[pool], sel.target,
                                   field=f"population.select[{i}] ({sel.variable})")
        probability *= p
        pools.append(pool)
    draws = np.array([stream(seed, SELECTION, int(k)).uniform() for k in indices])
    keep &= draws < probability
    reports = []
    for sel, pool in zip(selections, pools):
        values = baseline[sel.variable].to_numpy(dtype=float)
        drawn, kept = _scale(values[pool], sel.target), _scale(values[keep], sel.target)
        target = _target(sel.target)
        log = sel.target.dist == "lognormal"
        centre = (lambda v: float(np.exp(np.median(v)))) if log else (lambda v: float(np.mean(v)))
        reports.append({
            "variable": sel.variable, "target": sel.target.model_dump(exclude_none=True), "source": sel.source,
            "among": [c.model_dump(exclude_none=True) for c in sel.among],
            "drawn": int(pool.sum()), "kept": int(keep.sum()),
            "drawn_median" if log else "drawn_mean": centre(drawn) if len(drawn) else None,
            "kept_median" if log else "kept_mean": centre(kept) if len(kept) else None,
            "drawn_sd_log" if log else "drawn_sd": float(np.std(drawn, ddof=1)) if len(drawn) > 1 else None,
            "kept_sd_log" if log else "kept_sd": float(np.std(kept, ddof=1)) if len(kept) > 1 else None,
            "ks_distance_kept": float(stats.kstest(kept, target.cdf).statistic) if len(kept) else None,
            "ks_distance_drawn": float(stats.kstest(drawn, target.cdf).statistic) if len(drawn) else None,
        })
    return keep, reports
