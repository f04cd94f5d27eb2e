"""Page types of the public site."""

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.models.calls import CallIndexPage, CallPage


class HomePage(Page):
    """The front door: what the area has, what is open, how to take part."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    body = StreamField(BodyBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        calls_index = CallIndexPage.objects.live().child_of(self).first()
        context["calls_index"] = calls_index
        context["closing_soon"] = []
        if calls_index is not None:
            context["closing_soon"] = calls_index.calls()[:3]
        context["sections"] = (
            self.get_children().live().public().in_menu().not_type(CallPage).specific()
        )
        return context


class StandardPage(Page):
    """A plain page: about, privacy, accessibility statement."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    body = StreamField(BodyBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
