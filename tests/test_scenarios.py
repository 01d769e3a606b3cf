"""Scenario files: typed validation, and errors that name the field, the value and what is allowed."""

import pytest

from neuroimmune.errors import ScenarioError
from neuroimmune.scenarios.compile import compile_scenario
from neuroimmune.scenarios.registry import builtin_scenarios, load_scenario
from neuroimmune.scenarios.schema import load_scenario_file, scenario_from_dict
from neuroimmune.units import MOLAR_MASS


def _base(**extra):
    data = {"name": "t", "duration": "2 d", "challenges": []}
    data.update(extra)
    return data


def _error(data, model=None) -> str:
    with pytest.raises(ScenarioError) as info:
        sc = scenario_from_dict(data)
        if model is not None:
            compile_scenario(sc, model)
    return str(info.value)


def test_unknown_challenge_names_allowed_types():
    msg = _error(_base(challenges=[{"type": "vaccine", "at": "day 1 09:00"}]))
    assert "challenges[0]" in msg and "'vaccine'" in msg and "endotoxin" in msg and "acute_stress" in msg


def test_negative_dose_is_rejected_with_its_value():
    msg = _error(_base(challenges=[{"type": "endotoxin", "dose": "-2 ng/kg", "at": "day 1 09:00"}]))
    assert "challenges[0].dose" in msg and "-2 ng/kg" in msg and "must not be negative" in msg


def test_wrong_unit_lists_allowed_units():
    msg = _error(_base(challenges=[{"type": "endotoxin", "dose": "2 mg", "at": "day 1 09:00"}]))
    assert "challenges[0].dose" in msg and "'mg'" in msg and "ng/kg" in msg


def test_missing_unit_is_rejected():
    msg = _error(_base(challenges=[{"type": "dexamethasone", "dose": "1", "at": "day 1 23:00"}]))
    assert "challenges[0].dose" in msg and "no unit" in msg and "mg" in msg
    msg = _error(_base(duration=3))
    assert "duration" in msg


def test_time_outside_the_run_is_rejected(model):
    msg = _error(_base(challenges=[{"type": "endotoxin", "dose": "2 ng/kg", "at": "day 3 09:00"}]), model)
    assert "challenges[0].at" in msg and "81 h" in msg and "0 to 48 h" in msg


def test_unknown_output_variable_lists_the_choices(model):
    msg = _error(_base(output={"variables": ["cortisol", "melatonin"]}), model)
    assert "output.variables[1]" in msg and "'melatonin'" in msg and "cortisol" in msg


def test_unknown_field_and_bad_clock_time():
    assert "unknown field" in _error(_base(colour="red"))
    msg = _error(_base(challenges=[{"type": "acute_stress", "at": "day 1 25:00"}]))
    assert "challenges[0].at" in msg and "25:00" in msg


def test_overlapping_acute_stress_is_rejected(model):
    ch = [{"type": "acute_stress", "at": "day 1 14:00", "duration": "30 min"},
          {"type": "acute_stress", "at": "day 1 14:10"}]
    assert "overlaps" in _error(_base(challenges=ch), model)


def test_baseline_and_parameters_are_checked(model):
    assert "baseline.nope" in _error(_base(baseline={"nope": 1}), model)
    assert "parameters.k_crp" in _error(_base(parameters={"k_crp": 9.0}), model)


def test_compiled_actions_are_in_model_units(model):
    sc = scenario_from_dict(_base(challenges=[
        {"type": "dexamethasone", "dose": "1 mg", "at": "day 1 23:00"},
        {"type": "endotoxin", "dose": "0.4 ng/kg", "at": "14:00", "strain": "S. abortus equi"},
        {"type": "acute_stress", "at": "38 h", "duration": "20 min"},
    ]))
    tl = compile_scenario(sc, model)
    by_target = {(a.target, a.op): a for a in tl.actions}
    assert by_target[("dex_gut", "add")].value == pytest.approx(1e6 / MOLAR_MASS["dexamethasone"])
    assert by_target[("dex_gut", "add")].time == 47.0
    potency = model.parameter_index["lps_potency_abortus_equi"].value
    assert by_target[("endotoxin", "add")].value == pytest.approx(0.4 * potency)
    stress = [a for a in tl.actions if a.target == "stress_acute"]
    assert [(a.time, a.value) for a in stress] == [(38.0, 1.0), (pytest.approx(38 + 1 / 3), 0.0)]
    assert tl.output_times[0] == 0.0 and tl.output_times[-1] == 48.0


def test_every_builtin_scenario_loads_and_compiles(model):
    assert {"healthy-day", "endotoxin-2ngkg", "tsst", "dexamethasone-suppression-test"} <= set(builtin_scenarios())
    for name in builtin_scenarios():
        compile_scenario(load_scenario(name), model)


def test_yaml_file_errors(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nduration: [1\n")
    with pytest.raises(ScenarioError, match="not valid YAML"):
        load_scenario_file(bad)
    with pytest.raises(ScenarioError, match="does not exist"):
        load_scenario_file(tmp_path / "missing.yaml")
    with pytest.raises(ScenarioError, match="neither a built-in scenario"):
        load_scenario("no-such-scenario")


def test_interferon_course_compiles_to_scheduled_doses(model):
    sc = scenario_from_dict(_base(duration="20 d", challenges=[
        {"type": "interferon_alpha", "dose": "3 MIU", "start": "day 1 20:00", "schedule": "three_times_weekly",
         "duration": "14 d"},
        {"type": "interferon_alpha", "dose": "38 MIU", "route": "iv", "start": "day 15 09:00",
         "schedule": "five_days_a_week", "duration": "3 d"},
    ]))
    tl = compile_scenario(sc, model)
    sc_doses = [a for a in tl.actions if a.target == "ifn_depot"]
    iv_doses = [a for a in tl.actions if a.target == "ifn_circulating"]
    assert [a.time / 24 for a in sc_doses] == pytest.approx([1 + 20 / 24 + d for d in (0, 2, 4, 7, 9, 11)])
    assert all(a.value == 3.0 for a in sc_doses)
    assert [a.time for a in iv_doses] == pytest.approx([15 * 24 + 9, 16 * 24 + 9, 17 * 24 + 9])


def test_interferon_dose_needs_miu_and_depletion_is_timed(model):
    msg = _error(_base(challenges=[{"type": "interferon_alpha", "dose": "3 mg", "start": "day 0 09:00",
                                    "duration": "7 d"}]))
    assert "challenges[0].dose" in msg and "MIU" in msg
    tl = compile_scenario(scenario_from_dict(_base(challenges=[{"type": "tryptophan_depletion", "at": "day 1 08:00"}])),
                          model)
    assert [(a.time, a.target, a.value) for a in tl.actions] == [(32.0, "amino_acid_load", 1.0),
                                                                 (39.0, "amino_acid_load", 0.0)]
