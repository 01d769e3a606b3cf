"""Virtual clinical trials. So far: designs as data (:mod:`neuroimmune.trials.design`) and the
statistics a trial reports (:mod:`neuroimmune.trials.analysis`); running a design is to come."""

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
