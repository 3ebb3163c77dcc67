/**
 * Structured JSON logs (pino, Fastify's logger), one object per line. Requests are logged as method,
 * path, status and time: never headers, cookies, bodies or query strings, so no token, invite token
 * or e-mail address reaches the log. The user is logged by person id only.
 */
import type { FastifyRequest } from 'fastify';

export function loggerOptions(level = 'info'): Record<string, unknown> {
  return {
    level,
    // Anything that slips into a log object under these names is replaced.
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
        'headers.cookie',
        'token',
        'email',
        'password',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req(request: FastifyRequest & { url: string }) {
        return {
          method: request.method,
          // The path without its query (search text, filters), which may name people.
          path: String(request.url).split('?')[0],
          requestId: request.id,
        };
      },
    },
  };
}
