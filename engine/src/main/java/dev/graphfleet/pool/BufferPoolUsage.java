package dev.graphfleet.pool;

/**
 * What one Database's buffer pool reports ({@code CALL bm_info()}): its limit and the memory it
 * holds now. The engine allocates lazily, so usage grows with the pages queries touch.
 */
public record BufferPoolUsage(String database, long limitBytes, long usedBytes, long lastBorrowedNanos) {
}
