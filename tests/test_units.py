"""Unit parsing and conversions, checked against independent arithmetic."""

import math

import pytest

from neuroimmune.errors import UnitError
from neuroimmune.units import MOLAR_MASS, convert, parse_unit


def test_cortisol_ug_per_dl_to_nmol_per_l_matches_the_clinical_factor():
    # targets.md: 1 ug/dL = 27.59 nmol/L (molar mass 362.46 g/mol)
    assert convert(1.0, "ug/dL", "nmol/L", molar_mass=MOLAR_MASS["cortisol"]) == pytest.approx(27.59, abs=0.01)
    assert convert(428.0, "nmol/L", "ug/dL", molar_mass=MOLAR_MASS["cortisol"]) == pytest.approx(15.51, abs=0.01)


def test_acth_pg_per_ml_to_pmol_per_l():
    # 1 pg/mL = 1e-12 g / 1e-3 L = 1e-9 g/L; / 4541.1 g/mol = 0.2202 pmol/L
    assert convert(1.0, "pg/mL", "pmol/L", molar_mass=MOLAR_MASS["ACTH"]) == pytest.approx(1e3 / 4541.1, rel=1e-9)


def test_dexamethasone_one_milligram_is_2548_nanomoles():
    assert convert(1.0, "mg", "nmol", molar_mass=MOLAR_MASS["dexamethasone"]) == pytest.approx(1e6 / 392.46)


def test_time_and_rate_conversions():
    assert convert(20.0, "min", "h") == pytest.approx(1 / 3)
    assert convert(2.0, "d", "h") == 48.0
    assert convert(0.44, "nmol/L/s", "nmol/L/h") == pytest.approx(1584.0)  # Dorin 2012 CSRmax
    assert convert(1.0, "mg/L", "pg/mL") == pytest.approx(1e6)


def test_same_dimension_needed_without_molar_mass():
    with pytest.raises(UnitError, match="molar mass"):
        convert(1.0, "ug/dL", "nmol/L")
    with pytest.raises(UnitError, match="dimensions differ"):
        convert(1.0, "pg/mL", "h")


def test_unknown_unit_names_the_part():
    with pytest.raises(UnitError, match="'furlong'"):
        parse_unit("furlong/h")


def test_sbml_ids_and_factors():
    unit = parse_unit("pg/mL/h")
    assert unit.sbml_id == "u_pg_per_mL_per_h"
    assert parse_unit("1/h").sbml_id == "u_per_h"
    assert parse_unit("1").sbml_id == "dimensionless"
    kinds = {k: (e, s, m) for k, e, s, m in unit.sbml_factors()}
    assert kinds["gram"] == (1, -12, 1.0)
    assert kinds["litre"] == (-1, -3, 1.0)
    assert kinds["second"] == (-1, 0, 3600.0)
    assert math.isclose(unit.factor, 1e-12 / 1e-3 / 3600)
