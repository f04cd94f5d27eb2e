"""A grantee claims its first instalment against its budget lines with
evidence; a grants officer approves it (approving the payment) or returns
it; budget against actual is shown by line with overspends flagged."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from finance.models import Claim, ClaimState
from foundation.models import OutgoingEmail
from people import roles
from tests.organisations.factories import MembershipFactory
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def evidence():
    return SimpleUploadedFile("invoices.pdf", PDF, content_type="application/pdf")


def claim(client, grant, **spend):
    first = grant.award.payments.order_by("due_on").first()
    return first, client.post(
        reverse("finance:claim-new", args=[first.pk]),
        {**spend, "evidence": evidence()},
    )


def test_the_grantee_claims_the_first_instalment_and_an_officer_approves_it(client, grant, officer):
    client.force_login(grant.member)
    page = client.get(reverse("finance:grant", args=[grant.pk])).content.decode()
    assert "Claim this payment" in page
    first, response = claim(client, grant, line_0="2,000", line_1="500")
    assert response.status_code == 400
    assert "Your spend adds up to £2,500; it must add up to the £3,000" in (
        response.content.decode()
    )
    first, response = claim(client, grant, line_0="2,600", line_1="400")
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "Your claim is sent. A grants officer will check it." in page
    assert "Claimed</strong>" in page
    saved = Claim.objects.get()
    assert [(line.item, line.amount) for line in saved.lines.all()] == [
        ("Food", Decimal("2600.00")),
        ("Hall hire", Decimal("400.00")),
    ]
    assert client.get(reverse("finance:claim-evidence", args=[saved.pk])).status_code == 200

    client.force_login(officer)
    response = client.post(
        reverse("finance:claim-decide", args=[saved.pk]), {"decision": "approve"}
    )
    page = client.get(response.url).content.decode()
    assert "Claim approved. The finance team releases the payment." in page
    saved.refresh_from_db()
    first.refresh_from_db()
    assert saved.state == ClaimState.APPROVED
    assert first.approved_by == officer

    # Budget against actual: Food £3,000 against £2,600; Hall hire £1,500 against £400.
    assert "-£400" in page and "-£1,100" in page
    assert "Over budget" not in page


def test_a_line_claimed_over_its_budget_is_flagged(client, grant, officer):
    client.force_login(grant.member)
    claim(client, grant, line_1="3,000")
    client.force_login(officer)
    client.post(
        reverse("finance:claim-decide", args=[Claim.objects.get().pk]), {"decision": "approve"}
    )
    page = client.get(reverse("finance:grant", args=[grant.pk])).content.decode()
    assert '£1,500 <strong class="govuk-tag govuk-tag--red">Over budget</strong>' in page


def test_a_returned_claim_tells_the_grantee_why_and_can_be_made_again(client, grant, officer):
    client.force_login(grant.member)
    claim(client, grant, line_0="3,000")
    saved = Claim.objects.get()
    client.force_login(officer)
    response = client.post(
        reverse("finance:claim-decide", args=[saved.pk]),
        {"decision": "return", "reason": "The invoice is for another project"},
    )
    assert "The claim is returned to the grantee." in client.get(response.url).content.decode()
    email = OutgoingEmail.objects.get(topic="Claim returned")
    assert "The invoice is for another project" in email.body
    client.force_login(grant.member)
    _, response = claim(client, grant, line_0="3,000")
    assert response.status_code == 302
    assert Claim.objects.filter(state=ClaimState.SUBMITTED).count() == 1


def test_only_the_organisation_claims_and_only_officers_decide(client, grant):
    first = grant.award.payments.order_by("due_on").first()
    client.force_login(MembershipFactory().user)
    assert client.get(reverse("finance:claim-new", args=[first.pk])).status_code == 403
    assert client.get(reverse("finance:grant", args=[grant.pk])).status_code == 403
    client.force_login(grant.member)
    claim(client, grant, line_0="3,000")
    saved = Claim.objects.get()
    for person in (grant.member, UserFactory(roles=[roles.FINANCE_OFFICER])):
        client.force_login(person)
        response = client.post(
            reverse("finance:claim-decide", args=[saved.pk]), {"decision": "approve"}
        )
        assert response.status_code == 403
    saved.refresh_from_db()
    assert saved.state == ClaimState.SUBMITTED
