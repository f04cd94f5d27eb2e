"""Calls for partners: grant rounds and tenders, told on the public site."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.call_status import CallStatus, status_q, with_deadline
from cms.forms import CallFilterForm
from cms.live_calls import from_round, from_tender

CALLS_PER_PAGE = 25


class CallIndexPage(Page):
    """Every call for partners, open ones first, filtered as people ask."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.CallPage"]
    max_count = 1

    def calls(self, *, kind="", neighbourhood=None, status=CallStatus.OPEN):
        now = timezone.now()
        pages = with_deadline(CallPage.objects.live().public().child_of(self))
        if kind == "grant":
            pages = pages.filter(round__isnull=False)
        elif kind == "tender":
            pages = pages.filter(tender__isnull=False)
        if neighbourhood is not None:
            pages = pages.filter(
                models.Q(round__neighbourhoods=neighbourhood)
                | models.Q(tender__commission__neighbourhoods=neighbourhood)
            ).distinct()
        pages = pages.filter(status_q(status, now))
        order = "-deadline" if status == CallStatus.CLOSED else "deadline"
        return (
            pages.select_related("round", "tender__commission")
            .prefetch_related("round__neighbourhoods", "tender__commission__neighbourhoods")
            .order_by(order, "pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = CallFilterForm(request.GET)
        chosen = form.filters()
        kind, status = chosen["type"], chosen["status"]
        pages = self.calls(kind=kind, neighbourhood=chosen["neighbourhood"], status=status)
        listing = Paginator(pages, CALLS_PER_PAGE).get_page(request.GET.get("page"))
        for page in listing:
            page.live_call = page.facts(full=False)
        context.update(
            calls=listing,
            form=form,
            kind=kind,
            neighbourhood=chosen["neighbourhood"],
            status=status,
        )
        return context


class CallPage(Page):
    """One call: the editors' story beside the live facts of its round or tender."""

    round = models.OneToOneField(
        "grants.Round",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="call_page",
        help_text="The grant round this page invites applications to.",
    )
    tender = models.OneToOneField(
        "commissioning.Tender",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="call_page",
        help_text="Or the tender this page invites bids for.",
    )
    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Why this call matters, in a sentence or two.",
    )
    body = StreamField(BodyBlock(), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("round"), FieldPanel("tender")],
            heading="What this call is for",
            help_text="Choose one. Its dates, value, criteria and documents show on the page.",
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.CallIndexPage"]
    subpage_types = []

    def clean(self):
        super().clean()
        if bool(self.round_id) == bool(self.tender_id):
            raise ValidationError("Link this call to one grant round or one tender.")

    def facts(self, *, full: bool = True):
        if self.round_id:
            return from_round(self.round, full=full)
        return from_tender(self.tender, full=full)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["live_call"] = self.facts()
        return context
