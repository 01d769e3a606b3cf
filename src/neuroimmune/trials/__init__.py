"""Virtual clinical trials: designs as data (:mod:`neuroimmune.trials.design`), virtual patients
(:mod:`neuroimmune.trials.population`), running a design (:mod:`neuroimmune.trials.run`) and the
statistics a trial reports (:mod:`neuroimmune.trials.analysis`)."""

from neuroimmune.trials.analysis import (
    BinaryComparison,
    ContinuousComparison,
    Interaction,
    compare_binary,
    compare_continuous,
    interaction_test,
)

__all__ = ["BinaryComparison", "ContinuousComparison", "Interaction", "compare_binary", "compare_continuous",
           "interaction_test"]
