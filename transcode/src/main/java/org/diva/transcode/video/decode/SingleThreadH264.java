package org.diva.transcode.video.decode;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutorService;
import org.jcodec.codecs.h264.H264Decoder;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JCodec's H.264 decoder, made to decode on the caller's thread and to leave no threads behind. JCodec 0.2.5 gives
 * every decoder a fixed pool of one thread per core, used for frames with several slices and never shut down
 * (there is no close method): a server that makes a thousand thumbnails would keep thousands of idle threads. The
 * pool is also the wrong kind of parallelism here, where the caller already bounds how many pictures are made at
 * once. So this turns the decoder's private {@code threaded} flag off and shuts its pool down, by reflection, the
 * only way to reach them. If a JCodec version renames them, it says so once at start and decodes as JCodec would.
 * Thumbnails and the transcoder's {@link H264Decoder} both make their JCodec decoders here, so this is the one place
 * that knows the trick ({@code SingleThreadH264Test} counts live threads around twenty decodes).
 */
public final class SingleThreadH264 implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SingleThreadH264.class);
    private static final Field THREADED = field("threaded");
    private static final Field POOL = field("tp");

    private final H264Decoder decoder;
    private final byte[][] planes;

    /**
     * @param codecPrivate the SPS and PPS as Annex B (start codes), as JCodec's MP4 track metadata gives them
     * @param codedWidth   the coded (macroblock-aligned) width
     * @param codedHeight  the coded height
     */
    public SingleThreadH264(ByteBuffer codecPrivate, int codedWidth, int codedHeight) {
        decoder = H264Decoder.createH264DecoderFromCodecPrivate(codecPrivate.duplicate());
        if (THREADED != null && set(THREADED, false)) {
            close(); // no thread has started yet: a pool starts its threads with its first task
        }
        planes = Picture.create(codedWidth, codedHeight, ColorSpace.YUV420J).getData();
    }

    /**
     * Decodes one access unit (Annex B) that needs no other frame: an IDR or intra frame. JCodec reports
     * unsupported streams and damage as runtime exceptions, which the caller turns into a reason.
     *
     * @return the picture, or null if JCodec found no slice to decode
     */
    public Picture decode(ByteBuffer accessUnit) {
        return decoder.decodeFrame(accessUnit, planes);
    }

    /**
     * Decodes one access unit of a running stream into {@code target}, which the decoder keeps as a reference picture
     * for later frames: the caller must not reuse it.
     *
     * @return the picture (JCodec's frame, with its cropping), or null if JCodec found no slice to decode
     */
    public org.jcodec.codecs.h264.io.model.Frame decodeInto(ByteBuffer accessUnit, byte[][] target) {
        // JCodec removes emulation-prevention bytes in place: given the packet's own bytes, it would corrupt them
        // for anyone decoding them again (an open GOP's leading pictures are decoded twice), and a second pass over
        // corrupted CABAC data can loop forever. So it gets a copy.
        ByteBuffer copy = ByteBuffer.allocate(accessUnit.remaining());
        copy.put(accessUnit.duplicate()).flip();
        return decoder.decodeFrame(copy, target);
    }

    /** Shuts the decoder's thread pool down; idempotent. */
    @Override
    public void close() {
        if (POOL == null) {
            return;
        }
        try {
            ExecutorService pool = (ExecutorService) POOL.get(decoder);
            if (pool != null) {
                pool.shutdownNow();
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("JCodec's decoder pool was accessible a moment ago", e);
        }
    }

    private boolean set(Field flag, boolean value) {
        try {
            flag.setBoolean(decoder, value);
            return true;
        } catch (IllegalAccessException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Field field(String name) {
        try {
            Field field = H264Decoder.class.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("JCodec's H.264 decoder has no accessible field '{}' ({}); multi-slice videos will leave idle "
                    + "decoder threads behind. DiVA expects JCodec 0.2.5.", name, e.toString());
            return null;
        }
    }
}
