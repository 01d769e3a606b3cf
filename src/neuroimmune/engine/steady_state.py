"""The circadian steady state: the periodic orbit x = Phi(x) of the 24-h map.

Gland masses and glucocorticoid-receptor function adapt over weeks, so a plain
burn-in would need months of simulated time. Newton's method on the one-day
map converges in a few iterations instead. The Jacobian of the map is computed by
finite differences, refined by Broyden's rank-one updates after each step, and
reused as the starting Jacobian for other patients, which makes a batch cheap.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from neuroimmune.errors import EngineError

__all__ = ["JacobianCache", "PeriodicSolution", "periodic_steady_state"]


@dataclass(frozen=True)
class PeriodicSolution:
    """The state at t=0 of the periodic orbit, with how it was found."""

    state: np.ndarray
    residual: float
    iterations: int
    map_evaluations: int


@dataclass
class JacobianCache:
    """The last Jacobian of the one-day map, reused for neighbouring parameter sets."""

    matrix: np.ndarray | None = None


def _jacobian(phi: Callable[[np.ndarray], np.ndarray], x: np.ndarray, fx: np.ndarray,
              scale: np.ndarray) -> np.ndarray:
    n = len(x)
    jac = np.empty((n, n))
    for i in range(n):
        h = 1e-4 * max(abs(x[i]), scale[i])  # well above the integrator's relative tolerance
        xp = x.copy()
        xp[i] += h
        jac[:, i] = (phi(xp) - fx) / h
    return jac


def _error(x: np.ndarray, fx: np.ndarray, scale: np.ndarray) -> float:
    err = float(np.max(np.abs(fx - x) / (np.abs(x) + scale)))
    return err if np.isfinite(err) else np.inf


def periodic_steady_state(
    phi: Callable[[np.ndarray], np.ndarray],
    x0: np.ndarray,
    *,
    scale: np.ndarray,
    tol: float = 1e-6,
    max_iter: int = 40,
    warmup_periods: int = 2,
    jacobian: JacobianCache | None = None,
    fallback_days: tuple[int, ...] = (240, 720),
) -> PeriodicSolution:
    """Solve ``phi(x) = x`` for the state at the start of a period.

    ``scale`` gives each state's typical magnitude: the residual is measured as
    ``|phi(x) - x| / (|x| + scale)``. Newton's method works on ``log(x + offset)``
    (the states are non-negative and the gland masses grow multiplicatively), and
    each step is damped until the residual falls; a failed integration counts as no
    progress. If Newton stalls (e.g. the patient drifts slowly to another branch of a
    bistable model), forward integration for ``fallback_days`` brings the state closer
    and Newton starts again. Raises :class:`EngineError` if no orbit is found.
    """
    offset = 1e-3 * scale
    evaluations = 0

    def to_u(x: np.ndarray) -> np.ndarray:
        return np.log(np.maximum(x, 0.0) + offset)

    def to_x(u: np.ndarray) -> np.ndarray:
        return np.maximum(np.exp(u) - offset, 0.0)

    def psi(u: np.ndarray) -> np.ndarray:
        return to_u(phi(to_x(u)))

    x = np.maximum(np.asarray(x0, dtype=float), 0.0)
    cache = jacobian or JacobianCache()
    err = np.inf
    for forward_days in (warmup_periods, *fallback_days):
        for _ in range(forward_days):
            x = phi(x)
            evaluations += 1
        u = to_u(x)
        fx = phi(x)
        evaluations += 1
        err = _error(x, fx, scale)
        fu = to_u(fx)
        fresh = False
        for iteration in range(max_iter + 1):
            if err < tol:
                return PeriodicSolution(fx, err, iteration, evaluations)
            if iteration == max_iter:
                break
            if cache.matrix is None:
                cache.matrix = _jacobian(psi, u, fu, np.full_like(u, 1.0))
                evaluations += len(u)
                fresh = True
            try:
                step = np.linalg.solve(cache.matrix - np.eye(len(u)), u - fu)
            except np.linalg.LinAlgError as exc:
                raise EngineError("singular Jacobian while seeking the circadian steady state") from exc
            # a trust region in log space: no state changes by more than a factor e^2 in one step
            step = np.clip(step, -2.0, 2.0)
            lam, accepted = 1.0, False
            for _ in range(12):
                un = u + lam * step
                try:
                    xn = to_x(un)
                    fxn = phi(xn)
                    errn = _error(xn, fxn, scale)
                except EngineError:
                    errn = np.inf
                evaluations += 1
                if errn < err or errn < tol:
                    accepted = True
                    break
                lam /= 2
            if not accepted:
                if fresh:
                    break
                cache.matrix = None  # a stale Jacobian: recompute and try again
                continue
            fun = to_u(fxn)
            du = un - u
            # Broyden's rank-one update keeps the Jacobian current without new finite differences
            cache.matrix = cache.matrix + np.outer(fun - fu - cache.matrix @ du, du) / float(du @ du)
            fresh = False
            u, x, fx, err, fu = un, xn, fxn, errn, fun
        cache.matrix = None
    raise EngineError(
        f"no periodic circadian steady state after {max_iter} Newton steps (residual {err:.2e}); "
        "the parameters may place the patient outside the model's stable range"
    )
