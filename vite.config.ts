import { defineConfig } from 'vite';

// The web client: `client/` → `dist/client/`, served by the Hono server. In dev
// (`npm run dev:client`) Vite serves it with hot reload and proxies the API and the
// collaboration socket to a server on PORT (default 3000).
const server = `http://127.0.0.1:${process.env.PORT ?? 3000}`;

export default defineConfig({
  root: 'client',
  build: { outDir: '../dist/client', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  server: {
    proxy: {
      '/api': server,
      '/collab': { target: server.replace('http', 'ws'), ws: true },
    },
  },
});
