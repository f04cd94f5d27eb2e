from django.apps import AppConfig


class FinanceConfig(AppConfig):
    """Money out the door: due diligence before an offer, grant agreements,
    claims against budget lines, releases by the finance team and the finance
    system's payment files."""

    name = "finance"
    verbose_name = "Finance"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from finance import links, personal_data
        from finance.services import agreements, due_diligence, payments
        from grants import hooks

        # Grants cannot import finance; it asks these at its own moments.
        hooks.OFFER_SEND_CHECKS.append(due_diligence.offer_blockers)
        hooks.OFFER_SENT.append(agreements.agreement_make)
        hooks.OFFER_ACCEPT_CHECKS.append(agreements.offer_accept_blockers)
        hooks.PAYMENT_PAID_CHECKS.append(payments.payment_paid_blockers)
        hooks.OFFICER_LINKS.append(links.officer_links)
        hooks.APPLICANT_LINKS.append(links.applicant_links)
        hooks.ACCEPT_PAGES.append(links.accept_page)
        # The records naming a person, for subject access, erasure and retention.
        personal_data.register()
