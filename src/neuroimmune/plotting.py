"""Figures of simulation results (matplotlib, written to PNG without a screen)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import matplotlib

matplotlib.use("Agg", force=False)  # noqa: E402 - files only; never opens a window
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from neuroimmune.results import SimulationResult  # noqa: E402

__all__ = ["PANEL_GROUPS", "plot_result"]

#: Default panels: (title, [(variable, unit to show)], log scale)
PANEL_GROUPS: tuple[tuple[str, tuple[tuple[str, str | None], ...], bool], ...] = (
    ("Cortisol", (("cortisol", "nmol/L"), ("cortisol_free", "nmol/L")), False),
    ("ACTH", (("acth", "pg/mL"),), False),
    ("Pro-inflammatory cytokines", (("tnf", None), ("il6", None), ("il1b", None)), True),
    ("IL-10", (("il10", None),), True),
    ("CRP", (("crp", None),), False),
    ("Noradrenaline", (("noradrenaline", None),), False),
    ("NF-κB and endotoxin", (("nfkb", None), ("endotoxin", None)), False),
    ("Interferon, IDO and TDO", (("ifn_signal", None), ("ido", None), ("tdo", None)), False),
    ("Tryptophan (plasma and CSF)", (("tryptophan", None), ("tryptophan_brain", None)), True),
    ("Kynurenine (plasma and CSF)", (("kynurenine", None), ("kynurenine_brain", None)), True),
    ("Kynurenine/tryptophan ratio", (("kyn_trp_ratio", None),), False),
    ("CSF kynurenines", (("kynurenic_acid", None), ("hydroxykynurenine", None), ("quinolinic_acid", None)), True),
    ("Brain: microglia, monoamines, plasticity", (("neuroinflammation", None), ("serotonin", None),
                                                 ("dopamine", None), ("bh4", None), ("plasticity", None)), False),
    ("Symptom dimensions (0-1)", tuple((d, None) for d in (
        "sym_sickness", "sym_anxiety", "sym_sleep", "sym_anhedonia", "sym_mood", "sym_cognition",
        "sym_suicidality")), False),
    ("Rating scales", (("hamd17", None), ("madrs", None), ("hama", None), ("phq9", None), ("gad7", None)), False),
    ("Dexamethasone", (("dexamethasone", None),), False),
    ("Gland masses and GR function", (("pituitary_mass", None), ("adrenal_mass", None),
                                      ("gr_central", None), ("gr_immune", None)), False),
    ("Drug levels (plasma)", tuple((d, None) for d in (
        "escitalopram", "sertraline", "paroxetine", "nortriptyline", "bupropion", "ketamine", "celecoxib",
        "infliximab", "tocilizumab", "minocycline", "epacadostat")), True),
    ("Drug effects on their targets (0-1)", tuple((p, None) for p in (
        "sert_inhibition", "net_inhibition", "dat_inhibition", "nmda_block", "cox2_inhibition", "tnf_neutralisation",
        "il6_signalling_block", "microglia_inhibition", "ido_inhibition")), False),
    ("Rapid synaptic effects", (("synaptic_signal", None), ("synaptogenesis", None), ("rapid_relief", None)), False),
    ("Lipid mediators (relative)", tuple((v, None) for v in ("pea", "aea", "ikb", "cox2", "pge2")), False),
    ("Lipid receptors (fraction active)", tuple((v, None) for v in (
        "ppar_activation", "cb2_activation", "trpv1_activation", "trpv1_desensitisation")), False),
    ("Omega-3 (% of red-cell fatty acids)", (("omega3_index", None), ("membrane_epa", None), ("membrane_dha", None)),
     False),
    ("Exercise, therapy and expectation", tuple((v, None) for v in (
        "exercise", "fitness", "coping", "expectancy", "stress_appraisal")), False),
)

#: Log-scale panels show at most this range below their largest value.
LOG_RANGE = 1e-5
#: More timed events than this are not drawn as lines (daily dosing would hide the curves).
MAX_EVENT_LINES = 20

_LABELS = {
    "cortisol": "total cortisol", "cortisol_free": "free cortisol", "acth": "ACTH", "tnf": "TNF-α",
    "il6": "IL-6", "il1b": "IL-1β", "il10": "IL-10", "crp": "CRP", "noradrenaline": "noradrenaline",
    "dexamethasone": "dexamethasone", "pituitary_mass": "corticotroph mass", "adrenal_mass": "adrenal mass",
    "gr_central": "central GR function", "gr_immune": "immune GR function",
    "nfkb": "monocyte NF-κB activity", "endotoxin": "circulating endotoxin", "crh": "CRH",
    "ifn_signal": "interferon signal", "ido": "IDO activity", "tdo": "TDO activity", "tryptophan": "tryptophan",
    "kynurenine": "kynurenine (plasma)", "kynurenine_brain": "kynurenine (CSF)", "kyn_trp_ratio": "KYN/TRP",
    "tryptophan_brain": "tryptophan (CSF)", "kynurenic_acid": "kynurenic acid (CSF)",
    "hydroxykynurenine": "3-hydroxykynurenine (CSF)", "quinolinic_acid": "quinolinic acid (CSF)",
    "neuroinflammation": "microglial activation", "serotonin": "serotonin", "dopamine": "dopamine",
    "bh4": "BH4", "plasticity": "plasticity (BDNF-like)", "hamd17": "HAM-D-17", "madrs": "MADRS",
    "hama": "HAM-A", "phq9": "PHQ-9", "gad7": "GAD-7", "sym_sickness": "sickness/fatigue",
    "sym_anxiety": "anxiety", "sym_sleep": "sleep", "sym_anhedonia": "anhedonia", "sym_mood": "depressed mood",
    "sym_cognition": "cognition", "sym_suicidality": "suicidality", "omega3_index": "omega-3 index",
    "membrane_epa": "EPA", "membrane_dha": "DHA", "pea": "PEA", "aea": "anandamide", "ikb": "IκB-α", "cox2": "COX-2",
    "pge2": "PGE2", "ppar_activation": "PPAR-α", "cb2_activation": "CB2", "trpv1_activation": "TRPV1 active",
    "trpv1_desensitisation": "TRPV1 desensitised",
}


def _time_axis(times_h: np.ndarray) -> tuple[np.ndarray, str]:
    span = times_h[-1] - times_h[0]
    if span > 24 * 10:
        return times_h / 24.0, "time (days from the start)"
    return times_h, "time (h from midnight of day 0)"


def plot_result(result: SimulationResult, path: str | Path, *, patient: int = 0, title: str | None = None,
                variables: Sequence[str] | None = None) -> Path:
    """Plot one patient's time courses, grouped into panels by physiology; returns the PNG path."""
    recorded = set(variables or result.variables)
    panels = [(name, [(v, u) for v, u in group if v in recorded], log)
              for name, group, log in PANEL_GROUPS]
    panels = [p for p in panels if p[1]]
    grouped = {v for _, group, _ in panels for v, _ in group}
    panels += [(v, [(v, None)], False) for v in result.variables if v in recorded and v not in grouped]
    ncols = 2 if len(panels) > 1 else 1
    nrows = int(np.ceil(len(panels) / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(6.2 * ncols, 2.6 * nrows), squeeze=False, sharex=True)
    x, xlabel = _time_axis(result.times)
    events = [a for a in result.provenance.get("scenario_actions", []) if a.get("op") == "add" or "on" in a.get("label", "")]
    if len(events) > MAX_EVENT_LINES:
        events = []
    for ax, (name, group, log) in zip(axes.flat, panels):
        for variable, unit in group:
            y = result.series(variable, patient=patient, unit=unit)
            shown = unit or result.unit(variable)
            ax.plot(x, y, lw=1.6, label=f"{_LABELS.get(variable, variable)} ({shown})")
        if log:
            ax.set_yscale("log")
            top = max((float(np.nanmax(line.get_ydata())) for line in ax.get_lines()), default=1.0)
            if np.isfinite(top) and top > 0:  # hide round-off far below the curves (e.g. a drug not yet given)
                ax.set_ylim(bottom=max(ax.get_ylim()[0], top * LOG_RANGE), top=top * 3.0)
        for ev in events:
            ex = ev["time"] / 24.0 if xlabel.startswith("time (days") else ev["time"]
            ax.axvline(ex, color="0.5", ls=":", lw=1)
        ax.set_title(name, fontsize=10)
        ax.legend(fontsize=7, loc="upper right", frameon=False)
        ax.grid(alpha=0.3)
    for ax in axes.flat[len(panels):]:
        ax.set_visible(False)
    for ax in axes[-1]:
        ax.set_xlabel(xlabel)
    status = result.status[patient]
    heading = title or f"Scenario {result.provenance.get('scenario', '')}"
    if status != "ok":
        heading += f" — {status[:80]}"
    note = "dotted lines: challenges and doses; " if events else ""
    fig.suptitle(heading + f"\n({note}research tool, not medical advice)", fontsize=10)
    fig.tight_layout()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=130)
    plt.close(fig)
    return path
