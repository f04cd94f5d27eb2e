from django.urls import path

from grants.views import applicant, deadlines, files, launch, officer, submission, waiting

urlpatterns = [
    path("rounds/", applicant.rounds_open, name="grants-rounds"),
    path("rounds/<int:round_pk>/apply/", applicant.application_start, name="application-start"),
    path("applications/", applicant.my_applications, name="my-applications"),
    path("applications/<int:pk>/", applicant.application_detail, name="application-detail"),
    path("applications/<int:pk>/edit/", applicant.application_edit, name="application-edit"),
    path("files/<int:pk>/", files.application_file, name="application-file"),
    path("applications/<int:pk>/check/", submission.application_check, name="application-check"),
    path(
        "applications/<int:pk>/submitted/",
        submission.application_submitted,
        name="application-submitted",
    ),
    path(
        "applications/<int:pk>/withdraw/",
        applicant.application_withdraw,
        name="application-withdraw",
    ),
    path("applications/<int:pk>/offer/", applicant.offer_respond, name="offer-respond"),
    path(
        "questions/<int:pk>/answer/", applicant.information_answer_view, name="information-answer"
    ),
    path("returns/<int:pk>/", applicant.monitoring_return, name="monitoring-return"),
    # Officers
    path("manage/rounds/<int:pk>/", officer.round_dashboard, name="grants-round-dashboard"),
    path(
        "manage/rounds/<int:pk>/applications/",
        officer.application_list,
        name="grants-application-list",
    ),
    path("manage/rounds/<int:pk>/deadline/", deadlines.round_deadline, name="round-deadline"),
    path("manage/rounds/<int:pk>/launch/", launch.round_launch, name="round-launch"),
    path("manage/rounds/<int:pk>/decisions/", officer.decisions, name="grants-decisions"),
    path("manage/applications/<int:pk>/", officer.application_manage, name="application-manage"),
    path(
        "manage/applications/<int:pk>/eligibility/",
        officer.eligibility_decide,
        name="application-eligibility",
    ),
    path("manage/applications/<int:pk>/ask/", officer.information_request, name="application-ask"),
    path("manage/applications/<int:pk>/panel/", officer.panel_send, name="application-panel"),
    path("manage/applications/<int:pk>/offer/", officer.offer_send, name="application-offer"),
    path(
        "manage/applications/<int:pk>/complete/",
        officer.grant_complete,
        name="application-complete",
    ),
    path("manage/payments/<int:pk>/approve/", officer.payment_approve, name="payment-approve"),
    path("manage/waiting/<slug:slug>/", waiting.waiting_list, name="grants-waiting"),
    path(
        "manage/returns/<int:pk>/reviewed/",
        waiting.monitoring_return_reviewed,
        name="monitoring-return-reviewed",
    ),
]
