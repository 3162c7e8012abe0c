package org.diva.transcode.demux.matroska;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.diva.transcode.codec.AacConfig;
import org.diva.transcode.probe.Fixtures;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.StreamKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The streams a demuxer reports: codecs, audio parameters, codec private data, languages and durations. */
class MatroskaStreamsTest {

    @Test
    void h264AacAndSubtitles() throws IOException {
        try (FileChannel channel = FileChannel.open(Fixtures.media("mkv/h264-aac-subs.mkv"));
             MatroskaDemuxer demuxer = MatroskaDemuxer.open(channel)) {
            List<ElementaryStream> s = demuxer.streams();
            assertEquals(List.of("h264", "aac", "aac", "srt", "ass"), s.stream().map(ElementaryStream::codec).toList());
            assertEquals(List.of(StreamKind.VIDEO, StreamKind.AUDIO, StreamKind.AUDIO, StreamKind.SUBTITLE,
                    StreamKind.SUBTITLE), s.stream().map(ElementaryStream::kind).toList());
            assertEquals(320, s.get(0).width());
            assertEquals(240, s.get(0).height());
            assertEquals(48000, s.get(1).sampleRate());
            assertEquals(2, s.get(1).channels());
            assertEquals(44100, s.get(2).sampleRate());
            assertEquals(1, s.get(2).channels());
            assertEquals(Optional.of(new AacConfig(2, 44100, 1)), AacConfig.parse(s.get(2).codecPrivateBytes()));
            assertEquals(List.of(Optional.of("eng"), Optional.of("ger"), Optional.of("eng"), Optional.of("fre")),
                    s.subList(1, 5).stream().map(ElementaryStream::language).toList());
            String assHeader = new String(s.get(4).codecPrivateBytes(), StandardCharsets.UTF_8);
            assertTrue(assHeader.contains("[Script Info]") && assHeader.contains("[Events]"), assHeader);
            assertTrue(demuxer.duration().isPresent());
            assertEquals(demuxer.duration(), s.get(1).duration());
        }
    }

    @ParameterizedTest
    @CsvSource({"A_AAC/MPEG4/LC, 48000, 2, 2, 48000, 2", "A_AAC/MPEG2/LC, 44100, 1, 2, 44100, 1",
        "A_AAC/MPEG4/MAIN, 32000, 6, 1, 32000, 6", "A_AAC/MPEG4/LC/SBR, 48000, 2, 2, 24000, 2"})
    void legacyAacCodecIdsGetAnAudioSpecificConfig(String codecId, int rate, int channels, int objectType,
                                                   int parsedRate, int parsedChannels) {
        byte[] asc = AacCodecPrivate.fromCodecId(codecId, rate, channels).orElseThrow();
        assertEquals(Optional.of(new AacConfig(objectType, parsedRate, parsedChannels)), AacConfig.parse(asc));
        if (codecId.endsWith("/SBR")) {
            // The core (LC at half rate) first, then the sync extension 0x2B7 naming SBR at the full rate.
            assertEquals(5, asc.length);
            long bits = 0;
            for (byte b : asc) {
                bits = bits << 8 | (b & 0xff);
            }
            assertEquals(0x2B7, (bits >>> 13) & 0x7FF);
            assertEquals(5, (bits >>> 8) & 0x1F, "extension object type SBR");
            assertEquals(3, (bits >>> 3) & 0xF, "extension sampling index 3 (48 kHz)");
        } else {
            assertEquals(2, asc.length);
        }
    }

    @Test
    void aacIdWithoutProfileOrWithOddRateGetsNone() {
        assertEquals(Optional.empty(), AacCodecPrivate.fromCodecId("A_AAC", 48000, 2));
        assertEquals(Optional.empty(), AacCodecPrivate.fromCodecId("A_AAC/MPEG4/LC", 47999, 2));
    }
}
