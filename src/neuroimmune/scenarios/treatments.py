"""The treatment library and the compilation of treatment courses into timed actions.

Drugs come from the model's declaration (:mod:`neuroimmune.model.drugs`); the
supplements (omega-3, PEA) and non-drug treatments (exercise, psychotherapy,
placebo) are declared here as data. A course in a scenario becomes doses added
to a depot, infusion rates switched on and off, or inputs set for the length of
a session; every mistake is reported with the field, the value and what is allowed.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from neuroimmune.errors import ScenarioError
from neuroimmune.model.drugs import DRUGS
from neuroimmune.model.lifestyle import lifestyle
from neuroimmune.model.lipids import lipid_mediators
from neuroimmune.model.pharmacology import PORTS, Drug
from neuroimmune.model.spec import Parameter
from neuroimmune.scenarios.quantities import Quantity, parse_quantity
from neuroimmune.scenarios.schema import Treatment
from neuroimmune.scenarios.timeline import Action

__all__ = ["TREATMENTS", "TreatmentInfo", "compile_treatments", "treatment_table"]


@dataclass(frozen=True)
class TreatmentInfo:
    """What ``neuroimmune treatments`` shows, and the rules a course must follow."""

    name: str
    title: str
    kind: str  # "drug", "supplement" or "non-drug"
    dose_unit: str | None
    usual: str
    dose_range: tuple[float, float] | None
    max_daily: float | None
    mechanism: str
    fields: tuple[str, ...]
    sources: tuple[str, ...] = ()
    drug: Drug | None = None
    default_interval_h: float | None = 24.0


_REGIMEN = ("dose", "start", "stop", "at", "every", "times", "dose_changes", "missed")
_SESSIONS = ("start", "stop", "at", "sessions_per_week", "session", "intensity", "missed")


_DOI = re.compile(r"doi:(10\.\d{4,9}/[^\s;,]+)")


def _clean_doi(doi: str) -> str:
    """Drop a closing bracket or full stop that belongs to the sentence, not the DOI."""
    doi = doi.rstrip(".")
    while doi.endswith(")") and doi.count(")") > doi.count("("):
        doi = doi[:-1].rstrip(".")
    return doi


def _cited(parameters: Iterable[Parameter]) -> tuple[str, ...]:
    """The DOIs (and unverified references) named in the parameters' sources, in order."""
    out: list[str] = []
    for p in parameters:
        src = p.parsed_source
        refs = [f"doi:{src.reference}"] if src.kind == "doi" else [src.reference] if src.kind == "ref" else []
        refs += [f"doi:{_clean_doi(m)}" for m in _DOI.findall(src.note if src.kind == "doi" else src.text)]
        for ref in refs:
            if ref not in out:
                out.append(ref)
    return tuple(out)


def _drug_info(d: Drug) -> TreatmentInfo:
    mech = "; ".join(f"{m.port} ({PORTS[m.port]})" for m in d.mechanisms)
    fields = _REGIMEN + (("infusion",) if d.route == "iv_infusion" else ())
    return TreatmentInfo(d.id, d.name, "drug", d.dose_unit, d.usual_dose, d.dose_range, d.max_daily,
                         f"{d.description} Acts on: {mech}.", fields, sources=_cited(d.parameters), drug=d,
                         default_interval_h=d.default_interval_h)


def _subsystem_sources(*prefixes: str) -> tuple[str, ...]:
    params = [p for sub in (lipid_mediators(), lifestyle()) for p in sub.parameters if p.id.startswith(prefixes)]
    return _cited(params)


TREATMENTS: dict[str, TreatmentInfo] = {
    **{d.id: _drug_info(d) for d in DRUGS},
    "omega3": TreatmentInfo(
        "omega3", "Omega-3 fatty acids (EPA + DHA)", "supplement", "g/d", "1-2 g/d, EPA-rich (>= 60% EPA)",
        (0.1, 6.0), 6.0,
        "Daily EPA and DHA enter red-cell and immune-cell membranes over weeks (omega-3 index); their "
        "ethanolamides act on CB2 and PPAR, and EPA displaces arachidonic acid, lowering PGE2.",
        ("dose", "start", "stop", "epa_fraction", "dose_changes"),
        sources=_subsystem_sources("epa_", "dha_", "k_membrane")),
    "pea": TreatmentInfo(
        "pea", "Palmitoylethanolamide (PEA)", "supplement", "mg", "600 mg twice daily (ultramicronised)",
        (100.0, 1800.0), 3600.0,
        "Oral PEA raises PEA for hours: PPAR-alpha activation (IkB-alpha up, NF-kB down), more anandamide at "
        "CB2 by competing for FAAH, and TRPV1 desensitisation.", _REGIMEN,
        sources=_subsystem_sources("pea", "k_pea", "faah", "ppar", "ikb", "trpv1"), default_interval_h=12.0),
    "exercise": TreatmentInfo(
        "exercise", "Aerobic exercise", "non-drug", None, "3 sessions a week, 45 min, moderate intensity",
        None, None,
        "Each session releases myokine IL-6 followed by IL-10; training over weeks lowers NF-kB drive (CRP), "
        "raises muscle kynurenine clearance to kynurenic acid and supports plasticity.", _SESSIONS,
        sources=_subsystem_sources("v_myokine", "myokine", "training")),
    "psychotherapy": TreatmentInfo(
        "psychotherapy", "Psychotherapy (e.g. CBT)", "non-drug", None, "1 session a week, 50 min, 12-16 weeks",
        None, None, "Each session builds coping skill, which lowers the appraisal of stress over weeks and "
        "supports the recovery of plasticity.", _SESSIONS, sources=_subsystem_sources("coping", "k_coping")),
    "placebo": TreatmentInfo(
        "placebo", "Placebo (expectation)", "non-drug", None, "a pill believed to be active",
        None, None, "Expectation of benefit lowers the appraisal of stress within about a week.",
        ("start", "stop"), sources=_subsystem_sources("expectancy", "k_expectancy")),
}


def treatment_table() -> list[dict[str, str]]:
    """One row per treatment: name, kind, dose unit, usual dose, safe range, mechanism, sources."""
    rows = []
    for t in TREATMENTS.values():
        rng = f"{t.dose_range[0]:g}-{t.dose_range[1]:g} {t.dose_unit}" if t.dose_range else "-"
        rows.append({"name": t.name, "title": t.title, "kind": t.kind, "dose_unit": t.dose_unit or "-",
                     "usual": t.usual, "range": rng, "mechanism": t.mechanism,
                     "sources": "; ".join(t.sources) or "assumed (see docs/treatments.md)"})
    return rows


# --- compilation ----------------------------------------------------------------------------

def _lookup(name: str, field: str) -> TreatmentInfo:
    if name in TREATMENTS:
        return TREATMENTS[name]
    close = difflib.get_close_matches(name.lower(), list(TREATMENTS), n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    raise ScenarioError(f"{field}: unknown treatment {name!r}{hint} Available: {', '.join(TREATMENTS)}")


def _dose(text: str | None, info: TreatmentInfo, field: str) -> float:
    if text is None:
        raise ScenarioError(f"{field}: {info.name} needs a dose in {info.dose_unit} (usual: {info.usual})")
    try:
        q: Quantity = parse_quantity(text, allowed=(info.dose_unit,))  # type: ignore[arg-type]
    except ValueError as exc:
        raise ScenarioError(f"{field}: {exc}") from None
    if "/kg" in info.dose_unit and "/kg" not in q.unit:  # type: ignore[operator]
        raise ScenarioError(f"{field}: {text!r}: {info.name} is dosed per kg of body weight; write e.g. "
                            f"'{info.dose_range[0]:g} {info.dose_unit}'")  # type: ignore[index]
    value = q.to(info.dose_unit)  # type: ignore[arg-type]
    lo, hi = info.dose_range  # type: ignore[misc]
    if not lo <= value <= hi:
        raise ScenarioError(f"{field}: {text!r} is outside the safe range for {info.name}: {lo:g}-{hi:g} "
                            f"{info.dose_unit} per dose (usual: {info.usual})")
    return value


def _check_fields(tr: Treatment, info: TreatmentInfo, field: str) -> None:
    given = [k for k in tr.model_fields_set if k != "name"]
    wrong = [k for k in given if k not in info.fields]
    if wrong:
        raise ScenarioError(f"{field}.{wrong[0]}: not used by {info.name}; its fields are: {', '.join(info.fields)}")


def _clock(text: str | None, field: str) -> float | None:
    if text is None:
        return None
    parts = str(text).split(":")
    try:
        h, m = int(parts[0]), int(parts[1])
        if len(parts) != 2 or not (0 <= h <= 23 and 0 <= m <= 59):
            raise ValueError
    except (ValueError, IndexError):
        raise ScenarioError(f"{field}.at: {text!r} is not a clock time; write 'HH:MM', e.g. '08:00'") from None
    return h + m / 60.0


def _window(tr: Treatment, duration: float, field: str) -> tuple[float, float]:
    start = tr.start
    stop = duration if tr.stop is None else tr.stop
    if not 0.0 <= start <= duration:
        raise ScenarioError(f"{field}.start: time {start:g} h lies outside the run (0 to {duration:g} h)")
    if tr.stop is not None and not 0.0 <= stop <= duration:
        raise ScenarioError(f"{field}.stop: time {stop:g} h lies outside the run (0 to {duration:g} h)")
    if stop <= start:
        raise ScenarioError(f"{field}.stop: {stop:g} h must come after start ({start:g} h)")
    return start, stop


def _schedule(tr: Treatment, info: TreatmentInfo, start: float, stop: float, field: str) -> list[float]:
    """Dose times in [start, stop): explicit times, or a regimen every interval from a clock time."""
    if tr.times is not None:
        for j, t in enumerate(tr.times):
            if not start <= t < stop:
                raise ScenarioError(f"{field}.times[{j}]: {t:g} h lies outside the course ({start:g} to {stop:g} h)")
        return sorted(tr.times)
    interval = tr.every.to("h") if tr.every is not None else info.default_interval_h
    if interval is None:
        raise ScenarioError(f"{field}: {info.name} is given at explicit times; add 'times: [day 0 09:00, ...]'")
    clock = _clock(tr.at, field)
    first = start
    if clock is not None:
        first = 24.0 * math.floor(start / 24.0) + clock
        while first < start - 1e-9:
            first += 24.0
    n = max(0, math.ceil((stop - first) / interval - 1e-9))
    return [first + k * interval for k in range(n)]


def _drop_missed(times: list[float], tr: Treatment, field: str) -> list[float]:
    out = list(times)
    for j, t in enumerate(tr.missed):
        match = [x for x in out if abs(x - t) < 1e-6]
        if not match:
            raise ScenarioError(f"{field}.missed[{j}]: no scheduled dose or session at {t:g} h")
        out.remove(match[0])
    return out


def _dose_at(base: float, t: float, changes: list[tuple[float, float]]) -> float:
    value = base
    for at, dose in changes:
        if t >= at - 1e-9:
            value = dose
    return value


def _changes(tr: Treatment, info: TreatmentInfo, start: float, stop: float, field: str) -> list[tuple[float, float]]:
    out = []
    for j, ch in enumerate(tr.dose_changes):
        if not start <= ch.at < stop:
            raise ScenarioError(f"{field}.dose_changes[{j}].at: {ch.at:g} h lies outside the course "
                                f"({start:g} to {stop:g} h)")
        out.append((ch.at, _dose(ch.dose, info, f"{field}.dose_changes[{j}].dose")))
    return sorted(out)


def _check_daily(times: list[float], doses: list[float], info: TreatmentInfo, field: str) -> None:
    if info.max_daily is None:
        return
    for t in times:
        total = sum(d for t2, d in zip(times, doses) if t <= t2 < t + 24.0 - 1e-9)
        if total > info.max_daily + 1e-9:
            raise ScenarioError(f"{field}: {total:g} {info.dose_unit} within 24 h from {t:g} h exceeds the maximum "
                                f"daily dose of {info.name}, {info.max_daily:g} {info.dose_unit}")


def _course(tr: Treatment, info: TreatmentInfo, duration: float, field: str) -> list[Action]:
    start, stop = _window(tr, duration, field)
    if info.name == "placebo":
        acts = [Action(start, "expectation", "set", 1.0, "placebo: expectation on")]
        if stop < duration:
            acts.append(Action(stop, "expectation", "set", 0.0, "placebo: expectation off"))
        return acts
    if info.name == "omega3":
        return _omega3(tr, info, start, stop, duration, field)
    if info.kind == "non-drug":
        return _sessions(tr, info, start, stop, duration, field)
    base = _dose(tr.dose, info, f"{field}.dose")
    changes = _changes(tr, info, start, stop, field)
    times = _drop_missed(_schedule(tr, info, start, stop, field), tr, field)
    doses = [_dose_at(base, t, changes) for t in times]
    _check_daily(times, doses, info, field)
    if info.name == "pea":
        return [Action(t, "pea_depot", "add", d, f"PEA {d:g} mg oral") for t, d in zip(times, doses)]
    drug = info.drug
    assert drug is not None
    if drug.route != "iv_infusion":
        return [Action(t, drug.dose_target, "add", d, f"{drug.name} {d:g} {drug.dose_unit}")
                for t, d in zip(times, doses)]
    length = tr.infusion.to("h") if tr.infusion is not None else drug.infusion_h
    assert length is not None
    acts = []
    for i, (t, d) in enumerate(zip(times, doses)):
        end = t + length
        if i + 1 < len(times) and end > times[i + 1]:
            raise ScenarioError(f"{field}.infusion: a {length:g} h infusion overlaps the next dose")
        if end > duration:
            raise ScenarioError(f"{field}: the infusion starting at {t:g} h runs past the end of the run "
                                f"({duration:g} h)")
        acts.append(Action(t, drug.dose_target, "set", d / length, f"{drug.name} {d:g} {drug.dose_unit} IV"))
        acts.append(Action(end, drug.dose_target, "set", 0.0, f"{drug.name} infusion ends"))
    return acts


def _omega3(tr: Treatment, info: TreatmentInfo, start: float, stop: float, duration: float,
            field: str) -> list[Action]:
    epa = 0.6 if tr.epa_fraction is None else tr.epa_fraction
    steps = [(start, _dose(tr.dose, info, f"{field}.dose"))] + _changes(tr, info, start, stop, field)
    acts = []
    for t, g in steps:
        acts.append(Action(t, "epa_intake", "set", g * epa, f"omega-3 {g:g} g/d ({epa:.0%} EPA)"))
        acts.append(Action(t, "dha_intake", "set", g * (1 - epa), "omega-3 DHA"))
    if stop < duration:
        acts += [Action(stop, "epa_intake", "set", 0.0, "omega-3 stopped"),
                 Action(stop, "dha_intake", "set", 0.0, "omega-3 stopped")]
    return acts


def _sessions(tr: Treatment, info: TreatmentInfo, start: float, stop: float, duration: float,
              field: str) -> list[Action]:
    per_week = tr.sessions_per_week or (3 if info.name == "exercise" else 1)
    length = tr.session.to("h") if tr.session is not None else (0.75 if info.name == "exercise" else 50 / 60)
    if length > 4.0:
        raise ScenarioError(f"{field}.session: {length:g} h is longer than a session can be (at most 4 h)")
    clock = _clock(tr.at, field)
    clock = (17.0 if info.name == "exercise" else 10.0) if clock is None else clock
    target, level = ("exercise", tr.intensity or 1.0) if info.name == "exercise" else ("therapy_session", 1.0)
    if info.name != "exercise" and tr.intensity is not None:
        raise ScenarioError(f"{field}.intensity: not used by {info.name}")
    spacing = 7 / per_week  # days between sessions, spread over the week
    first_day = math.floor(start / 24.0) + (1 if 24.0 * math.floor(start / 24.0) + clock < start else 0)
    times, k = [], 0
    while True:
        t = 24.0 * (first_day + math.floor(k * spacing + 1e-9)) + clock
        if t >= stop:
            break
        times.append(t)
        k += 1
    times = _drop_missed(times, tr, field)
    acts = []
    for t in times:
        end = min(t + length, duration)
        acts.append(Action(t, target, "set", level, f"{info.name} session"))
        if end < duration:
            acts.append(Action(end, target, "set", 0.0, f"{info.name} session ends"))
    return acts


def _overlaps(spans: list[tuple[float, float, int, TreatmentInfo]]) -> None:
    for i, (s1, e1, j1, a) in enumerate(spans):
        for s2, e2, j2, b in spans[i + 1:]:
            if s1 < e2 and s2 < e1:
                if a.name == b.name:
                    raise ScenarioError(
                        f"treatments[{j2}]: {b.name} overlaps treatments[{j1}] ({s1:g}-{e1:g} h); give one course "
                        "and change its dose with 'dose_changes'")
                if a.drug and b.drug and a.drug.drug_class == b.drug.drug_class == "SSRI":
                    raise ScenarioError(
                        f"treatments[{j2}]: {b.name} overlaps {a.name} (treatments[{j1}]); two SSRIs at once is not a "
                        "regimen (serotonin toxicity); stop one before starting the other")


def compile_treatments(treatments: tuple[Treatment, ...], *, duration: float) -> list[Action]:
    """Timed actions for every treatment course in a scenario."""
    actions: list[Action] = []
    spans = []
    for i, tr in enumerate(treatments):
        field = f"treatments[{i}]"
        info = _lookup(tr.name, f"{field}.name")
        _check_fields(tr, info, field)
        actions += _course(tr, info, duration, field)
        start, stop = _window(tr, duration, field)
        spans.append((start, stop, i, info))
    _overlaps(spans)
    return actions
