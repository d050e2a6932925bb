package dev.graphfleet.shared;

/** How a shared node keeps all its repositories within one memory budget. */
public enum ServingStrategy {
    /**
     * One in-memory host Database whose buffer pool is the budget, each repository ATTACHed
     * read-only, {@code USE <repo>} per connection. Used only where the engine isolates attached
     * databases per connection.
     */
    SHARED_ATTACH,
    /**
     * Each repository its own read-only Database, all under the memory governor, which closes the
     * least recently used when their buffer pools together pass the budget.
     */
    GOVERNED_DATABASES
}
