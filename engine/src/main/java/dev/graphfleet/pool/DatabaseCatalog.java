package dev.graphfleet.pool;

import java.util.List;

/** Which databases exist and how each is opened: a writer's data directory, or attached repositories. */
public interface DatabaseCatalog {

    /**
     * The spec of a database. Validates the name before touching anything.
     *
     * @throws IllegalArgumentException   for a name that is not an identifier
     * @throws UnknownDatabaseException   for a database that does not exist
     */
    DatabaseSpec spec(String name);

    /** The databases that exist now, sorted. */
    List<String> names();
}
