package org.diva.server.pool.membership;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.diva.server.pool.ServerId;

/**
 * An invite as a code a person can paste: {@code DIVA1-} followed by base64url (no padding) of
 * <pre>
 *   version (1 byte, 1) | inviter ServerId (32) | invite id (8) | secret (16) | expiry, epoch seconds (8)
 *   | pool name length (2) | pool name UTF-8 | address count (1) | per address: length (2) | https://host:port UTF-8
 * </pre>
 * The invite id is public (the joiner sends it as its TLS server name); the secret goes only in the body of
 * {@code POST /peer/v1/join}, after the joiner's TLS client has pinned the inviter's ServerId, so an attacker who
 * sees the handshake or impersonates the address learns nothing that lets it in.
 *
 * @param inviteId 16 lowercase hex digits
 * @param addresses the inviter's peer API bases, tried in order
 */
public record InviteCode(String poolName, ServerId inviter, String inviteId, byte[] secret, Instant expires,
                         List<URI> addresses) {
    public static final String PREFIX = "DIVA1-";
    public static final int ID_BYTES = 8;
    public static final int SECRET_BYTES = 16;
    public static final int MAX_ADDRESSES = 8;
    /** Longer pasted text is refused before decoding. */
    public static final int MAX_CODE_LENGTH = 4096;
    private static final int VERSION = 1;

    public InviteCode {
        poolName = Member.cleanName(poolName);
        Objects.requireNonNull(inviter, "inviter");
        Objects.requireNonNull(expires, "expires");
        checkInviteId(inviteId);
        if (secret == null || secret.length != SECRET_BYTES) {
            throw new IllegalArgumentException("an invite's secret has " + SECRET_BYTES + " bytes");
        }
        secret = secret.clone();
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty() || addresses.size() > MAX_ADDRESSES) {
            throw new IllegalArgumentException("an invite names 1 to " + MAX_ADDRESSES + " addresses, not "
                    + addresses.size());
        }
        addresses.forEach(Member::checkPeerAddress);
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    /** An invite id as it appears in TLS server names and the registry: 16 lowercase hex digits. */
    public static String checkInviteId(String id) {
        if (id == null || id.length() != ID_BYTES * 2 || !id.chars().allMatch(c -> (c >= '0' && c <= '9')
                || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException("an invite id is " + ID_BYTES * 2 + " lowercase hex digits");
        }
        return id;
    }

    public String encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(VERSION);
        out.writeBytes(inviter.bytes());
        out.writeBytes(HexFormat.of().parseHex(inviteId));
        out.writeBytes(secret);
        out.writeBytes(ByteBuffer.allocate(8).putLong(expires.getEpochSecond()).array());
        writeText(out, poolName);
        out.write(addresses.size());
        addresses.forEach(a -> writeText(out, a.toString()));
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    private static void writeText(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xff);
        out.writeBytes(bytes);
    }

    /**
     * Reads a pasted code (surrounding white space and line breaks inside it are ignored).
     *
     * @throws IllegalArgumentException saying what is wrong and at which byte
     */
    public static InviteCode parse(String pasted) {
        if (pasted == null) {
            throw new IllegalArgumentException("no invite code given");
        }
        if (pasted.length() > MAX_CODE_LENGTH) {
            throw new IllegalArgumentException("an invite code has at most " + MAX_CODE_LENGTH + " characters, not "
                    + pasted.length());
        }
        String code = pasted.replaceAll("\\s+", "");
        if (!code.startsWith(PREFIX)) {
            throw new IllegalArgumentException("an invite code starts with " + PREFIX + ": '"
                    + Member.abbreviate(code) + "' is not one");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(code.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the invite code is damaged (" + e.getMessage()
                    + "): copy it again, whole");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            int version = in.get() & 0xff;
            if (version != VERSION) {
                throw new IllegalArgumentException("invite code version " + version + " at byte 0 is not known to "
                        + "this DiVA (it reads version " + VERSION + ")");
            }
            ServerId inviter = ServerId.ofBytes(take(in, ServerId.BYTES));
            String id = HexFormat.of().formatHex(take(in, ID_BYTES));
            byte[] secret = take(in, SECRET_BYTES);
            Instant expires = Instant.ofEpochSecond(Math.max(0, Math.min(in.getLong(), Instant.MAX.getEpochSecond())));
            String name = readText(in, "pool name");
            int count = in.get() & 0xff;
            if (count == 0 || count > MAX_ADDRESSES) {
                throw new IllegalArgumentException("the invite code names " + count + " addresses at byte "
                        + (in.position() - 1) + "; 1 to " + MAX_ADDRESSES + " expected");
            }
            List<URI> addresses = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int at = in.position();
                String text = readText(in, "address " + (i + 1));
                try {
                    addresses.add(Member.parsePeerAddress(text));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("the invite code's address at byte " + at + ": "
                            + e.getMessage());
                }
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("the invite code has " + in.remaining()
                        + " stray bytes after byte " + in.position());
            }
            return new InviteCode(name, inviter, id, secret, expires, addresses);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("the invite code is cut short (" + bytes.length
                    + " bytes): copy it again, whole");
        }
    }

    private static byte[] take(ByteBuffer in, int n) {
        byte[] out = new byte[n];
        in.get(out);
        return out;
    }

    private static String readText(ByteBuffer in, String what) {
        int at = in.position();
        int length = in.getShort() & 0xffff;
        if (length > in.remaining()) {
            throw new IllegalArgumentException("the invite code's " + what + " at byte " + at + " claims " + length
                    + " bytes but " + in.remaining() + " are left");
        }
        ByteBuffer text = in.slice(in.position(), length);
        in.position(in.position() + length);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(text).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the invite code's " + what + " at byte " + at + " is not UTF-8");
        }
    }
}
