"""The published record of grants awarded, by neighbourhood and organisation."""

from decimal import Decimal

from django.core.paginator import Paginator
from django.db.models import Count, Q, Sum
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from cms.forms import AwardsFilterForm
from grants.models import Application
from grants.services.assessment import AWARDED
from neighbourhoods.models import Neighbourhood

PER_PAGE = 50
SHOWN = (
    "reference",
    "project_title",
    "approved_amount",
    "organisation__name",
    "round__programme__name",
)


class AwardsPage(Page):
    """Grants awarded, read live from the grants records: nothing to retype."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        neighbourhoods = Neighbourhood.objects.order_by("name")
        form = AwardsFilterForm(request.GET)
        chosen = form.filters()["neighbourhood"]
        grants = Application.objects.filter(state__in=AWARDED)
        if chosen is not None:
            grants = grants.filter(organisation__neighbourhoods=chosen)
        awarded = Q(organisations__grant_applications__state__in=AWARDED)
        # A page at a time, and only the columns the table shows: never the
        # application's answers, which are most of each row's size.
        listed = (
            grants.select_related("organisation", "round__programme")
            .only(*SHOWN)
            .order_by("organisation__name", "reference")
        )
        context.update(
            form=form,
            neighbourhood=chosen,
            grants_page=Paginator(listed, PER_PAGE).get_page(request.GET.get("page")),
            total=grants.aggregate(total=Sum("approved_amount"))["total"] or Decimal(0),
            # An organisation serving two neighbourhoods counts in both: the
            # money reaches each place it works in.
            by_neighbourhood=neighbourhoods.annotate(
                grant_count=Count("organisations__grant_applications", filter=awarded),
                amount=Sum("organisations__grant_applications__approved_amount", filter=awarded),
            ).filter(grant_count__gt=0),
        )
        return context
