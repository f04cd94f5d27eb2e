from django.urls import path

from commissioning.views import bidder, commissioner, contracts, deadlines

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
    path("contracts/<int:pk>/", contracts.contract_detail, name="contract-detail"),
    path("bid-files/<int:pk>/", bidder.bid_file, name="bid-file"),
    path("tender-documents/<int:pk>/", bidder.tender_document, name="tender-document"),
    path("api/bids/<int:pk>/", commissioner.bid_api, name="bid-api"),
    # Commissioners
    path("manage/", commissioner.pipeline, name="commissioning-pipeline"),
    path("manage/commissions/<int:pk>/", commissioner.commission_detail, name="commission-detail"),
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
