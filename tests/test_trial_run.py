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
                  {"type": "biomarker_change", "variable": "crp", "at": "28 d"}],
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
    assert (table["hamd17_screening"] >= 14).all()  # the inclusion criterion, on the model's screening values
    assert table["hamd17_0d"].notna().all()  # everyone is rated at baseline (with rater noise)
    saved = json.loads((trial.out_dir / "summary.json").read_text())
    assert saved["trial"] == "mini-ssri" and len(saved["endpoints"]) == 4
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
