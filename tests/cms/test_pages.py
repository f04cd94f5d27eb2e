"""Every page type: editors can create it where it belongs, and it renders."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.models import (
    ApproachIndexPage,
    ApproachPage,
    AwardsPage,
    CallIndexPage,
    CallPage,
    HomePage,
    StandardPage,
)
from tests.grants.factories import RoundFactory
from tests.people.factories import UserFactory


class PageTypesTest(WagtailPageTestCase):
    def setUp(self):
        self.editor = UserFactory(is_superuser=True)
        self.client.force_login(self.editor)
        self.home = HomePage.objects.get()

    def test_pages_live_where_an_editor_expects_them(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(CallIndexPage, {CallPage})
        self.assertAllowedParentPageTypes(CallPage, {CallIndexPage})
        self.assertAllowedSubpageTypes(ApproachIndexPage, {ApproachPage})
        self.assertAllowedParentPageTypes(AwardsPage, {HomePage})
        self.assertCanNotCreateAt(HomePage, CallPage)

    def test_editors_can_create_every_page_type_in_the_admin(self):
        calls = self.create(
            CallIndexPage, self.home, {"title": "Calls", "slug": "calls", "intro": rich_text("")}
        )
        round_ = RoundFactory()
        self.assertCanCreate(
            calls,
            CallPage,
            nested_form_data(
                {
                    "title": "Lunch clubs",
                    "slug": "lunch-clubs",
                    "round": round_.pk,
                    "intro": rich_text("<p>Why lunch clubs matter.</p>"),
                    "body": streamfield([("heading", "How to apply")]),
                }
            ),
        )
        self.create(AwardsPage, self.home, {"title": "Awards", "intro": rich_text("")})
        approaches = self.create(
            ApproachIndexPage, self.home, {"title": "Approaches", "intro": rich_text("")}
        )
        self.assertCanCreate(
            approaches,
            ApproachPage,
            nested_form_data(
                {
                    "title": "Homeshare",
                    "summary": "An older person with a spare room and a younger one who helps.",
                    "who_it_helps": "",
                    "assets_it_builds_on": "",
                    "body": streamfield([]),
                    "tags": "housing, older people",
                }
            ),
        )
        self.assertEqual(
            sorted(ApproachPage.objects.get().tags.names()), ["housing", "older people"]
        )
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Privacy",
                    "intro": rich_text(""),
                    "body": streamfield([("paragraph", rich_text("<p>What we keep.</p>"))]),
                }
            ),
        )

    def test_a_call_page_must_name_one_round_or_one_tender(self):
        calls = self.create(
            CallIndexPage, self.home, {"title": "Calls", "slug": "calls", "intro": rich_text("")}
        )
        response = self.client.post(
            f"/admin/pages/add/cms/callpage/{calls.pk}/",
            nested_form_data(
                {
                    "title": "A call for nothing",
                    "slug": "nothing",
                    "intro": rich_text(""),
                    "body": streamfield([]),
                }
            ),
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Link this call to one grant round or one tender.")
        self.assertFalse(CallPage.objects.exists())

    def test_every_page_type_renders(self):
        self.client.logout()
        for page in self.one_of_each():
            self.assertPageIsRenderable(page)

    def test_the_editors_bar_is_on_every_page_type_and_no_work_page(self):
        """Wagtail's bar edits the page shown: an editor finds it on each
        CMS page, and not on the pages of the work, which have no page to
        edit (the header's "Staff admin" link is there)."""
        for page in self.one_of_each():
            self.assertContains(self.client.get(page.url), "<wagtail-userbar>")
        for work in ["/portal/", "/accounts/two-factor/", "/reports/"]:
            response = self.client.get(work)
            self.assertEqual(response.status_code, 200, work)
            self.assertNotContains(response, "<wagtail-userbar>")
            self.assertContains(response, 'href="/admin/"')

    def one_of_each(self) -> list:
        """A published page of every type, the home page first."""
        calls = self.create(CallIndexPage, self.home, {"title": "Calls", "slug": "calls"})
        call = self.create(CallPage, calls, {"title": "Lunch clubs", "round": RoundFactory()})
        approaches = self.create(ApproachIndexPage, self.home, {"title": "Approaches"})
        approach = self.create(
            ApproachPage, approaches, {"title": "Homeshare", "summary": "A spare room shared."}
        )
        awards = self.create(AwardsPage, self.home, {"title": "Grants awarded"})
        standard = self.create(StandardPage, self.home, {"title": "About us"})
        return [self.home, calls, call, approaches, approach, awards, standard]

    def create(self, model, parent, fields):
        fields = {key: value for key, value in fields.items() if not isinstance(value, dict)}
        page = model(**{"slug": fields["title"].lower().replace(" ", "-"), **fields})
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page


def test_a_required_field_left_empty_says_what_to_enter(client):
    html = client.post("/accounts/sign-in/", {"username": "", "password": ""}).content.decode()

    assert "There is a problem" in html
    assert '<a href="#id_password">Enter password</a>' in html
    assert "This field is required." not in html
