"""A catalogue of asset-based approaches commissioners can learn from."""

from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BodyBlock


class ApproachIndexPage(Page):
    """Every approach in the catalogue, filtered by tag."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ApproachPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        approaches = (
            ApproachPage.objects.live().public().child_of(self).order_by("title")
        ).prefetch_related("tags")
        tag = request.GET.get("tag", "").strip()
        if tag:
            approaches = approaches.filter(tags__slug=tag)
        context.update(
            approaches=approaches,
            tag=tag,
            tags=ApproachPageTag.tags_in_use(),
        )
        return context


class ApproachPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "cms.ApproachPage", on_delete=models.CASCADE, related_name="tagged_items"
    )

    @classmethod
    def tags_in_use(cls):
        from taggit.models import Tag

        return (
            Tag.objects.filter(cms_approachpagetag_items__isnull=False).distinct().order_by("name")
        )


class ApproachPage(Page):
    """One approach, such as Shared Lives or community connectors."""

    summary = models.TextField(help_text="One or two sentences for the catalogue listing.")
    who_it_helps = models.TextField("who it helps", blank=True)
    assets_it_builds_on = models.TextField(
        "assets it builds on",
        blank=True,
        help_text="The people, places and groups this approach grows from.",
    )
    body = StreamField(BodyBlock(), blank=True)
    tags = ClusterTaggableManager(through=ApproachPageTag, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("who_it_helps"),
        FieldPanel("assets_it_builds_on"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("who_it_helps"),
        index.SearchField("body"),
    ]
    parent_page_types = ["cms.ApproachIndexPage"]
    subpage_types = []
