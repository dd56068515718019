// Loads dist/extension.js with a stand-in `vscode` module (every API a no-op) and times require + activate().
const Module = require('node:module');
const path = require('node:path');
const noop = () => stub;
const stub = new Proxy(noop, {
  get: (_t, key) => (key === 'then' ? undefined : key === Symbol.iterator ? [][Symbol.iterator] : key === Symbol.toPrimitive ? () => '' : stub),
  apply: () => stub,
  construct: () => stub,
});
const original = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? stub : original.call(this, request, ...rest);
};
const root = path.resolve(__dirname, '..');
const context = { subscriptions: [], extensionPath: root, extensionUri: stub, globalStorageUri: stub, storageUri: stub, workspaceState: stub, globalState: stub, asAbsolutePath: (p) => path.join(root, p), extension: stub };
const t0 = performance.now();
const ext = require(path.join(root, 'dist', 'extension.js'));
try { ext.activate(context); } catch (e) { /* a stub cannot satisfy every API; the load and wiring cost is what is timed */ }
process.stdout.write(String(performance.now() - t0) + '\n');
