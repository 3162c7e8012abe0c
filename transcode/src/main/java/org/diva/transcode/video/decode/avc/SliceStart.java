package org.diva.transcode.video.decode.avc;

/**
 * A parsed slice header and where its slice_data() begins in the RBSP (in bits; CABAC aligns it to the next byte).
 */
record SliceStart(SliceHeader header, int dataBitOffset) {
    SliceStart {
        if (header == null || dataBitOffset < 0) {
            throw new IllegalArgumentException("slice start " + header + " at bit " + dataBitOffset);
        }
    }
}
