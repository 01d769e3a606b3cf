"""Built-in scenarios, shipped as YAML files inside the package."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml

from neuroimmune.errors import ScenarioError
from neuroimmune.scenarios.schema import Scenario, load_scenario_file, scenario_from_dict

__all__ = ["builtin_scenarios", "describe_builtin", "load_scenario"]


def _builtin_dir() -> Path:
    return Path(str(resources.files("neuroimmune.scenarios") / "builtin"))


def builtin_scenarios() -> dict[str, Path]:
    """Built-in scenario names and their files."""
    return {p.stem: p for p in sorted(_builtin_dir().glob("*.yaml"))}


def load_scenario(spec: str | Path | dict | Scenario) -> Scenario:
    """A scenario from a built-in name, a YAML path, a mapping, or a :class:`Scenario`."""
    if isinstance(spec, Scenario):
        return spec
    if isinstance(spec, dict):
        return scenario_from_dict(spec)
    builtins = builtin_scenarios()
    if isinstance(spec, str) and spec in builtins:
        return load_scenario_file(builtins[spec])
    path = Path(spec)
    if path.suffix in (".yaml", ".yml") or path.exists():
        return load_scenario_file(path)
    raise ScenarioError(
        f"scenario {str(spec)!r} is neither a built-in scenario nor a YAML file; built-ins: "
        f"{', '.join(builtins)}"
    )


def describe_builtin(name: str) -> str:
    """The description of a built-in scenario, as one paragraph."""
    data = yaml.safe_load(builtin_scenarios()[name].read_text(encoding="utf-8"))
    return " ".join(str(data.get("description", "")).split())
