// Every migration of the requests database, in order. Applied at start-up; the schema is never synchronised.
export const requestsMigrations = [];
