"""Framework versions: read the whole tree, publish a draft, start a new
version from a published one."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from django_fsm import TransitionNotAllowed

from social_value.models import Framework
from social_value.services.framework import framework_new_version, framework_publish


@permission_required("social_value.view_framework", raise_exception=True)
def framework_list(request):
    frameworks = Framework.objects.prefetch_related("themes__outcomes__measures").order_by(
        "name", "-version"
    )
    return render(request, "social_value/framework_list.html", {"frameworks": frameworks})


@require_POST
@permission_required("social_value.change_framework", raise_exception=True)
def framework_publish_view(request, pk):
    framework = get_object_or_404(Framework, pk=pk)
    try:
        framework_publish(framework=framework, actor=request.user)
    except (TransitionNotAllowed, ValidationError):
        messages.error(request, "Only a draft with at least one measure can be published.")
    else:
        messages.success(request, f"{framework.name} version {framework.version} is published.")
    return redirect("framework-list")


@require_POST
@permission_required("social_value.add_framework", raise_exception=True)
def framework_new_version_view(request, pk):
    framework = get_object_or_404(Framework, pk=pk)
    draft = framework_new_version(framework=framework, actor=request.user)
    messages.success(request, f"Version {draft.version} is a draft copy you can now edit.")
    return redirect("framework-list")
