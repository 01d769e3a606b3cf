"""The brain side: item maps, the interferon-alpha sequence, bistability and rating noise."""

import numpy as np
import pytest

import neuroimmune as ni
from neuroimmune.model.scales import DIMENSIONS, SCALES, check_scales
from neuroimmune.ratings import expected_items, rate


def test_item_maps_match_the_published_scales():
    check_scales()
    assert {s: SCALES[s].max_total for s in SCALES} == {"hamd17": 52, "madrs": 60, "hama": 56, "phq9": 27, "gad7": 21}
    assert len(SCALES["hamd17"].items) == 17 and len(SCALES["madrs"].items) == 10
    assert len(SCALES["hama"].items) == 14 and len(SCALES["phq9"].items) == 9 and len(SCALES["gad7"].items) == 7


@pytest.fixture(scope="module")
def interferon():
    outputs = ["il6", "ido", "tryptophan", "kyn_trp_ratio", "sym_sickness", "sym_mood", "hamd17", "madrs", *DIMENSIONS,
               "rapid_relief"]
    return ni.simulate("interferon-alpha-12-weeks", outputs=list(dict.fromkeys(outputs)),
                       times=np.arange(0, 91 * 24 + 0.1, 6.0), workers=1)


def _first_time(result, variable, fraction, start_h):
    y, t = result.series(variable), result.times
    base = np.interp(start_h, t, y)
    after = t >= start_h
    peak = y[after].max()
    idx = np.nonzero(after & (y >= base + fraction * (peak - base)))[0][0]
    return t[idx] - start_h


def test_interferon_alpha_sequence_of_events(interferon):
    """Capuron 2002/2003: cytokines and IDO first, tryptophan falls and KYN/TRP rises within days,
    neurovegetative symptoms within about two weeks, depressed mood later."""
    start = 7 * 24 + 9
    day = lambda d: int(d * 4)  # noqa: E731 - 6-hourly grid
    il6, ido = interferon.series("il6"), interferon.series("ido")
    assert il6[day(7) + 2:day(9)].max() > 1.5 * il6[day(6):day(7)].max()  # cytokines within a day
    assert ido[day(10)] > 1.2 * ido[day(7)]  # IDO within days
    t_sick = _first_time(interferon, "sym_sickness", 0.5, start)
    t_mood = _first_time(interferon, "sym_mood", 0.5, start)
    assert t_sick < 14 * 24 < t_mood
    trp, ktr = interferon.series("tryptophan"), interferon.series("kyn_trp_ratio")
    assert trp[day(14)] < 0.95 * trp[day(7)]
    assert ktr[day(14)] > 1.05 * ktr[day(7)]
    assert interferon.series("hamd17")[day(90)] > interferon.series("hamd17")[day(6)] + 5


def test_scale_totals_equal_the_sum_of_expected_items(interferon):
    items = expected_items(interferon, "madrs")
    np.testing.assert_allclose(items.drop(columns="time_h").sum(axis=1), interferon.series("madrs"), rtol=1e-6)


def test_rating_noise_is_reproducible_and_bounded(interferon):
    a = rate(interferon, "hamd17", times_h=[7 * 24, 90 * 24], item_noise_sd=0.7, seed=3)
    b = rate(interferon, "hamd17", times_h=[7 * 24, 90 * 24], item_noise_sd=0.7, seed=3)
    assert a.equals(b)
    assert a["total"].between(0, 52).all()
    noiseless = rate(interferon, "hamd17", times_h=[90 * 24], item_noise_sd=0.0)
    # rounding each of the 17 items moves the total by at most half a point per item
    assert abs(noiseless["total"].iloc[0] - interferon.series("hamd17")[90 * 4]) <= len(SCALES["hamd17"].items) / 2
    with pytest.raises(ni.errors.NeuroimmuneError, match="outside the simulated times"):
        rate(interferon, "hamd17", times_h=[10_000.0])


def test_rater_noise_comes_from_the_patients_own_ratings_stream(interferon):
    """Item k at time t gets the next normal draw of numpy's generator keyed (seed, 3, patient key);
    no other kind of draw (allocation is keyed (seed, 2)) shares it."""
    t = 90 * 24
    got = rate(interferon, "hamd17", times_h=[t], item_noise_sd=0.7, seed=3, patient_keys=[2]).iloc[0]
    rng = np.random.default_rng([3, 3, 2])
    items = expected_items(interferon, "hamd17")
    for item in SCALES["hamd17"].items:
        mean = float(np.interp(t, items["time_h"], items[item.name]))
        assert got[item.name] == int(np.clip(np.rint(mean + rng.normal(0.0, 0.7)), 0, item.max_score))


def test_depression_outlasts_a_long_stress_but_not_a_short_one():
    """anchors.md case 3 in this model's terms: a critical stress duration and hysteresis."""
    def hamd_after(weeks):
        sc = {"name": "s", "duration": f"{7 + 7 * weeks + 140} d",
              "challenges": [{"type": "chronic_stress", "level": 1, "start": "day 7 00:00",
                              "duration": f"{7 * weeks} d"}],
              "output": {"interval": "1 d", "variables": ["hamd17", "plasticity"]}}
        return ni.simulate(sc, workers=1).series("hamd17")[-1]
    assert hamd_after(1) <= 7
    assert hamd_after(8) >= 14


def test_il6_adds_to_ido_induction_after_endotoxin():
    """IL-6 is one of the IDO inducers (with TNF-alpha and interferon): removing its term lowers IDO a
    little on a healthy day and twice as much three hours after endotoxin, at the same clock time."""
    res = ni.simulate("endotoxin-0.8ngkg", patients=[{}, {"ido_il6_gain": 0.0}], outputs=["ido", "il6"],
                      times=[12.0, 24 + 12.0], workers=1)
    diff = res.series("ido", patient=0) - res.series("ido", patient=1)
    il6 = res.series("il6", patient=0)
    assert il6[1] > 3 * il6[0]  # the dose (day 1 09:00) has raised IL-6 by 12:00
    assert 0 < diff[0] < 0.02  # healthy IL-6 sits near its reference, so the term is small
    assert diff[1] > 1.5 * diff[0]


def test_tryptophan_and_kynurenine_compete_at_the_blood_brain_barrier():
    """The transporter term equals 1 + load + (TRP - TRP_ref)/Km_trp + (KYN - KYN_ref)/Km_kyn, and a
    kynurenine rise (interferon-alpha) lowers brain tryptophan more when kynurenine binds more tightly."""
    outputs = ["lnaa_factor", "tryptophan", "kynurenine", "tryptophan_brain"]
    times = [0.0, 84 * 24.0]
    res = ni.simulate("interferon-alpha-12-weeks", patients=[{}, {"kyn_bbb_km": 50.0}], outputs=outputs,
                      times=times, workers=1)
    p = {q.id: q.value for q in ni.default_model().parameters}
    expected = (1 + (res.series("tryptophan", patient=0) - p["trp_plasma_ref"]) / p["trp_bbb_km"]
                + (res.series("kynurenine", patient=0) - p["kyn_plasma_ref"]) / p["kyn_bbb_km"])
    np.testing.assert_allclose(res.series("lnaa_factor", patient=0), expected, rtol=1e-9)
    ratio = [res.series("tryptophan_brain", patient=i)[-1] / res.series("tryptophan", patient=i)[-1] for i in (0, 1)]
    assert ratio[1] < ratio[0]


def test_a_failed_patient_gets_no_rating_and_does_not_shift_the_others(interferon):
    from dataclasses import replace

    failed = replace(interferon, values=np.concatenate([interferon.values, np.full_like(interferon.values, np.nan)]),
                     status=[*interferon.status, "failed: test"], patients=(*interferon.patients, "broken"))
    both = rate(failed, "hamd17", times_h=[90 * 24], seed=5)
    alone = rate(interferon, "hamd17", times_h=[90 * 24], seed=5)
    assert np.isnan(both.loc[both["patient"] == "broken", "total"]).all()
    assert both.iloc[0]["total"] == alone.iloc[0]["total"]
