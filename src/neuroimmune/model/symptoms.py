"""Symptoms: seven latent dimensions with their own time scales, the clinical scale totals
they produce, and the stress they add back to the HPA axis.

Each dimension (0 = absent, 1 = maximal) moves towards a logistic function of its
biological drivers: sickness behaviour and fatigue follow inflammation within
hours; anxiety follows stress and inflammation within a day; sleep disturbance
within days; anhedonia follows dopamine and plasticity over a week; depressed
mood follows a serotonin deficit, plasticity and quinolinic acid over weeks (serotonin
above usual, as on an SSRI, lifts mood only through plasticity); cognitive
impairment and suicidality follow the slow variables. Scale totals (HAM-D-17,
MADRS, HAM-A, PHQ-9, GAD-7) come from documented item maps
(:mod:`neuroimmune.model.scales`). Symptoms raise perceived stress and lower food
intake: the loops are two-way. The weights are assumptions about direction and
relative size, tuned only to the timing targets they name; they are not fitted to
item-level data.
"""

from __future__ import annotations

from neuroimmune.model.scales import DIMENSIONS, SCALES
from neuroimmune.model.spec import Assignment, Input, Parameter, State, Subsystem

__all__ = ["symptoms"]

_P = Parameter
_ASSUMED_WEIGHT = "assumed: direction from the symptom literature, size chosen for plausible scale totals"


def _tau(dim: str, hours: float, lo: float, hi: float, source: str, what: str) -> Parameter:
    return _P(f"tau_{dim}", hours, "h", (lo, hi), source, f"Time constant of {what}.")


PARAMETERS = (
    _P("sym_baseline", -3.3, "1", (-6.0, -1.0), "assumed: healthy adults score about 2-3 on the HAM-D-17",
       "Logistic drive of every dimension in a healthy adult (about 0.035)."),
    _tau("sickness", 6.0, 1.0, 72.0, "calibrated: E4", "sickness behaviour and fatigue"),
    _tau("anxiety", 24.0, 2.0, 168.0, "assumed: anxiety follows stress within a day", "anxiety"),
    _tau("sleep", 48.0, 6.0, 336.0, "assumed: sleep disturbance builds over days", "sleep disturbance"),
    _tau("anhedonia", 168.0, 24.0, 1000.0, "calibrated: E4", "anhedonia"),
    _tau("mood", 336.0, 48.0, 2000.0, "calibrated: E4", "depressed mood"),
    _tau("cognition", 168.0, 24.0, 1000.0, "assumed: cognitive symptoms follow plasticity over a week",
         "cognitive impairment"),
    _tau("suicidality", 336.0, 48.0, 2000.0, "assumed: suicidal ideation follows mood over weeks",
         "suicidal ideation"),
    _P("w_sick_inflammation", 3.02272, "1", (0.0, 20.0), "calibrated: E4",
       "Sickness drive per unit microglial activation."),
    _P("w_sick_cytokine", 4.0, "1", (0.0, 20.0), _ASSUMED_WEIGHT,
       "Sickness drive per unit circulating cytokine index (acute sickness after endotoxin)."),
    _P("w_anx_stress", 1.0, "1", (0.0, 10.0), _ASSUMED_WEIGHT, "Anxiety drive per unit external stress."),
    _P("w_anx_inflammation", 1.5, "1", (0.0, 10.0), _ASSUMED_WEIGHT,
       "Anxiety drive per unit microglial activation (anxiety rises after endotoxin, doi:10.1001/archpsyc.58.5.445)."),
    _P("w_anx_serotonin", 3.0, "1", (0.0, 20.0), _ASSUMED_WEIGHT, "Anxiety drive per unit serotonin deficit."),
    _P("w_sleep_inflammation", 1.5, "1", (0.0, 10.0), _ASSUMED_WEIGHT, "Sleep drive per unit microglial activation."),
    _P("w_sleep_cortisol", 1.0, "1", (0.0, 10.0), _ASSUMED_WEIGHT,
       "Sleep drive per unit loss of hippocampal restraint (HPA hyperactivity)."),
    _P("w_sleep_mood", 2.0, "1", (0.0, 10.0), _ASSUMED_WEIGHT, "Sleep drive per unit depressed mood."),
    _P("w_anh_dopamine", 6.0, "1", (0.0, 30.0), _ASSUMED_WEIGHT, "Anhedonia drive per unit dopamine deficit."),
    _P("dat_dopamine_gain", 1.0, "1", (0.0, 5.0),
       "assumed: dopaminergic signalling rises in proportion to the fraction of DAT blocked (bupropion blocks "
       "14-26%, doi:10.1016/S0006-3223(02)01834-6)",
       "Rise of dopaminergic signalling per unit DAT occupancy."),
    _P("w_anh_plasticity", 6.0, "1", (0.0, 30.0), _ASSUMED_WEIGHT, "Anhedonia drive per unit plasticity deficit."),
    _P("w_mood_serotonin", 2.82222, "1", (0.0, 30.0), "calibrated: E4",
       "Depressed-mood drive per unit serotonin deficit."),
    _P("mood_serotonin_excess", 0.0, "1", (0.0, 1.0),
       "doi:10.1176/appi.ajp.161.7.1256; 7 days of citalopram 20 mg/day changed emotional processing in 42 healthy "
       "volunteers without changing mood (PANAS, BDI) or anxiety, and a single dose of reboxetine did the same in "
       "depressed patients (doi:10.1176/appi.ajp.2009.09020149): raising monoamines above usual does not lift mood "
       "directly; the antidepressant effect builds through plasticity over weeks",
       "Weight on depressed mood of serotonin signalling above healthy, relative to a deficit (0: only a "
       "deficit lowers mood; an SSRI helps mood by restoring a deficit and through plasticity)."),
    _P("w_mood_plasticity", 6.60119, "1", (0.0, 30.0), "calibrated: CASE3",
       "Depressed-mood drive per unit plasticity deficit."),
    _P("w_mood_quin", 0.5, "1", (0.0, 10.0), _ASSUMED_WEIGHT,
       "Depressed-mood drive per unit relative rise of CSF quinolinic acid (CSF QUIN correlates with MADRS "
       "under IFN-alpha, doi:10.1038/mp.2009.116)."),
    _P("w_cog_plasticity", 6.0, "1", (0.0, 30.0), _ASSUMED_WEIGHT, "Cognitive drive per unit plasticity deficit."),
    _P("w_cog_inflammation", 1.0, "1", (0.0, 10.0), _ASSUMED_WEIGHT, "Cognitive drive per unit microglial activation."),
    _P("w_cog_quin", 0.5, "1", (0.0, 10.0), _ASSUMED_WEIGHT, "Cognitive drive per unit relative rise of QUIN."),
    _P("w_sui_mood", 5.0, "1", (0.0, 30.0), _ASSUMED_WEIGHT, "Suicidality drive per unit depressed mood."),
    _P("w_sui_quin", 0.5, "1", (0.0, 10.0), _ASSUMED_WEIGHT,
       "Suicidality drive per unit relative rise of QUIN (QUIN is raised in suicidal depression, doi:10.3390/cells11193112)."),
    _P("symptom_stress_gain", 2.0, "1", (0.0, 10.0), "calibrated: CASE3",
       "Perceived stress added by the mean of mood, anxiety, anhedonia and sleep symptoms."),
    _P("appetite_gain", 0.5, "1", (0.0, 0.9),
       "assumed: anorexia is a leading neurovegetative symptom of IFN-alpha therapy (doi:10.1016/S0893-133X(01)00407-9)",
       "Fraction of food intake lost at maximal sickness."),
)


def _logistic(x: str) -> str:
    return f"1 / (1 + exp(-(sym_baseline + {x})))"


_DRIVES = {
    "sym_sickness": "w_sick_inflammation * neuroinflammation + w_sick_cytokine * cytokine_index",
    "sym_anxiety": "w_anx_stress * stress_appraisal * stress_external + w_anx_inflammation * neuroinflammation"
                   " + w_anx_serotonin * (1 - serotonin_signalling)",
    "sym_sleep": "w_sleep_inflammation * neuroinflammation + w_sleep_cortisol * (1 - hippocampal_restraint)"
                 " + w_sleep_mood * sym_mood",
    "sym_anhedonia": "w_anh_dopamine * (1 - dopamine * (1 + dat_dopamine_gain * dat_inhibition))"
                     " + w_anh_plasticity * (1 - plasticity)",
    "sym_mood": "w_mood_serotonin * (max(0, 1 - serotonin_signalling) - mood_serotonin_excess * max(0, serotonin_signalling - 1))"
                " + w_mood_plasticity * (1 - plasticity)"
                " + w_mood_quin * (quinolinic_acid / quin_ref - 1)",
    "sym_cognition": "w_cog_plasticity * (1 - plasticity) + w_cog_inflammation * neuroinflammation"
                     " + w_cog_quin * (quinolinic_acid / quin_ref - 1)",
    "sym_suicidality": "w_sui_mood * sym_mood + w_sui_quin * (quinolinic_acid / quin_ref - 1)",
}
_NAMES = {
    "sym_mood": ("Depressed mood", "tau_mood"), "sym_anhedonia": ("Anhedonia", "tau_anhedonia"),
    "sym_anxiety": ("Anxiety", "tau_anxiety"), "sym_sickness": ("Sickness behaviour and fatigue", "tau_sickness"),
    "sym_sleep": ("Sleep disturbance", "tau_sleep"), "sym_cognition": ("Cognitive impairment", "tau_cognition"),
    "sym_suicidality": ("Suicidal ideation", "tau_suicidality"),
}

STATES = tuple(
    State(dim, _NAMES[dim][0], "1", 0.035, f"({_logistic(_DRIVES[dim])} - {dim}) / {_NAMES[dim][1]}",
          f"{_NAMES[dim][0]}: latent severity from 0 (absent) to 1 (maximal).")
    for dim in DIMENSIONS
)


#: Dimensions relieved at once by rapid synaptogenesis (ketamine): rated severity is the latent
#: severity times (1 - rapid_relief); the latent states keep their slow dynamics. Anxiety is
#: included because ketamine's 24-h response is measured on the whole HAM-D, anxiety items too
#: (assumed; the rapid anxiolytic effect is reported but its size was not read).
RAPID_RELIEF = ("sym_mood", "sym_anhedonia", "sym_suicidality", "sym_anxiety")


def _expressed(dim: str) -> str:
    return f"{dim} * (1 - rapid_relief)" if dim in RAPID_RELIEF else dim


def _total(scale_id: str) -> str:
    terms = []
    for item in SCALES[scale_id].items:
        inner = " + ".join(f"{w:g} * {_expressed(d)}" for d, w in item.weights)
        terms.append(f"{item.max_score} * ({inner})")
    return " + ".join(terms)


ASSIGNMENTS = (
    *(Assignment(sid, scale.title, "1", _total(sid),
                 f"{scale.title} total (0-{scale.max_total}) from the item map in neuroimmune.model.scales; "
                 f"{scale.bands}. Source: {scale.source}.")
      for sid, scale in SCALES.items()),
    Assignment("stress_symptoms", "Stress from symptoms", "1",
               "symptom_stress_gain * ((sym_mood + sym_anhedonia + sym_anxiety) * (1 - rapid_relief) + sym_sleep) / 4",
               "Perceived stress added by the symptoms themselves (the stress loop is two-way)."),
    Assignment("appetite_loss", "Appetite loss", "1", "appetite_gain * sym_sickness",
               "Fraction of usual food (and tryptophan) intake lost."),
)

INPUTS = (
    Input("neuroinflammation", "1", "Microglial activation (brain subsystem)."),
    Input("cytokine_index", "1", "Circulating cytokine index (immune subsystem)."),
    Input("serotonin_signalling", "1", "Postsynaptic serotonin receptor signalling (brain subsystem)."),
    Input("dopamine", "1", "Dopamine synthesis capacity (brain subsystem)."),
    Input("plasticity", "1", "Neuroplasticity (plasticity subsystem)."),
    Input("hippocampal_restraint", "1", "Hippocampal restraint of the HPA axis (plasticity subsystem)."),
    Input("quinolinic_acid", "nmol/L", "CSF quinolinic acid (brain subsystem)."),
    Input("quin_ref", "nmol/L", "Healthy CSF quinolinic acid (brain subsystem)."),
    Input("stress_external", "1", "Psychological stress from the environment (HPA subsystem)."),
    Input("stress_appraisal", "1", "Perceived stress per unit of stress met (lifestyle subsystem).", 1.0, (0.05, 2.0)),
    Input("dat_inhibition", "1", "Fraction of dopamine transporters blocked (bupropion).", 0.0, (0.0, 0.99)),
    Input("rapid_relief", "1", "Rapid relief of mood symptoms by synaptogenesis (plasticity subsystem).", 0.0,
          (0.0, 0.99)),
)


def symptoms() -> Subsystem:
    """The symptom subsystem."""
    return Subsystem(
        name="symptoms",
        title="Symptoms and rating scales",
        description=__doc__ or "",
        states=STATES,
        parameters=PARAMETERS,
        assignments=ASSIGNMENTS,
        inputs=INPUTS,
        alternative_states={"depressed": {d: 0.8 for d in DIMENSIONS}},
    )
