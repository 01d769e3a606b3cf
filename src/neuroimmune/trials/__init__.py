"""Virtual clinical trials. So far: the statistics a trial reports (:mod:`neuroimmune.trials.analysis`)."""

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
