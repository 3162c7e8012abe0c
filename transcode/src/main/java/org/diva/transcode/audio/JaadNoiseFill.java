package org.diva.transcode.audio;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.diva.transcode.probe.MediaFormatException;

import net.sourceforge.jaad.aac.syntax.CPE;
import net.sourceforge.jaad.aac.syntax.ICSInfo;
import net.sourceforge.jaad.aac.syntax.ICStream;
import net.sourceforge.jaad.aac.syntax.SyntacticElements;

/**
 * Redoes perceptual noise substitution (PNS, ISO/IEC 14496-3 section 4.6.13) for the JAAD decoder in JCodec 0.2.5,
 * whose own is broken: its generator is a static field updated as {@code state *= a + c} (a precedence slip for
 * {@code state = state * a + c}); the even multiplier drives it to zero within 16 draws and it stays zero for every
 * decoder in the JVM. A zero band has zero energy, its scale becomes infinite, the band NaN, and the NaN spreads
 * through the overlap-add until the channel is silent for good. ffmpeg's AAC encoder uses PNS even on plain tones,
 * so this hits most AAC files.
 *
 * <p>After JAAD parses a frame and before it runs the filterbank, every band coded with NOISE_HCB (13) is refilled
 * as the standard says: uniform noise from a generator owned by this decoder, scaled so the band's energy is the
 * square of the noise scale factor JAAD decoded. JAAD keeps the parsed channels in a private array of
 * {@link SyntacticElements}; it is read by reflection, the only way in, and checked when the decoder is made.
 */
final class JaadNoiseFill {
    private static final int NOISE_HCB = 13;

    private final Field elementsField;
    private final SplittableRandom random = new SplittableRandom(0x5eed);

    JaadNoiseFill() throws MediaFormatException {
        try {
            elementsField = SyntacticElements.class.getDeclaredField("elements");
            elementsField.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new UnsupportedAudioException("this JCodec build does not expose the AAC channel elements that "
                    + "DiVA needs to repair noise substitution (expected JCodec 0.2.5)", e);
        }
    }

    /** Refills the noise bands of every channel parsed into {@code elements}. */
    void apply(SyntacticElements elements) throws MediaFormatException {
        for (ICStream ics : channels(elements)) {
            fill(ics);
        }
    }

    private List<ICStream> channels(SyntacticElements elements) throws MediaFormatException {
        List<ICStream> out = new ArrayList<>();
        try {
            for (Object element : (Object[]) elementsField.get(elements)) {
                if (element instanceof CPE pair) {
                    out.add(pair.getLeftChannel());
                    out.add(pair.getRightChannel());
                } else if (element != null && element.getClass().getSimpleName().equals("SCE_LFE")) {
                    Field ics = element.getClass().getDeclaredField("ics");
                    ics.setAccessible(true);
                    out.add((ICStream) ics.get(element));
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new UnsupportedAudioException("cannot reach JCodec's AAC channel elements", e);
        }
        return out;
    }

    private void fill(ICStream ics) {
        ICSInfo info = ics.getInfo();
        int[] codebooks = ics.getSfbCB();
        float[] scales = ics.getScaleFactors();
        float[] data;
        try {
            data = ics.getInvQuantData();
        } catch (net.sourceforge.jaad.aac.AACException e) {
            return;
        }
        int[] offsets = info.getSWBOffsets();
        int maxSfb = info.getMaxSFB();
        int groupStart = 0;
        int index = 0;
        for (int group = 0; group < info.getWindowGroupCount(); group++) {
            int groupLength = info.getWindowGroupLength(group);
            for (int sfb = 0; sfb < maxSfb; sfb++, index++) {
                if (codebooks[index] != NOISE_HCB) {
                    continue;
                }
                int width = offsets[sfb + 1] - offsets[sfb];
                for (int window = 0; window < groupLength; window++) {
                    int from = groupStart + window * 128 + offsets[sfb];
                    double energy = 0;
                    for (int k = from; k < from + width; k++) {
                        float v = (float) (random.nextDouble() * 2 - 1);
                        data[k] = v;
                        energy += v * v;
                    }
                    float scale = (float) (Math.abs(scales[index]) / Math.sqrt(Math.max(energy, 1e-12)));
                    for (int k = from; k < from + width; k++) {
                        data[k] *= scale;
                    }
                }
            }
            groupStart += groupLength * 128;
        }
    }
}
