// Shared by the pages: escaping, calls to the service, and error summaries that name fields.
"use strict";
const esc = (value) => String(value ?? "").replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"}[c]));

async function call(method, url, body, headers) {
  const response = await fetch(url, {method, body, headers});
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  return {status: response.status, ok: response.ok, json};
}

function problemHtml(problem) {
  const errors = (problem && problem.errors) || [];
  return `<div class="error-summary" role="alert" tabindex="-1" id="error-summary">
    <h3>${esc(problem ? problem.title : "Something went wrong")}</h3>
    <p>${esc(problem ? problem.detail : "The service did not answer.")}</p>
    ${errors.length ? `<ul>${errors.map((e) => `<li><strong>${esc(e.field || "request")}</strong> ${esc(e.message)}</li>`).join("")}</ul>` : ""}
  </div>`;
}
