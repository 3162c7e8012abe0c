package org.diva.transcode.video.decode.avc;

import java.nio.ByteBuffer;
import java.util.List;

/** Test access to the decoder package's helpers for benchmarks elsewhere. */
public final class AvcTesting {
    private AvcTesting() {
    }

    public static List<ByteBuffer> accessUnits(byte[] annexB) {
        return AnnexBAccessUnits.split(annexB);
    }
}
