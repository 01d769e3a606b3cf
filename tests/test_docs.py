"""Documentation generated from the declaration must match the committed files."""

from pathlib import Path

from neuroimmune.reference import model_reference_markdown

ROOT = Path(__file__).resolve().parents[1]


def test_model_reference_is_up_to_date(model):
    committed = (ROOT / "docs" / "model-reference.md").read_text(encoding="utf-8")
    assert committed == model_reference_markdown(model), "run `neuroimmune export tables` and commit docs/"


def test_readme_gives_the_two_setup_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme


def test_treatment_reference_is_up_to_date(model):
    from neuroimmune.treatment_reference import treatment_reference_markdown

    committed = (ROOT / "docs" / "treatments.md").read_text(encoding="utf-8")
    assert committed == treatment_reference_markdown(model), "run `python scripts/generate_docs.py` and commit docs/"


def test_the_design_in_docs_trials_passes_the_checks(model):
    import yaml

    from neuroimmune.trials.design import check_design, load_design

    text = (ROOT / "docs" / "trials.md").read_text(encoding="utf-8")
    block = text.split("## A design\n\n```yaml\n", 1)[1].split("```", 1)[0]
    check_design(load_design(yaml.safe_load(block)), model)  # raises on any mistake
