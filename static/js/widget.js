// The community directory's search, for another site's page. The host page
// holds an element such as
//   <div data-common-ground-search data-neighbourhood="old-town" data-topic="food"></div>
// and loads this script from the directory's site. Everything here is plain
// HTML built with DOM methods (nothing from the answers is read as markup),
// styled by the host's own stylesheet, and asks with no cookies.
(function () {
  const script = document.currentScript;
  const origin = new URL(script ? script.src : window.location.href).origin;
  let made = 0;

  function element(tag, properties, ...children) {
    const node = document.createElement(tag);
    Object.assign(node, properties || {});
    node.append(...children.filter((child) => child !== null && child !== undefined));
    return node;
  }

  function field(id, labelText, input) {
    input.id = id;
    return element(
      "div",
      { className: "cg-search__field" },
      element("label", { htmlFor: id, textContent: labelText }),
      input,
    );
  }

  function resultItem(result) {
    const facts = [result.distance, result.kind, ...result.neighbourhoods].filter(Boolean);
    return element(
      "li",
      { className: "cg-search__result" },
      element("a", { href: result.url, textContent: result.name }),
      element("p", { textContent: facts.join(" · ") }),
      result.opening_times ? element("p", { textContent: `When: ${result.opening_times}` }) : null,
      result.cost ? element("p", { textContent: `Cost: ${result.cost}` }) : null,
    );
  }

  function searchBox(host) {
    made += 1;
    const id = `cg-search-${made}`;
    const title = host.dataset.title || "Find local support";
    const words = element("input", { type: "search", name: "q", autocomplete: "off" });
    const postcode = element("input", {
      type: "text",
      name: "postcode",
      autocomplete: "postal-code",
      size: 8,
    });
    const status = element("p", { className: "cg-search__status" });
    status.setAttribute("role", "status");
    const list = element("ol", { className: "cg-search__results" });
    list.setAttribute("aria-labelledby", `${id}-title`);
    const form = element(
      "form",
      { className: "cg-search__form" },
      field(`${id}-words`, "What are you looking for?", words),
      field(`${id}-postcode`, "Your postcode (optional, to see what is nearest)", postcode),
      element("button", { type: "submit", textContent: "Search" }),
    );
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", title);
    const section = element(
      "section",
      { className: "cg-search" },
      element("h2", { id: `${id}-title`, textContent: title }),
      form,
      status,
      list,
      element(
        "p",
        { className: "cg-search__credit" },
        "From the ",
        element("a", { href: `${origin}/assets/`, textContent: "community directory" }),
        ".",
      ),
    );
    section.setAttribute("aria-labelledby", `${id}-title`);
    host.replaceChildren(section);

    function run() {
      const query = new URLSearchParams({
        q: words.value.trim(),
        postcode: postcode.value.trim(),
        neighbourhood: host.dataset.neighbourhood || "",
        topic: host.dataset.topic || "",
      });
      status.textContent = "Searching…";
      fetch(`${origin}/widget/search.json?${query}`, { credentials: "omit", mode: "cors" })
        .then((response) => {
          if (!response.ok) throw new Error(`The search answered ${response.status}`);
          return response.json();
        })
        .then((data) => {
          list.replaceChildren(...data.results.map(resultItem));
          const count = data.results.length;
          status.textContent =
            data.message || `${count} result${count === 1 ? "" : "s"}${count === 10 ? " shown" : ""}.`;
        })
        .catch(() => {
          list.replaceChildren();
          status.textContent = "The search could not be reached. Please try again later.";
        });
    }

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      run();
    });
    if (host.dataset.neighbourhood || host.dataset.topic) run();
  }

  document.querySelectorAll("[data-common-ground-search]").forEach(searchBox);
})();
