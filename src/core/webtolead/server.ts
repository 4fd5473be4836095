import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isCrmError, type FieldProblem } from '../errors.js';
import { HONEYPOT_FIELD, RETURN_URL_FIELD, type CaptureOutcome } from './capture.js';

/**
 * The web-to-lead capture endpoint: `POST /` with an urlencoded form. Core
 * knows no terminal, so the caller passes `log` (one line per request) and
 * `capture` (the lead creation); this module only speaks HTTP.
 */
export interface WebToLeadServerOptions {
  host: string;
  /** 0 picks a free port; `start` reports the one chosen. */
  port: number;
  /** Largest accepted request body; larger posts get 413. */
  maxBodyBytes?: number;
  /** Posts accepted per client address per minute; more get 429. */
  postsPerMinute?: number;
  capture: (form: ReadonlyMap<string, string>) => CaptureOutcome;
  log: (line: string) => void;
  now?: () => number;
}

export interface WebToLeadStats {
  requests: number;
  created: number;
  invalid: number;
  refused: { honeypot: number; tooLarge: number; rateLimited: number; other: number };
}

export interface RunningServer {
  host: string;
  port: number;
  url: string;
  stats: WebToLeadStats;
  /** Stop accepting, close idle connections, wait for the server to close. */
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;
export const DEFAULT_POSTS_PER_MINUTE = 10;
const WINDOW_MS = 60_000;

class RequestRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly kind: keyof WebToLeadStats['refused'] | 'invalid',
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new RequestRefused(413, `The form is larger than ${limit} bytes.`, 'tooLarge'));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new RequestRefused(413, `The form is larger than ${limit} bytes.`, 'tooLarge'));
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Parse an urlencoded body into field → value, refusing a field given twice. */
export function parseFormBody(body: Buffer): Map<string, string> {
  const params = new URLSearchParams(body.toString('utf8'));
  const form = new Map<string, string>();
  for (const [name, value] of params) {
    if (form.has(name)) throw new RequestRefused(400, `The field ${name} is sent twice.`, 'invalid');
    form.set(name, value);
  }
  return form;
}

/** The return URL from the form: absolute http(s) only, so a post cannot redirect to javascript: or file:. */
function returnUrlOf(form: ReadonlyMap<string, string>): string | undefined {
  const raw = form.get(RETURN_URL_FIELD);
  if (raw === undefined || raw.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new RequestRefused(400, `${RETURN_URL_FIELD} is not an absolute URL.`, 'invalid');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RequestRefused(400, `${RETURN_URL_FIELD} must be an http or https URL.`, 'invalid');
  return url.href;
}

function send(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(text.endsWith('\n') ? text : `${text}\n`);
}

const problemText = (problems: FieldProblem[]): string => problems.map((p) => `${p.field}: ${p.message}`).join('\n');

/** Start listening; resolves once the port is bound. */
export function startWebToLeadServer(options: WebToLeadServerOptions): Promise<RunningServer> {
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const perMinute = options.postsPerMinute ?? DEFAULT_POSTS_PER_MINUTE;
  const now = options.now ?? Date.now;
  const recentPosts = new Map<string, number[]>();
  const stats: WebToLeadStats = { requests: 0, created: 0, invalid: 0, refused: { honeypot: 0, tooLarge: 0, rateLimited: 0, other: 0 } };

  /** Sliding one-minute window per client address. */
  const allowPost = (address: string): boolean => {
    const t = now();
    const times = (recentPosts.get(address) ?? []).filter((at) => t - at < WINDOW_MS);
    const allowed = times.length < perMinute;
    if (allowed) times.push(t);
    recentPosts.set(address, times);
    // Forget quiet addresses so a scan of many addresses cannot grow the map for ever.
    if (recentPosts.size > 10_000) for (const [a, list] of recentPosts) if (list.every((at) => t - at >= WINDOW_MS)) recentPosts.delete(a);
    return allowed;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<string> => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/') {
      send(res, 404, 'Not found. Post the form to /.');
      return 'not found';
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      send(res, 200, 'crmctl web-to-lead: post a lead form to this address.');
      return 'info';
    }
    if (req.method !== 'POST') {
      send(res, 405, 'Only POST is accepted.', { Allow: 'GET, POST' });
      return 'method not allowed';
    }
    const address = req.socket.remoteAddress ?? 'unknown';
    if (!allowPost(address)) throw new RequestRefused(429, 'Too many forms from your address; try again in a minute.', 'rateLimited');
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') {
      throw new RequestRefused(415, 'Send the form as application/x-www-form-urlencoded.', 'other');
    }
    const form = parseFormBody(await readBody(req, maxBody));
    if ((form.get(HONEYPOT_FIELD) ?? '') !== '') throw new RequestRefused(400, 'The form was refused.', 'honeypot');
    const returnUrl = returnUrlOf(form);
    const outcome = options.capture(form);
    if (!outcome.ok) {
      stats.invalid++;
      send(res, 400, `The form was not accepted:\n${problemText(outcome.problems)}`);
      return `invalid (${outcome.problems.map((p) => p.field).join(', ')})`;
    }
    stats.created++;
    const owner = outcome.owner ? ` → ${outcome.owner.kind}:${outcome.owner.name}${outcome.rule === null ? '' : ` (rule ${outcome.rule})`}` : '';
    const note = outcome.notifyError ? `; notification not written: ${outcome.notifyError}` : '';
    if (returnUrl) {
      res.writeHead(303, { Location: returnUrl, 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`Thank you. Continue at ${returnUrl}\n`);
    } else send(res, 201, 'Thank you, we will be in touch.');
    return `created ${outcome.id}${owner}${note}`;
  };

  const server: Server = createServer((req, res) => {
    stats.requests++;
    const started = now();
    const finish = (status: number, what: string): void =>
      options.log(`${new Date().toISOString()} ${req.socket.remoteAddress ?? '-'} ${req.method ?? '-'} ${(req.url ?? '/').split('?')[0]} ${status} ${what} ${now() - started}ms`);
    handle(req, res).then(
      (what) => finish(res.statusCode, what),
      (error: unknown) => {
        if (error instanceof RequestRefused) {
          if (error.kind === 'invalid') stats.invalid++;
          else stats.refused[error.kind]++;
          send(res, error.status, error.message, error.status === 429 ? { 'Retry-After': '60' } : error.status === 413 ? { Connection: 'close' } : {});
          finish(error.status, `refused: ${error.kind}`);
          return;
        }
        stats.refused.other++;
        // Details go to the operator's log, never to the anonymous poster.
        if (!res.headersSent) send(res, 500, 'The form could not be saved; please try again later.');
        finish(500, `error: ${isCrmError(error) ? `${error.code} ${error.message}` : (error as Error).message}`);
      },
    );
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        host: address.address,
        port: address.port,
        url: `http://${host}:${address.port}/`,
        stats,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeIdleConnections();
          }),
      });
    });
  });
}
