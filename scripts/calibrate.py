"""Fit the model's calibrated parameters to the calibration targets, stage by stage.

Only targets with role "calibration" enter the fit; validation targets never do.
Each stage fits a group of parameters to the targets that constrain them, in
log space within each parameter's declared bounds. ``--apply`` writes the fitted
values back into the declaration files (src/neuroimmune/model/*.py), whose source
fields already name the target ids.

    python scripts/calibrate.py --stage all --apply
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
from scipy.optimize import least_squares

from neuroimmune.model import default_model
from neuroimmune.validation.scoring import score_targets
from neuroimmune.validation.targets import load_targets

ROOT = Path(__file__).resolve().parents[1]
MODEL_DIR = ROOT / "src" / "neuroimmune" / "model"

HPA_DAY = ["A18-peak", "A18-peak-time", "A18-nadir", "A18-nadir-time", "A21", "A22", "A24", "ENDO-cortisol-baseline",
           "DST1", "DST2"]
BASAL_IMMUNE = ["A1", "A2", "A3", "A4"]
ENDO = [t.id for t in load_targets() if t.id.startswith(("ENDO04", "ENDO2", "D7", "D5", "I2"))]
TSST = ["F6", "F2-TNF", "F2-IL1b", "F2-IL6"]
DST = ["DST1", "DST2"]

BRAIN = ["A11", "A12", "CSF-TRP", "CSF-KYN", "ATD1", "D13-KYN", "COTLER01", "E4-neurovegetative", "E4-mood-later",
         "CASE3-short-stress", "CASE3-long-stress", "CASE3-brief-treatment", "CASE3-long-treatment"]

STAGES: dict[str, tuple[list[str], list[str]]] = {
    "hpa": (HPA_DAY, ["circ_phase", "circ_kappa", "circ_skew", "circ_floor", "car_amplitude", "car_delay", "car_kappa",
                      "crh_scale", "fb_gr", "fb_gr_pit", "acth_ref", "acth_ec50", "acth_hill", "dex_gr_potency",
                      "v_dex"]),
    "basal": (BASAL_IMMUNE, ["v_tnf", "v_il1b", "v_il6", "v_crp"]),
    "endotoxin": (ENDO + BASAL_IMMUNE, [
        "k_lps", "lps_ec50", "lps_hill", "lps_emax", "lps_potency_abortus_equi", "k_nfkb", "k_primary", "k_secondary",
        "autocrine_gain", "autocrine_k",
        "gc_nfkb_gain", "tolerance_k", "v_tnf", "v_il1b", "v_il6", "k_il6", "il6_tnf_amp", "il6_tnf_k", "v_il10",
        "k_il10", "cyt_k_il6", "cyt_k_tnf", "cyt_crh_gain", "cyt_pit_gain", "k_cyt_brain", "k_acute_phase",
        "v_crp"]),
    # After adding PGE2 (lipid subsystem), which restrains TNF-alpha and raises IL-6 in the endotoxin response.
    "pge2": (ENDO + BASAL_IMMUNE, ["v_tnf", "v_il6", "il6_tnf_amp", "il6_tnf_k", "v_il10", "k_il6", "autocrine_gain",
                                   "lps_emax", "gc_nfkb_gain", "k_primary", "k_secondary"]),
    "tsst": (TSST + BASAL_IMMUNE, ["tsst_stress", "nfkb_na_gain", "v_tnf", "v_il1b", "v_il6"]),
    "dst": (DST + HPA_DAY, ["v_dex", "dex_gr_potency", "fb_gr_pit"]),
    "hpa-endotoxin": (HPA_DAY + [t for t in ENDO if t.startswith("ENDO")], [
        "acth_ec50", "acth_hill", "cyt_crh_gain", "cyt_pit_gain", "cyt_k_il6", "cyt_k_tnf", "k_cyt_brain",
        "crh_scale", "fb_gr", "fb_gr_pit", "circ_skew", "circ_phase", "circ_kappa", "acth_ref"]),
    "trp-baseline": (["A11", "A12", "CSF-TRP", "CSF-KYN"], ["trp_intake", "k_kyn", "trp_csf_ratio", "kyn_csf_ratio"]),
    "brain": (BRAIN + HPA_DAY, [
        "trp_intake", "k_kyn", "trp_csf_ratio", "kyn_csf_ratio", "k_amino_acid_load", "lnaa_competition",
        "ifn_ec50", "k_ifn_signal", "il6_ifn_gain", "ido_tnf_gain", "ido_tnf_k", "tau_sickness", "tau_mood",
        "tau_anhedonia", "w_sick_inflammation", "w_mood_serotonin", "w_mood_plasticity", "symptom_stress_gain",
        "pl_scale", "gr_resistance_k", "gr_resistance_k_central", "pl_cortisol_k"]),
}
STAGES["joint"] = (
    sorted(set(HPA_DAY + BASAL_IMMUNE + ENDO + TSST + DST + BRAIN)),
    sorted({p for _, params in STAGES.values() for p in params}),
)
NORMALISATION = ["pituitary_mass", "adrenal_mass"]  # both should be 1 in the healthy steady state


def _dead_zone(r: float) -> float:
    """Weak pull towards the middle of a tolerance, strong push back from its edges.

    ``r`` is the distance from the middle in half-widths (1 = an edge); this keeps the fit
    about passing targets rather than about centring the ones that already pass."""
    r = max(min(r, 50.0), -50.0)
    return 0.2 * r + 3.0 * math.copysign(max(abs(r) - 0.6, 0.0), r)


def _residuals(values: dict[str, float], target_ids: list[str]) -> np.ndarray:
    """Scaled distances of each target from the middle of its tolerance, plus the adrenal normalisation."""
    from neuroimmune.api import circadian_steady_state

    model = default_model().with_parameters(values)
    targets = [t for t in load_targets() if t.id in target_ids]
    scores = score_targets(model, targets=targets)
    res = [_dead_zone(s.residual) for s in scores]
    try:
        state = circadian_steady_state(model=model)
        res.append(3.0 * math.log(state["adrenal_mass"]))  # keep the healthy adrenal mass near 1
    except Exception:  # noqa: BLE001 - an unstable point is a large residual, not a crash
        res.append(50.0)
    return np.array(res)


def _eval(args: tuple[np.ndarray, list[str], list[str], dict[str, float]]) -> np.ndarray:
    x, names, target_ids, base = args
    bounds = default_model().parameter_index
    values = {n: float(np.clip(np.exp(v), *bounds[n].bounds)) for n, v in zip(names, x)}
    return _residuals(base | values, target_ids)


def fit_stage(stage: str, base: dict[str, float], *, workers: int, max_nfev: int) -> dict[str, float]:
    """Fit one stage's parameters, starting from the declaration updated with ``base``."""
    target_ids, names = STAGES[stage]
    model = default_model().with_parameters(base)
    params = model.parameter_index
    x0 = np.log([params[n].value for n in names])
    lo = np.log([max(params[n].bounds[0], 1e-12) for n in names])
    hi = np.log([params[n].bounds[1] for n in names])
    pool = ProcessPoolExecutor(max_workers=workers) if workers > 1 else None

    def fun(x: np.ndarray) -> np.ndarray:
        return _eval((x, names, target_ids, base))

    def jac(x: np.ndarray) -> np.ndarray:
        f0 = fun(x)
        h = np.where(x + 1e-3 < hi, 1e-3, -1e-3)  # step inwards at an upper bound
        steps = [x.copy() for _ in names]
        for i, xi in enumerate(steps):
            xi[i] += h[i]
        cols = list(pool.map(_eval, [(xi, names, target_ids, base) for xi in steps])) if pool else [
            _eval((xi, names, target_ids, base)) for xi in steps]
        return np.column_stack([(c - f0) / h[i] for i, c in enumerate(cols)])

    start = time.time()
    f0 = fun(x0)
    print(f"[{stage}] {len(names)} parameters, {len(target_ids)} targets, start cost {0.5 * f0 @ f0:.3f}", flush=True)
    sol = least_squares(fun, np.clip(x0, lo + 1e-9, hi - 1e-9), jac=jac, bounds=(lo, hi), max_nfev=max_nfev,
                        x_scale=1.0, verbose=1)
    print(f"[{stage}] cost {sol.cost:.3f} after {sol.nfev} evaluations, {time.time() - start:.0f} s", flush=True)
    if pool:
        pool.shutdown()
    return dict(zip(names, np.exp(sol.x)))


def normalise_pituitary(values: dict[str, float]) -> dict[str, float]:
    """Rescale v_acth until the healthy corticotroph mass is 1 (with a carrying capacity the
    rescaling is not exactly neutral, so it is repeated until it converges)."""
    from neuroimmune.api import circadian_steady_state

    v_acth = values.get("v_acth", default_model().parameter_index["v_acth"].value)
    for _ in range(8):
        model = default_model().with_parameters(values | {"v_acth": v_acth})
        p = circadian_steady_state(model=model)["pituitary_mass"]
        v_acth *= p
        if abs(p - 1) < 1e-4:
            break
    return {"v_acth": v_acth}


def apply(values: dict[str, float]) -> None:
    """Rewrite the numeric values of the named parameters in the declaration files."""
    for path in sorted(MODEL_DIR.glob("*.py")):
        text = path.read_text()
        changed = text
        for name, value in values.items():
            pattern = re.compile(r'(_P\(\s*"' + re.escape(name) + r'",\s*)([-+0-9.eE]+)(,)')
            changed = pattern.sub(lambda m: f"{m.group(1)}{value:.6g}{m.group(3)}", changed)
        if changed != text:
            path.write_text(changed)
            print(f"updated {path.relative_to(ROOT)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stage", default="all", choices=[*STAGES, "all", "normalise"])
    parser.add_argument("--apply", action="store_true", help="write fitted values into the model files")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--max-nfev", type=int, default=30)
    args = parser.parse_args()
    stages = ["hpa", "basal", "endotoxin", "tsst", "dst", "brain", "joint"] if args.stage == "all" else [args.stage]
    fitted: dict[str, float] = {}
    for stage in stages:
        if stage != "normalise":
            fitted |= fit_stage(stage, fitted, workers=args.workers, max_nfev=args.max_nfev)
        fitted |= normalise_pituitary(fitted)
        for name, value in sorted(fitted.items()):
            print(f"  {name:28s} {value:.6g}")
        if args.apply:
            apply(fitted)
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
