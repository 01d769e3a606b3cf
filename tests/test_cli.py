"""The command line, run as a user would: the installed entry point in a subprocess."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

EXE = [sys.executable, "-m", "neuroimmune.cli.main"]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*EXE, *args], cwd=cwd, capture_output=True, text=True, timeout=600)


def test_scenarios_lists_builtins(tmp_path):
    out = run("scenarios", cwd=tmp_path)
    assert out.returncode == 0
    assert "endotoxin-2ngkg" in out.stdout and "healthy-day" in out.stdout


def test_simulate_builtin_writes_table_and_plot(tmp_path):
    out = run("simulate", "tsst", "--out", "res", "--format", "csv", "--outputs", "cortisol,ACTH,IL-6", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    frame = pd.read_csv(tmp_path / "res" / "tsst.csv")
    assert set(frame["variable"]) == {"cortisol", "acth", "il6"}
    assert (tmp_path / "res" / "tsst.png").stat().st_size > 10_000
    assert (tmp_path / "res" / "tsst.provenance.json").exists()


def test_simulate_yaml_with_patients(tmp_path):
    (tmp_path / "sc.yaml").write_text(
        "name: my-dst\nduration: 3 d\nchallenges:\n  - {type: dexamethasone, dose: 1 mg, at: day 1 23:00}\n"
        "output: {interval: 1 h, variables: [cortisol, dexamethasone]}\n")
    pd.DataFrame({"patient": ["a", "b"], "gr_sensitivity_central": [0.7, 1.5]}).to_csv(tmp_path / "p.csv", index=False)
    out = run("simulate", "sc.yaml", "--patients", "p.csv", "--workers", "1", "--no-plot", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    frame = pd.read_parquet(tmp_path / "outputs" / "my-dst" / "my-dst.parquet")
    assert set(frame["patient"]) == {"a", "b"}


def test_bad_scenario_fails_with_a_clear_message(tmp_path):
    (tmp_path / "bad.yaml").write_text(
        "name: bad\nduration: 1 d\nchallenges:\n  - {type: endotoxin, dose: -1 ng/kg, at: '09:00'}\n")
    out = run("simulate", "bad.yaml", cwd=tmp_path)
    assert out.returncode == 2
    assert "challenges[0].dose" in out.stderr and "must not be negative" in out.stderr
    assert "Traceback" not in out.stderr


def test_export_sbml_and_tables(tmp_path):
    out = run("export", "sbml", "--out", "m.xml", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "0 errors" in out.stdout
    assert (tmp_path / "m.xml").read_text().count("<rateRule") >= 20
    out = run("export", "tables", "--out", "ref.md", cwd=tmp_path)
    assert out.returncode == 0 and "| `k_crp` |" in (tmp_path / "ref.md").read_text()


@pytest.mark.slow
def test_validate_writes_scorecard(tmp_path):
    # population targets run virtual trials for minutes; tests/test_population_targets.py covers them
    out = run("validate", "--out", "val", "--no-populations", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    text = (tmp_path / "val" / "scorecard.md").read_text()
    last = text.strip().splitlines()[-1]
    assert last.endswith("failed") and last in out.stdout
    assert "population targets skipped in this run" in text


def test_demo_runs_the_flagship_trial_and_names_its_report(tmp_path):
    out = run("demo", "--out", "d", "--patients", "12", "--workers", "1", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "report: d/report.html" in " ".join(out.stdout.split())
    summary = json.loads((tmp_path / "d" / "summary.json").read_text())
    assert summary["trial"] == "flagship-ssri-celecoxib-8-weeks" and summary["flow"]["screened"] == 12
    assert set(summary["flow"]["by_arm"]) == {"placebo", "escitalopram", "escitalopram+celecoxib"}
    assert (tmp_path / "d" / "report.html").exists()
    # not a terminal: progress comes as plain lines, one per finished stage at least
    assert "screening: 12/12 patients" in out.stderr and "arm placebo:" in out.stderr


def test_treatments_lists_the_library_with_units_and_sources(tmp_path):
    out = subprocess.run([*EXE, "treatments", "--detail"], cwd=tmp_path, capture_output=True, text=True, timeout=600,
                         env={**os.environ, "COLUMNS": "250"})
    assert out.returncode == 0, out.stderr
    for name in ("escitalopram", "ketamine", "infliximab", "omega3", "pea", "exercise", "psychotherapy", "placebo"):
        assert name in out.stdout, name
    assert "mg/kg" in out.stdout and "g/d" in out.stdout
    assert "doi:10.1177/0091270005280860" in out.stdout  # escitalopram PK


def test_simulate_a_treatment_file_with_a_misspelt_drug_fails_with_a_suggestion(tmp_path):
    (tmp_path / "t.yaml").write_text(
        "name: t\nduration: 3 d\ntreatments:\n  - {name: sertralin, dose: 50 mg}\n")
    out = run("simulate", "t.yaml", "--no-plot", cwd=tmp_path)
    assert out.returncode == 2
    assert "did you mean 'sertraline'" in out.stderr + out.stdout
