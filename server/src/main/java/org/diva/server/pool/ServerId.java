package org.diva.server.pool;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Locale;

/**
 * A pool member's identity: the SHA-256 of its certificate (DER), as Syncthing derives device ids. Two servers
 * have the same id only if they have the same certificate, so pinning the id pins the key.
 *
 * <p>Written as base32 (RFC 4648 alphabet, no padding) in groups of four joined by dashes, which survives being
 * read aloud, pasted into a URL path or typed; parsing ignores case, dashes and spaces.
 */
public final class ServerId {
    public static final int BYTES = 32;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final int TEXT_LENGTH = (BYTES * 8 + 4) / 5;

    private final byte[] hash;

    private ServerId(byte[] hash) {
        this.hash = hash;
    }

    public static ServerId of(X509Certificate certificate) {
        try {
            return ofCertificate(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    /** The id of a DER-encoded certificate. */
    public static ServerId ofCertificate(byte[] der) {
        try {
            return new ServerId(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /** The id from its 32 bytes. */
    public static ServerId ofBytes(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("a ServerId has " + BYTES + " bytes, not " + bytes.length);
        }
        return new ServerId(bytes.clone());
    }

    /** Parses {@link #toString()}'s form, ignoring case, dashes and spaces. */
    public static ServerId parse(String text) {
        String clean = text.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (clean.length() != TEXT_LENGTH) {
            throw new IllegalArgumentException("a ServerId has " + TEXT_LENGTH + " letters and digits, not "
                    + clean.length() + ": '" + abbreviate(text) + "'");
        }
        byte[] out = new byte[BYTES];
        long buffer = 0;
        int bits = 0;
        int at = 0;
        for (int i = 0; i < clean.length(); i++) {
            int value = ALPHABET.indexOf(clean.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("'" + clean.charAt(i) + "' is not in a ServerId (A-Z, 2-7): '"
                        + abbreviate(text) + "'");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                if (at == BYTES) {
                    break;
                }
                out[at++] = (byte) (buffer >> bits);
            }
        }
        if ((buffer & ((1L << bits) - 1)) != 0) {
            throw new IllegalArgumentException("the last letter of ServerId '" + abbreviate(text)
                    + "' carries bits no id has: it was mistyped");
        }
        return new ServerId(out);
    }

    public byte[] bytes() {
        return hash.clone();
    }

    /** The first group of seven letters, for logs and JGroups' member names. */
    public String shortForm() {
        return toString().replace("-", "").substring(0, 7);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(TEXT_LENGTH + TEXT_LENGTH / 4);
        int buffer = 0;
        int bits = 0;
        int letters = 0;
        for (byte b : hash) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                letters = append(text, ALPHABET.charAt((buffer >> bits) & 31), letters);
            }
        }
        if (bits > 0) {
            append(text, ALPHABET.charAt((buffer << (5 - bits)) & 31), letters);
        }
        return text.toString();
    }

    private static int append(StringBuilder text, char letter, int letters) {
        if (letters > 0 && letters % 4 == 0) {
            text.append('-');
        }
        text.append(letter);
        return letters + 1;
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ServerId id && MessageDigest.isEqual(hash, id.hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }
}
