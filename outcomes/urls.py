from django.urls import path

from outcomes.views import anonymous, contracts, officer, people, returns

app_name = "outcomes"
urlpatterns = [
    path("returns/<int:pk>/", returns.monitoring_return, name="return"),
    path("grants/<int:pk>/people/", people.people_say, name="people-say"),
    path("grants/<int:pk>/people/<int:instrument_pk>/link/", people.link_make, name="link-make"),
    path("grants/<int:pk>/links/<int:link_pk>/close/", people.link_close, name="link-close"),
    path(
        "grants/<int:pk>/people/<int:instrument_pk>/enter/",
        people.answers_enter,
        name="answers-enter",
    ),
    path("manage/grants/<int:pk>/", officer.grant_monitoring, name="grant-monitoring"),
    path("contract-returns/<int:pk>/", contracts.contract_return, name="contract-return"),
    path(
        "manage/contracts/<int:pk>/returns/",
        contracts.contract_schedule,
        name="contract-schedule",
    ),
    # Anonymous: the token is the only key, and it cannot be guessed.
    path("a/<str:token>/", anonymous.answer, name="answer"),
    path("a/<str:token>/thanks/", anonymous.thanks, name="answer-thanks"),
]
