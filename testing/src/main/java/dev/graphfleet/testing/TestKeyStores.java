package dev.graphfleet.testing;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A node key store made in the test with the JDK's {@code keytool} (a self-signed certificate for
 * 127.0.0.1 and localhost), and a trust store holding only that certificate, as an operator makes them.
 */
public final class TestKeyStores {

    public static final String ALIAS = "node";

    private TestKeyStores() {
    }

    /** Writes {@code node.p12} (key and certificate) under {@code dir}; the password protects store and key. */
    public static Path nodeKeyStore(Path dir, String password) throws Exception {
        Path store = dir.resolve("node.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=graphfleet-test-node",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", password, "-keypass", password))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        return store;
    }

    /** Writes {@code trust.p12} holding only the node's certificate. */
    public static Path trustStoreFor(Path nodeKeyStore, String nodePassword, String trustPassword) throws Exception {
        KeyStore node = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(nodeKeyStore)) {
            node.load(in, nodePassword.toCharArray());
        }
        Certificate certificate = node.getCertificate(ALIAS);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry(ALIAS, certificate);
        Path file = nodeKeyStore.resolveSibling("trust.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            trust.store(out, trustPassword.toCharArray());
        }
        return file;
    }
}
