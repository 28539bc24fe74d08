/** The folder backups go to (often a USB stick), and what to tell the clerk when it cannot be used. */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/errors';
import { BACKUP_EXTENSION } from './backup-file';

/** An absolute, existing, writable folder, or a message that says which and what to do. */
export function usableFolder(folder: string): string {
  if (!path.isAbsolute(folder)) throw new AppError('VALIDATION', `备份位置应为完整路径（如 E:\\台账备份 或 /media/u盘/台账备份）：${folder}`);
  const resolved = path.resolve(folder);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch {
    throw new AppError('NOT_FOUND', `找不到备份文件夹：${resolved}。如果备份到U盘，请先插好U盘`);
  }
  if (!stat.isDirectory()) throw new AppError('VALIDATION', `备份位置不是文件夹：${resolved}`);
  try {
    fs.accessSync(resolved, fs.constants.W_OK);
  } catch {
    throw folderFault({ code: 'EACCES' }, resolved);
  }
  return resolved;
}

/** File-system faults while writing a backup, as a clerk's message; anything else is passed on. */
export function folderFault(err: unknown, folder: string): unknown {
  const code = (err as { code?: unknown })?.code;
  if (code === 'ENOSPC') return new AppError('CONFLICT', `备份位置空间不足：${folder}。本次备份未完成，已写的部分已删除；请换一个U盘或清理空间后重试`);
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new AppError('CONFLICT', `备份文件夹不可写（只读或没有权限）：${folder}。请检查U盘是否写保护，或换一个文件夹`);
  }
  if (code === 'ENOENT') return new AppError('NOT_FOUND', `备份过程中找不到文件夹：${folder}。U盘是否被拔出？本次备份未完成`);
  if (code === 'EIO') return new AppError('CONFLICT', `写入备份文件夹时出错：${folder}。U盘可能已损坏，请换一个重试`);
  return err;
}

export function isBackupFileName(name: string): boolean {
  return name.endsWith(BACKUP_EXTENSION) && !name.startsWith('.');
}

/** YYYYMMDD-HHmmss in this computer's time, for names a clerk reads in a folder listing. */
export function localStamp(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
}

/** A file name that says what it is and when, and does not collide with an earlier one in the folder. */
export function backupFileName(folder: string, countyCode: string, at: Date, kind: 'manual' | 'scheduled'): string {
  const base = `兜底台账备份-${countyCode}-${localStamp(at)}${kind === 'scheduled' ? '-自动' : ''}`;
  let name = `${base}${BACKUP_EXTENSION}`;
  for (let n = 2; fs.existsSync(path.join(folder, name)); n += 1) name = `${base}-${n}${BACKUP_EXTENSION}`;
  return name;
}
