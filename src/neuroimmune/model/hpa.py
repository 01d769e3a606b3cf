"""Stress and the HPA axis: circadian drive, CRH, ACTH, cortisol, MR/GR feedback,
glucocorticoid resistance, gland-mass adaptation over weeks, and sympathetic noradrenaline.

Structure follows Karin et al. 2020 (gland masses that make the daily mean of CRH
and ACTH return to their set points, "dynamical compensation") on a circadian,
hour-scale core. Cortisol is carried as total plasma cortisol; free cortisol is
the algebraic equilibrium with corticosteroid-binding globulin (CBG) and albumin,
so the fast binding exchange never makes the system stiff. The hypothalamic drive
is restrained by the hippocampus (the plasticity subsystem) and raised by stress,
including the stress that symptoms add; slow tissue responses (GR down-regulation,
plasticity) see the day-averaged free cortisol.
"""

from __future__ import annotations

from neuroimmune.model.spec import Assignment, Input, Parameter, State, Subsystem

__all__ = ["hpa_axis"]

KARIN_2020 = "10.15252/msb.20209510"
_KARIN_NOTE = "value as transcribed from the published model in shared/science/anchors.md section 3.1"
_KEENAN = (
    "ref: Keenan DM, Roelfsema F, Veldhuis JD, 'Endogenous ACTH concentration-dependent drive of "
    "pulsatile cortisol secretion in the human' (DOI not verified)"
)

_P = Parameter

PARAMETERS = (
    # --- circadian and awakening drive -------------------------------------------------
    _P("omega_day", 0.2617993877991494, "1/h", (0.2617, 0.2619), "assumed: definition, 2*pi per 24 h",
       "Angular frequency of the 24-h clock."),
    _P("t_wake", 7.0, "h", (4.0, 11.0),
       "doi:10.1016/j.psyneuen.2007.01.008; subjects were woken at 07:00 in the sleep-laboratory CAR study",
       "Clock time of waking; the cortisol awakening response is timed from it."),
    _P("circ_phase", 6.61926, "h", (3.0, 12.0), "calibrated: A18",
       "Clock time at which the circadian hypothalamic drive peaks."),
    _P("circ_kappa", 1.42363, "1", (0.1, 10.0), "calibrated: A18",
       "Concentration of the circadian drive around its peak (von Mises shape)."),
    _P("circ_skew", 0.750151, "1", (0.0, 0.95), "calibrated: A18, ENDO-cortisol-baseline",
       "Skew of the circadian drive: fast rise in the second half of the night, slow fall by day."),
    _P("circ_floor", 0.0117989, "1", (0.0, 0.8), "calibrated: A18",
       "Drive at the circadian nadir as a fraction of the peak."),
    _P("car_amplitude", 4.38947, "1", (0.0, 5.0), "calibrated: A22",
       "Size of the extra hypothalamic drive that follows waking (awakening response)."),
    _P("car_delay", 1.11276e-10, "h", (0.0, 1.0), "calibrated: A24",
       "Delay from waking to the peak of the awakening drive."),
    _P("car_kappa", 822.559, "1", (20.0, 3000.0), "calibrated: A24",
       "Sharpness of the awakening drive pulse (width about 24/(2*pi*sqrt(kappa)) h)."),
    _P("tsst_stress", 15.7646, "1", (0.2, 20.0), "calibrated: F6",
       "Perceived stress during a standard Trier Social Stress Test (acute stress intensity 1)."),
    # --- CRH ---------------------------------------------------------------------------
    _P("k_crh", 10.397, "1/h", (2.0, 20.0), f"doi:{KARIN_2020}; CRH half-life 4 min; {_KARIN_NOTE}",
       "Clearance rate of hypothalamic CRH (relative units)."),
    _P("crh_scale", 2.86742, "1", (0.1, 50.0), "calibrated: A18",
       "Scale of CRH secretion; with gland adaptation it sets the cortisol level."),
    _P("fb_mr", 0.5, "1", (0.0, 10.0), "assumed: weak tonic MR feedback; MR is near saturation at all times",
       "Strength of mineralocorticoid-receptor negative feedback on CRH."),
    _P("fb_gr", 0.00233738, "1", (0.0, 50.0), "calibrated: A18",
       "Strength of hypothalamic GR feedback on CRH at free cortisol equal to kd_gr."),
    _P("kd_mr", 0.5, "nmol/L", (0.1, 5.0),
       "doi:10.1016/0022-4731(86)90063-4; rat brain, corticosterone Kd about 0.5 nM at MR; applied to human cortisol",
       "Dissociation constant of cortisol at MR (free cortisol)."),
    _P("gr_hill", 3.0, "1", (1.0, 5.0), f"doi:{KARIN_2020}; GR feedback Hill coefficient n_GR = 3; {_KARIN_NOTE}",
       "Steepness of glucocorticoid-receptor negative feedback on CRH and ACTH."),
    _P("kd_gr", 5.0, "nmol/L", (1.0, 30.0),
       "doi:10.1016/0022-4731(86)90063-4; rat brain, corticosterone Kd 2.5-5 nM at GR; applied to human cortisol",
       "Dissociation constant of cortisol at GR (free cortisol)."),
    _P("cyt_crh_gain", 3.97614, "1", (0.0, 20.0), "calibrated: ENDO04, ENDO2",
       "CRH drive added by the cytokine signal at the hypothalamus, relative to the circadian peak drive "
       "(additive, so it is not gated by the time of day)."),
    # --- ACTH --------------------------------------------------------------------------
    _P("k_acth", 2.0794, "1/h", (1.0, 4.0), f"{_KEENAN}; ACTH half-life 20 +/- 1.3 min in 32 healthy adults",
       "Clearance rate of plasma ACTH."),
    _P("v_acth", 25.0791, "pg/mL/h", (1.0, 1000.0), "calibrated: A21; normalised so the healthy corticotroph mass is 1",
       "ACTH secretion per unit CRH and unit corticotroph mass."),
    _P("fb_gr_pit", 0.00231418, "1", (0.0, 50.0), "calibrated: A18, DST1",
       "Strength of pituitary GR feedback on ACTH at glucocorticoid activity equal to kd_gr."),
    _P("cyt_pit_gain", 5.78926, "1", (0.0, 20.0), "calibrated: ENDO04, ENDO2",
       "Pituitary ACTH drive added by the cytokine signal, in CRH units."),
    _P("acth_ref", 11.767, "pg/mL", (3.0, 60.0), "calibrated: A21",
       "Daily mean ACTH to which adrenal mass adaptation returns (Karin 2020 set point)."),
    # --- adrenal and cortisol ----------------------------------------------------------
    _P("csr_max", 1584.0, "nmol/L/h", (700.0, 2500.0),
       "ref: Dorin 2012 J Clin Endocrinol Metab, PMID 22337905 (DOI not verified); CSRmax 0.44 +/- 0.13 nM/s",
       "Maximal cortisol secretion rate of a normal adrenal."),
    _P("acth_ec50", 53.562, "pg/mL", (3.0, 300.0), "calibrated: A21; normalised so the healthy adrenal mass is 1",
       "ACTH concentration giving half-maximal cortisol secretion."),
    _P("acth_hill", 1.1476, "1", (1.0, 4.0), "calibrated: A18, ENDO04, ENDO2",
       "Hill coefficient of the adrenal response to ACTH."),
    _P("k_free_cortisol", 18.904, "1/h", (5.0, 40.0),
       "ref: Dorin 2012 J Clin Endocrinol Metab, PMID 22337905 (DOI not verified); free cortisol half-life 2.2 +/- 1.1 min",
       "Elimination rate of free (unbound) cortisol."),
    _P("cbg_capacity", 744.0, "nmol/L", (470.0, 870.0),
       "ref: 'Isolation, characterization and radioimmunoassay of CBG in human serum' (DOI not verified); "
       "normal CBG 2.4-4.4 mg/100 mL, MW 50,700; 37.7 mg/L used",
       "Cortisol-binding capacity of plasma CBG."),
    _P("kd_cbg", 25.0, "nmol/L", (10.0, 60.0),
       "doi:10.1021/bi00594a026; affinity constant 0.40e8 /M for cortisol at 37 C",
       "Dissociation constant of cortisol from CBG at body temperature."),
    _P("albumin", 600000.0, "nmol/L", (450000.0, 800000.0),
       "assumed: serum albumin 40 g/L (adult reference 35-50 g/L) at 66.5 kDa",
       "Plasma albumin concentration (low-affinity cortisol binding)."),
    _P("kd_albumin", 137800.0, "nmol/L", (50000.0, 300000.0),
       "doi:10.1016/j.clinbiochem.2008.09.115; optimised albumin dissociation constant 137,800 nM",
       "Dissociation constant of cortisol from albumin."),
    # --- gland masses (weeks) ----------------------------------------------------------
    _P("k_pituitary", 0.0014441, "1/h", (0.0003, 0.01), f"doi:{KARIN_2020}; corticotroph turnover half-life 20 d; {_KARIN_NOTE}",
       "Turnover rate of corticotroph mass."),
    _P("k_adrenal", 0.00096270, "1/h", (0.0003, 0.01), f"doi:{KARIN_2020}; adrenal cortex turnover half-life 30 d; {_KARIN_NOTE}",
       "Turnover rate of adrenal cortex mass."),
    _P("pituitary_capacity", 4.0, "1", (1.5, 100.0),
       f"doi:{KARIN_2020}; carrying capacity K_P = 4 (relative to healthy) in the capacity variant; {_KARIN_NOTE}",
       "Largest corticotroph mass relative to healthy (bounds hypertrophy)."),
    _P("adrenal_capacity", 4.0, "1", (1.5, 100.0),
       f"doi:{KARIN_2020}; carrying capacity K_A = 4 (relative to healthy) in the capacity variant; {_KARIN_NOTE}",
       "Largest adrenal cortex mass relative to healthy (bounds hypertrophy)."),
    # --- sympathetic noradrenaline -----------------------------------------------------
    _P("na_base", 194.0, "pg/mL", (100.0, 560.0),
       "doi:10.1210/jcem-50-5-842; 24-h integrated plasma noradrenaline 194 +/- 106 pg/mL in 46 controls",
       "Resting plasma noradrenaline."),
    _P("k_na", 17.329, "1/h", (8.0, 40.0),
       "doi:10.1152/ajpendo.1978.234.3.E252; plasma noradrenaline half-time 2.4 +/- 0.7 min",
       "Clearance rate of plasma noradrenaline."),
    _P("na_stress_gain", 0.25, "1", (0.0, 2.0),
       "assumed: noradrenaline rises during social stress (magnitude not found); about +70% in a TSST",
       "Rise of sympathetic noradrenaline per unit perceived stress."),
    _P("na_cyt_gain", 0.5, "1", (0.0, 3.0),
       "assumed: plasma noradrenaline rises with endotoxin dose (doi:10.1371/journal.pone.0028330, direction only)",
       "Rise of sympathetic noradrenaline with the cytokine signal."),
    # --- glucocorticoid receptor function (resistance) ----------------------------------
    _P("k_gr", 0.0041258, "1/h", (0.0005, 0.05),
       "assumed: glucocorticoid resistance builds and resolves over about a week (half-life 7 d)",
       "Turnover rate of glucocorticoid-receptor function."),
    _P("gr_resistance_k", 25.1607, "nmol/L", (5.0, 100.0), "calibrated: CASE3",
       "Day-averaged free cortisol at which immune-cell GR function is halved (homologous down-regulation; chronic "
       "stress leaves monocytes glucocorticoid resistant, doi:10.1111/j.1749-6632.2009.04984.x, qualitative)."),
    _P("gr_resistance_k_central", 300.0, "nmol/L", (5.0, 1000.0),
       "assumed: central GR down-regulation by cortisol is weak (a stronger one made a runaway, Cushing-like "
       "branch appear in patients with low GR sensitivity); central resistance comes mainly from cytokines",
       "Day-averaged free cortisol at which central (hypothalamic/pituitary) GR function is halved."),
    _P("gr_resistance_hill", 2.0, "1", (1.0, 6.0),
       "assumed: GR down-regulation needs sustained cortisol above the healthy range",
       "Steepness of GR down-regulation by sustained cortisol."),
    _P("k_cortisol_daily", 0.041667, "1/h", (0.01, 0.2),
       "assumed: slow tissue responses (GR down-regulation, plasticity) follow the day-averaged cortisol, "
       "not each daily peak (time constant 1 day)",
       "Rate of the day-averaging of free cortisol."),
    _P("gr_down_cyt", 1.0, "1", (0.0, 10.0),
       "assumed: cytokines reduce GR expression and translocation (doi:10.1111/j.1749-6632.2009.04984.x, qualitative)",
       "Loss of GR function per unit cytokine signal."),
    _P("gr_sensitivity_central", 1.0, "1", (0.1, 5.0),
       "assumed: 1 in a typical healthy adult; individual variation in GR sensitivity",
       "Multiplier of GR feedback strength at hypothalamus and pituitary."),
    # --- cytokine signal reaching the brain --------------------------------------------
    _P("ifn_hpa_gain", 0.5, "1", (0.0, 5.0),
       "assumed: IFN-alpha activates the HPA axis within hours (ACTH and cortisol up by 3 h after 6 MIU, "
       "doi:10.1507/endocrj.42.551, direction only)",
       "Hypothalamic signal added by interferon signalling, in cytokine-index units."),
    _P("k_cyt_brain", 1.14346, "1/h", (0.1, 10.0), "calibrated: ENDO04, ENDO2",
       "Rate at which the circulating cytokine signal reaches the hypothalamus."),
)

ASSIGNMENTS = (
    Assignment("circadian_drive", "Circadian drive", "1",
               "circ_floor + (1 - circ_floor) * exp(circ_kappa * (cos(omega_day * (time - circ_phase)"
               " + circ_skew * (cos(omega_day * (time - circ_phase)) - 1)) - 1))",
               "Suprachiasmatic drive of CRH secretion over the 24-h day: a skewed periodic pulse "
               "(fast rise in the second half of the night, slow fall by day)."),
    Assignment("awakening_drive", "Awakening drive", "1",
               "car_amplitude * exp(car_kappa * (cos(omega_day * (time - t_wake - car_delay)) - 1))",
               "Extra drive after waking that produces the cortisol awakening response."),
    Assignment("stress_external", "External stress", "1", "tsst_stress * stress_acute + stress_chronic",
               "Psychological stress from the environment (acute and chronic stressors)."),
    Assignment("stress_perceived", "Perceived stress", "1", "stress_appraisal * (stress_external + stress_symptoms)",
               "Total psychological stress load, including stress added by symptoms, as appraised (psychotherapy "
               "and expectation lower the appraisal); 1 doubles the hypothalamic drive."),
    Assignment("cortisol_free", "Free cortisol", "nmol/L",
               "2 * kd_cbg * cortisol / ((1 + albumin / kd_albumin) * kd_cbg + cbg_capacity - cortisol"
               " + sqrt(((1 + albumin / kd_albumin) * kd_cbg + cbg_capacity - cortisol)^2"
               " + 4 * (1 + albumin / kd_albumin) * kd_cbg * cortisol))",
               "Unbound cortisol at equilibrium with CBG (saturable) and albumin (linear); "
               "the analogue of salivary cortisol.", ("http://identifiers.org/CHEBI:17650",)),
    Assignment("occ_mr", "MR occupancy", "1", "cortisol_free / (cortisol_free + kd_mr)",
               "Fraction of brain mineralocorticoid receptors occupied by cortisol."),
    Assignment("occ_gr_brain", "Brain GR occupancy", "1", "cortisol_free / (cortisol_free + kd_gr)",
               "Fraction of hypothalamic glucocorticoid receptors occupied (dexamethasone barely enters the brain)."),
    Assignment("glucocorticoid_equivalent", "Glucocorticoid activity", "nmol/L",
               "cortisol_free + dex_gr_potency * dexamethasone_free",
               "Free glucocorticoid in cortisol equivalents, outside the blood-brain barrier."),
    Assignment("occ_gr_periphery", "Peripheral GR occupancy", "1",
               "glucocorticoid_equivalent / (glucocorticoid_equivalent + kd_gr)",
               "Fraction of pituitary and immune-cell glucocorticoid receptors occupied."),
    Assignment("crh_production", "CRH secretion drive", "1",
               "crh_scale * ((circadian_drive + awakening_drive) * (1 + stress_perceived)"
               " + cyt_crh_gain * cytokine_brain_signal)"
               " / ((1 + fb_mr * occ_mr) * (1 + fb_gr * (gr_sensitivity_central * gr_central * cortisol_free"
               " / kd_gr)^gr_hill) * hippocampal_restraint)",
               "Steady-state CRH for the current drive, stress, cytokine signal and MR/GR feedback (Karin-type "
               "Hill feedback through GR, saturable tonic feedback through MR)."),
    Assignment("adrenal_secretion", "Cortisol secretion", "nmol/L/h",
               "(1 - adrenal_synthesis_inhibition) * csr_max * adrenal_mass"
               " * (acth / acth_ec50)^acth_hill / (1 + (acth / acth_ec50)^acth_hill)",
               "Cortisol secretion rate: saturable in ACTH, proportional to adrenal cortex mass."),
)

STATES = (
    State("crh", "CRH", "1", 1.0, "k_crh * (crh_production - crh)",
          "Hypothalamic CRH secretion relative to its healthy daily mean.",
          ("http://identifiers.org/uniprot:P06850",)),
    State("acth", "ACTH", "pg/mL", 15.0,
          "v_acth * pituitary_mass * (crh + cyt_pit_gain * cytokine_brain_signal)"
          " / (1 + fb_gr_pit * (gr_sensitivity_central * gr_central * glucocorticoid_equivalent / kd_gr)^gr_hill)"
          " - k_acth * acth",
          "Plasma ACTH.", ("http://identifiers.org/uniprot:P01189",)),
    State("cortisol", "Cortisol (total)", "nmol/L", 250.0,
          "adrenal_secretion - k_free_cortisol * cortisol_free",
          "Total plasma cortisol (free plus CBG- and albumin-bound).",
          ("http://identifiers.org/CHEBI:17650",)),
    State("pituitary_mass", "Corticotroph mass", "1", 1.0, "k_pituitary * pituitary_mass * (crh * (1 - pituitary_mass / pituitary_capacity)"
          " / (1 - 1 / pituitary_capacity) - 1)",
          "Functional corticotroph mass relative to healthy; grows when CRH is above its set point, "
          "up to a carrying capacity."),
    State("adrenal_mass", "Adrenal cortex mass", "1", 1.0,
          "k_adrenal * adrenal_mass * (acth / acth_ref * (1 - adrenal_mass / adrenal_capacity)"
          " / (1 - 1 / adrenal_capacity) - 1)",
          "Functional adrenal cortex mass relative to healthy; grows when ACTH is above its set point, "
          "up to a carrying capacity."),
    State("noradrenaline", "Noradrenaline", "pg/mL", 194.0,
          "k_na * (na_base * (1 + na_stress_gain * stress_perceived + na_cyt_gain * cytokine_brain_signal)"
          " - noradrenaline)",
          "Plasma noradrenaline from sympathetic nerves.", ("http://identifiers.org/CHEBI:33569",)),
    State("gr_central", "Central GR function", "1", 0.9,
          "k_gr * (1 / (1 + (cortisol_daily / gr_resistance_k_central)^gr_resistance_hill"
          " + gr_down_cyt * cytokine_brain_signal) - gr_central)",
          "Glucocorticoid-receptor function at hypothalamus and pituitary (1 = no down-regulation); "
          "lowered by sustained high cortisol and by cytokines (glucocorticoid resistance).",
          ("http://identifiers.org/uniprot:P04150",)),
    State("cortisol_daily", "Day-averaged free cortisol", "nmol/L", 8.0,
          "k_cortisol_daily * (cortisol_free - cortisol_daily)",
          "Free cortisol averaged over about a day: what slow tissue responses see.",
          ("http://identifiers.org/CHEBI:17650",)),
    State("cytokine_brain_signal", "Cytokine signal at the hypothalamus", "1", 0.0,
          "k_cyt_brain * (cytokine_index + ifn_hpa_gain * ifn_signal - cytokine_brain_signal)",
          "Circulating cytokine signal as it reaches the hypothalamus (circumventricular and vagal routes), "
          "lagging the blood."),
)

INPUTS = (
    Input("cytokine_index", "1", "Saturating index of circulating IL-6 and TNF-alpha (immune subsystem)."),
    Input("ifn_signal", "1", "Interferon signal (interferon subsystem); 0 without interferon.", 0.0, (0.0, 1.0)),
    Input("dexamethasone_free", "nmol/L", "Unbound plasma dexamethasone (dexamethasone subsystem)."),
    Input("dex_gr_potency", "1", "GR potency of dexamethasone relative to cortisol (dexamethasone subsystem)."),
    Input("stress_acute", "1", "Acute psychosocial stress; 1 is a Trier Social Stress Test.", 0.0, (0.0, 5.0)),
    Input("stress_chronic", "1", "Chronic psychological stress load; 1 doubles the hypothalamic drive.",
          0.0, (0.0, 10.0)),
    Input("adrenal_synthesis_inhibition", "1",
          "Fraction of cortisol synthesis blocked (e.g. by metyrapone); 1 stops secretion.", 0.0, (0.0, 1.0)),
    Input("stress_appraisal", "1", "Perceived stress per unit of stress met (lifestyle subsystem); 1 = usual.",
          1.0, (0.05, 2.0)),
    Input("stress_symptoms", "1", "Stress added by symptoms (the symptom subsystem provides it).",
          0.0, (0.0, 10.0)),
    Input("hippocampal_restraint", "1",
          "Hippocampal inhibition of the hypothalamic drive, 1 = healthy (the plasticity subsystem provides it).",
          1.0, (0.05, 5.0)),
)


def hpa_axis() -> Subsystem:
    """The stress/HPA-axis subsystem."""
    return Subsystem(
        name="hpa",
        title="Stress and the HPA axis",
        description=__doc__ or "",
        states=STATES,
        parameters=PARAMETERS,
        assignments=ASSIGNMENTS,
        inputs=INPUTS,
        references=(KARIN_2020,),
        alternative_states={"depressed": {"cortisol": 600.0, "cortisol_daily": 40.0, "adrenal_mass": 2.0,
                                          "pituitary_mass": 2.0}},
    )
