"""Selection of screened patients to a published baseline distribution (Allen et al. 2016)."""

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from neuroimmune.errors import ScenarioError
from neuroimmune.trials.design import Distribution, Population, Selection
from neuroimmune.trials.phenotypes import load_phenotypes, population_selection
from neuroimmune.trials.selection import CAP_QUANTILE, keep_probability, select_patients

TARGET = Distribution(dist="lognormal", median=np.exp(0.5), sd_log=1.0)


def _drawn(n: int = 6000, seed: int = 1) -> np.ndarray:
    return np.exp(np.random.default_rng(seed).normal(0.0, 1.0, n))  # log-normal, median 1, sd_log 1


def test_keep_probability_is_the_density_ratio_below_the_cap():
    """Drawn log N(0, 1), target log N(0.5, 1): the density ratio is exp(0.5 x - 0.125), so the
    probabilities of two uncapped patients differ by exp(0.5 (x_i - x_j))."""
    values = _drawn()
    p = keep_probability(values, TARGET)
    x = np.log(values)
    uncapped = (p < 1.0) & (np.abs(x) < 1.5)  # where the kernel estimate of the drawn density is good
    i, j = np.flatnonzero(uncapped)[[0, 1]]
    assert p[i] / p[j] == pytest.approx(np.exp(0.5 * (x[i] - x[j])), rel=0.1)
    ratio = np.exp(0.5 * x - 0.125)
    assert (p == 1.0).mean() == pytest.approx(1 - CAP_QUANTILE, abs=0.02)
    assert p[ratio > np.quantile(ratio, 0.99)].mean() > 0.9  # the tail is (nearly) always kept


def test_selected_patients_follow_the_target_better_than_the_drawn():
    values = _drawn()
    frame = pd.DataFrame({"crp": values})
    keep, (report,) = select_patients([Selection(variable="crp", target=TARGET)], frame, np.ones(len(values), bool),
                                      seed=7, indices=range(len(values)))
    kept = np.log(values[keep])
    assert report["kept"] == keep.sum() and report["drawn"] == len(values)
    assert np.median(kept) == pytest.approx(0.5, abs=0.1)  # the target's log-median
    assert report["ks_distance_kept"] == pytest.approx(stats.kstest(kept, stats.norm(0.5, 1.0).cdf).statistic)
    assert report["ks_distance_kept"] < 0.05 < report["ks_distance_drawn"]


def test_selection_is_reproducible_and_skips_patients_that_failed():
    values = _drawn(500)
    frame = pd.DataFrame({"crp": values})
    ok = np.ones(500, bool)
    ok[:50] = False
    sel = [Selection(variable="crp", target=TARGET)]
    first, _ = select_patients(sel, frame, ok, seed=3, indices=range(500))
    again, _ = select_patients(sel, frame, ok, seed=3, indices=range(500))
    other, _ = select_patients(sel, frame, ok, seed=4, indices=range(500))
    assert np.array_equal(first, again) and not np.array_equal(first, other)
    assert not first[:50].any()


def test_too_few_or_identical_values_are_refused():
    with pytest.raises(ScenarioError, match="at least 10 patients"):
        keep_probability(np.array([1.0, 2.0, -1.0]), TARGET, field="population.select[0] (crp)")
    with pytest.raises(ScenarioError, match="no spread to select from"):
        keep_probability(np.full(20, 2.0), TARGET)


def test_mdd_selects_the_published_crp_distribution_of_depression_and_a_design_can_override_it():
    """Osimo 2019: 27% of depressed patients above 3 mg/L, 58% above 1 mg/L."""
    (crp,) = load_phenotypes()["mdd"].select
    target = stats.lognorm(crp.target.sd_log, scale=crp.target.median)
    assert target.sf(3.0) == pytest.approx(0.27, abs=0.005)
    assert target.sf(1.0) == pytest.approx(0.58, abs=0.005)
    assert crp.source.startswith("calibrated: B5-CRP3, B5-CRP1")
    own = Selection(variable="crp", target=Distribution(dist="lognormal", median=2.0, sd_log=1.0))
    assert population_selection(Population(n=1, phenotype="mdd", select=(own,))) == (own,)
    assert population_selection(Population(n=1, phenotype="healthy")) == ()


def test_a_selection_applies_among_the_patients_meeting_its_criteria():
    values = _drawn(800)
    score = np.random.default_rng(2).uniform(0, 30, 800)
    frame = pd.DataFrame({"crp": values, "hamd17": score})
    sel = Selection(variable="crp", target=TARGET, among=({"variable": "hamd17", "min": 14},))
    keep, (report,) = select_patients([sel], frame, np.ones(800, bool), seed=5, indices=range(800))
    assert not keep[score < 14].any() and keep[score >= 14].any()
    assert report["drawn"] == int((score >= 14).sum())
    assert report["among"] == [{"variable": "hamd17", "min": 14.0}]
