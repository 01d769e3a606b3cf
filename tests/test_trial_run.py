"""Running a small virtual trial end to end: flow, endpoints, reproducibility and resume."""

import json
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
import yaml

from neuroimmune.trials.design import load_design
from neuroimmune.trials.run import run_trial

DESIGN = {
    "name": "mini-ssri",
    "population": {"n": 10, "seed": 3, "baseline": {"stress_chronic": 0.3},
                   "parameters": {"gr_sensitivity_central": {"dist": "lognormal", "median": 1.0, "sd_log": 0.2},
                                  "inflammatory_load": {"dist": "lognormal", "median": 0.5, "sd_log": 1.0}}},
    "inclusion": [{"variable": "hamd17", "min": 14}],
    "arms": [{"name": "placebo", "control": True, "treatments": [{"name": "placebo"}]},
             {"name": "escitalopram+placebo", "treatments": [{"name": "escitalopram", "dose": "10 mg", "at": "08:00"},
                                                             {"name": "placebo"}]}],
    "duration": "28 d", "visits": ["0 d", "14 d", "28 d"], "dropout": {"per_week": 0.05},
    "endpoints": [{"type": "change", "at": "28 d"}, {"type": "response", "at": "28 d"},
                  {"type": "remission", "at": "28 d", "max": 7},
                  {"type": "biomarker_change", "variable": "crp", "at": "28 d"},
                  {"type": "time_to_response", "at": "28 d"}],
    "strata": {"variable": "crp", "bands": [0, 3, 100]},
}


@pytest.fixture(scope="module")
def trial(tmp_path_factory):
    out = tmp_path_factory.mktemp("trial")
    return run_trial(load_design(DESIGN), out_dir=out, workers=1)


def test_flow_allocation_and_files(trial):
    flow = trial.summary["flow"]
    assert flow["screened"] == 10
    assert flow["randomised"] + flow["excluded"] + flow["failed_to_simulate_at_screening"] == 10
    by_arm = flow["by_arm"]
    assert sum(a["randomised"] for a in by_arm.values()) == flow["randomised"]
    assert abs(by_arm["placebo"]["randomised"] - by_arm["escitalopram+placebo"]["randomised"]) <= 1  # 1:1 blocks
    table = pd.read_parquet(trial.out_dir / "patients.parquet")
    assert set(table["arm"]) == {"placebo", "escitalopram+placebo"}
    assert (table["hamd17_screening"] >= 14).all()  # the inclusion criterion, on the rated screening score
    assert table["hamd17_0d"].notna().all()  # everyone is rated at baseline (with rater noise)
    assert (table["hamd17_screening"] == np.rint(table["hamd17_screening"])).all()  # a rating: whole points
    # the screening rating is the baseline visit's rating (same rater draw), as in a real trial
    assert (table["hamd17_screening"] == table["hamd17_0d"]).mean() >= 0.9
    saved = json.loads((trial.out_dir / "summary.json").read_text())
    assert saved["trial"] == "mini-ssri" and len(saved["endpoints"]) == 5
    report = (trial.out_dir / "report.html").read_text()
    assert report.count("data:image/png;base64,") == 3  # trajectories, responders by stratum, CRP change
    assert f"randomised: {flow['randomised']}" in report


def test_locf_keeps_the_last_rating_after_dropout(trial):
    table = trial.patients
    left = table[table["dropout_week"].notna()]
    for _, row in left.iterrows():
        assert np.isnan(row["hamd17_28d"]) or row["dropout_week"] > 4
        assert not np.isnan(row["hamd17_28d_locf"])


def test_endpoints_are_computed_from_the_table(trial):
    table = trial.patients
    change = trial.summary["endpoints"][0]
    for arm, stats in change["by_arm"].items():
        rows = table[table["arm"] == arm]
        expected = (rows["hamd17_28d_locf"] - rows["hamd17_0d_locf"]).mean()
        assert stats["mean"] == pytest.approx(expected)
    versus = change["versus_control"]["escitalopram+placebo"]
    assert versus["difference"] == pytest.approx(change["by_arm"]["escitalopram+placebo"]["mean"]
                                                 - change["by_arm"]["placebo"]["mean"])
    assert "by_stratum" in change and "interaction" in change
    response = trial.summary["endpoints"][1]["versus_control"]["escitalopram+placebo"]
    assert 0 <= response["risk_treatment"] <= 1


def test_time_to_response_is_the_first_visit_with_a_halved_score(trial):
    table = trial.patients
    timing = trial.summary["endpoints"][4]
    for arm, stats in timing["by_arm"].items():
        rows = table[table["arm"] == arm]
        first = []
        for _, r in rows.iterrows():
            base = r["hamd17_0d_locf"]
            days = [d for d in (14, 28) if base > 0 and base - r[f"hamd17_{d}d_locf"] >= 0.5 * base]
            first.append(days[0] if days else None)
        hits = [d for d in first if d is not None]
        assert stats["responded"] == len(hits)
        assert stats["first_response_by_visit_day"] == {f"{d}": hits.count(d) for d in sorted(set(hits))}
    # everyone responding at day 28 has responded by then (a day-14 response may not last to day 28)
    assert timing["versus_control"]["escitalopram+placebo"]["events_treatment"] >= \
        trial.summary["endpoints"][1]["versus_control"]["escitalopram+placebo"]["events_treatment"]


def test_same_seed_same_numbers_for_any_worker_count_and_a_rerun_resumes(trial, tmp_path):
    again = run_trial(load_design(DESIGN), out_dir=trial.out_dir, workers=2)  # resumes every chunk
    pd.testing.assert_frame_equal(again.patients, trial.patients)
    fresh = run_trial(load_design(DESIGN), out_dir=tmp_path / "fresh", workers=2)
    pd.testing.assert_frame_equal(fresh.patients, trial.patients)


def test_cli_refuses_to_overwrite_without_resume(trial, tmp_path):
    path = tmp_path / "design.yaml"
    path.write_text(yaml.safe_dump(DESIGN))
    exe = [sys.executable, "-m", "neuroimmune.cli.main", "trial", str(path), "--out", str(trial.out_dir)]
    refused = subprocess.run(exe + ["--workers", "1"], capture_output=True, text=True, timeout=600)
    assert refused.returncode == 2 and "pass --resume" in refused.stderr
    resumed = subprocess.run(exe + ["--workers", "1", "--resume"], capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    assert "summary.json" in resumed.stdout


def test_a_trial_killed_part_way_resumes_to_identical_results(trial, tmp_path):
    """Run the trial CLI, kill it once the first arm chunk is on disk, resume, compare."""
    import os
    import signal
    import time

    path = tmp_path / "design.yaml"
    path.write_text(yaml.safe_dump(DESIGN))
    out = tmp_path / "run"
    exe = [sys.executable, "-m", "neuroimmune.cli.main", "trial", str(path), "--out", str(out), "--workers", "1"]
    proc = subprocess.Popen(exe, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.time() + 300
        while time.time() < deadline and not list(out.glob("checkpoints/arm-*/chunk-*.parquet")):
            time.sleep(0.05)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert not (out / "summary.json").exists()  # it really was stopped part-way
    resumed = subprocess.run(exe + ["--resume"], capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    pd.testing.assert_frame_equal(pd.read_parquet(out / "patients.parquet"), trial.patients)


def test_incidence_time_to_response_and_a_second_scale_under_interferon(tmp_path):
    """An arm with a challenge (interferon-alpha) in people who are not depressed: cases counted on the
    MADRS as the design asks, recomputed here from the per-patient table; nobody responds, because
    a score of 0 cannot halve."""
    design = {
        "name": "mini-ifn", "population": {"n": 6, "seed": 3, "phenotype": "healthy"},
        "inclusion": [{"variable": "hamd17", "max": 7}],
        "arms": [{"name": "none", "control": True},
                 {"name": "ifn", "challenges": [{"type": "interferon_alpha", "dose": "3 MIU", "start": "day 0 09:00",
                                                 "schedule": "three_times_weekly", "duration": "56 d"}]}],
        "duration": "56 d", "visits": ["0 d", "28 d", "56 d"], "rater_noise": 0,
        "endpoints": [{"type": "incidence", "scale": "madrs", "min": 15, "at": "56 d"},
                      {"type": "time_to_response", "at": "56 d"}],
    }
    result = run_trial(load_design(design), out_dir=tmp_path, workers=1)
    table = result.patients
    cases = (table[["madrs_28d_locf", "madrs_56d_locf"]] >= 15).any(axis=1)
    incidence = result.summary["endpoints"][0]
    for arm in ("none", "ifn"):
        assert incidence["by_arm"][arm]["mean"] == pytest.approx(cases[table["arm"] == arm].mean())
    assert cases[table["arm"] == "ifn"].mean() > cases[table["arm"] == "none"].mean()
    assert (table.loc[table["arm"] == "none", "madrs_0d"] < 15).all()
    timing = result.summary["endpoints"][1]
    assert timing["kind"] == "time"
    assert all(v["responded"] == 0 for v in timing["by_arm"].values())


def test_selection_to_a_published_distribution_enters_the_flow_and_the_report(tmp_path):
    """Screened patients are selected (Allen et al. 2016) before the inclusion criteria; the flow
    adds up and the report compares the kept patients with the target."""
    design = {**DESIGN, "name": "mini-select", "duration": "14 d", "visits": ["0 d", "14 d"], "strata": None,
              "endpoints": [{"type": "change", "at": "14 d"}],
              "population": {**DESIGN["population"], "n": 30, "select": [
                  {"variable": "crp", "target": {"dist": "lognormal", "median": 1.0, "sd_log": 0.8},
                   "source": "test"}]}}
    design.pop("strata")
    result = run_trial(load_design(design), out_dir=tmp_path, workers=1)
    flow = result.summary["flow"]
    assert flow["not_selected"] > 0
    assert (flow["randomised"] + flow["excluded"] + flow["not_selected"]
            + flow["failed_to_simulate_at_screening"]) == 30
    (report,) = result.summary["selection"]
    assert report["variable"] == "crp" and report["drawn"] == 30
    assert report["kept"] == 30 - flow["not_selected"] - flow["failed_to_simulate_at_screening"]
    assert "Selection to a published baseline distribution" in (tmp_path / "report.html").read_text()
