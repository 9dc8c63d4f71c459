export { openSqlDatabase, type SqlDatabase, type SqlDatabaseConfig } from './open-sql-database';
export { StatementCache, type CachedStatement } from './statement-cache';
