package org.diva.transcode.mux.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.diva.transcode.mux.Muxer;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.Ticks;

/**
 * Writes an MP4 (ISO/IEC 14496-12 and 14496-14) of H.264, AAC, MP3, MP2 and AC-3 streams, append-only: the
 * channel is never sought, so the file may be read while it grows.
 *
 * <p>Layout: 'ftyp', then 'mdat' boxes as the media arrives, and the 'moov' at the end by {@link #finish()} (the
 * server moves it to the front with {@link Mp4Faststart}). Samples are held until about 1 MiB or half a second of
 * media has gathered, then go out as one 'mdat' with one chunk per track, so a player reading the file in order
 * finds audio and video close together; each 'mdat' is written once, with its exact size. A sample larger than
 * that buffer goes out in an 'mdat' of its own. What stays in memory is that buffer and the sample tables (about 16
 * bytes a sample). {@link #close()} without {@link #finish()} drops the buffer and writes nothing more; the file is
 * then an unfinished MP4 without a movie box.
 */
public final class Mp4Muxer implements Muxer {
    static final int BUFFER_BYTES = 1 << 20;
    static final long BUFFER_TICKS = Ticks.PER_SECOND / 2;
    private static final int MDAT_HEADER = 8;
    private static final int MAX_IDLE_WRITES = 1000;

    private final WritableByteChannel out;
    private final List<TrackRecorder> tracks = new ArrayList<>();
    private final Map<Integer, TrackRecorder> byStream = new HashMap<>();
    private long position;
    private int bufferedBytes;
    private long bufferedFrom = Ticks.NONE;
    private boolean headerWritten;
    private boolean done;

    /**
     * @param streams the streams to carry; packets name them by {@link ElementaryStream#index()}
     * @param out     where the file goes, from its first byte; never repositioned
     * @throws IllegalArgumentException for no streams, a stream index given twice, or a codec MP4 output does not
     *                                  carry (it carries h264, aac, mp3, mp2 and ac3)
     */
    public Mp4Muxer(List<ElementaryStream> streams, WritableByteChannel out) {
        this.out = Objects.requireNonNull(out, "out");
        if (streams.isEmpty()) {
            throw new IllegalArgumentException("an MP4 needs at least one stream");
        }
        for (ElementaryStream s : streams) {
            TrackRecorder track = new TrackRecorder(s, tracks.size() + 1);
            if (byStream.put(s.index(), track) != null) {
                throw new IllegalArgumentException("stream index " + s.index() + " given twice");
            }
            tracks.add(track);
        }
    }

    @Override
    public void write(Packet packet) throws IOException {
        if (done) {
            throw new IllegalStateException("the MP4 muxer is finished or closed");
        }
        TrackRecorder track = byStream.get(packet.stream());
        if (track == null) {
            throw new IllegalArgumentException("packet of stream " + packet.stream() + ", which this MP4 muxer was "
                    + "not created with (streams " + byStream.keySet() + ")");
        }
        if (!headerWritten) {
            writeFileType();
        }
        byte[] sample = track.add(packet);
        long time = track.dts.get(track.samples() - 1);
        if (sample.length > BUFFER_BYTES) {
            flush();
            writeFully(mdatHeader(sample.length));
            track.ownChunk(position);
            writeFully(ByteBuffer.wrap(sample));
            return;
        }
        if (bufferedBytes + sample.length > BUFFER_BYTES
                || (bufferedFrom != Ticks.NONE && time - bufferedFrom >= BUFFER_TICKS)) {
            flush();
        }
        if (bufferedFrom == Ticks.NONE) {
            bufferedFrom = time;
        }
        track.buffer(sample);
        bufferedBytes += sample.length;
    }

    @Override
    public void finish() throws IOException {
        if (done) {
            return;
        }
        if (!headerWritten) {
            writeFileType();
        }
        flush();
        done = true;
        writeFully(MoovWriter.write(tracks).toBuffer());
    }

    /** Releases the buffered samples; after {@link #finish()} there is nothing left to release. */
    @Override
    public void close() {
        done = true;
        bufferedBytes = 0;
        for (TrackRecorder t : tracks) {
            t.release();
        }
    }

    /** One 'mdat' with the buffered samples of each track as one chunk, tracks in the order they were given. */
    private void flush() throws IOException {
        if (bufferedBytes == 0) {
            return;
        }
        writeFully(mdatHeader(bufferedBytes));
        for (TrackRecorder t : tracks) {
            if (t.pendingBytes() > 0) {
                writeFully(t.takeChunk(position));
            }
        }
        bufferedBytes = 0;
        bufferedFrom = Ticks.NONE;
    }

    /** ftyp (section 4.3): major brand isom, compatible with isom, iso2, avc1 and mp41, as ffmpeg writes it. */
    private void writeFileType() throws IOException {
        BoxBuffer b = new BoxBuffer();
        int box = b.begin("ftyp");
        b.fourcc("isom");
        b.u32(0x200); // minor version
        for (String brand : new String[] {"isom", "iso2", "avc1", "mp41"}) {
            b.fourcc(brand);
        }
        b.end(box);
        headerWritten = true;
        writeFully(b.toBuffer());
    }

    /** An mdat holds at most the buffer or one packet's bytes (under 2 GiB), so a 32-bit size always fits. */
    private static ByteBuffer mdatHeader(int contents) {
        BoxBuffer b = new BoxBuffer();
        b.u32((long) contents + MDAT_HEADER);
        b.fourcc("mdat");
        return b.toBuffer();
    }

    private void writeFully(ByteBuffer data) throws IOException {
        int idle = 0;
        while (data.hasRemaining()) {
            int n = out.write(data);
            // a blocking channel always takes something; a non-blocking one that stays full would spin forever
            if (n < 0 || (n == 0 && ++idle > MAX_IDLE_WRITES)) {
                throw new IOException("the MP4 output channel stopped taking bytes at byte " + position);
            }
            position += n;
        }
    }
}
