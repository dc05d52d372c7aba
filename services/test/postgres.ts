import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import pg from 'pg';

/** The machine's real PostgreSQL (trust auth, db `test`); tests skip, naming it, where it does not answer. */
export const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function probe(): boolean {
  try {
    // Synchronous so `describe.skipIf` can use it at collection time.
    execFileSync(
      process.execPath,
      [
        '-e',
        `const c=new (require('pg').Client)(${JSON.stringify(postgresUrl)});c.connect().then(()=>c.end()).then(()=>process.exit(0),()=>process.exit(1))`,
      ],
      {
        stdio: 'ignore',
        timeout: 5000,
        cwd: import.meta.dirname,
      },
    );
    return true;
  } catch {
    return false;
  }
}

export const postgresReachable = probe();

/** A fresh schema for one test; `drop` removes it with everything in it. */
export async function freshSchema(prefix: string): Promise<{ schema: string; drop(): Promise<void> }> {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  return {
    schema,
    async drop() {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}
