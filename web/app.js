// The web app of ntm serve: every figure and verdict comes from the API (docs/api.md); the app
// only lays them out.  This file: the helpers, the data chosen and judged, the routing; the
// pages are in pages.js and editor.js, loaded before it.  Text from the data is always set as
// text, never as HTML.
"use strict";

const STATUS = { met: "Đạt", not_met: "Không đạt", unknown: "Thiếu dữ liệu", not_applicable: "Không áp dụng" };
const KIND = { xa: "Xã", huyen: "Huyện", tinh: "Tỉnh", thon: "Thôn" };
// upload: the workbook or file uploaded ({name, bytes}), sent again for an explanation or an
// edit's impact; null when the data is a file the server offers.
const app = { rules: null, ruleErrors: null, doc: null, dataName: "", year: null, files: [], editing: null, checkTimer: 0,
              upload: null };

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
  if (body !== undefined) {
    init.body = body;
    if (!(body instanceof FormData)) init.headers["Content-Type"] = type || "application/json";  // a form: its boundary
  }
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

// The data of a call that reads it again (explain, diff): the query naming the file offered, or
// the upload's name with its bytes to send; null when no data is chosen.
function dataChosen() {
  const ds = document.getElementById("dataset").value;
  if (ds) return { query: `dataset=${encodeURIComponent(ds)}` };
  if (app.upload) return { query: `name=${encodeURIComponent(app.upload.name)}`, upload: app.upload };
  return null;
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
      if (!pick.value) return;
      app.upload = null;
      evaluate(`/api/v1/evaluate?dataset=${encodeURIComponent(pick.value)}`, undefined, undefined, pick.value);
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
    app.upload = { name: f.name, bytes: await f.arrayBuffer() };
    evaluate(`/api/v1/evaluate?name=${encodeURIComponent(f.name)}`, app.upload.bytes, "application/octet-stream", f.name);
  });
  document.getElementById("year").addEventListener("change", (ev) => { app.year = Number(ev.target.value); route(); });
  window.addEventListener("hashchange", route);
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
