import Database from 'better-sqlite3';
import {
  patchToColumns,
  rowToTask,
  taskColumns,
  taskToRow,
  type LookingGlassRepository,
  type TaskRecord,
  type UserRecord,
} from './repository.ts';

const migrations = [
  `CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, username TEXT NOT NULL UNIQUE COLLATE NOCASE, password TEXT NOT NULL);
   CREATE TABLE tags (seq INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE);
   CREATE TABLE tasks (id TEXT PRIMARY KEY, user_id INTEGER NOT NULL, plugin TEXT NOT NULL, params TEXT NOT NULL, command TEXT NOT NULL,
     state TEXT NOT NULL, exit_code INTEGER, error TEXT, stdout TEXT NOT NULL, stderr TEXT NOT NULL, truncated INTEGER NOT NULL,
     pid INTEGER, created_at INTEGER NOT NULL, started_at INTEGER, stopped_at INTEGER);
   CREATE INDEX tasks_user_created ON tasks (user_id, created_at);`,
  `ALTER TABLE tasks ADD COLUMN node_id TEXT NOT NULL DEFAULT '';`,
];

const bool = (b: boolean) => (b ? 1 : 0);

/** The embedded default: one SQLite file in the data dir, WAL so several processes can read while one writes. */
export function openSqliteRepository(file: string): LookingGlassRepository {
  const db = new Database(file);
  // One process owns the file (it keeps the tag list in memory): an exclusive lock, taken by the
  // migration's write below and held until close, makes a second process sharing the data dir fail
  // at start instead of serving stale data.
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('busy_timeout = 2000');
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const version = db.pragma('user_version', { simple: true }) as number;
    db.transaction(() => {
      for (let v = version; v < migrations.length; v++) db.exec(migrations[v] ?? '');
      db.pragma(`user_version = ${migrations.length}`);
    }).exclusive();
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code === 'SQLITE_BUSY') {
      throw new Error(`the Looking Glass database ${file} is in use by another process (one running service per data dir)`, { cause: err });
    }
    throw err;
  }

  const stmt = {
    findUser: db.prepare('SELECT id, username, password FROM users WHERE username = ? COLLATE NOCASE'),
    createUser: db.prepare('INSERT INTO users (username, password) VALUES (?, ?) RETURNING id'),
    countUsers: db.prepare('SELECT count(*) AS n FROM users'),
    listTags: db.prepare('SELECT name FROM tags ORDER BY seq').pluck(),
    addTag: db.prepare('INSERT OR IGNORE INTO tags (name) VALUES (?)'),
    removeTag: db.prepare('DELETE FROM tags WHERE name = ?'),
    insertTask: db.prepare(`INSERT INTO tasks (${taskColumns.join(', ')}) VALUES (${taskColumns.map(() => '?').join(', ')})`),
    getTask: db.prepare('SELECT * FROM tasks WHERE id = ?'),
    listTasks: db.prepare('SELECT * FROM tasks WHERE user_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?'),
    failUnfinished: db.prepare(
      "UPDATE tasks SET state = 'failed', error = ?, stopped_at = ? WHERE node_id = ? AND state IN ('pending', 'running')",
    ),
  };

  // The embedded store belongs to one service process (the file sits in its data dir), so the tag
  // list can live in memory, written through to the file; insertion order is the table's order.
  const tags = new Set(stmt.listTags.all() as string[]);

  return {
    describe: `SQLite ${file}`,
    exclusive: true,
    async findUser(username) {
      const row = stmt.findUser.get(username) as { id: number; username: string; password: string } | undefined;
      return row ? { id: row.id, username: row.username, passwordHash: row.password } : null;
    },
    async createUser(username, passwordHash): Promise<UserRecord> {
      const row = stmt.createUser.get(username, passwordHash) as { id: number };
      return { id: row.id, username, passwordHash };
    },
    async countUsers() {
      return (stmt.countUsers.get() as { n: number }).n;
    },
    async listTags() {
      return [...tags];
    },
    async addTag(tag) {
      // The common case (the tag exists) is answered from memory: even a cached SQLite read
      // halved this route's throughput under load.
      if (tags.has(tag)) return false;
      const added = stmt.addTag.run(tag).changes === 1;
      tags.add(tag);
      return added;
    },
    hasTagCached: (tag) => tags.has(tag),
    async removeTag(tag) {
      const removed = stmt.removeTag.run(tag).changes === 1;
      tags.delete(tag);
      return removed;
    },
    async insertTask(task: TaskRecord) {
      stmt.insertTask.run(...taskToRow(task, bool));
    },
    async updateTask(id, patch) {
      const cols = patchToColumns(patch, bool);
      if (cols.length === 0) return;
      db.prepare(`UPDATE tasks SET ${cols.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...cols.map(([, v]) => v), id);
    },
    async getTask(id) {
      const row = stmt.getTask.get(id) as Record<string, unknown> | undefined;
      return row ? rowToTask(row) : null;
    },
    async listTasks(userId, limit) {
      return (stmt.listTasks.all(userId, limit) as Record<string, unknown>[]).map(rowToTask);
    },
    async latestTask(userId) {
      const row = stmt.listTasks.get(userId, 1) as Record<string, unknown> | undefined;
      return row ? rowToTask(row) : null;
    },
    async failUnfinishedTasks(nodeId, reason, at) {
      return stmt.failUnfinished.run(reason, at, nodeId).changes;
    },
    async close() {
      db.close();
    },
  };
}
