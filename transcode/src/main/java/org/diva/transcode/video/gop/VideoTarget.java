package org.diva.transcode.video.gop;

/**
 * What the video is transcoded to. The caller fits the size to the device keeping the display aspect.
 *
 * @param width   picture width, even
 * @param height  picture height, even
 * @param bitrate average bits per second; each GOP gets this times its duration
 * @param stream  the stream index the output packets carry
 */
public record VideoTarget(int width, int height, long bitrate, int stream) {
    public VideoTarget {
        if (width <= 0 || height <= 0 || (width & 1) != 0 || (height & 1) != 0 || width > 4096 || height > 4096) {
            throw new IllegalArgumentException("target picture size must be even and within 4096x4096: " + width
                    + "x" + height);
        }
        if (bitrate < 10_000 || stream < 0) {
            throw new IllegalArgumentException("bad target: " + bitrate + " b/s, stream " + stream);
        }
    }
}
