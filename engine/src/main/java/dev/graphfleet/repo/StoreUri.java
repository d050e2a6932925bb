package dev.graphfleet.repo;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where repositories are published: {@code s3://bucket/prefix} or {@code file:///absolute/dir}.
 * {@link #parse} rejects anything else with a message that shows the accepted forms.
 */
public sealed interface StoreUri permits StoreUri.S3, StoreUri.Local {

    String FORMS = "use s3://bucket/prefix or file:///absolute/dir";

    static StoreUri parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("store URI is empty; " + FORMS);
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("s3://")) {
            return S3.parse(trimmed);
        }
        if (trimmed.startsWith("file:")) {
            return Local.parse(trimmed);
        }
        if (trimmed.startsWith("/")) {
            throw new IllegalArgumentException("store URI " + RepositoryName.quoted(trimmed)
                    + " is a path, not a URI; did you mean file://" + trimmed + " ?");
        }
        int colon = trimmed.indexOf(':');
        String scheme = colon > 0 ? trimmed.substring(0, colon) : trimmed;
        throw new IllegalArgumentException("unsupported store " + RepositoryName.quoted(scheme)
                + " in " + RepositoryName.quoted(trimmed) + "; " + FORMS);
    }

    /** An S3 bucket and a key prefix without leading or trailing '/' (may be empty). */
    record S3(String bucket, String prefix) implements StoreUri {
        // S3's bucket rules (no dots-only labels, no IP addresses) and a conservative key prefix.
        private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
        private static final Pattern IP = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");
        private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._=-]+");

        public S3 {
            if (bucket == null || !BUCKET.matcher(bucket).matches() || bucket.contains("..")
                    || IP.matcher(bucket).matches()) {
                throw new IllegalArgumentException("invalid S3 bucket name "
                        + RepositoryName.quoted(String.valueOf(bucket))
                        + ": 3 to 63 lowercase letters, digits, '-' or '.', starting and ending with a letter or digit");
            }
            prefix = prefix == null ? "" : prefix;
            if (!prefix.isEmpty()) {
                for (String segment : prefix.split("/", -1)) {
                    if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                        throw new IllegalArgumentException("invalid S3 prefix " + RepositoryName.quoted(prefix)
                                + ": use '/'-separated segments of letters, digits, '.', '_', '=' or '-'"
                                + " (no empty, '.' or '..' segments)");
                    }
                }
            }
        }

        static S3 parse(String text) {
            String rest = text.substring("s3://".length());
            while (rest.endsWith("/")) {
                rest = rest.substring(0, rest.length() - 1);
            }
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            String prefix = slash < 0 ? "" : rest.substring(slash + 1);
            if (bucket.isEmpty()) {
                throw new IllegalArgumentException("store URI " + RepositoryName.quoted(text)
                        + " has no bucket; " + FORMS);
            }
            return new S3(bucket, prefix);
        }

        /** The full object key for a key relative to the store root. */
        public String key(String relative) {
            return prefix.isEmpty() ? relative : prefix + "/" + relative;
        }

        @Override
        public String toString() {
            return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
        }
    }

    /** A directory on a local (or mounted) file system. */
    record Local(Path directory) implements StoreUri {
        public Local {
            if (directory == null || !directory.isAbsolute()) {
                throw new IllegalArgumentException("store directory must be absolute (found "
                        + directory + "); " + FORMS);
            }
            directory = directory.normalize();
        }

        static Local parse(String text) {
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("store URI " + RepositoryName.quoted(text)
                        + " is not a valid URI (" + e.getReason() + "); " + FORMS);
            }
            if (uri.getAuthority() != null && !uri.getAuthority().isEmpty()) {
                throw new IllegalArgumentException("store URI " + RepositoryName.quoted(text)
                        + " names a host; use three slashes for a local directory: file:///absolute/dir");
            }
            if (uri.getPath() == null || !uri.getPath().startsWith("/") || uri.getQuery() != null
                    || uri.getFragment() != null) {
                throw new IllegalArgumentException("store URI " + RepositoryName.quoted(text)
                        + " is not an absolute directory; " + FORMS);
            }
            return new Local(Path.of(uri.getPath()));
        }

        @Override
        public String toString() {
            try {
                return "file://" + new URI(null, null, directory.toString(), null).toASCIIString();
            } catch (URISyntaxException e) {
                return "file://" + directory;
            }
        }
    }
}
