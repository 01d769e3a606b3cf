"""The brain side: neuroinflammation, the brain kynurenine pathway and monoamines.

Circulating cytokines and interferon reach the brain and activate microglia over
hours to days. Microglia carry the neurotoxic branch (KMO: kynurenine to
3-hydroxykynurenine to quinolinic acid), astrocytes the neuroprotective one (KAT:
kynurenic acid). About 60% of brain kynurenine comes from blood across the
blood-brain barrier through the large neutral amino acid transporter, where
tryptophan, kynurenine and the other large neutral amino acids (an amino-acid
load such as the tryptophan depletion drink) compete. Concentrations are those of
cerebrospinal fluid.

Serotonin synthesis by tryptophan hydroxylase depends on brain tryptophan (the
enzyme is not saturated) and on the cofactor BH4; extracellular serotonin is set
by release against reuptake through SERT, whose activity IL-1beta and TNF-alpha
raise (p38 MAPK). 5-HT1A autoreceptors restrain firing and desensitise over
weeks when serotonin stays high (why SSRIs take weeks). Postsynaptic receptors
read serotonin through a saturating occupancy (``serotonin_signalling``): a deficit
counts almost one for one, but raising serotonin far above normal (an SSRI) adds
ever less signal. Inflammation oxidises BH4,
which lowers dopamine synthesis (anhedonia). Monoamines are relative to healthy.
"""

from __future__ import annotations

from neuroimmune.model.spec import Assignment, Input, Parameter, State, Subsystem

__all__ = ["brain"]

_P = Parameter
_CSF = "doi:10.4137/ijtr.s2097; review table of CSF control values"

PARAMETERS = (
    # --- neuroinflammation -------------------------------------------------------------
    _P("k_microglia", 0.0578, "1/h", (0.005, 1.0),
       "assumed: microglial activation builds and resolves over about a day (half-life 12 h)",
       "Rate at which microglial activation follows its drive."),
    _P("mg_cyt_gain", 1.0, "1", (0.0, 20.0),
       "assumed: circulating cytokines activate microglia in proportion to their level (CSF IL-6 rose with "
       "endotoxin and IFN-alpha, doi:10.1016/j.biopsych.2008.08.010, direction only)",
       "Microglial activation per unit circulating cytokine signal."),
    _P("mg_il6_k", 200, "pg/mL", (1.0, 1000.0),
       "assumed: circulating IL-6 in the tens of pg/mL (IFN-alpha therapy, endotoxin) activates microglia",
       "IL-6 contributing one unit of microglial drive."),
    _P("mg_tnf_k", 200, "pg/mL", (1.0, 1000.0),
       "assumed: circulating TNF-alpha in the tens of pg/mL activates microglia",
       "TNF-alpha contributing one unit of microglial drive."),
    _P("mg_ifn_gain", 1.0, "1", (0.0, 20.0), "assumed: CSF IFN-alpha and microglial markers rise during IFN-alpha therapy (doi:10.1038/mp.2009.116, direction only)",
       "Microglial activation by interferon signalling (IFN-alpha reaches the CSF during therapy)."),
    # --- blood-brain barrier and brain kynurenine pathway -------------------------------
    _P("k_bbb", 0.5, "1/h", (0.05, 5.0),
       "assumed: brain amino-acid pools follow plasma within hours (CSF tryptophan fell with plasma during "
       "acute depletion, doi:10.1046/j.1471-4159.1999.721641.x)",
       "Exchange rate of brain tryptophan and kynurenine with blood."),
    _P("trp_csf_ratio", 0.0233244, "1", (0.005, 0.1), "calibrated: CSF-TRP",
       "CSF/plasma tryptophan ratio with no competition at the transporter."),
    _P("kyn_csf_ratio", 0.0148158, "1", (0.002, 0.1), "calibrated: CSF-KYN",
       "CSF/plasma kynurenine ratio contributed by transport (about 60% of brain kynurenine comes from blood)."),
    _P("lnaa_competition", 0.58463, "1", (0.0, 20.0), "calibrated: ATD1",
       "Extra competition at the large neutral amino acid transporter per unit amino-acid load."),
    _P("trp_bbb_km", 300.0, "umol/L", (25.0, 600.0),
       "assumed: no tryptophan-specific value found; blood-brain barrier L-system Km values lie in the 0.1-0.6 mM "
       "range in rats in vivo (doi:10.1007/978-3-7091-2243-3_4, read in the abstract); taken mid-range",
       "Apparent Km of tryptophan at the large neutral amino acid transporter (sets how much a change in plasma "
       "tryptophan competes with its own and kynurenine's transport)."),
    _P("kyn_bbb_km", 160.0, "umol/L", (50.0, 600.0),
       "doi:10.1111/j.1471-4159.1991.tb03460.x; Km of saturable L-kynurenine transfer 0.16 umol/mL (rat, in situ "
       "brain perfusion)",
       "Km of kynurenine at the large neutral amino acid transporter."),
    _P("trp_plasma_ref", 60.0, "umol/L", (40.0, 90.0), "doi:10.1002/rcm.4013; plasma tryptophan about 60 uM (target A11)",
       "Healthy plasma tryptophan, at which tryptophan adds no extra transporter competition."),
    _P("kyn_plasma_ref", 1.8, "umol/L", (1.0, 3.3),
       "assumed: the model's healthy plasma kynurenine, inside the 1.0-3.3 uM reference range (target A12, "
       "doi:10.1002/rcm.4013)",
       "Healthy plasma kynurenine, at which kynurenine adds no extra transporter competition."),
    _P("kyn_brain_synthesis", 0.4, "1", (0.0, 0.9),
       "ref: Gal and colleagues 1980, about 40% of brain kynurenine is synthesised in the brain "
       "(rat, DOI not verified)",
       "Share of healthy brain kynurenine made locally (the rest comes from blood)."),
    _P("kyn_brain_ref", 0.043, "umol/L", (0.02, 0.1), f"{_CSF}; CSF kynurenine 42-44 nM in controls",
       "Healthy CSF kynurenine (scales local synthesis)."),
    _P("trp_brain_ref", 1.5, "umol/L", (1.0, 2.5), f"{_CSF}; CSF tryptophan 1.3-1.7 uM in controls",
       "Healthy CSF tryptophan (the reference for substrate effects)."),
    _P("ido_brain_gain", 3.0, "1", (0.0, 30.0), "assumed: activated microglia express IDO; brain kynurenine synthesis doubles at full activation",
       "Induction of brain IDO (microglia) per unit microglial activation."),
    _P("k_kyna", 0.35, "1/h", (0.05, 5.0), "assumed: CSF kynurenic acid turns over within hours",
       "Clearance of brain kynurenic acid."),
    _P("kyna_ref", 2.3, "nmol/L", (1.0, 6.0), f"{_CSF}; CSF kynurenic acid 2.32 nM in controls",
       "Healthy CSF kynurenic acid."),
    _P("k_hk3", 0.35, "1/h", (0.05, 5.0), "assumed: 3-hydroxykynurenine turns over within hours",
       "Clearance of brain 3-hydroxykynurenine (to quinolinic acid and others)."),
    _P("hk3_ref", 5.0, "nmol/L", (1.0, 50.0),
       "assumed: CSF 3-hydroxykynurenine not found; taken of the order of the other CSF kynurenines",
       "Healthy CSF 3-hydroxykynurenine."),
    _P("kmo_gain", 1.5, "1", (0.0, 20.0), "assumed: KMO is expressed by activated microglia, not astrocytes; the neurotoxic branch rises with activation",
       "Induction of microglial KMO per unit microglial activation."),
    _P("k_quin", 0.1, "1/h", (0.01, 2.0), "assumed: quinolinic acid turns over over hours to a day",
       "Clearance of brain quinolinic acid."),
    _P("quin_ref", 21.9, "nmol/L", (10.0, 60.0), f"{_CSF}; CSF quinolinic acid 21.9 nM in controls",
       "Healthy CSF quinolinic acid."),
    # --- serotonin ----------------------------------------------------------------------
    _P("k_serotonin", 0.5, "1/h", (0.05, 5.0),
       "assumed: extracellular serotonin follows synthesis and reuptake within hours",
       "Rate at which extracellular serotonin follows its synthesis/reuptake balance."),
    _P("tph_km_rel", 1.0, "1", (0.3, 10.0),
       "assumed: TPH2 is not saturated at physiological tryptophan (PMC4627710, qualitative); Km taken equal "
       "to brain tryptophan",
       "Tryptophan hydroxylase Km relative to healthy brain tryptophan."),
    _P("sert_fraction", 0.9, "1", (0.5, 0.99),
       "assumed: SERT is the main route of extracellular serotonin clearance",
       "Share of serotonin clearance by SERT at baseline."),
    _P("sert_cyt_gain", 0.5, "1", (0.0, 5.0),
       "assumed: IL-1beta and TNF-alpha raise SERT activity through p38 MAPK within minutes "
       "(doi:10.1038/sj.npp.1301029, direction only; not reproduced in rat synaptosomes)",
       "Rise of SERT activity per unit microglial activation."),
    _P("autoreceptor_gain", 1.0, "1", (0.0, 10.0),
       "assumed: 5-HT1A autoreceptors hold raphe firing near its set point",
       "Strength of 5-HT1A autoreceptor feedback on serotonin release."),
    _P("k_autoreceptor", 0.0029, "1/h", (0.0005, 0.02),
       "doi:10.1016/S0893-133X(99)00036-6; antidepressant action appears after 2-3 weeks as autoreceptors "
       "desensitise (rat firing recovers over 14-21 days); half-life 10 d",
       "Rate of 5-HT1A autoreceptor desensitisation and resensitisation."),
    _P("autoreceptor_desens", 1.0, "1", (0.0, 5.0),
       "assumed: autoreceptor sensitivity falls in proportion to sustained extracellular serotonin",
       "Exponent of autoreceptor desensitisation by serotonin."),
    _P("ht_receptor_k", 1.0, "1", (0.2, 10.0),
       "assumed: basal extracellular serotonin (about 0.8 nM by fast microdialysis in mice; Yang 2013, ACS Chem "
       "Neurosci, DOI not verified) is near the nanomolar affinity of high-affinity 5-HT receptors (affinity "
       "value not read), so receptors are about half occupied at rest",
       "Serotonin at half-maximal postsynaptic receptor occupancy, relative to healthy extracellular serotonin."),
    # --- BH4 and dopamine ------------------------------------------------------------------
    _P("k_bh4", 0.0289, "1/h", (0.005, 0.5), "assumed: BH4 pools turn over within a day (half-life 24 h)",
       "Rate of BH4 synthesis and oxidation."),
    _P("bh4_ox_gain", 0.6, "1", (0.0, 10.0),
       "assumed: inflammation oxidises BH4 (neopterin rose 2.5-fold after one month of IFN-alpha, "
       "doi:10.1089/jir.2011.0093)",
       "Oxidative loss of BH4 per unit microglial activation."),
    _P("k_dopamine", 0.0289, "1/h", (0.005, 0.5), "assumed: dopamine synthesis capacity follows BH4 within a day",
       "Rate at which dopamine follows its synthesis capacity."),
)

ASSIGNMENTS = (
    Assignment("cytokine_brain_drive", "Circulating cytokine drive on microglia", "1",
               "il6_signal / mg_il6_k + tnf / mg_tnf_k", "Circulating IL-6 and TNF-alpha as seen by the brain."),
    Assignment("lnaa_factor", "Transporter competition", "1",
               "1 + lnaa_competition * amino_acid_load + (tryptophan - trp_plasma_ref) / trp_bbb_km"
               " + (kynurenine - kyn_plasma_ref) / kyn_bbb_km",
               "Competition for the large neutral amino acid transporter relative to a healthy adult on a usual diet: "
               "an amino-acid load, and tryptophan and kynurenine competing with each other."),
    Assignment("sert_activity", "SERT activity", "1",
               "(1 + sert_cyt_gain * neuroinflammation) * (1 - sert_inhibition)",
               "Serotonin transporter activity relative to healthy."),
    Assignment("serotonin_signalling", "Serotonergic signalling", "1",
               "1 + (1 + ht_receptor_k) * (serotonin - 1) / (serotonin + ht_receptor_k)",
               "Postsynaptic serotonin receptor signalling relative to healthy: receptor occupancy "
               "serotonin / (serotonin + ht_receptor_k), rescaled to 1 at healthy serotonin and to a slope of 1 "
               "there; it saturates at 2 + ht_receptor_k however high serotonin goes."),
    Assignment("serotonin_synthesis", "Serotonin synthesis", "1",
               "bh4 * (tryptophan_brain / trp_brain_ref) * (1 + tph_km_rel)"
               " / (tryptophan_brain / trp_brain_ref + tph_km_rel)",
               "Tryptophan hydroxylase rate relative to healthy (substrate and BH4 limited)."),
)

STATES = (
    State("neuroinflammation", "Microglial activation", "1", 0.0,
          "k_microglia * ((mg_cyt_gain * cytokine_brain_drive + mg_ifn_gain * ifn_signal) * (1 - microglia_inhibition)"
          " - neuroinflammation)",
          "Microglial activation and brain IL-1beta/TNF-alpha production (0 = resting)."),
    State("tryptophan_brain", "Tryptophan (CSF)", "umol/L", 1.5,
          "k_bbb * (trp_csf_ratio * tryptophan / lnaa_factor - tryptophan_brain)",
          "Brain (CSF) tryptophan.", ("http://identifiers.org/CHEBI:16828",)),
    State("kynurenine_brain", "Kynurenine (CSF)", "umol/L", 0.043,
          "k_bbb * (kyn_csf_ratio * kynurenine / lnaa_factor + kyn_brain_synthesis * kyn_brain_ref"
          " * (1 + ido_brain_gain * neuroinflammation) * tryptophan_brain / trp_brain_ref - kynurenine_brain)",
          "Brain (CSF) kynurenine: transported from blood and made by brain IDO.",
          ("http://identifiers.org/CHEBI:16946",)),
    State("kynurenic_acid", "Kynurenic acid (CSF)", "nmol/L", 2.3,
          "k_kyna * (kyna_ref * kynurenine_brain / kyn_brain_ref - kynurenic_acid)",
          "Kynurenic acid made by astrocytic KAT (neuroprotective NMDA/alpha7 antagonist).",
          ("http://identifiers.org/CHEBI:18344",)),
    State("hydroxykynurenine", "3-Hydroxykynurenine (CSF)", "nmol/L", 5.0,
          "k_hk3 * (hk3_ref * (1 + kmo_gain * neuroinflammation) * kynurenine_brain / kyn_brain_ref"
          " - hydroxykynurenine)",
          "3-Hydroxykynurenine made by microglial KMO (free-radical generator).",
          ("http://identifiers.org/CHEBI:17380",)),
    State("quinolinic_acid", "Quinolinic acid (CSF)", "nmol/L", 21.9,
          "k_quin * (quin_ref * hydroxykynurenine / hk3_ref - quinolinic_acid)",
          "Quinolinic acid (NMDA agonist, excitotoxic).", ("http://identifiers.org/CHEBI:16675",)),
    State("serotonin", "Serotonin (extracellular)", "1", 1.0,
          "k_serotonin * (serotonin_synthesis * (1 + autoreceptor_gain)"
          " / (1 + autoreceptor_gain * autoreceptor * serotonin)"
          " / (sert_fraction * sert_activity + 1 - sert_fraction) - serotonin)",
          "Extracellular serotonin relative to healthy.", ("http://identifiers.org/CHEBI:28790",)),
    State("autoreceptor", "5-HT1A autoreceptor sensitivity", "1", 1.0,
          "k_autoreceptor * (serotonin^(-autoreceptor_desens) - autoreceptor)",
          "Somatodendritic 5-HT1A autoreceptor sensitivity relative to healthy."),
    State("bh4", "BH4", "1", 1.0, "k_bh4 * (1 - bh4 * (1 + bh4_ox_gain * neuroinflammation))",
          "Tetrahydrobiopterin, cofactor of tryptophan and tyrosine hydroxylase, relative to healthy.",
          ("http://identifiers.org/CHEBI:59560",)),
    State("dopamine", "Dopamine synthesis capacity", "1", 1.0, "k_dopamine * (bh4 - dopamine)",
          "Striatal dopamine synthesis capacity relative to healthy.", ("http://identifiers.org/CHEBI:18243",)),
)

INPUTS = (
    Input("il6_signal", "pg/mL", "Plasma IL-6 reaching unblocked receptors (immune subsystem)."),
    Input("tnf", "pg/mL", "Plasma TNF-alpha (immune subsystem)."),
    Input("ifn_signal", "1", "Interferon signal (interferon subsystem)."),
    Input("tryptophan", "umol/L", "Plasma tryptophan (tryptophan subsystem)."),
    Input("kynurenine", "umol/L", "Plasma kynurenine (tryptophan subsystem)."),
    Input("amino_acid_load", "1", "Tryptophan-free amino-acid load.", 0.0, (0.0, 5.0)),
    Input("sert_inhibition", "1", "Fraction of SERT blocked (antidepressants).", 0.0, (0.0, 0.99)),
    Input("microglia_inhibition", "1", "Fraction of microglial activation prevented (minocycline).", 0.0, (0.0, 0.99)),
)


def brain() -> Subsystem:
    """The neuroinflammation, brain-kynurenine and monoamine subsystem."""
    return Subsystem(
        name="brain",
        title="Neuroinflammation, brain kynurenines and monoamines",
        description=__doc__ or "",
        states=STATES,
        parameters=PARAMETERS,
        assignments=ASSIGNMENTS,
        inputs=INPUTS,
    )
