package org.diva.server.pool;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * This server's key pair and self-signed certificate, made on first start and kept in the data directory
 * ({@value #FILE_NAME}, PKCS12, readable by DiVA's user only). Its {@link ServerId} is the certificate's hash, so it
 * never changes while the file is kept; a server that loses the file is a new member to its neighbours.
 *
 * <p>EC P-256 with SHA256withECDSA, which every TLS 1.3 stack negotiates; valid for a hundred years, since the
 * certificate is pinned by hash and never checked against a clock or a CA. The file is written to a temporary
 * name, forced to disk and moved into place, so a kill -9 during the first start leaves either no identity or a
 * whole one.
 */
public final class ServerIdentity {
    public static final String FILE_NAME = "identity.p12";
    private static final String ALIAS = "identity";
    /** The file's permissions protect the key; a password here would have to be stored beside it anyway. */
    private static final char[] PASSWORD = "diva-identity".toCharArray();
    private static final Duration VALIDITY = Duration.ofDays(36_500);

    private final KeyStore keyStore;
    private final X509Certificate certificate;
    private final ServerId id;

    private ServerIdentity(KeyStore keyStore, X509Certificate certificate) {
        this.keyStore = keyStore;
        this.certificate = certificate;
        this.id = ServerId.of(certificate);
    }

    /** The identity kept in {@code dataDir}, made there first if there is none. */
    public static ServerIdentity loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return load(file);
        }
        ServerIdentity made = create();
        save(made.keyStore, file);
        return made;
    }

    static ServerIdentity load(Path file) throws IOException {
        KeyStore store;
        Certificate cert;
        boolean hasKey;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD);
            cert = store.getCertificate(ALIAS);
            hasKey = store.getKey(ALIAS, PASSWORD) instanceof PrivateKey;
        } catch (GeneralSecurityException | IOException e) {
            throw new IOException("the server identity " + file + " cannot be read (" + e.getMessage()
                    + "); move it away to make a new identity (neighbours will see a new member)", e);
        }
        if (!(cert instanceof X509Certificate x509) || !hasKey) {
            throw new IOException(file + " holds no DiVA identity (no key and certificate named '" + ALIAS
                    + "'); move it away to make a new identity (neighbours will see a new member)");
        }
        return new ServerIdentity(store, x509);
    }

    static ServerIdentity create() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=DiVA");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(VALIDITY)), name, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, pair.getPrivate(), PASSWORD, new Certificate[] {certificate});
            return new ServerIdentity(store, certificate);
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("this Java cannot make an EC P-256 certificate: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("an empty key store cannot be made: " + e.getMessage(), e);
        }
    }

    private static void save(KeyStore store, Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            store.store(bytes, PASSWORD);
        } catch (GeneralSecurityException e) {
            throw new IOException("the server identity cannot be written: " + e.getMessage(), e);
        }
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            restrict(temporary);
            out.write(ByteBuffer.wrap(bytes.toByteArray()));
            out.force(true);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the data directory's own permissions protect it
        }
    }

    public ServerId id() {
        return id;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The key store holding the key and certificate, for the key managers of TLS. */
    public KeyStore keyStore() {
        return keyStore;
    }

    char[] password() {
        return PASSWORD.clone();
    }
}
