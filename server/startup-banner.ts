import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.ts';
import { credentialsFile } from './demo/demo-seed.ts';

/**
 * The lines a person starting the server reads: where to open it and, while the demo
 * credentials file is still there, where the passwords are (they are never printed again).
 */
export function startupBanner(config: Config, port: number): string {
  // The public URL is the one to open: sign-in and edits are accepted only from its origin.
  const lines = [
    `vankien: mở / open ${config.auth.publicUrl}  (lắng nghe / listening on ${config.host}:${port})`,
  ];
  const credentials = credentialsFile(config.dataDir);
  if (fs.existsSync(credentials)) {
    // ./data/… when it is under the working directory (the usual case), else the full path.
    const relative = path.relative(process.cwd(), credentials);
    const shown = relative.startsWith('..') || path.isAbsolute(relative) ? credentials : `./${relative}`;
    lines.push(`vankien: tài khoản dùng thử / demo accounts: ${shown}`);
  }
  return `${lines.join('\n')}\n`;
}
