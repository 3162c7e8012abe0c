package org.diva.transcode.probe.riff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;

/**
 * The start of a BITMAPINFOHEADER (Microsoft wingdi.h), as in an AVI video stream's strf chunk and a Matroska
 * V_MS/VFW/FOURCC CodecPrivate: little-endian picture size and the compression FOURCC naming the codec.
 *
 * @param compression biCompression, four bytes in file order
 */
public record BitmapInfoHeader(int width, int height, byte[] compression) {
    /** Parses the structure, or empty when fewer than its first 20 bytes are there. */
    public static Optional<BitmapInfoHeader> parse(byte[] data) {
        if (data.length < 20) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        // A negative height means a top-down bitmap; the picture is the same size.
        return Optional.of(new BitmapInfoHeader(dimension(b.getInt(4)), dimension(b.getInt(8)),
                Arrays.copyOfRange(data, 16, 20)));
    }

    public String codec() {
        return RiffCodecs.videoCodec(compression);
    }

    /** Whether this is DivX's XSUB bitmap subtitle stream, which AVI files carry as a video stream. */
    public boolean isXsub() {
        return RiffCodecs.fourcc(compression).equalsIgnoreCase("DXSB");
    }

    private static int dimension(int value) {
        // Integer.MIN_VALUE has no positive counterpart; such a size is damage.
        return value == Integer.MIN_VALUE ? 0 : Math.abs(value);
    }
}
