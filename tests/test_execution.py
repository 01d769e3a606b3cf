"""The execution seam: in-process, local processes and Dask distributed give identical results.

The Dask test starts a real scheduler and real workers as separate processes on loopback,
as a user would on a cluster, and points the run at the scheduler's address."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import neuroimmune as ni
from neuroimmune.errors import EngineError
from neuroimmune.execution import DaskCluster, InProcess, LocalProcesses, choose_backend

PATIENTS = [{"gr_sensitivity_central": g, "inflammatory_load": load}
            for g, load in ((0.8, 0.0), (1.0, 0.5), (1.3, 1.0), (1.6, 0.2), (0.9, 2.0))]
TIMES = np.arange(0, 48.01, 1.0)
OUTPUTS = ["cortisol", "tnf", "crp"]


def _run(**kwargs):
    return ni.simulate("endotoxin-0.4ngkg", patients=PATIENTS, outputs=OUTPUTS, times=TIMES, **kwargs)


@pytest.fixture(scope="module")
def reference():
    return _run(workers=1, backend="inprocess")


def test_choose_backend():
    assert isinstance(choose_backend(workers=1, n_tasks=5), InProcess)
    assert choose_backend(workers=4, n_tasks=2) == LocalProcesses(workers=2)
    assert choose_backend(workers=2, n_tasks=5, scheduler="tcp://127.0.0.1:1") == DaskCluster("tcp://127.0.0.1:1", 2)
    with pytest.raises(EngineError, match="backend 'spark' is not one of"):
        choose_backend(workers=2, n_tasks=5, backend="spark")


@pytest.fixture(scope="module")
def dask_scheduler(tmp_path_factory):
    """A Dask scheduler and two single-threaded workers, each its own process, on loopback."""
    folder = tmp_path_factory.mktemp("dask")
    file = folder / "scheduler.json"
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    procs = [subprocess.Popen([str(bin_dir / "dask"), "scheduler", "--host", "127.0.0.1", "--port", "0",
                               "--no-dashboard", "--scheduler-file", str(file)],
                              cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        for _ in range(300):
            if file.exists() and file.stat().st_size > 0:
                break
            time.sleep(0.1)
        address = json.loads(file.read_text())["address"]
        for _ in range(2):
            procs.append(subprocess.Popen(
                [str(bin_dir / "dask"), "worker", address, "--nthreads", "1", "--nworkers", "1", "--no-dashboard",
                 "--host", "127.0.0.1", "--local-directory", str(folder)],
                cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.mark.filterwarnings("ignore::ResourceWarning", "ignore::UserWarning", "ignore::DeprecationWarning")
def test_dask_scheduler_and_workers_in_separate_processes_give_identical_results(reference, dask_scheduler, tmp_path):
    calls = []
    result = _run(scheduler=dask_scheduler, checkpoint_dir=tmp_path / "ck", progress=lambda d, n: calls.append(d))
    assert result.status == ["ok"] * len(PATIENTS)
    np.testing.assert_array_equal(result.values, reference.values)
    assert calls[-1] == len(PATIENTS)
    assert result.provenance["model_fingerprint"] == reference.provenance["model_fingerprint"]


def test_local_processes_give_identical_results(reference):
    result = _run(workers=2, backend="processes")
    np.testing.assert_array_equal(result.values, reference.values)


def test_an_unreachable_scheduler_is_a_clear_error():
    backend = DaskCluster(scheduler="tcp://127.0.0.1:9", connect_timeout_s=2.0)
    with pytest.raises(EngineError, match="cannot reach the Dask scheduler at 'tcp://127.0.0.1:9'"):
        list(backend.run(ni.default_model(drugs=()), ni.SolverOptions(), []))


@pytest.mark.filterwarnings("ignore::ResourceWarning", "ignore::UserWarning", "ignore::DeprecationWarning")
def test_a_local_dask_cluster_gives_identical_results(reference):
    result = _run(workers=2, backend="dask")
    np.testing.assert_array_equal(result.values, reference.values)


@pytest.mark.filterwarnings("ignore::ResourceWarning", "ignore::UserWarning", "ignore::DeprecationWarning")
def test_a_trial_through_the_dask_scheduler_matches_the_in_process_run(dask_scheduler, tmp_path):
    from test_trial_run import DESIGN

    from neuroimmune.trials.design import load_design
    from neuroimmune.trials.run import run_trial

    here = run_trial(load_design(DESIGN), out_dir=tmp_path / "here", workers=1, backend="inprocess")
    there = run_trial(load_design(DESIGN), out_dir=tmp_path / "dask", scheduler=dask_scheduler)
    pd.testing.assert_frame_equal(there.patients, here.patients)
    assert there.summary == here.summary
