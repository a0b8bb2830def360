// The pages of the web app that show results (pages of app.js's route()): the overview, the
// communes, one commune, one criterion across all communes, the departments' work lists.  Every
// figure from the evaluation app.js fetched; text from the data set as text, never as HTML.
"use strict";

function overview(main) {
  const y = yearDoc();
  if (!y && app.ruleErrors) {
    const first = app.ruleErrors.diagnostics.find((d) => d.severity === "error");
    main.append(el("h2", {}, "Bộ luật có lỗi"),
                el("p", {}, `${app.ruleErrors.errors} lỗi: không đánh giá được cho đến khi sửa xong. `,
                   first ? el("a", { href: `#/luat?tep=${encodeURIComponent(first.file)}` },
                              `${first.file}:${first.line}: ${first.message}`) : null));
    return;
  }
  if (!y) { main.append(el("p", {}, "Chọn dữ liệu ở trên để xem kết quả.")); return; }
  const before = app.doc.years.find((x) => x.year === app.year - 1);
  main.append(el("h2", {}, `Tổng quan năm ${y.year} — ${app.dataName}`));
  const ds = document.getElementById("dataset").value;
  if (ds) {  // the report of the year, as ntm report writes it
    const link = (format, label) => el("a", { href: `/api/v1/report?dataset=${encodeURIComponent(ds)}&year=${y.year}&format=${format}&lang=vi`,
                                              target: format === "html" ? "_blank" : null }, label);
    main.append(el("p", {}, "Báo cáo năm này: ", link("html", "trang HTML"), " · ", link("md", "Markdown"), " · ",
                   link("xlsx", "Excel"), " · ", link("pdf", "PDF")));
  }
  for (const k of y.summary) {
    const prev = before && before.summary.find((x) => x.kind === k.kind);
    const rows = k.levels.map((l) => {
      const p = prev && prev.levels.find((x) => x.level === l.level);
      const delta = p ? l.count - p.count : null;
      return el("tr", {},
        el("td", {}, levelTitle(l.level)),
        el("td", { class: "num" }, num(l.count)),
        el("td", { class: "num" }, pct(l.count, k.total)),
        el("td", {}, el("span", { class: "bar", width: `${k.total ? Math.round(200 * l.count / k.total) : 0}px`, "aria-hidden": "true" })),
        el("td", { class: "num" }, l.uncertain ? num(l.uncertain) : "–"),
        before ? el("td", { class: `num ${delta > 0 ? "up" : delta < 0 ? "down" : ""}` },
                    delta === null ? "–" : (delta > 0 ? `+${delta}` : `${delta}`)) : null);
    });
    main.append(el("h3", {}, `${KIND[k.kind] || k.kind}: ${num(k.total)} đơn vị`
                               + (k.not_judged ? `, ${num(k.not_judged)} không đánh giá` : "")));
    main.append(el("table", {},
      el("thead", {}, el("tr", {}, el("th", {}, "Mức cao nhất đạt được"), el("th", { class: "num" }, "Số đơn vị"),
                         el("th", { class: "num" }, "Tỷ lệ"), el("th", {}, "Biểu đồ"),
                         el("th", { class: "num" }, "Thiếu dữ liệu"),
                         before ? el("th", { class: "num" }, `So với ${before.year}`) : null)),
      el("tbody", {}, rows)));
  }
  // The communes under each unit above them: a district, or on the map of two tiers a province.
  const groups = new Map();
  for (const e of y.entities) {
    if (e.kind !== "xa" || !e.judged) continue;
    if (!groups.has(e.parent)) groups.set(e.parent, []);
    groups.get(e.parent).push(e);
  }
  if (groups.size > 0) {
    const xaLevels = app.rules ? app.rules.levels.filter((l) => l.kind === "xa") : [];
    main.append(el("h3", {}, "Xã theo đơn vị cấp trên"));
    main.append(el("table", {},
      el("thead", {}, el("tr", {}, el("th", {}, "Đơn vị"), el("th", { class: "num" }, "Xã"),
                         xaLevels.map((l) => el("th", { class: "num" }, l.title)))),
      el("tbody", {}, [...groups].sort((a, b) => a[0].localeCompare(b[0], "vi", { numeric: true })).map(([code, list]) =>
        el("tr", {}, el("td", {}, el("a", { href: `#/xa?cap-tren=${encodeURIComponent(code)}` }, `${entityName(y, code)} (${code})`)),
           el("td", { class: "num" }, list.length),
           xaLevels.map((l) => el("td", { class: "num" },
             num(list.filter((e) => e.level && xaLevels.findIndex((x) => x.name === e.level) >= l.ordinal).length))))))));
  }
  const problems = [...(app.doc.problems || []), ...(y.problems || [])];
  if (problems.length > 0) {
    main.append(el("h3", {}, `Vấn đề của dữ liệu: ${problems.length}`));
    const noted = annotatedLink();
    if (noted) main.append(el("p", {}, noted, " — mở trong Excel: mỗi ô có vấn đề được tô màu và có ghi chú."));
    // In a workbook, the cell as Excel names it (to type in its Name Box); in a CSV file, the line.
    main.append(el("table", {},
      el("thead", {}, el("tr", {}, el("th", {}, "Tệp"), el("th", {}, "Ô hoặc dòng"), el("th", {}, "Cột"),
                         el("th", {}, "Mã"), el("th", {}, "Vấn đề"))),
      el("tbody", {}, problems.map((p) => el("tr", {}, el("td", {}, p.file),
                                             el("td", { class: "cell" }, p.cell || (p.line ? `dòng ${p.line}` : "")),
                                             el("td", {}, p.field || ""), el("td", {}, p.code || ""), el("td", {}, p.message))))));
  }
}

// The data given back as a workbook with every problem on its cell (POST /api/v1/annotate): a
// link for a file offered, a button that sends the upload again; null for JSON, which has no cells.
function annotatedLink() {
  const chosen = dataChosen();
  const name = chosen ? (chosen.upload ? chosen.upload.name : document.getElementById("dataset").value) : "";
  if (!chosen || /\.json$/i.test(name)) return null;
  const label = "Tải tệp dữ liệu có ghi chú tại từng ô (.xlsx)";
  if (!chosen.upload) {
    return el("a", { href: `/api/v1/annotate?${chosen.query}&lang=vi`, download: "du-lieu-ghi-chu.xlsx", id: "ghi-chu" }, label);
  }
  return el("button", { type: "button", id: "ghi-chu", onclick: async () => {
    try {
      const res = await fetch(`/api/v1/annotate?${chosen.query}&lang=vi`, { method: "POST", body: chosen.upload.bytes });
      if (!res.ok) throw new Error((await res.json()).error.message);
      const a = el("a", { href: URL.createObjectURL(await res.blob()), download: name.replace(/\.[^.]*$/, "") + "-ghi-chu.xlsx" });
      document.body.append(a);
      a.click();
      a.remove();
    } catch (e) {
      say(e.message, true);
    }
  } }, label);
}

function communes(main, query) {
  const y = yearDoc();
  if (!y) { main.append(el("p", {}, "Chọn dữ liệu ở trên.")); return; }
  const parent = query.get("cap-tren");
  main.append(el("h2", {}, `Các xã năm ${y.year}` + (parent ? ` — ${entityName(y, parent)}` : "")));
  const filter = el("input", { type: "search", placeholder: "Lọc theo mã hoặc tên", "aria-label": "Lọc theo mã hoặc tên" });
  const body = el("tbody");
  const list = y.entities.filter((e) => e.kind === "xa" && e.judged && (!parent || e.parent === parent));
  const fill = () => {
    const q = filter.value.trim().toLowerCase();
    body.replaceChildren(...list.filter((e) => !q || e.code.includes(q) || e.name.toLowerCase().includes(q)).map((e) =>
      el("tr", {}, el("td", {}, el("a", { href: `#/xa/${encodeURIComponent(e.code)}` }, e.code)),
         el("td", {}, `${e.type} ${e.name}`), el("td", {}, entityName(y, e.parent)),
         el("td", {}, levelTitle(e.level) + (e.level_uncertain ? " (có thể cao hơn)" : "")),
         el("td", { class: "num" }, e.criteria_total ? `${e.criteria_met}/${e.criteria_total}` : "–"))));
  };
  filter.addEventListener("input", fill);
  fill();
  main.append(el("p", {}, filter, ` ${list.length} xã`));
  main.append(el("table", {},
    el("thead", {}, el("tr", {}, el("th", {}, "Mã"), el("th", {}, "Tên"), el("th", {}, "Cấp trên"),
                       el("th", {}, "Mức đạt"), el("th", { class: "num" }, "Tiêu chí đạt"))), body));
}

function indicatorRows(c) {
  return c.indicators.map((i) => el("tr", {},
    el("td", {}, i.code), statusCell(i.status), el("td", {}, valueText(i.value, i.unit)),
    el("td", {}, thresholdText(i.threshold, i.unit)), el("td", {}, i.gap === null ? "" : num(i.gap)),
    el("td", {}, i.responsible || ""), el("td", { class: "muted" }, `${i.source || ""} (${i.rule})`)));
}

// One commune: its levels, criteria and indicators from the evaluation; with a file the server
// offers, the whole explanation as `ntm explain` words it.
async function commune(main, code) {
  const y = yearDoc();
  if (!y) { main.append(el("p", {}, "Chọn dữ liệu ở trên.")); return; }
  const e = y.entities.find((x) => x.code === code);
  if (!e) { main.append(el("p", { class: "not_met" }, `Không có đơn vị mã ${code} năm ${y.year}.`)); return; }
  main.append(el("h2", {}, `${e.type} ${e.name} (${e.code}) — năm ${y.year}`),
              el("p", {}, `Mức đạt: ${levelTitle(e.level)}` + (e.level_uncertain ? " (có thể cao hơn khi đủ dữ liệu)" : "")
                          + (e.criteria_total ? ` · tiêu chí đạt ${e.criteria_met}/${e.criteria_total}` : "")));
  for (const l of e.levels) {
    const d = el("details", { open: l === e.levels[0] },
      el("summary", {}, `${levelTitle(l.level)}: `, el("span", { class: l.status }, STATUS[l.status] || l.status),
         l.criteria_total ? ` — ${l.criteria_met}/${l.criteria_total} tiêu chí` : "",
         l.set ? ` (${(setOf(l.set) || {}).title || l.set})` : ""));
    for (const c of l.criteria || []) {
      d.append(el("details", {},
        el("summary", {}, `${criterionLabel(l.set, c.code)}: `, el("span", { class: c.status }, STATUS[c.status] || c.status),
           c.responsible ? ` — ${c.responsible}` : ""),
        el("table", {}, el("thead", {}, el("tr", {}, ["Chỉ tiêu", "Kết quả", "Giá trị", "Yêu cầu", "Còn thiếu",
                                                      "Cơ quan phụ trách", "Nguồn"].map((h) => el("th", {}, h)))),
           el("tbody", {}, indicatorRows(c)))));
    }
    main.append(d);
  }
  const chosen = dataChosen();
  if (!chosen) return;
  const text = el("pre", {}, "Đang giải thích…");
  main.append(el("h3", {}, "Lời giải thích đầy đủ"), text);
  try {
    const { data } = await api("POST", `/api/v1/explain?${chosen.query}&entity=${encodeURIComponent(code)}&year=${y.year}`,
                               chosen.upload ? chosen.upload.bytes : undefined, "application/octet-stream");
    text.textContent = data.text;
  } catch (err) {
    text.textContent = err.message;
  }
}

function criterionView(main, query) {
  const y = yearDoc();
  if (!y) { main.append(el("p", {}, "Chọn dữ liệu ở trên.")); return; }
  const xa = y.entities.filter((e) => e.kind === "xa" && e.judged && e.levels.length > 0);
  const codes = [...new Set(xa.flatMap((e) => (e.levels[0].criteria || []).map((c) => c.code)))]
    .sort((a, b) => a.localeCompare(b, "vi", { numeric: true }));
  const chosen = query.get("ma") || codes[0];
  const pick = el("select", { "aria-label": "Tiêu chí", onchange: (ev) => { location.hash = `#/tieu-chi?ma=${encodeURIComponent(ev.target.value)}`; } },
                  codes.map((c) => el("option", { value: c, selected: c === chosen }, `Tiêu chí ${c}`)));
  main.append(el("h2", {}, `Một tiêu chí trên mọi xã, năm ${y.year}`), el("p", {}, pick));
  // What the set asks of each indicator of the criterion, with its legal source (GET /api/v1/rules).
  const set = xa.length > 0 ? setOf(xa[0].levels[0].set) : undefined;
  const def = set ? set.criteria.find((c) => c.code === chosen) : undefined;
  if (def) {
    main.append(el("p", {}, criterionLabel(set.name, chosen), el("span", { class: "muted" }, ` — ${def.source}`)));
    main.append(el("ul", { class: "yeu-cau" }, def.indicators.map((i) => el("li", {},
      `${i.code}. ${i.title}: `, (i.requirements || []).map((r) => r.text || (r.cmp === "yes" ? "có" : r.cmp === "no" ? "không" : r.cmp)).join("; "),
      (i.requirements || []).length > 0 ? el("span", { class: "muted" }, ` (${i.requirements[0].rule})`) : null))));
  }
  const rows = [];
  const counts = { met: 0, not_met: 0, unknown: 0, not_applicable: 0 };
  for (const e of xa) {
    const c = (e.levels[0].criteria || []).find((x) => x.code === chosen);
    if (!c) continue;
    counts[c.status] = (counts[c.status] || 0) + 1;
    const open = c.indicators.filter((i) => i.status !== "met" && i.status !== "not_applicable");
    rows.push(el("tr", {}, el("td", {}, el("a", { href: `#/xa/${encodeURIComponent(e.code)}` }, e.code)),
                 el("td", {}, `${e.type} ${e.name}`), statusCell(c.status),
                 el("td", {}, open.map((i) => `${i.code}: ${valueText(i.value, i.unit)} (yêu cầu ${thresholdText(i.threshold, i.unit)})`).join("; "))));
  }
  main.append(el("p", {}, Object.entries(counts).map(([s, n]) => `${STATUS[s]}: ${n}`).join(" · ")));
  main.append(el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "Mã"), el("th", {}, "Xã"), el("th", {}, "Kết quả"),
                                                  el("th", {}, "Chỉ tiêu chưa đạt"))), el("tbody", {}, rows)));
}

function workLists(main) {
  const y = yearDoc();
  if (!y) { main.append(el("p", {}, "Chọn dữ liệu ở trên.")); return; }
  const lists = new Map();
  for (const e of y.entities) {
    if (e.kind !== "xa" || !e.judged || e.levels.length === 0) continue;
    for (const c of e.levels[0].criteria || []) {
      for (const i of c.indicators) {
        if (i.status !== "not_met" && i.status !== "unknown") continue;
        const body = i.responsible || "Chưa phân công";
        if (!lists.has(body)) lists.set(body, []);
        lists.get(body).push({ e, i });
      }
    }
  }
  main.append(el("h2", {}, `Việc của các sở, năm ${y.year}: chỉ tiêu chưa đạt hoặc thiếu dữ liệu của mức đầu tiên`));
  for (const [body, items] of [...lists].sort((a, b) => a[0].localeCompare(b[0], "vi"))) {
    main.append(el("details", {}, el("summary", {}, `${body}: ${items.length} việc`),
      el("table", {}, el("thead", {}, el("tr", {}, ["Xã", "Chỉ tiêu", "Kết quả", "Giá trị", "Yêu cầu", "Còn thiếu"].map((h) => el("th", {}, h)))),
         el("tbody", {}, items.map(({ e, i }) => el("tr", {},
           el("td", {}, el("a", { href: `#/xa/${encodeURIComponent(e.code)}` }, `${e.name} (${e.code})`)),
           el("td", {}, i.code), statusCell(i.status), el("td", {}, valueText(i.value, i.unit)),
           el("td", {}, thresholdText(i.threshold, i.unit)), el("td", {}, i.gap === null ? "" : num(i.gap))))))));
  }
  if (lists.size === 0) main.append(el("p", {}, "Không còn việc nào."));
}

