from django.apps import AppConfig


class SupportListsConfig(AppConfig):
    """Lists of support a person saves and shares by a private link, and the
    recommended lists link workers build for the people they support."""

    name = "support_lists"
    verbose_name = "Lists of support"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from assets.page_panels import asset_page_panel_register
        from support_lists import personal_data

        # "Add to my list" on every asset's page.
        asset_page_panel_register("support_lists/includes/add_to_list.html")
        # The records naming a person, for subject access, erasure and retention.
        personal_data.register()
