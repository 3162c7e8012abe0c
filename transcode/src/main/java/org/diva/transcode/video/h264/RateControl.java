package org.diva.transcode.video.h264;

/**
 * Frame-level rate control over a GOP, VBV-light: each picture gets a QP from a simple rate model
 * bits ≈ complexity · pixels · 2^(-QP/6) (halving the quantiser step roughly doubles the bits), where the complexity
 * of I and P pictures is learnt from the pictures already coded. The GOP's bit budget is spent picture by picture:
 * the IDR picture gets a share weighted by its learnt cost relative to P pictures, each P picture the remaining
 * budget divided by the remaining pictures, so an overshoot early in the GOP is paid back by the pictures after it.
 * QP moves at most {@link #MAX_STEP} per picture to keep quality steady.
 */
final class RateControl {
    static final int MIN_QP = 10;
    static final int MAX_QP = 51;
    private static final int MAX_STEP = 4;
    /** Prior complexity (bits per pixel at QP 0) of an intra picture: about 1 bit per pixel at QP 26. */
    private static final double INTRA_PRIOR = 20.0;
    private static final double INTER_PRIOR = 4.0;

    private final int pixels;
    private final int gopLength;
    private double intraComplexity = INTRA_PRIOR;
    private double interComplexity = INTER_PRIOR;
    private boolean interLearnt;
    private long gopBudget;
    private long gopSpent;
    private int gopPosition;
    private int lastQp = -1;

    RateControl(int pixels, int gopLength) {
        this.pixels = pixels;
        this.gopLength = gopLength;
    }

    /** Starts a GOP that may spend {@code bits}; an IDR picture comes next. */
    void startGop(long bits) {
        gopBudget = bits;
        gopSpent = 0;
        gopPosition = 0;
    }

    /** The target size in bits of the next picture. */
    long targetBits(boolean intra) {
        long left = Math.max(gopBudget - gopSpent, gopBudget / (8L * gopLength) + 1);
        int picturesLeft = Math.max(1, gopLength - gopPosition);
        if (intra) {
            double weight = intraComplexity / interComplexity;
            double share = weight / (weight + picturesLeft - 1);
            return Math.max(1, (long) (left * Math.min(0.9, share)));
        }
        return Math.max(1, left / picturesLeft);
    }

    /** The QP for the next picture. */
    int qpFor(boolean intra) {
        long target = targetBits(intra);
        double complexity = intra ? intraComplexity : interComplexity;
        int qp = qpForBits(complexity, target);
        if (lastQp >= 0 && (!intra || interLearnt)) {
            qp = Math.max(lastQp - MAX_STEP, Math.min(lastQp + MAX_STEP, qp));
        }
        return qp;
    }

    /** The QP the model expects to produce {@code bits} for a picture of this complexity. */
    int qpForBits(double complexity, long bits) {
        double qp = 6 * Math.log(complexity * pixels / Math.max(1, bits)) / Math.log(2);
        return (int) Math.max(MIN_QP, Math.min(MAX_QP, Math.round(qp)));
    }

    /** Learns from a coded picture that took {@code bits} at {@code qp}. */
    void update(boolean intra, int qp, long bits) {
        double observed = Math.max(1, bits) * Math.pow(2, qp / 6.0) / pixels;
        if (intra) {
            intraComplexity = observed;
            if (!interLearnt) {
                interComplexity = observed / 5;
            }
        } else {
            interComplexity = interLearnt ? 0.5 * interComplexity + 0.5 * observed : observed;
            interLearnt = true;
        }
        gopSpent += bits;
        gopPosition++;
        lastQp = qp;
    }
}
