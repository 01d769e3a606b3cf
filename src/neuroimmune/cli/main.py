"""The ``neuroimmune`` command line. It calls the Python API and holds no logic of its own."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer
import yaml
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from neuroimmune import __version__
from neuroimmune.errors import NeuroimmuneError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Neuroimmune: simulate stress, the HPA axis and innate immunity in depression and anxiety. "
                       "A research tool, not medical advice.")
export_app = typer.Typer(no_args_is_help=True, help="Export the model (SBML, reference tables).")
app.add_typer(export_app, name="export")
console = Console(soft_wrap=True)
err_console = Console(stderr=True, soft_wrap=True)


class _RateColumn(ProgressColumn):
    """Items (patients) per second, once there is a rate to show."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f}/s" if speed else "", style="cyan")


_LOG_EVERY_S = 30.0


@contextmanager
def _progress(label: str) -> Iterator[Callable[..., None]]:
    """A progress bar on a terminal; elsewhere (a batch job's log) a plain line every 30 s and at
    the end of each stage. ``update(done, total, stage=None)``."""
    if not err_console.is_terminal:
        state = {"stage": None, "t0": time.monotonic(), "last": 0.0}

        def log(done: int, total: int, stage: str | None = None) -> None:
            now = time.monotonic()
            if stage != state["stage"]:
                state.update(stage=stage, t0=now, last=now)
            if now - state["last"] < _LOG_EVERY_S and done < total:
                return
            state["last"] = now
            elapsed = now - state["t0"]
            rate = done / elapsed if elapsed > 0 else 0.0
            left = f", about {(total - done) / rate:.0f} s left" if rate > 0 and done < total else ""
            name = f"{label}: {stage}" if stage else label
            err_console.print(f"{name}: {done}/{total} patients, {rate:.1f}/s, {elapsed:.0f} s{left}",
                              highlight=False)

        yield log
        return
    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), _RateColumn(),
                  TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(), console=err_console,
                  transient=False) as bar:
        task = bar.add_task(label, total=None)
        current = {"stage": None}

        def update(done: int, total: int, stage: str | None = None) -> None:
            if stage != current["stage"]:  # a new stage (e.g. the next arm) restarts the rate and time left
                current["stage"] = stage
                bar.reset(task, total=total, description=f"{label}: {stage}" if stage else label)
            bar.update(task, completed=done, total=total)

        yield update


def _fail(exc: Exception) -> None:
    err_console.print(f"[bold red]error:[/] {exc}")
    raise typer.Exit(code=2)


def _version(value: bool) -> None:
    if value:
        console.print(f"neuroimmune {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                               help="Print the version and exit.")] = False) -> None:
    """Neuroimmune command line."""


@app.command()
def scenarios() -> None:
    """List the built-in scenarios."""
    from neuroimmune.scenarios.registry import builtin_scenarios, describe_builtin

    table = Table(title="Built-in scenarios (use a name or a YAML file with `neuroimmune simulate`)")
    table.add_column("name", style="bold")
    table.add_column("description")
    for name in builtin_scenarios():
        table.add_row(name, describe_builtin(name))
    console.print(table)


@app.command()
def treatments(
    detail: Annotated[bool, typer.Option("--detail", help="Also show each treatment's mechanism.")] = False,
) -> None:
    """List the treatment library: doses, units, safe ranges and the sources of their PK and potency."""
    from neuroimmune.scenarios.treatments import treatment_table

    table = Table(title="Treatments (use in a scenario file under `treatments:`)")
    for col in ("name", "kind", "dose unit", "usual dose", "safe range per dose", "sources"):
        table.add_column(col, style="bold" if col == "name" else None)
    if detail:
        table.add_column("mechanism")
    for row in treatment_table():
        cells = [row["name"], row["kind"], row["dose_unit"], row["usual"], row["range"], row["sources"]]
        table.add_row(*cells, *([row["mechanism"]] if detail else []))
    console.print(table)


@app.command()
def simulate(
    scenario: Annotated[str, typer.Argument(help="A built-in scenario name or a scenario YAML file.")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Output folder (default outputs/<scenario>).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="parquet or csv.")] = "parquet",
    outputs: Annotated[str | None, typer.Option(help="Comma-separated variables to record (default: the scenario's).")] = None,
    patients: Annotated[Path | None, typer.Option(help="CSV of parameter sets, one row per virtual patient.")] = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes (default: all cores).")] = None,
    checkpoint: Annotated[Path | None, typer.Option(help="Folder for per-chunk results; a rerun resumes.")] = None,
    plot: Annotated[bool, typer.Option(help="Write a PNG of the first patient.")] = True,
    backend: Annotated[str, typer.Option(help="auto, inprocess, processes or dask (a local Dask cluster).")] = "auto",
    scheduler: Annotated[str | None, typer.Option(help="Run on an existing Dask scheduler, tcp://host:port.")] = None,
) -> None:
    """Simulate a scenario and write the results (tidy table with units) and a plot."""
    from neuroimmune.api import simulate as run
    from neuroimmune.plotting import plot_result
    from neuroimmune.scenarios.registry import load_scenario

    if fmt not in ("parquet", "csv"):
        _fail(NeuroimmuneError(f"--format {fmt!r}: choose 'parquet' or 'csv'"))
    try:
        spec = load_scenario(scenario)
        table = None
        if patients is not None:
            if not patients.exists():
                raise NeuroimmuneError(f"--patients {str(patients)!r} does not exist")
            table = pd.read_csv(patients)
            if "patient" in table.columns:
                table = table.set_index("patient")
        names = [o.strip() for o in outputs.split(",")] if outputs else None
        with _progress(f"simulating {spec.name}") as update:
            result = run(spec, patients=table, outputs=names, workers=workers, checkpoint_dir=checkpoint,
                         progress=update, backend=backend, scheduler=scheduler)
    except NeuroimmuneError as exc:
        _fail(exc)
        return
    folder = out or Path("outputs") / spec.name
    data_path = result.save(folder / f"{spec.name}.{fmt}")
    console.print(f"results: [bold]{data_path}[/] ({len(result.patients)} patient(s), "
                  f"{len(result.times)} times, {len(result.variables)} variables)")
    failed = [p for p, s in zip(result.patients, result.status) if s != "ok"]
    if failed:
        err_console.print(f"[yellow]{len(failed)} patient(s) failed[/] (see the provenance file): "
                          f"{', '.join(failed[:5])}{' ...' if len(failed) > 5 else ''}")
    if plot:
        first = next((i for i, s in enumerate(result.status) if s == "ok"), 0)
        png = plot_result(result, folder / f"{spec.name}.png", patient=first,
                          title=f"{spec.name}: {spec.description.strip().splitlines()[0] if spec.description else ''}")
        console.print(f"plot: [bold]{png}[/]")


@app.command()
def trial(
    design: Annotated[Path, typer.Argument(help="A trial design YAML file (see docs/trials.md).")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Output folder (default outputs/<trial>).")] = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes (default: all cores).")] = None,
    backend: Annotated[str, typer.Option(help="auto, inprocess, processes or dask (a local Dask cluster).")] = "auto",
    scheduler: Annotated[str | None, typer.Option(help="Run on an existing Dask scheduler, tcp://host:port.")] = None,
    resume: Annotated[bool, typer.Option(help="Continue a run in --out from its finished chunks.")] = False,
) -> None:
    """Run a virtual clinical trial: per-patient results and summary.json (every endpoint by arm and stratum)."""
    from neuroimmune.trials.design import load_design
    from neuroimmune.trials.run import run_trial

    try:
        spec = load_design(design)
        folder = out or Path("outputs") / spec.name
        if (folder / "checkpoints").exists() and not resume:
            raise NeuroimmuneError(f"--out {str(folder)!r} already holds a run; pass --resume to continue it, "
                                   "or choose another folder")
        with _progress(f"trial {spec.name}") as update:
            result = run_trial(spec, out_dir=folder, workers=workers, backend=backend, scheduler=scheduler,
                               progress=lambda stage, done, total: update(done, total, stage))
    except NeuroimmuneError as exc:
        _fail(exc)
        return
    _print_trial(result.summary, folder)


def _print_trial(summary: dict, folder: Path) -> None:
    """The flow of a finished trial and where its files are."""
    flow = summary["flow"]
    console.print(f"screened {flow['screened']}, randomised {flow['randomised']}: "
                  + ", ".join(f"{a} {v['randomised']} ({v['completed']} completed)" for a, v in flow["by_arm"].items()))
    console.print(f"per-patient results: [bold]{folder / 'patients.parquet'}[/]")
    console.print(f"summary: [bold]{folder / 'summary.json'}[/]")
    console.print(f"report: [bold]{folder / 'report.html'}[/]")


@app.command()
def validate(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for scorecard.md and figures.")] = Path("outputs/validation"),
    populations: Annotated[bool, typer.Option(help="Score the population targets (virtual cohorts and trials; "
                                              "minutes).")] = True,
    population_size: Annotated[int | None, typer.Option(min=10, help="Patients per virtual cohort and trial "
                                                        "(default: as declared in validation/populations.yaml).")] = None,
    workers: Annotated[int | None, typer.Option(min=1, help="Worker processes (default: all cores).")] = None,
) -> None:
    """Score the model against every published target and write the scorecard.

    Population targets run virtual cohorts and trials under OUT/populations; an interrupted
    run resumes from their finished chunks."""
    from neuroimmune.model import default_model
    from neuroimmune.validation.report import run_validation, summary_line

    try:
        with _progress("scoring targets") as update:
            scores, path = run_validation(default_model(), out, progress=update, populations=populations,
                                          population_size=population_size, workers=workers,
                                          messages=lambda m: console.print(f"  running {m}"))
    except NeuroimmuneError as exc:
        _fail(exc)
        return
    failed_cal = [s.target.id for s in scores if s.target.role == "calibration" and s.status != "pass"]
    failed_val = [s.target.id for s in scores if s.target.role == "validation" and s.status in ("fail", "error")]
    console.print(f"scorecard: [bold]{path}[/]")
    if failed_cal:
        console.print(f"[red]calibration targets outside tolerance:[/] {', '.join(failed_cal)}")
    if failed_val:
        console.print(f"[yellow]validation targets failing:[/] {', '.join(failed_val)}")
    console.print(summary_line(scores))


@export_app.command("sbml")
def export_sbml(
    out: Annotated[Path, typer.Option("--out", "-o", help="SBML file to write.")] = Path("outputs/neuroimmune.xml"),
    scenario: Annotated[str | None, typer.Option(help="Also write a scenario's doses and stress steps as SBML events.")] = None,
) -> None:
    """Write the model as SBML Level 3 Version 2, starting from its circadian steady state."""
    from neuroimmune.sbml.io import export_model_sbml

    try:
        path, issues = export_model_sbml(out, scenario=scenario)
    except NeuroimmuneError as exc:
        _fail(exc)
        return
    errors = [i for i in issues if i.severity == "error"]
    warnings = [i for i in issues if i.severity == "warning"]
    console.print(f"SBML: [bold]{path}[/] (libSBML: {len(errors)} errors, {len(warnings)} warnings)")
    for issue in errors[:10]:
        err_console.print(f"[red]{issue.code}[/] {issue.message}")
    if errors:
        raise typer.Exit(code=1)


@export_app.command("tables")
def export_tables(
    out: Annotated[Path, typer.Option("--out", "-o", help="Markdown file to write.")] = Path("docs/model-reference.md"),
) -> None:
    """Write the reference tables of states, rate laws and parameters (markdown)."""
    from neuroimmune.model import default_model
    from neuroimmune.reference import write_model_reference

    console.print(f"reference: [bold]{write_model_reference(default_model(), out)}[/]")


@app.command()
def demo(
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("outputs/demo"),
    patients: Annotated[int | None, typer.Option(help="Virtual patients to screen (default: the design's 600).")] = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes (default: all cores).")] = None,
) -> None:
    """Run the flagship virtual trial: escitalopram, escitalopram plus celecoxib, or placebo for
    8 weeks in major depression, stratified by baseline CRP; names its report."""
    from importlib import resources

    from neuroimmune.trials.design import load_design
    from neuroimmune.trials.run import run_trial

    path = resources.files("neuroimmune.trials").joinpath("data/flagship.yaml")
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if patients is not None:
        if patients < 3:
            _fail(NeuroimmuneError(f"--patients: {patients} is too few; screen at least 3 (one per arm)"))
            return
        raw["population"]["n"] = patients
    try:
        spec = load_design(raw)
        if (out / "checkpoints").exists():  # a fresh demo each time
            shutil.rmtree(out)
        with _progress(f"trial {spec.name}") as update:
            result = run_trial(spec, out_dir=out, workers=workers,
                               progress=lambda stage, done, total: update(done, total, stage))
    except NeuroimmuneError as exc:
        _fail(exc)
        return
    change = result.summary["endpoints"][0]
    console.print("HAM-D-17 change at 8 weeks: " + ", ".join(
        f"{a} {v['mean']:+.1f}" for a, v in change["by_arm"].items() if v["mean"] is not None))
    _print_trial(result.summary, out)


if __name__ == "__main__":  # pragma: no cover
    app()
