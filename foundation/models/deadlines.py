"""Published deadlines that were moved, each kept as the notice that was
sent. A tender's bids are opened against the deadline as advertised (the
first published one and every notice since), never against a field that
could have been edited by another route."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from foundation.templatetags.uk import moment


class DeadlineChange(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    # The model field that moved, and how people call it ("closing date").
    field = models.CharField(max_length=50)
    label = models.CharField(max_length=100)
    old_value = models.DateTimeField()
    new_value = models.DateTimeField()
    reason = models.TextField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["changed_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "field"])]

    def __str__(self):
        return f"{self.label} moved from {moment(self.old_value)} to {moment(self.new_value)}"

    @property
    def is_extension(self) -> bool:
        return self.new_value > self.old_value
