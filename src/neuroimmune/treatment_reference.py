"""Generate the treatment reference (docs/treatments.md) from the drug declarations and the library.

Doses, safe ranges, PK parameters with their sources and the model ports each
treatment acts on come from the same objects the engine runs.
"""

from __future__ import annotations

from pathlib import Path

from neuroimmune.model.compose import Model
from neuroimmune.model.drugs import DRUGS
from neuroimmune.reference import md_cell, md_source
from neuroimmune.scenarios.treatments import TREATMENTS, treatment_table

__all__ = ["treatment_reference_markdown", "write_treatment_reference"]

_EXAMPLE = """```yaml
treatments:
  - {name: escitalopram, dose: 10 mg, at: "08:00", start: day 7 00:00, stop: day 63 00:00,
     dose_changes: [{at: day 21 00:00, dose: 20 mg}], missed: [day 30 08:00]}
  - {name: celecoxib, dose: 200 mg, every: 12 h, at: "08:00", start: day 7 00:00}
  - {name: infliximab, dose: 5 mg/kg, times: [day 7 09:00, day 21 09:00, day 49 09:00]}
  - {name: ketamine, dose: 0.5 mg/kg, times: [day 10 10:00], infusion: 40 min}
  - {name: omega3, dose: 2 g/d, epa_fraction: 0.6, start: day 0 00:00}
  - {name: exercise, sessions_per_week: 3, session: 45 min, intensity: 1, at: "17:00"}
  - {name: psychotherapy, sessions_per_week: 1, session: 50 min, at: "10:00", stop: day 112 00:00}
  - {name: placebo, start: day 7 00:00, stop: day 63 00:00}
```"""


def treatment_reference_markdown(model: Model) -> str:
    """The treatment reference as markdown."""
    params = {p.id: p for p in model.parameters}
    lines = [
        "# Treatments",
        "",
        "Generated from the drug declarations (`neuroimmune.model.drugs`) and the treatment library "
        "(`neuroimmune.scenarios.treatments`) by `python scripts/generate_docs.py` — do not edit by hand. "
        "`neuroimmune treatments` prints the same list.",
        "",
        "Neuroimmune is a research tool, not medical advice: doses here drive a simulation, they are not "
        "recommendations.",
        "",
        "## In a scenario file",
        "",
        _EXAMPLE,
        "",
        "| field | meaning |",
        "|---|---|",
        "| `name` | a treatment below (a close misspelling gets a suggestion) |",
        "| `dose` | per administration, in the unit shown (mg, mg/kg of body weight, or g/d for omega-3); "
        "outside the safe range is an error, as is more than the maximum daily dose |",
        "| `start`, `stop` | the course (default: the whole run) |",
        "| `at` | clock time of the first daily dose or session (`HH:MM`) |",
        "| `every` | dosing interval (default per drug: 24 h, or 12 h for twice-daily drugs) |",
        "| `times` | explicit dose times instead of a regimen (infusions such as ketamine and the antibodies) |",
        "| `infusion` | infusion length for intravenous drugs (defaults: ketamine 40 min, infliximab 2 h, "
        "tocilizumab 1 h) |",
        "| `dose_changes` | `{at, dose}` pairs: titration and tapering |",
        "| `missed` | scheduled dose or session times that were skipped |",
        "| `epa_fraction` | omega-3 only: share of EPA in the daily EPA + DHA (default 0.6) |",
        "| `sessions_per_week`, `session`, `intensity` | exercise and psychotherapy sessions (intensity 1 = "
        "moderate aerobic exercise) |",
        "",
        "Two courses of the same treatment may not overlap (use `dose_changes`), and two SSRIs may not be "
        "given at once.",
        "",
        "## The library",
        "",
        "| name | kind | dose unit | usual dose | safe range per dose | mechanism | sources |",
        "|---|---|---|---|---|---|---|",
    ]
    lines += [f"| `{r['name']}` | {r['kind']} | {r['dose_unit']} | {md_cell(r['usual'])} | {r['range']} | "
              f"{md_cell(r['mechanism'])} | {md_cell(r['sources'])} |" for r in treatment_table()]
    lines += ["", "## Drug pharmacokinetics and potency", "",
              "One compartment per drug: depot (oral) or infusion into plasma, first-order elimination. The "
              "mechanism of each drug is a fraction between 0 and 1 on a model port; several drugs on one port "
              "combine as independent fractions.", ""]
    for d in DRUGS:
        ports = ", ".join(f"`{m.port}` = `{md_cell(m.formula)}`" for m in d.mechanisms)
        lines += [f"### {d.name} (`{d.id}`, {d.drug_class})", "", f"{d.description} Route: {d.route}; "
                  f"dose unit {d.dose_unit}; maximum {TREATMENTS[d.id].max_daily:g} {d.dose_unit} a day. "
                  f"Mechanism: {ports}.", "", "| parameter | value | unit | source |", "|---|---|---|---|"]
        lines += [f"| `{p.id}` | {params[p.id].value:.6g} | {p.unit} | {md_cell(md_source(p.source))} |"
                  for p in d.parameters]
        lines.append("")
    lines += ["## Supplements and non-drug treatments", "",
              "Omega-3, PEA, exercise, psychotherapy and placebo act through the lipid-mediator and lifestyle "
              "subsystems; their parameters and sources are in docs/model-reference.md (sections `lipids` and "
              "`lifestyle`).", ""]
    return "\n".join(lines)


def write_treatment_reference(model: Model, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(treatment_reference_markdown(model), encoding="utf-8")
    return path
