"""Trial design files: a valid design passes; every kind of mistake is named before anything runs."""

import copy

import pytest
import yaml

import neuroimmune as ni
from neuroimmune.errors import ScenarioError
from neuroimmune.trials.design import check_design, load_design
from neuroimmune.trials.phenotypes import load_phenotypes
from neuroimmune.trials.population import sample_population

DESIGN = {
    "name": "ssri-celecoxib-8-weeks",
    "population": {"n": 300, "seed": 1, "baseline": {"stress_chronic": 0.5},
                   "parameters": {"gr_sensitivity_central": {"dist": "lognormal", "median": 1.0, "sd_log": 0.25},
                                  "inflammatory_load": {"dist": "lognormal", "median": 0.5, "sd_log": 1.0}}},
    "inclusion": [{"variable": "hamd17", "min": 18}, {"variable": "CRP", "max": 10}],
    "arms": [{"name": "placebo", "control": True, "treatments": [{"name": "placebo"}]},
             {"name": "escitalopram", "treatments": [{"name": "escitalopram", "dose": "10 mg", "at": "08:00"},
                                                     {"name": "placebo"}]},
             {"name": "escitalopram+celecoxib", "treatments": [
                 {"name": "escitalopram", "dose": "10 mg", "at": "08:00"},
                 {"name": "celecoxib", "dose": "200 mg", "at": "08:00", "every": "12 h"}]}],
    "allocation": [1, 1, 1],
    "duration": "56 d",
    "visits": ["0 d", "7 d", "14 d", "28 d", "42 d", "56 d"],
    "scale": "hamd17",
    "dropout": {"per_week": 0.02},
    "endpoints": [{"type": "change", "at": "56 d"}, {"type": "response", "at": "56 d"},
                  {"type": "remission", "at": "56 d", "max": 7},
                  {"type": "biomarker_change", "variable": "il6", "at": "56 d"}],
    "strata": {"variable": "crp", "bands": [0, 1, 3, 1000]},
}


@pytest.fixture(scope="module")
def model():
    return ni.default_model()


def test_a_valid_design_file_passes(tmp_path, model):
    path = tmp_path / "design.yaml"
    path.write_text(yaml.safe_dump(DESIGN))
    design = load_design(path)
    check_design(design, model)
    assert [a.name for a in design.arms] == ["placebo", "escitalopram", "escitalopram+celecoxib"]
    assert design.duration.to("h") == 56 * 24


def _with(path: str, value):
    data = copy.deepcopy(DESIGN)
    *keys, last = path.split(".")
    target = data
    for key in keys:
        target = target[int(key)] if key.isdigit() else target[key]
    if last.isdigit():
        target[int(last)] = value
    else:
        target[last] = value
    return data


@pytest.mark.parametrize("path, value, message", [
    ("arms.1.treatments.0.name", "escitalopam", "arms[1] (escitalopram).treatments[0].name: unknown treatment "
                                                "'escitalopam'; did you mean 'escitalopram'?"),
    ("endpoints.0", {"type": "change", "at": "56 d", "scale": "hamd21"}, "endpoints[0].scale: unknown rating scale "
                                                                          "'hamd21'"),
    ("visits.5", "70 d", "visits[5]: 70 d lies after the end of the trial (56 d)"),
    ("inclusion.0", {"variable": "hamd17", "min": 60}, "hamd17 runs from 0 to 52; no patient can qualify"),
    ("inclusion.0", {"variable": "hamd17", "min": 20, "max": 10}, "min 20 is above max 10; no patient can qualify"),
    ("inclusion.1", {"variable": "crp", "max": -1}, "max -1 is below zero"),
    ("inclusion.1", {"variable": "cortisone", "max": 5}, "inclusion[1].variable: 'cortisone' is not a model variable"),
    ("endpoints.2", {"type": "remission", "at": "56 d"}, "endpoints[2].max: a remission endpoint needs"),
    ("endpoints.1", {"type": "response", "at": "50 d"}, "endpoints[1].at: 50 d is not a visit"),
    ("allocation", [1, 1], "allocation: give one positive whole number per arm (3 arms)"),
    ("arms.0.control", False, "mark exactly one arm 'control: true'; got 0"),
    ("population.parameters.gr_sensitivity_central", {"dist": "lognormal", "median": 9.0, "sd_log": 0.2},
     "lies outside the plausible range of gr_sensitivity_central"),
    ("population.parameters.no_such", {"dist": "normal", "mean": 1, "sd": 0.1}, "'no_such' is not a model parameter"),
    ("population.baseline", {"stress_chronic": 50}, "population.baseline.stress_chronic: value 50 outside"),
    ("strata.bands", [0, 3, 1], "strata.bands: give at least three increasing edges"),
    ("arms.2.treatments.1.dose", "2000 mg", "outside the safe range for celecoxib"),
    ("population.phenotype", "mdd_inflammed", "population.phenotype: unknown phenotype 'mdd_inflammed' "
                                              "(did you mean 'mdd_inflamed'?)"),
    ("endpoints.0", {"type": "incidence", "at": "56 d", "scale": "madrs"}, "endpoints[0].min: an incidence "
                                                                           "endpoint needs the lowest score"),
    ("endpoints.0", {"type": "incidence", "at": "56 d", "min": 70}, "endpoints[0].min: 70 lies outside the "
                                                                    "hamd17 range [0, 52]"),
    ("arms.0.challenges", [{"type": "interferon_alpha", "dose": "3 MIU", "start": "day 60 09:00",
                            "duration": "28 d"}], "arms[0] (placebo).challenges[0].start: 60.375 d lies after "
                                                  "the end of the trial (56 d)"),
    ("population.select", [{"variable": "crpp", "target": {"dist": "lognormal", "median": 1.3, "sd_log": 1.3}}],
     "population.select[0].variable: 'crpp' is not a model variable"),
    ("population.select", [{"variable": "crp", "target": {"dist": "uniform", "low": 0, "high": 3}}],
     "population.select[0].target.dist: a selection target is 'lognormal' or 'normal'; got 'uniform'"),
    ("population.select", [{"variable": "crp", "target": {"dist": "lognormal", "median": 1.3}}],
     "population.select[0].target.sd_log: a lognormal distribution needs median and sd_log"),
    ("population.select", [{"variable": "crp", "target": {"dist": "normal", "mean": 1.3, "sd": 0}}],
     "population.select[0].target: the spread must be above zero"),
    ("population.select", [{"variable": "crp", "target": {"dist": "lognormal", "median": 1.3, "sd_log": 1.3},
                            "among": [{"variable": "hamd17", "min": 60}]}],
     "population.select[0].among[0]: hamd17 runs from 0 to 52; no patient can qualify"),
])
def test_design_mistakes_are_named_before_any_simulation(model, path, value, message):
    with pytest.raises(ScenarioError) as err:
        check_design(load_design(_with(path, value)), model)
    assert message in str(err.value)


def test_schema_errors_name_the_field(tmp_path):
    data = _with("population.n", 0)
    data["colour"] = "blue"
    with pytest.raises(ScenarioError) as err:
        load_design(data)
    text = str(err.value)
    assert "population.n: Input should be greater than or equal to 1" in text
    assert "colour: unknown field" in text
    with pytest.raises(ScenarioError, match="does not exist"):
        load_design(tmp_path / "missing.yaml")


def test_every_phenotype_is_sourced_and_within_the_model_bounds(model):
    phenotypes = load_phenotypes()
    assert {"healthy", "mdd", "mdd_inflamed", "mdd_noninflamed", "gad", "trd"} <= set(phenotypes)
    for name, phenotype in phenotypes.items():
        assert phenotype.parameters, name
        assert set(phenotype.covariates) == {"age", "sex", "bmi"}, name
        for pid in [*phenotype.parameters, *phenotype.covariates]:
            source = phenotype.sources[pid]
            assert source.startswith(("assumed:", "calibrated:", "doi:")), (name, pid, source)
        check_design(load_design(_with("population.phenotype", name)), model)


def test_a_phenotype_supplies_distributions_and_the_design_overrides_them(model):
    design = load_design(_with("population.phenotype", "mdd_inflamed"))
    drawn = sample_population(design.population.model_copy(update={"n": 400}), model)
    phenotype = load_phenotypes()["mdd_inflamed"]
    assert set(phenotype.parameters) <= set(drawn.columns)
    # the design's own inflammatory_load (median 0.5) replaces the phenotype's (median 1.0)
    assert drawn["inflammatory_load"].median() == pytest.approx(0.5, rel=0.15)
    assert drawn["stress_chronic"].median() == pytest.approx(phenotype.parameters["stress_chronic"].median, rel=0.15)
    inflamed = sample_population(design.population.model_copy(update={"n": 400, "parameters": {}}), model)
    assert inflamed["inflammatory_load"].median() == pytest.approx(1.0, rel=0.15)


def test_between_person_spreads_are_centred_on_the_calibrated_model(model):
    """Spreads of model parameters keep the calibrated value as their median, so the typical
    virtual patient is the model that the single-patient targets score."""
    defaults = {p.id: p.value for p in model.parameters}
    for name, phenotype in load_phenotypes().items():
        for pid in ("v_il6", "v_tnf", "trp_intake", "k_kyn", "v_acth", "v_crp"):
            dist = phenotype.parameters[pid]
            assert dist.dist == "lognormal" and dist.median == pytest.approx(defaults[pid], rel=1e-5), (name, pid)
