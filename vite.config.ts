import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

// The web client: `client/` → `dist/client/`, served by the Hono server. In dev
// (`npm run dev:client`) Vite serves it with hot reload and proxies the API and the
// collaboration socket to a server on PORT (default 3000).
const server = `http://127.0.0.1:${process.env.PORT ?? 3000}`;

/**
 * Writes `.br` and `.gz` beside every text file of the build, at high levels (once per
 * build, not per request; brotli 9 is within 5% of 11 at a tenth of the time); the server
 * sends them to browsers that take them.
 */
function precompress(): Plugin {
  return {
    name: 'vankien-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist/client';
      for (const name of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(name)) continue;
        const file = path.join(dir, name);
        const data = fs.readFileSync(file);
        if (data.byteLength < 1024) continue;
        fs.writeFileSync(
          `${file}.br`,
          zlib.brotliCompressSync(data, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: 9,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.byteLength,
            },
          }),
        );
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: 'client',
  plugins: [precompress()],
  build: { outDir: '../dist/client', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  server: {
    proxy: {
      '/api': server,
      '/collab': { target: server.replace('http', 'ws'), ws: true },
    },
  },
});
