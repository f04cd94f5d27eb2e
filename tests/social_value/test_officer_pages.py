"""The officer's pages: bounded queries at scale, permissions, CSV safety."""

import csv
import io

import pytest
from django.urls import reverse

from people import roles
from social_value.bulk import bulk_call
from social_value.models import CallState
from social_value.services.calls import call_open_scoring
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def big_call():
    return bulk_call(submissions=200, members=5, criteria=8)


@pytest.fixture
def officer_client(client):
    client.force_login(UserFactory(roles=[roles.GRANTS_OFFICER]))
    return client


def test_ranking_page_for_200_by_5_by_8_runs_in_bounded_queries(
    officer_client, big_call, django_assert_max_num_queries
):
    with django_assert_max_num_queries(15):
        response = officer_client.get(reverse("call-ranking", args=[big_call.pk]))
    assert response.status_code == 200
    assert response.content.decode().count('<tr class="govuk-table__row">') >= 200


def test_moderation_sheet_for_200_by_5_by_8_runs_in_bounded_queries(
    officer_client, big_call, django_assert_max_num_queries
):
    with django_assert_max_num_queries(15):
        response = officer_client.get(reverse("call-moderation", args=[big_call.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    # One submission's forms, and a line for each of the 200.
    assert page.count('aria-labelledby="submission-') == 1
    assert page.count("Record moderation<") == 1
    assert page.count('href="?submission=') == 199
    assert len(response.content) < 300_000


def test_overview_for_200_submissions_runs_in_bounded_queries(
    officer_client, big_call, django_assert_max_num_queries
):
    # 15 for the page and one for the session's two-step verification.
    with django_assert_max_num_queries(16):
        response = officer_client.get(reverse("call-overview", args=[big_call.pk]))
    assert response.status_code == 200
    assert "1000 of 1000 assignments scored" in response.content.decode()


def test_ranking_csv_escapes_formulas(officer_client, tender):
    tender.submissions[0].title = '=HYPERLINK("http://evil.example","click")'
    tender.submissions[0].save()
    tender.submissions[1].organisation.name = "+44 Trading"
    tender.submissions[1].organisation.save()
    tender.submissions[2].title = "@SUM(A1:A2)"
    tender.submissions[2].save()
    response = officer_client.get(reverse("call-ranking-csv", args=[tender.call.pk]))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert '\'=HYPERLINK("http://evil.example","click")' in cells
    assert "'+44 Trading" in cells
    assert "'@SUM(A1:A2)" in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)


@pytest.mark.parametrize("role", [roles.APPLICANT, roles.PANEL_MEMBER])
def test_officer_pages_are_closed_to_others(client, tender, role):
    client.force_login(UserFactory(roles=[role]))
    for name in ("call-overview", "call-moderation", "call-ranking", "call-ranking-csv"):
        assert client.get(reverse(name, args=[tender.call.pk])).status_code == 403, name
    response = client.post(reverse("call-open-scoring", args=[tender.call.pk]))
    assert response.status_code == 403
    tender.call.refresh_from_db()
    assert tender.call.state == CallState.SETUP


def test_chair_reaches_moderation_but_cannot_open_scoring(client, tender):
    client.force_login(tender.chair.user)
    assert client.get(reverse("call-overview", args=[tender.call.pk])).status_code == 200
    response = client.post(reverse("call-open-scoring", args=[tender.call.pk]))
    assert response.status_code == 403


def test_officer_opens_scoring_from_the_page(officer_client, tender):
    response = officer_client.post(reverse("call-open-scoring", args=[tender.call.pk]), follow=True)
    assert "Scoring is open." in response.content.decode()
    tender.call.refresh_from_db()
    assert tender.call.state == CallState.SCORING


def test_problems_are_shown_before_scoring_opens(officer_client, tender):
    tender.quality.weight = 10
    tender.quality.save()
    page = officer_client.get(reverse("call-overview", args=[tender.call.pk])).content.decode()
    assert "add up to 60, not 100" in page


def moderate_page(client, call, submission, cells: dict):
    """cells: {criterion: {"score" | "passed" | "rationale": typed}}, posted
    as the submission's one form names them."""
    data = {"action": "record"}
    for criterion, typed in cells.items():
        data |= {f"{name}-{submission.pk}-{criterion.pk}": value for name, value in typed.items()}
    return client.post(reverse("call-moderate-submission", args=[call.pk, submission.pk]), data)


def test_moderation_form_reshows_with_error_and_stores_nothing(officer_client, big_call):
    submission = big_call.submissions.first()
    criterion = big_call.criteria.filter(kind="scored").first()
    before = submission.moderated_scores.count()
    response = moderate_page(
        officer_client, big_call, submission, {criterion: {"score": "3", "rationale": ""}}
    )
    assert response.status_code == 400
    assert "Write the rationale for the moderated score." in response.content.decode()
    assert submission.moderated_scores.count() == before


def test_scoring_cannot_open_twice(officer_client, tender):
    call_open_scoring(call=tender.call, actor=UserFactory(roles=[roles.COMMISSIONER]))
    response = officer_client.post(reverse("call-open-scoring", args=[tender.call.pk]), follow=True)
    assert response.status_code == 200
    tender.call.refresh_from_db()
    assert tender.call.state == CallState.SCORING


def test_a_refused_moderation_is_summarised_at_the_top_and_keeps_the_score(
    officer_client, big_call
):
    submission = big_call.submissions.first()
    criterion = big_call.criteria.filter(kind="scored").first()
    response = moderate_page(
        officer_client, big_call, submission, {criterion: {"score": "3", "rationale": ""}}
    )
    page = response.content.decode()
    cell = f"{submission.pk}-{criterion.pk}"
    assert "<title>Error: " in page
    assert f'<a href="#rationale-{cell}">Write the rationale for the moderated score.</a>' in page
    assert f'id="rationale-{cell}-error"' in page
    assert '<option value="3" selected>' in page


def test_each_cell_of_the_sheet_is_a_govuk_field(officer_client, moderating):
    submission = moderating.submissions[0]
    page = officer_client.get(reverse("call-moderation", args=[moderating.call.pk])).content
    page = page.decode()
    gateway = f"{submission.pk}-{moderating.gateway.pk}"
    quality = f"{submission.pk}-{moderating.quality.pk}"
    assert f'<label class="govuk-label" for="passed-{gateway}">Gateway result</label>' in page
    assert f'<select name="passed-{gateway}" class="govuk-select" id="passed-{gateway}">' in page
    assert f'<label class="govuk-label" for="score-{quality}">Moderated score</label>' in page
    rationale = f'rows="2" class="govuk-textarea" id="rationale-{quality}">'
    assert f'<textarea name="rationale-{quality}" cols="40" {rationale}' in page
    # One form and one button per submission, not one per criterion.
    action = reverse("call-moderate-submission", args=[moderating.call.pk, submission.pk])
    assert page.count(f'action="{action}"') == 1
    assert page.count("Record moderation<") == 1


def test_the_sheet_moves_on_and_says_where_the_panel_disagrees(officer_client, moderating):
    first, second = moderating.submissions[0], moderating.submissions[1]
    sheet = reverse("call-moderation", args=[moderating.call.pk])
    page = officer_client.get(sheet).content.decode()
    assert f'id="submission-{first.pk}"' in page
    # Quality was scored 4, 2 and 4: two apart, to discuss.
    quality = moderating.quality.title
    assert f'<td class="govuk-table__cell">{quality}</td>' in page
    assert "0 of 3" in page

    officer_client.post(
        reverse("call-moderate-submission", args=[moderating.call.pk, first.pk]),
        {
            "action": "accept",
            f"passed-{first.pk}-{moderating.gateway.pk}": "yes",
            f"rationale-{first.pk}-{moderating.gateway.pk}": "Certificate seen",
            f"score-{first.pk}-{moderating.quality.pk}": "3",
            f"rationale-{first.pk}-{moderating.quality.pk}": "Agreed after discussion",
        },
    )

    after = officer_client.get(sheet).content.decode()
    assert f'id="submission-{second.pk}"' in after
    assert f'id="submission-{first.pk}"' not in after
    assert "All 3" in after
    chosen = officer_client.get(f"{sheet}?submission={first.pk}").content.decode()
    assert f'id="submission-{first.pk}"' in chosen


def test_a_gateway_without_a_rationale_keeps_the_result_chosen(officer_client, moderating):
    submission = moderating.submissions[0]
    response = moderate_page(
        officer_client,
        moderating.call,
        submission,
        {moderating.gateway: {"passed": "no", "rationale": " "}},
    )
    page = response.content.decode()
    cell = f"{submission.pk}-{moderating.gateway.pk}"
    assert response.status_code == 400
    assert f'<a href="#rationale-{cell}">' in page
    assert '<option value="no" selected>Fails</option>' in page
    assert not submission.moderated_scores.exists()


def test_a_score_not_on_the_scale_is_refused_with_a_message(officer_client, moderating):
    submission = moderating.submissions[0]
    response = moderate_page(
        officer_client,
        moderating.call,
        submission,
        {moderating.quality: {"score": "eleven", "rationale": "Agreed"}},
    )
    page = response.content.decode()
    cell = f"{submission.pk}-{moderating.quality.pk}"
    assert response.status_code == 400
    assert f'<a href="#score-{cell}">' in page
    assert "Agreed</textarea>" in page
    assert not submission.moderated_scores.exists()


def test_a_good_moderation_is_recorded(officer_client, moderating):
    submission = moderating.submissions[0]
    response = officer_client.post(
        reverse("call-moderate-submission", args=[moderating.call.pk, submission.pk]),
        {
            f"score-{submission.pk}-{moderating.quality.pk}": "3",
            f"rationale-{submission.pk}-{moderating.quality.pk}": "Agreed after discussion",
        },
        follow=True,
    )
    assert f"Recorded 1 moderated score for {submission.reference}." in (response.content.decode())
    moderated = submission.moderated_scores.get()
    assert (moderated.score, moderated.rationale) == (3, "Agreed after discussion")


def test_one_problem_keeps_every_cell_entered_and_records_none(officer_client, moderating):
    submission = moderating.submissions[0]
    response = moderate_page(
        officer_client,
        moderating.call,
        submission,
        {
            moderating.gateway: {"passed": "yes", "rationale": "Certificate seen"},
            moderating.quality: {"score": "3", "rationale": ""},
            moderating.social_value: {"score": "4", "rationale": "Local spend is clear"},
        },
    )
    page = response.content.decode()
    quality = f"{submission.pk}-{moderating.quality.pk}"
    assert response.status_code == 400
    assert f'<a href="#rationale-{quality}">Write the rationale for the moderated score.</a>' in (
        page
    )
    assert "Certificate seen</textarea>" in page
    assert "Local spend is clear</textarea>" in page
    assert '<option value="yes" selected>Passes</option>' in page
    assert '<option value="4" selected>4</option>' in page
    assert not submission.moderated_scores.exists()


def test_accepting_the_agreed_scores_fills_only_where_the_panel_agreed(officer_client, moderating):
    # Quality was scored 4, 2 and 4 (two apart: discuss); social value 3, 3
    # and 4 (agreed: 3 on the mean of 3.3).
    submission = moderating.submissions[0]
    page = officer_client.get(reverse("call-moderation", args=[moderating.call.pk])).content
    assert "The panel agreed: 3." in page.decode()
    response = officer_client.post(
        reverse("call-moderate-submission", args=[moderating.call.pk, submission.pk]),
        {
            "action": "accept",
            f"passed-{submission.pk}-{moderating.gateway.pk}": "yes",
            f"rationale-{submission.pk}-{moderating.gateway.pk}": "Certificate seen",
        },
        follow=True,
    )
    assert f"Recorded 2 moderated scores for {submission.reference}." in (response.content.decode())
    recorded = {
        row.criterion_id: (row.score, row.passed, row.rationale)
        for row in submission.moderated_scores.all()
    }
    assert recorded == {
        moderating.gateway.pk: (None, True, "Certificate seen"),
        moderating.social_value.pk: (3, None, "The panel agreed: 3, 3, 4."),
    }


def test_a_members_dashboard_for_200_submissions_runs_in_bounded_queries(
    client, big_call, django_assert_max_num_queries
):
    """Each of the 200 submissions the member scored is a line linking to
    it, with its state, read in a handful of queries whatever the count."""
    seat = big_call.panel.members.select_related("user").order_by("pk")[1]
    client.force_login(seat.user)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("panel-dashboard"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "200 of 200 done" in page
    assert page.count('class="govuk-link govuk-task-list__link"') == 200
    first = seat.assignments.order_by("submission__reference").select_related("submission")[0]
    link = reverse("panel-submission", args=[first.pk])
    assert f'href="{link}"' in page
    assert f"{first.submission.reference} {first.submission.title}</a>" in page
    assert page.count(">Scores submitted</strong>") == 200


def test_the_ranking_escapes_what_bidders_wrote(officer_client, big_call):
    """The ranking's rows are written in Python: a title or a name with
    markup in it is shown as typed, never as markup."""
    first = big_call.submissions.order_by("pk").select_related("organisation")[0]
    first.title = '<script>alert("x")</script> & lunch'
    first.save(update_fields=["title"])
    first.organisation.name = "Tom's <b>Club</b>"
    first.organisation.save(update_fields=["name"])
    page = officer_client.get(reverse("call-ranking", args=[big_call.pk])).content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; lunch" in page
    assert "Tom&#x27;s &lt;b&gt;Club&lt;/b&gt;" in page
    assert "<script>alert" not in page and "<b>Club</b>" not in page
