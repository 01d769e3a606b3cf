"""Treatments without a drug: aerobic exercise, psychotherapy and the placebo expectation.

- *Exercise*: during a session, contracting muscle releases IL-6 (a myokine, not
  an inflammatory signal) and IL-6 in turn raises IL-10 and IL-1ra; over weeks
  of training, fitness lowers the monocyte NF-kB drive (CRP falls) and muscle
  PGC-1alpha1 induces kynurenine aminotransferases that turn plasma kynurenine
  into kynurenic acid, which does not enter the brain.
- *Psychotherapy*: each session builds coping skill, which lowers the appraisal
  of stress (and of the stress that symptoms add) over weeks and outlasts therapy.
- *Placebo*: taking a treatment one expects to work lowers the appraisal of stress
  within about a week and lasts while the expectation does.
"""

from __future__ import annotations

from neuroimmune.model.spec import Assignment, Input, Parameter, State, Subsystem

__all__ = ["lifestyle"]

_P = Parameter

PARAMETERS = (
    # --- exercise -------------------------------------------------------------------------
    _P("v_myokine_il6", 7.0, "pg/mL/h", (0.0, 100.0),
       "assumed: moderate aerobic exercise raises plasma IL-6 2-3-fold by its end (up to 100-fold after a marathon, "
       "doi:10.1097/00062752-200105000-00002)",
       "Muscle IL-6 release during exercise of intensity 1."),
    _P("myokine_il10_per_il6", 0.3, "1", (0.0, 3.0),
       "assumed: IL-6 infusion to about 140 pg/mL raised plasma IL-10 and IL-1ra (doi:10.1152/ajpendo.00074.2003; "
       "size not read)",
       "IL-10 released per unit of myokine IL-6 released."),
    _P("k_training", 0.00206, "1/h", (0.0005, 0.01),
       "assumed: training adaptations build and wane over about 2 weeks (half-life 2 weeks)",
       "Rate at which fitness follows the exercise done."),
    _P("training_dose_ref", 0.0134, "1", (0.001, 0.1),
       "assumed: three 45-minute moderate sessions a week (fraction of hours spent exercising) is fitness 1",
       "Average exercise intensity that maintains fitness 1."),
    _P("training_nfkb_gain", 0.15, "1", (0.0, 0.6),
       "assumed: training lowers CRP with effect size 0.26 across 83 trials (doi:10.1136/bjsports-2016-095999); "
       "population-level check waits for virtual populations",
       "Fraction of monocyte NF-kB drive removed at fitness 1."),
    _P("training_kat_gain", 0.3, "1", (0.0, 2.0),
       "assumed: endurance training raises muscle KAT expression and exercise raises plasma kynurenic acid "
       "(doi:10.1152/ajpcell.00053.2016, doi:10.1016/j.cell.2014.07.051; sizes not read)",
       "Rise of plasma kynurenine clearance by muscle KAT at fitness 1."),
    _P("training_plasticity_gain", 0.1, "1", (0.0, 1.0),
       "assumed: exercise raises BDNF signalling (direction only)",
       "Rise of plasticity support per unit plasticity deficit at fitness 1."),
    # --- psychotherapy --------------------------------------------------------------------
    _P("k_coping_learn", 0.12, "1/h", (0.01, 1.0),
       "assumed: each session closes about a tenth of the gap to full coping skill, so a 12-16 session course "
       "acts over 8-16 weeks",
       "Rate of skill learning during a therapy session."),
    _P("k_coping_loss", 0.000079, "1/h", (0.00001, 0.001),
       "assumed: CBT effects persist at 6-12 months (doi:10.1002/wps.21069); half-life of skill about one year",
       "Rate at which coping skill fades."),
    _P("coping_appraisal_gain", 0.5, "1", (0.0, 0.9),
       "assumed: full coping skill halves the appraisal of stress",
       "Fraction of perceived stress removed at full coping skill."),
    _P("coping_plasticity_gain", 3.0, "1", (0.0, 10.0),
       "assumed: learning in therapy (behavioural activation, reappraisal) engages and builds plasticity; sized "
       "so that a 16-session course ends an episode, as 8 weeks of treatment do in doi:10.1371/journal.pcbi.1011645",
       "Rise of plasticity support per unit plasticity deficit at full coping skill (restorative: no effect "
       "once plasticity is back to usual)."),
    # --- placebo --------------------------------------------------------------------------
    _P("k_expectancy", 0.00595, "1/h", (0.001, 0.05),
       "assumed: the expectation effect builds and fades over about a week (time constant 7 days)",
       "Rate at which expectancy follows the expectation of benefit."),
    _P("expectancy_appraisal_gain", 0.2, "1", (0.0, 0.6),
       "assumed: placebo lowers perceived stress; placebo response is 35-40% in antidepressant trials "
       "(doi:10.1016/S2215-0366(16)30307-8, value not read); checked against populations later",
       "Fraction of perceived stress removed at full expectancy."),
)

ASSIGNMENTS = (
    Assignment("myokine_il6_release", "Myokine IL-6 release", "pg/mL/h", "v_myokine_il6 * exercise",
               "IL-6 released by contracting muscle."),
    Assignment("myokine_il10_release", "IL-10 after myokine IL-6", "pg/mL/h",
               "myokine_il10_per_il6 * v_myokine_il6 * exercise",
               "IL-10 released in response to myokine IL-6."),
    Assignment("nfkb_inhibition_training", "NF-kB inhibition by training", "1",
               "training_nfkb_gain * fitness / (1 + fitness) * 2",
               "Fraction of NF-kB drive removed by training (0 without exercise)."),
    Assignment("kyn_muscle_clearance", "Muscle kynurenine clearance", "1", "1 + training_kat_gain * fitness",
               "Plasma kynurenine clearance relative to usual (muscle KAT)."),
    Assignment("stress_appraisal", "Stress appraisal", "1",
               "(1 - coping_appraisal_gain * coping) * (1 - expectancy_appraisal_gain * expectancy)",
               "Perceived stress per unit of stress met (1 = usual)."),
    Assignment("plasticity_support_lifestyle", "Lifestyle support of plasticity", "1",
               "training_plasticity_gain * fitness + coping_plasticity_gain * coping",
               "Added drive on plasticity from training and psychotherapy (0 without them)."),
)

STATES = (
    State("fitness", "Aerobic fitness", "1", 0.0, "k_training * (exercise / training_dose_ref - fitness)",
          "Training adaptation: 1 after weeks of three moderate sessions a week, 0 when sedentary."),
    State("coping", "Coping skill", "1", 0.0, "k_coping_learn * therapy_session * (1 - coping) - k_coping_loss * coping",
          "Skill learned in psychotherapy (0 = none, 1 = full)."),
    State("expectancy", "Expectancy", "1", 0.0, "k_expectancy * (expectation - expectancy)",
          "Expectation of benefit from a treatment (placebo effect)."),
)

INPUTS = (
    Input("exercise", "1", "Exercise intensity now (1 = moderate aerobic, about 60-70% of VO2max).", 0.0, (0.0, 3.0)),
    Input("therapy_session", "1", "1 during a psychotherapy session.", 0.0, (0.0, 1.0)),
    Input("expectation", "1", "Expectation of benefit (1 while taking a treatment believed to work).", 0.0,
          (0.0, 1.0)),
)


def lifestyle() -> Subsystem:
    """Exercise, psychotherapy and placebo."""
    return Subsystem(
        name="lifestyle",
        title="Exercise, psychotherapy and placebo",
        description=__doc__ or "",
        states=STATES,
        parameters=PARAMETERS,
        assignments=ASSIGNMENTS,
        inputs=INPUTS,
    )
