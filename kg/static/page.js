/* The query page: bundled queries as examples with parameter fields; results as a table. */
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const $ = (id) => document.getElementById(id);
  const q = $("q"), out = $("out"), status = $("status"), form = $("params"), link = $("link");
  const prefixes = Object.entries(data.prefixes).sort((a, b) => b[1].length - a[1].length);
  let current = null;  // the selected bundled query, while its text is unchanged

  /* An IRI as a prefixed name (kg:denial) or as its path (entity/Q567); the full IRI is the tooltip. */
  function shortIri(iri) {
    for (const [p, ns] of prefixes) {
      if (iri.startsWith(ns) && /^[\w.-]*$/.test(iri.slice(ns.length))) return p + ":" + iri.slice(ns.length);
    }
    const m = /^https?:\/\/[^/]+\/(.+)$/.exec(iri);
    return m ? m[1] : iri;
  }
  function fill(td, term) {
    if (!term) return;
    if (term.type === "uri") { td.textContent = shortIri(term.value); td.title = term.value; td.className = "iri"; return; }
    if (term.type === "triple") {
      const v = term.value, t = (x) => x.type === "uri" ? shortIri(x.value) : x.value;
      td.textContent = "<< " + t(v.subject) + " " + t(v.predicate) + " " + t(v.object) + " >>"; return;
    }
    if (term.type === "bnode") { td.textContent = "_:" + term.value; return; }
    td.textContent = term.value;
    if (term["xml:lang"] || term.datatype) td.title = term["xml:lang"] ? "@" + term["xml:lang"] : shortIri(term.datatype);
  }

  function select(example, values) {
    current = example;
    for (const a of document.querySelectorAll("nav a")) a.classList.toggle("on", a.dataset.name === (example && example.name));
    form.textContent = ""; form.classList.remove("off"); link.textContent = ""; out.textContent = ""; status.textContent = "";
    $("about").textContent = example ? example.description : "";
    if (!example) { q.value = ""; q.focus(); return; }
    q.value = example.text;
    for (const p of example.params) {
      const label = document.createElement("label"), input = document.createElement("input");
      label.append(p.name + (p.type !== "text" ? " (" + p.type + ")" : ""), input);
      input.name = p.name; input.title = p.description;
      input.placeholder = p.description.includes("empty: ") ? p.description.slice(p.description.lastIndexOf("empty: ")) : p.type;
      input.value = values && p.name in values ? values[p.name] : p.default;
      if (p.type === "integer") input.inputMode = "numeric";
      form.appendChild(label);
    }
  }

  function bundledUrl() {
    const params = new URLSearchParams();
    for (const input of form.elements) if (input.value !== "") params.set(input.name, input.value);
    const query = params.toString();
    return "query/" + encodeURIComponent(current.name) + (query ? "?" + query : "");
  }

  async function run() {
    out.textContent = ""; status.textContent = "running...";
    const started = performance.now();
    const accept = "application/sparql-results+json, text/turtle;q=0.9";
    let request;
    if (current && q.value === current.text) {
      const url = bundledUrl();
      link.textContent = "GET /" + url; link.href = url;
      history.replaceState(null, "", "#" + url.slice("query/".length));
      request = fetch(url, {headers: {"Accept": accept}});
    } else {
      link.textContent = "";
      request = fetch("sparql", {method: "POST", body: q.value,
        headers: {"Content-Type": "application/sparql-query", "Accept": accept}});
    }
    try {
      const resp = await request;
      const ms = Math.round(performance.now() - started);
      const type = resp.headers.get("Content-Type") || "";
      if (!resp.ok) {
        const p = document.createElement("div"); p.className = "err";
        p.textContent = resp.status + " " + resp.statusText + ": " + await resp.text();
        out.appendChild(p); status.textContent = ""; return;
      }
      if (!type.startsWith("application/sparql-results+json")) {
        const pre = document.createElement("pre"); pre.textContent = await resp.text();
        out.appendChild(pre); status.textContent = ms + " ms"; return;
      }
      const result = await resp.json();
      if ("boolean" in result) { out.textContent = "ASK: " + result.boolean; status.textContent = ms + " ms"; return; }
      const vars = result.head.vars, rows = result.results.bindings;
      const table = document.createElement("table"), head = table.insertRow();
      for (const v of vars) { const th = document.createElement("th"); th.textContent = v; head.appendChild(th); }
      for (const b of rows) { const tr = table.insertRow(); for (const v of vars) fill(tr.insertCell(), b[v]); }
      out.appendChild(table);
      status.textContent = rows.length + " row" + (rows.length === 1 ? "" : "s") + ", " + ms + " ms";
    } catch (e) {
      status.textContent = ""; out.textContent = "request failed: " + e;
    }
  }

  const list = $("examples");
  for (const ex of data.examples) {
    const a = document.createElement("a"), small = document.createElement("small");
    a.href = "#" + ex.name; a.dataset.name = ex.name;
    small.textContent = ex.description + (ex.params.length ? " (" + ex.params.map((p) => p.name).join(", ") + ")" : "");
    a.append(ex.name, small);
    a.onclick = (e) => { e.preventDefault(); select(ex); history.replaceState(null, "", "#" + ex.name); };
    list.appendChild(a);
  }
  document.querySelector("a[data-own]").onclick = (e) => { e.preventDefault(); select(null); history.replaceState(null, "", "#"); };

  /* #said_about?who=Putin selects that example with those values and runs it: a link to a result. */
  function fromHash() {
    const raw = location.hash.slice(1), at = raw.indexOf("?");
    const name = decodeURIComponent(at < 0 ? raw : raw.slice(0, at)), query = at < 0 ? undefined : raw.slice(at + 1);
    const example = data.examples.find((ex) => ex.name === name);
    if (!example) return;
    select(example, Object.fromEntries(new URLSearchParams(query || "")));
    if (query !== undefined) run();
  }

  $("run").onclick = run;
  form.onsubmit = (e) => { e.preventDefault(); run(); };
  q.addEventListener("keydown", (e) => { if (e.key === "Enter" && e.ctrlKey) run(); });
  /* edited SPARQL runs as it is, through /sparql: the fields no longer apply ($params stay unbound) */
  q.addEventListener("input", () => {
    const edited = Boolean(current) && q.value !== current.text;
    form.classList.toggle("off", edited);
    form.title = edited ? "the query was edited: it runs as written, its $parameters unbound" : "";
  });
  fromHash();
})();
