"""Lipid mediators: PEA, anandamide, PPAR-alpha, CB2, TRPV1, omega-3 and COX-2/PGE2.

The arrows of the seed review's Figures 2-4, as rate laws:

- PEA (palmitoylethanolamide) is made on demand (more with inflammation) and
  degraded by FAAH and NAAA; an oral supplement adds to it. Blocking FAAH (the
  ``faah_inhibition`` input) raises PEA and, more, anandamide, as FAAH inhibitors
  did in healthy volunteers. PEA activates
  PPAR-alpha directly (EC50 about 3 uM), and acts on cannabinoid receptors and
  TRPV1 indirectly: it competes with anandamide for FAAH, so anandamide rises
  (the entourage effect), and it activates then desensitises TRPV1.
- PPAR-alpha inhibits IKK-driven NF-kB activation directly and, as PPAR-RXR,
  induces IkB-alpha, which holds NF-kB in the cytoplasm (Figure 3).
- Anandamide acts on CB2 on immune cells, lowering NF-kB drive.
- Omega-3 EPA and DHA enter membranes over weeks (the omega-3 index); their
  ethanolamides (EPEA, DHEA) act on CB2 and PPAR (Figure 4), and EPA competes
  with arachidonic acid for COX, lowering PGE2.
- COX-2 is induced by NF-kB; PGE2 (from COX-1 and COX-2) raises IL-6 and
  restrains TNF-alpha in macrophages (EP2/EP4), which is where celecoxib acts.

Levels are relative to a healthy adult on a Western diet (1 = usual), except the
membrane fatty acids (% of red-cell fatty acids). Where no human value was read,
gains are assumed and say so; they are the least certain part of the model.
"""

from __future__ import annotations

from neuroimmune.model.spec import Assignment, Input, Parameter, State, Subsystem

__all__ = ["lipid_mediators"]

_P = Parameter
_GAIN = "assumed: direction from the review's Figures 2-4 (doi:10.3390/cells14080607); size not measured in humans"

PARAMETERS = (
    # --- PEA -------------------------------------------------------------------------------
    _P("k_pea", 1.0, "1/h", (0.2, 5.0),
       "assumed: plasma PEA doubled 2 h after 300 mg and was back to baseline by 4 h (secondary summary, primary "
       "not verified); human PEA kinetics are largely unknown (doi:10.3390/ijms21217942)",
       "Turnover of PEA by FAAH and NAAA."),
    _P("pea_ka", 0.7, "1/h", (0.1, 3.0), "assumed: peak about 1-2 h after an oral dose",
       "Absorption rate of oral PEA."),
    _P("pea_dose_scale", 78.0, "mg", (10.0, 1000.0),
       "assumed: placed so that 300 mg doubles plasma PEA at 2 h (secondary summary, primary not verified)",
       "Absorbed PEA raising PEA by one basal level (per unit rate)."),
    _P("pea_inflammation_gain", 0.5, "1", (0.0, 5.0),
       "assumed: PEA is made on demand in inflamed tissue; plasma PEA correlated with CRP "
       "(doi:10.1007/s00394-020-02398-8, direction only)",
       "Rise of PEA synthesis with monocyte NF-kB activity."),
    # --- anandamide and FAAH --------------------------------------------------------------
    _P("k_aea", 2.0, "1/h", (0.3, 20.0), "assumed: anandamide is cleared by FAAH within minutes to an hour",
       "Turnover of anandamide."),
    _P("faah_share_aea", 0.9, "1", (0.5, 0.99), "calibrated: LI12-AEA; FAAH carries most anandamide clearance",
       "Share of anandamide clearance through FAAH (the rest: other hydrolases and oxygenases)."),
    _P("faah_share_pea", 0.78, "1", (0.3, 0.99), "calibrated: LI12-PEA; NAAA carries the rest of PEA clearance",
       "Share of PEA clearance through FAAH (the rest through NAAA)."),
    _P("faah_pea_share", 0.5, "1", (0.0, 5.0),
       "assumed: PEA at its basal level slows FAAH hydrolysis of anandamide by a third; PEA lowered the "
       "anandamide IC50 3-6-fold in cells (doi:10.1042/0264-6021:3580249)",
       "Basal PEA over its FAAH inhibition constant (competition for FAAH)."),
    # --- omega-3 membranes ----------------------------------------------------------------
    _P("epa_base", 0.7, "1", (0.2, 2.0),
       "assumed: Western adults have an omega-3 index of 4.5-5.6% (survey summaries, primary not verified), "
       "mostly DHA",
       "Red-cell EPA (% of fatty acids) without supplements."),
    _P("dha_base", 4.0, "1", (2.0, 8.0), "assumed: see epa_base", "Red-cell DHA (% of fatty acids) without supplements."),
    _P("epa_gain", 1.6, "d/g", (0.5, 5.0),
       "ref: Cao 2006 Clin Chem 52:2265 (DOI not verified); red-cell EPA rose 300% on 1.3 g/d EPA for 8 weeks",
       "Rise of red-cell EPA (% points) per g/day of EPA at the new steady state."),
    _P("dha_gain", 2.0, "d/g", (0.5, 5.0),
       "ref: Cao 2006 Clin Chem 52:2265 (DOI not verified); red-cell DHA rose 42% on 0.86 g/d DHA; the index "
       "reached 7.8% at 8 weeks",
       "Rise of red-cell DHA (% points) per g/day of DHA at the new steady state."),
    _P("k_membrane", 0.00149, "1/h", (0.0005, 0.005),
       "doi:10.3389/fnut.2023.1072653; reaching an omega-3 index of 8% needs 1-1.5 g/d for at least 12 weeks "
       "(time constant taken as 4 weeks)",
       "Rate at which membrane EPA and DHA follow intake."),
    _P("epa_ethanolamide_weight", 5.0, "1", (1.0, 20.0),
       "assumed: monocyte TNF-alpha and IL-1beta output fell exponentially with cellular EPA, plateauing near 1% "
       "EPA (doi:10.1093/ajcn/63.1.116), so EPA counts more per % point than DHA",
       "Signalling weight of membrane EPA relative to DHA in omega-3 ethanolamides."),
    _P("epa_aa_competition", 0.3, "1", (0.0, 2.0),
       "assumed: EPA displaces arachidonic acid as COX substrate; PGE2 fell 28-55% after 9 g/d fish oil "
       "(doi:10.1093/ajcn/63.1.116, as summarised secondarily)",
       "Fall in arachidonic-acid availability per % point of membrane EPA."),
    # --- receptors ------------------------------------------------------------------------
    _P("ppar_pea_weight", 0.25, "1", (0.0, 5.0),
       "assumed: tissue PEA near a tenth of its PPAR-alpha EC50 of 3.1 uM (doi:10.1124/mol.104.006353)",
       "PPAR-alpha ligand activity of basal PEA."),
    _P("ppar_n3_weight", 0.15, "1", (0.0, 5.0), _GAIN, "PPAR ligand activity of basal omega-3 ethanolamides."),
    _P("ppar_ikk_gain", 0.25, "1", (0.0, 2.0), _GAIN,
       "Direct inhibition of IKK-driven NF-kB activation per unit rise of PPAR activation."),
    _P("k_ikb", 0.35, "1/h", (0.05, 2.0), "assumed: IkB-alpha induction by PPAR-RXR follows over hours",
       "Rate at which IkB-alpha follows PPAR activation."),
    _P("ikb_ppar_gain", 1.0, "1", (0.0, 10.0),
       "assumed: PPAR-alpha activators raise IkB-alpha (Delerive 2000, J Biol Chem; DOI and fold change not "
       "verified)",
       "Rise of IkB-alpha per unit rise of PPAR activation."),
    _P("cb2_aea_weight", 0.3, "1", (0.0, 5.0), _GAIN, "CB2 ligand activity of basal anandamide."),
    _P("cb2_n3_weight", 0.1, "1", (0.0, 5.0), _GAIN, "CB2 ligand activity of basal omega-3 ethanolamides."),
    _P("cb2_nfkb_gain", 0.5, "1", (0.0, 3.0), _GAIN, "NF-kB drive removed per unit rise of CB2 activation."),
    _P("trpv1_pea_weight", 0.5, "1", (0.0, 5.0),
       "assumed: PEA activates TRPV1 with lower efficacy than capsaicin and desensitises it more strongly "
       "(doi:10.1111/bph.12029)",
       "TRPV1 activity of basal PEA relative to basal anandamide."),
    _P("k_trpv1", 0.5, "1/h", (0.05, 5.0), "assumed: TRPV1 desensitisation develops over tens of minutes",
       "Rate at which TRPV1 desensitisation follows activation."),
    _P("trpv1_nfkb_gain", 0.3, "1", (0.0, 3.0), _GAIN,
       "NF-kB drive removed per unit rise of TRPV1 desensitisation (less neurogenic inflammation)."),
    # --- COX-2 and PGE2 -------------------------------------------------------------------
    _P("nfkb_usual", 0.47, "1", (0.1, 2.0),
       "assumed: the day-mean monocyte NF-kB activity of this model's healthy adult, at which lipid mediators "
       "are at their usual levels",
       "Usual NF-kB activity."),
    _P("k_cox2", 0.35, "1/h", (0.05, 3.0), "assumed: COX-2 induction follows NF-kB over a few hours",
       "Rate at which COX-2 follows NF-kB."),
    _P("cox1_share", 0.5, "1", (0.1, 0.9), "assumed: half of basal PGE2 comes from constitutive COX-1",
       "Share of basal PGE2 made by COX-1."),
    _P("k_pge2", 2.0, "1/h", (0.5, 20.0), "assumed: PGE2 is inactivated within minutes (15-PGDH)",
       "Turnover of PGE2."),
    _P("pge2_k", 1.0, "1", (0.2, 10.0), "assumed: EP2/EP4 signalling is half-saturated at basal PGE2",
       "PGE2 at half-maximal EP2/EP4 signalling (relative to basal)."),
    _P("pge2_il6_gain", 1.2, "1", (0.0, 5.0),
       "doi:10.1189/jlb.1203627; EP2/EP4 agonists raised macrophage IL-6 up to about 220% (mouse)",
       "Maximal rise of IL-6 secretion with EP2/EP4 signalling."),
    _P("pge2_tnf_max", 0.6, "1", (0.0, 0.9),
       "doi:10.1189/jlb.1203627; EP2/EP4 agonists cut macrophage TNF-alpha by 50-70% (mouse)",
       "Maximal fall of TNF-alpha secretion with EP2/EP4 signalling."),
)


def _sat(x: str, k: str) -> str:
    return f"({x}) / ({x} + {k})"


ASSIGNMENTS = (
    Assignment("omega3_index", "Omega-3 index", "1", "membrane_epa + membrane_dha",
               "Red-cell EPA + DHA, % of fatty acids (8% or more is the target range)."),
    Assignment("n3_ethanolamides", "Omega-3 ethanolamides", "1",
               "(epa_ethanolamide_weight * membrane_epa + membrane_dha)"
               " / (epa_ethanolamide_weight * epa_base + dha_base)",
               "EPEA and DHEA, made from membrane EPA and DHA, relative to usual (EPA weighted more)."),
    Assignment("ppar_activation", "PPAR activation", "1",
               _sat("ppar_pea_weight * pea + ppar_n3_weight * n3_ethanolamides", "1"),
               "Fraction of PPAR activated: PPAR-alpha by PEA, PPAR-alpha and -gamma by omega-3 ethanolamides "
               "(the two isoforms are lumped; both induce IkB-alpha and block NF-kB)."),
    Assignment("ppar_activation_ref", "PPAR-alpha activation (usual)", "1",
               _sat("ppar_pea_weight + ppar_n3_weight", "1"), "PPAR-alpha activation of a healthy adult."),
    Assignment("cb2_activation", "CB2 activation", "1",
               _sat("cb2_aea_weight * aea + cb2_n3_weight * n3_ethanolamides", "1"),
               "Fraction of CB2 receptors activated by anandamide and omega-3 ethanolamides."),
    Assignment("cb2_activation_ref", "CB2 activation (usual)", "1", _sat("cb2_aea_weight + cb2_n3_weight", "1"),
               "CB2 activation of a healthy adult."),
    Assignment("trpv1_activation", "TRPV1 activation", "1", _sat("aea + trpv1_pea_weight * pea", "1 + trpv1_pea_weight"),
               "TRPV1 activation by anandamide and PEA (0.5 at usual levels)."),
    Assignment("faah_competition", "FAAH free for anandamide", "1",
               "(1 + faah_pea_share) / (1 + faah_pea_share * pea)",
               "FAAH hydrolysis of anandamide relative to usual, lowered when PEA competes for the enzyme."),
    Assignment("arachidonate_availability", "Arachidonic acid availability", "1",
               "(1 + epa_aa_competition * epa_base) / (1 + epa_aa_competition * membrane_epa)",
               "Arachidonic acid available to COX relative to usual (EPA competes)."),
    Assignment("nfkb_inhibition_ppar", "NF-kB inhibition by PPAR", "1",
               "1 - (1 - ppar_ikk_gain * (ppar_activation - ppar_activation_ref)) / ikb",
               "Fraction of NF-kB drive removed by PPAR-alpha (direct IKK inhibition and IkB-alpha), 0 when usual."),
    Assignment("nfkb_inhibition_ecb", "NF-kB inhibition by endocannabinoids", "1",
               "cb2_nfkb_gain * (cb2_activation - cb2_activation_ref)"
               " + trpv1_nfkb_gain * (trpv1_desensitisation - 0.5)",
               "Fraction of NF-kB drive removed by CB2 activation and TRPV1 desensitisation, 0 when usual."),
    Assignment("pge2_il6_factor", "PGE2 effect on IL-6", "1",
               f"(1 + pge2_il6_gain * {_sat('pge2', 'pge2_k')}) / (1 + pge2_il6_gain / (1 + pge2_k))",
               "IL-6 secretion relative to usual PGE2 (EP2/EP4 raise IL-6)."),
    Assignment("pge2_tnf_factor", "PGE2 effect on TNF-alpha", "1",
               f"(1 - pge2_tnf_max * {_sat('pge2', 'pge2_k')}) / (1 - pge2_tnf_max / (1 + pge2_k))",
               "TNF-alpha secretion relative to usual PGE2 (EP2/EP4 restrain TNF-alpha)."),
)

STATES = (
    State("pea_depot", "PEA (gut)", "mg", 0.0, "-pea_ka * pea_depot", "Oral PEA not yet absorbed.",
          ("http://identifiers.org/CHEBI:71464",)),
    State("pea", "PEA", "1", 1.0,
          "k_pea * (1 + pea_inflammation_gain * (nfkb / (nfkb + nfkb_usual) - 0.5)"
          " - pea * (faah_share_pea * (1 - faah_inhibition) + 1 - faah_share_pea))"
          " + pea_ka * pea_depot / pea_dose_scale",
          "Palmitoylethanolamide relative to usual.", ("http://identifiers.org/CHEBI:71464",)),
    State("aea", "Anandamide", "1", 1.0,
          "k_aea * (1 - aea * (faah_share_aea * (1 - faah_inhibition) * faah_competition + 1 - faah_share_aea))",
          "Anandamide (AEA) relative to usual.", ("http://identifiers.org/CHEBI:2700",)),
    State("membrane_epa", "Red-cell EPA", "1", 0.7, "k_membrane * (epa_base + epa_gain * epa_intake - membrane_epa)",
          "Eicosapentaenoic acid, % of red-cell fatty acids.", ("http://identifiers.org/CHEBI:28364",)),
    State("membrane_dha", "Red-cell DHA", "1", 4.0, "k_membrane * (dha_base + dha_gain * dha_intake - membrane_dha)",
          "Docosahexaenoic acid, % of red-cell fatty acids.", ("http://identifiers.org/CHEBI:28125",)),
    State("ikb", "IkB-alpha", "1", 1.0, "k_ikb * (1 + ikb_ppar_gain * (ppar_activation - ppar_activation_ref) - ikb)",
          "IkB-alpha expression relative to usual.", ("http://identifiers.org/uniprot:P25963",)),
    State("trpv1_desensitisation", "TRPV1 desensitisation", "1", 0.5, "k_trpv1 * (trpv1_activation - trpv1_desensitisation)",
          "Fraction of TRPV1 channels desensitised."),
    State("cox2", "COX-2", "1", 1.0, "k_cox2 * (nfkb / nfkb_usual - cox2)", "COX-2 expression in monocytes relative to usual.",
          ("http://identifiers.org/uniprot:P35354",)),
    State("pge2", "PGE2", "1", 1.0,
          "k_pge2 * (arachidonate_availability * (cox1_share + (1 - cox1_share) * cox2 * (1 - cox2_inhibition))"
          " - pge2)",
          "Prostaglandin E2 relative to usual.", ("http://identifiers.org/CHEBI:15551",)),
)

INPUTS = (
    Input("nfkb", "1", "Monocyte NF-kB activity (immune subsystem)."),
    Input("epa_intake", "g/d", "Dietary or supplemental EPA.", 0.0, (0.0, 10.0)),
    Input("dha_intake", "g/d", "Dietary or supplemental DHA.", 0.0, (0.0, 10.0)),
    Input("cox2_inhibition", "1", "Fraction of COX-2 inhibited (drugs).", 0.0, (0.0, 0.999)),
    Input("faah_inhibition", "1", "Fraction of FAAH inhibited (an experimental FAAH inhibitor, set as an input).",
          0.0, (0.0, 0.999)),
)


def lipid_mediators() -> Subsystem:
    """The lipid-mediator subsystem."""
    return Subsystem(
        name="lipids",
        title="Lipid mediators (PEA, endocannabinoids, PPAR, omega-3, PGE2)",
        description=__doc__ or "",
        states=STATES,
        parameters=PARAMETERS,
        assignments=ASSIGNMENTS,
        inputs=INPUTS,
    )
