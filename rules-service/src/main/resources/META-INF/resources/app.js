// Shared by the pages: escaping, calls to the service, and error summaries that name fields.
"use strict";
const esc = (value) => String(value ?? "").replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"}[c]));

// The caller's bearer token, kept for this browser tab only (sessionStorage), never in the page's address.
const TOKEN_KEY = "safeguarding-token";

function tokenField() {
  const input = document.getElementById("token");
  input.value = sessionStorage.getItem(TOKEN_KEY) || "";
  input.addEventListener("change", () => { sessionStorage.setItem(TOKEN_KEY, input.value.trim()); setupBanner(); });
  setupBanner();
}

// Local settings still to make (e.g. the children's services number), from the active rule set: a banner on every page.
async function setupBanner() {
  const banner = document.getElementById("setup-banner");
  if (!banner) return;
  const response = await call("GET", "/api/v1/ruleset");
  const warnings = (response.ok && response.json.setupWarnings) || [];
  banner.hidden = warnings.length === 0;
  banner.innerHTML = warnings.length ? `<strong>Local settings not made yet.</strong> Until they are, advice shows a placeholder:
    <ul>${warnings.map((w) => `<li>${esc(w.sheet)} sheet, cell ${esc(w.cell)}: ${esc(w.message)}</li>`).join("")}</ul>` : "";
}

async function call(method, url, body, headers) {
  const token = (document.getElementById("token")?.value || sessionStorage.getItem(TOKEN_KEY) || "").trim();
  const all = Object.assign({}, headers || {}, token ? {Authorization: `Bearer ${token}`} : {});
  const response = await fetch(url, {method, body, headers: all});
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  return {status: response.status, ok: response.ok, json};
}

// A refused request that said a child is in immediate danger still carries the 999 advice: shown first.
function emergencyHtml(problem) {
  const e = problem && problem.emergency;
  return e ? `<section class="pathway EMERGENCY" role="alert"><h2>${esc(e.text)}</h2>
    <p>The request could not be read, but it says a child may be in immediate danger. Fix it below, after calling.</p></section>` : "";
}

function problemHtml(problem) {
  const errors = (problem && problem.errors) || [];
  return `${emergencyHtml(problem)}<div class="error-summary" role="alert" tabindex="-1" id="error-summary">
    <h3>${esc(problem ? problem.title : "Something went wrong")}</h3>
    <p>${esc(problem ? problem.detail : "The service did not answer.")}</p>
    ${errors.length ? `<ul>${errors.map((e) => `<li><strong>${esc(e.field || "request")}</strong> ${esc(e.message)}</li>`).join("")}</ul>` : ""}
  </div>`;
}
