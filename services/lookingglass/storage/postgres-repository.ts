import pg from 'pg';
import { isUuid, patchToColumns, rowToTask, taskColumns, taskToRow, type LookingGlassRepository, type UserRecord } from './repository.ts';

const migrations = [
  `CREATE TABLE IF NOT EXISTS users (id SERIAL PRIMARY KEY, username varchar(50) NOT NULL, password text NOT NULL);
   CREATE UNIQUE INDEX IF NOT EXISTS users_username_lower ON users (lower(username));
   CREATE TABLE IF NOT EXISTS tags (seq BIGSERIAL PRIMARY KEY, name text NOT NULL UNIQUE);
   CREATE TABLE IF NOT EXISTS tasks (id uuid PRIMARY KEY, user_id integer NOT NULL, plugin text NOT NULL, params jsonb NOT NULL, command jsonb NOT NULL,
     state text NOT NULL, exit_code integer, error text, stdout jsonb NOT NULL, stderr jsonb NOT NULL, truncated boolean NOT NULL,
     pid integer, created_at bigint NOT NULL, started_at bigint, stopped_at bigint);
   CREATE INDEX IF NOT EXISTS tasks_user_created ON tasks (user_id, created_at);`,
  `ALTER TABLE tasks ADD COLUMN IF NOT EXISTS node_id text NOT NULL DEFAULT '';`,
];

export interface PostgresTarget {
  connectionString?: string;
  host?: string;
  port?: number;
  user?: string;
  password?: string;
  database?: string;
  /** Schema for every table (tests use a fresh one); default: the search_path's first. */
  schema?: string;
}

export function describePostgres(t: PostgresTarget): string {
  if (t.connectionString) {
    const u = new URL(t.connectionString);
    return `PostgreSQL ${u.pathname.slice(1)} at ${u.hostname}:${u.port || 5432} as ${decodeURIComponent(u.username)}`;
  }
  return `PostgreSQL ${t.database} at ${t.host}:${t.port} as ${t.user}`;
}

/** The server implementation; migrations run once under an advisory lock so several processes may start together. */
export async function openPostgresRepository(target: PostgresTarget): Promise<LookingGlassRepository> {
  const { schema, ...conn } = target;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  // Bounded waits: a hung server fails calls (and lets the service stop) instead of holding them forever.
  const pool = new pg.Pool({
    ...conn,
    max: 10,
    connectionTimeoutMillis: 5000,
    query_timeout: 15_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  pool.on('error', () => undefined); // an idle client's error surfaces on the next query instead of crashing
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(727001)');
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query('CREATE TABLE IF NOT EXISTS lg_schema_version (version integer NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM lg_schema_version');
    const version = rows[0]?.version ?? 0;
    for (let v = version; v < migrations.length; v++) await client.query(migrations[v] ?? '');
    if (rows.length === 0) await client.query('INSERT INTO lg_schema_version VALUES ($1)', [migrations.length]);
    else await client.query('UPDATE lg_schema_version SET version = $1', [migrations.length]);
  } finally {
    await client.query('SELECT pg_advisory_unlock(727001)').catch(() => undefined);
    client.release();
  }
  const q = async <R extends pg.QueryResultRow>(text: string, values: unknown[] = []) => (await pool.query<R>({ text, values })).rows;
  const placeholders = taskColumns.map((_, i) => `$${i + 1}`).join(', ');
  const bool = (b: boolean) => b;

  return {
    describe: describePostgres(target),
    exclusive: false,
    async findUser(username) {
      const [row] = await q<{ id: number; username: string; password: string }>(
        'SELECT id, username, password FROM users WHERE lower(username) = lower($1)',
        [username],
      );
      return row ? { id: row.id, username: row.username, passwordHash: row.password } : null;
    },
    async createUser(username, passwordHash): Promise<UserRecord> {
      const [row] = await q<{ id: number }>('INSERT INTO users (username, password) VALUES ($1, $2) RETURNING id', [
        username,
        passwordHash,
      ]);
      return { id: row?.id ?? 0, username, passwordHash };
    },
    async countUsers() {
      const [row] = await q<{ n: string }>('SELECT count(*) AS n FROM users');
      return Number(row?.n ?? 0);
    },
    async listTags() {
      return (await q<{ name: string }>('SELECT name FROM tags ORDER BY seq')).map((r) => r.name);
    },
    async addTag(tag) {
      // A read first: the common case (the tag exists) then writes nothing. Not cached in memory:
      // other Looking Glass nodes may share this database.
      if ((await pool.query('SELECT 1 FROM tags WHERE name = $1', [tag])).rowCount === 1) return false;
      return (await pool.query('INSERT INTO tags (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [tag])).rowCount === 1;
    },
    // Other nodes may share the database: nothing is known without asking it.
    hasTagCached: () => false,
    async removeTag(tag) {
      return (await pool.query('DELETE FROM tags WHERE name = $1', [tag])).rowCount === 1;
    },
    async insertTask(task) {
      await q(`INSERT INTO tasks (${taskColumns.join(', ')}) VALUES (${placeholders})`, taskToRow(task, bool));
    },
    async updateTask(id, patch) {
      const cols = patchToColumns(patch, bool);
      if (cols.length === 0) return;
      await q(`UPDATE tasks SET ${cols.map(([c], i) => `${c} = $${i + 1}`).join(', ')} WHERE id = $${cols.length + 1}`, [
        ...cols.map(([, v]) => v),
        id,
      ]);
    },
    async getTask(id) {
      if (!isUuid(id)) return null;
      const [row] = await q('SELECT * FROM tasks WHERE id = $1', [id]);
      return row ? rowToTask(row) : null;
    },
    async listTasks(userId, limit) {
      return (await q('SELECT * FROM tasks WHERE user_id = $1 ORDER BY created_at DESC LIMIT $2', [userId, limit])).map(rowToTask);
    },
    async latestTask(userId) {
      const [row] = await q('SELECT * FROM tasks WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1', [userId]);
      return row ? rowToTask(row) : null;
    },
    async failUnfinishedTasks(nodeId, reason, at) {
      const sql = "UPDATE tasks SET state = 'failed', error = $1, stopped_at = $2 WHERE node_id = $3 AND state IN ('pending', 'running')";
      return (await pool.query(sql, [reason, at, nodeId])).rowCount ?? 0;
    },
    async close() {
      await pool.end();
    },
  };
}
