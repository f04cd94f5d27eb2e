from django.urls import path

from social_value.views import frameworks, moderation, officer, panel

urlpatterns = [
    path("frameworks/", frameworks.framework_list, name="framework-list"),
    path(
        "frameworks/<int:pk>/publish/",
        frameworks.framework_publish_view,
        name="framework-publish",
    ),
    path(
        "frameworks/<int:pk>/new-version/",
        frameworks.framework_new_version_view,
        name="framework-new-version",
    ),
    path("panel/", panel.panel_dashboard, name="panel-dashboard"),
    path("assignments/<int:pk>/", panel.panel_submission, name="panel-submission"),
    path("assignments/<int:pk>/declare/", panel.panel_declare, name="panel-declare"),
    path("assignments/<int:pk>/score/", panel.panel_score, name="panel-score"),
    path("calls/<int:pk>/", officer.call_overview, name="call-overview"),
    path("calls/<int:pk>/open-scoring/", officer.call_open_scoring, name="call-open-scoring"),
    path("calls/<int:pk>/assign/", officer.call_assign, name="call-assign"),
    path(
        "calls/<int:pk>/open-moderation/",
        officer.call_open_moderation,
        name="call-open-moderation",
    ),
    path("calls/<int:pk>/moderation/", moderation.call_moderation, name="call-moderation"),
    path(
        "calls/<int:pk>/moderation/<int:submission_pk>/",
        moderation.call_moderate_submission,
        name="call-moderate-submission",
    ),
    path("calls/<int:pk>/ranking/", officer.call_ranking, name="call-ranking"),
    path(
        "calls/<int:pk>/ranking/confirm/", officer.call_confirm_ranking, name="call-confirm-ranking"
    ),
    path("calls/<int:pk>/ranking.csv", officer.call_ranking_csv, name="call-ranking-csv"),
]
