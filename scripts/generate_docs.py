"""Regenerate the generated documentation from the model declaration.

Writes docs/model-reference.md, docs/treatments.md, the scorecard in docs/validation/,
and the figures in docs/figures/. Run after changing the model:

    python scripts/generate_docs.py
"""

from __future__ import annotations

from pathlib import Path

import neuroimmune as ni
from neuroimmune.plotting import plot_result
from neuroimmune.reference import write_model_reference
from neuroimmune.treatment_reference import write_treatment_reference
from neuroimmune.validation.report import run_validation, summary_line

ROOT = Path(__file__).resolve().parents[1]
TREATMENT_FIGURES = {
    "treatment-escitalopram": "Escitalopram 10 mg/day from day 119 of a depressive episode: fast SERT occupancy, "
                              "slow recovery",
    "treatment-ketamine": "One ketamine infusion (0.5 mg/kg over 40 min) on day 119 of a depressive episode",
    "treatment-infliximab": "Infliximab 5 mg/kg at weeks 0, 2 and 6 in chronic low-grade inflammation",
    "treatment-celecoxib-sertraline": "Celecoxib 200 mg twice daily added to sertraline 100 mg/day",
    "treatment-omega3": "Omega-3 2 g/d (60% EPA) for 16 weeks in low-grade inflammation",
    "treatment-exercise": "Aerobic exercise three times a week for 12 weeks",
}
DOCS = ROOT / "docs"


def main() -> int:
    model = ni.default_model()
    print(f"wrote {write_model_reference(model, DOCS / 'model-reference.md').relative_to(ROOT)}")
    print(f"wrote {write_treatment_reference(model, DOCS / 'treatments.md').relative_to(ROOT)}")
    scores, path = run_validation(model, DOCS / "validation")
    print(f"wrote {path.relative_to(ROOT)}: {summary_line(scores)}")
    result = ni.simulate("endotoxin-2ngkg", workers=1)
    png = plot_result(result, DOCS / "figures" / "demo-endotoxin-2ngkg.png",
                      title="A healthy day, then endotoxin 2 ng/kg at 09:00 on day 1")
    print(f"wrote {png.relative_to(ROOT)}")
    result = ni.simulate("interferon-alpha-12-weeks", workers=1)
    png = plot_result(result, DOCS / "figures" / "interferon-alpha-12-weeks.png",
                      title="High-dose interferon-alpha for 12 weeks: cytokines, IDO, kynurenines, serotonin, symptoms")
    print(f"wrote {png.relative_to(ROOT)}")
    for name, title in TREATMENT_FIGURES.items():
        png = plot_result(ni.simulate(name, workers=1), DOCS / "figures" / f"{name}.png", title=title)
        print(f"wrote {png.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
