// The module-resolution hook of module-log.mjs (runs on Node's loader thread).
import fs from 'node:fs';

let file = null;
let pid = 0;

export function initialize(data) {
  file = data.file;
  pid = data.pid;
}

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  fs.appendFileSync(file, `${pid} ${result.url}\n`);
  return result;
}
