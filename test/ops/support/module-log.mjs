// Preloaded with `--import` into a process under test: appends "<pid> <url>" to $BB_MODULE_LOG
// for every ES module resolved and every CommonJS module required, so a test can list
// everything the process loaded (Node 20 has no public hook for the CommonJS side).
import fs from 'node:fs';
import { Module, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const file = process.env.BB_MODULE_LOG;
if (file) {
  register('./module-log-hooks.mjs', import.meta.url, { data: { file, pid: process.pid } });
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    const loaded = load.call(this, request, parent, isMain);
    try {
      const resolved = Module._resolveFilename(request, parent, isMain);
      const url =
        resolved.startsWith('node:') || !resolved.includes('/') ? `node:${resolved}` : pathToFileURL(resolved).href;
      fs.appendFileSync(file, `${process.pid} ${url}\n`);
    } catch {
      // a built-in without a file
    }
    return loaded;
  };
}
