"""The lipid-mediator subsystem reproduces the direction of every arrow in the seed review's
Figures 2-4 (PEA signalling, PPAR-dependent NF-kB suppression, omega-3 signalling), plus the
COX-2/PGE2 branch celecoxib acts on. Each test names its arrow."""

import numpy as np
import pytest

import neuroimmune as ni

LOAD = {"inflammatory_load": 1.0}


def _run(treatments, outputs, *, days=21, baseline=LOAD, patients=None, interval="1 h", challenges=()):
    scenario = {"name": "lipid-test", "duration": f"{days} d", "baseline": dict(baseline),
                "challenges": list(challenges), "treatments": list(treatments),
                "output": {"interval": interval, "variables": outputs}}
    return ni.simulate(scenario, patients=patients, workers=1)


@pytest.fixture(scope="module")
def pea_run():
    """PEA 600 mg twice daily from day 7, against no PEA."""
    outputs = ["pea", "aea", "ppar_activation", "ikb", "cb2_activation", "trpv1_activation",
               "trpv1_desensitisation", "nfkb_inhibition_ppar", "nfkb_inhibition_ecb", "nfkb", "tnf", "il6"]
    res = _run([{"name": "pea", "dose": "600 mg", "at": "08:00", "start": "day 7 00:00"}], outputs)
    base = _run([], outputs)
    return res, base


def _at(res, var, t, patient=0):
    return float(np.interp(t, res.times, res.series(var, patient=patient)))


def test_fig2_oral_pea_raises_pea_for_hours(pea_run):
    res, _ = pea_run
    t0 = 7 * 24 + 8.0  # first dose
    before, peak, later = _at(res, "pea", t0 - 0.5), _at(res, "pea", t0 + 2), _at(res, "pea", t0 + 10)
    assert peak > 1.6 * before  # the PK anchor: 300 mg doubles plasma PEA at 2 h; 600 mg more
    assert later < before + 0.5 * (peak - before)  # back towards baseline within hours


def test_fig2_pea_activates_ppar_alpha_directly(pea_run):
    res, base = pea_run
    t = 14 * 24 + 10.0
    assert _at(res, "ppar_activation", t) > _at(base, "ppar_activation", t) + 0.03


def test_fig2_pea_raises_anandamide_and_cb2_through_faah_competition(pea_run):
    """The entourage effect: PEA competes for FAAH, so anandamide and CB2 activation rise."""
    res, base = pea_run
    t = 14 * 24 + 10.0
    assert _at(res, "aea", t) > 1.15 * _at(base, "aea", t)
    assert _at(res, "cb2_activation", t) > _at(base, "cb2_activation", t)


def test_fig2_pea_activates_then_desensitises_trpv1(pea_run):
    res, base = pea_run
    t0 = 7 * 24 + 8.0
    act = [_at(res, "trpv1_activation", t0 + h) for h in (0.0, 1.0)]
    des = [_at(res, "trpv1_desensitisation", t0 + h) for h in (0.0, 1.0, 3.0)]
    assert act[1] > act[0]
    assert des[2] > des[1] > des[0]  # desensitisation follows activation with a lag


def test_fig2_pea_is_anti_inflammatory(pea_run):
    res, base = pea_run
    t = 20 * 24 + 12.0
    assert _at(res, "nfkb_inhibition_ppar", t) > 0.02
    assert _at(res, "nfkb_inhibition_ecb", t) > 0.0
    for var in ("nfkb", "tnf", "il6"):
        assert _at(res, var, t) < 0.97 * _at(base, var, t), var


def test_fig3_ppar_induces_ikb_with_a_lag_and_blocks_nfkb(pea_run):
    """PPAR-RXR raises IkB-alpha over hours; the direct IKK block acts at once."""
    res, _ = pea_run
    t0 = 7 * 24 + 8.0
    ikb = [_at(res, "ikb", t0 + h) for h in (0.0, 0.5, 3.0)]
    assert ikb[2] > ikb[1] > ikb[0]
    assert ikb[2] - ikb[1] > ikb[1] - ikb[0]  # slower than the PPAR activation itself
    inhibition = [_at(res, "nfkb_inhibition_ppar", t0 + h) for h in (0.0, 3.0)]
    assert inhibition[1] > inhibition[0] + 0.02


def test_fig3_without_ikb_induction_ppar_still_inhibits_but_less():
    outputs = ["nfkb_inhibition_ppar", "ikb"]
    tr = [{"name": "pea", "dose": "600 mg", "at": "08:00", "start": "day 2 00:00"}]
    res = _run(tr, outputs, days=6, patients=[{}, {"ikb_ppar_gain": 0.0}, {"ikb_ppar_gain": 0.0, "ppar_ikk_gain": 0.0}])
    t = 5 * 24 + 11.0
    full, direct, none = (_at(res, "nfkb_inhibition_ppar", t, patient=i) for i in range(3))
    assert full > direct > none
    assert abs(none) < 0.01


@pytest.fixture(scope="module")
def omega3_runs():
    """12 weeks of 2 g/d omega-3, EPA-rich (90% EPA) versus DHA-rich (10% EPA), and no omega-3."""
    outputs = ["membrane_epa", "membrane_dha", "omega3_index", "n3_ethanolamides", "ppar_activation",
               "cb2_activation", "arachidonate_availability", "pge2", "nfkb", "il6", "crp"]
    runs = {}
    for label, frac in (("epa", 0.9), ("dha", 0.1)):
        runs[label] = _run([{"name": "omega3", "dose": "2 g/d", "epa_fraction": frac}], outputs, days=84,
                           interval="1 d")
    runs["none"] = _run([], outputs, days=84, interval="1 d")
    return runs


def test_fig4_omega3_intake_raises_the_omega3_index_over_weeks(omega3_runs):
    idx = omega3_runs["epa"].series("omega3_index")
    t = omega3_runs["epa"].times
    assert idx[0] == pytest.approx(4.7, abs=0.05)
    assert np.interp(14 * 24, t, idx) < 0.6 * idx[-1] + 0.4 * idx[0]  # still rising at 2 weeks
    assert idx[-1] > 7.5  # about 8% after 12 weeks of 1-2 g/d (doi:10.3389/fnut.2023.1072653)


def test_fig4_omega3_ethanolamides_act_on_ppar_and_cb2(omega3_runs):
    on, off = omega3_runs["dha"], omega3_runs["none"]
    for var in ("n3_ethanolamides", "ppar_activation", "cb2_activation"):
        assert on.series(var)[-1] > off.series(var)[-1], var


def test_fig4_epa_displaces_arachidonic_acid_and_lowers_pge2(omega3_runs):
    epa, dha, none = (omega3_runs[k] for k in ("epa", "dha", "none"))
    assert epa.series("arachidonate_availability")[-1] < dha.series("arachidonate_availability")[-1] < 1.0 + 1e-9
    assert epa.series("pge2")[-1] < 0.85 * none.series("pge2")[-1]


def test_fig4_omega3_is_anti_inflammatory_and_epa_rich_more_so(omega3_runs):
    """Direction of Liao 2019 (EPA-rich formulations work, DHA-rich do not) at the mechanism level."""
    epa, dha, none = (omega3_runs[k] for k in ("epa", "dha", "none"))
    for var in ("nfkb", "crp"):
        assert epa.series(var)[-1] < dha.series(var)[-1] < none.series(var)[-1], var


def test_endotoxin_induces_cox2_and_pge2_with_a_lag():
    """NF-kB -> COX-2 -> PGE2: each peaks after the one before (dose at day 1 09:00)."""
    times = list(np.arange(32.5, 40.0, 0.25))
    res = ni.simulate("endotoxin-2ngkg", outputs=["nfkb", "cox2", "pge2"], times=times, workers=1)
    peaks = [int(np.argmax(res.series(v))) for v in ("nfkb", "cox2", "pge2")]
    assert peaks[0] < peaks[1] < peaks[2]
    for var in ("cox2", "pge2"):
        assert res.series(var).max() > 5 * res.series(var)[0], var


def test_celecoxib_lowers_pge2_and_il6():
    outputs = ["cox2_inhibition", "pge2", "il6"]
    tr = [{"name": "celecoxib", "dose": "200 mg", "at": "08:00"}]
    res = _run(tr, outputs, days=14)
    base = _run([], outputs, days=14)
    t = 13 * 24 + 11.0
    assert _at(res, "cox2_inhibition", t) > 0.7
    assert _at(res, "pge2", t) < 0.7 * _at(base, "pge2", t)
    assert _at(res, "il6", t) < 0.99 * _at(base, "il6", t)  # a few per cent: less TNF restraint offsets part
