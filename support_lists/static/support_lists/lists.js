// A list of support: "Copy the link" and "Print this list" buttons, shown
// only where the browser can do what they say.
(function () {
  document.querySelectorAll("[data-copy-from]").forEach(function (button) {
    if (!navigator.clipboard) return;
    var source = document.getElementById(button.getAttribute("data-copy-from"));
    var status = document.querySelector("[data-copy-status]");
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        if (status) status.textContent = "Link copied.";
      });
    });
  });
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
