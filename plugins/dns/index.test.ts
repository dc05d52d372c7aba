import dgram from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PluginParamError, type Runner } from '../runner.ts';
import { describeToggle, OPTS } from '../testing.ts';
import { createDnsPlugin, P } from './index.ts';

describeToggle(P, true);

describe('dns: validation', () => {
  it('validates [name, type?] with A as the default and types case-insensitive', () => {
    expect(P.validate(['localhost'])).toEqual(['localhost', 'A']);
    expect(P.validate(['example.com', 'mx'])).toEqual(['example.com', 'MX']);
    expect(P.validate(['_dmarc.example.com', 'TXT'])).toEqual(['_dmarc.example.com', 'TXT']);
    expect(P.validate(P.validate(['example.com', 'aaaa']))).toEqual(['example.com', 'AAAA']);
  });

  it.each([
    [[''], /name is required/],
    [['-x'], /must not start with "-"/],
    [['a;b'], /disallowed character/],
    [['..'], /must not contain/],
    [['example.com', 'ANY'], /type must be one of A, AAAA, MX, TXT, NS, CNAME/],
    [['example.com', 'PTR'], /type must be one of/],
    [['a b'], /disallowed character " "/],
  ])('rejects %j', (params, message) => {
    expect(() => P.validate(params as string[])).toThrow(PluginParamError);
    expect(() => P.validate(params as string[])).toThrow(message);
  });
});

describe('dns: system resolver', () => {
  it('resolves localhost A through the hosts file, one line per record', async () => {
    const result = await P.run(['localhost'], OPTS).result;
    expect(result.error).toBeNull();
    expect(result.exitCode).toBe(0);
    expect(result.command).toEqual(['dns', 'localhost', 'A']);
    expect(result.stdout).toContain('localhost A 127.0.0.1');
  });
});

// A tiny DNS server on 127.0.0.1 so MX/TXT/NS/CNAME are tested without leaving the machine.
const ZONE: Record<string, { type: number; rdata: Buffer }[]> = {
  'example.test': [
    { type: 15, rdata: Buffer.concat([u16(20), encodeName('backup.example.test')]) },
    { type: 15, rdata: Buffer.concat([u16(10), encodeName('mail.example.test')]) },
    { type: 16, rdata: Buffer.concat([txt('v=spf1 '), txt('-all')]) },
    { type: 16, rdata: txt('line1\nline2 "quoted"') },
    { type: 2, rdata: encodeName('ns1.example.test') },
    { type: 1, rdata: Buffer.from([192, 0, 2, 7]) },
  ],
  'www.example.test': [{ type: 5, rdata: encodeName('example.test') }],
};

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}
function txt(s: string): Buffer {
  const b = Buffer.from(s);
  return Buffer.concat([Buffer.from([b.length]), b]);
}
function encodeName(name: string): Buffer {
  return Buffer.concat([...name.split('.').map((l) => txt(l)), Buffer.from([0])]);
}

function answer(query: Buffer): Buffer {
  let offset = 12;
  const labels: string[] = [];
  for (let len = query[offset] ?? 0; len !== 0; len = query[offset] ?? 0) {
    labels.push(query.subarray(offset + 1, offset + 1 + len).toString());
    offset += len + 1;
  }
  const question = query.subarray(12, offset + 5);
  const qtype = query.readUInt16BE(offset + 1);
  const name = labels.join('.').toLowerCase();
  const records = ZONE[name];
  const matches = (records ?? []).filter((r) => r.type === qtype || r.type === 5);
  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2);
  header.writeUInt16BE(records ? 0x8180 : 0x8183, 2); // NOERROR or NXDOMAIN
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(matches.length, 6);
  const answers = matches.map((r) => {
    const fixed = Buffer.alloc(12);
    fixed.writeUInt16BE(0xc00c, 0);
    fixed.writeUInt16BE(r.type, 2);
    fixed.writeUInt16BE(1, 4);
    fixed.writeUInt32BE(300, 6);
    fixed.writeUInt16BE(r.rdata.length, 10);
    return Buffer.concat([fixed, r.rdata]);
  });
  return Buffer.concat([header, question, ...answers]);
}

describe('dns: record types against a local DNS server', () => {
  const server = dgram.createSocket('udp4');
  let dns: Runner;

  beforeAll(async () => {
    server.on('message', (msg, rinfo) => server.send(answer(msg), rinfo.port, rinfo.address));
    await new Promise<void>((resolve) => server.bind(0, '127.0.0.1', resolve));
    dns = createDnsPlugin({ servers: [`127.0.0.1:${server.address().port}`] });
  });
  afterAll(() => server.close());

  it('MX: one line per record, by priority', async () => {
    const result = await dns.run(['example.test', 'MX'], OPTS).result;
    expect(result.stdout).toEqual(['example.test MX 10 mail.example.test', 'example.test MX 20 backup.example.test']);
    expect(result.exitCode).toBe(0);
  });

  it('TXT: strings of one record joined, every record on one quoted line', async () => {
    const result = await dns.run(['example.test', 'TXT'], OPTS).result;
    expect(result.stdout).toEqual(['example.test TXT "v=spf1 -all"', 'example.test TXT "line1\\nline2 \\"quoted\\""']);
  });

  it('A (with ttl), NS and CNAME', async () => {
    expect((await dns.run(['example.test', 'A'], OPTS).result).stdout).toEqual(['example.test A 192.0.2.7 ttl=300']);
    expect((await dns.run(['example.test', 'NS'], OPTS).result).stdout).toEqual(['example.test NS ns1.example.test']);
    expect((await dns.run(['www.example.test', 'CNAME'], OPTS).result).stdout).toEqual(['www.example.test CNAME example.test']);
  });

  it('NXDOMAIN and no-data are reported on stderr with exit code 1', async () => {
    const missing = await dns.run(['missing.example.test', 'A'], OPTS).result;
    expect(missing.exitCode).toBe(1);
    expect(missing.error).toBeNull();
    expect(missing.stderr.join('\n')).toMatch(/missing\.example\.test A: name not found/);

    const noData = await dns.run(['example.test', 'AAAA'], OPTS).result;
    expect(noData.exitCode).toBe(1);
    expect(noData.stderr.join('\n')).toMatch(/example\.test AAAA: (no records|.*ENODATA)/);
  });
});
