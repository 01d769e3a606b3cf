"""Trial statistics: the comparisons a trial statistician reports, for virtual trials.

- continuous endpoints (change from baseline): mean difference with a Welch confidence
  interval and p-value, and the standardised effect size (Hedges' g) with its interval;
- binary endpoints (response, remission): risk in each arm, risk difference, odds ratio
  and risk ratio with Wald (log) intervals, and the number needed to treat;
- effect modification: the F-test of an arm-by-stratum interaction in a linear model
  (e.g. does the drug effect differ between baseline CRP bands?).

Signs: every comparison is ``treatment - control`` (or ``treatment / control``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np
from scipy import stats

from neuroimmune.errors import NeuroimmuneError

__all__ = ["BinaryComparison", "ContinuousComparison", "Interaction", "compare_binary", "compare_continuous",
           "interaction_test"]


def _z(confidence: float) -> float:
    if not 0.5 < confidence < 1:
        raise NeuroimmuneError(f"confidence={confidence!r} must lie between 0.5 and 1")
    return float(stats.norm.ppf(0.5 + confidence / 2))


@dataclass(frozen=True)
class ContinuousComparison:
    """Treatment minus control for a continuous endpoint."""

    n_treatment: int
    n_control: int
    mean_treatment: float
    mean_control: float
    difference: float
    ci_low: float
    ci_high: float
    p_value: float
    hedges_g: float
    g_ci_low: float
    g_ci_high: float

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def compare_continuous(treatment: Sequence[float], control: Sequence[float], *,
                       confidence: float = 0.95) -> ContinuousComparison:
    """Mean difference (Welch) and Hedges' g (pooled SD, small-sample corrected) with intervals."""
    a = np.asarray(treatment, dtype=float)
    b = np.asarray(control, dtype=float)
    a, b = a[np.isfinite(a)], b[np.isfinite(b)]
    if len(a) < 2 or len(b) < 2:
        raise NeuroimmuneError(f"a continuous comparison needs at least 2 values per arm; got {len(a)} and {len(b)}")
    na, nb = len(a), len(b)
    va, vb = a.var(ddof=1), b.var(ddof=1)
    diff = float(a.mean() - b.mean())
    se = math.sqrt(va / na + vb / nb)
    if se > 0:
        df = (va / na + vb / nb) ** 2 / ((va / na) ** 2 / (na - 1) + (vb / nb) ** 2 / (nb - 1))
        t_crit = float(stats.t.ppf(0.5 + confidence / 2, df))
        p = float(2 * stats.t.sf(abs(diff) / se, df))
    else:
        t_crit, p = 0.0, 1.0 if diff == 0 else 0.0
    pooled = math.sqrt(((na - 1) * va + (nb - 1) * vb) / (na + nb - 2))
    d = diff / pooled if pooled > 0 else 0.0
    correction = 1 - 3 / (4 * (na + nb) - 9)
    g = d * correction
    se_g = math.sqrt((na + nb) / (na * nb) + g * g / (2 * (na + nb))) * correction
    z = _z(confidence)
    return ContinuousComparison(na, nb, float(a.mean()), float(b.mean()), diff, diff - t_crit * se,
                                diff + t_crit * se, p, g, g - z * se_g, g + z * se_g)


@dataclass(frozen=True)
class BinaryComparison:
    """Treatment against control for a binary endpoint (events out of patients)."""

    events_treatment: int
    n_treatment: int
    events_control: int
    n_control: int
    risk_treatment: float
    risk_control: float
    risk_difference: float
    rd_ci_low: float
    rd_ci_high: float
    odds_ratio: float
    or_ci_low: float
    or_ci_high: float
    risk_ratio: float
    rr_ci_low: float
    rr_ci_high: float
    nnt: float

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def compare_binary(events_treatment: int, n_treatment: int, events_control: int, n_control: int, *,
                   confidence: float = 0.95) -> BinaryComparison:
    """Risk difference, odds ratio (Woolf) and risk ratio (Katz) with Wald intervals; NNT = 1/RD.

    A zero cell adds 0.5 to every cell of the 2x2 table for the ratios (Haldane-Anscombe).
    The NNT is infinite when the risks are equal, and negative when treatment harms.
    """
    for name, x, n in (("treatment", events_treatment, n_treatment), ("control", events_control, n_control)):
        if n <= 0 or not 0 <= x <= n:
            raise NeuroimmuneError(f"{name} arm: events={x} and n={n} must satisfy 0 <= events <= n and n > 0")
    z = _z(confidence)
    pa, pb = events_treatment / n_treatment, events_control / n_control
    rd = pa - pb
    se_rd = math.sqrt(pa * (1 - pa) / n_treatment + pb * (1 - pb) / n_control)
    a, b = float(events_treatment), float(n_treatment - events_treatment)
    c, d = float(events_control), float(n_control - events_control)
    if 0 in (a, b, c, d):
        a, b, c, d = a + 0.5, b + 0.5, c + 0.5, d + 0.5
    log_or = math.log(a * d / (b * c))
    se_or = math.sqrt(1 / a + 1 / b + 1 / c + 1 / d)
    log_rr = math.log((a / (a + b)) / (c / (c + d)))
    se_rr = math.sqrt(1 / a - 1 / (a + b) + 1 / c - 1 / (c + d))
    nnt = math.inf if rd == 0 else 1 / rd
    return BinaryComparison(
        events_treatment, n_treatment, events_control, n_control, pa, pb, rd, rd - z * se_rd, rd + z * se_rd,
        math.exp(log_or), math.exp(log_or - z * se_or), math.exp(log_or + z * se_or),
        math.exp(log_rr), math.exp(log_rr - z * se_rr), math.exp(log_rr + z * se_rr), nnt)


@dataclass(frozen=True)
class Interaction:
    """F-test of an arm-by-stratum interaction in ``y ~ arm + stratum + arm:stratum``."""

    f_statistic: float
    df_numerator: int
    df_denominator: int
    p_value: float

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def _design(columns: list[np.ndarray], n: int) -> np.ndarray:
    return np.column_stack([np.ones(n), *columns]) if columns else np.ones((n, 1))


def _dummies(labels: np.ndarray) -> list[np.ndarray]:
    levels = sorted(set(labels.tolist()), key=str)
    return [(labels == level).astype(float) for level in levels[1:]]


def interaction_test(y: Sequence[float], arm: Sequence[object], stratum: Sequence[object]) -> Interaction:
    """Does the arm effect differ between strata? Nested linear models, compared by an F-test."""
    y_arr = np.asarray(y, dtype=float)
    arm_arr, strat_arr = np.asarray(arm, dtype=object), np.asarray(stratum, dtype=object)
    if not len(y_arr) == len(arm_arr) == len(strat_arr):
        raise NeuroimmuneError("interaction_test: y, arm and stratum must have the same length")
    keep = np.isfinite(y_arr)
    y_arr, arm_arr, strat_arr = y_arr[keep], arm_arr[keep], strat_arr[keep]
    n = len(y_arr)
    arms, strata = _dummies(arm_arr), _dummies(strat_arr)
    if not arms or not strata:
        raise NeuroimmuneError("interaction_test needs at least two arms and two strata")
    inter = [a * s for a in arms for s in strata]
    reduced = _design(arms + strata, n)
    full = _design(arms + strata + inter, n)

    def rss(x: np.ndarray) -> tuple[float, int]:
        beta, _, rank, _ = np.linalg.lstsq(x, y_arr, rcond=None)
        resid = y_arr - x @ beta
        return float(resid @ resid), int(rank)

    rss_r, rank_r = rss(reduced)
    rss_f, rank_f = rss(full)
    df1, df2 = rank_f - rank_r, n - rank_f
    if df1 <= 0 or df2 <= 0:
        raise NeuroimmuneError("interaction_test: too few patients per arm and stratum to test an interaction")
    f = ((rss_r - rss_f) / df1) / (rss_f / df2) if rss_f > 0 else math.inf
    return Interaction(float(f), df1, df2, float(stats.f.sf(f, df1, df2)))
