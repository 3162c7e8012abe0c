package org.diva.transcode.video.encode;

import org.diva.transcode.video.EncoderSettings;
import org.jcodec.codecs.h264.encode.RateControl;
import org.jcodec.codecs.h264.io.model.SliceType;
import org.jcodec.common.model.Size;

/**
 * Spends one GOP's bit budget (target bitrate times the GOP's duration) over its pictures by choosing each picture's
 * QP. JCodec 0.2.5 has no bitrate control of its own (its default holds QP 20/26 whatever it costs), so this plugs
 * into its {@link RateControl} hook with the classic one-pass model of MPEG-2 TM5 and x264's ABR, simplified: a
 * picture's size falls by half for every 6 QP (ITU-T H.264 section 8.5.9: the quantiser step doubles every 6), so
 * {@code bits = complexity * 2^(-qp/6)}. Complexity is learnt from each coded picture, separately for the I picture
 * and for P pictures; each picture gets what is left of the budget shared over the pictures left, the IDR picture a
 * larger share, and QP moves at most a few steps a picture so quality does not pump.
 */
final class GopRateControl implements RateControl {
    static final int MIN_QP = 12;
    static final int MAX_QP = 51;
    /** An IDR picture is worth this many P pictures of the budget (x264's ipratio 1.4 makes it roughly 4-6). */
    private static final double I_SHARE = 5;
    /** Bits per pixel of an IDR picture of moderately detailed video at QP 26: the first guess, before any measure. */
    private static final double I_BITS_PER_PIXEL_AT_26 = 0.8;
    private static final int MAX_STEP = 4;

    private final double pixels;
    private final int pictures;
    private double budget;
    private int coded;
    private double iComplexity;
    private double pComplexity;
    private int lastQp;
    private int qp;
    private boolean intra;

    GopRateControl(EncoderSettings settings) {
        pixels = (double) settings.width() * settings.height();
        pictures = settings.keyframeInterval();
        budget = settings.bitrate() * (pictures / settings.frameRate());
        iComplexity = I_BITS_PER_PIXEL_AT_26 * pixels * Math.pow(2, 26 / 6.0);
    }

    @Override
    public int startPicture(Size size, int maxSize, SliceType type) {
        intra = type == SliceType.I;
        int left = Math.max(1, pictures - coded);
        double shares = intra ? I_SHARE + left - 1 : left;
        double target = Math.max(budget, 0) * (intra ? I_SHARE : 1) / shares;
        target = Math.max(target, pixels / 256); // at least a few bits a macroblock: skipping costs that much
        double complexity = intra ? iComplexity : (pComplexity > 0 ? pComplexity : iComplexity / I_SHARE);
        int wanted = (int) Math.round(6 * Math.log(complexity / target) / Math.log(2));
        if (coded > 0 && !intra) {
            wanted = Math.max(lastQp - MAX_STEP, Math.min(lastQp + MAX_STEP, wanted));
        }
        qp = Math.max(MIN_QP, Math.min(MAX_QP, wanted));
        return qp;
    }

    /** What the last picture cost, in bits; learns from it. */
    void coded(long bits) {
        double complexity = bits * Math.pow(2, qp / 6.0);
        if (intra) {
            iComplexity = complexity;
        } else {
            pComplexity = pComplexity > 0 ? 0.5 * pComplexity + 0.5 * complexity : complexity;
        }
        budget -= bits;
        lastQp = qp;
        coded++;
    }

    @Override
    public int initialQpDelta() {
        return 0;
    }

    @Override
    public int accept(int bits) {
        return 0; // no re-encoding of macroblocks: each costs as much again, and picture-level control suffices
    }
}
