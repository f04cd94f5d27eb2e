"""What each endpoint returns. Only fields a page already shows the same
reader: nothing of a bid, nothing naming a person."""

from rest_framework import serializers

from assets.models import Asset
from commissioning.models import Contract, Lot, Tender
from grants.models import Application, Award, Payment, Round
from open_data.threesixty import INDIVIDUAL_FORMS


class RoundSerializer(serializers.ModelSerializer):
    programme = serializers.CharField(source="programme.name")

    class Meta:
        model = Round
        fields = [
            "id",
            "title",
            "slug",
            "programme",
            "description",
            "opens_at",
            "closes_at",
            "minimum_award",
            "maximum_award",
        ]


class TenderSerializer(serializers.ModelSerializer):
    class Meta:
        model = Tender
        fields = [
            "id",
            "title",
            "description",
            "state",
            "procedure",
            "estimated_value",
            "clarification_deadline",
            "submission_deadline",
            "expected_award",
            "contract_starts",
            "contract_ends",
        ]


class GrantAwardSerializer(serializers.ModelSerializer):
    """A published grant. A grant to a sole trader names no one."""

    recipient = serializers.SerializerMethodField()
    title = serializers.SerializerMethodField()
    programme = serializers.CharField(source="round.programme.name")
    amount = serializers.DecimalField(source="approved_amount", max_digits=12, decimal_places=2)
    decided_at = serializers.DateTimeField()

    class Meta:
        model = Application
        fields = ["reference", "title", "recipient", "programme", "amount", "decided_at"]

    def get_recipient(self, application) -> str:
        if application.organisation.legal_form in INDIVIDUAL_FORMS:
            return "An individual"
        return application.organisation.name

    def get_title(self, application) -> str:
        if application.organisation.legal_form in INDIVIDUAL_FORMS:
            return "Grant to an individual"
        return application.project_title


class ContractAwardSerializer(serializers.ModelSerializer):
    tender = serializers.CharField(source="tender.title")
    tender_id = serializers.IntegerField(source="tender.pk")
    supplier = serializers.CharField(source="winner.organisation.name")
    award_reason = serializers.CharField()

    class Meta:
        model = Lot
        fields = ["id", "tender_id", "tender", "number", "title", "supplier", "award_reason"]


class AssetSerializer(serializers.ModelSerializer):
    neighbourhoods = serializers.SlugRelatedField(many=True, read_only=True, slug_field="slug")
    organisation = serializers.CharField(source="organisation.name", allow_null=True, default=None)
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)

    class Meta:
        model = Asset
        fields = [
            "id",
            "kind",
            "name",
            "description",
            "status",
            "organisation",
            "neighbourhoods",
            "postcode",
            "latitude",
            "longitude",
            "availability",
            "cost",
            "website",
            "last_confirmed",
        ]


class ApplicationSerializer(serializers.ModelSerializer):
    round = serializers.CharField(source="round.title")
    organisation = serializers.CharField(source="organisation.name")

    class Meta:
        model = Application
        fields = [
            "id",
            "reference",
            "project_title",
            "round",
            "organisation",
            "state",
            "amount_requested",
            "approved_amount",
            "submitted_at",
            "decided_at",
        ]


class GrantSerializer(serializers.ModelSerializer):
    reference = serializers.CharField(source="application.reference")
    project_title = serializers.CharField(source="application.project_title")
    organisation = serializers.CharField(source="application.organisation.name")
    state = serializers.CharField(source="application.state")

    class Meta:
        model = Award
        fields = [
            "id",
            "reference",
            "project_title",
            "organisation",
            "state",
            "amount",
            "starts_on",
            "ends_on",
        ]


class PaymentDueSerializer(serializers.ModelSerializer):
    grant = serializers.CharField(source="award.application.reference")
    organisation = serializers.CharField(source="award.application.organisation.name")

    class Meta:
        model = Payment
        fields = ["id", "grant", "organisation", "due_on", "amount", "approved_at"]


class ContractSerializer(serializers.ModelSerializer):
    tender = serializers.CharField(source="lot.tender.title")
    lot = serializers.CharField(source="lot.title")
    supplier = serializers.CharField(source="supplier.name")

    class Meta:
        model = Contract
        fields = ["id", "tender", "lot", "supplier", "value", "starts_on", "ends_on", "kpis"]
