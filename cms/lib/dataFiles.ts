// The installation's private files (database, secret, uploads) are readable by the server's account only.
// Created that way, and an existing installation's modes are fixed at start: the database and the
// uploads hold representatives' names, phone numbers and attachments, the secret signs sessions.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs'
import path from 'node:path'

/** A directory only its owner may enter (created if missing). */
export function privateDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  chmodSync(dir, 0o700)
}

/** A file only its owner may read (created empty if missing, never world-readable in between). */
export function privateFile(file: string): void {
  closeSync(openSync(file, 'a', 0o600))
  chmodSync(file, 0o600)
}

/**
 * A SQLite database file and its WAL and shared-memory files, 0600. Creating the database file
 * first matters: SQLite gives the -wal and -shm files it creates the database file's mode.
 * A file in a directory that does not exist is left for the driver to report.
 */
export function privateSqliteFiles(file: string): void {
  if (!existsSync(path.dirname(file))) return
  privateFile(file)
  for (const extra of [`${file}-wal`, `${file}-shm`, `${file}-journal`]) if (existsSync(extra)) chmodSync(extra, 0o600)
}

/** The path of a `file:` database URL, or null (in-memory, or not a file). */
export function sqliteFilePath(url: string): string | null {
  if (!url.startsWith('file:')) return null
  const rest = url.slice('file:'.length).replace(/[?#].*$/, '')
  if (!rest || rest === ':memory:') return null
  // file:///abs, file://localhost/abs and file:/abs are absolute; file:rel is relative to the working directory.
  const local = rest.replace(/^\/\/(localhost)?(?=\/)/, '')
  return path.resolve(decodeURIComponent(local))
}

/**
 * `data/` at start: the directory itself 0700, the generated secret 0600, the uploads directory
 * 0700 (wherever UPLOAD_DIR puts it). The published site inside may stay as it is: it is public.
 */
export function prepareDataDirectory(dataDir: string, uploadDir: string): void {
  privateDirectory(dataDir)
  const secret = path.join(dataDir, 'secret')
  if (existsSync(secret)) chmodSync(secret, 0o600)
  privateDirectory(uploadDir)
}
