package org.diva.transcode.audio.mp2;

/**
 * Encodes PCM into MPEG-1 Audio Layer II frames (ISO/IEC 11172-3 section 2.4), one frame per 1152 samples per
 * channel.
 *
 * <p>Per frame: the analysis filterbank turns each channel into 36 x 32 subband samples; each subband gets three
 * scale factors and an scfsi ({@link ScaleFactorCoder}), a signal-to-mask ratio ({@link MaskingModel}) and a share
 * of the bits ({@link BitAllocator}); the samples are quantised with the midtread quantisers of table B.4 and packed
 * in the order of section 2.4.1.6 (header, CRC, allocation, scfsi, scale factors, then 12 granules of 3 samples
 * per subband). Stereo is coded as two independent channels (mode 00); joint stereo is not used.
 *
 * <p>Not thread-safe: an encoder holds the filterbank state of one stream. Use one per stream.
 */
public final class Mp2Encoder {
    public static final int SAMPLES_PER_FRAME = 1152;
    /**
     * Samples by which a decoder's output lags the input: the analysis and synthesis filterbanks delay by 256 + 256
     * samples, less 31 for how the last 32-sample block of each is ordered (annex C.1.3).
     */
    public static final int CODEC_DELAY = 481;
    private static final int HEADER_BITS = 32;
    private static final int CRC_BITS = 16;

    private final Mp2Settings settings;
    private final Mp2Tables.AllocationTable table;
    private final AnalysisFilterbank[] filterbanks;
    private final MaskingModel masking;
    private final float[][] subbands;
    private final double[][] smr;
    private final int[][][] scaleIndex;
    private final int[][] scfsi;
    private final int[][] scaleFactorBits;
    private final int[][] alloc;
    private final int slotsPerFrame;
    private final int slotRemainder;
    private int paddingAccumulator;

    public Mp2Encoder(Mp2Settings settings) {
        this.settings = settings;
        int channels = settings.channels();
        this.table = Mp2Tables.allocationTable(settings.sampleRate(), settings.kbps() / channels);
        this.filterbanks = new AnalysisFilterbank[channels];
        for (int ch = 0; ch < channels; ch++) {
            filterbanks[ch] = new AnalysisFilterbank();
        }
        this.masking = new MaskingModel(settings.sampleRate());
        this.subbands = new float[channels][36 * 32];
        this.smr = new double[channels][32];
        this.scaleIndex = new int[channels][32][3];
        this.scfsi = new int[channels][32];
        this.scaleFactorBits = new int[channels][32];
        this.alloc = new int[channels][32];
        // A frame is 144 * bitrate / sample rate bytes; at 44.1 kHz the fraction is paid with padding bytes.
        long bytesTimesRate = 144L * settings.kbps() * 1000;
        this.slotsPerFrame = (int) (bytesTimesRate / settings.sampleRate());
        this.slotRemainder = (int) (bytesTimesRate % settings.sampleRate());
    }

    public Mp2Settings settings() {
        return settings;
    }

    /**
     * Encodes one frame.
     *
     * @param pcm    per channel, samples in [-1, 1] (louder is clipped by the quantiser)
     * @param offset where the frame's {@value #SAMPLES_PER_FRAME} samples start in each channel's array
     * @return the frame's bytes, header included
     */
    public byte[] encodeFrame(float[][] pcm, int offset) {
        int channels = settings.channels();
        if (pcm.length < channels) {
            throw new IllegalArgumentException("need " + channels + " channels of PCM, got " + pcm.length);
        }
        for (int ch = 0; ch < channels; ch++) {
            if (pcm[ch].length - offset < SAMPLES_PER_FRAME || offset < 0) {
                throw new IllegalArgumentException("channel " + ch + " has fewer than " + SAMPLES_PER_FRAME
                        + " samples from offset " + offset);
            }
            for (int block = 0; block < 36; block++) {
                filterbanks[ch].analyse(pcm[ch], offset + block * 32, 1, subbands[ch], block * 32);
            }
        }
        boolean padding = false;
        if (slotRemainder != 0) {
            paddingAccumulator += slotRemainder;
            if (paddingAccumulator >= settings.sampleRate()) {
                paddingAccumulator -= settings.sampleRate();
                padding = true;
            }
        }
        byte[] frame = new byte[slotsPerFrame + (padding ? 1 : 0)];
        int sblimit = table.sblimit();
        int sideBits = HEADER_BITS + (settings.crc() ? CRC_BITS : 0);
        for (int ch = 0; ch < channels; ch++) {
            for (int sb = 0; sb < sblimit; sb++) {
                scfsi[ch][sb] = ScaleFactorCoder.choose(subbands[ch], sb, scaleIndex[ch][sb]);
                scaleFactorBits[ch][sb] = 2 + 6 * ScaleFactorCoder.transmitted(scfsi[ch][sb]);
                sideBits += table.nbal()[sb];
            }
            masking.smr(subbands[ch], sblimit, smr[ch]);
        }
        BitAllocator.allocate(table, channels, frame.length * 8 - sideBits, smr, scaleFactorBits, alloc);
        FramePacker.pack(new FramePacker.Frame(settings, table, padding, alloc, scfsi, scaleIndex, subbands), frame);
        return frame;
    }
}
