/* kg export: the interactive view of one graph (Cytoscape.js document in #kg-data). */
(function () {
  "use strict";
  const doc = JSON.parse(document.getElementById("kg-data").textContent);
  const NODE_COLOURS = {
    Person: "#4e79a7", Organization: "#f28e2b", Country: "#e15759", Place: "#76b7b2", Group: "#59a14f",
    event: "#edc948", claim: "#b07aa1",
  };
  const EDGE_COLOURS = {
    said_to: "#4e79a7", asked: "#a0cbe8", admitted_to: "#bab0ac",  // see relations.json
    warned: "#e15759", threatened: "#b22222", accused: "#d37295", criticised: "#ff9da7", rejected: "#8c564b",
    denied_to: "#9c755f", demanded: "#f28e2b", praised: "#59a14f", promised: "#8cd17d", agreed_with: "#499894",
    defended: "#86bcb6",
    co_participant: "#a0a0a0", said_about: "#c7b8d6", participant: "#c9a227", place: "#76b7b2", said: "#4e79a7",
    addressed_to: "#e15759", relayed: "#9c755f", reported: "#bab0ac", about: "#b07aa1",
    role: "#59a14f", stands_for: "#aaaaaa",
  };
  const UNDIRECTED = new Set(["co_participant"]);
  const DASHED = new Set(["said_about", "relayed", "reported", "stands_for", "about"]);
  const FALLBACK = ["#17becf", "#bcbd22", "#7f7f7f", "#9467bd", "#8c564b", "#e377c2"];
  const nodeGroup = (d) => (d.kind === "entity" ? d.type : d.kind) || "node";
  const nodeColour = (d) => NODE_COLOURS[nodeGroup(d)] || FALLBACK[hash(nodeGroup(d)) % FALLBACK.length];
  const edgeColour = (d) => EDGE_COLOURS[d.kind] || FALLBACK[hash(d.kind || "") % FALLBACK.length];
  function hash(s) { let h = 0; for (const c of s) h = (h * 31 + c.charCodeAt(0)) >>> 0; return h; }

  const nodes = doc.elements.nodes, edges = doc.elements.edges;
  const strength = {};
  for (const e of edges) {
    const w = e.data.weight || 1;
    strength[e.data.source] = (strength[e.data.source] || 0) + w;
    strength[e.data.target] = (strength[e.data.target] || 0) + w;
  }
  for (const n of nodes) {
    n.data.colour = nodeColour(n.data);
    n.data.size = Math.round(16 + 7 * Math.sqrt((strength[n.data.id] || 0) + (n.data.claims || []).length));
    n.data.shape = n.data.kind === "event" ? "diamond" : n.data.kind === "claim" ? "round-rectangle" : "ellipse";
  }
  for (const e of edges) {
    e.data.colour = edgeColour(e.data);
    e.data.width = Math.min(10, 1.5 + 1.5 * Math.log2(e.data.weight || 1));
    e.data.arrow = UNDIRECTED.has(e.data.kind) ? "none" : "triangle";
    e.data.line = DASHED.has(e.data.kind) ? "dashed" : "solid";
    e.data.caption = (e.data.label || e.data.kind || "") + ((e.data.weight || 1) > 1 ? " ×" + e.data.weight : "");
  }

  const big = nodes.length > 1500;
  const cy = cytoscape({
    container: document.getElementById("cy"),
    elements: doc.elements,
    minZoom: 0.05, maxZoom: 4,
    style: [
      { selector: "node", style: {
        "background-color": "data(colour)", width: "data(size)", height: "data(size)", shape: "data(shape)",
        label: "data(label)", "font-size": 12, "text-valign": "bottom", "text-margin-y": 3, color: "#333",
        "text-wrap": "wrap", "text-max-width": 110, "border-width": 1, "border-color": "#fff",
        "text-background-color": "#fafaf8", "text-background-opacity": 0.7, "text-background-padding": 1,
        "min-zoomed-font-size": big ? 7 : 0 } },
      { selector: "edge", style: {
        "line-color": "data(colour)", "target-arrow-color": "data(colour)", "target-arrow-shape": "data(arrow)",
        width: "data(width)", "line-style": "data(line)", "curve-style": big ? "haystack" : "bezier", opacity: 0.75, "arrow-scale": 0.8 } },
      { selector: "edge.show-label, edge:selected", style: {
        label: "data(caption)", "font-size": 9, color: "#444", "text-rotation": "autorotate",
        "text-background-color": "#fff", "text-background-opacity": 0.8 } },
      { selector: ":selected", style: { "border-width": 3, "border-color": "#222", opacity: 1 } },
      { selector: ".faded", style: { opacity: 0.12, "text-opacity": 0 } },
      { selector: ".match", style: { "border-width": 4, "border-color": "#3867d6" } },
    ],
    layout: { name: "preset" },
  });

  /* For tests and scripts: how many nodes are drawn and how many canvas pixels they painted. */
  function reportRendered() {
    let painted = 0;
    for (const canvas of document.querySelectorAll("#cy canvas")) {
      const ctx = canvas.getContext("2d");
      if (!ctx || !canvas.width || !canvas.height) continue;
      const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < px.length; i += 16) if (px[i] > 0) painted++;
    }
    window.kgRendered = { nodes: cy.nodes(":visible").length, edges: cy.edges(":visible").length, painted: painted };
    document.body.dataset.unlinkedNodes = String(unlinked.length);
    document.body.dataset.renderedNodes = String(window.kgRendered.nodes);
    document.body.dataset.renderedEdges = String(window.kgRendered.edges);
    document.body.dataset.paintedPixels = String(painted);
  }

  /* header stats and legend */
  const stats = document.getElementById("stats");
  const articles = doc.data && doc.data.articles;
  stats.textContent = `${nodes.length} nodes · ${edges.length} edges` + (articles ? ` · ${articles} articles` : "");
  const legend = document.getElementById("legend");
  const seenNodes = [...new Set(nodes.map((n) => nodeGroup(n.data)))].sort();
  const seenEdges = [...new Set(edges.map((e) => e.data.kind))].sort();
  for (const g of seenNodes) legendRow(`<span class="dot" style="background:${nodeColour({ kind: g === "event" || g === "claim" ? g : "entity", type: g })}"></span>`, g);
  for (const k of seenEdges) legendRow(`<span class="bar" style="background:${edgeColour({ kind: k })}"></span>`, k.replace(/_/g, " "));
  function legendRow(mark, text) {
    const row = document.createElement("div");
    row.className = "legend-row";
    row.innerHTML = mark + `<span>${esc(text)}</span>`;
    legend.appendChild(row);
  }

  /* Nodes without an edge (an actor named once, never in a claim or an event with another) would
     fill the canvas with a grid of dots: they are hidden by default and listed by type in the side
     panel, where a click shows their details; the checkbox draws them below the network. */
  const unlinked = cy.nodes().filter((n) => n.degree(false) === 0);
  const showUnlinked = document.getElementById("show-unlinked");
  showUnlinked.checked = unlinked.length === cy.nodes().length;  // no network at all: show the nodes
  if (unlinked.nonempty()) {
    document.getElementById("unlinked-toggle").hidden = false;
    document.getElementById("unlinked-count").textContent = String(unlinked.length);
    const byType = {};
    unlinked.forEach((n) => { (byType[nodeGroup(n.data())] = byType[nodeGroup(n.data())] || []).push(n); });
    const box = document.getElementById("unlinked");
    box.innerHTML = `<h2>Unconnected (${unlinked.length})</h2>`;
    for (const group of Object.keys(byType).sort()) {
      const p = document.createElement("p");
      p.innerHTML = `<span class="dot" style="display:inline-block;background:${nodeColour(byType[group][0].data())}"></span> <b>${esc(group)}</b>: `;
      byType[group].sort((a, b) => (a.data("label") || "").localeCompare(b.data("label") || "")).forEach((n, i) => {
        const a = document.createElement("a");
        a.textContent = n.data("label") || n.id();
        a.onclick = () => { select(n); history.replaceState(null, "", "#node=" + encodeURIComponent(n.id())); };
        if (i) p.append(", ");
        p.append(a);
      });
      box.appendChild(p);
    }
    showUnlinked.addEventListener("change", () => {
      applyVisibility();
      if (showUnlinked.checked) placeUnlinked();
      cy.fit(cy.elements(":visible"), 30);
    });
  }
  /* the unconnected nodes in a grid below the network */
  function placeUnlinked() {
    if (unlinked.empty()) return;
    const rest = cy.nodes().not(unlinked), bb = rest.nonempty() ? rest.boundingBox() : { x1: 0, y2: 0, w: 800 };
    const width = Math.max(bb.w, 600), cols = Math.max(1, Math.floor(width / 120));
    const rows = Math.ceil(unlinked.length / cols);
    unlinked.layout({ name: "grid", animate: false, cols: cols, rows: rows,
                      boundingBox: { x1: bb.x1, y1: bb.y2 + 80, w: width, h: rows * 80 } }).run();
  }

  /* hover details */
  const tip = document.getElementById("tip");
  cy.on("mouseover", "node, edge", (evt) => {
    const d = evt.target.data();
    const lines = evt.target.isNode()
      ? [`<b>${esc(d.label)}</b>`, esc([d.type, d.kind !== "entity" ? d.kind : "", d.date].filter(Boolean).join(" · ")),
         d.roles && d.roles.length ? esc(d.roles.join("; ")) : "", d.text && d.kind === "claim" ? `„${esc(d.text)}“` : ""]
      : [`<b>${esc(d.caption)}</b>`, esc(`${labelOf(d.source)} → ${labelOf(d.target)}`), d.date ? esc(d.date) : "",
         d.evidence && d.evidence.length ? `„${esc(d.evidence[0])}“` + (d.evidence.length > 1 ? ` (+${d.evidence.length - 1})` : "") : ""];
    tip.innerHTML = lines.filter(Boolean).join("<br>");
    tip.style.display = "block";
    if (evt.target.isEdge()) evt.target.addClass("show-label");
  });
  cy.on("mouseout", "node, edge", (evt) => { tip.style.display = "none"; evt.target.removeClass("show-label"); });
  cy.on("mousemove", (evt) => {
    const e = evt.originalEvent;
    if (e) { tip.style.left = e.clientX + 14 + "px"; tip.style.top = e.clientY + 14 + "px"; }
  });
  const labelOf = (id) => { const n = cy.getElementById(id); return n.nonempty() ? n.data("label") : id; };

  /* click: the node's (or edge's) claims and sentences */
  const details = document.getElementById("details");
  cy.on("tap", "node", (evt) => { select(evt.target); history.replaceState(null, "", "#node=" + encodeURIComponent(evt.target.id())); });
  cy.on("tap", "edge", (evt) => { focus(evt.target.union(evt.target.connectedNodes())); showEdge(evt.target); });
  cy.on("tap", (evt) => { if (evt.target === cy) { cy.elements().removeClass("faded"); } });
  function select(node) { focus(node.closedNeighborhood()); showNode(node); }
  /* a link to "view.html#node=<IRI>" opens with that node selected */
  function openFromHash() {
    const m = location.hash.match(/^#node=(.+)$/);
    const node = m && cy.getElementById(decodeURIComponent(m[1]));
    if (node && node.nonempty()) { select(node); node.select(); }
  }
  function focus(keep) { cy.elements().addClass("faded"); keep.removeClass("faded"); }

  const CLAIM_EDGE = (kind) => !["co_participant", "participant", "place", "role", "stands_for"].includes(kind);

  function showNode(node) {
    const d = node.data(), id = node.id();
    const said = [], heard = [], about = [], events = [], sentences = [];
    const add = (list, items) => { for (const x of items || []) if (x && !list.includes(x)) list.push(x); };
    if (d.kind === "claim") add(said, [d.text]);
    add(said, d.claims);
    add(sentences, d.sentences);
    node.connectedEdges().forEach((e) => {
      const k = e.data("kind"), other = e.source().id() === id ? e.target() : e.source();
      add(sentences, e.data("sentences"));
      if (other.data("kind") === "claim") {  // full view: the claim node next to this entity
        const speaker = other.incomers("edge[kind = 'said']").sources().map((n) => n.data("label")).join(", ");
        add(k === "said" ? said : k === "addressed_to" ? heard : about,
            [k === "said" ? other.data("text") : `${speaker || "?"}: ${other.data("text")}`]);
        add(sentences, other.data("sentences"));
      } else if (other.data("kind") === "event") {  // full view: an event this entity took part in
        add(events, [`${other.data("label")} (${other.data("type")})`]);
        add(sentences, other.data("sentences"));
      } else if (CLAIM_EDGE(k) && e.target().id() === id && k !== "relayed" && k !== "reported") {
        // actor view: a claim addressed to this actor, or about it
        add(k === "said_about" ? about : heard,
            (e.data("evidence") || []).map((t) => `${other.data("label")} (${e.data("label")}): ${t}`));
      }
    });
    add(events, node.connectedEdges("edge[kind = 'co_participant']").map((e) => e.data("evidence") || []).flat());
    const fields = [["Type", [d.type, d.kind !== "entity" ? d.kind : ""].filter(Boolean).join(" · ")], ["Date", d.date],
      ["Status", d.status], ["Mode", d.mode], ["Speaker", d.speaker_text], ["Roles", (d.roles || []).join("; ")],
      ["Articles", d.article || d.articles],
      ["Wikidata", d.wikidata ? `<a href="https://www.wikidata.org/wiki/${esc(d.wikidata)}" target="_blank" rel="noopener">${esc(d.wikidata)}</a>` : ""],
      ["IRI", `<a href="${esc(d.iri)}" target="_blank" rel="noopener">${esc(d.iri)}</a>`]];
    const quotes = (items) => items.map((c) => `<blockquote>${esc(c)}</blockquote>`);
    details.innerHTML = `<div class="title">${esc(d.label)}</div>` + dl(fields) +
      section(d.kind === "claim" ? "Claim" : "Said", quotes(said)) +
      section("Said to them", quotes(heard)) + section("About", quotes(about)) +
      section("Events", events.map((x) => `<li>${esc(x)}</li>`), "ul") +
      section("Sentences", sentences.map((s) => `<li>${esc(s)}</li>`), "ul");
  }

  function showEdge(edge) {
    const d = edge.data();
    details.innerHTML = `<div class="title">${esc(labelOf(d.source))} → ${esc(d.caption)} → ${esc(labelOf(d.target))}</div>` +
      dl([["Type", d.kind], ["Count", d.weight], ["Dates", (d.dates || []).join(", ")], ["Articles", (d.articles || []).join(", ")]]) +
      section(d.kind === "co_participant" ? "Events" : "Claims", (d.evidence || []).map((c) => `<blockquote>${esc(c)}</blockquote>`)) +
      section("Sentences", (d.sentences || []).map((s) => `<li>${esc(s)}</li>`), "ul");
  }

  function dl(fields) {
    const rows = fields.filter(([, v]) => v !== undefined && v !== null && v !== "")
      .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${k === "IRI" || k === "Wikidata" ? v : esc(String(v))}</dd>`);
    return rows.length ? `<dl>${rows.join("")}</dl>` : "";
  }
  function section(title, items, wrap) {
    if (!items.length) return "";
    const body = wrap ? `<${wrap}>${items.join("")}</${wrap}>` : items.join("");
    return `<h2>${esc(title)} (${items.length})</h2>${body}`;
  }
  function esc(s) {
    return String(s === undefined || s === null ? "" : s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  }

  /* search: highlight nodes whose label (or IRI) contains the text; Enter zooms to them */
  const search = document.getElementById("search");
  search.addEventListener("input", () => {
    const q = search.value.trim().toLowerCase();
    cy.elements().removeClass("match faded");
    if (!q) return;
    const hits = cy.nodes().filter((n) => (n.data("label") || "").toLowerCase().includes(q) || (n.data("iri") || "").toLowerCase().includes(q));
    cy.elements().addClass("faded");
    hits.removeClass("faded").addClass("match");
    hits.connectedEdges().removeClass("faded");
  });
  search.addEventListener("keydown", (e) => {
    if (e.key === "Enter") { const hits = cy.nodes(".match"); if (hits.nonempty()) cy.animate({ fit: { eles: hits, padding: 60 } }, { duration: 300 }); }
  });

  /* time slider: shows what is dated up to the chosen day (undated elements always stay) */
  const dates = [...new Set(cy.elements().map((e) => e.data("date")).filter(Boolean))].sort();
  const slider = document.getElementById("slider"), timeLabel = document.getElementById("time-label");
  /* what is drawn: nothing dated after the slider's day, unconnected nodes only when asked for */
  function applyVisibility() {
    const cutoff = dates.length ? dates[Number(slider.value)] : null;
    if (cutoff) timeLabel.textContent = cutoff + (Number(slider.value) === dates.length - 1 ? " (all)" : "");
    cy.batch(() => cy.elements().forEach((e) => {
      const d = e.data("date");
      const hidden = (cutoff && d && d > cutoff) || (!showUnlinked.checked && unlinked.contains(e));
      e.style("display", hidden ? "none" : "element");
    }));
  }
  if (dates.length) {
    document.getElementById("time").classList.add("on");
    slider.max = String(dates.length - 1);
    slider.value = slider.max;
    slider.addEventListener("input", applyVisibility);
  }
  applyVisibility();

  /* lay out last: cose runs synchronously, and its layoutstop handler uses everything above */
  const drawn = cy.elements().not(unlinked);
  const layout = big
    ? drawn.layout({ name: "concentric", concentric: (n) => n.degree(), levelWidth: () => 4, animate: false })
    : drawn.layout({ name: "cose", animate: false, randomize: true, nodeRepulsion: () => 4500,
                  idealEdgeLength: () => 50, edgeElasticity: () => 80, numIter: 1500, padding: 30,
                  componentSpacing: 40, gravity: 2, nodeDimensionsIncludeLabels: true });
  layout.one("layoutstop", () => {
    cy.resize();
    placeUnlinked();
    cy.fit(cy.elements(":visible"), 30);
    openFromHash();
    setTimeout(reportRendered, 50);
  });
  layout.run();
  window.addEventListener("resize", () => { cy.resize(); cy.fit(cy.elements(":visible"), 30); });
})();
