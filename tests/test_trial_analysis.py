"""Trial statistics against scipy and textbook formulas computed independently here."""

import math

import numpy as np
import pytest
from scipy import stats
from scipy.stats.contingency import odds_ratio, relative_risk

from neuroimmune.errors import NeuroimmuneError
from neuroimmune.trials import compare_binary, compare_continuous, interaction_test


def test_continuous_comparison_matches_welch_and_hedges():
    rng = np.random.default_rng(7)
    drug, placebo = rng.normal(-10.0, 6.0, 80), rng.normal(-7.0, 7.0, 75)
    res = compare_continuous(drug, placebo)
    welch = stats.ttest_ind(drug, placebo, equal_var=False)
    assert res.difference == pytest.approx(drug.mean() - placebo.mean())
    assert res.p_value == pytest.approx(welch.pvalue, rel=1e-9)
    ci = welch.confidence_interval(0.95)
    assert (res.ci_low, res.ci_high) == pytest.approx((ci.low, ci.high), rel=1e-9)
    sp = math.sqrt((79 * drug.var(ddof=1) + 74 * placebo.var(ddof=1)) / 153)
    g = (drug.mean() - placebo.mean()) / sp * (1 - 3 / (4 * 155 - 9))
    assert res.hedges_g == pytest.approx(g)
    assert res.g_ci_low < res.hedges_g < res.g_ci_high


def test_binary_comparison_matches_scipy_and_gives_nnt():
    # Abbasi 2012 (targets.md G9): response 19/20 on celecoxib + sertraline vs 10/20 on sertraline
    res = compare_binary(19, 20, 10, 20)
    assert res.risk_difference == pytest.approx(0.45)
    assert res.nnt == pytest.approx(1 / 0.45)
    ref = odds_ratio([[19, 1], [10, 10]], kind="sample")
    assert res.odds_ratio == pytest.approx(ref.statistic)
    ci = ref.confidence_interval(0.95)
    assert (res.or_ci_low, res.or_ci_high) == pytest.approx((ci.low, ci.high), rel=1e-9)
    rr = relative_risk(19, 20, 10, 20)
    assert res.risk_ratio == pytest.approx(rr.relative_risk)
    rci = rr.confidence_interval(0.95)
    assert (res.rr_ci_low, res.rr_ci_high) == pytest.approx((rci.low, rci.high), rel=1e-9)


def test_a_zero_cell_uses_the_haldane_correction():
    res = compare_binary(0, 10, 5, 10)
    assert res.odds_ratio == pytest.approx((0.5 * 5.5) / (10.5 * 5.5))
    assert res.nnt == pytest.approx(-2.0)  # treatment harms: a number needed to harm


def test_interaction_f_equals_the_difference_in_differences_contrast():
    """In a balanced 2x2 design the interaction F is the squared difference-in-differences t."""
    rng = np.random.default_rng(3)
    n = 40
    cells = {(a, s): rng.normal(0.0, 2.0, n) + (3.0 if (a, s) == ("drug", "high CRP") else 0.0)
             for a in ("placebo", "drug") for s in ("low CRP", "high CRP")}
    y = np.concatenate(list(cells.values()))
    arm = np.repeat([k[0] for k in cells], n)
    stratum = np.repeat([k[1] for k in cells], n)
    res = interaction_test(y, arm, stratum)
    means = {k: v.mean() for k, v in cells.items()}
    did = (means["drug", "high CRP"] - means["placebo", "high CRP"]) - (means["drug", "low CRP"]
                                                                          - means["placebo", "low CRP"])
    mse = sum(((v - v.mean()) ** 2).sum() for v in cells.values()) / (4 * n - 4)
    assert res.f_statistic == pytest.approx(did ** 2 / (mse * 4 / n))
    assert (res.df_numerator, res.df_denominator) == (1, 4 * n - 4)
    assert res.p_value == pytest.approx(stats.f.sf(res.f_statistic, 1, 4 * n - 4))
    assert res.p_value < 1e-3


def test_bad_inputs_are_refused():
    with pytest.raises(NeuroimmuneError, match="at least 2 values per arm"):
        compare_continuous([1.0], [1.0, 2.0])
    with pytest.raises(NeuroimmuneError, match="events=12 and n=10"):
        compare_binary(12, 10, 1, 10)
    with pytest.raises(NeuroimmuneError, match="two arms and two strata"):
        interaction_test([1.0, 2.0], ["a", "a"], ["x", "y"])
