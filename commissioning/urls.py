from django.urls import path

from commissioning.views import bidder, commissioner, contracts, deadlines, documents, set_up

urlpatterns = [
    path("tenders/", bidder.tenders_open, name="tenders-open"),
    path("tenders/<int:pk>/", bidder.tender_public, name="tender-public"),
    path("tenders/<int:pk>/interest/", bidder.interest_register, name="tender-interest"),
    path("tenders/<int:pk>/ask/", bidder.clarification_ask, name="tender-ask"),
    path("lots/<int:lot_pk>/bid/", bidder.bid_start, name="bid-start"),
    path("bids/<int:pk>/", bidder.bid_detail, name="bid-detail"),
    path("bids/<int:pk>/edit/", bidder.bid_edit, name="bid-edit"),
    path("bids/<int:pk>/check/", bidder.bid_check, name="bid-check"),
    path("bids/<int:pk>/submitted/", bidder.bid_submitted, name="bid-submitted"),
    path("bids/<int:pk>/withdraw/", bidder.bid_withdraw, name="bid-withdraw"),
    path("bids/<int:pk>/bid.pdf", documents.bid_pdf_download, name="bid-pdf"),
    path("contracts/<int:pk>/", contracts.contract_detail, name="contract-detail"),
    path("letters/<int:pk>/", contracts.outcome_letter, name="outcome-letter"),
    path("bid-files/<int:pk>/", bidder.bid_file, name="bid-file"),
    path("tender-documents/<int:pk>/", bidder.tender_document, name="tender-document"),
    path("api/bids/<int:pk>/", commissioner.bid_api, name="bid-api"),
    # Commissioners
    path("manage/", commissioner.pipeline, name="commissioning-pipeline"),
    path("manage/commissions/<int:pk>/", commissioner.commission_detail, name="commission-detail"),
    # A commission's set-up, a page per task, in the task list's order.
    path("manage/commissions/new/", set_up.commission_new, name="commission-new"),
    path("manage/commissions/<int:pk>/need/", set_up.need, name="set-up-need"),
    path("manage/commissions/<int:pk>/appraisal/", set_up.appraisal, name="set-up-appraisal"),
    path("manage/commissions/<int:pk>/tender/", set_up.tender_details, name="set-up-tender"),
    path("manage/commissions/<int:pk>/criteria/", set_up.criteria, name="set-up-criteria"),
    path("manage/commissions/<int:pk>/lots/", set_up.lots, name="set-up-lots"),
    path("manage/commissions/<int:pk>/questions/", set_up.questions, name="set-up-questions"),
    path("manage/commissions/<int:pk>/documents/", set_up.documents, name="set-up-documents"),
    path("manage/tenders/<int:pk>/", commissioner.tender_manage, name="tender-manage"),
    path("manage/tenders/<int:pk>/bids.csv", commissioner.bids_csv, name="tender-bids-csv"),
    path("manage/tenders/<int:pk>/letters/", commissioner.award_letters, name="award-letters"),
    path(
        "manage/commissions/<int:pk>/interest/",
        commissioner.expression_of_interest,
        name="commission-interest",
    ),
    path("manage/tenders/<int:pk>/deadline/", deadlines.tender_deadline, name="tender-deadline"),
    path("manage/tenders/<int:pk>/<str:action>/", commissioner.tender_action, name="tender-action"),
    path("manage/bids/<int:pk>/compliance/", commissioner.bid_compliance, name="bid-compliance"),
    path(
        "manage/clarifications/<int:pk>/publish/",
        commissioner.clarification_publish,
        name="clarification-publish",
    ),
]
