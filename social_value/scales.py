"""Scoring scales and what each point means.

A call picks one scale; every scored criterion of the call uses it. The
descriptors are shown beside the score buttons so every panel member,
lived-experience members included, scores against the same words.
"""

from django.db import models


class Scale(models.TextChoices):
    ZERO_TO_FOUR = "0-4", "0 to 4"
    ZERO_TO_FIVE = "0-5", "0 to 5"
    ONE_TO_TEN = "1-10", "1 to 10"


RANGES = {Scale.ZERO_TO_FOUR: (0, 4), Scale.ZERO_TO_FIVE: (0, 5), Scale.ONE_TO_TEN: (1, 10)}

DESCRIPTORS = {
    Scale.ZERO_TO_FOUR: {
        0: "Unacceptable: does not answer the question",
        1: "Poor: answers it with serious gaps",
        2: "Satisfactory: answers it, with some gaps",
        3: "Good: answers it fully, with evidence",
        4: "Excellent: answers it fully, with strong evidence and added value",
    },
    Scale.ZERO_TO_FIVE: {
        0: "Unacceptable: no answer, or one that does not address the question",
        1: "Poor: major gaps or weaknesses; little confidence it can be done",
        2: "Weak: some relevant points but significant gaps",
        3: "Satisfactory: meets the requirement with minor gaps",
        4: "Good: meets the requirement fully, with clear evidence",
        5: "Excellent: exceeds the requirement, with strong evidence and added value",
    },
    Scale.ONE_TO_TEN: {
        1: "Very poor",
        3: "Weak",
        5: "Satisfactory",
        7: "Good",
        10: "Excellent",
    },
}


def scale_range(scale: str) -> tuple[int, int]:
    return RANGES[Scale(scale)]


def scale_max(scale: str) -> int:
    return scale_range(scale)[1]


def scale_points(scale: str) -> list[tuple[int, str]]:
    """Every point of the scale with its descriptor ("" where none)."""
    low, high = scale_range(scale)
    words = DESCRIPTORS[Scale(scale)]
    return [(point, words.get(point, "")) for point in range(low, high + 1)]
