// Keycloak rotates its realm's signing key under the running service, as an identity provider
// does: a new key (higher priority) is added, so both are published for a while, then the old
// one is deleted. Tokens come from a confidential client (client credentials), as an MIS gets
// them. The service reads the JWKS URL: a new key id is fetched at once, and a removed key stops
// verifying within safeguarding.auth.jwks-refresh-interval (5 s in this test, 1 min shipped).
// Needs BASE_URL (the service), KEYCLOAK_URL, ADMIN_PASSWORD (Keycloak's bootstrap admin).
import { test } from 'node:test';
import assert from 'node:assert/strict';

const base = process.env.BASE_URL;
const keycloak = process.env.KEYCLOAK_URL;
const realm = `${keycloak}/admin/realms/safeguarding`;

async function form(url, fields) {
  const response = await fetch(url, { method: 'POST', body: new URLSearchParams(fields) });
  assert.equal(response.status, 200, `${url}: ${await response.clone().text()}`);
  return response.json();
}

const clientToken = async () => (await form(`${keycloak}/realms/safeguarding/protocol/openid-connect/token`,
  { grant_type: 'client_credentials', client_id: 'safeguarding-mis', client_secret: 'mis-secret' })).access_token;

const adminToken = async () => (await form(`${keycloak}/realms/master/protocol/openid-connect/token`,
  { grant_type: 'password', client_id: 'admin-cli', username: 'admin', password: process.env.ADMIN_PASSWORD })).access_token;

async function admin(method, path, body) {
  const response = await fetch(`${realm}${path}`, {
    method,
    headers: { Authorization: `Bearer ${await adminToken()}`, 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${await response.clone().text()}`);
  return response.status === 204 || response.status === 201 ? null : response.json();
}

async function decide(token) {
  const response = await fetch(`${base}/api/v1/decisions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ immediateDanger: true }),
  });
  return response.status;
}

const keyId = (token) => JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()).kid;

async function until(what, check, seconds) {
  const start = Date.now();
  while (Date.now() - start < seconds * 1000) {
    if (await check()) return Date.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.fail(`${what} within ${seconds} s`);
}

test('a key Keycloak rotates in is trusted at once; the one it removes stops within the refresh interval', async () => {
  const before = await clientToken();
  assert.equal(await decide(before), 200, 'a token from the realm key the service started with');

  const realmId = (await admin('GET', '')).id;
  const oldProviders = (await admin('GET', '/components?type=org.keycloak.keys.KeyProvider'))
    .filter((c) => c.providerId === 'rsa-generated');
  assert.ok(oldProviders.length > 0, 'the realm has a generated RSA signing key');
  await admin('POST', '/components', {
    name: 'rsa-rotated', providerId: 'rsa-generated', providerType: 'org.keycloak.keys.KeyProvider', parentId: realmId,
    config: { priority: ['1000'], enabled: ['true'], active: ['true'], algorithm: ['RS256'], keySize: ['2048'] },
  });
  const after = await clientToken();
  assert.notEqual(keyId(after), keyId(before), 'Keycloak signs with the new key');
  assert.equal(await decide(after), 200, 'a token signed with the new key, at once (unknown key id: the key set is fetched)');
  assert.equal(await decide(before), 200, 'the old key during the overlap (Keycloak publishes both)');

  for (const provider of oldProviders) await admin('DELETE', `/components/${provider.id}`);
  const millis = await until('the old key\'s token refused', async () => (await decide(before)) === 401, 20);
  assert.equal(await decide(after), 200, 'the new key still verifies');
  console.log(`keycloak rotation: new key trusted at once; old key refused ${millis} ms after Keycloak removed it`);
});
