"""The drug library: each drug's pharmacokinetics (with sources) and its mechanism on a model port.

Concentrations are total plasma concentrations unless a parameter says free.
Where a published occupancy or inhibition was measured at a known dose, the
potency parameter is placed so that this one-compartment PK reproduces it, and
the source names the measurement.
"""

from __future__ import annotations

from neuroimmune.model.pharmacology import Drug, Mechanism
from neuroimmune.model.spec import Parameter

__all__ = ["DRUGS", "drug_by_id"]

_P = Parameter
LN2 = 0.6931471805599453


def _ke(half_life_h: float) -> float:
    return round(LN2 / half_life_h, 6)


_SSRI_CLASS = "SSRI"

ESCITALOPRAM = Drug(
    id="escitalopram", name="Escitalopram", drug_class=_SSRI_CLASS, route="oral", dose_unit="mg",
    usual_dose="10-20 mg once daily", dose_range=(2.5, 30.0), max_daily=30.0, chebi="CHEBI:36791",
    description="Selective serotonin reuptake inhibitor; blocks SERT in proportion to its plasma level.",
    parameters=(
        _P("escitalopram_f", 0.8, "1", (0.5, 1.0),
           "ref: escitalopram product label (DOI not verified); oral bioavailability about 80%",
           "Oral bioavailability."),
        _P("escitalopram_ka", 0.8, "1/h", (0.2, 3.0),
           "doi:10.1177/0091270005280860; Tmax 3-4 h, matched with the elimination rate below",
           "Absorption rate."),
        _P("escitalopram_ke", 0.0282, "1/h", (0.015, 0.05),
           "doi:10.1177/0091270005280860; clearance 31 L/h over volume 1,100 L (half-life 27-33 h)",
           "Elimination rate."),
        _P("escitalopram_v", 1100.0, "L", (500.0, 2000.0),
           "doi:10.1177/0091270005280860; volume of distribution 1,100 L after an IV dose", "Volume of distribution."),
        _P("escitalopram_sert_emax", 0.9, "1", (0.7, 1.0),
           "doi:10.1176/appi.ajp.161.5.826; SSRI occupancy plateaus near 85-90% at high doses",
           "Maximal SERT occupancy."),
        _P("escitalopram_sert_ec50", 1.25, "ng/mL", (0.3, 10.0),
           "doi:10.1007/s00213-006-0666-y; 81.5% occupancy 6 h and 63.3% 54 h after the last of 10 mg/day, "
           "reproduced by this PK with the Emax above",
           "Plasma escitalopram at half-maximal SERT occupancy."),
    ),
    mechanisms=(Mechanism("sert_inhibition",
                          "escitalopram_sert_emax * escitalopram / (escitalopram + escitalopram_sert_ec50)",
                          "SERT occupancy (Emax model of plasma escitalopram)."),),
)

SERTRALINE = Drug(
    id="sertraline", name="Sertraline", drug_class=_SSRI_CLASS, route="oral", dose_unit="mg",
    usual_dose="50-200 mg once daily", dose_range=(25.0, 200.0), max_daily=200.0, chebi="CHEBI:9123",
    description="Selective serotonin reuptake inhibitor.",
    parameters=(
        _P("sertraline_f", 1.0, "1", (0.2, 1.0),
           "assumed: absolute bioavailability not determined (no IV form); the volume is the apparent V/F",
           "Oral bioavailability (1: apparent volume)."),
        _P("sertraline_ka", 0.3, "1/h", (0.1, 1.5),
           "ref: Zoloft product label (DOI not verified); Tmax 4.5-8.4 h at steady state", "Absorption rate."),
        _P("sertraline_ke", _ke(26.0), "1/h", (0.015, 0.05),
           "ref: Zoloft product label (DOI not verified); half-life about 26 h", "Elimination rate."),
        _P("sertraline_v", 1500.0, "L", (700.0, 3000.0),
           "ref: sertraline product monograph (DOI not verified); volume of distribution above 20 L/kg",
           "Apparent volume of distribution."),
        _P("sertraline_sert_ec50", 6.5, "ng/mL", (1.0, 40.0),
           "doi:10.1176/appi.ajp.161.5.826; 76-85% SERT occupancy at the minimum therapeutic dose; placed so "
           "50 mg/day gives 80% at steady state with this PK and Emax 0.9",
           "Plasma sertraline at half-maximal SERT occupancy."),
    ),
    mechanisms=(Mechanism("sert_inhibition", "0.9 * sertraline / (sertraline + sertraline_sert_ec50)",
                          "SERT occupancy (Emax 0.9, as for escitalopram)."),),
)

PAROXETINE = Drug(
    id="paroxetine", name="Paroxetine", drug_class=_SSRI_CLASS, route="oral", dose_unit="mg",
    usual_dose="20-50 mg once daily", dose_range=(10.0, 60.0), max_daily=60.0, chebi="CHEBI:7936",
    description="Selective serotonin reuptake inhibitor (linear PK here; CYP2D6 saturation is not modelled).",
    parameters=(
        _P("paroxetine_f", 1.0, "1", (0.2, 1.0),
           "assumed: volume taken as apparent V/F; first-pass loss is saturable and not modelled",
           "Oral bioavailability (1: apparent volume)."),
        _P("paroxetine_ka", 0.4, "1/h", (0.1, 2.0),
           "ref: paroxetine Swiss product information (DOI not verified); Tmax 3-7 h at steady state",
           "Absorption rate."),
        _P("paroxetine_ke", _ke(21.0), "1/h", (0.01, 0.1),
           "ref: Paxil product label (DOI not verified); half-life 21 h at steady state", "Elimination rate."),
        _P("paroxetine_v", 1000.0, "L", (500.0, 2000.0),
           "ref: paroxetine Swiss product information (DOI not verified); volume 10-20 L/kg",
           "Apparent volume of distribution."),
        _P("paroxetine_sert_ec50", 1.2, "ng/mL", (0.2, 10.0),
           "doi:10.1176/appi.ajp.158.11.1843; 83% occupancy at 20 mg/day, near the 85% plateau above 28 ng/mL; "
           "placed with Emax 0.87",
           "Plasma paroxetine at half-maximal SERT occupancy."),
    ),
    mechanisms=(Mechanism("sert_inhibition", "0.87 * paroxetine / (paroxetine + paroxetine_sert_ec50)",
                          "SERT occupancy."),),
)

NORTRIPTYLINE = Drug(
    id="nortriptyline", name="Nortriptyline", drug_class="TCA (noradrenaline-selective)", route="oral",
    dose_unit="mg", usual_dose="75-150 mg/day (plasma 50-150 ng/mL)", dose_range=(10.0, 150.0), max_daily=150.0,
    chebi="CHEBI:7640",
    description="Tricyclic antidepressant: blocks the noradrenaline transporter strongly and SERT weakly.",
    parameters=(
        _P("nortriptyline_f", 0.51, "1", (0.4, 0.75),
           "doi:10.1007/BF00564900; oral availability about half (product information 0.51)", "Oral bioavailability."),
        _P("nortriptyline_ka", 0.35, "1/h", (0.1, 2.0),
           "ref: Nortrilen product information (DOI not verified); Tmax 5.5 h", "Absorption rate."),
        _P("nortriptyline_ke", _ke(30.0), "1/h", (0.01, 0.06),
           "ref: nortriptyline label summary (DOI not verified); half-life mostly 30-36 h (range 14-51 h)",
           "Elimination rate."),
        _P("nortriptyline_v", 1600.0, "L", (1000.0, 2500.0),
           "ref: Nortrilen product information (DOI not verified); volume 1,460-2,030 L (21 L/kg)",
           "Volume of distribution."),
        _P("nortriptyline_fu", 0.07, "1", (0.03, 0.15),
           "ref: Nortrilen product information (DOI not verified); about 93% protein bound", "Unbound fraction."),
        _P("nortriptyline_kd_net", 0.0044, "umol/L", (0.001, 0.02),
           "doi:10.1016/S0014-2999(97)01393-9; KD 4.4 nM at the human NET (read in a secondary table, "
           "doi:10.1038/sj.bjp.0706428)",
           "Affinity for the noradrenaline transporter."),
        _P("nortriptyline_kd_sert", 0.018, "umol/L", (0.005, 0.1),
           "doi:10.1016/S0014-2999(97)01393-9; KD 18 nM at the human SERT (secondary table)",
           "Affinity for the serotonin transporter."),
        _P("nortriptyline_mw", 263.4, "g/mol", (263.0, 264.0), "assumed: molar mass of C19H21N",
           "Molar mass."),
    ),
    mechanisms=(
        Mechanism("net_inhibition",
                  "nortriptyline_fu * nortriptyline / nortriptyline_mw"
                  " / (nortriptyline_fu * nortriptyline / nortriptyline_mw + nortriptyline_kd_net)",
                  "NET occupancy by unbound nortriptyline (ng/mL over g/mol is umol/L)."),
        Mechanism("sert_inhibition",
                  "nortriptyline_fu * nortriptyline / nortriptyline_mw"
                  " / (nortriptyline_fu * nortriptyline / nortriptyline_mw + nortriptyline_kd_sert)",
                  "SERT occupancy by unbound nortriptyline."),
    ),
)

BUPROPION = Drug(
    id="bupropion", name="Bupropion", drug_class="NDRI", route="oral", dose_unit="mg",
    usual_dose="150-300 mg/day", dose_range=(75.0, 300.0), max_daily=450.0, chebi="CHEBI:3219",
    description="Dopamine and noradrenaline reuptake inhibitor (parent and hydroxybupropion lumped).",
    parameters=(
        _P("bupropion_f", 1.0, "1", (0.2, 1.0), "assumed: volume taken as apparent V/F", "Oral bioavailability."),
        _P("bupropion_ka", 0.5, "1/h", (0.1, 3.0),
           "ref: Wellbutrin product label (DOI not verified); Tmax about 3 h for the SR tablet", "Absorption rate."),
        _P("bupropion_ke", _ke(21.0), "1/h", (0.01, 0.1),
           "ref: Wellbutrin XL product label (DOI not verified); half-life 21 +/- 9 h after chronic dosing",
           "Elimination rate."),
        _P("bupropion_v", 1500.0, "L", (500.0, 4000.0),
           "assumed: apparent volume of about 20 L/kg; only the time course depends on it, as the potency below "
           "is placed on measured occupancy",
           "Apparent volume of distribution."),
        _P("bupropion_dat_ec50", 1000.0, "ng/mL", (100.0, 5000.0),
           "doi:10.1016/S0006-3223(02)01834-6; 26% DAT occupancy on 150 mg twice daily (14% in "
           "doi:10.1007/s00213-002-1166-3); placed so 300 mg/day gives about 20%",
           "Plasma bupropion at half-maximal DAT occupancy."),
    ),
    mechanisms=(Mechanism("dat_inhibition", "bupropion / (bupropion + bupropion_dat_ec50)", "DAT occupancy."),
                Mechanism("net_inhibition", "0.5 * bupropion / (bupropion + bupropion_dat_ec50)",
                          "NET occupancy (hydroxybupropion), assumed half the DAT occupancy.")),
)

KETAMINE = Drug(
    id="ketamine", name="Ketamine", drug_class="NMDA antagonist", route="iv_infusion", dose_unit="mg/kg",
    usual_dose="0.5 mg/kg IV over 40 min", dose_range=(0.1, 1.0), max_daily=1.0, chebi="CHEBI:6121",
    default_interval_h=None, infusion_h=40 / 60,
    description="NMDA-receptor antagonist; its block starts a BDNF/mTOR synaptogenesis programme within hours.",
    parameters=(
        _P("ketamine_ke", 0.526, "1/h", (0.2, 1.0),
           "doi:10.1093/bja/51.12.1167; elimination half-life 79 min", "Elimination rate."),
        _P("ketamine_v", 171.0, "L", (80.0, 300.0),
           "doi:10.1124/pr.117.015198; Cmax 185 ng/mL after 0.5 mg/kg over 40 min (Table 1, citing Zarate 2006), "
           "reproduced with the elimination rate above at 75 kg",
           "Volume of distribution."),
        _P("ketamine_nmda_ki", 476.0, "ng/mL", (100.0, 2000.0),
           "ref: sermeor/SynapticPlasticityModelling, shared/science/anchors.md section 2F3 (DOI not verified); "
           "Ki 2 uM (476 ng/mL at 238 g/mol), Hill 1.4",
           "Ketamine concentration blocking half of NMDA current."),
    ),
    mechanisms=(Mechanism("nmda_block", "abs(ketamine)^1.4 / (abs(ketamine)^1.4 + ketamine_nmda_ki^1.4)",
                          "Fraction of NMDA current blocked (Hill 1.4; abs() guards the fractional power against "
                          "the solver's round-off below zero while no ketamine is on board)."),),
)

CELECOXIB = Drug(
    id="celecoxib", name="Celecoxib", drug_class="COX-2 inhibitor", route="oral", dose_unit="mg",
    usual_dose="200 mg twice daily (400 mg/day in depression trials)", dose_range=(100.0, 400.0),
    max_daily=800.0, chebi="CHEBI:41423", default_interval_h=12.0,
    description="Selective cyclo-oxygenase-2 inhibitor: lowers PGE2 made by induced COX-2.",
    parameters=(
        _P("celecoxib_f", 1.0, "1", (0.2, 1.0),
           "assumed: absolute bioavailability not determined in humans; the volume is the apparent V/F",
           "Oral bioavailability (1: apparent volume)."),
        _P("celecoxib_ka", 1.0, "1/h", (0.3, 3.0),
           "ref: Celebrex product label (DOI not verified); Tmax 2.8 h, matched with the elimination rate",
           "Absorption rate."),
        _P("celecoxib_ke", _ke(11.2), "1/h", (0.03, 0.15),
           "ref: Celebrex product label (DOI not verified); effective half-life 11.2 h", "Elimination rate."),
        _P("celecoxib_v", 429.0, "L", (250.0, 700.0),
           "doi:10.2165/00003088-200038030-00003; apparent volume 455 +/- 166 L (label 429 L); one compartment "
           "underestimates the label Cmax of 705 ng/mL by about 45%",
           "Apparent volume of distribution."),
        _P("celecoxib_cox2_ic50", 80.0, "ng/mL", (10.0, 500.0),
           "ref: McAdam 1999 PNAS (DOI not verified); LPS-stimulated whole-blood PGE2 fell 83% after "
           "100-800 mg; placed so 200 mg gives 83% at this model's peak",
           "Plasma celecoxib inhibiting half of COX-2."),
    ),
    mechanisms=(Mechanism("cox2_inhibition", "celecoxib / (celecoxib + celecoxib_cox2_ic50)",
                          "Fraction of COX-2 activity inhibited."),),
)

INFLIXIMAB = Drug(
    id="infliximab", name="Infliximab", drug_class="anti-TNF-alpha antibody", route="iv_infusion",
    dose_unit="mg/kg", usual_dose="5 mg/kg IV over 2 h at weeks 0, 2 and 6", dose_range=(1.0, 10.0),
    max_daily=10.0, concentration_unit="ug/mL", default_interval_h=None, infusion_h=2.0,
    description="Chimeric monoclonal antibody that binds and neutralises TNF-alpha.",
    parameters=(
        _P("infliximab_ke", _ke(9.0 * 24), "1/h", (0.002, 0.006),
           "doi:10.2165/00003088-200746080-00002; terminal half-life 7-12 days (label median 8-9.5 days)",
           "Elimination rate."),
        _P("infliximab_v", 3.0, "L", (2.0, 7.0),
           "doi:10.2165/00003088-200746080-00002; volume of distribution 3-6 L (label steady-state median 3.0-4.1 L)",
           "Volume of distribution."),
        _P("infliximab_ec50", 0.1, "ug/mL", (0.005, 2.0),
           "assumed: sub-nanomolar TNF binding (no affinity value was read); TNF stays neutralised at troughs",
           "Infliximab concentration neutralising half of secreted TNF-alpha."),
    ),
    mechanisms=(Mechanism("tnf_neutralisation", "infliximab / (infliximab + infliximab_ec50)",
                          "Fraction of secreted TNF-alpha bound."),),
)

TOCILIZUMAB = Drug(
    id="tocilizumab", name="Tocilizumab", drug_class="anti-IL-6 receptor antibody", route="iv_infusion",
    dose_unit="mg/kg", usual_dose="8 mg/kg IV over 1 h every 4 weeks", dose_range=(2.0, 12.0), max_daily=12.0,
    concentration_unit="ug/mL", default_interval_h=None, infusion_h=1.0,
    description="Humanised antibody against the IL-6 receptor: blocks IL-6 signalling and its receptor-mediated "
                "clearance, so plasma IL-6 rises while CRP falls.",
    parameters=(
        _P("tocilizumab_ke", _ke(151.0), "1/h", (0.002, 0.01),
           "ref: Actemra product label (DOI not verified); half-life 151 +/- 59 h after 10 mg/kg", "Elimination rate."),
        _P("tocilizumab_v", 4.7, "L", (2.5, 10.0),
           "ref: Actemra product label (DOI not verified); clearance 0.29 mL/h/kg over the elimination rate above",
           "Volume of distribution."),
        _P("tocilizumab_ec50", 1.0, "ug/mL", (0.1, 10.0),
           "assumed: CRP is normal at 8 mg/kg troughs near 10 ug/mL (label) and within 2 weeks of a dose",
           "Tocilizumab blocking half of IL-6 receptor signalling."),
    ),
    mechanisms=(Mechanism("il6_signalling_block", "tocilizumab / (tocilizumab + tocilizumab_ec50)",
                          "Fraction of IL-6 receptor signalling blocked."),),
)

MINOCYCLINE = Drug(
    id="minocycline", name="Minocycline", drug_class="tetracycline (microglial inhibitor)", route="oral",
    dose_unit="mg", usual_dose="100 mg twice daily", dose_range=(50.0, 200.0), max_daily=400.0, chebi="CHEBI:50694",
    default_interval_h=12.0,
    description="Lipophilic tetracycline that crosses the blood-brain barrier and inhibits microglial activation.",
    parameters=(
        _P("minocycline_f", 0.95, "1", (0.8, 1.0),
           "ref: minocycline Swiss product information (DOI not verified); 95-100% absorbed", "Oral bioavailability."),
        _P("minocycline_ka", 1.0, "1/h", (0.3, 3.0),
           "ref: minocycline product information (DOI not verified); Tmax 2-3 h", "Absorption rate."),
        _P("minocycline_ke", _ke(16.0), "1/h", (0.02, 0.08),
           "ref: minocycline product information (DOI not verified); half-life 11-23 h", "Elimination rate."),
        _P("minocycline_v", 100.0, "L", (80.0, 115.0),
           "ref: minocycline Swiss product information (DOI not verified); volume 80-115 L", "Volume of distribution."),
        _P("minocycline_ec50", 2000.0, "ng/mL", (200.0, 20000.0),
           "assumed: no human concentration-effect value was read; half-maximal inhibition near the 1-4 ug/mL "
           "reached on 200 mg/day",
           "Plasma minocycline preventing half of microglial activation."),
    ),
    mechanisms=(Mechanism("microglia_inhibition", "minocycline / (minocycline + minocycline_ec50)",
                          "Fraction of microglial activation prevented."),),
)

EPACADOSTAT = Drug(
    id="epacadostat", name="Epacadostat (IDO1 inhibitor, experimental)", drug_class="IDO1 inhibitor",
    route="oral", dose_unit="mg", usual_dose="100 mg twice daily (oncology trials)", dose_range=(25.0, 700.0),
    max_daily=1400.0, default_interval_h=12.0,
    description="Selective IDO1 inhibitor, an experimental tool: shows what blocking IDO does to the pathway.",
    parameters=(
        _P("epacadostat_f", 1.0, "1", (0.2, 1.0), "assumed: volume taken as apparent V/F", "Oral bioavailability."),
        _P("epacadostat_ka", 1.5, "1/h", (0.3, 5.0), "assumed: rapid absorption (Tmax about 1-2 h)",
           "Absorption rate."),
        _P("epacadostat_ke", _ke(2.5), "1/h", (0.1, 0.7),
           "assumed: half-life of a few hours, given twice-daily dosing (value not read)", "Elimination rate."),
        _P("epacadostat_v", 100.0, "L", (30.0, 500.0), "assumed: no volume was read", "Apparent volume."),
        _P("epacadostat_ic50", 30.7, "ng/mL", (5.0, 200.0),
           "ref: population PK/PD model of epacadostat, J Clin Pharmacol (DOI not verified); in vivo IC50 about "
           "70 nM (438 g/mol); 80-90% inhibition at 100 mg twice daily (doi:10.1158/1078-0432.CCR-16-2272)",
           "Plasma epacadostat inhibiting half of IDO1."),
    ),
    mechanisms=(Mechanism("ido_inhibition", "epacadostat / (epacadostat + epacadostat_ic50)",
                          "Fraction of IDO1 activity inhibited."),),
)

DRUGS: tuple[Drug, ...] = (
    ESCITALOPRAM, SERTRALINE, PAROXETINE, NORTRIPTYLINE, BUPROPION, KETAMINE, CELECOXIB, INFLIXIMAB,
    TOCILIZUMAB, MINOCYCLINE, EPACADOSTAT,
)


def drug_by_id(drug_id: str) -> Drug:
    """The declared drug with this id (``KeyError`` if there is none)."""
    for d in DRUGS:
        if d.id == drug_id:
            return d
    raise KeyError(drug_id)
