/**
 * Static security scan of src/ (a step of `npm test`, after lint): Electron settings that must never be
 * loosened, remote content, code from strings, raw HTML sinks, electron outside its entry files, opening
 * external links outside the hardening, disabled TLS, and logging of session or personal objects in main.
 * Comments are ignored; string contents are not. Run: node --import tsx scripts/security-scan.ts [root]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Rule {
  id: string;
  /** One line, Chinese then English. */
  message: string;
  pattern: RegExp;
  /** Path relative to the root, with forward slashes; the rule is checked only where this says so. */
  appliesTo?: (file: string) => boolean;
}

export interface Finding {
  file: string;
  line: number;
  rule: string;
  message: string;
}

const ELECTRON_FILES = /^src\/(main\/index\.ts|main\/electron\/|preload\/)/;
const isMain = (file: string) => file.startsWith('src/main/');
const isScript = (file: string) => /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(file);

export const RULES: readonly Rule[] = [
  { id: 'node-integration', message: '渲染进程不得启用 Node 集成 / nodeIntegration must stay off', pattern: /\bnodeIntegration(?:InWorker|InSubFrames)?\s*:\s*true\b/ },
  { id: 'context-isolation', message: '不得关闭上下文隔离 / contextIsolation must stay on', pattern: /\bcontextIsolation\s*:\s*false\b/ },
  { id: 'sandbox', message: '不得关闭渲染进程沙箱 / sandbox must stay on', pattern: /\bsandbox\s*:\s*false\b/ },
  { id: 'web-security', message: '不得关闭同源策略 / webSecurity must stay on', pattern: /\bwebSecurity\s*:\s*false\b/ },
  { id: 'insecure-content', message: '不得加载不安全内容 / allowRunningInsecureContent must stay off', pattern: /\ballowRunningInsecureContent\s*:\s*true\b/ },
  { id: 'remote-module', message: '不得使用 remote 模块 / no remote module', pattern: /\benableRemoteModule\b|@electron\/remote\b/ },
  { id: 'webview', message: '不得启用 webview / no webview tag', pattern: /\bwebviewTag\s*:\s*true\b|<webview\b/ },
  { id: 'experimental-features', message: '不得启用实验性 Blink 功能 / no experimental or extra Blink features', pattern: /\bexperimentalFeatures\s*:\s*true\b|\benableBlinkFeatures\b/ },
  { id: 'remote-load', message: '窗口只能加载 app:// 页面，不得加载网络地址 / windows load app:// only, never http(s)', pattern: /\bload(?:URL|File)\s*\(\s*['"`]\s*(?:https?:)?\/\//i },
  { id: 'remote-tag', message: '页面不得引用外部脚本、样式或框架 / no remote script, style or frame in pages', pattern: /<(?:script|link|iframe)\b[^>]*\b(?:src|href)\s*=\s*['"]?\s*(?:https?:)?\/\//i },
  {
    id: 'electron-import',
    message: '只有 src/main/index.ts、src/main/electron/ 与 src/preload/ 可以引入 electron / electron only in its entry files',
    pattern: /(?:\bfrom|\brequire\s*\(|\bimport\s*\(?)\s*['"]electron(?:\/[^'"]*)?['"]/,
    appliesTo: (file) => !ELECTRON_FILES.test(file),
  },
  { id: 'eval', message: '不得使用 eval / no eval', pattern: /(?<![\w$])eval\s*\(/, appliesTo: isScript },
  { id: 'new-function', message: '不得用字符串构造函数 / no new Function', pattern: /\bnew\s+Function\s*\(|(?<![\w$.])Function\s*\(\s*['"`]/, appliesTo: isScript },
  { id: 'dangerous-html', message: '不得使用 dangerouslySetInnerHTML / no dangerouslySetInnerHTML', pattern: /\bdangerouslySetInnerHTML\b/ },
  { id: 'inner-html', message: '不得直接写入 innerHTML / outerHTML / no innerHTML assignment', pattern: /\.(?:innerHTML|outerHTML)\s*\+?=(?!=)/ },
  { id: 'insert-html', message: '不得使用 insertAdjacentHTML / no insertAdjacentHTML', pattern: /\binsertAdjacentHTML\b/ },
  { id: 'document-write', message: '不得使用 document.write / no document.write', pattern: /\bdocument\s*\.\s*write(?:ln)?\s*\(/ },
  { id: 'execute-javascript', message: '主进程不得向页面注入脚本 / no executeJavaScript', pattern: /\bexecuteJavaScript\w*\b/ },
  {
    id: 'open-external',
    message: '只有 hardening.ts 可以打开外部链接 / shell.openExternal only in hardening.ts',
    pattern: /\bshell\s*\.\s*openExternal\b|\{[^}]*\bopenExternal\b[^}]*\}\s*=\s*(?:shell|electron)\b/,
    appliesTo: (file) => file !== 'src/main/electron/hardening.ts',
  },
  { id: 'tls', message: '不得关闭 TLS 证书校验 / TLS certificate checks must stay on', pattern: /\brejectUnauthorized\s*:\s*false\b|\bNODE_TLS_REJECT_UNAUTHORIZED\b/ },
  {
    id: 'console-personal',
    message: '不得把会话、用户或人员对象打印到控制台 / no session, user or person objects in console output',
    pattern:
      /\bconsole\s*\.\s*(?:log|info|warn|error|debug|trace|dir)\s*\([^;]*?(?<![\w$.'"])(?:session|sessions|user|users|person|persons|people|household|households|ctx|input|row|rows|record|records)\b(?!\s*:)/,
    appliesTo: isMain,
  },
];

const SCANNED = /\.(ts|tsx|mts|cts|js|mjs|cjs|html)$/;

const KEYWORDS_BEFORE_REGEX = new Set(['return', 'typeof', 'instanceof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'yield', 'await']);

/** The end (exclusive) of the string starting at `start` with quote `quote`. */
function skipString(src: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') i += 2;
    else if (c === quote) return i + 1;
    else if (c === '\n' && quote !== '`') return i;
    else i += 1;
  }
  return i;
}

/** The end of a regular expression literal at `start`, or -1 when it is not one. */
function skipRegex(src: string, start: number): number {
  let i = start + 1;
  let inClass = false;
  while (i < src.length) {
    const c = src[i];
    if (c === '\n') return -1;
    if (c === '\\') i += 2;
    else {
      if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      else if (c === '/' && !inClass) {
        i += 1;
        while (i < src.length && /[a-z]/.test(src[i]!)) i += 1;
        return i;
      }
      i += 1;
    }
  }
  return -1;
}

/**
 * The source with its comments blanked (newlines kept, so offsets and line numbers stay), strings and
 * regular expressions untouched: a rule matches code and string contents, never a comment.
 */
export function maskComments(src: string): string {
  const out = src.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  let i = 0;
  let last = '';
  let lastWord = '';
  while (i < src.length) {
    const c = src[i]!;
    const next = src[i + 1];
    if (c === '/' && next === '/') {
      const end = src.indexOf('\n', i);
      const stop = end === -1 ? src.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end === -1 ? src.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'" || c === '`') {
      i = skipString(src, i, c);
      last = c;
      lastWord = '';
    } else if (c === '/' && (last === '' || '(,=:[!&|?{};+-*%<>~^'.includes(last) || KEYWORDS_BEFORE_REGEX.has(lastWord))) {
      const end = skipRegex(src, i);
      i = end === -1 ? i + 1 : end;
      last = '/';
      lastWord = '';
    } else if (/[\w$]/.test(c)) {
      let j = i;
      while (j < src.length && /[\w$]/.test(src[j]!)) j += 1;
      lastWord = src.slice(i, j);
      last = src[j - 1]!;
      i = j;
    } else {
      if (!/\s/.test(c)) {
        last = c;
        lastWord = '';
      }
      i += 1;
    }
  }
  return out.join('');
}

/** Findings in one file; `file` is relative to the project root with forward slashes. */
export function scanSource(file: string, source: string): Finding[] {
  const text = file.endsWith('.html') ? source.replace(/<!--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, ' ')) : maskComments(source);
  const findings: Finding[] = [];
  for (const rule of RULES) {
    if (rule.appliesTo && !rule.appliesTo(file)) continue;
    const global = new RegExp(rule.pattern.source, rule.pattern.flags.includes('g') ? rule.pattern.flags : `${rule.pattern.flags}g`);
    for (const match of text.matchAll(global)) {
      const line = text.slice(0, match.index).split('\n').length;
      findings.push({ file, line, rule: rule.id, message: rule.message });
    }
  }
  return findings.sort((a, b) => a.line - b.line);
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') out.push(...listFiles(full));
    } else if (entry.isFile() && SCANNED.test(entry.name)) out.push(full);
  }
  return out.sort();
}

/** Scans `root`/src: how many files and rules were checked, and what was found. */
export function scanTree(root: string): { files: number; rules: number; findings: Finding[] } {
  const files = listFiles(path.join(root, 'src'));
  const findings = files.flatMap((full) => scanSource(path.relative(root, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8')));
  return { files: files.length, rules: RULES.length, findings };
}

function main(): void {
  const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const { files, rules, findings } = scanTree(root);
  for (const f of findings) console.error(`✗ ${f.file}:${f.line} [${f.rule}] ${f.message}`);
  if (files === 0) {
    console.error(`安全扫描：${path.join(root, 'src')} 中没有可检查的文件 / security scan: no files found`);
    process.exit(1);
  }
  const summary = `安全扫描：检查 ${files} 个文件、${rules} 条规则 / security scan: ${files} files, ${rules} rules`;
  if (findings.length > 0) {
    console.error(`${summary}，发现 ${findings.length} 处问题 / ${findings.length} findings`);
    process.exit(1);
  }
  console.log(`${summary}，未发现问题 / no findings`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
