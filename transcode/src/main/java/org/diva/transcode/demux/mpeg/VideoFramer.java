package org.diva.transcode.demux.mpeg;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.Packet;

/**
 * Cuts a start-code delimited video stream into access units (one coded picture each) wherever the muxer put the
 * PES boundaries, following {@link VideoSyntax}. Bytes before the first unit start (a stream entered mid-picture,
 * after a seek or a loss) are dropped, so every unit handed on is whole.
 */
final class VideoFramer extends Framer {
    private final VideoSyntax syntax;
    private final VideoHeaders headers;
    private final PendingBytes pending = new PendingBytes();
    /** Where the next start-code search resumes. */
    private int scanFrom;
    /** Whether pending[0] is the start of a unit. */
    private boolean synced;
    private boolean seenPicture;
    private boolean keyframe;
    private final Mpeg2Clock clock = new Mpeg2Clock();

    VideoFramer(int stream, Consumer<Unit> sink, VideoSyntax syntax, String codec) {
        super(stream, sink);
        this.syntax = syntax;
        this.headers = new VideoHeaders(syntax, codec);
    }

    @Override
    void push(PesChunk chunk) throws MediaFormatException {
        pending.append(chunk);
        scan(false);
    }

    @Override
    void flush() {
        scan(true);
        if (synced && seenPicture) {
            cut(pending.length);
        }
        reset();
    }

    @Override
    void reset() {
        pending.clear();
        scanFrom = 0;
        synced = false;
        seenPicture = false;
        keyframe = false;
        clock.reset();
    }

    @Override
    void anchor(long pts) {
        clock.anchor(pts);
    }

    @Override
    StreamFacts facts() {
        return headers.facts();
    }

    private void scan(boolean atEnd) {
        byte[] b = pending.bytes;
        int need = 3 + syntax.lookahead();
        int i = scanFrom;
        while (i + need <= pending.length || (atEnd && i + 4 <= pending.length)) {
            if (b[i] != 0 || b[i + 1] != 0 || b[i + 2] != 1) {
                i++;
                continue;
            }
            if (i + need > pending.length) {
                break; // at the end, a start code too short to classify belongs to the unit before it
            }
            if (syntax.opens(b, i)) {
                // H.264 and HEVC: a zero_byte belongs to the unit it precedes (a 4-byte start code), unless a PES
                // packet begins at the start code, so the zero ended the PES packet before; MPEG video has no such
                // byte, a zero there is the end of the picture before
                boolean nal = syntax == VideoSyntax.H264 || syntax == VideoSyntax.HEVC;
                int start = nal && i > 0 && b[i - 1] == 0 && !pending.pesStartsAt(i) ? i - 1 : i;
                if (!synced) {
                    pending.discard(start); // a time stamp of a PES begun in the dropped bytes passes to this unit
                    i -= start;
                    synced = true;
                } else if (seenPicture) {
                    cut(start);
                    i -= start;
                }
            }
            if (synced) {
                seenPicture |= syntax.isPicture(b, i);
                keyframe |= syntax.marksKeyframe(b, i, pending.length);
            }
            i += 3;
        }
        scanFrom = i;
        if (!synced && pending.length > need) { // nothing to keep but a start code still too short to classify
            pending.discard(pending.length - need);
            scanFrom = 0;
        }
    }

    /** Hands on {@code pending[0, end)} as one unit. */
    private void cut(int end) {
        PendingBytes.Stamp stamp = pending.stamp(0);
        byte[] unit = headers.complete(pending.copy(0, end), keyframe);
        boolean key = keyframe;
        pending.discard(end);
        seenPicture = false;
        keyframe = false;
        long pts = stamp.pts();
        long dts = stamp.dts();
        if (syntax == VideoSyntax.MPEG12) {
            long[] times = clock.time(unit, pts, dts, key);
            pts = times[0];
            dts = times[1];
        }
        emit(new Unit(new Packet(stream, pts, dts, 0, key, ByteBuffer.wrap(unit)), stamp.position()));
    }
}
