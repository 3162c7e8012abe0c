package org.diva.transcode.probe.mpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One row per stream_type/descriptor combination met in broadcast, camcorder, Blu-ray and ffmpeg streams. */
class TsStreamTypesTest {

    @ParameterizedTest(name = "type {0} tags [{1}] registration {2} bluRay {3} teletext subs {4}")
    @CsvSource({
        // type, descriptor tags, registration, Blu-ray, teletext subtitles, expected kind:codec or 'none'
        "0x01, '',        '',     false, false, VIDEO:mpeg1video",
        "0x02, '',        '',     false, false, VIDEO:mpeg2video",
        "0x10, '',        '',     false, false, VIDEO:mpeg4",
        "0x1B, '',        '',     false, false, VIDEO:h264",
        "0x24, '',        '',     false, false, VIDEO:hevc",
        "0xEA, '',        '',     false, false, VIDEO:vc1",
        "0x03, '',        '',     false, false, AUDIO:mp2",
        "0x04, '',        '',     false, false, AUDIO:mp2",
        "0x0F, '',        '',     false, false, AUDIO:aac",
        "0x11, '',        '',     false, false, AUDIO:aac",
        "0x81, '',        '',     false, false, AUDIO:ac3",
        "0x81, '5',       'AC-3', true,  false, AUDIO:ac3",
        "0x87, '',        '',     false, false, AUDIO:eac3",
        "0x84, '',        '',     true,  false, AUDIO:eac3",
        "0x82, '',        '',     false, false, AUDIO:dts",
        "0x85, '',        '',     true,  false, AUDIO:dts",
        "0x86, '',        '',     true,  false, AUDIO:dts",
        "0x86, '',        '',     false, false, none",
        "0x83, '',        '',     true,  false, AUDIO:truehd",
        "0x80, '',        '',     true,  false, AUDIO:pcm",
        "0x80, '',        '',     false, false, none",
        "0x90, '',        '',     true,  false, SUBTITLE:pgs",
        "0x06, '106',     '',     false, false, AUDIO:ac3",
        "0x06, '122',     '',     false, false, AUDIO:eac3",
        "0x06, '123',     '',     false, false, AUDIO:dts",
        "0x06, '124',     '',     false, false, AUDIO:aac",
        "0x06, '89 10',   '',     false, false, SUBTITLE:dvbsub",
        "0x06, '86',      '',     false, true,  SUBTITLE:teletext",
        "0x06, '86',      '',     false, false, none",
        "0x06, '5',       'Opus', false, false, AUDIO:opus",
        "0x06, '5',       'EAC3', false, false, AUDIO:eac3",
        "0x06, '',        '',     false, false, none",
        "0x05, '',        '',     false, false, none",
        "0x0B, '',        '',     false, false, none",
        "0xC0, '5',       'HEVC', false, false, VIDEO:hevc",
    })
    void classifiesStreams(String type, String tags, String registration, boolean bluRay, boolean teletextSubs,
                           String expected) {
        Set<Integer> tagSet = tags.isBlank() ? Set.of()
                : Arrays.stream(tags.trim().split(" ")).map(Integer::valueOf).collect(Collectors.toSet());
        ProgramMap.Stream stream = new ProgramMap.Stream(0x100, Integer.decode(type), Optional.empty(), tagSet,
                registration.isBlank() ? Optional.empty() : Optional.of(registration), teletextSubs);
        String actual = TsStreamTypes.classify(stream, bluRay).map(c -> c.kind() + ":" + c.codec()).orElse("none");
        assertEquals(expected, actual);
    }
}
