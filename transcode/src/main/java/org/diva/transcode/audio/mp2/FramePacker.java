package org.diva.transcode.audio.mp2;

/**
 * Writes one layer II frame in the order of ISO/IEC 11172-3 section 2.4.1: header (2.4.1.3), optional CRC
 * (2.4.1.4), then audio_data (2.4.1.6): allocation codes by subband then channel, scfsi and scale factors of the
 * subbands that have samples, and 12 granules of three samples per subband and channel; the rest of the frame is
 * zero ancillary data.
 */
final class FramePacker {
    private FramePacker() {
    }

    /** Everything a frame is made of; the arrays are the encoder's working arrays, not copies. */
    record Frame(Mp2Settings settings, Mp2Tables.AllocationTable table, boolean padding, int[][] alloc,
                 int[][] scfsi, int[][][] scaleIndex, float[][] subbands) {
    }

    static void pack(Frame f, byte[] out) {
        Mp2Settings s = f.settings();
        int channels = s.channels();
        int sblimit = f.table().sblimit();
        BitWriter w = new BitWriter(out);
        w.write(0xfff, 12);
        w.write(1, 1); // ID: MPEG-1
        w.write(2, 2); // layer II
        w.write(s.crc() ? 0 : 1, 1); // protection_bit: 0 means a CRC follows
        w.write(s.bitrateIndex(), 4);
        w.write(s.sampleRateIndex(), 2);
        w.write(f.padding() ? 1 : 0, 1);
        w.write(0, 1); // private
        w.write(channels == 2 ? 0 : 3, 2); // stereo or single channel
        w.write(0, 2); // mode extension (joint stereo only)
        w.write(0, 1); // copyright
        w.write(1, 1); // original
        w.write(0, 2); // emphasis: none
        if (s.crc()) {
            w.write(0, 16); // filled in below, once the protected side information is written
        }
        int protectedStart = w.bitPosition();
        for (int sb = 0; sb < sblimit; sb++) {
            for (int ch = 0; ch < channels; ch++) {
                w.write(f.alloc()[ch][sb], f.table().nbal()[sb]);
            }
        }
        for (int sb = 0; sb < sblimit; sb++) {
            for (int ch = 0; ch < channels; ch++) {
                if (f.alloc()[ch][sb] != 0) {
                    w.write(f.scfsi()[ch][sb], 2);
                }
            }
        }
        int protectedEnd = w.bitPosition();
        writeScaleFactors(f, w);
        writeSamples(f, w);
        w.flush();
        if (s.crc()) {
            int crc = Crc16.of(out, 16, 32, 0xffff);
            crc = Crc16.of(out, protectedStart, protectedEnd, crc);
            out[4] = (byte) (crc >> 8);
            out[5] = (byte) crc;
        }
    }

    private static void writeScaleFactors(Frame f, BitWriter w) {
        for (int sb = 0; sb < f.table().sblimit(); sb++) {
            for (int ch = 0; ch < f.settings().channels(); ch++) {
                if (f.alloc()[ch][sb] == 0) {
                    continue;
                }
                int[] index = f.scaleIndex()[ch][sb];
                switch (f.scfsi()[ch][sb]) {
                    case 0 -> {
                        w.write(index[0], 6);
                        w.write(index[1], 6);
                        w.write(index[2], 6);
                    }
                    case 1, 3 -> {
                        w.write(index[0], 6);
                        w.write(index[2], 6);
                    }
                    default -> w.write(index[0], 6);
                }
            }
        }
    }

    /**
     * The quantiser of table B.4 with n steps reconstructs (q - (n-1)/2) * 2/n times the scale factor; the encoder
     * picks the nearest level. Grouped classes (3, 5, 9 steps) send three levels as one codeword q0 + n q1 + n^2 q2.
     */
    private static void writeSamples(Frame f, BitWriter w) {
        int channels = f.settings().channels();
        for (int granule = 0; granule < 12; granule++) {
            int part = granule / 4;
            for (int sb = 0; sb < f.table().sblimit(); sb++) {
                for (int ch = 0; ch < channels; ch++) {
                    int code = f.alloc()[ch][sb];
                    if (code == 0) {
                        continue;
                    }
                    int cls = f.table().classes()[sb][code - 1];
                    int steps = Mp2Tables.STEPS[cls];
                    float gain = steps * 0.5f / Mp2Tables.SCALE[f.scaleIndex()[ch][sb][part]];
                    float[] samples = f.subbands()[ch];
                    int base = granule * 3 * 32 + sb;
                    int q0 = quantise(samples[base], gain, steps);
                    int q1 = quantise(samples[base + 32], gain, steps);
                    int q2 = quantise(samples[base + 64], gain, steps);
                    int bits = Mp2Tables.CODE_BITS[cls];
                    if (Mp2Tables.GROUPED[cls]) {
                        w.write(q0 + steps * (q1 + steps * q2), bits);
                    } else {
                        w.write(q0, bits);
                        w.write(q1, bits);
                        w.write(q2, bits);
                    }
                }
            }
        }
    }

    private static int quantise(float sample, float gain, int steps) {
        int q = (int) Math.floor(sample * gain + steps * 0.5f);
        return q < 0 ? 0 : Math.min(q, steps - 1);
    }
}
