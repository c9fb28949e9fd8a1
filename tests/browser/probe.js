// Runs inside the report in headless Chromium, after axe-core: gathers what
// tests/report_browser.rs asserts, and writes it as JSON into <pre id="probe-result">.
(async function () {
  const all = (selector) => [...document.querySelectorAll(selector)];
  const text = (e) => e.textContent.replace(/\s+/g, " ").trim();
  const out = {
    lang: document.documentElement.lang,
    title: document.title,
    headings: all("h1, h2, h3, h4, h5, h6").map((h) => [Number(h.tagName[1]), text(h)]),
    sections: all("main section").map((s) => s.getAttribute("aria-labelledby")),
    cards: all(".card").map((c) => c.innerText.replace(/\s+/g, " ").trim()),
    charts: all("svg.chart").map((svg) => ({
      title: svg.querySelector("title") ? text(svg.querySelector("title")) : null,
      desc: svg.querySelector("desc") ? text(svg.querySelector("desc")) : null,
      bars: svg.querySelectorAll("rect").length,
      width: svg.getBoundingClientRect().width,
    })),
    tables_without_header: all("table").filter((t) => !t.querySelector("th")).length,
    matrix: Object.fromEntries(
      ["ok", "brudd", "avvik", "ir"].map((c) => [c, all(`table.matrix td.${c}`).length])
    ),
    matrix_rows: all("table.matrix tbody tr").length,
    finding_rows: all("table.findings tbody tr").length,
    deviation_rows: all("table.deviations tbody tr").length,
    links_out: all("[src], [href]")
      .map((e) => e.getAttribute("src") || e.getAttribute("href"))
      .filter((u) => !u.startsWith("#")),
  };
  const result = await axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
  });
  out.axe = result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.length,
    example: v.nodes[0] ? v.nodes[0].html.slice(0, 200) : "",
  }));
  out.axe_passes = result.passes.length;
  const pre = document.createElement("pre");
  pre.id = "probe-result";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
