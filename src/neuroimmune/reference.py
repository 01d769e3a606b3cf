"""Generate the model reference (docs/model-reference.md) from the declaration.

The tables of states, rate laws, derived variables, parameters and inputs are
written from the same objects that produce the SBML, so the documentation cannot
drift from the model.
"""

from __future__ import annotations

from pathlib import Path

from neuroimmune.model.compose import Model
from neuroimmune.model.scales import SCALES
from neuroimmune.model.spec import Source

__all__ = ["md_cell", "md_source", "model_reference_markdown", "write_model_reference"]


def md_cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def md_source(text: str) -> str:
    src = Source.parse(text, where="reference")
    note = f"; {src.note}" if src.note else ""
    if src.kind == "doi":
        return f"[doi:{src.reference}](https://doi.org/{src.reference}){note}"
    return f"{src.kind}: {src.reference}{note}"


def model_reference_markdown(model: Model) -> str:
    """The model reference as markdown."""
    kinds: dict[str, int] = {}
    for p in model.parameters:
        k = Source.parse(p.source, where=p.id).kind
        kinds[k] = kinds.get(k, 0) + 1
    lines = [
        "# Model reference",
        "",
        "Generated from the model declaration by `neuroimmune export tables` — do not edit by hand.",
        f"Model fingerprint `{model.fingerprint}`: {len(model.states)} states, {len(model.assignments)} derived "
        f"variables, {len(model.parameters)} parameters "
        f"({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))}), "
        f"{len(model.exogenous_inputs)} exogenous inputs.",
        "",
        "Time is in hours (0 = midnight of day 0). Each state obeys d(state)/dt = the rate shown. "
        "Sources: `doi` = a number read in that paper; `ref` = read, DOI not verified; `assumed` = a stated "
        "assumption; `calibrated` = fitted to the named validation targets (see docs/validation/scorecard.md).",
        "",
    ]
    for sub in model.subsystems:
        lines += [f"## {sub.title} (`{sub.name}`)", "", " ".join(sub.description.split()), ""]
        if sub.states:
            lines += ["### States", "", "| id | name | unit | d/dt | description |", "|---|---|---|---|---|"]
            lines += [f"| `{s.id}` | {md_cell(s.name)} | {s.unit} | `{md_cell(s.rate)}` | {md_cell(s.description)} |"
                      for s in sub.states]
            lines.append("")
        if sub.assignments:
            lines += ["### Derived variables", "", "| id | unit | formula | description |", "|---|---|---|---|"]
            lines += [f"| `{a.id}` | {a.unit} | `{md_cell(a.formula)}` | {md_cell(a.description)} |"
                      for a in sub.assignments]
            lines.append("")
        if sub.parameters:
            lines += ["### Parameters", "", "| id | value | unit | bounds | source | description |",
                      "|---|---|---|---|---|---|"]
            lines += [f"| `{p.id}` | {p.value:.6g} | {p.unit} | [{p.bounds[0]:g}, {p.bounds[1]:g}] | "
                      f"{md_cell(md_source(p.source))} | {md_cell(p.description)} |" for p in sub.parameters]
            lines.append("")
        exo = [i for i in sub.inputs if i in model.exogenous_inputs]
        ports = [i for i in sub.inputs if i not in model.exogenous_inputs]
        if exo:
            lines += ["### Exogenous inputs (set by scenarios)", "", "| id | unit | default | allowed | description |",
                      "|---|---|---|---|---|"]
            lines += [f"| `{i.id}` | {i.unit} | {i.default:g} | {list(i.bounds or ())} | {md_cell(i.description)} |"
                      for i in exo]
            lines.append("")
        if ports:
            lines += ["### Reads from other subsystems", "", ", ".join(f"`{i.id}`" for i in ports), ""]
    lines += _scale_tables()
    return "\n".join(lines) + "\n"


def _scale_tables() -> list[str]:
    lines = [
        "## Rating scales: item maps",
        "",
        "Each item scores `max x sum(weight x dimension)` with the latent dimensions between 0 and 1, so a scale "
        "total runs from 0 to its published maximum. The weights follow each item's content; they were not "
        "fitted to item-level data. `neuroimmune.ratings.rate` draws integer item scores with rater noise from "
        "the same tables.",
        "",
    ]
    for scale in SCALES.values():
        lines += [f"### {scale.title} (`{scale.id}`, 0-{scale.max_total})", "",
                  f"Source: {scale.source}. Bands: {scale.bands}.", "",
                  "| item | range | loads on |", "|---|---|---|"]
        for item in scale.items:
            loads = ", ".join(f"{d.removeprefix('sym_')} {w:g}" for d, w in item.weights)
            lines.append(f"| {md_cell(item.name)} | 0-{item.max_score} | {loads} |")
        lines.append("")
    return lines


def write_model_reference(model: Model, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(model_reference_markdown(model), encoding="utf-8")
    return path
