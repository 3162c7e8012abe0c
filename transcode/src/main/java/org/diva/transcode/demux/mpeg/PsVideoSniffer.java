package org.diva.transcode.demux.mpeg;

/**
 * Tells which video codec a program stream's video PES packet carries, since stream ids 0xE0-0xEF say only
 * "video". MPEG-4 Part 2 first: a VOP (0xB6) or video object layer (0x20-0x2F) start code is reserved in MPEG-1/2
 * and an impossible NAL header in H.264; then a sequence header (0xB3) means MPEG-1/2; then an H.264 access unit
 * delimiter or SPS means H.264. Without any of these, MPEG-1/2 is the program stream's native video.
 */
final class PsVideoSniffer {
    private PsVideoSniffer() {
    }

    static String codec(byte[] data, int offset, int length, boolean mpeg2) {
        boolean sequence = false;
        boolean h264 = false;
        int end = offset + length;
        for (int i = offset; i + 3 < end; i++) {
            if (data[i] != 0 || data[i + 1] != 0 || data[i + 2] != 1) {
                continue;
            }
            int c = data[i + 3] & 0xff;
            if (c == 0xb6 || (c >= 0x20 && c <= 0x2f)) {
                return "mpeg4";
            }
            sequence |= c == 0xb3;
            h264 |= c == 0x09 || (c & 0x9f) == 0x07 && (c & 0x60) != 0 && c != 0x07;
        }
        if (sequence) {
            return mpeg2 ? "mpeg2video" : "mpeg1video";
        }
        return h264 ? "h264" : mpeg2 ? "mpeg2video" : "mpeg1video";
    }
}
