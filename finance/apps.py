from django.apps import AppConfig


class FinanceConfig(AppConfig):
    """Money out the door: due diligence before an offer, grant agreements,
    claims against budget lines, releases by the finance team and the finance
    system's payment files."""

    name = "finance"
    verbose_name = "Finance"
    default_auto_field = "django.db.models.BigAutoField"
