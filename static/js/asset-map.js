// The asset map: neighbourhood outlines and asset markers, from the site's
// own GeoJSON or from the page itself, on the council's tiles when a tile
// server is configured (MAP_TILE_URL), or on a plain background when not,
// with a line saying so. The list beside it stays the way to reach every
// asset by keyboard or screen reader; the map is an extra view of the same
// thing, so it stays hidden (by the `hidden` attribute in the page) unless
// this script runs.
/* global L */
const FALLBACK_CENTRE = [52.4, -1.5];

function linkBox(properties) {
  const box = document.createElement("div");
  const link = document.createElement("a");
  link.className = "govuk-link";
  link.href = properties.url;
  link.textContent = properties.name;
  box.append(link);
  if (properties.kind) {
    const kind = document.createElement("p");
    kind.className = "govuk-body-s govuk-!-margin-bottom-0";
    kind.textContent = properties.kind;
    box.append(kind);
  }
  return box;
}

function inline(id) {
  const script = document.getElementById(id || "");
  return script ? JSON.parse(script.textContent) : null;
}

function noTilesNote(element) {
  const note = document.createElement("p");
  note.className = "govuk-body-s app-map__note";
  note.textContent =
    "No background map is set up for this site, so the map shows only the " +
    "neighbourhood outlines and the places listed.";
  element.after(note);
}

function assetMap(element) {
  if (typeof L === "undefined") return; // Leaflet did not load: the list is enough.
  element.hidden = false; // Leaflet measures the box, so show it first.
  const map = L.map(element, { scrollWheelZoom: false });
  if (element.dataset.tiles) {
    L.tileLayer(element.dataset.tiles, {
      maxZoom: 19,
      attribution: element.dataset.attribution || "",
    }).addTo(map);
  } else {
    element.classList.add("app-map--plain");
    noTilesNote(element);
  }
  const layers = L.featureGroup().addTo(map);
  // The neighbourhoods' outlines, when the page has them, give the map its
  // bounds even on a plain background and with no located assets.
  const outlines = inline(element.dataset.outlines);
  if (outlines) {
    L.geoJSON(outlines, {
      style: { color: "#1d4f91", weight: 2, fillOpacity: 0.08 },
      onEachFeature: (feature, layer) => {
        if (feature.properties && feature.properties.name) {
          layer.bindTooltip(feature.properties.name, { sticky: true });
          if (feature.properties.url) layer.bindPopup(linkBox(feature.properties));
        }
      },
    }).addTo(layers);
    element.dataset.outlinesDrawn = String(layers.getLayers().length);
  }
  if (element.dataset.here) {
    const [latitude, longitude] = element.dataset.here.split(",").map(Number);
    L.circleMarker([latitude, longitude], {
      radius: 9,
      color: "#0b0c0c",
      weight: 3,
      fillColor: "#ffdd00",
      fillOpacity: 1,
    })
      .bindTooltip("Your postcode")
      .addTo(layers);
  }
  const fit = () => {
    if (layers.getLayers().length && layers.getBounds().isValid()) {
      map.fitBounds(layers.getBounds(), { padding: [20, 20], maxZoom: 16 });
    } else {
      map.setView(FALLBACK_CENTRE, 12);
    }
  };
  const draw = (data) => {
    L.geoJSON(data, {
      pointToLayer: (feature, point) =>
        L.circleMarker(point, {
          radius: 7,
          color: "#0b0c0c",
          weight: 2,
          fillColor: "#1d4f91",
          fillOpacity: 0.9,
        }),
      onEachFeature: (feature, layer) => layer.bindPopup(linkBox(feature.properties)),
    }).addTo(layers);
    const count = data.features.length;
    element.setAttribute(
      "aria-label",
      `Map of ${count} community asset${count === 1 ? "" : "s"} with a location`,
    );
    fit();
    element.dataset.ready = String(count);
  };
  if (element.dataset.point) {
    // One asset's own page: its place, named, with nothing to fetch.
    const [latitude, longitude] = element.dataset.point.split(",").map(Number);
    const name = element.dataset.pointName || "";
    draw({
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          geometry: { type: "Point", coordinates: [longitude, latitude] },
          properties: { name, url: window.location.pathname },
        },
      ],
    });
    element.setAttribute("aria-label", `Map showing where ${name} is`);
    map.setView([latitude, longitude], 15);
    return;
  }
  const markers = inline(element.dataset.markers);
  if (markers) {
    draw(markers);
    return;
  }
  fetch(element.dataset.geojson, { headers: { Accept: "application/geo+json" } })
    .then((response) => {
      if (!response.ok) throw new Error(`GeoJSON answered ${response.status}`);
      return response.json();
    })
    .then(draw)
    .catch(() => {
      map.remove();
      element.className = "govuk-inset-text";
      element.textContent = "The map could not be loaded. Every asset is in the list.";
    });
}

document.querySelectorAll("[data-asset-map]").forEach(assetMap);
