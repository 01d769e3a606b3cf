"""Generated SBML: valid with zero libSBML errors, equal to a hand-written reference for a
sub-model, and simulated by libRoadRunner to the values the engine returns."""

from pathlib import Path

import libsbml
import numpy as np
import pytest
import roadrunner

import neuroimmune as ni
from neuroimmune.model import Model
from neuroimmune.model.dexamethasone import dexamethasone
from neuroimmune.sbml import model_to_sbml, validate_sbml
from neuroimmune.sbml.io import export_model_sbml

DATA = Path(__file__).parent / "data"


def test_full_model_sbml_has_no_errors_and_no_unit_warnings(model):
    issues = validate_sbml(model_to_sbml(model))
    assert [i for i in issues if i.severity == "error"] == []
    assert [i for i in issues if i.severity == "warning"] == []


def test_sbml_carries_units_sources_and_annotations(model):
    doc = model_to_sbml(model)
    sbml = doc.getModel()
    assert (doc.getLevel(), doc.getVersion()) == (3, 2)
    k_crp = sbml.getParameter("k_crp")
    assert sbml.getUnitDefinition(k_crp.getUnits()) is not None
    assert "10.1172/jci116336" in k_crp.getNotesString()
    assert "https://identifiers.org/doi:10.1172/jci116336" in k_crp.getAnnotationString()
    assert "uniprot:P05231" in sbml.getParameter("il6").getAnnotationString()  # IL-6
    assert "no medical advice" in sbml.getNotesString()


def _dex_submodel() -> Model:
    return Model("dexamethasone_reference", (dexamethasone(),)).with_parameters({"v_dex": 45.0, "dex_gr_potency": 10.0})


def test_generated_submodel_matches_hand_written_reference():
    reference = libsbml.readSBMLFromFile(str(DATA / "dexamethasone_reference.xml"))
    assert reference.getNumErrors(libsbml.LIBSBML_SEV_ERROR) == 0
    generated = model_to_sbml(_dex_submodel(), initial_state={"dex_gut": 2548.0}).getModel()
    ref = reference.getModel()
    ids = lambda m: {m.getParameter(i).getId() for i in range(m.getNumParameters())}  # noqa: E731
    assert ids(generated) == ids(ref)
    for i in range(ref.getNumParameters()):
        rp = ref.getParameter(i)
        gp = generated.getParameter(rp.getId())
        assert gp.getValue() == pytest.approx(rp.getValue()), rp.getId()
        assert gp.getConstant() == rp.getConstant(), rp.getId()
        r_units = ref.getUnitDefinition(rp.getUnits()) or libsbml.UnitDefinition(3, 2)
        g_units = generated.getUnitDefinition(gp.getUnits()) or libsbml.UnitDefinition(3, 2)
        if rp.getUnits() == "dimensionless":
            assert gp.getUnits() == "dimensionless", rp.getId()
        else:
            assert libsbml.UnitDefinition.areEquivalent(r_units, g_units), rp.getId()
    for i in range(ref.getNumRules()):
        rr_ = ref.getRule(i)
        gr = generated.getRule(rr_.getVariable())
        assert gr.getTypeCode() == rr_.getTypeCode(), rr_.getVariable()
        assert libsbml.formulaToL3String(gr.getMath()) == libsbml.formulaToL3String(rr_.getMath())


def test_generated_submodel_simulates_like_the_reference():
    ref = roadrunner.RoadRunner(str(DATA / "dexamethasone_reference.xml"))
    gen = roadrunner.RoadRunner(libsbml.writeSBMLToString(model_to_sbml(_dex_submodel(), initial_state={"dex_gut": 2548.0})))
    cols = ["time", "dexamethasone", "dexamethasone_free"]
    ref.timeCourseSelections = gen.timeCourseSelections = cols
    a, b = ref.simulate(0, 12, 25), gen.simulate(0, 12, 25)
    np.testing.assert_allclose(np.array(a), np.array(b), rtol=1e-6, atol=1e-9)
    # independent closed form of the one-compartment oral model at 9.5 h (23:00 -> 08:30)
    ka, ke, f, v, dose = 1.15, 0.2064, 0.78, 45.0, 2548.0
    t = 9.5
    expected = f * dose * ka / (v * (ka - ke)) * (np.exp(-ke * t) - np.exp(-ka * t))
    gen.resetAll()
    gen.timeCourseSelections = ["time", "dexamethasone"]
    assert np.array(gen.simulate(0, t, 2))[-1, 1] == pytest.approx(expected, rel=1e-5)


@pytest.mark.parametrize("scenario", ["healthy-day", "endotoxin-2ngkg"])
def test_exported_sbml_reproduces_the_engine(tmp_path, scenario):
    path, issues = export_model_sbml(tmp_path / "model.xml", scenario=scenario)
    assert [i for i in issues if i.severity == "error"] == []
    variables = ["cortisol", "acth", "tnf", "il6", "crp"]
    times = np.arange(0, 48.01, 0.5)
    engine = ni.simulate(scenario, outputs=variables, times=times, workers=1)
    rr = roadrunner.RoadRunner(str(path))
    rr.getIntegrator().setValue("relative_tolerance", 1e-9)
    rr.timeCourseSelections = ["time", *variables]
    direct = np.array(rr.simulate(times=times.tolist()))[:, 1:]
    np.testing.assert_allclose(direct, engine.values[0], rtol=2e-4, atol=1e-6)


def test_exported_sbml_reproduces_treatments(tmp_path):
    """Doses into depots and infusion rates switched on and off become SBML events."""
    import yaml

    scenario = tmp_path / "treated.yaml"
    scenario.write_text(yaml.safe_dump({
        "name": "treated", "duration": "2 d", "baseline": {"inflammatory_load": 1.0},
        "treatments": [{"name": "escitalopram", "dose": "10 mg", "at": "08:00"},
                       {"name": "infliximab", "dose": "5 mg/kg", "times": ["day 0 09:00"]}]}))
    path, issues = export_model_sbml(tmp_path / "model.xml", scenario=str(scenario))
    assert [i for i in issues if i.severity == "error"] == []
    variables = ["escitalopram", "sert_inhibition", "infliximab", "tnf", "crp"]
    times = np.arange(0, 48.01, 0.5)
    engine = ni.simulate(str(scenario), outputs=variables, times=times, workers=1)
    rr = roadrunner.RoadRunner(str(path))
    rr.getIntegrator().setValue("relative_tolerance", 1e-9)
    rr.timeCourseSelections = ["time", *variables]
    direct = np.array(rr.simulate(times=times.tolist()))[:, 1:]
    np.testing.assert_allclose(direct, engine.values[0], rtol=2e-4, atol=1e-6)
