// Shared by the pages: escaping, calls to the service, and error summaries that name fields.
"use strict";
const esc = (value) => String(value ?? "").replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"}[c]));

// The caller's bearer token, kept for this browser tab only (sessionStorage), never in the page's address.
const TOKEN_KEY = "safeguarding-token";

// onChange: what the page does when the token changes (typed, pasted, or from signing in).
function tokenField(onChange) {
  const input = document.getElementById("token");
  input.value = sessionStorage.getItem(TOKEN_KEY) || "";
  input.addEventListener("change", () => { sessionStorage.setItem(TOKEN_KEY, input.value.trim()); setupBanner(); signInArea(); if (onChange) onChange(); });
  setupBanner();
  signIn(input, onChange);
}

// Sign-in through the organisation's identity provider when the service has one (GET /api/v1/sign-in):
// OpenID Connect authorization code flow with PKCE, a public client. The access token is then used like
// a pasted one, for this tab only; the code and state never stay in the address bar.
const SIGN_IN_KEY = "safeguarding-sign-in";
let signInSettings = null;
const base64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const here = () => location.origin + location.pathname;

async function signIn(input, onChange) {
  const response = await fetch("/api/v1/sign-in").catch(() => null);
  signInSettings = response && response.ok ? await response.json() : null;
  if (signInSettings && signInSettings.development) {
    if (await developmentSignIn(input)) {
      setupBanner();
      if (onChange) onChange();
    }
  } else if (signInSettings) {
    const params = new URLSearchParams(location.search);
    if (params.has("code") || params.has("error")) {
      await finishSignIn(params, input);
      setupBanner();
      if (onChange) onChange();
    }
  }
  signInArea();
}

// bin/serve's service on this machine gives its own pages a development token (never a deployed service):
// fetched once per tab unless a token is already there, and labelled on the page while it is used.
async function developmentSignIn(input) {
  if (sessionStorage.getItem(TOKEN_KEY)) return false;
  const response = await fetch("/api/v1/sign-in/development", {method: "POST"}).catch(() => null);
  const tokens = response && response.ok ? await response.json() : null;
  if (!tokens || !tokens.access_token) return false;
  sessionStorage.setItem(TOKEN_KEY, tokens.access_token);
  sessionStorage.setItem(`${SIGN_IN_KEY}-development`, tokens.access_token);
  input.value = tokens.access_token;
  return true;
}

async function finishSignIn(params, input) {
  const pending = JSON.parse(sessionStorage.getItem(SIGN_IN_KEY) || "null");
  sessionStorage.removeItem(SIGN_IN_KEY);
  history.replaceState(null, "", location.pathname);
  const area = document.getElementById("sign-in-area");
  if (params.has("error") || !pending || params.get("state") !== pending.state) {
    area.dataset.error = params.get("error_description") || "Signing in did not finish. Try again.";
    return;
  }
  const response = await fetch(signInSettings.tokenEndpoint, {method: "POST",
    headers: {"Content-Type": "application/x-www-form-urlencoded"},
    body: new URLSearchParams({grant_type: "authorization_code", code: params.get("code"), redirect_uri: here(),
      client_id: signInSettings.clientId, code_verifier: pending.verifier})}).catch(() => null);
  const tokens = response && response.ok ? await response.json() : null;
  if (!tokens || !tokens.access_token) {
    area.dataset.error = "The identity provider did not give a token. Try again.";
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, tokens.access_token);
  sessionStorage.setItem(`${SIGN_IN_KEY}-id`, tokens.id_token || "");
  input.value = tokens.access_token;
}

async function startSignIn() {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64url(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
  sessionStorage.setItem(SIGN_IN_KEY, JSON.stringify({verifier, state}));
  const url = new URL(signInSettings.authorizationEndpoint);
  url.search = new URLSearchParams({client_id: signInSettings.clientId, response_type: "code", scope: "openid",
    redirect_uri: here(), state, code_challenge: challenge, code_challenge_method: "S256"}).toString();
  location.assign(url.toString());
}

function signOut() {
  const idToken = sessionStorage.getItem(`${SIGN_IN_KEY}-id`);
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(`${SIGN_IN_KEY}-id`);
  const url = new URL(signInSettings.endSessionEndpoint);
  url.search = new URLSearchParams(Object.assign({client_id: signInSettings.clientId, post_logout_redirect_uri: here()},
    idToken ? {id_token_hint: idToken} : {})).toString();
  location.assign(url.toString());
}

// Who the token says is signed in (preferred_username, name or subject); the service checks the token, not this.
function tokenName(token) {
  try {
    const claims = JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
    return claims.preferred_username || claims.name || claims.sub || null;
  } catch (e) {
    return null;
  }
}

function signInArea() {
  const area = document.getElementById("sign-in-area");
  if (!area || !signInSettings) return;
  const token = sessionStorage.getItem(TOKEN_KEY) || "";
  const name = token && tokenName(token);
  area.hidden = false;
  if (signInSettings.development) {
    const development = token && token === sessionStorage.getItem(`${SIGN_IN_KEY}-development`);
    area.innerHTML = development
      ? `<strong class="development-sign-in" id="development-sign-in">Development sign-in</strong>: this page is signed in by bin/serve on
        this machine, for trying the service. A deployed service never offers this: there you sign in with your organisation's account.`
      : "";
    area.hidden = !development;
    return;
  }
  area.innerHTML = (area.dataset.error ? `<span class="status failed" role="alert">${esc(area.dataset.error)}</span> ` : "")
    + (name ? `Signed in as <strong id="signed-in-as">${esc(name)}</strong>. <button type="button" id="sign-out">Sign out</button>`
      : `<button type="button" id="sign-in">Sign in with your organisation's account</button>`);
  delete area.dataset.error;
  const uploadedBy = document.getElementById("uploaded-by");
  if (name && uploadedBy && !uploadedBy.value) uploadedBy.value = name;
  const button = document.getElementById("sign-in") || document.getElementById("sign-out");
  button.addEventListener("click", name ? signOut : startSignIn);
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

// A refusal of a decision request carries the 999 advice, because the service answers it before reading the body.
// The page knows what its own form said: the 999 headline only when it says a child is in immediate danger, one calm
// line otherwise, so a lapsed sign-in never reads as an emergency.
function emergencyHtml(problem, immediateDanger) {
  const e = problem && problem.emergency;
  if (!e) return "";
  if (immediateDanger === true) {
    return `<section class="pathway EMERGENCY" role="alert"><h2>${esc(e.text)}</h2>
    <p>The request could not be answered, but you said a child is in immediate danger. Call first, then fix what is below.</p></section>`;
  }
  return `<p class="calm-999" id="calm-999">If a child is in immediate danger, call 999.</p>`;
}

// Refusals a lead meets, in a lead's words; the service's own words stay for anything else.
const PLAIN_REFUSALS = {
  401: ["Your sign-in has expired or was not accepted", "Sign in again, then send the incident again. Nothing was decided."],
  403: ["Your account cannot do this", "Your sign-in does not carry the permission this needs. Ask whoever runs the service for your organisation."],
};

function problemHtml(problem, status, immediateDanger) {
  const errors = (problem && problem.errors) || [];
  const plain = PLAIN_REFUSALS[status || (problem && problem.status)];
  const title = plain ? plain[0] : problem ? problem.title : "Something went wrong";
  const detail = plain ? plain[1] : problem ? problem.detail : "The service did not answer.";
  return `${emergencyHtml(problem, immediateDanger)}<div class="error-summary" role="alert" tabindex="-1" id="error-summary">
    <h3>${esc(title)}</h3>
    <p>${esc(detail)}</p>
    ${errors.length ? `<ul>${errors.map((e) => `<li><strong>${esc(e.field || "request")}</strong> ${esc(e.message)}</li>`).join("")}</ul>` : ""}
  </div>`;
}
