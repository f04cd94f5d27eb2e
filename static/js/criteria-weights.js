// The criteria page adds the weights up as they are typed: the total of
// scored and price criteria (100 is needed) and the share social value
// carries against the PPN 06/20 floor. The server checks the same on save;
// without this script nothing is lost but the running total.
(function () {
  var form = document.querySelector("form[data-weights]");
  if (!form) return;
  var floor = parseFloat(form.getAttribute("data-floor")) || 10;
  var status = form.querySelector("[data-weights-total]");

  function rows() {
    return Array.prototype.slice.call(form.querySelectorAll("fieldset"));
  }

  function number(text) {
    var value = parseFloat(String(text || "").replace("%", "").trim());
    return isNaN(value) ? 0 : value;
  }

  function update() {
    var total = 0;
    var social = 0;
    rows().forEach(function (row) {
      var title = row.querySelector("input[name$='-title']");
      var kind = row.querySelector("select[name$='-kind']");
      var weight = row.querySelector("input[name$='-weight']");
      var isSocial = row.querySelector("input[name$='-is_social_value']");
      if (!title || !title.value.trim() || !kind || kind.value === "gateway") return;
      var value = number(weight && weight.value);
      total += value;
      if (isSocial && isSocial.checked && kind.value === "scored") social += value;
    });
    var problems = [];
    if (total !== 100) problems.push("The weights add up to " + total + ", not 100.");
    if (social < floor) {
      problems.push(
        "Social value carries " + social + "%; a tender needs at least " + floor + "% (PPN 06/20)."
      );
    }
    status.hidden = false;
    status.textContent = problems.length
      ? problems.join(" ")
      : "The weights add up to 100 and social value carries " + social + "%.";
  }

  form.addEventListener("input", update);
  form.addEventListener("change", update);
  update();
})();
