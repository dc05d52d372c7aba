import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, serviceLogger } from './logger.ts';

describe('logger', () => {
  it('tags lines with the service and redacts secrets', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = serviceLogger(createLogger({ destination }), 'lookingglass');
    log.info({ password: 'hunter2', user: { token: 'abc', name: 'admin' }, req: { headers: { authorization: 'Bearer xyz' } } }, 'login');
    const line = JSON.parse(lines[0] ?? '{}');
    expect(line.service).toBe('lookingglass');
    expect(line.password).toBe('[redacted]');
    expect(line.user).toEqual({ token: '[redacted]', name: 'admin' });
    expect(line.req.headers.authorization).toBe('[redacted]');
    expect(lines[0]).not.toMatch(/hunter2|xyz/);
  });
});
