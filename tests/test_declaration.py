"""The declaration of the biology: every parameter sourced, every name defined, ports wired."""

import dataclasses

import pytest

from neuroimmune.errors import ModelError
from neuroimmune.model import Model
from neuroimmune.model.dexamethasone import dexamethasone
from neuroimmune.model.hpa import hpa_axis
from neuroimmune.model.spec import Input, Parameter, Source, State, Subsystem
from neuroimmune.validation.targets import load_targets


def test_every_parameter_has_unit_bounds_and_an_honest_source(model):
    for p in model.parameters:
        src = p.parsed_source
        assert p.bounds[0] <= p.value <= p.bounds[1], p.id
        if src.kind == "ref":
            assert "not verified" in src.reference, p.id
        if src.kind == "assumed":
            assert len(src.reference) > 10, f"{p.id}: an assumption needs a reason"


def test_calibrated_parameters_name_existing_calibration_targets(model):
    """A cited id is a target id or, failing that, a group prefix (A18 covers A18-peak, A18-nadir, ...)."""
    targets = load_targets()
    for p in model.parameters:
        for tid in p.parsed_source.target_ids:
            matches = [t for t in targets if t.id == tid] or [t for t in targets if t.id.startswith(tid + "-")]
            assert matches, f"{p.id} cites unknown target {tid}"
            assert all(t.role == "calibration" for t in matches), f"{p.id} was fitted to validation target {tid}"


def test_source_strings_are_checked():
    with pytest.raises(ModelError, match="must start with"):
        Source.parse("Smith 2020", where="x")
    with pytest.raises(ModelError, match="not a DOI"):
        Source.parse("doi:Smith2020", where="x")
    with pytest.raises(ModelError, match="DOI not verified"):
        Source.parse("ref: Smith 2020", where="x")
    assert Source.parse("calibrated: A1, D7; note", where="x").target_ids == ("A1", "D7")


def test_parameter_outside_its_bounds_is_rejected():
    with pytest.raises(ModelError, match="within its bounds"):
        Parameter("k", 5.0, "1/h", (0.0, 1.0), "assumed: test value for the check", "test")


def test_undefined_name_is_reported_with_its_place():
    sub = Subsystem("toy", "Toy", "", states=(State("x", "x", "1", 0.0, "k_missing * x", "x"),))
    with pytest.raises(ModelError, match=r"rate of state 'x'.*k_missing"):
        Model("toy", (sub,))


def test_unprovided_port_is_reported():
    sub = Subsystem("toy", "Toy", "", states=(State("x", "x", "1", 0.0, "-y", "x"),), inputs=(Input("y", "1", "y"),))
    with pytest.raises(ModelError, match="reads 'y', which no subsystem provides"):
        Model("toy", (sub,))


def test_duplicate_ids_are_reported():
    with pytest.raises(ModelError, match="defined twice"):
        Model("dup", (dexamethasone(), dexamethasone()))


def test_reading_another_subsystem_needs_a_declared_input():
    hpa = hpa_axis()
    broken = dataclasses.replace(hpa, inputs=tuple(i for i in hpa.inputs if i.id != "cytokine_index"))
    from neuroimmune.model.immune import innate_immunity
    with pytest.raises(ModelError, match="without declaring"):
        Model("x", (broken, innate_immunity(), dexamethasone()))


def test_with_parameters_keeps_bounds_and_rejects_unknown_names(model):
    changed = model.with_parameters({"k_crp": 0.04})
    assert changed.parameter_index["k_crp"].value == 0.04
    assert changed.fingerprint != model.fingerprint
    with pytest.raises(ModelError, match="unknown parameter"):
        model.with_parameters({"no_such": 1.0})
    with pytest.raises(ModelError, match="within its bounds"):
        model.with_parameters({"k_crp": 10.0})


def test_the_model_exposes_the_inputs_later_subsystems_need(model):
    exo = {i.id for i in model.exogenous_inputs}
    assert {"inflammatory_load", "stress_acute", "stress_chronic", "plasticity_support", "amino_acid_load",
            "epa_intake", "dha_intake", "exercise", "therapy_session", "expectation", "ketamine_infusion"} <= exo
    # inputs that a later subsystem now provides are wired, not exogenous
    provided = {"stress_symptoms", "hippocampal_restraint", "ifn_signal", "nfkb_inhibition_ppar",
                "nfkb_inhibition_ecb", "nfkb_inhibition_drug", "sert_inhibition", "tnf_neutralisation",
                "pge2_il6_factor", "stress_appraisal", "rapid_relief", "cox2_inhibition"}
    assert not provided & exo
    assert provided <= set(model.variables)
