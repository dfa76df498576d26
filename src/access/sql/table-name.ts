/**
 * Table names as carve reports them: quotes removed, the default schema
 * (`public`, `dbo`) dropped, other schemas kept (`audit.events`), so the
 * same table written three ways gets one name.
 */
const DEFAULT_SCHEMAS = new Set(['public', 'dbo', 'main']);

export function normalizeTableName(parts: readonly string[]): string {
  const clean = parts.map((p) => p.replace(/^["`[]|["`\]]$/g, '')).filter((p) => p.length > 0);
  // database.schema.table: keep the last two
  const tail = clean.slice(-2);
  if (tail.length === 2 && DEFAULT_SCHEMAS.has(tail[0].toLowerCase())) return tail[1];
  return tail.join('.');
}
