"""Covariates of virtual patients (age, sex, BMI) and what the model makes of them.

A phenotype or a design may draw covariates for each patient. They are kept in the
trial's per-patient table, can be inclusion criteria (``age``, ``bmi``, ``sex``) and
strata, and reach the model where it has a sourced mechanism:

- **BMI** sets ``adiposity``, the body-fat mass relative to the reference adult, through
  the adult body-fat formula of Deurenberg et al. 1991 (Br J Nutr 65:105; body fat % =
  1.2 BMI + 0.23 age - 10.8 sex - 5.4, with sex 1 for men), evaluated at the reference
  age and sex. Adipose tissue releases IL-6 into the circulation (Mohamed-Ali 1997,
  doi:10.1210/jcem.82.12.4450), mostly from its stromal-vascular cells, whose macrophage
  content rises steeply with fat mass, so adiposity raises IL-6 more than in proportion
  and, through the liver, CRP (``adipose_il6_output`` in the immune subsystem).
- **Age and sex** are drawn and reported but do not change the model. In CoLaus
  (doi:10.1371/journal.pone.0021002) IL-6 was higher in men and CRP higher in women and
  with age; fat mass alone (women carry more fat at the same BMI) would give the wrong
  sign for IL-6, and the model has no sourced mechanism for the rest, so the formula is
  evaluated at the reference age and sex rather than the patient's.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from neuroimmune.trials.design import Distribution

__all__ = ["COVARIATES", "REFERENCE", "adiposity", "body_fat_percent", "covariate_parameters",
           "draw_covariate"]

#: Covariate -> (unit, plausible range) of an adult virtual patient.
COVARIATES: dict[str, tuple[str, tuple[float, float]]] = {
    "age": ("years", (18.0, 90.0)),
    "sex": ("1 = male, 0 = female", (0.0, 1.0)),
    "bmi": ("kg/m^2", (15.0, 60.0)),
}

#: The reference adult at whom adiposity is 1 (the model's calibrated typical adult): assumed, a
#: middle-aged adult at the upper edge of normal weight, half men and half women.
REFERENCE = {"age": 45.0, "sex": 0.5, "bmi": 25.0}


def body_fat_percent(bmi: float | np.ndarray, age: float | np.ndarray,
                     sex: float | np.ndarray) -> float | np.ndarray:
    """Adult body fat (%) from BMI, age (years) and sex (1 male, 0 female): Deurenberg et al. 1991."""
    return 1.2 * bmi + 0.23 * age - 10.8 * sex - 5.4


def adiposity(bmi: float | np.ndarray) -> float | np.ndarray:
    """Body-fat mass per height squared relative to the reference adult (1 at BMI 25)."""
    age, sex = REFERENCE["age"], REFERENCE["sex"]
    fat_mass_index = body_fat_percent(bmi, age, sex) / 100.0 * bmi
    reference = body_fat_percent(REFERENCE["bmi"], age, sex) / 100.0 * REFERENCE["bmi"]
    return fat_mass_index / reference


def draw_covariate(rng: np.random.Generator, name: str, d: Distribution) -> float:
    """One draw, clipped to the covariate's range."""
    lo, hi = COVARIATES[name][1]
    return float(np.clip(d.draw(rng), lo, hi))


def covariate_parameters(covariates: pd.DataFrame) -> pd.DataFrame:
    """The model inputs the covariates set (today: adiposity from BMI), one row per patient."""
    out = pd.DataFrame(index=covariates.index)
    if "bmi" in covariates:
        out["adiposity"] = adiposity(covariates["bmi"].to_numpy(dtype=float))
    return out
