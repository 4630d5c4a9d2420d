import { defineConfig } from "vite";

// Plain static output for the Host's wwwroot (or a Static Web App): hashed assets, no inline script (the Host's CSP
// allows scripts from 'self' only), nothing fetched from a CDN.
export default defineConfig({
  base: "./",
  build: { outDir: "dist", emptyOutDir: true, assetsInlineLimit: 0, sourcemap: false, chunkSizeWarningLimit: 2000 },
  server: { proxy: { "/api": "http://127.0.0.1:7071", "/dev": "http://127.0.0.1:7071", "/dashboard-config.json": "http://127.0.0.1:7071" } },
});
