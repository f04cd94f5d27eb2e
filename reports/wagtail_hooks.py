"""The reports in the staff menu and on the staff home, for the staff who
may read them."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from reports.models import REPORTS


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORTS)


@hooks.register("register_admin_menu_item")
def reports_menu_item():
    return ReportsMenuItem(
        "Reports and exports", reverse("reports:reports"), icon_name="table", order=230
    )


class ReportsPanel(Component):
    name = "reports"
    template_name = "reports/admin/reports_panel.html"
    order = 300


@hooks.register("construct_homepage_panels")
def add_reports_panel(request, panels):
    if request.user.has_perm(REPORTS):
        panels.append(ReportsPanel())
