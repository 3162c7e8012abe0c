package org.diva.transcode.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Locale;
import org.diva.transcode.probe.Fixtures;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.MediaProber;
import org.diva.transcode.probe.StandardProbes;
import org.diva.transcode.profile.DeviceProfile;
import org.diva.transcode.profile.DeviceProfiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decision on what DiVA's own probes say of real files (the committed fixtures, made by ffmpeg), so the
 * names the profiles use (containers, codecs, profiles) are the ones the probes write.
 */
class ProbedFixturesDecisionTest {
    private static final DeviceProfiles PROFILES = DeviceProfiles.builtIn();
    private final MediaProber prober = StandardProbes.create();
    private final PlaybackDecision decision = new PlaybackDecision(Conversions.diva());

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', textBlock = """
            mkv/h264-aac-subs.mkv           | samsung-tv   | DIRECT      | plays Matroska
            mkv/h264-aac-subs.mkv           | generic-dlna | REMUX       | does not open Matroska
            mkv/h264-aac-subs.mkv           | sd-tv        | TRANSCODE   | video is converted to H.264 Main
            mkv/mpeg2-ac3-51.mkv            | generic-dlna | REMUX       | does not open Matroska
            mkv/mpeg2-ac3-51.mkv            | browser      | UNSUPPORTED | no AC-3 decoder
            mkv/vp9-opus.webm               | browser      | DIRECT      | plays WebM
            mkv/vp9-opus.webm               | generic-dlna | UNSUPPORTED | cannot convert VP9
            mp4/hevc_main10.mp4             | lg-tv        | DIRECT      | plays MP4
            mp4/hevc_main10.mp4             | sd-tv        | UNSUPPORTED | cannot convert HEVC
            mp4/h264_high_aac_faststart.mp4 | generic-dlna | DIRECT      | plays MP4
            mp4/av1.mp4                     | samsung-tv   | UNSUPPORTED | does not play AV1
            avi/xvid-mp3.avi                | samsung-tv   | DIRECT      | plays AVI
            avi/xvid-mp3.avi                | generic-dlna | TRANSCODE   | does not play MPEG-4 Part 2
            avi/mjpeg-pcm.avi               | generic-dlna | UNSUPPORTED | cannot convert MJPEG
            ps/mpeg2_mp2.mpg                | browser      | TRANSCODE   | does not play MPEG-2 video
            audio/tone.flac                 | sd-tv        | UNSUPPORTED | no FLAC decoder
            audio/tone.flac                 | samsung-tv   | DIRECT      | plays FLAC
            audio/tone.m4a                  | sd-tv        | TRANSCODE   | converted to MP2
            audio/tone.ogg                  | generic-dlna | UNSUPPORTED | no Vorbis decoder
            photo/camera.heic               | generic-dlna | DIRECT      | photos are sent as they are
            """)
    void decides(String fixture, String profileId, Mode mode, String reason) throws IOException {
        MediaInfo media = prober.probe(Fixtures.media(fixture)).info();
        DeviceProfile profile = PROFILES.byId(profileId).orElseThrow();
        Decision made = decision.decide(media, profile);
        assertEquals(mode, made.mode(), () -> made.reasons() + " for " + media);
        String reasons = String.join("; ", made.reasons()).toLowerCase(Locale.ROOT);
        assertTrue(reasons.contains(reason.toLowerCase(Locale.ROOT)), () -> reasons + " should say " + reason);
        DecisionInvariants.check(media, profile, made);
    }
}
