"""Calls for partners: grant rounds and tenders, told on the public site."""

from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.call_listing import (
    CallEntry,
    GeneratedCallPage,
    opened_rounds,
    published_tenders,
    record_calls,
    without_live_page,
)
from cms.call_status import CallStatus, status_q, with_deadline
from cms.forms import CallFilterForm
from cms.live_calls import from_round, from_tender

CALLS_PER_PAGE = 25


class CallIndexPage(RoutablePageMixin, Page):
    """Every call for partners, open ones first, filtered as people ask:
    the editors' call pages and, for published tenders and opened rounds
    that have none, a page generated from the record (cms.call_listing)."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.CallPage"]
    max_count = 1

    def call_pages(self, *, kind="", neighbourhood=None, status=CallStatus.OPEN):
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
        return pages.select_related("round", "tender__commission").prefetch_related(
            "round__neighbourhoods", "tender__commission__neighbourhoods"
        )

    def record_url(self, kind: str, pk: int) -> str:
        return self.url + self.reverse_subpage(f"{kind}_call", args=[pk])

    def calls(self, *, kind="", neighbourhood=None, status=CallStatus.OPEN) -> list:
        """The calls as listing entries, soonest deadline first (latest
        first among closed ones)."""
        entries = [
            CallEntry(page.title, page.url, page.facts(full=False))
            for page in self.call_pages(kind=kind, neighbourhood=neighbourhood, status=status)
        ]
        entries += record_calls(
            kind=kind,
            neighbourhood=neighbourhood,
            status=status,
            now=timezone.now(),
            url_for=self.record_url,
        )
        latest = datetime.max.replace(tzinfo=UTC)
        entries.sort(key=lambda entry: entry.deadline or latest)
        if status == CallStatus.CLOSED:
            entries.reverse()
        return entries

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = CallFilterForm(request.GET)
        chosen = form.filters()
        kind, status = chosen["type"], chosen["status"]
        calls = self.calls(kind=kind, neighbourhood=chosen["neighbourhood"], status=status)
        context.update(
            calls=Paginator(calls, CALLS_PER_PAGE).get_page(request.GET.get("page")),
            form=form,
            kind=kind,
            neighbourhood=chosen["neighbourhood"],
            status=status,
        )
        return context

    def _record_page(self, request, call_page, title, live_call):
        # An editor's page tells this call: it is the one address people keep.
        if call_page is not None and call_page.live:
            return redirect(call_page.url)
        return TemplateResponse(
            request,
            "cms/call_page.html",
            {
                **Page.get_context(self, request),
                "call": GeneratedCallPage(title=title, index=self),
                "live_call": live_call,
            },
        )

    @path("tenders/<int:pk>/", name="tender_call")
    def tender_call(self, request, pk):
        tender = get_object_or_404(published_tenders(), pk=pk)
        call_page = getattr(tender, "call_page", None)
        return self._record_page(request, call_page, tender.title, from_tender(tender))

    @path("rounds/<int:pk>/", name="round_call")
    def round_call(self, request, pk):
        round_ = get_object_or_404(opened_rounds(timezone.now()), pk=pk)
        call_page = getattr(round_, "call_page", None)
        return self._record_page(request, call_page, round_.title, from_round(round_))

    def get_sitemap_urls(self, request=None):
        """The index and the page of every call told from its record."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if base is None:
            return urls
        base = base.rstrip("/") + "/"
        for kind, records in (
            ("tender", without_live_page(published_tenders())),
            ("round", without_live_page(opened_rounds(timezone.now()))),
        ):
            for pk in records.values_list("pk", flat=True):
                urls.append({"location": base + self.reverse_subpage(f"{kind}_call", args=[pk])})
        return urls


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
