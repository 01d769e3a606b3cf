"""Kill-and-resume check of a large trial through the command line, as a user runs it.

    python benchmarks/trial_resume.py [--patients 10000] [--workers 2] [--kill-at 0.5] [--no-write]

1. runs the 12-week, 3-arm design of ``bench_trial.py`` uninterrupted
   (``neuroimmune trial design.yaml --out A``) and times it;
2. runs it again into a second folder, kills the whole process group with SIGKILL at
   ``--kill-at`` of that time, and continues with ``--resume``;
3. checks that ``patients.parquet`` and ``summary.json`` of the two runs are identical,
   and writes the figures into docs/performance.md between the RESUME markers.

The uninterrupted run goes first so the kill lands part-way through a known duration.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_trial import design  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "performance.md"
CLI = str(Path(sys.executable).with_name("neuroimmune"))


def run(args: list[str], log: Path, *, kill_after: float | None = None) -> tuple[float, bool]:
    """Run the CLI with ``args``; return (seconds, killed)."""
    t0 = time.perf_counter()
    with log.open("ab") as sink:
        proc = subprocess.Popen([CLI, *args], stdout=sink, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            proc.wait(timeout=kill_after)
            killed = False
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            killed = True
    seconds = time.perf_counter() - t0
    if not killed and proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed with exit code {proc.returncode}; see {log}")
    return seconds, killed


def chunk_files(folder: Path) -> int:
    return sum(1 for _ in (folder / "checkpoints").rglob("*.parquet")) if (folder / "checkpoints").exists() else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--patients", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--kill-at", type=float, default=0.5, help="fraction of the uninterrupted time")
    parser.add_argument("--folder", type=Path, default=None, help="working folder (default: a new temporary one)")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    work = args.folder or Path(tempfile.mkdtemp(prefix="trial-resume-"))
    work.mkdir(parents=True, exist_ok=True)
    spec = work / "design.yaml"
    spec.write_text(yaml.safe_dump(design(args.patients), sort_keys=False), encoding="utf-8")
    log = work / "log.txt"
    common = ["trial", str(spec), "--workers", str(args.workers)]
    print(f"working in {work}; log in {log}", flush=True)

    whole, _ = run([*common, "--out", str(work / "uninterrupted")], log)
    print(f"uninterrupted: {whole:.1f} s", flush=True)
    first, killed = run([*common, "--out", str(work / "resumed")], log, kill_after=args.kill_at * whole)
    if not killed:
        raise SystemExit("the second run finished before the kill; lower --kill-at")
    chunks = chunk_files(work / "resumed")
    print(f"killed after {first:.1f} s with {chunks} chunk files written", flush=True)
    second, _ = run([*common, "--out", str(work / "resumed"), "--resume"], log)
    print(f"resumed run finished in {second:.1f} s", flush=True)

    a = pd.read_parquet(work / "uninterrupted" / "patients.parquet")
    b = pd.read_parquet(work / "resumed" / "patients.parquet")
    pd.testing.assert_frame_equal(a, b, check_exact=True)
    sa = json.loads((work / "uninterrupted" / "summary.json").read_text(encoding="utf-8"))
    sb = json.loads((work / "resumed" / "summary.json").read_text(encoding="utf-8"))
    if sa != sb:
        raise SystemExit("summary.json differs between the uninterrupted and the resumed run")
    flow = sa["flow"]
    print(f"identical: {len(a)} randomised patients, summary.json equal", flush=True)
    if not args.no_write:
        block = "\n".join([
            "<!-- RESUME:BEGIN (written by benchmarks/trial_resume.py) -->",
            f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()} with {os.cpu_count()} cores, "
            f"{args.workers} worker processes, through `neuroimmune trial design.yaml --out DIR`: the 12-week, "
            f"3-arm design of `bench_trial.py` with {args.patients} screened patients "
            f"({flow['randomised']} randomised).",
            "",
            "| run | wall time |",
            "|---|---|",
            f"| uninterrupted | {whole:.0f} s ({args.patients / whole:.1f} screened patients/s) |",
            f"| killed (SIGKILL to the process group) | after {first:.0f} s, {chunks} chunk files on disk |",
            f"| `--resume` of the killed run | {second:.0f} s |",
            "",
            f"`patients.parquet` ({len(a)} rows) and `summary.json` of the resumed run are identical to the "
            "uninterrupted run's (exact comparison).",
            "<!-- RESUME:END -->",
        ])
        text = DOC.read_text(encoding="utf-8")
        pattern = re.compile(r"<!-- RESUME:BEGIN.*?RESUME:END -->", re.S)
        text = pattern.sub(block, text) if pattern.search(text) else text.rstrip() + \
            "\n\n## Kill and resume at 10^4 patients\n\n" + block + "\n"
        DOC.write_text(text, encoding="utf-8")
        print(f"wrote {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
