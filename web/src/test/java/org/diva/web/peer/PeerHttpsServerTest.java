package org.diva.web.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The peer HTTPS server with real certificates made by the JDK's keytool: a client whose certificate the trust
 * accepts is served (and named by {@link PeerCertificates}) even though the certificate has no host names; any
 * other client fails the handshake; {@link PeerHttpsServer#closeConnectionsOf} ends one client's connections.
 */
class PeerHttpsServerTest {
    private static final char[] PASSWORD = "test-pass".toCharArray();
    @TempDir
    static Path tmp;
    private static KeyStore server;
    private static KeyStore member;
    private static KeyStore stranger;

    @BeforeAll
    static void makeIdentities() throws Exception {
        server = identity("server");
        member = identity("member");
        stranger = identity("stranger");
    }

    private static KeyStore identity(String name) throws Exception {
        Path file = tmp.resolve(name + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "id", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass",
                new String(PASSWORD)).redirectErrorStream(true).start();
        keytool.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed for " + name);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    private static X509Certificate certificate(KeyStore store) throws Exception {
        return (X509Certificate) store.getCertificate("id");
    }

    private static String hash(X509Certificate c) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
    }

    /** Trusts certificates by hash, on both sides, without host name checks (as the pool's trust does). */
    private static final class Pinned extends X509ExtendedTrustManager {
        private final Set<String> hashes;

        Pinned(X509Certificate... trusted) throws Exception {
            java.util.Set<String> set = new java.util.HashSet<>();
            for (X509Certificate c : trusted) {
                set.add(hash(c));
            }
            this.hashes = set;
        }

        private void check(X509Certificate[] chain) throws CertificateException {
            try {
                if (chain == null || chain.length == 0 || !hashes.contains(hash(chain[0]))) {
                    throw new CertificateException("not trusted");
                }
            } catch (CertificateException e) {
                throw e;
            } catch (Exception e) {
                throw new CertificateException(e);
            }
        }

        @Override public void checkClientTrusted(X509Certificate[] c, String a, Socket s) throws CertificateException {
            check(c);
        }

        @Override public void checkServerTrusted(X509Certificate[] c, String a, Socket s) throws CertificateException {
            check(c);
        }

        @Override public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e)
                throws CertificateException {
            check(c);
        }

        @Override public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e)
                throws CertificateException {
            check(c);
        }

        @Override public void checkClientTrusted(X509Certificate[] c, String a) throws CertificateException {
            check(c);
        }

        @Override public void checkServerTrusted(X509Certificate[] c, String a) throws CertificateException {
            check(c);
        }

        @Override public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    private static SSLContext context(KeyStore key, TrustManager trust) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(key, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(keys.getKeyManagers(), new TrustManager[] {trust}, null);
        return context;
    }

    /** Answers with the hash of the caller's certificate (a new one per server: a handler has one server). */
    private static Handler echo() {
        return new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String who = PeerCertificates.of(request).map(c -> {
                    try {
                        return hash(c);
                    } catch (Exception e) {
                        return "?";
                    }
                }).orElse("none");
                Content.Sink.write(response, true, who, callback);
                return true;
            }
        };
    }

    @Test
    void aTrustedClientIsServedAndNamedOthersFailTheHandshake() throws Exception {
        SSLContext serverTls = context(server, new Pinned(certificate(member)));
        try (PeerHttpsServer peer = new PeerHttpsServer("127.0.0.1", 0, serverTls, echo())) {
            peer.start();
            URI uri = URI.create("https://127.0.0.1:" + peer.port() + "/peer/v1/info");
            HttpClient memberClient = HttpClient.newBuilder()
                    .sslContext(context(member, new Pinned(certificate(server)))).build();
            HttpResponse<String> answer = memberClient.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), "no 400 'Invalid SNI' for a certificate without host names");
            assertEquals(hash(certificate(member)), answer.body());

            HttpClient strangerClient = HttpClient.newBuilder()
                    .sslContext(context(stranger, new Pinned(certificate(server)))).build();
            assertThrows(IOException.class, () -> strangerClient.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString()));

            X509Certificate strangerCert = certificate(stranger);
            X509Certificate memberCert = certificate(member);
            assertEquals(0, peer.closeConnectionsOf(strangerCert::equals));
            assertEquals(1, peer.closeConnectionsOf(memberCert::equals),
                    "the member's kept-alive connection");
        }
    }

    @Test
    void aTakenPortIsReportedWithItsNumber() throws Exception {
        SSLContext serverTls = context(server, new Pinned(certificate(member)));
        try (PeerHttpsServer first = new PeerHttpsServer("127.0.0.1", 0, serverTls, echo())) {
            first.start();
            try (PeerHttpsServer second = new PeerHttpsServer("127.0.0.1", first.port(), serverTls, echo())) {
                IOException e = assertThrows(IOException.class, second::start);
                assertEquals(true, e.getMessage().contains(Integer.toString(first.port())), e.getMessage());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new PeerHttpsServer(70_000, serverTls, echo()));
    }
}
