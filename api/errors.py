"""Every refusal as JSON with a reason, never an HTML page or a 500."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(error, context):
    if isinstance(error, DjangoValidationError):
        error = exceptions.ValidationError(detail=error.messages)
    return drf_exception_handler(error, context)
