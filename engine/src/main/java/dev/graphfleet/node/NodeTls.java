package dev.graphfleet.node;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * HTTPS for the node API: a PKCS12 key store holding the node's private key and certificate chain.
 * The password is read from the environment variable the config names, never from the config file;
 * {@link #toString()} masks it.
 *
 * @param keyStore the PKCS12 file
 * @param password the key store's password (also the key's, as {@code keytool} makes them)
 */
public record NodeTls(Path keyStore, String password) {

    public NodeTls {
        if (keyStore == null) {
            throw new IllegalArgumentException("node.api.tls.key_store is required for TLS: the path of a PKCS12 file");
        }
        if (password == null) {
            password = "";
        }
    }

    /** Loads the key store; the message names the file and the likely fix, never the password. */
    public SSLContext sslContext() {
        if (!Files.isRegularFile(keyStore)) {
            throw new IllegalArgumentException("node.api.tls.key_store: " + keyStore + " is not a file; "
                    + "point it at the node's PKCS12 key store");
        }
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("node.api.tls.key_store: cannot read " + keyStore + " as a PKCS12 key "
                    + "store (" + e.getClass().getSimpleName() + "); check the file and the password in "
                    + "key_store_password_env", e);
        }
    }

    @Override
    public String toString() {
        return "NodeTls[keyStore=" + keyStore + ", password=(" + (password.isEmpty() ? "none" : "set") + ")]";
    }
}
