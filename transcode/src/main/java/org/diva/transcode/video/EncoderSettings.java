package org.diva.transcode.video;

/**
 * What an H.264 encoder is asked for.
 *
 * @param width        output picture width, even
 * @param height       output picture height, even
 * @param frameRate    frames per second of the output
 * @param bitrate      target average bits per second
 * @param keyframeInterval pictures per GOP (an IDR every this many)
 */
public record EncoderSettings(int width, int height, double frameRate, long bitrate, int keyframeInterval) {
    public EncoderSettings {
        if (width <= 0 || height <= 0 || (width & 1) != 0 || (height & 1) != 0) {
            throw new IllegalArgumentException("encoder picture size must be positive and even: " + width + "x"
                    + height);
        }
        if (!(frameRate > 0) || bitrate <= 0 || keyframeInterval <= 0) {
            throw new IllegalArgumentException("bad encoder settings: " + frameRate + " fps, " + bitrate
                    + " b/s, GOP " + keyframeInterval);
        }
    }
}
