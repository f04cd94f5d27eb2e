"""The applicant's pages: open rounds, applying, following an application,
answering questions, accepting the offer, filing returns."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from foundation.deadlines import deadline_changes
from grants import hooks, selectors
from grants.eligibility import eligibility_checks
from grants.forms import (
    AcceptOfferForm,
    ApplyingOrganisationForm,
    CoreAnswersForm,
    InformationAnswerForm,
    MonitoringReturnForm,
    ReasonForm,
    RoundApplyForm,
)
from grants.models import (
    BEFORE_DECISION,
    Application,
    InformationRequest,
    MonitoringReturn,
    Round,
    State,
)
from grants.questions import answers_for_display, build_application_form
from grants.services import applying, awards
from grants.services.assessment import information_answer
from organisations.selectors import membership_for, organisations_of
from social_value.promises import PromisesForm, framework_measures, promises_valued
from social_value.selectors import commitments_delivery


def _errors_onto(error: ValidationError, *forms) -> None:
    """Put each problem next to its field, whichever form holds it."""
    problems = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
    for field, messages_ in problems.items():
        target = next((f for f in forms if field in f.fields), forms[0])
        target.add_error(field if field in target.fields else None, messages_)


def _own_application(request, pk) -> Application:
    application = get_object_or_404(
        Application.objects.select_related("round__programme", "organisation"), pk=pk
    )
    if membership_for(user=request.user, organisation=application.organisation) is None:
        raise PermissionDenied("This application belongs to another organisation.")
    return application


@login_required
def rounds_open(request):
    """Each open round, with the organisation to apply for beside it; the
    start page checks the choice."""
    organisations = organisations_of(user=request.user)
    rounds = [
        (
            round_,
            RoundApplyForm(organisations=organisations, auto_id=f"id_round-{round_.pk}-%s")
            if organisations
            else None,
        )
        for round_ in selectors.rounds_open()
    ]
    return render(request, "grants/rounds_open.html", {"rounds": rounds})


@login_required
def application_start(request, round_pk):
    """Ask which of the person's organisations is applying, then start."""
    round_ = get_object_or_404(Round, pk=round_pk)
    organisations = organisations_of(user=request.user)
    form = ApplyingOrganisationForm(
        request.POST if request.method == "POST" else None, organisations=organisations
    )
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"]
        # One application per organisation and round: starting again leads
        # to the one there is, whoever in the organisation began it.
        existing = Application.objects.filter(round=round_, organisation=organisation).first()
        if existing is not None and existing.state == State.DRAFT:
            messages.info(request, f"{organisation.name} already has a draft: carry on with it.")
            return redirect("application-edit", pk=existing.pk)
        if existing is not None:
            messages.info(request, f"{organisation.name} has already applied to this round.")
            return redirect("application-detail", pk=existing.pk)
        try:
            application = applying.application_start(
                round_=round_, organisation=organisation, actor=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("grants-rounds")
        return redirect("application-edit", pk=application.pk)
    return render(
        request,
        "grants/application_start.html",
        {
            "round": round_,
            "form": form,
            "has_organisations": organisations.exists(),
            "date_changes": list(deadline_changes(round_)),
        },
        status=400 if form.errors else 200,
    )


@login_required
def my_applications(request):
    applications = selectors.applications_of_user(user=request.user)
    return render(
        request,
        "grants/my_applications.html",
        {"rows": [(a, selectors.next_step(a)) for a in applications]},
    )


def _latest_documents(application) -> list:
    """The answer to each file question: its latest upload."""
    return list({d.question_id: d for d in application.documents.all()}.values())


def _files_of(application):
    return {d.question_id: d.original_name for d in application.documents.all()}


def _promises_form(application, data=None):
    return PromisesForm(
        data,
        measures=framework_measures(application.round.call.framework),
        initial_promises=application.promises,
    )


def _edit_page(request, application, core, questions, *, promises=None, stale=None, status=200):
    promises = promises or _promises_form(application)
    promised, promised_total = promises_valued(promises.measures, application.promises)
    problems = applying.application_problems(application)
    return render(
        request,
        "grants/application_edit.html",
        {
            "application": application,
            "core": core,
            "questions": questions,
            "promises": promises,
            "promised_total": promised_total if promised else None,
            "stale": stale,
            "sections": selectors.application_sections(application, problems),
            # The saved draft is complete: the check page can be opened directly.
            "ready": not problems,
            "closes": applying.closes_in_words(application.round),
            "date_changes": list(deadline_changes(application.round)),
            "other_answers": answers_for_display(
                application.round.questions, stale.answers, files=_files_of(stale)
            )
            if stale
            else None,
        },
        status=status,
    )


def _draft_changes(application, core, questions, promises) -> applying.DraftChanges:
    """What the forms hold that is sound; an answer with a problem keeps
    what was saved before."""
    core_data = core.cleaned_data
    answers = questions.answers()
    for block in questions.questions:
        key = str(block.id)
        if f"q_{block.id}" in questions.errors and key in application.answers:
            answers[key] = application.answers[key]
    return applying.DraftChanges(
        project_title=core_data.get("project_title", application.project_title) or "",
        amount_requested=core_data.get("amount_requested", application.amount_requested),
        annual_income=core_data.get("annual_income", application.annual_income),
        answers=answers,
        files=questions.uploaded_files(),
        promises=promises.promises() if promises.is_valid() else application.promises,
    )


@login_required
def application_edit(request, pk):
    application = _own_application(request, pk)
    if application.state != State.DRAFT:
        return redirect("application-detail", pk=application.pk)
    files = _files_of(application)
    if request.method != "POST":
        core = CoreAnswersForm(instance=application, initial={"version": application.version})
        questions = build_application_form(
            application.round.questions, initial=application.answers, existing_files=files
        )
        return _edit_page(request, application, core, questions)

    core = CoreAnswersForm(request.POST, instance=application)
    questions = build_application_form(
        application.round.questions,
        data=request.POST,
        files=request.FILES,
        existing_files=files,
    )
    promises = _promises_form(application, request.POST)
    sound = [form.is_valid() for form in (core, questions, promises)]
    if "version" in core.errors:
        return _edit_page(request, application, core, questions, promises=promises, status=400)
    changes = _draft_changes(application, core, questions, promises)
    try:
        application = applying.application_save(
            application=application,
            actor=request.user,
            expected_version=core.cleaned_data["version"],
            changes=changes,
        )
    except applying.StaleEdit as stale:
        core.add_error(
            None,
            f"{stale.current.updated_by} saved this application after you opened it. "
            "Your changes are not saved: their version is shown below. Copy anything you "
            "need, then reload the page to carry on.",
        )
        return _edit_page(request, application, core, questions, stale=stale.current, status=409)
    if not all(sound):
        # A draft need not be complete: every sound answer is saved, and
        # only the ones with a problem are shown again to put right.
        core.data = core.data.copy()
        core.data["version"] = application.version
        messages.info(request, "Your other answers are saved. Put right the ones shown below.")
        return _edit_page(request, application, core, questions, promises=promises, status=400)
    if request.POST.get("action") == "check":
        return redirect("application-check", pk=application.pk)
    if request.POST.get("action") != "submit":
        messages.success(request, "Your draft is saved.")
        return redirect("application-edit", pk=application.pk)
    try:
        applying.application_submit(application=application, actor=request.user)
    except ValidationError as error:
        core = CoreAnswersForm(
            request.POST, instance=application, initial={"version": application.version}
        )
        core.data = core.data.copy()
        core.data["version"] = application.version
        questions = build_application_form(
            application.round.questions, data=request.POST, existing_files=_files_of(application)
        )
        core.is_valid(), questions.is_valid()
        _errors_onto(error, core, questions)
        return _edit_page(request, application, core, questions, status=400)
    messages.success(request, f"Application {application.reference} is submitted. Thank you.")
    return redirect("application-detail", pk=application.pk)


@login_required
def application_detail(request, pk):
    application = _own_application(request, pk)
    award = getattr(application, "award", None)
    return render(
        request,
        "grants/application_detail.html",
        {
            "application": application,
            "next_step": selectors.next_step(application),
            "answers": answers_for_display(
                application.round.questions, application.answers, files=_files_of(application)
            ),
            "requests": application.information_requests.all(),
            "documents": _latest_documents(application),
            "answer_form": InformationAnswerForm(),
            "award": award,
            "accept_form": AcceptOfferForm(),
            # The agreement to sign, its PDF, claims: pages of the apps built on grants.
            "accept_page": hooks.accept_page(application) if award else "",
            "applicant_links": hooks.applicant_links(application, request.user),
            "history": selectors.application_history(application),
            "date_changes": list(deadline_changes(application.round)),
            "can_withdraw": application.state in BEFORE_DECISION,
            "eligibility": eligibility_checks(application)
            if application.state == State.INELIGIBLE
            else None,
        },
    )


@login_required
@require_POST
def information_answer_view(request, pk):
    request_ = get_object_or_404(InformationRequest.objects.select_related("application"), pk=pk)
    _own_application(request, request_.application_id)
    form = InformationAnswerForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError({"answer": "Write your answer."})
        information_answer(request=request_, actor=request.user, answer=form.cleaned_data["answer"])
        messages.success(request, "Thank you: your answer is with the officer.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("application-detail", pk=request_.application_id)


@login_required
@require_POST
def offer_respond(request, pk):
    application = _own_application(request, pk)
    try:
        if request.POST.get("action") == "refuse":  # the button pressed
            reason = ReasonForm(request.POST)
            reason.is_valid()  # an optional text box: always sound
            awards.offer_refuse(
                application=application,
                actor=request.user,
                reason=reason.cleaned_data.get("reason", ""),
            )
            messages.success(request, "You have declined the offer.")
        else:
            form = AcceptOfferForm(request.POST)
            form.is_valid()
            awards.offer_accept(
                application=application,
                actor=request.user,
                signed_name=form.cleaned_data.get("signed_name", ""),
            )
            messages.success(request, "Thank you: the offer is accepted.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("application-detail", pk=application.pk)


@login_required
@require_POST
def application_withdraw(request, pk):
    application = _own_application(request, pk)
    form = ReasonForm(request.POST)
    form.is_valid()
    try:
        applying.application_withdraw(
            application=application, actor=request.user, reason=form.cleaned_data.get("reason", "")
        )
        messages.success(request, "The application is withdrawn.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("application-detail", pk=application.pk)


@login_required
def monitoring_return(request, pk):
    return_ = get_object_or_404(
        MonitoringReturn.objects.select_related("award__application__round"), pk=pk
    )
    application = _own_application(request, return_.award.application_id)
    # A programme that asks its own questions files returns on its own page.
    if own_page := hooks.return_page(return_):
        return redirect(own_page)
    commitments = (
        [line.commitment for line in commitments_delivery(submission=application.submission)]
        if application.submission_id
        else []
    )
    form = MonitoringReturnForm(
        request.POST if request.method == "POST" else None, commitments=commitments
    )
    if request.method == "POST" and form.is_valid():
        try:
            awards.monitoring_return_submit(
                monitoring_return=return_,
                actor=request.user,
                narrative=form.cleaned_data["narrative"] or "",
                spend_to_date=form.cleaned_data["spend_to_date"],
                outcomes=form.cleaned_data["outcomes"] or "",
                connections_helped=form.cleaned_data["connections_helped"],
                delivered=form.delivered(),
            )
        except ValidationError as error:
            _errors_onto(error, form)
        else:
            messages.success(request, "Thank you: your return is sent.")
            return redirect("application-detail", pk=application.pk)
    return render(
        request,
        "grants/monitoring_return.html",
        {"form": form, "return": return_, "application": application},
        status=400 if form.errors else 200,
    )
