"""Oral dexamethasone: one-compartment pharmacokinetics and its glucocorticoid-receptor potency.

Used for the dexamethasone suppression test (DST). Dexamethasone acts at the
pituitary and on immune cells but, kept out by P-glycoprotein, hardly at the
hypothalamus; the HPA subsystem reflects that by leaving it out of brain GR
occupancy.
"""

from __future__ import annotations

from neuroimmune.model.spec import Assignment, Parameter, State, Subsystem

__all__ = ["dexamethasone"]

_P = Parameter

PARAMETERS = (
    _P("f_dex", 0.78, "1", (0.5, 1.0),
       "doi:10.1007/BF00613935; cites mean oral bioavailability 0.78 in healthy volunteers",
       "Oral bioavailability of dexamethasone."),
    _P("ka_dex", 1.15, "1/h", (0.3, 5.0),
       "doi:10.1007/BF00614309; Tmax 1.6-2.0 h after 0.5-3 mg, giving ka about 1.15/h with the elimination rate below",
       "First-order absorption rate from the gut."),
    _P("ke_dex", 0.2064, "1/h", (0.1, 0.35),
       "doi:10.1007/BF01060016; terminal half-life 201.5 min in men (142.3 min in women)",
       "Elimination rate of plasma dexamethasone."),
    _P("v_dex", 43.685, "L", (20.0, 120.0), "calibrated: DST2",
       "Apparent volume of distribution."),
    _P("fu_dex", 0.23, "1", (0.1, 0.5),
       "ref: MIMS product monograph for dexamethasone (DOI not verified); up to 77% protein bound",
       "Unbound fraction of plasma dexamethasone."),
    _P("dex_gr_potency", 55.7334, "1", (2.0, 60.0), "calibrated: DST1",
       "GR activity of free dexamethasone relative to free cortisol (review tables give a "
       "glucocorticoid potency of about 30, doi:10.1093/nop/npu029)."),
)

STATES = (
    State("dex_gut", "Dexamethasone in gut", "nmol", 0.0, "-ka_dex * dex_gut",
          "Dexamethasone swallowed and not yet absorbed.", ("http://identifiers.org/CHEBI:41879",)),
    State("dexamethasone", "Dexamethasone (plasma)", "nmol/L", 0.0,
          "f_dex * ka_dex * dex_gut / v_dex - ke_dex * dexamethasone",
          "Total plasma dexamethasone.", ("http://identifiers.org/CHEBI:41879",)),
)

ASSIGNMENTS = (
    Assignment("dexamethasone_free", "Free dexamethasone", "nmol/L", "fu_dex * dexamethasone",
               "Unbound plasma dexamethasone, the fraction that reaches receptors."),
)


def dexamethasone() -> Subsystem:
    """The oral dexamethasone pharmacokinetic subsystem."""
    return Subsystem(
        name="dexamethasone",
        title="Dexamethasone pharmacokinetics",
        description=__doc__ or "",
        states=STATES,
        parameters=PARAMETERS,
        assignments=ASSIGNMENTS,
    )
