// Configuration of the pipeline (validated by src/config.ts; see README "Configuration").
import { defineConfig } from './src/config.ts';

export default defineConfig({
  // The bundled report editions: every .txt / .pdf file directly in fixtures/.
  sources: ['fixtures'],
  // Embedded database (PGlite) used when DATABASE_URL is not set.
  dataDir: '.data/pglite',
  schema: 'public',
  // Sources extracted and transformed at once.
  concurrency: 2,
  // Checks: 0 = a value may differ only by the rounding of its printed digits.
  tolerance: 0,
  maxSourceBytes: 256 * 1024 * 1024,
});
