from django.urls import path

from reminders.views import settings

urlpatterns = [
    path("reminders/", settings.reminder_settings, name="reminder-settings"),
]
