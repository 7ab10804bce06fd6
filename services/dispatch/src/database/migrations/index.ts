// Every migration of the dispatch database, in order. Applied at start-up; the schema is never synchronised.
export const dispatchMigrations = [];
