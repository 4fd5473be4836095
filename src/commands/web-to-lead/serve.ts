import type { Command } from 'commander';
import { CrmError } from '../../core/errors.js';
import { captureWebLead } from '../../core/webtolead/capture.js';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_POSTS_PER_MINUTE, startWebToLeadServer, type WebToLeadStats } from '../../core/webtolead/server.js';
import { action, outcome } from '../../cli/action.js';

interface ServeOptions {
  host: string;
  port: string;
  maxBody: string;
  rateLimit: string;
}

const wholeNumber = (flag: string, text: string, min: number): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new CrmError('USAGE', `${flag} ${text}: expected a whole number from ${min}.`, { hint: `Example: ${flag} ${Math.max(min, 8080)}` });
  return n;
};

export function register(group: Command): void {
  group
    .command('serve')
    .description('run the capture endpoint (POST /): valid forms become Web leads, assigned by the rules, then redirect to retURL; stop with Ctrl-C')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--port <n>', 'port (0 = any free port; the chosen one is printed)', '8080')
    .option('--max-body <bytes>', 'largest accepted form', String(DEFAULT_MAX_BODY_BYTES))
    .option('--rate-limit <n>', 'forms accepted per client address per minute', String(DEFAULT_POSTS_PER_MINUTE))
    .action(
      action(async (ctx, options: ServeOptions) => {
        const port = wholeNumber('--port', options.port, 0);
        if (port > 65535) throw new CrmError('USAGE', `--port ${options.port}: ports go up to 65535.`, { hint: 'Example: --port 8080' });
        const session = ctx.session();
        session.access.requireObject(session.objects.get('Lead'), 'create');
        const log = (line: string): void => void ctx.io.stderr.write(`${line}\n`);
        const server = await startWebToLeadServer({
          host: options.host,
          port,
          maxBodyBytes: wholeNumber('--max-body', options.maxBody, 256),
          postsPerMinute: wholeNumber('--rate-limit', options.rateLimit, 1),
          capture: (form) => captureWebLead(session, form),
          log,
        });
        if (!['127.0.0.1', '::1', 'localhost'].includes(options.host)) {
          ctx.err.warn(`Listening on ${options.host}: reachable from the network over plain HTTP. Put it behind an HTTPS reverse proxy (the per-address rate limit then counts the proxy's address).`);
        }
        // One JSON line scripts (and tests using --port 0) can read before the first request.
        ctx.io.stderr.write(`${JSON.stringify({ event: 'listening', host: server.host, port: server.port, url: server.url, actingAs: session.actor.username })}\n`);
        const signal = await new Promise<NodeJS.Signals>((resolve) => {
          const stop = (s: NodeJS.Signals): void => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            resolve(s);
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
        log(`${new Date().toISOString()} ${signal}: shutting down`);
        await server.close();
        const result: { url: string; stoppedBy: string } & WebToLeadStats = { url: server.url, stoppedBy: signal, ...server.stats };
        return outcome(result, (ui, r) => ui.ok(`Stopped (${r.stoppedBy}): ${r.requests} requests, ${r.created} leads created, ${r.invalid} invalid, refused ${JSON.stringify(r.refused)}`));
      }),
    );
}
