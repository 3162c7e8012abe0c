package org.diva.transcode.probe.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import org.diva.transcode.probe.MediaFormatException;

/**
 * The first sample description in a track's 'stsd' box (ISO/IEC 14496-12 section 8.5.2): its format code and its
 * bytes, header included. Only the first is read; the others describe mid-stream changes the probe does not report.
 *
 * @param format the sample entry type ('avc1', 'mp4a', 'tx3g'), or for an encrypted entry the original format
 * @param bytes  the entry from its size field on; cut at {@link #MAX_STSD_READ} for absurdly large entries
 * @param offset where the entry starts in the file, for messages
 */
record Mp4SampleEntry(String format, ByteBuffer bytes, long offset) {
    static final int MAX_STSD_READ = 1 << 20;
    /** A sample entry's header plus its reserved bytes and data reference index. */
    private static final int MIN_ENTRY_SIZE = 16;

    Mp4SampleEntry {
        bytes = bytes.asReadOnlyBuffer();
    }

    @Override
    public ByteBuffer bytes() {
        return bytes.duplicate();
    }

    static Mp4SampleEntry readFirst(Mp4Source source, Mp4Box stsd) throws IOException {
        ByteBuffer body = source.body(stsd, MAX_STSD_READ);
        long room = (stsd.bodySize() - 8) / MIN_ENTRY_SIZE;
        if (body.remaining() < 8 + MIN_ENTRY_SIZE) {
            throw new MediaFormatException(Mp4Fields.format(
                    "damaged MP4: the %s is too short (%,d bytes) to describe a codec", stsd.describe(), stsd.size()));
        }
        body.getInt(); // version, flags
        long count = Mp4Fields.u32(body);
        if (count == 0 || count > room) {
            throw new MediaFormatException(Mp4Fields.format(
                    "damaged MP4: the %s declares %,d sample descriptions but has room for %,d",
                    stsd.describe(), count, room));
        }
        long entryOffset = stsd.bodyOffset() + 8;
        long entrySize = Mp4Fields.u32(body);
        String format = Mp4Fields.fourcc(body);
        if (entrySize < MIN_ENTRY_SIZE || entrySize > stsd.bodySize() - 8) {
            throw new MediaFormatException(Mp4Fields.format(
                    "damaged MP4: the %s sample description at byte %,d claims %,d bytes but its %s ends at byte %,d",
                    Mp4Fields.quote(format), entryOffset, entrySize, stsd.describe(), stsd.end()));
        }
        int available = (int) Math.min(entrySize, body.limit() - 8L);
        ByteBuffer bytes = body.duplicate().position(8).limit(8 + available).slice();
        return new Mp4SampleEntry(originalFormat(format, bytes), bytes, entryOffset);
    }

    /** The boxes after the entry's fixed fields, which end at {@code fixedSize} bytes from its start. */
    List<Mp4InlineBoxes.Inline> children(int fixedSize) {
        ByteBuffer b = bytes();
        return fixedSize >= b.limit() ? List.of() : Mp4InlineBoxes.children(b.position(fixedSize));
    }

    /** An unknown format's code as DiVA reports it: lower case, trimmed ("ABCD" -> "abcd"). */
    String unknownCodec() {
        String code = format.trim().toLowerCase(Locale.ROOT);
        return Mp4Fields.isPrintable(code) && !code.isEmpty() ? code : "unknown";
    }

    /**
     * Encrypted entries ('encv', 'enca', ISO/IEC 23001-7) name their original format in sinf/frma. The entry
     * layout is the original's, so only the code changes.
     */
    private static String originalFormat(String format, ByteBuffer bytes) {
        if (!format.equals("encv") && !format.equals("enca")) {
            return format;
        }
        int fixed = format.equals("encv") ? Mp4VideoEntry.FIXED_SIZE : Mp4AudioEntry.fixedSize(bytes);
        if (fixed >= bytes.limit()) {
            return format;
        }
        return Mp4InlineBoxes.find(Mp4InlineBoxes.children(bytes.duplicate().position(fixed)), "sinf")
                .flatMap(sinf -> Mp4InlineBoxes.find(Mp4InlineBoxes.children(sinf), "frma"))
                .filter(frma -> frma.remaining() >= 4)
                .map(Mp4Fields::fourcc)
                .orElse(format);
    }
}
