import fs from 'node:fs';

/**
 * Real Bridgeboard payloads, captured once per operation before the measured runs
 * (prepare/capture.ts): the `payload` of a `next` message, keyed by operation name. The
 * reference servers send these, with the change's `seq` and `issue.version` put in, so every
 * server writes the same bytes per subscriber.
 */
export type Templates = Record<string, { data: { issueChanged: IssueChangeData } }>;

export interface IssueChangeData {
  seq: number;
  issue: { id: string; version: number; [field: string]: unknown };
  [field: string]: unknown;
}

export const readTemplates = (file: string): Templates => JSON.parse(fs.readFileSync(file, 'utf8')) as Templates;

const SEQ = 987654321;
const VERSION = 876543219;

/** A `next` frame for subscription id "1" as a function of seq and version, built by string splicing. */
export function frameBuilder(payload: Templates[string]): (seq: number, version: number) => string {
  const marked = {
    ...payload,
    data: {
      ...payload.data,
      issueChanged: {
        ...payload.data.issueChanged,
        seq: SEQ,
        issue: { ...payload.data.issueChanged.issue, version: VERSION },
      },
    },
  };
  const text = JSON.stringify({ id: '1', type: 'next', payload: marked });
  const parts = text.split(/(987654321|876543219)/);
  return (seq, version) => {
    let out = '';
    for (const part of parts) out += part === String(SEQ) ? seq : part === String(VERSION) ? version : part;
    return out;
  };
}

/** One object with every field any of the operations selects (for default resolvers to read from). */
export function mergedChange(templates: Templates): IssueChangeData {
  const merge = (a: unknown, b: unknown): unknown => {
    if (Array.isArray(a) && Array.isArray(b)) return a.map((item, i) => merge(item, b[i]));
    if (a && b && typeof a === 'object' && typeof b === 'object') {
      const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
      for (const [key, value] of Object.entries(b as Record<string, unknown>)) out[key] = merge(out[key], value);
      return out;
    }
    return b ?? a;
  };
  return Object.values(templates).reduce<unknown>((acc, t) => merge(acc, t.data.issueChanged), {}) as IssueChangeData;
}

/** Reads a POST body as JSON. */
export function readJson(request: import('node:http').IncomingMessage): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      try {
        resolve(JSON.parse(body || '{}') as Record<string, number>);
      } catch (error) {
        reject(error as Error);
      }
    });
  });
}
