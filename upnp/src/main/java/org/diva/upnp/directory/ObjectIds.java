package org.diva.upnp.directory;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.diva.upnp.content.ContentDirectoryException;

/**
 * Object ids are paths of '/'-separated segments, derived from what a container shows, so that they stay the same
 * across restarts and rescans and a TV's bookmarks and "resume" keep working: {@code 0}, {@code video/all},
 * {@code music/artists/ABBA/Gold}, {@code folders/r1/Films/Action}, {@code item/123}.
 *
 * <p>Names (artists, albums, folders) are encoded so that any text makes one safe segment: the UTF-8 bytes of
 * letters, digits, '-', '.' and '_' stand for themselves, every other byte is {@code %XX} (upper-case hex), and
 * the empty name (an untagged group) is {@code ~}, which no encoded name can be. Decoding accepts only this
 * canonical form, so each object has exactly one id.
 */
final class ObjectIds {
    static final String ROOT = "0";
    static final String ROOT_PARENT = "-1";
    static final String ITEM = "item";
    static final String EMPTY_NAME = "~";
    /** Longer ids than this are not ours; a TV never needs them. */
    static final int MAX_LENGTH = 8192;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ObjectIds() {
    }

    static String encode(String name) {
        if (name.isEmpty()) {
            return EMPTY_NAME;
        }
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isPlain(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    static String decode(String segment) throws ContentDirectoryException {
        if (segment.equals(EMPTY_NAME)) {
            return "";
        }
        ByteBuffer bytes = ByteBuffer.allocate(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%' && i + 2 < segment.length() && hex(segment.charAt(i + 1)) >= 0
                    && hex(segment.charAt(i + 2)) >= 0) {
                int value = hex(segment.charAt(i + 1)) << 4 | hex(segment.charAt(i + 2));
                if (isPlain(value)) {
                    throw malformed(segment, "'" + (char) value + "' written as %XX");
                }
                bytes.put((byte) value);
                i += 2;
            } else if (c < 0x80 && isPlain(c)) {
                bytes.put((byte) c);
            } else {
                throw malformed(segment, "'" + c + "' at " + i + " is not allowed");
            }
        }
        bytes.flip();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return utf8.decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw malformed(segment, "not UTF-8");
        }
    }

    /** The segments of an id; empty segments, over-long ids and the empty id are malformed. */
    static List<String> segments(String id) throws ContentDirectoryException {
        if (id.isEmpty() || id.length() > MAX_LENGTH) {
            throw new ContentDirectoryException(ContentDirectoryException.INVALID_ARGS,
                    "object id must be 1 to " + MAX_LENGTH + " characters");
        }
        List<String> segments = Arrays.asList(id.split("/", -1));
        if (segments.contains("")) {
            throw new ContentDirectoryException(ContentDirectoryException.INVALID_ARGS,
                    "malformed object id '" + id + "': empty segment");
        }
        return segments;
    }

    /** The item id of {@code item/{id}}, or empty for any other id. */
    static OptionalLong itemId(String id) throws ContentDirectoryException {
        if (!id.startsWith(ITEM + "/")) {
            return OptionalLong.empty();
        }
        String digits = id.substring(ITEM.length() + 1);
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ContentDirectoryException(ContentDirectoryException.INVALID_ARGS,
                    "malformed object id '" + id + "': item/ takes a number");
        }
        return OptionalLong.of(Long.parseLong(digits));
    }

    static String item(long id) {
        return ITEM + "/" + id;
    }

    /** {@code prefix/rootKey/seg/seg}, each part encoded. */
    static String folder(String prefix, String rootKey, String path) {
        StringBuilder id = new StringBuilder(prefix).append('/').append(encode(rootKey));
        if (!path.isEmpty()) {
            for (String segment : path.split("/")) {
                id.append('/').append(encode(segment));
            }
        }
        return id.toString();
    }

    /** The id with its last segment removed: a container's parent in the tree. */
    static String parent(String id) {
        int slash = id.lastIndexOf('/');
        return slash < 0 ? ROOT : id.substring(0, slash);
    }

    private static boolean isPlain(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                || c == '_';
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    private static ContentDirectoryException malformed(String segment, String why) {
        return new ContentDirectoryException(ContentDirectoryException.INVALID_ARGS,
                "malformed object id segment '" + segment + "': " + why);
    }
}
