"""Innate immunity: endotoxin, monocyte NF-kB activity, plasma cytokines and hepatic CRP.

NF-kB activity in monocytes/macrophages is raised by endotoxin (TLR4), by
sympathetic noradrenaline (stress) and by a chronic low-grade inflammatory load,
and held down by cortisol through functional GR, by IL-10 and by endotoxin
tolerance. Primary-response cytokines (TNF-alpha, IL-1beta) follow NF-kB
after a transcription/translation step; secondary-response cytokines (IL-6,
IL-10) need a further protein-synthesis-dependent step, which is why they peak
later. Autocrine TNF-alpha feeds back on NF-kB, steepening the endotoxin
dose-response. Interferon signalling adds IL-6 directly, and adipose tissue
adds IL-6 that grows faster than body-fat mass (``adiposity``, 1 in the reference
adult; set from BMI for virtual patients): most adipose IL-6 comes from the
stromal-vascular cells, and macrophages crowd into growing fat. IL-6 drives a hepatic
acute-phase programme that makes CRP (plasma half-life about 19 h).

Named inputs are where other subsystems act: ``nfkb_inhibition_ppar`` and
``nfkb_inhibition_ecb`` (lipid mediators), ``nfkb_inhibition_drug`` and
``nfkb_inhibition_training`` (drugs, exercise), ``tnf_neutralisation``
(anti-TNF antibody), ``il6_signalling_block`` (anti-IL-6 receptor antibody: IL-6
signalling and its receptor-mediated clearance fall, so plasma IL-6 rises while
CRP falls), PGE2 factors on IL-6 and TNF-alpha secretion, and myokine IL-6 and
IL-10 released by exercising muscle. All default to no effect.
"""

from __future__ import annotations

from neuroimmune.model.spec import Assignment, Input, Parameter, State, Subsystem

__all__ = ["innate_immunity"]

_P = Parameter

PARAMETERS = (
    # --- endotoxin ---------------------------------------------------------------------
    _P("k_lps", 1.22118, "1/h", (0.35, 8.5), "calibrated: ENDO04, ENDO2",
       "Clearance of circulating endotoxin (no human half-life was found; fitted to cytokine timing)."),
    _P("lps_ec50", 2.83728, "ng/kg", (0.01, 20.0), "calibrated: ENDO2, D5",
       "Circulating endotoxin (E. coli O:113 equivalents) giving half-maximal NF-kB drive."),
    _P("lps_hill", 3.68578, "1", (0.5, 4.0), "calibrated: ENDO2, D5",
       "Steepness of the endotoxin dose-response."),
    _P("lps_emax", 11000, "1", (1.0, 20000.0), "calibrated: ENDO2, D7",
       "Maximal NF-kB drive by endotoxin, relative to the basal drive."),
    _P("lps_potency_abortus_equi", 2.99367, "1", (0.5, 30.0), "calibrated: ENDO04",
       "Potency of Salmonella abortus equi endotoxin relative to E. coli O:113 per ng."),
    # --- NF-kB -------------------------------------------------------------------------
    _P("k_nfkb", 2.11486, "1/h", (0.3, 20.0), "calibrated: ENDO04, ENDO2, F2",
       "Rate at which monocyte NF-kB activity follows its drive."),
    _P("k_primary", 2.25406, "1/h", (0.3, 20.0), "calibrated: ENDO04, ENDO2, F2",
       "Rate of transcription and translation of primary-response genes (TNF-alpha, IL-1beta) after NF-kB."),
    _P("k_secondary", 0.949951, "1/h", (0.1, 10.0), "calibrated: ENDO04, ENDO2, F2",
       "Rate of the protein-synthesis-dependent step before secondary-response genes (IL-6, IL-10)."),
    _P("autocrine_gain", 0.00993254, "1", (0.0, 200.0), "calibrated: ENDO2, D5",
       "Maximal NF-kB drive from autocrine TNF-alpha (TNF receptors activate NF-kB), relative to basal."),
    _P("autocrine_k", 714.091, "pg/mL", (10.0, 10000.0), "calibrated: ENDO2, D5",
       "TNF-alpha giving half of the autocrine drive."),
    _P("nfkb_basal", 2.0, "1", (0.1, 20.0), "calibrated: A2; normalises healthy NF-kB activity to about 1",
       "Basal NF-kB drive in a healthy adult."),
    _P("nfkb_na_gain", 1.21204, "1", (0.0, 20.0), "calibrated: F2",
       "NF-kB drive per unit relative rise of noradrenaline (doi:10.1073/pnas.0438019100: stress and "
       "noradrenaline activate NF-kB in human PBMC)."),
    _P("gc_nfkb_gain", 5.17067, "1", (0.0, 50.0), "calibrated: ENDO04, ENDO2",
       "Suppression of NF-kB drive per unit GR occupancy in immune cells."),
    _P("il10_inhibition_k", 20.0, "pg/mL", (1.0, 500.0),
       "assumed: IL-10 inhibits monocyte TNF production (doi:10.1084/jem.174.5.1209, qualitative)",
       "IL-10 concentration halving the NF-kB drive."),
    _P("k_tolerance", 0.231, "1/h", (0.05, 1.0),
       "doi:10.1186/s12950-014-0028-1; ex vivo hyporesponsiveness maximal at 6 h, gone by 12 h (half-life 3 h assumed)",
       "Rate at which endotoxin tolerance follows NF-kB activity."),
    _P("tolerance_k", 776.714, "1", (1.0, 1000.0), "calibrated: ENDO2",
       "Tolerance level halving the NF-kB drive."),
    _P("gr_sensitivity_immune", 1.0, "1", (0.1, 5.0),
       "assumed: 1 in a typical healthy adult; individual variation in immune-cell GR sensitivity",
       "Multiplier of glucocorticoid suppression of NF-kB."),
    _P("gr_down_cyt_immune", 1.0, "1", (0.0, 10.0),
       "assumed: inflammation reduces immune-cell GR function (doi:10.1111/j.1749-6632.2009.04984.x, qualitative)",
       "Loss of immune-cell GR function per unit cytokine index."),
    # --- cytokines ---------------------------------------------------------------------
    _P("v_tnf", 18.6, "pg/mL/h", (0.1, 200.0), "calibrated: A2",
       "TNF-alpha secretion per unit primary-response activity."),
    _P("k_tnf", 2.0794, "1/h", (0.8, 8.5),
       "doi:10.1038/bjc.1987.294; recombinant TNF cleared from plasma with a half-life of about 20 min",
       "Clearance of plasma TNF-alpha."),
    _P("v_il1b", 7.06221, "pg/mL/h", (0.05, 100.0), "calibrated: A3", "IL-1beta release per unit primary-response activity."),
    _P("k_il1b", 2.0794, "1/h", (0.5, 8.5),
       "assumed: no human IL-1beta half-life found; 20 min like TNF (rat terminal half-life 19-41 min)",
       "Clearance of plasma IL-1beta."),
    _P("v_il6", 7.62554, "pg/mL/h", (0.05, 100.0), "calibrated: A1", "IL-6 secretion per unit secondary-response activity."),
    _P("k_il6", 3.44086, "1/h", (0.5, 5.0), "calibrated: ENDO04, ENDO2",
       "Clearance of plasma IL-6 (the fall from 4 to 6 h after endotoxin bounds the half-life below 45 min)."),
    _P("il6_tnf_amp", 7.4856, "1", (0.0, 50.0), "calibrated: ENDO04, ENDO2",
       "Maximal amplification of IL-6 secretion by TNF-alpha."),
    _P("il6_tnf_k", 30.2058, "pg/mL", (5.0, 2000.0), "calibrated: ENDO04, ENDO2",
       "TNF-alpha giving half-maximal amplification of IL-6."),
    _P("v_il10", 1.97538, "pg/mL/h", (0.05, 200.0), "calibrated: ENDO04, ENDO2",
       "IL-10 secretion per unit secondary-response activity."),
    _P("k_il10", 0.694934, "1/h", (0.19, 5.0), "calibrated: ENDO04, ENDO2",
       "Clearance of plasma IL-10 (pharmacological doses give 2.3-3.7 h, an upper bound)."),
    _P("il6_ref", 1.47, "pg/mL", (0.5, 5.0), "doi:10.1371/journal.pone.0021002; median plasma IL-6 1.47 pg/mL",
       "Median plasma IL-6 of healthy adults (the reference for adipose IL-6 and for IDO induction by IL-6)."),
    _P("adipose_il6_share", 0.25, "1", (0.0, 0.6),
       "doi:10.1001/jama.282.22.2131; adipose tissue is estimated to produce about 25% of systemic IL-6 in "
       "vivo (Visser 1999, citing Mohamed-Ali 1997, doi:10.1210/jcem.82.12.4450: venous 6.71 against arterial "
       "2.27 pg/mL across subcutaneous fat, arterial IL-6 correlated with BMI, r 0.48)",
       "Share of the reference adult's IL-6 production released by adipose tissue (adiposity 1); that part "
       "follows adipose_il6_output, which grows faster than fat mass."),
    _P("adipose_stromal_share", 0.9, "1", (0.0, 1.0),
       "doi:10.1210/en.2003-1336; over 90% of the adipokine release of human adipose tissue, except adiponectin "
       "and leptin, came from non-fat cells (Fain 2004); isolated adipocytes gave only 10% of the tissue's IL-6 "
       "release (Fried 1998, doi:10.1210/jcem.83.3.4660)",
       "Share of adipose IL-6 released by the stromal-vascular cells (macrophages among them) at the reference "
       "adult; the rest comes from adipocytes."),
    _P("adipose_macrophage_exp", 1.8, "1", (0.0, 3.0),
       "assumed: from Cancello 2005 (Diabetes 54:2277, DOI not verified), CD68+ macrophages were 22.6% of cells "
       "in subcutaneous fat of morbidly obese adults against 1.4% in lean ones; with group BMIs taken as about 48 "
       "and 22 (not read), fat mass differs 4.8-fold, so macrophage content goes as fat mass to the power 1.8. "
       "Macrophage content rises with adipocyte size and body mass (Weisberg 2003, doi:10.1172/JCI19246)",
       "Rise of the stromal-vascular IL-6 release per unit fat mass with fat mass (macrophage infiltration)."),
    _P("il6r_clearance_share", 0.5, "1", (0.0, 0.9),
       "assumed: IL-6 is cleared partly through its receptor, so IL-6 receptor blockade raises plasma IL-6 "
       "(direction as reported for tocilizumab; size not read)",
       "Share of IL-6 clearance that goes through its receptor."),
    _P("il10_gc_gain", 2.0, "1", (0.0, 20.0),
       "assumed: hypercortisolaemia raises endotoxin-induced IL-10 (van der Poll, DOI not verified)",
       "Enhancement of IL-10 secretion per unit GR occupancy."),
    _P("il10_na_gain", 1.0, "1", (0.0, 20.0),
       "assumed: adrenaline infusion raised endotoxin-induced IL-10 (doi:10.1172/JCI118469, direction only)",
       "Enhancement of IL-10 secretion per unit relative rise of noradrenaline."),
    _P("il6_ifn_gain", 4.36709, "1", (0.0, 100.0), "calibrated: COTLER01",
       "IL-6 secretion driven by interferon signalling, in units of healthy secondary-response activity "
       "(IL-6 is the cytokine that rises after an IFN-alpha dose, doi:10.1089/107999001317205132)."),
    # --- cytokine index (signal to other organs) ----------------------------------------
    _P("cyt_k_il6", 344.59, "pg/mL", (5.0, 2000.0), "calibrated: ENDO04, ENDO2",
       "IL-6 level contributing one unit to the cytokine index."),
    _P("cyt_k_tnf", 443.378, "pg/mL", (5.0, 2000.0), "calibrated: ENDO04, ENDO2",
       "TNF-alpha level contributing one unit to the cytokine index."),
    _P("cyt_hill", 2.0, "1", (1.0, 4.0), "assumed: threshold-like central response (no HPA response at 0.2 ng/kg, D4)",
       "Steepness of the cytokine index."),
    # --- acute phase and CRP -----------------------------------------------------------
    _P("k_acute_phase", 0.093785, "1/h", (0.01, 1.0), "calibrated: I2",
       "Rate of the hepatic acute-phase programme that follows IL-6."),
    _P("crp_il6_k", 1000.0, "pg/mL", (50.0, 20000.0),
       "assumed: CRP synthesis rises near-linearly with IL-6 across the physiological range",
       "IL-6 giving half-maximal acute-phase activation."),
    _P("v_crp", 20.6035, "mg/L/h", (0.1, 5000.0), "calibrated: A4", "Maximal hepatic CRP synthesis."),
    _P("k_crp", 0.036481, "1/h", (0.03, 0.045),
       "doi:10.1172/jci116336; plasma half-life of CRP 19 h, independent of concentration",
       "Clearance of plasma CRP."),
)

ASSIGNMENTS = (
    Assignment("adipose_il6_output", "Adipose IL-6 output", "1",
               "adiposity * (1 - adipose_stromal_share + adipose_stromal_share * adiposity^adipose_macrophage_exp)",
               "IL-6 released by adipose tissue relative to the reference adult: fat mass times the release per "
               "unit fat mass, whose stromal-vascular part grows as macrophages infiltrate growing fat."),
    Assignment("lps_signal", "Endotoxin signal", "1",
               "(abs(endotoxin) / lps_ec50)^lps_hill / (1 + (abs(endotoxin) / lps_ec50)^lps_hill)",
               "Saturating TLR4 activation by circulating endotoxin (abs() guards against the solver's "
               "round-off below zero as endotoxin is cleared)."),
    Assignment("na_excess", "Noradrenaline excess", "1", "noradrenaline / na_base - 1",
               "Relative rise of plasma noradrenaline above rest."),
    Assignment("nfkb_drive", "NF-kB drive", "1",
               "nfkb_basal * (1 + inflammatory_load) + lps_emax * lps_signal + nfkb_na_gain * na_excess"
               " + autocrine_gain * tnf / (tnf + autocrine_k)",
               "Activating input to monocyte NF-kB."),
    Assignment("nfkb_inhibition", "NF-kB inhibition", "1",
               "(1 - nfkb_inhibition_ppar) * (1 - nfkb_inhibition_ecb) * (1 - nfkb_inhibition_drug)"
               " * (1 - nfkb_inhibition_training)"
               " / ((1 + gc_nfkb_gain * gr_sensitivity_immune * gr_immune * occ_gr_periphery)"
               " * (1 + il10 / il10_inhibition_k) * (1 + lps_tolerance / tolerance_k))",
               "Fraction of the drive that reaches NF-kB after glucocorticoid, IL-10, tolerance, "
               "lipid-mediator, drug and training suppression."),
    Assignment("il6_signal", "IL-6 signalling", "pg/mL", "il6 * (1 - il6_signalling_block)",
               "Plasma IL-6 that reaches unblocked receptors (all of it without an IL-6 receptor antibody)."),
    Assignment("cytokine_index", "Cytokine index", "1",
               "(il6_signal / cyt_k_il6 + tnf / cyt_k_tnf)^cyt_hill"
               " / (1 + (il6_signal / cyt_k_il6 + tnf / cyt_k_tnf)^cyt_hill)",
               "Saturating index of circulating IL-6 and TNF-alpha, read by the brain and HPA axis."),
)

STATES = (
    State("endotoxin", "Endotoxin", "ng/kg", 0.0, "-k_lps * endotoxin",
          "Circulating endotoxin in E. coli O:113 equivalents per kg body weight.",
          ("http://identifiers.org/CHEBI:16412",)),
    State("nfkb", "NF-kB activity", "1", 1.0, "k_nfkb * (nfkb_drive * nfkb_inhibition - nfkb)",
          "NF-kB activity in monocytes/macrophages relative to a healthy adult.",
          ("http://identifiers.org/uniprot:Q04206",)),
    State("primary_response", "Primary-response programme", "1", 1.0, "k_primary * (nfkb - primary_response)",
          "Transcription and translation of primary-response genes (TNF-alpha, IL-1beta) downstream of NF-kB."),
    State("secondary_response", "Secondary-response programme", "1", 1.0,
          "k_secondary * (primary_response - secondary_response)",
          "Protein-synthesis-dependent step that drives secondary-response genes (IL-6, IL-10)."),
    State("lps_tolerance", "Endotoxin tolerance", "1", 1.0, "k_tolerance * (nfkb - lps_tolerance)",
          "Negative feedback (IRAK-M, A20, IkB) that follows NF-kB activity over hours."),
    State("tnf", "TNF-alpha", "pg/mL", 2.9,
          "v_tnf * primary_response * pge2_tnf_factor * (1 - tnf_neutralisation) - k_tnf * tnf",
          "Plasma free TNF-alpha.",
          ("http://identifiers.org/uniprot:P01375",)),
    State("il1b", "IL-1beta", "pg/mL", 1.2, "v_il1b * primary_response - k_il1b * il1b", "Plasma IL-1beta.",
          ("http://identifiers.org/uniprot:P01584",)),
    State("il6", "IL-6", "pg/mL", 1.5,
          "max(v_il6 * (secondary_response * (1 + il6_tnf_amp * tnf / (tnf + il6_tnf_k)) * pge2_il6_factor"
          " + il6_ifn_gain * ifn_signal) + adipose_il6_share * k_il6 * il6_ref * (adipose_il6_output - 1),"
          " 0 * k_il6 * il6_ref)"
          " + myokine_il6_release"
          " - k_il6 * (1 - il6r_clearance_share * il6_signalling_block) * il6", "Plasma IL-6.",
          ("http://identifiers.org/uniprot:P05231",)),
    State("il10", "IL-10", "pg/mL", 8.0,
          "v_il10 * secondary_response * (1 + il10_gc_gain * occ_gr_periphery + il10_na_gain * na_excess)"
          " + myokine_il10_release - k_il10 * il10",
          "Plasma IL-10.", ("http://identifiers.org/uniprot:P22301",)),
    State("acute_phase", "Hepatic acute-phase programme", "1", 0.0015,
          "k_acute_phase * (il6_signal / (il6_signal + crp_il6_k) - acute_phase)",
          "IL-6-driven STAT3/C/EBP programme in hepatocytes that sets CRP synthesis."),
    State("crp", "CRP", "mg/L", 1.3, "v_crp * acute_phase - k_crp * crp", "Plasma C-reactive protein.",
          ("http://identifiers.org/uniprot:P02741",)),
    State("gr_immune", "Immune GR function", "1", 0.9,
          "k_gr * (1 / (1 + (cortisol_daily / gr_resistance_k)^gr_resistance_hill"
          " + gr_down_cyt_immune * cytokine_index) - gr_immune)",
          "Glucocorticoid-receptor function in immune cells (1 = no down-regulation).",
          ("http://identifiers.org/uniprot:P04150",)),
)

INPUTS = (
    Input("noradrenaline", "pg/mL", "Plasma noradrenaline (HPA subsystem)."),
    Input("na_base", "pg/mL", "Resting plasma noradrenaline (HPA subsystem)."),
    Input("occ_gr_periphery", "1", "Immune-cell GR occupancy by cortisol and dexamethasone (HPA subsystem)."),
    Input("k_gr", "1/h", "Turnover rate of GR function (HPA subsystem)."),
    Input("cortisol_daily", "nmol/L", "Day-averaged free cortisol (HPA subsystem)."),
    Input("gr_resistance_k", "nmol/L", "Cortisol halving GR function (HPA subsystem)."),
    Input("gr_resistance_hill", "1", "Steepness of GR down-regulation (HPA subsystem)."),
    Input("ifn_signal", "1", "Interferon signal (interferon subsystem); 0 without interferon.", 0.0, (0.0, 1.0)),
    Input("inflammatory_load", "1",
          "Chronic low-grade inflammatory load (adiposity, illness); 1 doubles basal NF-kB drive.",
          0.0, (0.0, 20.0)),
    Input("nfkb_inhibition_ppar", "1", "Fraction of NF-kB drive removed by PPAR-alpha/IkB (lipid mediators).",
          0.0, (0.0, 0.99)),
    Input("nfkb_inhibition_ecb", "1", "Fraction of NF-kB drive removed by endocannabinoid (CB2) signalling.",
          0.0, (0.0, 0.99)),
    Input("nfkb_inhibition_drug", "1", "Fraction of NF-kB drive removed by anti-inflammatory drugs.",
          0.0, (0.0, 0.99)),
    Input("nfkb_inhibition_training", "1", "Fraction of NF-kB drive removed by exercise training.", 0.0, (0.0, 0.9)),
    Input("tnf_neutralisation", "1", "Fraction of secreted TNF-alpha bound by antibody.", 0.0, (0.0, 0.9999)),
    Input("il6_signalling_block", "1", "Fraction of IL-6 receptor signalling blocked.", 0.0, (0.0, 0.9999)),
    Input("pge2_il6_factor", "1", "IL-6 secretion relative to usual PGE2 (lipid subsystem).", 1.0, (0.1, 5.0)),
    Input("pge2_tnf_factor", "1", "TNF-alpha secretion relative to usual PGE2 (lipid subsystem).", 1.0, (0.1, 5.0)),
    Input("adiposity", "1",
          "Body-fat mass relative to the reference adult (1 at BMI 25; set from a virtual patient's BMI, "
          "neuroimmune.trials.covariates).", 1.0, (0.3, 4.0)),
    Input("myokine_il6_release", "pg/mL/h", "IL-6 released by exercising muscle.", 0.0, (0.0, 1000.0)),
    Input("myokine_il10_release", "pg/mL/h", "IL-10 released after myokine IL-6.", 0.0, (0.0, 1000.0)),
)


def innate_immunity() -> Subsystem:
    """The innate-immunity subsystem."""
    return Subsystem(
        name="immune",
        title="Innate immunity",
        description=__doc__ or "",
        states=STATES,
        parameters=PARAMETERS,
        assignments=ASSIGNMENTS,
        inputs=INPUTS,
    )
