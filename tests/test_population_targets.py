"""Population targets: how they are declared, checked and computed.

Their verdicts at the declared sizes are in the scorecard (`make validate`); here small
cohorts and one short trial check that each statistic equals an independent computation
from the same virtual patients, that mistakes in a declaration are named when the targets
load, and that a scorecard folder is reused by a rerun and cleared for another size.
"""

import dataclasses
import json
import math

import numpy as np
import pytest
import yaml
from scipy import stats

from neuroimmune.errors import ValidationDataError
from neuroimmune.validation.population_measures import PopulationMeasure, load_populations
from neuroimmune.validation.populations import PopulationRuns, _trial_value, evaluate_population
from neuroimmune.validation.scoring import score_targets
from neuroimmune.validation.targets import load_targets

POPULATIONS = load_populations()


def measure(**data):
    return PopulationMeasure.from_dict(data, where="t", populations=POPULATIONS)


@pytest.fixture(scope="module")
def runs(model, tmp_path_factory):
    return PopulationRuns(model, size=16, workers=1, out_dir=tmp_path_factory.mktemp("pop"),
                          variables=("crp", "il6", "cortisol"))


def test_cohorts_keep_patients_by_their_case_definition(runs):
    depressed, controls = runs.cohort("depressed"), runs.cohort("controls")
    # the mdd phenotype keeps about a third of its draws (selection to the published CRP distribution)
    assert len(depressed["hamd17"]) >= 4 and (depressed["hamd17"] >= 14).all()
    assert len(controls["hamd17"]) >= 8 and (controls["hamd17"] <= 7).all()
    assert set(depressed) == {"hamd17", "crp", "il6", "cortisol", "age", "sex", "bmi"}  # outputs and covariates


def test_cohort_statistics_match_an_independent_computation(runs):
    case, control = runs.cohort("depressed")["crp"], runs.cohort("controls")["crp"]
    assert evaluate_population(measure(kind="share", cohort="depressed", variable="crp", above=1), runs) == \
        pytest.approx(sum(v > 1 for v in case) / len(case))
    assert evaluate_population(measure(kind="mean_difference", case="depressed", control="controls",
                                       variable="crp"), runs) == pytest.approx(case.mean() - control.mean())
    # Hedges g: Cohen's d on the pooled SD times J = 1 - 3 / (4 (n1 + n2) - 9)
    n1, n2 = len(case), len(control)
    pooled = math.sqrt(((n1 - 1) * case.var(ddof=1) + (n2 - 1) * control.var(ddof=1)) / (n1 + n2 - 2))
    g = (case.mean() - control.mean()) / pooled * (1 - 3 / (4 * (n1 + n2) - 9))
    assert evaluate_population(measure(kind="hedges_g", case="depressed", control="controls", variable="crp"),
                               runs) == pytest.approx(g)
    cv = (stats.variation(case, ddof=1)) / (stats.variation(control, ddof=1))
    assert evaluate_population(measure(kind="cv_ratio", case="depressed", control="controls", variable="crp"),
                               runs) == pytest.approx(cv)
    a, c = int((case > 1).sum()), int((control > 1).sum())
    b, d = n1 - a, n2 - c
    if 0 in (a, b, c, d):
        a, b, c, d = a + 0.5, b + 0.5, c + 0.5, d + 0.5
    assert evaluate_population(measure(kind="odds_ratio", case="depressed", control="controls", variable="crp",
                                       above=1), runs) == pytest.approx(a * d / (b * c))


def test_covariate_odds_ratio_matches_an_independent_computation(runs):
    adults = runs.cohort("adults")
    assert len(adults["crp"]) == 16  # everyone kept
    for sex in (None, 0, 1):
        mask = np.ones(16, dtype=bool) if sex is None else adults["sex"] == sex
        exposed, reference = mask & (adults["bmi"] >= 25.5), mask & (adults["bmi"] < 25.5)
        high = adults["crp"] > 1.5
        m = measure(kind="covariate_odds_ratio", cohort="adults", variable="crp", above=1.5, covariate="bmi",
                    exposed=[25.5, 100], reference=[0, 25.5], **({} if sex is None else {"sex": sex}))
        value = evaluate_population(m, runs)
        if exposed.sum() < 2 or reference.sum() < 2:
            assert math.isnan(value)
            continue
        a, c = int((high & exposed).sum()), int((high & reference).sum())
        b, d = int(exposed.sum()) - a, int(reference.sum()) - c
        if 0 in (a, b, c, d):
            a, b, c, d = a + 0.5, b + 0.5, c + 0.5, d + 0.5
        assert value == pytest.approx(a * d / (b * c))


def test_trial_statistics_are_read_from_the_trial_summary(runs):
    summary = runs.trial("ketamine-vs-saline-24-hours")
    response = summary["endpoints"][0]
    rate = evaluate_population(measure(kind="trial", trial="ketamine-vs-saline-24-hours",
                                       endpoint={"type": "response"}, arm="ketamine", statistic="rate"), runs)
    assert rate == response["by_arm"]["ketamine"]["mean"]
    odds = evaluate_population(measure(kind="trial", trial="ketamine-vs-saline-24-hours",
                                       endpoint={"type": "response"}, arm="ketamine", statistic="odds_ratio"), runs)
    assert odds == response["versus_control"]["ketamine"]["odds_ratio"]
    assert (runs.trial_dirs["ketamine-vs-saline-24-hours"] / "report.html").exists()


def test_share_of_late_responders():
    summary = {"endpoints": [{"endpoint": {"type": "time_to_response", "at": "84 d"}, "by_arm": {"ssri": {
        "first_response_by_visit_day": {"14": 3, "28": 2, "56": 4, "84": 1}}}}]}
    m = measure(kind="trial", trial="ssri-vs-placebo-12-weeks", endpoint={"type": "time_to_response"},
                arm="escitalopram", statistic="share_late", from_day=56)
    m = dataclasses.replace(m, arm="ssri")
    assert _trial_value(m, summary) == pytest.approx(5 / 10)


def test_a_scorecard_folder_is_reused_by_a_rerun_and_cleared_for_another_size(model, tmp_path):
    targets = [t for t in load_targets() if t.id == "B5-CRP3"]
    first = PopulationRuns(model, size=10, workers=1, out_dir=tmp_path, variables=("crp",))
    [score] = score_targets(model, targets=targets, population_runs=first)
    assert score.status in ("pass", "fail") and 0 <= score.model_value <= 1
    chunks = sorted((tmp_path / "populations" / "cohort-depressed").glob("chunk-*.parquet"))
    stamp = chunks[0].stat().st_mtime_ns
    again = PopulationRuns(model, size=10, workers=1, out_dir=tmp_path, variables=("crp",))
    assert score_targets(model, targets=targets, population_runs=again)[0].model_value == score.model_value
    assert chunks[0].stat().st_mtime_ns == stamp  # resumed from the finished chunk, not rerun
    marker = tmp_path / "populations" / "cohort-depressed" / "request.txt"
    before = marker.read_text()
    other = PopulationRuns(model, size=12, workers=1, out_dir=tmp_path, variables=("crp",))
    score_targets(model, targets=targets, population_runs=other)  # another size: the old run is cleared
    assert marker.read_text() != before
    assert chunks[0].stat().st_mtime_ns != stamp


def test_a_scorecard_folder_with_chunks_of_another_run_is_rebuilt_not_an_error(model, tmp_path):
    """Chunks written by an earlier version of the code carry another request than this run's;
    the scorecard's own folder is emptied and the trial run again."""
    first = PopulationRuns(model, size=10, workers=1, out_dir=tmp_path).trial("ketamine-vs-saline-24-hours")
    manifest = tmp_path / "populations" / "trial-ketamine-vs-saline-24-hours" / "checkpoints" / "arm-saline" / \
        "manifest.json"
    data = json.loads(manifest.read_text())
    manifest.write_text(json.dumps(data | {"request": "written-by-an-older-version"}))
    again = PopulationRuns(model, size=10, workers=1, out_dir=tmp_path).trial("ketamine-vs-saline-24-hours")
    assert again == first
    assert json.loads(manifest.read_text())["request"] == data["request"]


@pytest.mark.parametrize("change, message", [
    ({"cohort": "depresed"}, "population.cohort 'depresed' is not a cohort in populations.yaml"),
    ({"above": None}, "population.above (the threshold) is required for kind share"),
    ({"kind": "median"}, "population.kind must be one of"),
    ({"colour": "red"}, "unknown population field(s) ['colour']"),
    ({"kind": "covariate_odds_ratio", "covariate": "height", "exposed": [30, 100], "reference": [0, 25]},
     "population.covariate must be age or bmi"),
    ({"kind": "covariate_odds_ratio", "covariate": "bmi", "reference": [0, 25]},
     "population.exposed and population.reference"),
    ({"kind": "covariate_odds_ratio", "covariate": "bmi", "exposed": [30, 20], "reference": [0, 25]},
     "population.exposed must be an increasing pair"),
    ({"kind": "covariate_odds_ratio", "covariate": "bmi", "exposed": [30, 100], "reference": [0, 25], "sex": 2},
     "population.sex must be 1 (men) or 0 (women)"),
])
def test_cohort_measure_mistakes_are_named(change, message):
    data = {"kind": "share", "cohort": "depressed", "variable": "crp", "above": 3} | change
    with pytest.raises(ValidationDataError) as err:
        PopulationMeasure.from_dict({k: v for k, v in data.items() if v is not None}, where="targets[0] (X)",
                                    populations=POPULATIONS)
    assert message in str(err.value) and "targets[0] (X)" in str(err.value)


@pytest.mark.parametrize("change, message", [
    ({"trial": "ssri-8-weeks"}, "population.trial 'ssri-8-weeks' is not in populations.yaml"),
    ({"statistic": "median"}, "population.statistic 'median'; choose from rate, mean"),
    ({"arm": "sertraline"}, "population.arm 'sertraline' is not an arm of ssri-vs-placebo-12-weeks"),
    ({"endpoint": {"type": "response"}}, "matches 3 endpoints of ssri-vs-placebo-12-weeks; it must match exactly one"),
    ({"endpoint": {"type": "change"}}, "matches 0 endpoints"),
])
def test_trial_measure_mistakes_are_named(change, message):
    data = {"kind": "trial", "trial": "ssri-vs-placebo-12-weeks", "endpoint": {"type": "response", "at": "56 d"},
            "arm": "escitalopram", "statistic": "rate"} | change
    with pytest.raises(ValidationDataError) as err:
        PopulationMeasure.from_dict(data, where="t", populations=POPULATIONS)
    assert message in str(err.value)


def test_a_target_file_with_both_kinds_of_measure_is_refused(tmp_path):
    target = {"id": "X", "row": "B", "quantity": "q", "condition": "c", "unit": "u", "source": "s",
              "role": "validation", "tolerance": {"low": 0, "high": 1},
              "measure": {"kind": "value_at", "variable": "crp", "at": "08:00"},
              "population": {"kind": "share", "cohort": "depressed", "variable": "crp", "above": 3}}
    path = tmp_path / "t.yaml"
    path.write_text(yaml.safe_dump({"targets": [target]}))
    with pytest.raises(ValidationDataError, match="not both"):
        load_targets(path)


def test_every_population_target_names_its_virtual_population_in_the_condition():
    for t in load_targets():
        if t.population is not None:
            assert "model:" in t.condition and ("cohort" in t.condition or "virtual trial" in t.condition), t.id
            assert t.tolerance is not None and not t.not_scored
    assert np.isin(["B5-CRP3", "E2", "G28-response-OR", "G29-placebo-response", "G4-response-OR",
                    "G16-omega3-SMD", "G20-exercise-SMD", "B17-cortisol-d"],
                   [t.id for t in load_targets() if t.population]).all()
