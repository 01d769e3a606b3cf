"""Treatments: pharmacokinetics against the published numbers their parameters were read from,
mechanisms on single typical patients, scenario files, and the errors a user gets for mistakes."""

import math

import numpy as np
import pytest
import yaml

import neuroimmune as ni
from neuroimmune.errors import ScenarioError
from neuroimmune.scenarios.registry import builtin_scenarios
from neuroimmune.scenarios.treatments import TREATMENTS

EPISODE = {"type": "chronic_stress", "level": 1, "start": "day 7 00:00", "duration": "56 d"}


def _run(treatments, outputs, *, days, interval="1 h", baseline=None, challenges=(), patients=None, times=None):
    scenario = {"name": "treatment-test", "duration": f"{days} d", "baseline": baseline or {},
                "challenges": list(challenges), "treatments": list(treatments),
                "output": {"interval": interval, "variables": outputs}}
    return ni.simulate(scenario, patients=patients, times=times, workers=1)


def _at(res, var, t, patient=0):
    return float(np.interp(t, res.times, res.series(var, patient=patient)))


# --- pharmacokinetics -----------------------------------------------------------------------

def test_escitalopram_sert_occupancy_matches_klein_2007():
    """10 mg/day to steady state: 81.5% occupancy 6 h and 63.3% 54 h after the last dose
    (doi:10.1007/s00213-006-0666-y)."""
    last = 13 * 24 + 8.0
    res = _run([{"name": "escitalopram", "dose": "10 mg", "at": "08:00", "stop": "day 13 12:00"}],
               ["sert_inhibition"], days=17, times=[last + 6, last + 54])
    occ = res.series("sert_inhibition")
    assert occ[0] == pytest.approx(0.815, abs=0.05)
    assert occ[1] == pytest.approx(0.633, abs=0.08)


def test_escitalopram_terminal_half_life_is_27_to_33_hours():
    res = _run([{"name": "escitalopram", "dose": "20 mg", "times": ["day 0 08:00"]}], ["escitalopram"], days=6,
               times=[48.0, 96.0])
    c = res.series("escitalopram")
    half_life = 48.0 * math.log(2) / math.log(c[0] / c[1])
    assert 22.0 < half_life < 33.0  # doi:10.1177/0091270005280860 (CL 31 L/h, V 1,100 L gives 24.6 h)


def test_ketamine_peak_at_the_end_of_a_40_minute_infusion():
    """0.5 mg/kg over 40 min: Cmax about 185 ng/mL (doi:10.1124/pr.117.015198, citing Zarate 2006)."""
    times = list(np.arange(10.0, 14.0, 1 / 12))
    res = _run([{"name": "ketamine", "dose": "0.5 mg/kg", "times": ["day 0 10:00"]}], ["ketamine"], days=1,
               times=times)
    c = res.series("ketamine")
    assert c.max() == pytest.approx(185.0, rel=0.1)
    assert res.times[int(np.argmax(c))] == pytest.approx(10 + 40 / 60, abs=0.1)


def test_infliximab_peak_and_half_life():
    """5 mg/kg: median Cmax 118 ug/mL (label) and a terminal half-life of 7-12 days
    (doi:10.2165/00003088-200746080-00002)."""
    res = _run([{"name": "infliximab", "dose": "5 mg/kg", "times": ["day 0 09:00"]}], ["infliximab"], days=30,
               times=[11.0, 10 * 24.0, 24 * 24.0])
    c = res.series("infliximab")
    assert c[0] == pytest.approx(118.0, rel=0.2)
    half_life_days = 14 * math.log(2) / math.log(c[1] / c[2])
    assert 7.0 < half_life_days < 12.0


def test_body_weight_scales_a_dose_in_mg_per_kg():
    res = _run([{"name": "ketamine", "dose": "0.5 mg/kg", "times": ["day 0 10:00"]}], ["ketamine"], days=1,
               patients=[{"body_weight": 60.0}, {"body_weight": 90.0}], times=[10 + 40 / 60])
    assert res.series("ketamine", patient=1)[0] / res.series("ketamine", patient=0)[0] == pytest.approx(1.5, rel=1e-3)


def test_nortriptyline_at_100_mg_reaches_the_therapeutic_range_and_blocks_net_more_than_sert():
    res = _run([{"name": "nortriptyline", "dose": "100 mg", "at": "20:00"}],
               ["nortriptyline", "net_inhibition", "sert_inhibition"], days=21, times=[20 * 24 + 8.0])
    assert 50.0 < res.series("nortriptyline")[0] < 150.0  # therapeutic range 50-150 ng/mL
    assert res.series("net_inhibition")[0] > res.series("sert_inhibition")[0] > 0.3


def test_bupropion_dat_occupancy_is_modest():
    res = _run([{"name": "bupropion", "dose": "150 mg", "every": "12 h", "at": "08:00"}], ["dat_inhibition"],
               days=14, times=[13 * 24 + 11.0])
    assert 0.14 < res.series("dat_inhibition")[0] < 0.35  # 14-26% by PET


def test_a_missed_dose_lowers_the_next_trough_and_a_dose_change_raises_exposure():
    base = {"name": "escitalopram", "dose": "10 mg", "at": "08:00"}
    outputs = ["escitalopram"]
    res = [_run([dict(base, **extra)], outputs, days=20, times=[18 * 24 + 7.9])
           for extra in ({}, {"missed": ["day 17 08:00"]}, {"dose_changes": [{"at": "day 10 00:00", "dose": "20 mg"}]})]
    plain, missed, raised = (r.series("escitalopram")[0] for r in res)
    assert missed < 0.8 * plain
    assert raised == pytest.approx(2 * plain, rel=0.05)


# --- mechanisms on typical patients ---------------------------------------------------------

def test_infliximab_lowers_tnf_and_crp_for_weeks_then_they_return():
    res = ni.simulate("treatment-infliximab", outputs=["tnf", "crp"], times=[6 * 24.0, 35 * 24.0, 139 * 24.0],
                      workers=1)
    tnf, crp = res.series("tnf"), res.series("crp")
    assert crp[0] > 3.0  # an inflamed patient
    assert tnf[1] < 0.05 * tnf[0] and crp[1] < 0.4 * crp[0]
    assert crp[2] > 2 * crp[1]  # returning as the antibody is cleared after the last dose (day 49)


def test_tocilizumab_lowers_crp_while_plasma_il6_rises():
    res = ni.simulate("treatment-tocilizumab", outputs=["il6", "crp"], times=[6 * 24.0, 21 * 24.0], workers=1)
    il6, crp = res.series("il6"), res.series("crp")
    assert crp[1] < 0.3 * crp[0]  # CRP into the normal range within 2 weeks (label)
    assert il6[1] > 1.3 * il6[0]


def test_escitalopram_occupancy_is_fast_but_mood_improves_over_weeks():
    start = 119 * 24.0
    times = [start - 1, start + 7 * 24, start + 14 * 24, start + 42 * 24, start + 56 * 24]
    res = ni.simulate("treatment-escitalopram", outputs=["sert_inhibition", "hamd17"], times=times, workers=1)
    occ, hamd = res.series("sert_inhibition"), res.series("hamd17")
    assert hamd[0] > 14  # depressed before treatment
    assert occ[1] > 0.7  # SERT occupancy near its plateau within a week
    drop = hamd[0] - hamd
    assert drop[1] < 0.35 * drop[3]  # little of the effect by week 1
    # a partial response by week 8: serotonin above usual acts through plasticity (STAR*D: about half
    # respond by week 12, many late; Trivedi 2006)
    assert hamd[4] < 0.67 * hamd[0]


def test_an_ssri_lifts_mood_through_plasticity_not_by_raising_serotonin_above_usual():
    """Harmer 2004 (doi:10.1176/appi.ajp.161.7.1256) and 2009: antidepressants change emotional
    processing before mood, so serotonin above usual does not lift mood directly. On escitalopram the
    depressed adult's serotonin signalling rises above healthy within a week, yet mood improves as
    plasticity recovers; a direct effect of the excess (mood_serotonin_excess 1) would give a fall in
    week 1 more than twice as large."""
    start = 119 * 24.0
    times = [start - 1, start + 7 * 24, start + 56 * 24]
    res = ni.simulate("treatment-escitalopram", outputs=["serotonin_signalling", "plasticity", "hamd17"],
                      times=times, workers=1, patients=[{}, {"mood_serotonin_excess": 1.0}])
    signal, plasticity, hamd = (res.series(v) for v in ("serotonin_signalling", "plasticity", "hamd17"))
    assert signal[0] < 1.0  # a deficit before the drug
    assert signal[1] > 1.3  # above healthy on it
    assert plasticity[2] - plasticity[0] > 0.15  # plasticity recovers over 8 weeks
    assert hamd[0] - hamd[2] > hamd[0] / 3
    direct = res.series("hamd17", patient=1)
    assert direct[0] == pytest.approx(hamd[0], rel=1e-6)  # the excess term is silent before the drug
    assert direct[0] - direct[1] > 2 * (hamd[0] - hamd[1])


def test_ketamine_acts_within_hours_peaks_near_a_day_and_fades_over_days():
    t0 = 119 * 24 + 10.0
    times = [t0 - 0.5, t0 + 2, t0 + 24, t0 + 7 * 24, t0 + 14 * 24]
    res = ni.simulate("treatment-ketamine", outputs=["hamd17", "rapid_relief"], times=times, workers=1)
    hamd, relief = res.series("hamd17"), res.series("rapid_relief")
    assert hamd[0] > 14
    assert hamd[1] < hamd[0] - 1.0  # within hours (onset within 110 min, G24)
    assert hamd[2] < 0.6 * hamd[0]  # a large fall at 24 h (response rates are a population question)
    assert relief[2] > relief[1] and relief[2] > relief[3] > relief[4]


IFN = {"type": "interferon_alpha", "dose": "3 MIU", "route": "sc", "start": "day 0 09:00",
       "schedule": "three_times_weekly", "duration": "28 d"}


def test_an_ido_inhibitor_prevents_the_interferon_kynurenine_rise():
    outputs = ["kynurenine", "kyn_trp_ratio"]
    times = [8.0, 27 * 24.0 + 8.0]
    blocked = _run([{"name": "epacadostat", "dose": "100 mg", "at": "08:00", "every": "12 h"}], outputs, days=28,
                   challenges=[IFN], times=times)
    without = _run([], outputs, days=28, challenges=[IFN], times=times)
    assert without.series("kyn_trp_ratio")[1] > without.series("kyn_trp_ratio")[0]
    assert blocked.series("kyn_trp_ratio")[1] < 0.5 * without.series("kyn_trp_ratio")[0]
    assert blocked.series("kynurenine")[1] < blocked.series("kynurenine")[0]


def test_minocycline_blunts_interferon_microglial_activation():
    ifn = dict(IFN, duration="56 d")
    on = _run([{"name": "minocycline", "dose": "100 mg", "at": "08:00"}], ["neuroinflammation"], days=56,
              challenges=[ifn], times=[55 * 24.0])
    off = _run([], ["neuroinflammation"], days=56, challenges=[ifn], times=[55 * 24.0])
    assert on.series("neuroinflammation")[0] < 0.7 * off.series("neuroinflammation")[0]


def test_exercise_gives_il6_pulses_then_il10_and_lowers_crp_over_weeks():
    session = 7 * 24 + 17.0  # first session, day 7 17:00, 45 min
    res = ni.simulate("treatment-exercise", outputs=["il6", "il10", "crp", "kynurenine"],
                      times=[7 * 24.0, session - 0.1, session + 0.75, session + 1.5, 97 * 24.0], workers=1)
    il6, il10, crp, kyn = (res.series(v) for v in ("il6", "il10", "crp", "kynurenine"))
    assert il6[2] - il6[1] > 1.5  # pg/mL: about double a healthy level (1.5 pg/mL)
    assert il10[3] > il10[1]
    assert crp[4] < 0.9 * crp[0]
    assert kyn[4] < kyn[0]


def test_psychotherapy_lowers_stress_appraisal_and_ends_an_episode_over_months():
    t = [119 * 24.0, 147 * 24.0, 251 * 24.0]
    res = ni.simulate("treatment-psychotherapy", outputs=["stress_appraisal", "hamd17"], times=t, workers=1)
    appraisal, hamd = res.series("stress_appraisal"), res.series("hamd17")
    assert appraisal[0] == pytest.approx(1.0) and appraisal[2] < 0.8
    assert hamd[1] > 0.6 * hamd[0]  # not within four weeks
    assert hamd[2] < 0.5 * hamd[0]


def test_placebo_lowers_stress_appraisal_within_about_a_week():
    t = [119 * 24.0, 122 * 24.0, 133 * 24.0, 182 * 24.0 - 1]
    res = ni.simulate("treatment-placebo", outputs=["stress_appraisal"], times=t, workers=1)
    a = res.series("stress_appraisal")
    assert a[0] == pytest.approx(1.0)
    assert a[3] > a[2] < a[1] < 1.0  # builds over a week, fades after the pills stop


# --- scenario files ---------------------------------------------------------------------------

def test_every_treatment_simulates_from_a_scenario_file(tmp_path):
    treatments = []
    for name, info in TREATMENTS.items():
        entry = {"name": name, "start": "day 1 00:00", "stop": "day 3 00:00"}
        if info.dose_range:
            entry["dose"] = f"{info.dose_range[0]:g} {info.dose_unit}"
        if info.drug is not None and info.default_interval_h is None:
            entry["times"] = ["day 1 09:00"]
        treatments.append(entry)
    others_out = ["pea", "omega3_index", "fitness", "coping", "expectancy"]
    # Two SSRIs at once are refused, so each SSRI gets its own run with all the other treatments.
    ssris = [t for t in treatments if TREATMENTS[t["name"]].drug and TREATMENTS[t["name"]].drug.drug_class == "SSRI"]
    others = [t for t in treatments if t not in ssris]
    for i, ssri in enumerate(ssris):
        drugs = [t["name"] for t in others + [ssri] if TREATMENTS[t["name"]].drug]
        outputs = drugs + others_out
        data = {"name": "all-treatments", "duration": "4 d", "treatments": others + [ssri],
                "output": {"interval": "1 h", "variables": outputs}}
        path = tmp_path / f"all-{i}.yaml"
        path.write_text(yaml.safe_dump(data))
        res = ni.simulate(str(path), workers=1)
        assert res.ok.all()
        for var in outputs:
            assert res.series(var).max() > 0, var


def test_builtin_treatment_scenarios_cover_the_mechanisms():
    names = [n for n in builtin_scenarios() if n.startswith("treatment-")]
    assert len(names) >= 12


@pytest.mark.parametrize("entry, message", [
    ({"name": "escitalopam", "dose": "10 mg"}, "did you mean 'escitalopram'"),
    ({"name": "escitalopram", "dose": "300 mg"}, "outside the safe range for escitalopram: 2.5-30 mg"),
    ({"name": "escitalopram", "dose": "10 mg/kg"}, "allowed units: mg"),
    ({"name": "escitalopram", "dose": "10"}, "no unit"),
    ({"name": "escitalopram"}, "needs a dose in mg"),
    ({"name": "ketamine", "dose": "35 mg", "times": ["day 0 10:00"]}, "allowed units: mg/kg"),
    ({"name": "ketamine", "dose": "0.5 mg/kg"}, "given at explicit times"),
    ({"name": "escitalopram", "dose": "20 mg", "every": "6 h"}, "exceeds the maximum daily dose"),
    ({"name": "escitalopram", "dose": "10 mg", "missed": ["day 2 09:00"]}, "no scheduled dose or session at 57 h"),
    ({"name": "escitalopram", "dose": "10 mg", "stop": "day 30 00:00"}, "lies outside the run"),
    ({"name": "escitalopram", "dose": "10 mg", "sessions_per_week": 3}, "not used by escitalopram"),
    ({"name": "exercise", "session": "6 h"}, "longer than a session can be"),
    ({"name": "escitalopram", "dose": "10 mg", "at": "25:00"}, "is not a clock time"),
])
def test_treatment_mistakes_get_clear_errors(entry, message):
    scenario = {"name": "bad", "duration": "10 d", "treatments": [entry]}
    with pytest.raises(ScenarioError) as err:
        ni.simulate(scenario, workers=1)
    assert message in str(err.value)
    assert "treatments[0]" in str(err.value)


def test_overlapping_courses_of_one_drug_and_two_ssris_are_refused():
    one = {"name": "escitalopram", "dose": "10 mg", "stop": "day 5 00:00"}
    same = {"name": "escitalopram", "dose": "20 mg", "start": "day 4 00:00"}
    other = {"name": "sertraline", "dose": "50 mg", "start": "day 4 00:00"}
    for second, message in ((same, "give one course"), (other, "two SSRIs at once")):
        with pytest.raises(ScenarioError, match=message):
            ni.simulate({"name": "bad", "duration": "10 d", "treatments": [one, second]}, workers=1)
    switch = dict(other, start="day 5 00:00")  # a switch after stopping is fine
    res = ni.simulate({"name": "switch", "duration": "10 d", "treatments": [one, switch],
                       "output": {"variables": ["sert_inhibition"]}}, workers=1)
    assert res.ok.all()
