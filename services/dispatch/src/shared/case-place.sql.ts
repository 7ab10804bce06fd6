// The place of a dispatch case as people name it, read with the case in one statement: the select list
// and the joins for a query whose dispatch case is aliased `c`, and the row's place as labels. Shared by
// the assignment slice's task brief and the summons slice's list of a department's summonses.

/** The place of a task as people name it; a part the ticket does not name is null. */
export interface TaskPlace {
  community: string | null;
  grid: string | null;
  compound: string | null;
  building: string | null;
  household: string | null;
}

/** The columns `casePlaceColumns` adds to a row. */
export interface CasePlaceRow {
  community_name: string | null;
  grid_name: string | null;
  compound_name: string | null;
  building_name: string | null;
  household_label: string | null;
}

/** Select-list entries naming the place of the dispatch case `c`; use with {@link casePlaceJoins}. */
export const casePlaceColumns = `community.name AS community_name, grid.name AS grid_name,
  compound.name AS compound_name, building.name AS building_name, household.address_label AS household_label`;

/** The joins from the dispatch case `c` to the directory's names of its place. */
export const casePlaceJoins = `
  LEFT JOIN directory_community community ON community.id = c.community_id
  LEFT JOIN directory_grid grid ON grid.id = c.grid_id
  LEFT JOIN directory_compound compound ON compound.id = c.compound_id
  LEFT JOIN directory_household household ON household.id = c.household_id
  LEFT JOIN directory_building building ON building.id = household.building_id`;

/** The place named by a row read with {@link casePlaceColumns}. */
export function casePlaceOf(row: CasePlaceRow): TaskPlace {
  return {
    community: row.community_name,
    grid: row.grid_name,
    compound: row.compound_name,
    building: row.building_name,
    household: row.household_label,
  };
}
