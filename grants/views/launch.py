"""A round's launch page: send it for approval; another officer approves it
with a reason, or sends it back; the timeline shows who did what, and why."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from foundation.audit import audit_trail_for
from grants.forms.launch import LaunchApprovalForm, LaunchSendBackForm
from grants.models import LaunchState, Round
from grants.services import launches

OFFICER = "grants.assess_application"

FORMS = {
    "approve": (LaunchApprovalForm, launches.round_launch_approve, "The launch is approved."),
    "send_back": (
        LaunchSendBackForm,
        launches.round_launch_send_back,
        "Sent back to the officer who sent it.",
    ),
}


@permission_required(OFFICER, raise_exception=True)
def round_launch(request, pk):
    round_ = get_object_or_404(Round.objects.select_related("programme", "call"), pk=pk)
    legacy = getattr(round_, "launch", None) is None and round_.is_announced()
    launch = None
    bound = {}
    if request.method == "POST" and not legacy:
        launch = launches.round_launch_start(round_=round_)
        action = request.POST.get("action", "")
        try:
            if action == "send_for_approval":
                launches.round_launch_send_for_approval(round_=round_, actor=request.user)
                messages.success(request, "Sent for approval: another officer approves it.")
                return redirect("round-launch", pk=pk)
            if action in FORMS:
                form_class, service, success = FORMS[action]
                form = bound[action] = form_class(request.POST)
                if form.is_valid():
                    service(round_=round_, actor=request.user, **form.cleaned_data)
                    messages.success(request, success)
                    return redirect("round-launch", pk=pk)
        except ValidationError as error:
            if action in bound:
                problems = error.message_dict if hasattr(error, "error_dict") else None
                for key, found in (problems or {None: error.messages}).items():
                    bound[action].add_error(key if key in bound[action].fields else None, found)
            else:
                for message in error.messages:
                    messages.error(request, message)
                return redirect("round-launch", pk=pk)
    launch = getattr(round_, "launch", None) or launch
    state = launch.state if launch else None
    return render(
        request,
        "grants/officer/round_launch.html",
        {
            "round": round_,
            "launch": launch,
            "state": state,
            "awaiting": state == LaunchState.AWAITING_APPROVAL,
            "is_sender": launch is not None and launch.sent_for_approval_by_id == request.user.pk,
            "problems": launches.round_launch_problems(round_)
            if state in (None, LaunchState.DRAFT)
            else [],
            "approval_form": bound.get("approve") or LaunchApprovalForm(),
            "send_back_form": bound.get("send_back") or LaunchSendBackForm(),
            "error_form": next(iter(bound.values()), None),
            "history": audit_trail_for(launch) if launch else [],
        },
        status=400 if bound else 200,
    )
