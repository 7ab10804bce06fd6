// Every migration of the volunteer-hours database, in order. Applied at start-up; the schema is never synchronised.
export const volunteerHoursMigrations = [];
