"""Peripheral tryptophan metabolism: dietary intake, plasma tryptophan and kynurenine,
hepatic TDO (induced by glucocorticoids) and extrahepatic IDO (induced by TNF-alpha,
IL-6 and interferon).

More than 90% of tryptophan is catabolised along the kynurenine pathway. At
baseline about 60% of the tryptophan-to-kynurenine flux runs through IDO1 and 40%
through hepatic TDO. Kynurenine made by TDO in the liver is largely metabolised
there (the liver has the whole pathway), while kynurenine made by IDO in immune
cells and tissues is released into plasma; so a shift from TDO to IDO raises plasma
kynurenine even when total tryptophan catabolism cannot exceed intake. That is why
acute immune challenges raise kynurenine while chronic stress (more TDO, less food)
lowers tryptophan with little kynurenine change.
"""

from __future__ import annotations

from neuroimmune.model.spec import Assignment, Input, Parameter, State, Subsystem

__all__ = ["tryptophan_metabolism"]

_P = Parameter
_EPACADOSTAT = ("ref: population PK/PD of epacadostat in 44 patients with advanced solid tumours, "
                "abstract read on a mirror (authors, journal and DOI not verified)")

PARAMETERS = (
    _P("trp_intake", 7.61999, "umol/L/h", (1.0, 20.0), "calibrated: A11",
       "Dietary tryptophan entering the plasma pool (plasma-equivalent rate)."),
    _P("k_trp", 0.1155, "1/h", (0.03, 0.5),
       "assumed: plasma tryptophan turnover half-life about 6 h (no human value found; oral and intravenous "
       "loads clear over hours, doi:10.1111/j.1365-2125.1980.tb00516.x)",
       "Catabolic rate constant of plasma tryptophan with healthy enzyme activities."),
    _P("frac_kp", 0.95, "1", (0.85, 0.99),
       "ref: reviews state that over 90-95% of dietary tryptophan is metabolised along the kynurenine pathway "
       "(e.g. the introduction of doi:10.1111/cei.12092, DOI not verified for the 95% figure)",
       "Fraction of tryptophan catabolism that runs through the kynurenine pathway."),
    _P("frac_ido", 0.6, "1", (0.3, 0.8), f"{_EPACADOSTAT}; about 60% IDO1 and 40% TDO at baseline",
       "Share of the kynurenine-pathway flux through IDO at healthy baseline."),
    _P("release_tdo", 0.1, "1", (0.05, 1.0),
       "assumed: kynurenine formed by hepatic TDO is mostly metabolised within the liver, which holds the whole "
       "pathway; extrahepatic IDO-derived kynurenine is released to plasma",
       "Fraction of TDO-derived kynurenine that reaches plasma (IDO-derived: all of it)."),
    _P("k_kyn", 2.31362, "1/h", (0.05, 5.0), "calibrated: A12",
       "Clearance of plasma kynurenine into tissues and downstream metabolism."),
    _P("k_ido", 0.0578, "1/h", (0.01, 0.5),
       "assumed: IDO induction and decay over about half a day (enzyme half-life 12 h)",
       "Rate at which IDO activity follows its inducers."),
    _P("ido_tnf_gain", 6.06829, "1", (0.0, 50.0), "calibrated: D13",
       "Maximal IDO induction by TNF-alpha (LPS-induced systemic IDO depends mainly on TNF-alpha)."),
    _P("ido_tnf_k", 49.2636, "pg/mL", (5.0, 1000.0), "calibrated: D13",
       "TNF-alpha giving half-maximal IDO induction."),
    _P("tnf_ref", 2.89, "pg/mL", (1.0, 10.0), "doi:10.1371/journal.pone.0021002; median plasma TNF-alpha 2.89 pg/mL",
       "Healthy plasma TNF-alpha at which IDO activity is 1."),
    _P("ido_il6_gain", 1.0, "1", (0.0, 20.0),
       "assumed: IL-6 induces IDO1 through STAT3 (direction only; no human fold change found); weaker than TNF-alpha",
       "Maximal IDO induction by IL-6."),
    _P("ido_il6_k", 100.0, "pg/mL", (5.0, 2000.0),
       "assumed: half-maximal at IL-6 levels reached in the first hours after endotoxin or an interferon-alpha dose",
       "IL-6 giving half-maximal IDO induction."),
    _P("ido_ifn_gain", 0.8, "1", (0.0, 50.0), "assumed: interferons are the strongest IDO inducers; IDO about 1.8-fold at full interferon signalling (no human fold change found)",
       "Maximal IDO induction by interferon signalling."),
    _P("k_tdo", 0.1733, "1/h", (0.03, 1.0),
       "assumed: glucocorticoid induction of TDO transcription peaks 6-8 h after the stimulus (rat hepatocytes)",
       "Rate at which TDO activity follows glucocorticoid receptor occupancy (half-life 4 h)."),
    _P("tdo_gc_gain", 3.0, "1", (0.0, 20.0),
       "assumed: dexamethasone induced TDO mRNA 7-fold and corticosterone TDO activity 3-4-fold in rats "
       "(doi:10.1016/0741-8329(85)90055-2); human value not found",
       "Induction of TDO per unit GR occupancy in the liver."),
    _P("tdo_occ_ref", 0.5, "1", (0.2, 0.95),
       "assumed: the healthy day-mean hepatic GR occupancy of this model, so that healthy TDO activity is about 1",
       "GR occupancy at which TDO activity is 1."),
    _P("k_amino_acid_load", 0.878011, "1/h", (0.05, 10.0), "calibrated: ATD1",
       "Tryptophan drawn into hepatic protein synthesis by a tryptophan-free amino-acid load."),
)

ASSIGNMENTS = (
    Assignment("trp_flux_ido", "Tryptophan flux through IDO", "umol/L/h",
               "k_trp * frac_kp * frac_ido * ido * (1 - ido_inhibition) * tryptophan",
               "Tryptophan converted to kynurenine by IDO (immune cells, tissues)."),
    Assignment("trp_flux_tdo", "Tryptophan flux through TDO", "umol/L/h",
               "k_trp * frac_kp * (1 - frac_ido) * tdo * tryptophan",
               "Tryptophan converted to kynurenine by hepatic TDO."),
    Assignment("ido_flux_share", "IDO share of kynurenine formation", "1",
               "trp_flux_ido / (trp_flux_ido + trp_flux_tdo)",
               "Fraction of the tryptophan-to-kynurenine flux that runs through IDO (the rest through TDO)."),
    Assignment("kyn_trp_ratio", "Kynurenine/tryptophan ratio", "1", "kynurenine / tryptophan",
               "Plasma kynurenine over tryptophan (both umol/L)."),
)

STATES = (
    State("tryptophan", "Tryptophan (plasma)", "umol/L", 60.0,
          "trp_intake * (1 - appetite_loss) - trp_flux_ido - trp_flux_tdo"
          " - k_trp * (1 - frac_kp) * tryptophan - k_amino_acid_load * amino_acid_load * tryptophan",
          "Total plasma tryptophan.", ("http://identifiers.org/CHEBI:16828",)),
    State("kynurenine", "Kynurenine (plasma)", "umol/L", 1.8,
          "trp_flux_ido + release_tdo * trp_flux_tdo - k_kyn * kyn_muscle_clearance * kynurenine",
          "Plasma kynurenine.", ("http://identifiers.org/CHEBI:16946",)),
    State("ido", "IDO activity", "1", 1.0,
          "k_ido * (1 + ido_tnf_gain * (tnf / (tnf + ido_tnf_k) - tnf_ref / (tnf_ref + ido_tnf_k))"
          " + ido_il6_gain * (il6_signal / (il6_signal + ido_il6_k) - il6_ref / (il6_ref + ido_il6_k))"
          " + ido_ifn_gain * ifn_signal - ido)",
          "Indoleamine 2,3-dioxygenase activity relative to an unstimulated adult.",
          ("http://identifiers.org/uniprot:P14902",)),
    State("tdo", "TDO activity", "1", 1.0,
          "k_tdo * ((1 + tdo_gc_gain * occ_gr_periphery) / (1 + tdo_gc_gain * tdo_occ_ref) - tdo)",
          "Hepatic tryptophan 2,3-dioxygenase activity, induced by glucocorticoids.",
          ("http://identifiers.org/uniprot:P48775",)),
)

INPUTS = (
    Input("tnf", "pg/mL", "Plasma TNF-alpha (immune subsystem)."),
    Input("il6_signal", "pg/mL", "Plasma IL-6 reaching unblocked receptors (immune subsystem)."),
    Input("il6_ref", "pg/mL", "Median plasma IL-6 of healthy adults, where the IL-6 term of IDO induction is zero "
          "(immune subsystem)."),
    Input("ido_inhibition", "1", "Fraction of IDO1 inhibited (IDO inhibitor).", 0.0, (0.0, 0.999)),
    Input("kyn_muscle_clearance", "1", "Plasma kynurenine clearance relative to usual (muscle KAT, exercise).", 1.0,
          (0.5, 5.0)),
    Input("ifn_signal", "1", "Interferon signal (interferon subsystem)."),
    Input("occ_gr_periphery", "1", "Peripheral GR occupancy (HPA subsystem)."),
    Input("appetite_loss", "1", "Fraction of usual food intake lost (symptom subsystem).", 0.0, (0.0, 0.9)),
    Input("amino_acid_load", "1",
          "A tryptophan-free amino-acid drink (acute tryptophan depletion); 1 = a standard 100 g load.",
          0.0, (0.0, 5.0)),
)


def tryptophan_metabolism() -> Subsystem:
    """The peripheral tryptophan-kynurenine subsystem."""
    return Subsystem(
        name="tryptophan",
        title="Tryptophan and kynurenine (periphery)",
        description=__doc__ or "",
        states=STATES,
        parameters=PARAMETERS,
        assignments=ASSIGNMENTS,
        inputs=INPUTS,
    )
