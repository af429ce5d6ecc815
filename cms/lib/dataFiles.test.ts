// The data directory's private files, on a temporary directory: created private, and an existing installation's modes fixed.
import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { prepareDataDirectory, privateSqliteFiles, sqliteFilePath } from './dataFiles'

const mode = (p: string) => statSync(p).mode & 0o777
const temp = () => mkdtempSync(path.join(os.tmpdir(), 'data-files-'))

describe('prepareDataDirectory', () => {
  it('creates data/ and the uploads directory 0700', () => {
    const root = temp()
    const data = path.join(root, 'data')
    prepareDataDirectory(data, path.join(data, 'uploads'))
    expect(mode(data)).toBe(0o700)
    expect(mode(path.join(data, 'uploads'))).toBe(0o700)
  })

  it('fixes an existing installation: data/ and uploads 0700, the secret 0600; the published site is left as it is', () => {
    const data = path.join(temp(), 'data')
    mkdirSync(path.join(data, 'uploads'), { recursive: true, mode: 0o755 })
    mkdirSync(path.join(data, 'site'), { mode: 0o755 })
    writeFileSync(path.join(data, 'secret'), 'x', { mode: 0o644 })
    const uploads = path.join(temp(), 'elsewhere', 'uploads') // UPLOAD_DIR outside data/
    mkdirSync(uploads, { recursive: true, mode: 0o755 })
    prepareDataDirectory(data, uploads)
    expect(mode(data)).toBe(0o700)
    expect(mode(uploads)).toBe(0o700)
    expect(mode(path.join(data, 'secret'))).toBe(0o600)
    expect(mode(path.join(data, 'site'))).toBe(0o755)
  })
})

describe('privateSqliteFiles', () => {
  it('creates the database file 0600 before the driver opens it', () => {
    const file = path.join(temp(), 'payload.db')
    privateSqliteFiles(file)
    expect(mode(file)).toBe(0o600)
    expect(statSync(file).size).toBe(0)
  })

  it('fixes an existing database and its WAL and shared-memory files, keeping their content', () => {
    const file = path.join(temp(), 'payload.db')
    for (const f of [file, `${file}-wal`, `${file}-shm`]) writeFileSync(f, 'content', { mode: 0o644 })
    privateSqliteFiles(file)
    for (const f of [file, `${file}-wal`, `${file}-shm`]) {
      expect(mode(f), f).toBe(0o600)
      expect(statSync(f).size).toBe(7)
    }
  })

  it('leaves a file in a missing directory for the driver to report', () => {
    const file = path.join(temp(), 'missing', 'payload.db')
    privateSqliteFiles(file)
    expect(existsSync(file)).toBe(false)
  })
})

it('sqliteFilePath reads the forms of file: URLs', () => {
  expect(sqliteFilePath('file:/srv/data/payload.db')).toBe('/srv/data/payload.db')
  expect(sqliteFilePath('file:///srv/data/payload.db')).toBe('/srv/data/payload.db')
  expect(sqliteFilePath('file://localhost/srv/data/payload.db')).toBe('/srv/data/payload.db')
  expect(sqliteFilePath('file:data/payload.db')).toBe(path.resolve('data/payload.db'))
  expect(sqliteFilePath('file::memory:')).toBeNull()
  expect(sqliteFilePath('postgres://u@h/db')).toBeNull()
})
