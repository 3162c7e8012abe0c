package org.diva.transcode.probe.mpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One row per stream_id (and DVD private stream 1 substream) met in .mpg and .vob files. */
class PsStreamIdsTest {

    @ParameterizedTest(name = "stream 0x{0} substream 0x{1} mpeg2 {2}")
    @CsvSource({
        // stream id, substream, MPEG-2 packs, expected kind:codec:payload bytes skipped, or 'none'
        "E0, 00, true,  VIDEO:mpeg2video:0",
        "E0, 00, false, VIDEO:mpeg1video:0",
        "EF, 00, true,  VIDEO:mpeg2video:0",
        "C0, 00, true,  AUDIO:mp2:0",
        "DF, 00, false, AUDIO:mp2:0",
        "BD, 20, true,  SUBTITLE:dvdsub:1",
        "BD, 3F, true,  SUBTITLE:dvdsub:1",
        "BD, 80, true,  AUDIO:ac3:4",
        "BD, 87, true,  AUDIO:ac3:4",
        "BD, 88, true,  AUDIO:dts:4",
        "BD, 98, true,  AUDIO:dts:4",
        "BD, A0, true,  AUDIO:pcm:7",
        "BD, A7, true,  AUDIO:pcm:7",
        "BD, C0, true,  none",
        "BD, FF, true,  none",
        "BE, 00, true,  none",
        "BF, 00, true,  none",
        "FD, 00, true,  none",
    })
    void classifiesStreamIds(String streamId, String substream, boolean mpeg2, String expected) {
        int key = PsStreamIds.key(Integer.parseInt(streamId, 16), Integer.parseInt(substream, 16));
        String actual = PsStreamIds.classify(key, mpeg2)
                .map(k -> k.codec().kind() + ":" + k.codec().codec() + ":" + k.skip()).orElse("none");
        assertEquals(expected, actual);
    }
}
