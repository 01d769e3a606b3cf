"""Each validation target as a test.

Calibration targets must pass: parameters were fitted to them. Validation targets
were never fitted; those the model currently fails are listed in KNOWN_FAILURES
and marked as expected failures (strict: a target that starts passing must be
taken off the list), so the scorecard and the test suite always agree.
"""

import math

import pytest

from neuroimmune.validation.report import summary_line, write_scorecard
from neuroimmune.validation.targets import load_targets

TARGETS = load_targets()
KNOWN_FAILURES: dict[str, str] = {
    "A20": "midnight cortisol about 65 nmol/L: the model sits at the calibrated Debono nadir (55, range 41-69), "
           "above the 50 nmol/L asleep cut-off quoted from the Cushing guideline",
    "A23": "awakening rise about 44%, calibrated to the 50% of A22 (40-60 accepted), below Pruessner's 50-75%",
    "D4-TNF": "very low dose (0.2 ng/kg) under-predicted: the dose-response fitted to 0.8 and 2 ng/kg is steeper "
              "at the bottom than the data",
    "D9-TNF": "4 ng/kg TNF-alpha peak under-predicted (about 1,800 vs 5,665 pg/mL; older assay, lot and strain "
              "not captured)",
    "D9-IL10": "4 ng/kg IL-10 peak over-predicted (about 1,100 vs 427 +/- 348 pg/mL)",
    "BARBER93-CRP": "CRP after 2 ng/kg under-predicted (about 17 vs 42 mg/L): the hepatic IL-6 sensitivity is "
                    "assumed, not fitted",
    "ALAM14-IL10": "IL-10 follows NF-kB and is higher after a midnight challenge; the data show more IL-10 by "
                   "day, so glucocorticoid enhancement of IL-10 is too weak in the model",
    "F5": "TSST cortisol peaks about 55 min after onset, later than the 21-40 min recalled in targets.md "
          "(timing not read in a source, so never fitted)",
    "D1-mood": "the depressed-mood dimension moves over weeks, so it barely changes 3 h after endotoxin; the "
               "acute mood change is carried by sickness items, not by this dimension",
    "E5-KYN": "plasma kynurenine falls about 6% at week 4 of IFN-alpha instead of rising: lower intake and the "
              "TDO-IDO shift do not outweigh the smaller tryptophan pool",
    "E6-CSF-TRP": "CSF tryptophan follows plasma tryptophan down (about -38% at week 12; competition at the transporter blunts the fall only slightly); the data show it unchanged",
    "B2-IL1b": "IL-1beta comes from the same primary-response programme as TNF-alpha, so it rises about 45% in the "
               "depressed state, where the data show no change (no inflammasome gate in the model)",
    "B8-IL10": "IL-10 about doubles in the depressed state (glucocorticoid enhancement with high cortisol), "
               "where the data show no change",
    "B17-CRH": "mean CRH stays about 70% above baseline in the depressed state (corticotroph mass at its carrying "
               "capacity limits the Karin compensation), where the data show no change",
}


def test_targets_are_complete_and_sourced():
    assert len({t.id for t in TARGETS}) == len(TARGETS)
    rows = {t.row for t in TARGETS}
    assert {"A", "D", "F", "I"} <= rows
    for t in TARGETS:
        assert t.source and t.condition and t.quantity, t.id
        if t.doi:
            assert t.doi.startswith("10."), t.id
        if not t.not_scored:
            assert t.tolerance.low <= t.tolerance.high, t.id


# population calibration targets (B5: the mdd phenotype's selection to the published CRP distribution)
# are scored by `make validate` (minutes); tests/test_selection.py checks the selection itself
@pytest.mark.parametrize("target", [t for t in TARGETS if t.role == "calibration" and t.population is None],
                         ids=lambda t: t.id)
def test_calibration_target_passes(scored, target):
    score = scored[target.id]
    assert score.status == "pass", f"{target.id}: model {score.model_value} outside {target.tolerance} {score.detail}"


def _validation_params():
    for t in TARGETS:
        if t.role != "validation" or t.not_scored or t.population is not None:
            continue
        marks = [pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[t.id])] if t.id in KNOWN_FAILURES else []
        yield pytest.param(t, id=t.id, marks=marks)


@pytest.mark.parametrize("target", list(_validation_params()))
def test_validation_target(scored, target):
    score = scored[target.id]
    assert score.model_value is not None and math.isfinite(score.model_value)
    assert score.status == "pass", f"{target.id}: model {score.model_value:.4g} outside {target.tolerance}"


def test_not_scored_targets_say_why(scored):
    for t in TARGETS:
        if t.not_scored:
            assert scored[t.id].status == "not scored" and len(t.not_scored) > 20
        if t.population is not None:  # skipped in this fixture, and said so
            assert scored[t.id].status == "not scored" and "population targets skipped" in scored[t.id].detail


def test_scorecard_ends_with_the_summary_line(tmp_path, scored, model):
    from neuroimmune.validation.measures import ScenarioRuns

    scores = list(scored.values())
    path = write_scorecard(scores, ScenarioRuns(model), tmp_path, model=model)
    text = path.read_text()
    last = text.strip().splitlines()[-1]
    assert last == summary_line(scores)
    passed = sum(s.status == "pass" for s in scores)
    assert last.startswith(f"{passed} passed, ")
    assert (tmp_path / "figures" / "overview.png").stat().st_size > 1000
    assert len(list((tmp_path / "figures").glob("timecourse-*.png"))) >= 2
