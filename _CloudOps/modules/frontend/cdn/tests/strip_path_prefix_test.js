// Runs functions/strip-path-prefix.js (the CloudFront Function of the API
// behaviors) with the prefix the module renders by default, "/api".
// usage: node _CloudOps/modules/frontend/cdn/tests/strip_path_prefix_test.js
"use strict";
const fs = require("fs");
const path = require("path");
const assert = require("assert");

const source = fs
  .readFileSync(path.join(__dirname, "..", "functions", "strip-path-prefix.js"), "utf8")
  .replace("${prefix}", "/api");
const handler = new Function(source + "\nreturn handler;")();

const cases = [
  ["/api/orders", "/orders"],
  ["/api/orders/42", "/orders/42"],
  ["/api/cart/", "/cart/"],
  ["/api/catalog/abc", "/catalog/abc"],
  ["/api", "/"],
  ["/api/", "/"],
  ["/apix/orders", "/apix/orders"],
  ["/orders", "/orders"],
  ["/app/api/x", "/app/api/x"],
];
let passed = 0;
for (const [uri, want] of cases) {
  const request = { method: "GET", uri, querystring: { q: { value: "1" } }, headers: {} };
  const out = handler({ request });
  assert.strictEqual(out.uri, want, uri + " -> " + out.uri + ", want " + want);
  assert.deepStrictEqual(out.querystring, { q: { value: "1" } }, "the query string must pass unchanged");
  passed++;
}
console.log(passed + " passed");
