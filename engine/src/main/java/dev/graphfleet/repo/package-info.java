/**
 * Shared read-only repositories: names, manifests, stores and the fetch into a local cache.
 *
 * <p>Everything here is plain Java (java.nio and Jackson): no AWS SDK and no graph driver. The
 * S3 adapter lives in {@code dev.graphfleet.repo.s3}.
 *
 * <p>Store layout, relative to the store root ({@code file:///dir} or {@code s3://bucket/prefix}):
 * <pre>
 *   &lt;name&gt;/manifest.json              the current pointer: a copy of the current version's manifest
 *   &lt;name&gt;/v&lt;N&gt;/manifest.json          one manifest per version, never rewritten
 *   &lt;name&gt;/v&lt;N&gt;/data.kuzu             the database file of that version
 * </pre>
 * A publish writes the data first, then the version's manifest, then the pointer, so a reader
 * never sees a manifest that names a missing object.
 */
package dev.graphfleet.repo;
