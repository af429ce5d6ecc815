// SQLite transactions on reused connections: libsql's own opened a connection per transaction and never released it.
// @libsql/client (file: URLs) hands its connection to each transaction and opens a new one for
// whatever follows; nothing closes the one handed over, and libsql's close() would not release
// it anyway once it has prepared a statement (tursodatabase/libsql-client-ts#350,
// libsql-js#230). Each write left two descriptors (database and WAL) open: after ~500 writes
// under `ulimit -n 1024` every request failed with SQLITE_CANTOPEN. Here a transaction gets a
// connection of its own from a small pool and gives it back when it ends, so the process keeps
// the client's connection plus one per transaction open at the same time (writes are queued one
// at a time in cms/lib/checkDatabase.ts, so one in practice).
// The client's own connection is replaced after a write on it fails with SQLITE_BUSY (see
// renewAfterBusy below: libsql leaves the failed statement in progress).
import { createClient, type Client, type Config, type InStatement, type ResultSet, type Transaction, type TransactionMode } from '@libsql/client'

const beginStatement: Record<TransactionMode, string> = {
  write: 'BEGIN IMMEDIATE',
  read: 'BEGIN TRANSACTION READONLY',
  deferred: 'BEGIN DEFERRED',
}

/**
 * Makes `client.transaction()` run on pooled connections opened from `config`; `prepare` sets a
 * new connection up once (per-connection PRAGMAs). `client.close()` closes the pool too.
 */
export function poolTransactionConnections(client: Client, config: Config, prepare: (connection: Client) => Promise<void>): void {
  renewAfterBusy(client, prepare)
  const idle: Client[] = []
  const acquire = async (): Promise<Client> => {
    const reused = idle.pop()
    if (reused) return reused
    const connection = createClient(config)
    try {
      await prepare(connection)
    } catch (e) {
      connection.close()
      throw e
    }
    return connection
  }
  // A connection whose transaction could not be ended cleanly is not handed out again.
  const release = (connection: Client, reusable: boolean) => {
    if (reusable && !client.closed) idle.push(connection)
    else connection.close()
  }
  client.transaction = async (mode: TransactionMode = 'write') => {
    const connection = await acquire()
    try {
      await connection.execute(beginStatement[mode])
    } catch (e) {
      release(connection, false)
      throw e
    }
    return new PooledTransaction(connection, release)
  }
  const close = client.close.bind(client)
  client.close = () => {
    close()
    for (const connection of idle.splice(0)) connection.close()
  }
}

const isBusy = (e: unknown) => /^SQLITE_BUSY/.test(String((e as { code?: unknown })?.code))

/**
 * After a statement on the client's own connection fails with SQLITE_BUSY, the client gets a new
 * connection (given the same settings by `prepare`) and the old one is dropped.
 * libsql (0.4.7 here) resets a statement before it runs and not after a failed step, and SQLite
 * keeps a statement that failed busy in progress, as an active writer, until it is reset or the
 * garbage collector finalizes it (tursodatabase/libsql-js#237, libsql-client-ts#352). The
 * connection's next write then takes SQLite's write lock and, in autocommit, never commits: the
 * connection holds the lock while it is in no transaction. Measured on the HTTP test server: a
 * job-queue INSERT on this connection failed busy, and for the next ~40 s every BEGIN IMMEDIATE
 * of a request failed busy after the 10 s timeout, /proc/locks showing the server's own process
 * holding the WAL write lock (shm byte 120) with no connection in a transaction; the writes made
 * meanwhile on this connection were acknowledged and then lost when the statement was finalized
 * (the job-stats record inserted then was inserted again 45 s later). libsql's own transaction()
 * hands the connection over and opens a new one on next use: that is how it is dropped here.
 */
function renewAfterBusy(client: Client, prepare: (connection: Client) => Promise<void>): void {
  const handOver = client.transaction.bind(client)
  const renew = async () => {
    if (client.closed) return
    ;(await handOver('deferred')).close()
    await prepare(client)
  }
  for (const name of ['execute', 'batch'] as const) {
    const run = (client[name] as (...args: unknown[]) => Promise<unknown>).bind(client)
    ;(client as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      try {
        return await run(...args)
      } catch (e) {
        if (isBusy(e)) await renew().catch(() => undefined)
        throw e
      }
    }
  }
}

class PooledTransaction implements Transaction {
  #ended = false
  constructor(
    private readonly connection: Client,
    private readonly release: (connection: Client, reusable: boolean) => void,
  ) {}

  get closed(): boolean {
    return this.#ended
  }

  async execute(stmt: InStatement): Promise<ResultSet> {
    this.#checkOpen()
    return this.connection.execute(stmt)
  }

  async batch(stmts: InStatement[]): Promise<ResultSet[]> {
    const results: ResultSet[] = []
    for (const stmt of stmts) results.push(await this.execute(stmt))
    return results
  }

  async executeMultiple(): Promise<void> {
    // The client's executeMultiple rolls back an open transaction when it is done; nothing here uses it.
    throw new Error('executeMultiple is not supported inside a pooled SQLite transaction')
  }

  async commit(): Promise<void> {
    this.#checkOpen()
    // A failed COMMIT (e.g. SQLITE_BUSY) leaves the transaction open: the caller rolls it back.
    await this.connection.execute('COMMIT')
    this.#end(true)
  }

  async rollback(): Promise<void> {
    if (this.#ended) return
    try {
      await this.connection.execute('ROLLBACK')
    } catch (e) {
      // SQLite may already have rolled back by itself (some errors end the transaction).
      const rolledBack = /no transaction is active/i.test(String((e as Error)?.message))
      this.#end(rolledBack)
      if (rolledBack) return
      throw e
    }
    this.#end(true)
  }

  close(): void {
    if (!this.#ended) this.rollback().catch(() => undefined)
  }

  #end(reusable: boolean) {
    if (this.#ended) return
    this.#ended = true
    this.release(this.connection, reusable)
  }

  #checkOpen() {
    if (this.#ended) throw Object.assign(new Error('The transaction is closed'), { code: 'TRANSACTION_CLOSED' })
  }
}
