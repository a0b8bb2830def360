// The web app of ntm serve: every figure and verdict comes from the API (docs/api.md); this file
// only lays them out.  Text from the data is always set as text, never as HTML.
"use strict";

const STATUS = { met: "Đạt", not_met: "Không đạt", unknown: "Thiếu dữ liệu", not_applicable: "Không áp dụng" };
const KIND = { xa: "Xã", huyen: "Huyện", tinh: "Tỉnh", thon: "Thôn" };
const app = { rules: null, ruleErrors: null, doc: null, dataName: "", year: null, files: [], editing: null, checkTimer: 0 };

// ---------------------------------------------------------------------------------------------
// Helpers

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "width") e.style.width = v;  // through the CSSOM: the page allows no inline style
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function say(text, error) {
  const s = document.getElementById("state");
  s.textContent = text;
  s.className = error ? "error" : "";
}

async function api(method, path, body, type) {
  const init = { method, headers: {} };
  if (body !== undefined) { init.body = body; init.headers["Content-Type"] = type || "application/json"; }
  // The app is in Vietnamese, whatever language the browser asks for.
  const res = await fetch(path + (path.includes("?") ? "&" : "?") + "lang=vi", init);
  const text = await res.text();
  let data = text;
  if ((res.headers.get("Content-Type") || "").startsWith("application/json")) data = JSON.parse(text);
  if (!res.ok && !(data && data.diagnostics)) {
    throw new Error(data && data.error ? data.error.message : `HTTP ${res.status}`);
  }
  return { status: res.status, data };
}

const num = (v) => (typeof v === "number" ? v.toLocaleString("vi-VN") : v);
const pct = (n, total) => (total > 0 ? `${(100 * n / total).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} %` : "–");

function levelTitle(name) {
  if (name === null || name === undefined) return "Chưa đạt";
  const l = app.rules && app.rules.levels.find((x) => x.name === name);
  return l ? l.title : name;
}

// A set and a criterion of it, from GET /api/v1/rules.
const setOf = (name) => (app.rules ? app.rules.sets.find((s) => s.name === name) : undefined);
function criterionLabel(set, code) {
  const s = setOf(set);
  const c = s ? s.criteria.find((x) => x.code === code) : undefined;
  return c && c.title ? `Tiêu chí ${code}. ${c.title}` : `Tiêu chí ${code}`;
}

// A unit as the rules write it ("percent" → "%"), from GET /api/v1/rules.
function unitSymbol(unit) {
  const s = app.rules && app.rules.units ? app.rules.units[unit] : undefined;
  return s === undefined ? unit : s;
}

function valueText(v, unit) {
  if (v === null || v === undefined) return "thiếu dữ liệu";
  if (v === true) return "có";
  if (v === false) return "không";
  const symbol = unit && unit !== "yesno" ? unitSymbol(unit) : "";
  return symbol ? `${num(v)} ${symbol}` : num(v);
}

const CMP = { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=" };

function thresholdText(t, unit) {
  if (!t || !t.cmp) return "";
  if (t.cmp === "yes") return "có";
  if (t.cmp === "no") return "không";
  const parts = [CMP[t.cmp] || t.cmp];
  if (t.low !== null && t.low !== undefined) parts.push(num(t.low));
  if (t.high !== null && t.high !== undefined) parts.push(`– ${num(t.high)}`);
  const symbol = unit && unit !== "yesno" ? unitSymbol(unit) : "";
  if (symbol) parts.push(symbol);
  return parts.join(" ");
}

const statusCell = (s) => el("td", { class: s }, STATUS[s] || s || "");

function yearDoc() {
  return app.doc ? app.doc.years.find((y) => y.year === app.year) : null;
}

function entityName(y, code) {
  const e = y.entities.find((x) => x.code === code);
  return e ? `${e.type} ${e.name}` : code;
}

// ---------------------------------------------------------------------------------------------
// Data: an offered file or an upload, judged every year; the year chosen after

async function evaluate(path, body, type, label) {
  say(`Đang đánh giá ${label}…`);
  try {
    const { data } = await api("POST", path, body, type);
    if (data.diagnostics) {  // the rules have errors: nothing is judged until they are mended
      app.doc = null;
      app.ruleErrors = data;
      say(`Bộ luật có ${data.errors} lỗi: xem trang Soạn luật.`, true);
      route();
      return;
    }
    app.ruleErrors = null;
    app.doc = data;
    app.dataName = label;
    const years = data.years.map((y) => y.year);
    const pick = document.getElementById("year");
    pick.replaceChildren(...years.map((y) => el("option", { value: y }, y)));
    app.year = years[years.length - 1];
    pick.value = app.year;
    say(`${label}: ${num(data.counts.accepted)} bản ghi, ${data.years.length} năm.`);
    route();
  } catch (e) {
    say(e.message, true);
  }
}

async function start() {
  try {
    const [{ data: status }, rules] = await Promise.all([api("GET", "/api/v1/status"), api("GET", "/api/v1/rules")]);
    if (!rules.data.diagnostics) app.rules = rules.data;
    app.files = rules.data.files || [];
    const pick = document.getElementById("dataset");
    pick.replaceChildren(el("option", { value: "" }, "— chọn —"),
                         ...status.datasets.map((d) => el("option", { value: d.name }, d.name)));
    pick.addEventListener("change", () => {
      if (pick.value) evaluate(`/api/v1/evaluate?dataset=${encodeURIComponent(pick.value)}`, undefined, undefined, pick.value);
    });
    if (status.datasets.length > 0) {
      pick.value = status.datasets[0].name;
      evaluate(`/api/v1/evaluate?dataset=${encodeURIComponent(pick.value)}`, undefined, undefined, pick.value);
    } else {
      route();
    }
  } catch (e) {
    say(e.message, true);
  }
  document.getElementById("upload").addEventListener("change", async (ev) => {
    const f = ev.target.files[0];
    if (!f) return;
    document.getElementById("dataset").value = "";
    evaluate(`/api/v1/evaluate?name=${encodeURIComponent(f.name)}`, await f.arrayBuffer(), "application/octet-stream", f.name);
  });
  document.getElementById("year").addEventListener("change", (ev) => { app.year = Number(ev.target.value); route(); });
  window.addEventListener("hashchange", route);
}

// ---------------------------------------------------------------------------------------------
// Pages

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
                   link("xlsx", "Excel")));
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
    main.append(el("table", {},
      el("thead", {}, el("tr", {}, el("th", {}, "Tệp"), el("th", { class: "num" }, "Dòng"), el("th", {}, "Cột"),
                         el("th", {}, "Mã"), el("th", {}, "Vấn đề"))),
      el("tbody", {}, problems.map((p) => el("tr", {}, el("td", {}, p.file), el("td", { class: "num" }, p.line || ""),
                                             el("td", {}, p.field || ""), el("td", {}, p.code || ""), el("td", {}, p.message))))));
  }
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
  const ds = document.getElementById("dataset").value;
  if (!ds) return;  // an upload: the explanation's text needs the file again
  const text = el("pre", {}, "Đang giải thích…");
  main.append(el("h3", {}, "Lời giải thích đầy đủ"), text);
  try {
    const { data } = await api("POST", `/api/v1/explain?dataset=${encodeURIComponent(ds)}&entity=${encodeURIComponent(code)}&year=${y.year}`);
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

// The rule editor: a file's text, its diagnostics as it is typed, saved with the text before kept.
function editor(main, query) {
  main.append(el("h2", {}, "Soạn luật"));
  const list = el("ul", { "aria-label": "Các tệp luật" });
  const area = el("textarea", { spellcheck: "false", "aria-label": "Nội dung tệp luật", disabled: true });
  const diags = el("ul", { id: "diagnostics", "aria-live": "polite" });
  const summary = el("p", { class: "muted" }, "Chọn một tệp ở bên trái.");
  const save = el("button", { type: "button", disabled: true }, "Lưu (giữ bản trước thành .bak)");
  const preview = el("button", { type: "button", disabled: true }, "Xem tác động trước khi lưu");
  const impact = el("div", { id: "impact", "aria-live": "polite" });
  const proposed = el("p", { class: "unknown" });
  for (const f of app.files) {
    list.append(el("li", {}, el("a", { href: `#/luat?tep=${encodeURIComponent(f)}`, "data-file": f }, f)));
  }
  main.append(el("div", { class: "editor" }, el("nav", { "aria-label": "Tệp luật" }, list),
                 el("div", {}, proposed, area, el("p", {}, save, " ", preview, " ", summary), diags, impact)));

  const show = (check) => {
    summary.textContent = `${check.errors} lỗi, ${check.warnings} cảnh báo trong ${check.files.length} tệp`;
    const items = [];
    for (const p of check.io_errors) items.push(el("li", { class: "not_met" }, `${p.file}: ${p.message}`));
    for (const d of check.diagnostics) {
      const here = d.file === app.editing;
      const text = `${d.file}:${d.line}:${d.column}: ${d.severity === "error" ? "lỗi" : "cảnh báo"} [${d.code}] ${d.message}`;
      items.push(el("li", { class: d.severity === "error" ? "not_met" : "unknown" },
        here ? el("a", { href: "#/luat", onclick: (ev) => { ev.preventDefault(); goto(d.line, d.column); } }, text) : text,
        d.help ? el("div", { class: "muted" }, d.help) : null,
        (d.notes || []).map((n) => el("div", { class: "muted" }, `${n.file}:${n.line}: ${n.message}`))));
    }
    diags.replaceChildren(...items);
  };
  const goto = (line, column) => {
    const lines = area.value.split("\n");
    let at = 0;
    for (let i = 0; i < line - 1 && i < lines.length; ++i) at += lines[i].length + 1;
    area.focus();
    area.setSelectionRange(at + column - 1, at + column - 1);
  };
  const check = async () => {
    try {
      const { data } = await api("POST", "/api/v1/check", JSON.stringify({ file: app.editing, text: area.value }));
      show(data);
    } catch (e) {
      summary.textContent = e.message;
    }
  };
  const open = async (f, proposal) => {
    try {
      const { data } = await api("GET", `/api/v1/rules/file?path=${encodeURIComponent(f)}`);
      app.editing = f;
      area.value = data;
      // A proposed change sent as a link (&tim=OLD&thay=NEW): made in the editor, not saved,
      // and its impact shown.
      if (proposal && data.includes(proposal.find)) {
        area.value = data.replace(proposal.find, proposal.replace);
        proposed.textContent = `Đề xuất sửa: «${proposal.find}» → «${proposal.replace}» (chưa lưu)`;
      }
      area.disabled = false;
      save.disabled = false;
      preview.disabled = false;
      impact.replaceChildren();
      for (const a of list.querySelectorAll("a")) a.setAttribute("aria-current", a.dataset.file === f ? "true" : "false");
      await check();
      if (proposal && area.value !== data) preview.click();
    } catch (e) {
      summary.textContent = e.message;
    }
  };
  // What the text as typed would change, against the rules on disk, on the data chosen above.
  preview.addEventListener("click", async () => {
    const ds = document.getElementById("dataset").value;
    if (!ds) { impact.replaceChildren(el("p", {}, "Chọn một tệp dữ liệu có sẵn của máy chủ ở trên để xem tác động.")); return; }
    impact.replaceChildren(el("p", { class: "muted" }, "Đang so sánh…"));
    try {
      const { data } = await api("POST", `/api/v1/diff?dataset=${encodeURIComponent(ds)}` + (app.year ? `&year=${app.year}` : ""),
                                 JSON.stringify({ file: app.editing, text: area.value }));
      if (data.diagnostics) { show(data); impact.replaceChildren(el("p", { class: "not_met" }, "Văn bản còn lỗi: sửa trước khi xem tác động.")); return; }
      const changes = data.changes.map((c) => el("li", {}, c.text));
      const moved = data.impact.entities.map((e) => {
        const from = e.old.level_title || "Chưa đạt", to = e.new.level_title || "Chưa đạt";
        const may = e.old.may_reach !== e.new.may_reach ? ` (có thể đạt: ${e.old.may_reach || "–"} → ${e.new.may_reach || "–"})` : "";
        return el("li", {}, el("a", { href: `#/xa/${encodeURIComponent(e.code)}` }, `${e.type} ${e.name} (${e.code})`),
                  `, ${e.parent}: ${from} → ${to}${may}`,
                  el("ul", {}, e.causes.map((k) => el("li", { class: "muted" },
                    `${k.code} ${k.title || ""}: ${STATUS[k.old_status] || k.old_status || "–"} → ${STATUS[k.new_status] || k.new_status || "–"}`
                    + (k.old_threshold !== undefined && k.old_threshold !== k.new_threshold ? ` (yêu cầu ${num(k.old_threshold)} → ${num(k.new_threshold)} ${k.unit || ""})` : "")
                    + (k.responsible ? ` — ${k.responsible}` : "")))));
      });
      impact.replaceChildren(el("h3", {}, `Nếu lưu: ${data.changes.length} thay đổi trong luật, ${data.impact.entities.length} đơn vị đổi kết quả (năm ${data.impact.new_year})`),
                             el("ul", {}, changes), el("ul", {}, moved));
    } catch (e) {
      impact.replaceChildren(el("p", { class: "not_met" }, e.message));
    }
  });
  area.addEventListener("input", () => { clearTimeout(app.checkTimer); app.checkTimer = setTimeout(check, 300); });
  save.addEventListener("click", async () => {
    try {
      const { data } = await api("PUT", `/api/v1/rules/file?path=${encodeURIComponent(app.editing)}`, area.value, "text/plain; charset=utf-8");
      show(data);
      say(`Đã lưu ${app.editing}.`);
    } catch (e) {
      say(e.message, true);
    }
  });
  // #/luat?tep=FILE opens a file (a link to it can be kept or sent), &tim=OLD&thay=NEW with a
  // change proposed in it.
  const asked = query.get("tep");
  const proposal = query.has("tim") ? { find: query.get("tim"), replace: query.get("thay") || "" } : null;
  if (asked && app.files.includes(asked)) open(asked, proposal);
  else if (app.editing) open(app.editing);
}

function route() {
  const [path, q] = (location.hash.replace(/^#/, "") || "/").split("?");
  const query = new URLSearchParams(q || "");
  const main = document.getElementById("main");
  main.replaceChildren();
  const parts = path.split("/").filter(Boolean);
  const page = parts[0] === "xa" ? "xa" : parts[0] || "tong-quan";
  for (const a of document.querySelectorAll("nav a[data-page]")) {
    if (a.dataset.page === page) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
  }
  if (parts[0] === "xa" && parts[1]) commune(main, decodeURIComponent(parts[1]));
  else if (parts[0] === "xa") communes(main, query);
  else if (parts[0] === "tieu-chi") criterionView(main, query);
  else if (parts[0] === "so") workLists(main);
  else if (parts[0] === "luat") editor(main, query);
  else overview(main);
}

start();
