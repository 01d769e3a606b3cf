"""Results: tidy tables with units, files with provenance, conversions at the edges."""

import json

import numpy as np
import pandas as pd
import pytest

import neuroimmune as ni


@pytest.fixture(scope="module")
def result():
    return ni.simulate("healthy-day", outputs=["cortisol", "acth", "il6"], times=np.arange(0, 48.01, 1.0), workers=1)


def test_tidy_table_has_units_and_every_value(result):
    frame = result.to_frame()
    assert list(frame.columns) == ["patient", "time_h", "variable", "value", "unit"]
    assert len(frame) == 49 * 3
    units = frame.drop_duplicates("variable").set_index("variable")["unit"].astype(str).to_dict()
    assert units == {"cortisol": "nmol/L", "acth": "pg/mL", "il6": "pg/mL"}


def test_conversion_at_the_edges(result):
    nmol = result.series("cortisol")
    ugdl = result.series("cortisol", unit="ug/dL")
    np.testing.assert_allclose(nmol / ugdl, 27.59, rtol=1e-3)


def test_files_carry_provenance(tmp_path, result):
    path = result.save(tmp_path / "r.parquet")
    frame = pd.read_parquet(path)
    assert set(frame["variable"]) == {"cortisol", "acth", "il6"}
    prov = json.loads((tmp_path / "r.provenance.json").read_text())
    assert prov["model_fingerprint"] == ni.default_model(drugs=()).fingerprint  # untreated: no drug PK states
    assert prov["model_drugs"] == []
    assert prov["solver"]["kisao"] == "KISAO:0000019"
    assert prov["patient_status"] == {"patient-0": "ok"}
    csv = result.save(tmp_path / "r.csv")
    assert pd.read_csv(csv).shape == (49 * 3, 5)
    with pytest.raises(ni.errors.NeuroimmuneError, match="must end in"):
        result.save(tmp_path / "r.txt")


def test_unrecorded_variable_names_what_was_recorded(result):
    with pytest.raises(ni.errors.NeuroimmuneError, match="recorded: cortisol, acth, il6"):
        result.series("tnf")
