package org.diva.transcode.mux.mp4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.diva.transcode.demux.Demuxer;
import org.diva.transcode.demux.StandardDemuxers;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.Ticks;
import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Mp4Muxer promises besides the file itself: append-only output, refusals, and close without finish. */
class Mp4MuxerContractTest {
    private static final Path GOP = Path.of("src/test/resources/media/mp4/h264_aac_gop.mp4");
    private static final byte[] ASC_48K_STEREO = {0x11, (byte) 0x90};

    @TempDir
    Path dir;

    private static ElementaryStream aac(int index) {
        return ElementaryStream.audio(index, "aac", ByteBuffer.wrap(ASC_48K_STEREO), 48000, 2);
    }

    private static Packet audio(int stream, long dts) {
        return new Packet(stream, dts, dts, 1920, true, ByteBuffer.wrap(new byte[] {0x21, 0x10, 0x04, 0x60}));
    }

    @Test
    void writesOnlyForwardThroughAChannelThatRefusesToSeek() throws IOException {
        Ffmpeg.assumeInstalled();
        AppendOnlyChannel channel = new AppendOnlyChannel();
        try (FileChannel in = FileChannel.open(GOP); Demuxer demuxer = StandardDemuxers.open("mp4", in);
             Mp4Muxer muxer = new Mp4Muxer(demuxer.streams(), channel)) {
            for (Optional<Packet> p = demuxer.read(); p.isPresent(); p = demuxer.read()) {
                muxer.write(p.get());
            }
            muxer.finish();
            assertEquals(java.util.OptionalLong.empty(), muxer.position());
        }
        Path out = Files.write(dir.resolve("append.mp4"), channel.toByteArray());
        assertEquals("", Ffmpeg.decodeErrors(out));
        assertEquals(Mp4Remux.videoFrameHashes(GOP), Mp4Remux.videoFrameHashes(out));
        List<String> boxes = Mp4Remux.topLevel(out);
        assertEquals("moov", boxes.get(boxes.size() - 1));
        assertTrue(boxes.stream().filter("mdat"::equals).count() >= 6, "3 s in half-second mdats: " + boxes);
    }

    @Test
    void refusesACodecMp4OutputDoesNotCarry() {
        for (ElementaryStream s : List.of(ElementaryStream.video(0, "hevc", ByteBuffer.allocate(0), 320, 240),
                ElementaryStream.audio(0, "opus", ByteBuffer.allocate(0), 48000, 2),
                ElementaryStream.audio(0, "eac3", ByteBuffer.allocate(0), 48000, 2),
                ElementaryStream.subtitle(0, "srt", ByteBuffer.allocate(0)))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new Mp4Muxer(List.of(s), new AppendOnlyChannel()));
            assertTrue(e.getMessage().contains(s.codec()) && e.getMessage().contains("h264, aac, mp3, mp2 and ac3"),
                    e.getMessage());
        }
    }

    @Test
    void refusesAacWithoutItsConfigurationAndStreamsGivenTwice() {
        assertThrows(IllegalArgumentException.class, () -> new Mp4Muxer(
                List.of(ElementaryStream.audio(0, "aac", ByteBuffer.allocate(0), 48000, 2)), new AppendOnlyChannel()));
        assertThrows(IllegalArgumentException.class, () -> new Mp4Muxer(List.of(aac(1), aac(1)),
                new AppendOnlyChannel()));
        assertThrows(IllegalArgumentException.class, () -> new Mp4Muxer(List.of(), new AppendOnlyChannel()));
    }

    @Test
    void refusesAPacketOfAStreamItWasNotCreatedWith() throws IOException {
        try (Mp4Muxer muxer = new Mp4Muxer(List.of(aac(3)), new AppendOnlyChannel())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> muxer.write(audio(0, 0)));
            assertTrue(e.getMessage().contains("stream 0"), e.getMessage());
        }
    }

    @Test
    void refusesDecodingTimesThatGoBackButHoldsSmallSteps() throws IOException {
        try (Mp4Muxer muxer = new Mp4Muxer(List.of(aac(0)), new AppendOnlyChannel())) {
            muxer.write(audio(0, 90_000));
            muxer.write(audio(0, 90_000 - 90)); // 1 ms back: rounding in a container, held at the previous time
            MediaFormatException e = assertThrows(MediaFormatException.class, () -> muxer.write(audio(0, 0)));
            assertTrue(e.getMessage().contains("goes back from 1.000 s to 0.000 s at sample 2"), e.getMessage());
        }
    }

    @Test
    void refusesAPresentationTimeAbsurdlyFarAfterDecoding() throws IOException {
        try (Mp4Muxer muxer = new Mp4Muxer(List.of(aac(0)), new AppendOnlyChannel())) {
            Packet p = new Packet(0, 3600 * Ticks.PER_SECOND, 0, 1920, true, ByteBuffer.wrap(new byte[] {1}));
            MediaFormatException e = assertThrows(MediaFormatException.class, () -> muxer.write(p));
            assertTrue(e.getMessage().contains("after the decoding time"), e.getMessage());
        }
    }

    @Test
    void refusesAnAc3StreamWhoseFramesAreNotAc3() throws IOException {
        ElementaryStream ac3 = ElementaryStream.audio(0, "ac3", ByteBuffer.allocate(0), 48000, 2);
        try (Mp4Muxer muxer = new Mp4Muxer(List.of(ac3), new AppendOnlyChannel())) {
            MediaFormatException e = assertThrows(MediaFormatException.class, () -> muxer.write(audio(0, 0)));
            assertTrue(e.getMessage().contains("AC-3 sync frame"), e.getMessage());
        }
    }

    @Test
    void refusesToFinishH264WithoutParameterSets() throws IOException {
        ElementaryStream h264 = ElementaryStream.video(0, "h264", ByteBuffer.allocate(0), 320, 240);
        try (Mp4Muxer muxer = new Mp4Muxer(List.of(h264), new AppendOnlyChannel())) {
            muxer.write(new Packet(0, 0, 0, 3600, true, ByteBuffer.wrap(new byte[] {0, 0, 1, 0x65, (byte) 0x88})));
            MediaFormatException e = assertThrows(MediaFormatException.class, muxer::finish);
            assertTrue(e.getMessage().contains("parameter set"), e.getMessage());
        }
    }

    @Test
    void closeWithoutFinishWritesNothingMoreAndLeavesNoMovieBox() throws IOException {
        AppendOnlyChannel channel = new AppendOnlyChannel();
        Mp4Muxer muxer = new Mp4Muxer(List.of(aac(0)), channel);
        for (int i = 0; i < 100; i++) { // 2 s: some half-second mdats go out, the rest is buffered
            muxer.write(audio(0, i * 1920L));
        }
        byte[] before = channel.toByteArray();
        muxer.close();
        assertArrayEquals(before, channel.toByteArray(), "close wrote something");
        muxer.finish(); // nothing to finish any more
        assertArrayEquals(before, channel.toByteArray(), "finish after close wrote something");
        assertThrows(IllegalStateException.class, () -> muxer.write(audio(0, 0)));
        Path out = Files.write(dir.resolve("unfinished.mp4"), before);
        List<String> boxes = Mp4Remux.topLevel(out);
        assertEquals("ftyp", boxes.get(0));
        assertTrue(boxes.size() > 1 && !boxes.contains("moov"), "boxes " + boxes);
    }
}
