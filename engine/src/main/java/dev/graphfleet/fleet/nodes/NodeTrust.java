package dev.graphfleet.fleet.nodes;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificates a reader of nodes trusts for {@code https://} node URLs, when the nodes' certificates
 * are not signed by a CA the JVM already trusts: a trust store file (PKCS12, or JKS) holding the
 * nodes' certificate or the CA that signed it. {@link #toString()} masks the password.
 */
public record NodeTrust(Path trustStore, String password) {

    public NodeTrust {
        if (trustStore == null) {
            throw new IllegalArgumentException("a trust store file is required");
        }
        password = password == null ? "" : password;
    }

    /** A client builder that trusts this store's certificates (and only these). */
    public HttpClient.Builder apply(HttpClient.Builder builder) {
        return builder.sslContext(sslContext());
    }

    public SSLContext sslContext() {
        if (!Files.isRegularFile(trustStore)) {
            throw new IllegalArgumentException("trust store " + trustStore + " is not a file; pass the PKCS12 file "
                    + "holding the nodes' certificate");
        }
        try (InputStream in = Files.newInputStream(trustStore)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType()); // PKCS12; reads JKS too
            store.load(in, password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read trust store " + trustStore + " ("
                    + e.getClass().getSimpleName() + "); check the file and its password", e);
        }
    }

    @Override
    public String toString() {
        return "NodeTrust[trustStore=" + trustStore + ", password=(" + (password.isEmpty() ? "none" : "set") + ")]";
    }
}
