// drizzle-kit: generates SQL migrations into migrations/ from the schema files.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema',
  out: './migrations',
  casing: 'snake_case',
});
