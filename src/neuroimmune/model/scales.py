"""Clinical rating scales as item maps onto the latent symptom dimensions.

Each item has its published score range and a map of weights onto the seven
latent dimensions (weights sum to 1, so an item scores ``max * sum(weight *
dimension)`` with dimensions between 0 and 1). The maps follow each item's content
(e.g. HAM-D item 4, "insomnia early", loads on sleep); they were not fitted to
item-level data. The same tables generate the model's total-score rules and the
noisy item ratings used for trials (:mod:`neuroimmune.ratings`).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DIMENSIONS", "SCALES", "Item", "Scale", "check_scales"]

#: Latent symptom dimensions (state ids of the symptom subsystem).
DIMENSIONS = ("sym_mood", "sym_anhedonia", "sym_anxiety", "sym_sickness", "sym_sleep", "sym_cognition",
              "sym_suicidality")


@dataclass(frozen=True)
class Item:
    name: str
    max_score: int
    weights: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class Scale:
    id: str
    title: str
    source: str
    items: tuple[Item, ...]
    bands: str

    @property
    def max_total(self) -> int:
        return sum(i.max_score for i in self.items)


def _i(name: str, max_score: int, **weights: float) -> Item:
    return Item(name, max_score, tuple((f"sym_{k}", v) for k, v in weights.items()))


HAMD17 = Scale(
    "hamd17", "Hamilton Depression Rating Scale, 17 items (HAM-D-17)",
    "Hamilton 1960, doi:10.1136/jnnp.23.1.56; severity bands Zimmerman 2013, doi:10.1016/j.jad.2013.04.028",
    (
        _i("depressed mood", 4, mood=1.0),
        _i("feelings of guilt", 4, mood=0.7, suicidality=0.3),
        _i("suicide", 4, suicidality=1.0),
        _i("insomnia: early", 2, sleep=1.0),
        _i("insomnia: middle", 2, sleep=1.0),
        _i("insomnia: late", 2, sleep=1.0),
        _i("work and activities", 4, anhedonia=0.6, sickness=0.4),
        _i("retardation", 4, sickness=0.5, cognition=0.5),
        _i("agitation", 4, anxiety=1.0),
        _i("anxiety: psychic", 4, anxiety=1.0),
        _i("anxiety: somatic", 4, anxiety=0.7, sickness=0.3),
        _i("somatic symptoms: gastrointestinal", 2, sickness=1.0),
        _i("somatic symptoms: general", 2, sickness=1.0),
        _i("genital symptoms", 2, anhedonia=0.7, sickness=0.3),
        _i("hypochondriasis", 4, anxiety=0.6, mood=0.4),
        _i("loss of weight", 2, sickness=1.0),
        _i("insight", 2, cognition=1.0),
    ),
    "0-7 none, 8-16 mild, 17-23 moderate, 24+ severe (remission <= 7)",
)

MADRS = Scale(
    "madrs", "Montgomery-Asberg Depression Rating Scale (MADRS)",
    "Montgomery & Asberg 1979, doi:10.1192/bjp.134.4.382",
    (
        _i("apparent sadness", 6, mood=1.0),
        _i("reported sadness", 6, mood=1.0),
        _i("inner tension", 6, anxiety=1.0),
        _i("reduced sleep", 6, sleep=1.0),
        _i("reduced appetite", 6, sickness=1.0),
        _i("concentration difficulties", 6, cognition=1.0),
        _i("lassitude", 6, sickness=0.6, anhedonia=0.4),
        _i("inability to feel", 6, anhedonia=1.0),
        _i("pessimistic thoughts", 6, mood=0.7, cognition=0.3),
        _i("suicidal thoughts", 6, suicidality=1.0),
    ),
    "0-6 none, 7-19 mild, 20-34 moderate, 35-60 severe",
)

HAMA = Scale(
    "hama", "Hamilton Anxiety Rating Scale (HAM-A)",
    "Hamilton 1959, Br J Med Psychol 32:50-55 (DOI not verified)",
    (
        _i("anxious mood", 4, anxiety=1.0),
        _i("tension", 4, anxiety=1.0),
        _i("fears", 4, anxiety=1.0),
        _i("insomnia", 4, sleep=1.0),
        _i("intellectual", 4, cognition=1.0),
        _i("depressed mood", 4, mood=1.0),
        _i("somatic (muscular)", 4, anxiety=0.5, sickness=0.5),
        _i("somatic (sensory)", 4, anxiety=0.5, sickness=0.5),
        _i("cardiovascular symptoms", 4, anxiety=1.0),
        _i("respiratory symptoms", 4, anxiety=1.0),
        _i("gastrointestinal symptoms", 4, anxiety=0.5, sickness=0.5),
        _i("genitourinary symptoms", 4, anxiety=0.5, sickness=0.5),
        _i("autonomic symptoms", 4, anxiety=1.0),
        _i("behaviour at interview", 4, anxiety=1.0),
    ),
    "0-17 mild, 18-24 mild to moderate, 25+ moderate to severe",
)

PHQ9 = Scale(
    "phq9", "Patient Health Questionnaire, 9 items (PHQ-9)",
    "Kroenke, Spitzer & Williams 2001, J Gen Intern Med 16:606-613 (DOI not verified)",
    (
        _i("little interest or pleasure", 3, anhedonia=1.0),
        _i("feeling down, depressed, hopeless", 3, mood=1.0),
        _i("sleep problems", 3, sleep=1.0),
        _i("tired, little energy", 3, sickness=1.0),
        _i("poor appetite or overeating", 3, sickness=1.0),
        _i("feeling bad about yourself", 3, mood=1.0),
        _i("trouble concentrating", 3, cognition=1.0),
        _i("moving or speaking slowly, or restless", 3, sickness=0.5, anxiety=0.5),
        _i("thoughts of self-harm", 3, suicidality=1.0),
    ),
    "5 mild, 10 moderate, 15 moderately severe, 20 severe (10+: major depression likely)",
)

GAD7 = Scale(
    "gad7", "Generalized Anxiety Disorder scale, 7 items (GAD-7)",
    "Spitzer, Kroenke, Williams & Lowe 2006, Arch Intern Med 166:1092-1097 (DOI not verified)",
    (
        _i("feeling nervous, anxious or on edge", 3, anxiety=1.0),
        _i("not able to stop or control worrying", 3, anxiety=1.0),
        _i("worrying too much", 3, anxiety=1.0),
        _i("trouble relaxing", 3, anxiety=1.0),
        _i("so restless it is hard to sit still", 3, anxiety=1.0),
        _i("easily annoyed or irritable", 3, anxiety=0.7, mood=0.3),
        _i("feeling afraid something awful might happen", 3, anxiety=1.0),
    ),
    "5 mild, 10 moderate, 15 severe",
)

SCALES: dict[str, Scale] = {s.id: s for s in (HAMD17, MADRS, HAMA, PHQ9, GAD7)}


def check_scales() -> None:
    """Raise if an item map is malformed (maxima that do not sum to the published total, or weights that
    do not sum to 1 over known dimensions)."""
    expected = {"hamd17": 52, "madrs": 60, "hama": 56, "phq9": 27, "gad7": 21}
    for sid, scale in SCALES.items():
        if scale.max_total != expected[sid]:
            raise ValueError(f"{sid}: item maxima sum to {scale.max_total}, expected {expected[sid]}")
        for item in scale.items:
            total = sum(w for _, w in item.weights)
            if abs(total - 1.0) > 1e-9 or any(d not in DIMENSIONS for d, _ in item.weights):
                raise ValueError(f"{sid}: item {item.name!r} weights must sum to 1 over known dimensions")

