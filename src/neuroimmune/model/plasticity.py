"""Neuroplasticity: a BDNF-like plasticity state, the slow variable of depression.

Plasticity (hippocampal and prefrontal BDNF signalling, relative to healthy) is
lowered by sustained high cortisol, by microglial activation and by quinolinic
acid excitotoxicity, supported by serotonin, and recovers over weeks. It restrains
the HPA axis (hippocampal inhibition of the hypothalamus), so low plasticity raises
the hypothalamic drive, and cortisol lowers plasticity further: with a steep
cortisol threshold this loop is bistable, as in the HPA-CNS toggle switch of
Mizrachi et al. 2023 (healthy and depressed states at the same stress, a critical
stress duration, and a weeks-long lag before treatment works).

Ketamine takes a faster road: NMDA block starts a BDNF/mTOR signal within an
hour, which builds new spine synapses over the next day; the synapses fade over
days. New synapses relieve the rated mood symptoms at once (``rapid_relief``)
and support the slow plasticity state, so part of the effect can consolidate.
Noradrenaline reuptake inhibition (nortriptyline, bupropion) supports plasticity.
"""

from __future__ import annotations

from neuroimmune.model.spec import Assignment, Input, Parameter, State, Subsystem

__all__ = ["neuroplasticity"]

MIZRACHI_2023 = "10.1371/journal.pcbi.1011645"
_NOTE = "value as transcribed from the published model in shared/science/anchors.md section 3.2"
_P = Parameter

PARAMETERS = (
    _P("k_plasticity", 0.0019841, "1/h", (0.0003, 0.01), f"doi:{MIZRACHI_2023}; CNS variable rate 1/21 per day; {_NOTE}",
       "Rate at which plasticity follows its target (time constant 3 weeks)."),
    _P("pl_cortisol_gain", 3.0, "1", (0.0, 20.0),
       f"doi:{MIZRACHI_2023}; the CNS variable is suppressed 4-fold above its cortisol threshold; {_NOTE}",
       "Maximal suppression of plasticity by high cortisol."),
    _P("pl_cortisol_k", 27.0, "nmol/L", (2.0, 60.0),
       f"calibrated: CASE3; about 2.9 times the healthy day-averaged free cortisol (about 1.8 times total "
       f"cortisol, as CBG saturates), near the 1.5-fold total-cortisol threshold of doi:{MIZRACHI_2023}; placed "
       "so that a healthy adult stays healthy across GR sensitivities 0.6-2",
       "Day-averaged free cortisol at half-maximal suppression of plasticity."),
    _P("pl_cortisol_hill", 8.0, "1", (1.0, 10.0),
       f"assumed: a steep threshold, smoothing the step function of doi:{MIZRACHI_2023}",
       "Steepness of the cortisol threshold on plasticity."),
    _P("pl_inflammation_gain", 0.5, "1", (0.0, 10.0),
       "assumed: microglial activation lowers BDNF; serum BDNF fell during PEG-IFN-alpha (direction only)",
       "Suppression of plasticity per unit microglial activation."),
    _P("pl_quin_gain", 0.3, "1", (0.0, 10.0),
       "assumed: quinolinic acid excitotoxicity lowers plasticity in proportion to its excess over healthy",
       "Suppression of plasticity per unit relative rise of quinolinic acid."),
    _P("pl_serotonin_gain", 0.5, "1", (0.0, 5.0),
       "assumed: serotonin supports BDNF signalling (serum BDNF rises with antidepressant treatment, "
       "effect size 0.62, doi:10.1017/S1461145708009309)",
       "Support of plasticity per unit relative change of serotonin."),
    _P("pl_scale", 1.53335, "1", (0.5, 5.0), "calibrated: CASE3; normalises healthy plasticity to about 1",
       "Scale of the plasticity target."),
    _P("pl_net_gain", 0.3, "1", (0.0, 3.0),
       "assumed: noradrenergic antidepressants raise BDNF signalling as serotonergic ones do (direction only)",
       "Support of plasticity per unit NET occupancy."),
    _P("k_synaptic_signal", 3.0, "1/h", (0.3, 30.0),
       "assumed: ketamine activates mTOR within an hour (doi:10.1126/science.1190287, rat)",
       "Rate at which NMDA block starts the BDNF/mTOR signal."),
    _P("k_synaptic_signal_decay", 0.0578, "1/h", (0.01, 0.5),
       "assumed: synaptic protein synthesis persists for hours after ketamine is cleared (half-life 12 h)",
       "Decay of the BDNF/mTOR signal."),
    _P("k_synapse_formation", 0.05, "1/h", (0.005, 0.5),
       "assumed: new spine synapses are counted 24 h after ketamine (doi:10.1126/science.1190287, rat)",
       "Synapse formation per unit signal."),
    _P("k_synapse_loss", 0.00963, "1/h", (0.002, 0.05),
       "assumed: the antidepressant effect of one infusion fades over about a week (half-life 3 days)",
       "Loss of the new synapses."),
    _P("relief_signal_weight", 0.3, "1", (0.0, 3.0),
       "assumed: BDNF release and AMPA throughput act within the first hours, before new spines are counted "
       "(improvement within 110 min, targets.md G24)",
       "Weight of the BDNF/mTOR signal itself in synaptic potentiation."),
    _P("relief_max", 0.85, "1", (0.0, 0.95),
       "assumed: placed so that one 0.5 mg/kg infusion gives a large 24-h response (response OR 9.87, "
       "doi:10.1176/appi.ajp.2015.15040465); population check waits for virtual trials",
       "Maximal rapid relief of mood symptoms."),
    _P("relief_k", 0.2, "1", (0.01, 3.0), "assumed: half-maximal relief at moderate synaptogenesis",
       "Synaptogenesis giving half-maximal relief."),
    _P("pl_synapse_gain", 0.5, "1", (0.0, 5.0),
       "assumed: part of the ketamine effect consolidates into lasting plasticity",
       "Support of plasticity per unit synaptogenesis."),
    _P("pl_hpa_exp", 0.7, "1", (0.0, 3.0), f"doi:{MIZRACHI_2023}; CRH drive divided by the CNS variable; {_NOTE}",
       "Exponent of hippocampal restraint of the hypothalamic drive."),
)

ASSIGNMENTS = (
    Assignment("plasticity_target", "Plasticity target", "1",
               "pl_scale * plasticity_support * (1 + pl_serotonin_gain * (serotonin_signalling - 1))"
               " * (1 + pl_net_gain * net_inhibition + pl_synapse_gain * synaptogenesis"
               " + plasticity_support_lifestyle * max(0, 1 - plasticity))"
               " / (1 + pl_cortisol_gain * (cortisol_daily / pl_cortisol_k)^pl_cortisol_hill"
               " / (1 + (cortisol_daily / pl_cortisol_k)^pl_cortisol_hill)"
               " + pl_inflammation_gain * neuroinflammation"
               " + pl_quin_gain * quinolinic_acid / quin_ref)",
               "Level plasticity moves towards: supported by serotonin and treatment, lowered by high cortisol, "
               "microglial activation and quinolinic acid."),
    Assignment("rapid_relief", "Rapid relief", "1",
               "relief_max * (synaptogenesis + relief_signal_weight * synaptic_signal)"
               " / (synaptogenesis + relief_signal_weight * synaptic_signal + relief_k)",
               "Relief of rated mood, anhedonia and suicidality by new synapses (0 without ketamine)."),
    Assignment("hippocampal_restraint", "Hippocampal restraint of the HPA axis", "1",
               "plasticity^pl_hpa_exp", "Hippocampal inhibition of the hypothalamic drive (1 = healthy)."),
)

STATES = (
    State("plasticity", "Neuroplasticity (BDNF-like)", "1", 1.0, "k_plasticity * (plasticity_target - plasticity)",
          "BDNF-dependent plasticity relative to healthy.", ("http://identifiers.org/uniprot:P23560",)),
    State("synaptic_signal", "BDNF/mTOR signal", "1", 0.0,
          "k_synaptic_signal * nmda_block * (1 - synaptic_signal) - k_synaptic_signal_decay * synaptic_signal",
          "Fraction of maximal BDNF release and mTOR activation after NMDA block."),
    State("synaptogenesis", "New synapses", "1", 0.0,
          "k_synapse_formation * synaptic_signal - k_synapse_loss * synaptogenesis",
          "Spine synapses formed after NMDA block (0 = none beyond usual)."),
)

INPUTS = (
    Input("cortisol_daily", "nmol/L", "Day-averaged free cortisol (HPA subsystem)."),
    Input("serotonin_signalling", "1", "Postsynaptic serotonin receptor signalling (brain subsystem)."),
    Input("neuroinflammation", "1", "Microglial activation (brain subsystem)."),
    Input("quinolinic_acid", "nmol/L", "CSF quinolinic acid (brain subsystem)."),
    Input("quin_ref", "nmol/L", "Healthy CSF quinolinic acid (brain subsystem)."),
    Input("net_inhibition", "1", "Fraction of noradrenaline transporters blocked (drugs).", 0.0, (0.0, 0.99)),
    Input("nmda_block", "1", "Fraction of NMDA current blocked (ketamine).", 0.0, (0.0, 0.99)),
    Input("plasticity_support_lifestyle", "1",
          "Added plasticity drive from training and psychotherapy (lifestyle subsystem).", 0.0, (0.0, 10.0)),
    Input("plasticity_support", "1",
          "Treatment drive on plasticity (psychotherapy, antidepressants, ketamine act here); 1 = none.",
          1.0, (0.5, 5.0)),
)


def neuroplasticity() -> Subsystem:
    """The neuroplasticity subsystem."""
    return Subsystem(
        name="plasticity",
        title="Neuroplasticity",
        description=__doc__ or "",
        states=STATES,
        parameters=PARAMETERS,
        assignments=ASSIGNMENTS,
        inputs=INPUTS,
        references=(MIZRACHI_2023,),
        alternative_states={"depressed": {"plasticity": 0.3}},
    )
