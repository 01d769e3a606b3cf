"""One execution seam for chunks of patients: in this process, over local cores, or on a Dask cluster.

Every back end runs the same :class:`~neuroimmune.engine.runner.ChunkTask` with the same
:class:`~neuroimmune.engine.runner.PatientRunner`, which loads the model once per worker
and never lets one patient's numbers depend on another's, so results are identical
whichever back end, worker count or chunk size ran them.
"""

from neuroimmune.execution.backends import Backend, DaskCluster, InProcess, LocalProcesses, choose_backend
from neuroimmune.execution.batch import run_batch

__all__ = ["Backend", "DaskCluster", "InProcess", "LocalProcesses", "choose_backend", "run_batch"]
