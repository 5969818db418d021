/** `?` placeholders numbered as pg wants them ($1, $2…): for SQL shared with SQLite, which has no `?` anywhere else. */
export const numbered = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};
