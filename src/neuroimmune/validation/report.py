"""The validation scorecard: markdown plus figures that overlay the published points."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import matplotlib

matplotlib.use("Agg", force=False)  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from neuroimmune import __version__  # noqa: E402
from neuroimmune.engine.options import SolverOptions  # noqa: E402
from neuroimmune.model.compose import Model  # noqa: E402
from neuroimmune.scenarios.quantities import parse_time_h  # noqa: E402
from neuroimmune.validation.measures import ScenarioRuns  # noqa: E402
from neuroimmune.validation.populations import PopulationRuns, population_variables  # noqa: E402
from neuroimmune.validation.scoring import Score, score_targets  # noqa: E402
from neuroimmune.validation.targets import Target, load_targets  # noqa: E402

__all__ = ["run_validation", "summary_line", "write_scorecard"]

_ROWS = {"A": "A. Healthy reference levels", "D": "D. Human endotoxemia",
         "F": "F. Acute psychosocial stress (TSST)", "I": "I. Kinetics"}


def summary_line(scores: Sequence[Score]) -> str:
    """``N passed, M failed`` (the last line of the scorecard)."""
    counts = Counter(s.status for s in scores)
    return f"{counts['pass']} passed, {counts['fail'] + counts['error']} failed"


def _fmt(value: float | None) -> str:
    if value is None:
        return "—"
    if not math.isfinite(value):
        return str(value)
    return f"{value:.3g}" if abs(value) < 1e4 else f"{value:.4g}"


def _published(t: Target) -> str:
    value = _fmt(t.value) if t.value is not None else ""
    unc = t.uncertainty.replace("|", "/")
    return f"{value} {unc}".strip() + f" {t.unit}"


def _doi(t: Target) -> str:
    if not t.doi:
        return "no DOI"
    mark = "" if t.doi_verified else " (DOI not verified)"
    return f"[{t.doi}](https://doi.org/{t.doi}){mark}"


def _tolerance(t: Target) -> str:
    if t.tolerance is None:
        return "—"
    return f"[{_fmt(t.tolerance.low)}, {_fmt(t.tolerance.high)}]"


def _timecourse_figure(targets: Sequence[Target], runs: ScenarioRuns, path: Path) -> Path | None:
    with_data = [t for t in targets if t.data]
    if not with_data:
        return None
    fig, axes = plt.subplots(1, len(with_data), figsize=(3.2 * len(with_data), 2.9), squeeze=False)
    for ax, t in zip(axes.flat, with_data):
        result = runs.result(t.scenario)
        ref = parse_time_h(t.data_reference) if t.data_reference else 0.0
        unit = t.unit if t.data_variable == "cortisol" and t.unit == "ug/dL" else None
        y = result.series(t.data_variable, unit=unit)
        mask = (result.times >= ref - 1) & (result.times <= ref + 8)
        ax.plot(result.times[mask] - ref, y[mask], lw=1.8, label="model")
        ax.plot([p.time_h for p in t.data], [p.value for p in t.data], "o", color="k", ms=4, label="published")
        ax.set_title(t.data_variable, fontsize=9)
        ax.set_xlabel("h after challenge", fontsize=8)
        ax.set_ylabel(unit or result.unit(t.data_variable), fontsize=8)
        ax.grid(alpha=0.3)
    axes.flat[0].legend(fontsize=7, frameon=False)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def _overview_figure(scores: Sequence[Score], path: Path) -> Path:
    scored = [s for s in scores if s.status in ("pass", "fail")]
    fig, ax = plt.subplots(figsize=(7.5, 0.22 * len(scored) + 1.2))
    ys = np.arange(len(scored))[::-1]
    for y, s in zip(ys, scored):
        r = max(min(s.residual, 3.0), -3.0)
        colour = "tab:green" if s.status == "pass" else "tab:red"
        marker = "o" if s.target.role == "calibration" else "s"
        ax.plot([r], [y], marker=marker, color=colour, ms=5)
    ax.axvspan(-1, 1, color="0.9", zorder=0)
    ax.set_yticks(ys, [s.target.id for s in scored], fontsize=6)
    ax.set_xlim(-3.2, 3.2)
    ax.set_xlabel("model value within the tolerance (-1 and 1 are its edges; clipped at ±3)")
    ax.set_title("Validation scorecard (circles: calibration, squares: validation)", fontsize=9)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def _group_by_size(declared: dict[str, dict]) -> dict[int, list[str]]:
    groups: dict[int, list[str]] = {}
    for name, spec in declared.items():
        groups.setdefault(int(spec["n"]), []).append(name)
    return groups


def _population_lines(scores: Sequence[Score], population_runs: PopulationRuns | None, out: Path) -> list[str]:
    scored = [s for s in scores if s.target.population is not None and s.status != "not scored"]
    if population_runs is None or not scored:
        return []
    declared = {**population_runs.populations["cohorts"],
                **{n: t["population"] for n, t in population_runs.populations["trials"].items()}}
    sizes = ", ".join(f"{n} patients for {', '.join(sorted(names))}" for n, names in sorted(
        _group_by_size(declared).items()))
    size = (f"{population_runs.size} patients each" if population_runs.size else f"the sizes declared there ({sizes})")
    links = ", ".join(f"[{name}]({(folder / 'report.html').relative_to(out)})"
                      for name, folder in population_runs.trial_dirs.items())
    text = ("Population targets (rows A, B, E and G; *model: cohort ...* or *model: virtual trial ...* in their "
            f"condition) are scored on virtual cohorts and trials declared in `validation/populations.yaml`, with "
            f"{size}; a proportion from about 100 virtual patients carries a sampling error of about ±0.1 (95%). "
            f"Trial reports: {links}.")
    return [text, ""]


def write_scorecard(scores: Sequence[Score], runs: ScenarioRuns, out_dir: str | Path, *,
                    model: Model, population_runs: PopulationRuns | None = None) -> Path:
    """Write ``scorecard.md`` and its figures into ``out_dir``; returns the markdown path."""
    out = Path(out_dir)
    figures = out / "figures"
    lines = [
        "# Validation scorecard",
        "",
        f"Generated by `neuroimmune validate` (neuroimmune {__version__}, model {model.fingerprint}, "
        f"{date.today().isoformat()}). Each target is a published human number with its source; the model "
        "runs the target's scenario from its own circadian steady state and the value is compared with the "
        "tolerance. **Calibration** targets were used to fit parameters (`scripts/calibrate.py`); "
        "**validation** targets never were. A DOI marked *not verified* was not seen in the text read.",
        "",
        "Neuroimmune is a research tool, not medical advice.",
        "",
        *_population_lines(scores, population_runs, out),
        f"![overview]({_overview_figure(scores, figures / 'overview.png').relative_to(out)})",
        "",
    ]
    counts = {role: Counter(s.status for s in scores if s.target.role == role) for role in ("calibration", "validation")}
    lines += ["| role | pass | fail | error | not scored |", "|---|---|---|---|---|"]
    for role, c in counts.items():
        lines.append(f"| {role} | {c['pass']} | {c['fail']} | {c['error']} | {c['not scored']} |")
    lines.append("")
    by_row: dict[str, list[Score]] = defaultdict(list)
    for s in scores:
        by_row[s.target.row].append(s)
    for row in sorted(by_row):
        lines += [f"## {_ROWS.get(row, row)}", "",
                  "| id | role | quantity | condition | published | model | tolerance | result | source |",
                  "|---|---|---|---|---|---|---|---|---|"]
        for s in by_row[row]:
            t = s.target
            result = {"pass": "✅ pass", "fail": "❌ fail", "error": "⚠️ error",
                      "not scored": "— not scored"}[s.status]
            detail = f" ({s.detail})" if s.detail else ""
            cells = [t.id, t.role, t.quantity, t.condition, _published(t), _fmt(s.model_value), _tolerance(t),
                     result + detail, f"{t.source}; {_doi(t)}"]
            lines.append("| " + " | ".join(c.replace("|", "/").replace("\n", " ") for c in cells) + " |")
        lines.append("")
    groups: dict[str, list[Target]] = defaultdict(list)
    for s in scores:
        if s.target.data:
            groups[ScenarioRuns.key(s.target.scenario)].append(s.target)
    if groups:
        lines += ["## Time courses against published points", ""]
        for i, targets in enumerate(groups.values()):
            fig = _timecourse_figure(targets, runs, figures / f"timecourse-{i}.png")
            if fig:
                name = targets[0].scenario["name"] if isinstance(targets[0].scenario, dict) else targets[0].scenario
                lines += [f"**{name}** ({', '.join(t.id for t in targets)})", "",
                          f"![{name}]({fig.relative_to(out)})", ""]
    lines += [f"{sum(c['not scored'] for c in counts.values())} not scored", "", summary_line(scores)]
    out.mkdir(parents=True, exist_ok=True)
    path = out / "scorecard.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_validation(model: Model, out_dir: str | Path, *, options: SolverOptions | None = None,
                   populations: bool = True, population_size: int | None = None, workers: int | None = None,
                   progress: Callable[[int, int], None] | None = None,
                   messages: Callable[[str], None] | None = None) -> tuple[list[Score], Path]:
    """Score every packaged target and write the scorecard.

    Population targets run their virtual cohorts and trials under ``out_dir/populations``
    (``population_size`` patients each, or the sizes declared in ``populations.yaml``);
    ``populations=False`` leaves them out, marked not scored.
    """
    targets = load_targets()
    runs = ScenarioRuns(model, options=options)
    population_runs = PopulationRuns(model, size=population_size, workers=workers, out_dir=out_dir,
                                     variables=population_variables(targets), progress=messages)
    scores = score_targets(model, targets=targets, runs=runs, population_runs=population_runs,
                           populations=populations, progress=progress)
    return scores, write_scorecard(scores, runs, out_dir, model=model, population_runs=population_runs)
