// Every migration of the notifications database, in order. Applied at start-up; the schema is never synchronised.
export const notificationsMigrations = [];
