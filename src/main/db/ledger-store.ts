/**
 * The county ledger on disk: `ledger.db` (encrypted SQLite) and `ledger.keys.json` (the key envelope)
 * in one data folder. Holds the open database and its key while anyone is signed in, and forgets both
 * on close.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/api/errors';
import { openEncryptedDatabase, wrapWithKysely, type OpenLedger } from './open';
import { migrateToLatest } from './migrate';
import type { LedgerDb } from './schema';
import { readEnvelope, writeEnvelope, type KeyEnvelope } from '../auth/key-envelope';
import { acquireLedgerLock } from './ledger-lock';

export const LEDGER_FILE = 'ledger.db';
export const ENVELOPE_FILE = 'ledger.keys.json';

export class LedgerStore {
  readonly dataDir: string;
  readonly ledgerPath: string;
  readonly envelopePath: string;
  private open: OpenLedger | null = null;
  private key: Buffer | null = null;
  private releaseLock: (() => void) | null = null;

  constructor(dataDir: string) {
    this.dataDir = path.resolve(dataDir);
    this.ledgerPath = path.join(this.dataDir, LEDGER_FILE);
    this.envelopePath = path.join(this.dataDir, ENVELOPE_FILE);
  }

  isInitialized(): boolean {
    return fs.existsSync(this.ledgerPath) && fs.existsSync(this.envelopePath);
  }

  isOpen(): boolean {
    return this.open !== null;
  }

  get db(): LedgerDb {
    if (!this.open) throw new AppError('UNAUTHENTICATED', '台账尚未解锁，请先登录');
    return this.open.db;
  }

  readEnvelope(): KeyEnvelope {
    if (!this.isInitialized()) throw new AppError('NOT_INITIALIZED', '尚未创建台账，请先完成初始设置');
    try {
      return readEnvelope(this.envelopePath);
    } catch {
      throw new AppError('LEDGER_UNREADABLE', '密钥文件已损坏或不是本系统的文件，无法打开台账');
    }
  }

  writeEnvelope(envelope: KeyEnvelope): void {
    writeEnvelope(this.envelopePath, envelope);
  }

  /** Creates a new ledger with a fresh random key; the caller wraps the key and writes the envelope. */
  async create(): Promise<Buffer> {
    if (fs.existsSync(this.ledgerPath) || fs.existsSync(this.envelopePath)) {
      throw new AppError('ALREADY_INITIALIZED', '该数据目录中已有台账，不能重复创建');
    }
    fs.mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    const key = crypto.randomBytes(32);
    const raw = this.lockedOpen(() => openEncryptedDatabase(this.ledgerPath, key, { create: true }));
    this.open = wrapWithKysely(raw);
    this.key = Buffer.from(key);
    await migrateToLatest(this.open.db);
    return key;
  }

  /** Opens with an unwrapped key, or checks that a second user's key is the one already open. */
  async openWith(key: Buffer): Promise<void> {
    if (this.open && this.key) {
      if (!crypto.timingSafeEqual(this.key, key)) throw new AppError('LEDGER_UNREADABLE', '密钥与已打开的台账不符');
      return;
    }
    const raw = this.lockedOpen(() => openEncryptedDatabase(this.ledgerPath, key, { create: false }));
    this.open = wrapWithKysely(raw);
    this.key = Buffer.from(key);
    await migrateToLatest(this.open.db);
  }

  /** Takes the data folder's lock (another instance holding it is refused) for as long as the ledger is open. */
  private lockedOpen(open: () => Database.Database): Database.Database {
    const release = acquireLedgerLock(this.dataDir);
    try {
      const raw = open();
      this.releaseLock = release;
      return raw;
    } catch (err) {
      release();
      throw err;
    }
  }

  /** The driver under Kysely, for maintenance (integrity checks, backups) and benchmark baselines. */
  rawDatabase(): Database.Database {
    if (!this.open) throw new AppError('UNAUTHENTICATED', '台账尚未解锁，请先登录');
    return this.open.raw;
  }

  /** The open key, for wrapping a new copy (new user, password change). */
  currentKey(): Buffer {
    if (!this.key) throw new AppError('UNAUTHENTICATED', '台账尚未解锁，请先登录');
    return this.key;
  }

  async close(): Promise<void> {
    const open = this.open;
    this.open = null;
    this.key?.fill(0);
    this.key = null;
    const releaseLock = this.releaseLock;
    this.releaseLock = null;
    try {
      if (open) await open.close();
    } finally {
      releaseLock?.();
    }
  }
}
