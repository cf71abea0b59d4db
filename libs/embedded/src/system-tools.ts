import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * Programs Trygg runs that npm cannot install (redis-server for `npm start`; the PDF and browser
 * tools for `npm test`). On a fresh Debian/Ubuntu machine run as root the Quick start installs
 * them itself, with one line saying so; anywhere else it stops with the exact command to run.
 */
export interface SystemTool {
  /** The executable looked up on PATH. */
  command: string;
  /** Why Trygg needs it, for the notice. */
  purpose: string;
  /** Package names per package manager. */
  packages: { apt: string; dnf?: string; apk?: string; brew?: string };
}

export const REDIS_SERVER: SystemTool = {
  command: 'redis-server',
  purpose: 'the queue and deadline store of `npm start`',
  packages: { apt: 'redis-server', dnf: 'redis', apk: 'redis', brew: 'redis' },
};
export const POPPLER: SystemTool = {
  command: 'pdftoppm',
  purpose: 'rendering the exported case file (PDF) in the tests',
  packages: { apt: 'poppler-utils', dnf: 'poppler-utils', apk: 'poppler-utils', brew: 'poppler' },
};
export const CHROMIUM: SystemTool = {
  command: 'chromium',
  purpose: 'the browser tests of the web app',
  packages: { apt: 'chromium', dnf: 'chromium', apk: 'chromium', brew: 'chromium' },
};
export const XMLLINT: SystemTool = {
  command: 'xmllint',
  purpose: 'validating archive exports against the Noark 5 schemas in the tests',
  packages: { apt: 'libxml2-utils', dnf: 'libxml2', apk: 'libxml2-utils', brew: 'libxml2' },
};

export class MissingSystemToolError extends Error {}

export function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

type Manager = 'apt' | 'dnf' | 'apk' | 'brew';

function packageManager(): Manager | undefined {
  if (process.platform === 'darwin') return 'brew';
  let release: string;
  try {
    release = fs.readFileSync('/etc/os-release', 'utf8');
  } catch {
    return undefined;
  }
  const ids = /^ID(?:_LIKE)?=(.*)$/gm;
  const words = [...release.matchAll(ids)].flatMap((m) => m[1].replace(/"/g, '').split(/\s+/));
  if (words.some((w) => w === 'debian' || w === 'ubuntu')) return 'apt';
  if (words.some((w) => ['fedora', 'rhel', 'centos'].includes(w))) return 'dnf';
  if (words.includes('alpine')) return 'apk';
  return undefined;
}

/** The command a person runs to install these tools on this OS. */
export function installCommand(tools: SystemTool[], manager = packageManager()): string {
  const pkgs = (m: Manager) => tools.map((t) => t.packages[m] ?? t.packages.apt).join(' ');
  switch (manager) {
    case 'apt':
      return `sudo apt-get install -y ${pkgs('apt')}`;
    case 'dnf':
      return `sudo dnf install -y ${pkgs('dnf')}`;
    case 'apk':
      return `sudo apk add ${pkgs('apk')}`;
    case 'brew':
      return `brew install ${pkgs('brew')}`;
    default:
      return `install ${tools.map((t) => t.command).join(', ')} with your system's package manager (Debian/Ubuntu: apt-get install -y ${pkgs('apt')})`;
  }
}

/**
 * Makes sure every tool is on PATH. Missing ones are installed with apt-get when this process is
 * root on Debian/Ubuntu (as in CI and on a fresh server); otherwise a MissingSystemToolError
 * names the exact command for this OS.
 */
export function ensureSystemTools(tools: SystemTool[], say: (line: string) => void = (l) => process.stderr.write(`[trygg] ${l}\n`)): void {
  const missing = tools.filter((t) => !onPath(t.command));
  if (missing.length === 0) return;
  const canInstall = packageManager() === 'apt' && process.getuid?.() === 0 && onPath('apt-get');
  if (!canInstall) {
    const what = missing.map((t) => `${t.command} (${t.purpose})`).join(', ');
    throw new MissingSystemToolError(`${what} not found on PATH. Install with: ${installCommand(missing)}`);
  }
  const names = missing.map((t) => t.packages.apt);
  say(`installing ${names.join(', ')} with apt-get (needed for ${missing.map((t) => t.purpose).join('; ')})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args: string[]) => spawnSync('apt-get', args, { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  let result = run(['install', '-y', '-qq', ...names]);
  if (result.status !== 0) {
    // A fresh image has no package lists yet.
    run(['update', '-qq']);
    result = run(['install', '-y', '-qq', ...names]);
  }
  const still = missing.filter((t) => !onPath(t.command));
  if (result.status !== 0 || still.length) {
    throw new MissingSystemToolError(
      `apt-get could not install ${names.join(' ')}: ${(result.stderr ?? '').trim().split('\n').pop() ?? ''}. Install with: ${installCommand(missing)}`,
    );
  }
}
