package org.diva.transcode.probe.audio;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.diva.transcode.probe.Artwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the cover among a tag's pictures and keeps it only if it is an image of reasonable size. The MIME type
 * comes from the image's own bytes when they are recognisable, because taggers often declare every picture as
 * image/jpeg (or write "JPG", as ID3v2.2 did).
 */
final class CoverArt {
    /** Covers beyond this are scans at print resolution: too big to keep per track and to send to a TV. */
    static final int MAX_BYTES = 8 * 1024 * 1024;
    private static final int FRONT_COVER = 3; // ID3v2 APIC and FLAC PICTURE picture type
    private static final Logger LOG = LoggerFactory.getLogger(CoverArt.class);

    private CoverArt() {
    }

    /**
     * @param pictures the tag's pictures in tag order
     * @param where    names the file for the log line
     */
    static Optional<Artwork> choose(List<org.jaudiotagger.tag.images.Artwork> pictures, String where) {
        Optional<org.jaudiotagger.tag.images.Artwork> cover = pictures.stream()
                .filter(Objects::nonNull)
                .filter(p -> !p.isLinked() && p.getBinaryData() != null && p.getBinaryData().length > 0)
                .min(Comparator.comparingInt(p -> p.getPictureType() == FRONT_COVER ? 0 : 1));
        if (cover.isEmpty()) {
            return Optional.empty();
        }
        byte[] data = cover.get().getBinaryData();
        if (data.length > MAX_BYTES) {
            LOG.info("cover art in {} is {} bytes, over the {} byte limit: not kept", where, data.length, MAX_BYTES);
            return Optional.empty();
        }
        return mimeType(cover.get().getMimeType(), data).map(mime -> new Artwork(mime, data));
    }

    /** The image type of {@code data}: sniffed, else the declared type if it names an image, else empty. */
    static Optional<String> mimeType(String declared, byte[] data) {
        Optional<String> sniffed = sniff(data);
        if (sniffed.isPresent()) {
            return sniffed;
        }
        String normalised = declared == null ? "" : declared.strip().toLowerCase(Locale.ROOT);
        return normalised.startsWith("image/") && normalised.length() > "image/".length()
                ? Optional.of(normalised.equals("image/jpg") ? "image/jpeg" : normalised)
                : Optional.empty();
    }

    static Optional<String> sniff(byte[] b) {
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G')) {
            return Optional.of("image/png");
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8')) {
            return Optional.of("image/gif");
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of("image/webp");
        }
        if (startsWith(b, 0, 'B', 'M') && b.length > 14) {
            return Optional.of("image/bmp");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] b, int offset, int... expected) {
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
