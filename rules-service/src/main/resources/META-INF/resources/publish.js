// "Publish tables": upload workbooks, read their check report, activate, see history, roll back.
"use strict";

function incidents(count, of) {
  return `${Number(count).toLocaleString("en-GB")} of the ${Number(of).toLocaleString("en-GB")} possible incidents`;
}

function reportHtml(v) {
  const r = v.report;
  const parts = [`<h3 id="report-heading" tabindex="-1">Version ${esc(v.version)}:
    <span class="status ${v.passed ? "passed" : "failed"}">${v.passed ? "passed every check" : "failed its checks"}</span></h3>`];
  if (r.problems && r.problems.length) {
    parts.push(`<h4>Problems to fix in the workbook</h4><table><thead><tr><th scope="col">Workbook</th><th scope="col">Sheet</th>
      <th scope="col">Cell</th><th scope="col">What is wrong</th></tr></thead><tbody>${r.problems.map((p) =>
      `<tr><td>${esc(p.workbook)}</td><td>${esc(p.sheet)}</td><td>${esc(p.cell)}</td><td>${esc(p.message)}</td></tr>`).join("")}</tbody></table>`);
  }
  if (r.safety) {
    const findings = r.safety.findings || [];
    parts.push(`<h4>Safety</h4><p class="status ${findings.length ? "failed" : "passed"}">${findings.length
      ? `${findings.length} safety propert${findings.length === 1 ? "y fails" : "ies fail"}`
      : `Every safety property holds, checked on all ${Number(r.safety.pathwayCombinations).toLocaleString("en-GB")} combinations of what may be known about an incident`}</p>`);
    for (const f of findings) {
      parts.push(`<div class="error-summary"><p><strong>This edit is not safe:</strong> ${esc(f.message)}</p>
        <p class="hint">Safety rule ${esc(f.property)} of the decision model: ${esc(f.title)}.</p>
        <p>${f.rules.some((x) => x.isText) ? "Text to change" : "Rules involved"}: ${f.rules.map((x) => x.isText
          ? `${esc(x.sheet)} sheet, cell ${esc(x.cell)}` : `${esc(x.id)} (${esc(x.sheet)} sheet, cell ${esc(x.cell)})`).join(", ") || "none"}</p>
        <p>For example: ${esc(f.example)}.</p>
        <details><summary>The same incident, fact by fact</summary><ul>${(f.exampleFacts || [])
          .map((clause) => `<li>${esc(clause)}</li>`).join("")}</ul></details></div>`);
    }
    // Rows that change nothing: never wrong for a child, but a lead should know the row has no effect.
    const tidy = r.safety.hygiene || [];
    if (tidy.length) {
      parts.push(`<h4>Rows that change nothing</h4><ul>${tidy.map((h) =>
        `<li>${esc(h.sheet)} sheet, cell ${esc(h.cell)}: ${esc(h.message)}</li>`).join("")}</ul>`);
    }
  }
  if (r.scenarios && (r.scenarios.passed + r.scenarios.failed) > 0) {
    parts.push(`<h4>Scenarios</h4><p class="status ${r.scenarios.failed ? "failed" : "passed"}">${r.scenarios.passed} passed, ${r.scenarios.failed} failed</p>`);
    const failed = r.scenarios.results.filter((x) => !x.passed);
    if (failed.length) {
      parts.push(`<ul>${failed.map((x) => `<li>${esc(x.id)} (${esc(x.workbook)} row ${esc(x.row)}) ${esc(x.description)}: ${x.differences.map(esc).join("; ")}</li>`).join("")}</ul>`);
    }
  }
  if (r.impact) {
    const changes = [...r.impact.pathwayChanges, ...r.impact.actionChanges];
    parts.push(`<h4>What changes against the active version</h4>${changes.length ? `<table><thead><tr><th scope="col">What changes</th>
      <th scope="col">For how many incidents</th></tr></thead><tbody>${changes.map((c) => `<tr><td>${c.safetyRegression
      ? `<span class="regression">Less safe:</span> ` : ""}${esc(c.inWords)}</td><td>${incidents(c.combinations, r.impact.combinations)}</td></tr>`).join("")}
      </tbody></table>` : "<p>No incident gets a different pathway or different actions.</p>"}`);
    const texts = r.impact.textChanges || [];
    parts.push(texts.length ? `<h4>Changed texts and settings</h4><table class="text-changes"><thead><tr><th scope="col">Where</th>
      <th scope="col">Before</th><th scope="col">After</th></tr></thead><tbody>${texts.map((c) => `<tr${c.warning ? ' class="check"' : ""}>
      <td>${c.warning ? `<strong class="regression">Check before activating:</strong> ` : ""}${esc(c.sheet)}, ${esc(c.key)}${c.warning
        ? `<br>${esc(c.warning)}` : ""}</td><td>${esc(c.before) || "(none)"}</td><td>${esc(c.after) || "(none)"}</td></tr>`).join("")}
      </tbody></table>` : "<p>No text, summary, question or contact changes.</p>");
  }
  parts.push(v.passed && !v.active ? `<p><button type="button" class="primary" data-activate="${esc(v.sha256)}">Activate version ${esc(v.version)}</button></p>`
    : v.active ? "<p>This version is active.</p>" : "<p>A version that failed its checks cannot be activated.</p>");
  return parts.join("");
}

// The audit trail: uploads, activations, roll backs and deploys, each with who and when.
async function refreshActivity() {
  const response = await call("GET", "/api/v1/audit?limit=20");
  const list = document.getElementById("activity");
  if (!list) return;
  list.innerHTML = response.ok ? response.json.entries.map((e) => `<li>${esc(new Date(e.at).toLocaleString("en-GB"))}:
    ${esc(e.action)} of version <span class="code">${esc(e.version)}</span> by ${esc(e.subject)}${e.detail ? ` (${esc(e.detail)})` : ""}</li>`).join("") : "";
}

async function refresh() {
  refreshActivity();
  const response = await call("GET", "/api/v1/rulesets");
  if (!response.ok) {
    document.getElementById("active-version").textContent = response.status === 401 || response.status === 403
      ? "Sign in, or enter an access token with the rules-admin role (under 'Access token'), to see and publish rule sets."
      : "The rule sets could not be loaded.";
    return;
  }
  const active = response.json.versions.find((v) => v.active);
  // Undo says where it goes: the version that was active before, who uploaded it and when.
  const target = response.json.versions.find((v) => v.sha256 === response.json.rollbackTo);
  rollbackTarget = target ? target.sha256 : null;
  setupBanner(); // the live version's local settings, after every change of version
  const undo = document.getElementById("rollback");
  undo.disabled = !target;
  undo.textContent = target ? `Undo: back to version ${target.version}, uploaded by ${target.uploadedBy} on ${new Date(target.uploadedAt)
    .toLocaleString("en-GB")}` : "Undo: there is no earlier version";
  document.getElementById("active-version").innerHTML = active
    ? `Active rule set: <strong>${esc(active.version)}</strong>, uploaded by ${esc(active.uploadedBy)} at ${esc(new Date(active.uploadedAt).toLocaleString("en-GB"))}.`
    : "No active rule set.";
  document.getElementById("history").innerHTML = `<table><caption class="visually-hidden">Rule set versions, newest first</caption>
    <thead><tr><th scope="col">Version</th><th scope="col">Uploaded by</th><th scope="col">When</th><th scope="col">What changed and why</th><th scope="col">Checks</th><th scope="col">State</th></tr></thead>
    <tbody>${response.json.versions.map((v) => `<tr><td class="code">${esc(v.version)}</td><td>${esc(v.uploadedBy)}</td>
      <td>${esc(new Date(v.uploadedAt).toLocaleString("en-GB"))}</td><td>${esc(v.note || "")}</td>
      <td><span class="status ${v.passed ? "passed" : "failed"}">${v.passed ? "passed" : "failed"}</span></td>
      <td>${v.active ? "<strong>Active</strong>" : v.passed ? `<button type="button" data-activate="${esc(v.sha256)}">Activate ${esc(v.version)}</button>` : ""}</td></tr>`).join("")}</tbody></table>`;
}

// The active version's workbook, byte for byte: edit it in Excel or LibreOffice and upload it again.
async function downloadLive() {
  const list = await call("GET", "/api/v1/rulesets");
  const report = document.getElementById("report");
  if (!list.ok || !list.json.active) {
    report.innerHTML = list.ok ? "<p>There is no active version yet.</p>" : problemHtml(list.json);
    return;
  }
  const token = (document.getElementById("token")?.value || sessionStorage.getItem(TOKEN_KEY) || "").trim();
  const response = await fetch(`/api/v1/rulesets/${encodeURIComponent(list.json.active)}/workbook`,
    {headers: token ? {Authorization: `Bearer ${token}`} : {}});
  if (!response.ok) {
    report.innerHTML = problemHtml(await response.json().catch(() => null));
    return;
  }
  const name = (response.headers.get("Content-Disposition") || "").match(/filename="([^"]+)"/);
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = name ? name[1] : "safeguarding-rules.drl.xlsx";
  document.body.appendChild(link);
  link.click();
  link.remove();
  report.innerHTML = `<p role="status" class="status passed">Downloaded ${esc(link.download)}, the live version. Edit it, save it as
    an Excel workbook (.xlsx) and upload it above.</p>`;
}

// Activation and undo say what they do before it happens: the version, who uploaded it, its note and
// what it changes against the version live now (not against whatever was live when it was uploaded);
// changes marked "Check before activating" need the lead's tick as well.
let rollbackTarget = null;

async function confirmActivation(sha, undo, liveChanged) {
  const [response, against] = await Promise.all([call("GET", `/api/v1/rulesets/${encodeURIComponent(sha)}`),
    call("GET", `/api/v1/rulesets/${encodeURIComponent(sha)}/changes`)]);
  const report = document.getElementById("report");
  if (!response.ok || !against.ok) {
    report.innerHTML = problemHtml((response.ok ? against : response).json);
    return;
  }
  const v = response.json;
  const impact = against.json.impact;
  const live = against.json.live ? against.json.live.substring(0, 12) : "(none)";
  const changes = impact ? [...impact.pathwayChanges, ...impact.actionChanges] : [];
  const texts = impact ? impact.textChanges || [] : [];
  const marked = texts.filter((c) => c.warning);
  const verb = undo ? "Go back to" : "Activate";
  report.innerHTML = `<section class="confirm" role="alertdialog" aria-labelledby="confirm-heading" id="confirm-activation">
    <h3 id="confirm-heading" tabindex="-1">${verb} version ${esc(v.version)}?</h3>
    ${liveChanged ? `<p class="status failed">The live version changed after you looked: read what it changes now.</p>` : ""}
    <p>Uploaded by ${esc(v.uploadedBy)} on ${esc(new Date(v.uploadedAt).toLocaleString("en-GB"))}. From then on every decision uses it.</p>
    <p><strong>What changed and why:</strong> ${esc(v.note) || "(no note)"}</p>
    <p><strong>What it changes against the live version ${esc(live)}:</strong> ${changes.length || texts.length ? "" : "no decision and no text changes."}</p>
    ${changes.length ? `<ul>${changes.map((c) => `<li>${c.safetyRegression ? '<strong class="regression">Less safe:</strong> ' : ""}${esc(c.inWords)}, for ${incidents(c.combinations, impact.combinations)}</li>`).join("")}</ul>` : ""}
    ${texts.length ? `<ul>${texts.map((c) => `<li>${c.warning ? `<strong>Check before activating:</strong> ${esc(c.warning)} ` : ""}${esc(c.sheet)}, ${esc(c.key)}: “${esc(c.before) || "(none)"}” becomes “${esc(c.after) || "(none)"}”</li>`).join("")}</ul>` : ""}
    ${marked.length || liveChanged ? `<p><label><input type="checkbox" id="confirm-read"> I have read the changes marked "Check before activating" against the guidance</label></p>` : ""}
    <p><button type="button" class="primary" id="confirm-activate">Yes, ${verb.toLowerCase()} version ${esc(v.version)}</button>
      <button type="button" id="cancel-activate">Cancel</button></p></section>`;
  document.getElementById("confirm-heading").focus();
  document.getElementById("confirm-activate").addEventListener("click", () => {
    const box = document.getElementById("confirm-read");
    if (box && !box.checked) {
      box.focus();
      return;
    }
    (undo ? rollBack : activate)(sha, Boolean(box && box.checked));
  });
  const cancel = () => { report.innerHTML = ""; document.getElementById("history-heading")?.focus(); };
  document.getElementById("cancel-activate").addEventListener("click", cancel);
  document.getElementById("confirm-activation").addEventListener("keydown", (event) => {
    if (event.key === "Escape") cancel();
  });
}

// The service asks for the tick itself when the live version has changed since the page asked (another
// lead activated meanwhile): the page shows the changes again, in words, rather than the API's refusal,
// and always offers the tick then, since the service asked for it.
const NEEDS_CONFIRMATION = "urn:safeguarding:problem:needs-confirmation";

async function activate(sha, confirmed) {
  const response = await call("POST", `/api/v1/rulesets/${encodeURIComponent(sha)}/activate${confirmed ? "?confirmed=true" : ""}`);
  if (!response.ok && response.json && response.json.type === NEEDS_CONFIRMATION) {
    await confirmActivation(sha, false, true);
    return;
  }
  const report = document.getElementById("report");
  report.innerHTML = response.ok
    ? `<p role="status" id="activated" tabindex="-1" class="status passed">Version ${esc(response.json.version)} is now active.</p>`
    : problemHtml(response.json);
  (document.getElementById("activated") || document.getElementById("error-summary")).focus();
  await refresh();
}

async function rollBack(sha, confirmed) {
  const response = await call("POST", `/api/v1/rulesets/rollback${confirmed ? "?confirmed=true" : ""}`);
  if (!response.ok && response.json && response.json.type === NEEDS_CONFIRMATION) {
    await confirmActivation(sha, true, true);
    return;
  }
  const report = document.getElementById("report");
  report.innerHTML = response.ok
    ? `<p role="status" id="rolled-back" tabindex="-1" class="status passed">Rolled back: version ${esc(response.json.version)} is active again.</p>`
    : problemHtml(response.json);
  (document.getElementById("rolled-back") || document.getElementById("error-summary")).focus();
  await refresh();
}

document.addEventListener("DOMContentLoaded", () => {
  tokenField(refresh);
  refresh();
  document.addEventListener("click", (event) => {
    const sha = event.target.getAttribute && event.target.getAttribute("data-activate");
    if (sha) confirmActivation(sha, false);
  });
  document.getElementById("download-live").addEventListener("click", downloadLive);
  document.getElementById("rollback").addEventListener("click", () => {
    if (rollbackTarget) confirmActivation(rollbackTarget, true);
  });
  document.getElementById("upload").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = new FormData();
    for (const file of document.getElementById("workbooks").files) form.append("workbook", file, file.name);
    form.append("uploadedBy", document.getElementById("uploaded-by").value);
    form.append("note", document.getElementById("note").value);
    const report = document.getElementById("report");
    report.innerHTML = "<p>Checking: validating, proving safety over every combination of facts, running scenarios…</p>";
    const response = await call("POST", "/api/v1/rulesets", form);
    report.innerHTML = response.ok ? reportHtml(response.json) : problemHtml(response.json);
    (document.getElementById("report-heading") || document.getElementById("error-summary")).focus();
    await refresh();
  });
});
