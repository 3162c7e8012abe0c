package org.diva.transcode.probe.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.diva.transcode.probe.MediaFormatException;

/**
 * Finds the title an MP4 carries, in the places writers put it: iTunes-style moov/udta/meta/ilst/'©nam', QuickTime's
 * moov/udta/'©nam' text item, and QuickTime metadata, a 'meta' with 'keys' (in moov as phones write it, or in udta
 * as ffmpeg's use_metadata_tags does). Tags are a nicety: damage in them gives no title, never a failed probe.
 */
final class Mp4Metadata {
    private static final String NAME = "\u00a9nam";
    private static final Set<String> TITLE_KEYS = Set.of("com.apple.quicktime.title", "title");
    private static final int MAX_ITEM_READ = 64 << 10;
    private static final int MAX_KEYS_READ = 256 << 10;

    private final Mp4Source source;

    Mp4Metadata(Mp4Source source) {
        this.source = source;
    }

    Optional<String> title(Mp4Box moov) throws IOException {
        try {
            Optional<String> title = itunes(moov.path("udta", "meta", "ilst", NAME));
            if (title.isEmpty()) {
                title = quickTimeText(moov.path("udta", NAME));
            }
            if (title.isEmpty()) {
                title = quickTimeKeys(moov.child("meta"));
            }
            if (title.isEmpty()) {
                title = quickTimeKeys(moov.path("udta", "meta"));
            }
            return title.map(String::strip).filter(t -> !t.isEmpty());
        } catch (Mp4Source.LimitExceeded e) {
            throw e;
        } catch (MediaFormatException damagedTags) {
            return Optional.empty();
        }
    }

    private Optional<String> itunes(Optional<Mp4Box> item) throws IOException {
        return item.isEmpty() ? Optional.empty() : dataValue(source.body(item.get(), MAX_ITEM_READ));
    }

    /** An ilst item holds a 'data' box: a type indicator (1 UTF-8, 2 UTF-16), a locale, then the value. */
    private static Optional<String> dataValue(ByteBuffer item) {
        Optional<ByteBuffer> data = Mp4InlineBoxes.find(Mp4InlineBoxes.children(item), "data")
                .filter(d -> d.remaining() >= 8);
        if (data.isEmpty()) {
            return Optional.empty();
        }
        ByteBuffer d = data.get();
        int type = d.getInt() & 0xffffff;
        d.getInt(); // locale
        return switch (type) {
            case 1 -> Optional.of(text(d, StandardCharsets.UTF_8));
            case 2 -> Optional.of(text(d, StandardCharsets.UTF_16BE));
            default -> Optional.empty();
        };
    }

    /** QuickTime user data text: a 16-bit length, a 16-bit language (Macintosh code below 0x400), the text. */
    private Optional<String> quickTimeText(Optional<Mp4Box> item) throws IOException {
        if (item.isEmpty()) {
            return Optional.empty();
        }
        ByteBuffer b = source.body(item.get(), MAX_ITEM_READ);
        if (b.remaining() < 4) {
            return Optional.empty();
        }
        int length = Mp4Fields.u16(b);
        int language = Mp4Fields.u16(b);
        b.limit(b.position() + Math.min(length, b.remaining()));
        return Optional.of(text(b, language < 0x400 ? macRoman() : StandardCharsets.UTF_8));
    }

    /** QuickTime metadata: 'keys' names each item, and an ilst item's type is the 1-based index of its key. */
    private Optional<String> quickTimeKeys(Optional<Mp4Box> meta) throws IOException {
        Optional<Mp4Box> keys = meta.flatMap(m -> m.child("keys"));
        Optional<Mp4Box> ilst = meta.flatMap(m -> m.child("ilst"));
        if (keys.isEmpty() || ilst.isEmpty()) {
            return Optional.empty();
        }
        ByteBuffer b = source.body(keys.get(), MAX_KEYS_READ);
        if (b.remaining() < 8) {
            return Optional.empty();
        }
        b.getInt(); // version, flags
        long count = Mp4Fields.u32(b);
        for (long index = 1; index <= count && b.remaining() >= 8; index++) {
            int start = b.position();
            long size = Mp4Fields.u32(b);
            b.getInt(); // namespace, 'mdta'
            if (size < 8 || size > b.limit() - start) {
                return Optional.empty();
            }
            String key = new String(Mp4InlineBoxes.bytes(b.duplicate().limit(start + (int) size)),
                    StandardCharsets.UTF_8);
            b.position(start + (int) size);
            if (TITLE_KEYS.contains(key)) {
                String itemType = Mp4Fields.fourcc((int) index);
                List<Mp4Box> items = ilst.get().all(itemType);
                return items.isEmpty() ? Optional.empty() : dataValue(source.body(items.get(0), MAX_ITEM_READ));
            }
        }
        return Optional.empty();
    }

    private static String text(ByteBuffer bytes, Charset charset) {
        String value = new String(Mp4InlineBoxes.bytes(bytes), charset);
        int end = value.indexOf('\0');
        return end >= 0 ? value.substring(0, end) : value;
    }

    private static Charset macRoman() {
        return Charset.isSupported("x-MacRoman") ? Charset.forName("x-MacRoman") : StandardCharsets.ISO_8859_1;
    }
}
