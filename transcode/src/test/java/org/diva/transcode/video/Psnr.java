package org.diva.transcode.video;

/** Peak signal-to-noise ratio of 8-bit samples, in dB (99 for identical planes). */
public final class Psnr {
    private Psnr() {
    }

    public static double of(byte[] a, int aOffset, byte[] b, int bOffset, int length) {
        long squares = 0;
        for (int i = 0; i < length; i++) {
            int d = (a[aOffset + i] & 0xff) - (b[bOffset + i] & 0xff);
            squares += (long) d * d;
        }
        if (squares == 0) {
            return 99;
        }
        return 10 * Math.log10(255.0 * 255.0 * length / squares);
    }
}
