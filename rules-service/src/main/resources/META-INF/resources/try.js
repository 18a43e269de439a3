// "Try an incident": builds the request from the form and shows the recommendation, pathway first.
"use strict";
const FACTS = [
  ["immediateDanger", "Is a child in immediate danger now?", "tri"],
  ["selfHarmRisk", "Is a child at immediate risk of harm because of the sharing (e.g. suicidal, self-harming)?", "tri"],
  ["adultInvolved", "Was anyone aged 18 or over involved?", "tri"],
  ["adultIsStaffOrVolunteer", "Does the adult involved work or volunteer for the school or setting?", "tri"],
  ["staffOrVolunteerUnder18", "Does anyone under 18 involved work or volunteer for the setting (a young leader, work experience)?", "tri"],
  ["onlineContact", "Is anyone involved known to the child only online (a game, an app, social media)?", "tri"],
  ["intendedHarm", "Was it made or shared to cause harm (revenge, humiliation, bullying)?", "tri"],
  ["consentGiven", "Did every young person consent to it being made and to each sharing?", "tri"],
  ["consentByStep.making", "Did the child in it agree to it being made?", "tri"],
  ["consentByStep.sending", "Did they agree to it being sent to the first person who got it?", "tri"],
  ["consentByStep.forwarding", "Did they agree to it being passed on beyond that person?", "tri"],
  ["coercionOrBlackmail", "Any coercion, blackmail, threats or grooming?", "tri"],
  ["threatToShare", "Has anyone threatened to share an image unless the child pays or sends more (sextortion)?", "tri"],
  ["capacityConcern", "Any concern about a child's capacity to consent (e.g. SEN)?", "tri"],
  ["atypicalOrViolentContent", "From what you have been told, sexual acts unusual for the age, or violence?", "tri"],
  ["under13SexualActivity", "Sexual acts, with a child in it under 13?", "tri"],
  ["profitMotive", "Sold or traded for money or gain?", "tri"],
  ["parentalRisk", "Would involving parents or carers put the child at risk?", "tri"],
  ["childDistressed", "Is a child involved distressed or anxious?", "tri"],
  ["mediaType", "What was shared?", ["IMAGE", "VIDEO", "MESSAGE"], {IMAGE: "An image", VIDEO: "A video", MESSAGE: "A text message only"}],
  ["imageryOrigin", "Where did it come from?", ["TAKEN", "AI_OR_ALTERED", "AI_OR_ALTERED_FROM_SETTING_PHOTOS", "REQUEST_ONLY"],
    {TAKEN: "A real photo, video or message", AI_OR_ALTERED: "Made or altered by software (AI, a \"nudify\" app)",
      AI_OR_ALTERED_FROM_SETTING_PHOTOS: "Made by software from the setting's own photographs", REQUEST_ONLY: "No image: someone only asked for one"}],
  ["sharing", "How far has it spread?", ["NOT_SHARED", "SHARED_WITH_FEW", "SHARED_WIDELY", "POSTED_ONLINE"],
    {NOT_SHARED: "Not shared further", SHARED_WITH_FEW: "Shared with a few", SHARED_WIDELY: "Shared widely", POSTED_ONLINE: "Posted online"}],
  ["device", "Whose device is it on?", ["ORGANISATION", "PERSONAL"], {ORGANISATION: "The organisation's", PERSONAL: "A personal device"}],
  ["socialCareStatus", "Is a child involved known to children's social care?", ["NONE", "CHILD_IN_NEED", "CHILD_PROTECTION_PLAN", "LOOKED_AFTER"],
    {NONE: "No", CHILD_IN_NEED: "A child in need", CHILD_PROTECTION_PLAN: "On a child protection plan", LOOKED_AFTER: "Looked after"}],
];
const ROLES = {CREATOR: "Made it", SENDER: "Sent it", RECIPIENT: "Received it", PICTURED: "Is in it", SHARER: "Shared it on",
  REQUESTER: "Asked for or demanded it", OTHER: "Involved some other way", REPORTER: "Reported it (not involved)"};
const PATHWAY_WORDS = {
  EMERGENCY: "EMERGENCY – call 999 now",
  ESCALATE: "ESCALATE – refer",
  HANDLE_INTERNALLY: "HANDLE INTERNALLY – the organisation may deal with it",
};
// A heading names a service only when the decision's actions include it (safety property 12).
const REFERRED_TO = [["REFER_CHILDRENS_SOCIAL_CARE", "children's social care"], ["REPORT_TO_POLICE", "the police"],
  ["REFER_LADO", "the LADO"], ["REPORT_TO_CEOP", "CEOP"]];

function pathwayHeading(r) {
  if (r.pathway !== "ESCALATE") return PATHWAY_WORDS[r.pathway] || r.pathway;
  const codes = r.actions.map((a) => a.code);
  const names = REFERRED_TO.filter(([code]) => codes.includes(code)).map(([, name]) => name);
  if (!names.length) return PATHWAY_WORDS.ESCALATE;
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return `${PATHWAY_WORDS.ESCALATE} to ${list}${r.provisional ? " (see the conditions below)" : ""}`;
}

function renderFacts() {
  document.getElementById("facts").innerHTML = FACTS.map(([name, question, kind, labels]) => {
    const options = kind === "tri"
      ? [["", "Not known"], ["true", "Yes"], ["false", "No"]]
      : [["", "Not known"], ...kind.map((v) => [v, labels[v]])];
    return `<div class="field"><label for="${name}">${esc(question)}</label>
      <span class="hint code">${name}</span>
      <select id="${name}" name="${name}">${options.map(([v, t]) => `<option value="${v}">${esc(t)}</option>`).join("")}</select></div>`;
  }).join("");
}

let people = 0;
function addPerson() {
  const n = people++;
  const row = document.createElement("div");
  row.className = "person";
  const roleOptions = Object.entries(ROLES).map(([r, words]) => `<option value="${r}">${esc(words)}</option>`).join("");
  row.innerHTML = `<div class="field"><label for="role-${n}">Role of person ${n + 1}</label>
      <select id="role-${n}" class="role">${roleOptions}</select></div>
    <div class="field"><label for="also-${n}">And also (a child can be in it and have shared it on)</label>
      <select id="also-${n}" class="also"><option value="">Nothing else</option>${roleOptions}</select></div>
    <div class="field"><label for="age-${n}">Age of person ${n + 1} (leave empty if not known)</label>
      <input type="number" id="age-${n}" class="age" min="0" max="120" step="1" inputmode="numeric"></div>
    <div class="field"><label for="works-${n}">Does person ${n + 1} work or volunteer for the setting?</label>
      <select id="works-${n}" class="works"><option value="">Not known</option><option value="true">Yes</option><option value="false">No</option></select></div>
    <button type="button" class="remove">Remove person ${n + 1}</button>`;
  row.querySelector(".remove").addEventListener("click", () => { row.remove(); document.getElementById("add-person").focus(); });
  document.getElementById("people").appendChild(row);
  row.querySelector("select").focus();
}

function rolesOf(row) {
  const role = row.querySelector(".role").value;
  const also = row.querySelector(".also").value;
  return also && also !== role ? [role, also] : [role];
}

function request() {
  const body = {};
  for (const [name, , kind] of FACTS) {
    const value = document.getElementById(name).value;
    if (value === "") continue;
    const answer = kind === "tri" ? value === "true" : value;
    const [field, step] = name.split(".");
    if (step) (body[field] = body[field] || {})[step] = answer;
    else body[field] = answer;
  }
  const list = [...document.querySelectorAll("#people .person")].map((row) => {
    const roles = rolesOf(row);
    const person = roles.length === 1 ? {role: roles[0]} : {roles};
    person.age = row.querySelector(".age").value === "" ? null : Number(row.querySelector(".age").value);
    const works = row.querySelector(".works").value;
    if (works !== "") person.worksForSetting = works === "true";
    return person;
  });
  if (list.length) body.people = list;
  const reference = document.getElementById("reference").value.trim();
  if (reference) body.reference = reference;
  return body;
}

function questionsHtml(r) {
  if (!r.questions.length) return "";
  const list = `<ol>${r.questions.map((q) => `<li><strong>${esc(q.text)}</strong><br>${esc(q.why)}</li>`).join("")}</ol>`;
  // In an emergency the actions come first; the questions wait until the child is safe.
  return r.pathway === "EMERGENCY"
    ? `<details class="questions"><summary>When the child is safe: still to find out (${r.questions.length})</summary>${list}</details>`
    : `<h3>Still to find out</h3>${list}`;
}

function answerWords(name, kind, labels) {
  const value = document.getElementById(name).value;
  if (value === "") return "Not known";
  return kind === "tri" ? (value === "true" ? "Yes" : "No") : labels[value];
}

// The decision record for the child's safeguarding file: what was entered, when, by whom, and what the
// rules said. The name is the one typed on this page, never anything from the token.
function recordHtml(r, decidedAt) {
  const decidedBy = document.getElementById("decided-by").value.trim();
  const people = [...document.querySelectorAll("#people .person")].map((row) => {
    const age = row.querySelector(".age").value;
    const works = {true: ", works or volunteers for the setting", false: ", does not work for the setting"}[row.querySelector(".works").value] || "";
    return `${rolesOf(row).map((r) => ROLES[r]).join(" and ")}${age === "" ? ", age not known" : `, aged ${age}`}${works}`;
  });
  return `<section class="record" aria-labelledby="record-heading">
      <h3 id="record-heading">Decision record</h3>
      <dl>
        <dt>Date and time</dt><dd>${esc(decidedAt.toLocaleString("en-GB", {dateStyle: "long", timeStyle: "short"}))}</dd>
        <dt>Decided by</dt><dd>${decidedBy ? esc(decidedBy) : "(not given)"}</dd>
        <dt>Reference</dt><dd>${r.reference ? esc(r.reference) : "(none)"}</dd>
        <dt>Rule set</dt><dd>version ${esc(r.ruleSet.version)}; decision ${esc(r.decisionId)}</dd>
      </dl>
      <h4>What was known</h4>
      <dl class="known">${FACTS.map(([name, question, kind, labels]) => `<dt>${esc(question)}</dt><dd>${esc(answerWords(name, kind, labels))}</dd>`).join("")}</dl>
      <dl><dt>People</dt><dd>${people.length ? people.map(esc).join("; ") : "(none given)"}</dd></dl>
      <p class="no-print"><button type="button" id="print-record">Print or save this record</button></p>
    </section>`;
}

function recommendationHtml(r) {
  const warnings = r.warnings || [];
  return `<section class="pathway ${esc(r.pathway)}" aria-labelledby="pathway-heading">
      <p class="visually-hidden">Pathway</p>
      <h2 id="pathway-heading" tabindex="-1">${esc(pathwayHeading(r))}</h2>
      <p>${esc(r.summary)}</p>
      ${r.provisional ? `<p class="provisional">Provisional: the answers to the questions below could change this pathway. Act on it now and find out.</p>` : ""}
    </section>
    ${warnings.length ? `<div class="warnings" role="note"><h3>Check what you entered</h3><ul>${warnings.map((w) =>
      `<li><strong>${esc(w.field)}</strong> ${esc(w.message)}</li>`).join("")}</ul></div>` : ""}
    <h3>What to do, in order</h3>
    <ol class="actions">${r.actions.map((a) => `<li>${esc(a.text)} <span class="code">${esc(a.code)}</span></li>`).join("")}</ol>
    ${questionsHtml(r)}
    ${Object.keys(r.derivedFacts).length ? `<p>Worked out from what was entered: ${Object.entries(r.derivedFacts).map(([k, v]) => `${esc(k)} = ${esc(v)}`).join(", ")}.</p>` : ""}
    <details class="why"><summary>Why: the rules that applied and their guidance</summary>
      <table><thead><tr><th scope="col">Rule</th><th scope="col">Table</th><th scope="col">What it says</th><th scope="col">Guidance</th></tr></thead>
      <tbody>${r.reasons.map((x) => `<tr><td>${esc(x.rule)}</td><td>${esc(x.table)}</td><td>${esc(x.text)}</td><td>${esc(x.guidance)}</td></tr>`).join("")}</tbody></table>
    </details>
    <p class="code">Decision ${esc(r.decisionId)} · rule set ${esc(r.ruleSet.version)}${r.reference ? ` · reference ${esc(r.reference)}` : ""}</p>
    ${recordHtml(r, new Date())}`;
}

document.addEventListener("DOMContentLoaded", () => {
  tokenField();
  renderFacts();
  document.getElementById("add-person").addEventListener("click", addPerson);
  document.getElementById("incident").addEventListener("submit", async (event) => {
    event.preventDefault();
    const result = document.getElementById("result");
    const body = request();
    const response = await call("POST", "/api/v1/decisions", JSON.stringify(body), {"Content-Type": "application/json"});
    result.innerHTML = response.ok ? recommendationHtml(response.json) : problemHtml(response.json, response.status, body.immediateDanger);
    (document.getElementById("pathway-heading") || document.getElementById("error-summary")).focus();
    const print = document.getElementById("print-record");
    if (print) print.addEventListener("click", () => window.print());
  });
  // A printed record shows every reason and question, not the collapsed summaries.
  window.addEventListener("beforeprint", () => document.querySelectorAll("#result details").forEach((d) => { d.open = true; }));
});
