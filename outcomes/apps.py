from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    """What changed for people: monitoring return forms built per programme and
    per contract, and Key Human Indicators as instruments a council loads."""

    name = "outcomes"
    verbose_name = "Outcomes"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from commissioning import hooks as commissioning_hooks
        from grants import hooks
        from outcomes import links, personal_data

        # Grants cannot import outcomes; it asks these for its pages.
        hooks.OFFICER_LINKS.append(links.officer_links)
        hooks.APPLICANT_LINKS.append(links.applicant_links)
        hooks.RETURN_PAGES.append(links.return_page)
        # Nor can commissioning: its contract page shows the contract's returns.
        commissioning_hooks.CONTRACT_SECTIONS.append(links.contract_section)
        # The records naming a person, for subject access, erasure and retention.
        personal_data.register()
