"""Covariates of virtual patients: drawn per patient, BMI reaches IL-6 through fat mass, designs
can include and stratify on them, and mistakes are named."""

import copy

import numpy as np
import pandas as pd
import pytest

import neuroimmune as ni
from neuroimmune.errors import ScenarioError
from neuroimmune.trials.covariates import REFERENCE, adiposity, body_fat_percent
from neuroimmune.trials.design import Population, check_design, load_design
from neuroimmune.trials.population import sample_covariates, sample_population
from neuroimmune.trials.run import run_trial

BASE = {
    "name": "mini-covariates",
    "population": {"n": 12, "seed": 7, "baseline": {"stress_chronic": 0.3},
                   "covariates": {"age": {"dist": "normal", "mean": 45, "sd": 15},
                                  "sex": {"dist": "bernoulli", "p": 0.4},
                                  "bmi": {"dist": "lognormal", "median": 27, "sd_log": 0.2}}},
    "inclusion": [{"variable": "age", "min": 18, "max": 65}],
    "arms": [{"name": "placebo", "control": True, "treatments": [{"name": "placebo"}]},
             {"name": "escitalopram", "treatments": [{"name": "escitalopram", "dose": "10 mg", "at": "08:00"}]}],
    "duration": "14 d", "visits": ["0 d", "14 d"],
    "endpoints": [{"type": "change", "at": "14 d"}, {"type": "biomarker_change", "variable": "il6", "at": "14 d"}],
    "strata": {"variable": "bmi", "bands": [0, 25, 30, 100]},
}


@pytest.fixture(scope="module")
def model():
    return ni.default_model()


def test_deurenberg_body_fat_and_adiposity():
    # the adult formula of Deurenberg 1991, computed by hand: 1.2*25 + 0.23*40 - 10.8 - 5.4 = 23.0
    assert body_fat_percent(25.0, 40.0, 1.0) == pytest.approx(23.0)
    assert body_fat_percent(25.0, 40.0, 0.0) == pytest.approx(33.8)
    assert adiposity(REFERENCE["bmi"]) == pytest.approx(1.0)
    # BMI 35 at the reference age and sex: (1.2*35 + 0.23*45 - 5.4 - 5.4) * 35 / ((30 + 10.35 - 10.8) * 25)
    assert adiposity(35.0) == pytest.approx((42.0 + 10.35 - 10.8) * 35 / ((30.0 + 10.35 - 10.8) * 25))


def test_adipose_il6_raises_il6_and_crp_by_the_release_over_clearance(model):
    result = ni.simulate("healthy-day", patients=[{"adiposity": 1.0}, {"adiposity": 2.0}],
                         outputs=["il6", "crp", "tnf"], times=[8.0], workers=1)
    il6, crp, tnf = result.values[:, 0, 0], result.values[:, 0, 1], result.values[:, 0, 2]
    # adipose output at adiposity 2 is fat mass 2 times the release per unit fat mass, whose stromal share s
    # grows as adiposity^g (macrophage infiltration): 2 (1 - s + s 2^g) times the reference adipose release,
    # a share of k_il6 x il6_ref; divided by the clearance k_il6 it adds share x il6_ref x (output - 1) to
    # plasma IL-6 (little feedback at rest)
    p = {name: model.parameter_index[name].value for name in
         ("adipose_il6_share", "il6_ref", "adipose_stromal_share", "adipose_macrophage_exp")}
    output = 2.0 * (1 - p["adipose_stromal_share"] + p["adipose_stromal_share"] * 2.0 ** p["adipose_macrophage_exp"])
    expected = p["adipose_il6_share"] * p["il6_ref"] * (output - 1)
    assert il6[1] - il6[0] == pytest.approx(expected, rel=0.1)
    assert crp[1] > crp[0] * 1.05  # IL-6 drives hepatic CRP
    assert tnf[1] == pytest.approx(tnf[0], rel=0.01)  # subcutaneous fat does not release TNF-alpha


def test_covariates_are_per_patient_and_leave_parameter_draws_unchanged(model):
    with_cov = Population.model_validate(BASE["population"] | {"parameters": {
        "inflammatory_load": {"dist": "lognormal", "median": 0.5, "sd_log": 1.0}}})
    without = with_cov.model_copy(update={"covariates": {}})
    a, b = sample_population(with_cov, model), sample_population(without, model)
    pd.testing.assert_series_equal(a["inflammatory_load"], b["inflammatory_load"])
    assert "adiposity" in a and "adiposity" not in b
    cov = sample_covariates(with_cov)
    assert set(cov.columns) == {"age", "sex", "bmi"} and set(cov["sex"]) <= {0.0, 1.0}
    np.testing.assert_allclose(a["adiposity"], adiposity(cov["bmi"].to_numpy()))
    bigger = sample_covariates(with_cov.model_copy(update={"n": 30}))
    pd.testing.assert_frame_equal(bigger.iloc[:12], cov)  # patient 7 is the same patient in any population size
    large = sample_covariates(with_cov.model_copy(update={"n": 4000}))
    assert large["sex"].mean() == pytest.approx(0.4, abs=0.03)
    assert large["bmi"].median() == pytest.approx(27.0, rel=0.03)


def test_a_trial_includes_and_stratifies_on_covariates(tmp_path):
    trial = run_trial(load_design(BASE), out_dir=tmp_path, workers=1)
    table = pd.read_parquet(tmp_path / "patients.parquet")
    assert {"age", "sex", "bmi", "bmi_baseline"} <= set(table.columns)
    assert table["age"].between(18, 65).all()
    screened = sample_covariates(load_design(BASE).population)
    assert trial.summary["flow"]["randomised"] == int(screened["age"].between(18, 65).sum())
    strata = trial.summary["endpoints"][0]["by_stratum"]
    assert set(strata) == {"0-25", "25-30", "30-100"}


@pytest.mark.parametrize("change, message", [
    (("covariates", "height", {"dist": "normal", "mean": 170, "sd": 10}), "unknown covariate 'height'"),
    (("covariates", "sex", {"dist": "normal", "mean": 0.5, "sd": 0.1}), "sex is drawn as 'bernoulli'"),
    (("covariates", "bmi", {"dist": "bernoulli", "p": 0.5}), "'bernoulli' draws 0 or 1 and is for the covariate sex"),
    (("covariates", "age", {"dist": "normal", "mean": 150, "sd": 5}), "centre 150 lies outside the plausible range of age"),
    (("covariates", "sex", {"dist": "bernoulli"}), "population.covariates.sex.p: a bernoulli distribution needs p"),
    (("parameters", "stress_chronic", {"dist": "bernoulli", "p": 0.5}), "is for the covariate sex"),
    (("parameters", "adiposity", {"dist": "lognormal", "median": 1.0, "sd_log": 0.2}),
     "adiposity is set from the covariate bmi here"),
])
def test_covariate_mistakes_are_named(model, change, message):
    data = copy.deepcopy(BASE)
    section, name, value = change
    data["population"].setdefault(section, {})[name] = value
    with pytest.raises(ScenarioError) as err:
        check_design(load_design(data), model)
    assert message in str(err.value)


def test_criteria_on_covariates_the_population_lacks_or_cannot_meet(model):
    data = copy.deepcopy(BASE)
    del data["population"]["covariates"]["age"]
    with pytest.raises(ScenarioError, match="'age' is a covariate this population does not draw"):
        check_design(load_design(data), model)
    data = copy.deepcopy(BASE)
    data["inclusion"] = [{"variable": "age", "max": 10}]
    with pytest.raises(ScenarioError, match="age runs from 18 to 90; no patient can qualify"):
        check_design(load_design(data), model)
