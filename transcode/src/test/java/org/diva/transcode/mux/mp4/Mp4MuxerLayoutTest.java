package org.diva.transcode.mux.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.diva.transcode.demux.Demuxer;
import org.diva.transcode.demux.StandardDemuxers;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.StreamKind;
import org.diva.transcode.stream.Ticks;
import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where Mp4Muxer puts things: streams starting late, samples bigger than its buffer, offsets past 4 GiB. */
class Mp4MuxerLayoutTest {
    private static final Path GOP = Path.of("src/test/resources/media/mp4/h264_aac_gop.mp4");

    @TempDir
    Path dir;

    /**
     * Remuxes the fixture with every video time moved by {@code videoShift} and every audio time by audioShift;
     * returns how much later the first audio sample is presented than the first picture, in ticks.
     */
    private long shifted(Path out, long videoShift, long audioShift) throws IOException {
        long[] first = {Long.MAX_VALUE, Long.MAX_VALUE};
        try (FileChannel in = FileChannel.open(GOP); Demuxer demuxer = StandardDemuxers.open("mp4", in);
             FileChannel file = FileChannel.open(out, java.nio.file.StandardOpenOption.CREATE,
                     java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
             Mp4Muxer muxer = new Mp4Muxer(demuxer.streams(), file)) {
            for (Optional<Packet> o = demuxer.read(); o.isPresent(); o = demuxer.read()) {
                Packet p = o.get();
                long shift = demuxer.streams().get(p.stream()).kind() == StreamKind.VIDEO ? videoShift : audioShift;
                int kind = demuxer.streams().get(p.stream()).kind() == StreamKind.VIDEO ? 0 : 1;
                first[kind] = Math.min(first[kind], p.pts() + shift);
                muxer.write(new Packet(p.stream(), p.pts() + shift, p.dts() + shift, p.duration(), p.keyframe(),
                        p.data()));
            }
            muxer.finish();
        }
        return first[1] - first[0];
    }

    @Test
    void streamsStartingLateKeepTheirDistanceAndTheEarliestStartsAtZero() throws IOException {
        Ffmpeg.assumeInstalled();
        for (long[] shift : new long[][] {{126_000, 171_000}, {171_000, 126_000}}) { // 1.4 s and 1.9 s
            Path out = dir.resolve("shifted.mp4");
            // not exactly the shifts' difference: the source's audio starts with AAC priming that its edit list hid
            long distance = shifted(out, shift[0], shift[1]);
            assertEquals("", Ffmpeg.decodeErrors(out));
            JsonNode streams = Ffmpeg.probe(out).path("streams");
            double video = streams.get(0).path("start_time").asDouble();
            double audio = streams.get(1).path("start_time").asDouble();
            assertEquals(distance / (double) Ticks.PER_SECOND, audio - video, 0.0015, "A/V distance");
            assertEquals(shift[1] - shift[0], distance, 2000, "the shifts' difference less the priming");
            assertEquals(0, Math.min(audio, video), 0.0015, "earliest start");
            assertEquals(Mp4Remux.videoFrameHashes(GOP), Mp4Remux.videoFrameHashes(out));
        }
    }

    @Test
    void aSampleBiggerThanTheBufferGetsAnMdatOfItsOwn() throws IOException {
        ElementaryStream mp3 = ElementaryStream.audio(0, "mp3", ByteBuffer.allocate(0), 44100, 2);
        Path out = dir.resolve("big.mp4");
        byte[] frame = Files.readAllBytes(Path.of("src/test/resources/media/audio/tone.mp3"));
        try (FileChannel file = FileChannel.open(out, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
             Mp4Muxer muxer = new Mp4Muxer(List.of(mp3), file)) {
            muxer.write(new Packet(0, 0, 0, 2351, true, ByteBuffer.wrap(frame, 0, 200)));
            muxer.write(new Packet(0, 2351, 2351, 2351, true, ByteBuffer.allocate(Mp4Muxer.BUFFER_BYTES + 1)));
            muxer.write(new Packet(0, 4702, 4702, 2351, true, ByteBuffer.wrap(frame, 0, 200)));
            muxer.finish();
        }
        assertEquals(List.of("ftyp", "mdat", "mdat", "mdat", "moov"), Mp4Remux.topLevel(out));
        assertEquals(8 + Mp4Muxer.BUFFER_BYTES + 1, Files.size(out) - 32 - 208 - 208 - moovSize(out));
    }

    private static long moovSize(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        int at = 0;
        while (!"moov".equals(new String(b, at + 4, 4, StandardCharsets.ISO_8859_1))) {
            at += ByteBuffer.wrap(b, at, 4).getInt();
        }
        return b.length - at;
    }

    @Test
    void chunkOffsetsPast4GiBGoInCo64() throws IOException {
        int sampleSize = 3 << 19; // 1.5 MiB: each in an mdat of its own, so nothing is copied twice
        int samples = (int) ((5L << 30) / sampleSize) + 1; // past 5 GiB
        ElementaryStream aac = ElementaryStream.audio(0, "aac", ByteBuffer.wrap(new byte[] {0x11, (byte) 0x90}),
                48000, 2);
        TailChannel channel = new TailChannel();
        ByteBuffer payload = ByteBuffer.allocate(sampleSize);
        try (Mp4Muxer muxer = new Mp4Muxer(List.of(aac), channel)) {
            for (int i = 0; i < samples; i++) {
                muxer.write(new Packet(0, i * 1920L, i * 1920L, 1920, true, payload.duplicate()));
            }
            muxer.finish();
        }
        ByteBuffer moov = ByteBuffer.wrap(channel.last);
        int co64 = indexOf(channel.last, "co64");
        assertTrue(co64 > 0, "no co64 in the moov");
        assertEquals(-1, indexOf(channel.last, "stco"));
        assertEquals(samples, moov.getInt(co64 + 12));
        long first = 32 + 8; // after ftyp and the first mdat header
        long step = 8 + sampleSize;
        assertEquals(first, moov.getLong(co64 + 16));
        assertEquals(first + (samples - 1) * step, moov.getLong(co64 + 16 + 8 * (samples - 1)));
        assertTrue(first + (samples - 1) * step > 0xffff_ffffL);
        assertEquals(channel.total - channel.last.length, first + (samples - 1) * step + sampleSize);
    }

    /** Regression: MPEG-PS times only some pictures; the others got the previous time and played as a stutter. */
    @Test
    void untimedPacketsAreSpreadBetweenTheTimedOnes() throws IOException {
        Ffmpeg.assumeInstalled();
        ElementaryStream aac = ElementaryStream.audio(0, "aac", ByteBuffer.wrap(new byte[] {0x11, (byte) 0x90}),
                48000, 2);
        Path out = dir.resolve("untimed.mp4");
        try (FileChannel file = FileChannel.open(out, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE);
             Mp4Muxer muxer = new Mp4Muxer(List.of(aac), file)) {
            for (int i = 0; i < 10; i++) {
                long time = i % 4 == 0 ? 90_000 + i * 1920L : Ticks.NONE; // timed every fourth, three untimed
                muxer.write(new Packet(0, time, time, 0, true, ByteBuffer.wrap(new byte[] {0x21, 0x10, 0x04})));
            }
            muxer.finish();
        }
        JsonNode packets = Ffmpeg.probe(out, "-show_packets").path("packets");
        assertEquals(10, packets.size());
        for (int i = 0; i < 10; i++) {
            assertEquals(i * 1024L, packets.get(i).path("pts").asLong(), "sample " + i);
        }
    }

    /**
     * A 3-hour film's sample tables (25 fps video with B-frame reordering, 48 kHz AAC: about 780,000 samples) in
     * primitive arrays: the muxer gets through them quickly and writes a movie box of a few MiB that
     * Mp4Faststart accepts (it moves at most 64 MiB).
     */
    @Test
    void aThreeHourFilmsTablesStayCompact() throws IOException {
        byte[] sps = {0x67, 0x42, (byte) 0xc0, 0x1e, (byte) 0xda, 0x02, (byte) 0x80, (byte) 0xbf};
        byte[] pps = {0x68, (byte) 0xce, 0x3c, (byte) 0x80};
        ByteBuffer config = ByteBuffer.allocate(19).put(new byte[] {0, 0, 0, 1}).put(sps).put(new byte[] {0, 0, 1})
                .put(pps).flip();
        ElementaryStream h264 = ElementaryStream.video(0, "h264", config, 1920, 1080);
        ElementaryStream aac = ElementaryStream.audio(1, "aac", ByteBuffer.wrap(new byte[] {0x11, (byte) 0x90}),
                48000, 2);
        long hours = 3 * 3600 * Ticks.PER_SECOND;
        TailChannel channel = new TailChannel();
        byte[] picture = {0, 0, 1, 0x41, (byte) 0x9a, 0x02, 0x03};
        byte[] audioFrame = new byte[6];
        int videoSamples = 0;
        int audioSamples = 0;
        long started = System.nanoTime();
        try (Mp4Muxer muxer = new Mp4Muxer(List.of(h264, aac), channel)) {
            long videoDts = 0;
            long audioDts = 0;
            while (videoDts < hours || audioDts < hours) {
                if (videoDts <= audioDts) {
                    long pts = videoDts + 3600L * (videoSamples % 3 == 0 ? 2 : videoSamples % 3 == 1 ? 0 : 1);
                    muxer.write(new Packet(0, pts, videoDts, 3600, videoSamples % 250 == 0,
                            ByteBuffer.wrap(picture)));
                    videoDts += 3600;
                    videoSamples++;
                } else {
                    audioFrame[5] = (byte) audioSamples; // sizes vary in real AAC; here the bytes do
                    muxer.write(new Packet(1, audioDts, audioDts, 1920, true,
                            ByteBuffer.wrap(audioFrame, 0, 5 + audioSamples % 2)));
                    audioDts += 1920;
                    audioSamples++;
                }
            }
            muxer.finish();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        int moov = channel.last.length;
        System.out.printf("3-hour film: %,d video + %,d audio samples, moov %,d bytes, %,d ms%n", videoSamples,
                audioSamples, moov, millis);
        assertEquals(270_000, videoSamples);
        assertEquals(506_250, audioSamples);
        assertEquals("moov", new String(channel.last, 4, 4, StandardCharsets.ISO_8859_1));
        assertTrue(moov < 8 << 20, "moov of " + moov + " bytes");
        int mvhd = indexOf(channel.last, "mvhd");
        assertEquals(Ticks.PER_SECOND, ByteBuffer.wrap(channel.last).getInt(mvhd + 20));
        assertEquals(hours, ByteBuffer.wrap(channel.last).getInt(mvhd + 24) & 0xffff_ffffL, 3600);
    }

    private static int indexOf(byte[] data, String type) {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + 4 <= data.length; i++) {
            for (int j = 0; j < 4; j++) {
                if (data[i + j] != t[j]) {
                    continue outer;
                }
            }
            return i - 4;
        }
        return -1;
    }

    /** Counts what goes through and keeps only the last write: the moov, written in one piece. */
    private static final class TailChannel implements WritableByteChannel {
        long total;
        byte[] last = new byte[0];

        @Override
        public int write(ByteBuffer src) {
            int n = src.remaining();
            if (n < (16 << 20)) {
                last = new byte[n];
                src.get(last);
            } else {
                src.position(src.limit());
            }
            total += n;
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
