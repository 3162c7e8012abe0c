package org.diva.transcode.video.h264;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.diva.transcode.video.EncoderSettings;
import org.diva.transcode.video.Frame;
import org.diva.transcode.video.VideoEncoder;

/**
 * DiVA's H.264 encoder: Constrained Baseline, CAVLC, IDR + P pictures (no B), Intra16x16, P_L0_16x16 and P_Skip
 * macroblocks, integer-sample motion search, no deblocking, frame-level rate control. Modelled on x264's
 * ultrafast preset; see {@link SliceEncoder} for the mode decision and {@link RateControl} for the bit budget.
 *
 * <p>An instance is single-threaded and owns all its buffers. For GOP-parallel encoding create one per GOP with
 * {@link #forGop}: it starts with an IDR picture and spends the bits it is given; {@link #create} encodes a whole
 * stream, one IDR every {@code keyframeInterval} pictures, at the settings' bitrate.
 */
public final class H264Encoder implements VideoEncoder {
    private static final int RETRY_FACTOR = 2;

    private final EncoderSettings settings;
    private final ParameterSets parameterSets;
    private final SliceEncoder slices;
    private final RateControl rateControl;
    private final BitWriter bits = new BitWriter();
    private final ByteSink out = new ByteSink();
    private final long gopBits;
    private int idrPicId;
    private int frameInGop;
    private int lastQp;
    private int fixedQp = -1;

    private H264Encoder(EncoderSettings settings, long gopBits, int firstIdrPicId) {
        this.settings = Objects.requireNonNull(settings, "settings");
        if (gopBits <= 0) {
            throw new IllegalArgumentException("GOP bit budget must be positive: " + gopBits);
        }
        int mbWidth = (settings.width() + 15) / 16;
        int mbHeight = (settings.height() + 15) / 16;
        if ((long) mbWidth * mbHeight > 36864) {
            throw new IllegalArgumentException("picture " + settings.width() + "x" + settings.height()
                    + " exceeds the largest H.264 level (36864 macroblocks)");
        }
        this.parameterSets = new ParameterSets(settings.width(), settings.height(), settings.frameRate(),
                settings.bitrate());
        this.slices = new SliceEncoder(mbWidth, mbHeight);
        this.rateControl = new RateControl(mbWidth * mbHeight * 256, settings.keyframeInterval());
        this.gopBits = gopBits;
        this.idrPicId = firstIdrPicId;
    }

    /** An encoder for a whole stream at the settings' bitrate, an IDR picture every keyframeInterval pictures. */
    public static H264Encoder create(EncoderSettings settings) {
        long perGop = (long) (settings.bitrate() * settings.keyframeInterval() / settings.frameRate());
        return new H264Encoder(settings, Math.max(1, perGop), 0);
    }

    /**
     * An encoder for one GOP of a GOP-parallel encode: {@code gopBits} is this GOP's share of the budget and
     * {@code gopIndex} its position in the stream (consecutive IDR pictures must carry different idr_pic_id).
     */
    public static H264Encoder forGop(EncoderSettings settings, long gopBits, int gopIndex) {
        return new H264Encoder(settings, gopBits, gopIndex);
    }

    /**
     * Encoders for GOP-parallel transcoding, one per GOP: the settings' keyframeInterval is the GOP's picture
     * count, so its share of the budget is bitrate x pictures / frame rate. GOPs may start in any order on any
     * thread; each gets its own number, so consecutive IDR pictures never share an idr_pic_id.
     */
    public static Function<EncoderSettings, VideoEncoder> perGop() {
        AtomicInteger gops = new AtomicInteger();
        return settings -> forGop(settings,
                Math.max(1, (long) (settings.bitrate() * settings.keyframeInterval() / settings.frameRate())),
                gops.getAndIncrement());
    }

    /**
     * Switches rate control off: every picture is coded at {@code qp} (for tests and quality comparisons at equal
     * quantisers). Returns this encoder.
     */
    public H264Encoder withFixedQp(int qp) {
        if (qp < RateControl.MIN_QP || qp > RateControl.MAX_QP) {
            throw new IllegalArgumentException("QP must be in " + RateControl.MIN_QP + ".." + RateControl.MAX_QP
                    + ": " + qp);
        }
        fixedQp = qp;
        return this;
    }

    @Override
    public EncodedPicture encode(Frame frame) {
        Objects.requireNonNull(frame, "frame");
        if (frame.width() != settings.width() || frame.height() != settings.height()) {
            throw new IllegalArgumentException("frame is " + frame.width() + "x" + frame.height()
                    + " but the encoder was set up for " + settings.width() + "x" + settings.height());
        }
        boolean idr = frameInGop == 0;
        slices.srcY.load(frame.y(), frame.width(), frame.height());
        slices.srcU.load(frame.u(), frame.width() / 2, frame.height() / 2);
        slices.srcV.load(frame.v(), frame.width() / 2, frame.height() / 2);
        if (idr) {
            rateControl.startGop(gopBits);
        }
        int qp = fixedQp >= 0 ? fixedQp : rateControl.qpFor(idr);
        long size = encodePicture(idr, qp);
        if (idr && fixedQp < 0) {
            // An IDR picture has no history to predict its size from; one retry keeps the GOP inside its budget.
            long target = rateControl.targetBits(true);
            if (size > RETRY_FACTOR * target || size * RETRY_FACTOR < target) {
                double complexity = size * Math.pow(2, qp / 6.0) / (slices.mbWidth * slices.mbHeight * 256.0);
                int retryQp = rateControl.qpForBits(complexity, target);
                if (retryQp != qp) {
                    qp = retryQp;
                    size = encodePicture(true, qp);
                }
            }
        }
        rateControl.update(idr, qp, size);
        lastQp = qp;
        frameInGop = (frameInGop + 1) % settings.keyframeInterval();
        if (idr) {
            idrPicId++;
        }
        return new EncodedPicture(out.toBuffer(), idr, frame.pts());
    }

    /** Codes one access unit into {@link #out}; returns its size in bits. */
    private long encodePicture(boolean idr, int qp) {
        out.clear();
        if (idr) {
            bits.reset();
            parameterSets.writeSps(bits);
            bits.appendNal(out, 3, ParameterSets.NAL_SPS);
            bits.reset();
            parameterSets.writePps(bits);
            bits.appendNal(out, 3, ParameterSets.NAL_PPS);
        }
        bits.reset();
        parameterSets.writeSliceHeader(bits, idr, frameInGop, idrPicId, qp);
        slices.encode(bits, idr, qp);
        bits.appendNal(out, idr ? 3 : 2, idr ? ParameterSets.NAL_IDR : ParameterSets.NAL_SLICE);
        return out.size() * 8L;
    }

    /** The QP of the last picture. */
    public int lastQp() {
        return lastQp;
    }

    /** The decoder-side reconstruction of the last picture, cropped to the picture size (for tests and PSNR). */
    public Frame reconstruction(long pts) {
        Plane[] recon = slices.reconstruction();
        int w = settings.width();
        int h = settings.height();
        byte[] y = new byte[w * h];
        byte[] u = new byte[(w / 2) * (h / 2)];
        byte[] v = new byte[u.length];
        crop(recon[0], y, w, h);
        crop(recon[1], u, w / 2, h / 2);
        crop(recon[2], v, w / 2, h / 2);
        return new Frame(w, h, y, u, v, pts);
    }

    private static void crop(Plane p, byte[] dst, int w, int h) {
        for (int row = 0; row < h; row++) {
            System.arraycopy(p.px, p.index(0, row), dst, row * w, w);
        }
    }

    /** Macroblocks of the last picture coded intra and skipped, for statistics. */
    int intraMacroblocks() {
        return slices.intraCount;
    }

    int skippedMacroblocks() {
        return slices.skipCount;
    }
}
