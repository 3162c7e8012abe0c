package org.diva.transcode.remux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.diva.transcode.demux.Demuxer;
import org.diva.transcode.demux.mp4.Mp4Demuxer;
import org.diva.transcode.mux.ts.TsMuxer;
import org.diva.transcode.mux.ts.TsSettings;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;
import org.junit.jupiter.api.Test;

/** The remuxer's life cycle: a client that goes away mid-stream, and what it releases. */
class RemuxerTest {
    private static final Path GOP = Path.of("src/test/resources/media/mp4/h264_aac_gop.mp4");

    @org.junit.jupiter.api.io.TempDir
    Path dir;

    /** Twenty seconds of video and audio, so the output is far bigger than the muxer's buffer. */
    private Path longClip() throws IOException {
        org.diva.transcode.testing.Ffmpeg.assumeInstalled();
        Path clip = dir.resolve("long.mp4");
        org.diva.transcode.testing.Ffmpeg.ffmpeg("-f", "lavfi", "-i", "testsrc=size=320x180:rate=25:duration=20",
                "-f", "lavfi", "-i", "sine=duration=20", "-c:v", "libx264", "-preset", "ultrafast", "-g", "50",
                "-c:a", "aac", "-b:a", "32k", clip.toString());
        return clip;
    }

    /** A response body whose client hangs up after {@code limit} bytes. */
    static final class HangingUpChannel implements WritableByteChannel {
        private final long limit;
        long accepted;
        int writesAfterFailure;
        boolean failed;
        boolean open = true;

        HangingUpChannel(long limit) {
            this.limit = limit;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (failed) {
                writesAfterFailure++;
            }
            if (accepted + src.remaining() > limit) {
                failed = true;
                throw new IOException("Broken pipe");
            }
            accepted += src.remaining();
            int n = src.remaining();
            src.position(src.limit());
            return n;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }

    /** Counts reads and closes around a real demuxer. */
    static final class WatchedDemuxer implements Demuxer {
        private final Demuxer inner;
        int reads;
        boolean closed;

        WatchedDemuxer(Demuxer inner) {
            this.inner = inner;
        }

        @Override
        public List<ElementaryStream> streams() {
            return inner.streams();
        }

        @Override
        public OptionalLong duration() {
            return inner.duration();
        }

        @Override
        public Optional<Packet> read() throws IOException {
            reads++;
            return inner.read();
        }

        @Override
        public long seek(long ticks) throws IOException {
            return inner.seek(ticks);
        }

        @Override
        public void close() throws IOException {
            closed = true;
            inner.close();
        }
    }

    @Test
    void clientGoingAwayStopsTheRemuxAtOnceAndReleasesTheDemuxer() throws IOException {
        HangingUpChannel client = new HangingUpChannel(200_000);
        Path clip = longClip();
        try (FileChannel in = FileChannel.open(clip)) {
            WatchedDemuxer demuxer = new WatchedDemuxer(Mp4Demuxer.open(in));
            RemuxResult result = new Remuxer(StreamChoice.DEFAULT).run(demuxer,
                    streams -> new TsMuxer(streams, client, TsSettings.DEFAULT), 0);
            assertEquals(RemuxResult.Outcome.OUTPUT_FAILED, result.outcome());
            assertTrue(client.failed);
            assertEquals(0, client.writesAfterFailure, "nothing written after the failure");
            assertTrue(demuxer.closed, "demuxer closed");
            int total = Mp4DemuxerCount.packets(clip);
            assertTrue(demuxer.reads < total, "stopped reading: " + demuxer.reads + " of " + total);
            assertTrue(in.isOpen(), "the caller's channel stays the caller's");
        }
    }

    @Test
    void failureBeforeAnythingIsWrittenIsReportedToo() throws IOException {
        HangingUpChannel client = new HangingUpChannel(0);
        try (FileChannel in = FileChannel.open(GOP)) {
            WatchedDemuxer demuxer = new WatchedDemuxer(Mp4Demuxer.open(in));
            RemuxResult result = new Remuxer(StreamChoice.DEFAULT).run(demuxer,
                    streams -> new TsMuxer(streams, client, TsSettings.DEFAULT), 0);
            assertEquals(RemuxResult.Outcome.OUTPUT_FAILED, result.outcome());
            assertTrue(demuxer.closed);
        }
    }

    /** Counts a file's packets. */
    static final class Mp4DemuxerCount {
        static int packets(Path file) throws IOException {
            try (FileChannel in = FileChannel.open(file); Mp4Demuxer d = Mp4Demuxer.open(in)) {
                int n = 0;
                while (d.read().isPresent()) {
                    n++;
                }
                return n;
            }
        }
    }
}
