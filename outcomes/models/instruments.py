"""Key Human Indicators as data: the outcome instruments a council loads or
edits in the admin. Nothing about an instrument is written in code: its
questions, their answer scales and, where the council holds a licence, the
value each level carries in a value set (tariffs such as ICECAP-A's belong
to their owners, so the product ships none)."""

from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable


class LevelBlock(blocks.StructBlock):
    """One step of an answer scale, as the person answering reads it."""

    score = blocks.IntegerBlock(help_text="The number this answer counts as, e.g. 1 to 4.")
    words = blocks.CharBlock(help_text="The answer as the person reads it.")
    value = blocks.DecimalBlock(
        required=False,
        decimal_places=4,
        help_text="Its value in the licensed value set, if the council holds one. "
        "Leave empty otherwise.",
    )

    class Meta:
        icon = "list-ol"


class Instrument(ClusterableModel):
    """A set of questions asked of the people a grant or contract supports."""

    name = models.CharField(max_length=200, unique=True)
    description = models.TextField(
        blank=True, help_text="What it measures, shown to the person before the questions."
    )
    source = models.TextField(
        "source and licence",
        blank=True,
        help_text="Who owns the instrument and on what terms the council uses it.",
    )
    value_set = models.CharField(
        "value set",
        max_length=200,
        blank=True,
        help_text="The name of the licensed value set the levels' values come from, if any.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("source"), FieldPanel("value_set")], heading="Licence"),
        InlinePanel("questions", heading="Questions", label="Question", min_num=1),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class QuestionKind(models.TextChoices):
    SCALE = "scale", "Choose one answer on a scale"
    COUNT = "count", "A number, such as how many friends"


class InstrumentQuestion(Orderable):
    instrument = ParentalKey(Instrument, on_delete=models.CASCADE, related_name="questions")
    wording = models.CharField(max_length=300)
    help_text = models.CharField(max_length=300, blank=True)
    kind = models.CharField(max_length=10, choices=QuestionKind.choices, default=QuestionKind.SCALE)
    levels = StreamField(
        [("level", LevelBlock())],
        blank=True,
        help_text="For a scale: its answers, lowest first.",
    )
    largest_count = models.PositiveIntegerField(
        null=True, blank=True, help_text="For a number: the largest answer accepted."
    )

    panels = [
        FieldPanel("wording"),
        FieldPanel("help_text"),
        FieldPanel("kind"),
        FieldPanel("levels"),
        FieldPanel("largest_count"),
    ]

    def __str__(self):
        return self.wording

    def level_list(self) -> list[dict]:
        return [
            {"score": b.value["score"], "words": b.value["words"], "value": b.value.get("value")}
            for b in self.levels
        ]
