from django.urls import path

from finance.views import agreements, claims, documents, due_diligence, payments

app_name = "finance"
urlpatterns = [
    path(
        "applications/<int:pk>/due-diligence/",
        due_diligence.due_diligence_page,
        name="due-diligence",
    ),
    path(
        "applications/<int:pk>/application.pdf",
        documents.application_pdf_download,
        name="application-pdf",
    ),
    path("grants/<int:pk>/agreement/", agreements.agreement_page, name="agreement"),
    path(
        "agreements/<int:pk>/agreement.pdf",
        agreements.agreement_download,
        name="agreement-download",
    ),
    path("grants/<int:pk>/", claims.grant_page, name="grant"),
    path("instalments/<int:pk>/claim/", claims.claim_new, name="claim-new"),
    path("claims/", claims.claims_waiting, name="claims"),
    path("claims/<int:pk>/decide/", claims.claim_decide, name="claim-decide"),
    path("claims/<int:pk>/evidence/", claims.claim_evidence, name="claim-evidence"),
    path("payments/", payments.payments_page, name="payments"),
    path("payments/<int:pk>/release/", payments.payment_release, name="payment-release"),
    path("payments/<int:pk>/paid/", payments.payment_paid, name="payment-paid"),
    path("payments/export/", payments.payments_export, name="payments-export"),
    path("payments/paid-file/", payments.paid_file, name="paid-file"),
]
