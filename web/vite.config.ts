import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The built files are served by `dangvu serve --web-root web/dist`; in development the API is
// proxied to a running server.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
