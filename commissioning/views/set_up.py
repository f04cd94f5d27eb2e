"""A commission's set-up tasks, each its own page with its own form, back
to the task list once saved. A form that comes back with problems is shown
as typed, with its errors, and the page answers 400."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from commissioning.forms import AppraisalForm, errors_onto
from commissioning.models import Commission, Lot, TenderDocument, TenderState
from commissioning.services import appraisal as appraisal_services
from commissioning.services import set_up as services
from commissioning.services.tenders import unasked_criteria_problems
from commissioning.set_up import commission_tender
from commissioning.set_up_forms import (
    CommissionForm,
    CriteriaForm,
    DocumentForm,
    LotForm,
    QuestionForm,
    TenderDetailsForm,
)

RUN = "commissioning.run_tender"


def _task_page(request, commission, template, form, *, status=None, **context):
    tender = commission_tender(commission)
    return render(
        request,
        f"commissioning/set_up/{template}.html",
        {
            "commission": commission,
            "tender": tender,
            "locked": tender is not None and tender.state != TenderState.DRAFT,
            "form": form,
            **context,
        },
        status=status or (400 if form is not None and form.is_bound else 200),
    )


def _saved(request, commission, message):
    messages.success(request, message)
    return redirect("commission-detail", pk=commission.pk)


def _tender_or_list(request, commission):
    """The tender whose set-up a task changes; before there is one, the task
    list says to give its details first."""
    tender = commission_tender(commission)
    if tender is None:
        messages.error(request, "Give the tender's details and procedure first.")
    return tender


@permission_required(RUN, raise_exception=True)
def commission_new(request):
    form = CommissionForm(request.POST or None)
    if form.is_valid():
        commission = services.commission_create(actor=request.user, **form.cleaned_data)
        return _saved(request, commission, "The commission is created. Now set it up.")
    return render(
        request,
        "commissioning/set_up/need.html",
        {"form": form, "commission": None},
        status=400 if form.is_bound else 200,
    )


@permission_required(RUN, raise_exception=True)
def need(request, pk):
    commission = get_object_or_404(Commission, pk=pk)
    initial = {
        "title": commission.title,
        "need": commission.need,
        "neighbourhoods": list(commission.neighbourhoods.all()),
    }
    form = CommissionForm(request.POST or None, initial=initial)
    if form.is_valid():
        services.commission_update(commission=commission, actor=request.user, **form.cleaned_data)
        return _saved(request, commission, "The need and neighbourhoods are saved.")
    return _task_page(request, commission, "need", form)


@permission_required(RUN, raise_exception=True)
def appraisal(request, pk):
    commission = get_object_or_404(Commission, pk=pk)
    recorded = getattr(commission, "appraisal", None)
    form = AppraisalForm(request.POST or None, initial=AppraisalForm.initial_from(recorded))
    if form.is_valid():
        try:
            appraisal_services.appraisal_record(
                commission=commission, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            errors_onto(form, error)
        else:
            return _saved(request, commission, "The options appraisal is recorded.")
    return _task_page(request, commission, "appraisal", form, recorded=recorded)


@permission_required(RUN, raise_exception=True)
def tender_details(request, pk):
    commission = get_object_or_404(Commission, pk=pk)
    form = TenderDetailsForm(
        request.POST or None,
        initial=TenderDetailsForm.initial_from(commission_tender(commission)),
    )
    if form.is_valid():
        try:
            services.tender_details_save(
                commission=commission, actor=request.user, **form.details()
            )
        except ValidationError as error:
            errors_onto(form, error, field_for=TenderDetailsForm.FIELD_FOR.get)
        else:
            return _saved(request, commission, "The tender's details are saved.")
    return _task_page(request, commission, "tender", form)


@permission_required(RUN, raise_exception=True)
def criteria(request, pk):
    commission = get_object_or_404(Commission, pk=pk)
    tender = _tender_or_list(request, commission)
    if tender is None:
        return redirect("commission-detail", pk=pk)
    call = tender.call
    form = CriteriaForm(
        request.POST or None,
        criteria=call.criteria.order_by("sort_order", "pk"),
        initial={"panel": call.panel_id},
    )
    if form.is_valid():
        try:
            services.criteria_save(
                tender=tender,
                actor=request.user,
                criteria=form.criteria(),
                panel=form.cleaned_data["panel"],
            )
        except ValidationError as error:
            errors_onto(form, error)
        else:
            return _saved(request, commission, "The criteria and weights are saved.")
    return _task_page(
        request, commission, "criteria", form, floor=call.social_value_floor.normalize()
    )


def _listing_task(request, commission, template, form_for, add, remove, list_of, extra=None):
    """A task that builds a list (lots, questions, documents): the page
    lists what is there, each with a Remove button, and a form to add one."""
    tender = _tender_or_list(request, commission)
    if tender is None:
        return redirect("commission-detail", pk=commission.pk)
    form = None
    if request.method == "POST":
        try:
            if "remove" in request.POST:
                remove(tender, request.POST["remove"])
                messages.success(request, "Removed.")
                return redirect(request.path)
            form = form_for(tender, request.POST, request.FILES)
            if form.is_valid():
                add(tender, form)
                messages.success(request, "Added.")
                return redirect(request.path)
        except ValidationError as error:
            form = form or form_for(tender, None, None)
            errors_onto(form, error)
            if not form.is_bound:
                for message in error.messages:
                    messages.error(request, message)
                return redirect(request.path)
    return _task_page(
        request,
        commission,
        template,
        form or form_for(tender, None, None),
        status=400 if form is not None else 200,
        items=list_of(tender),
        **(extra(tender) if extra else {}),
    )


@permission_required(RUN, raise_exception=True)
def lots(request, pk):
    commission = get_object_or_404(Commission, pk=pk)

    def remove(tender, lot_pk):
        lot = Lot.objects.filter(tender=tender, pk=lot_pk).first()
        if lot is not None:
            services.lot_remove(lot=lot, actor=request.user)

    return _listing_task(
        request,
        commission,
        "lots",
        lambda tender, data, files: LotForm(data),
        lambda tender, form: services.lot_add(
            tender=tender, actor=request.user, **form.cleaned_data
        ),
        remove,
        lambda tender: tender.lots.all(),
    )


@permission_required(RUN, raise_exception=True)
def questions(request, pk):
    commission = get_object_or_404(Commission, pk=pk)
    return _listing_task(
        request,
        commission,
        "questions",
        lambda tender, data, files: QuestionForm(data, call=tender.call),
        lambda tender, form: services.question_add(
            tender=tender, actor=request.user, **form.cleaned_data
        ),
        lambda tender, block_id: services.question_remove(
            tender=tender, actor=request.user, question_id=block_id
        ),
        lambda tender: [
            (block.id, block.value["label"], block.value["help_text"]) for block in tender.questions
        ],
        lambda tender: {"problems": unasked_criteria_problems(tender)},
    )


@permission_required(RUN, raise_exception=True)
def documents(request, pk):
    commission = get_object_or_404(Commission, pk=pk)

    def remove(tender, document_pk):
        document = TenderDocument.objects.filter(tender=tender, pk=document_pk).first()
        if document is not None:
            services.document_remove(document=document, actor=request.user)

    return _listing_task(
        request,
        commission,
        "documents",
        lambda tender, data, files: DocumentForm(data, files),
        lambda tender, form: services.document_add(
            tender=tender, actor=request.user, **form.cleaned_data
        ),
        remove,
        lambda tender: tender.documents.all(),
    )
