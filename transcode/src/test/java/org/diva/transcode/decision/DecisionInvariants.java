package org.diva.transcode.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.MediaKind;
import org.diva.transcode.probe.VideoTrack;
import org.diva.transcode.profile.DeviceProfile;
import org.diva.transcode.profile.VideoCapability;

/** What every decision must respect, whatever the row: checked on each row of the table besides its expectation. */
final class DecisionInvariants {
    private DecisionInvariants() {
    }

    static void check(MediaInfo media, DeviceProfile device, Decision decision) {
        if (decision.mode() == Mode.UNSUPPORTED) {
            return;
        }
        Target target = decision.target().orElseThrow();
        if (decision.mode() == Mode.DIRECT) {
            assertEquals(media.container(), target.container());
            assertTrue(media.kind() == MediaKind.PHOTO || device.plays().takesContainer(media.container()));
            return;
        }
        String expected = device.plays().takesContainer("mpegts") ? "mpegts" : "mp4";
        assertEquals(expected, target.container(), "MPEG-TS where the device opens it, else MP4");
        assertTrue(device.plays().takesContainer(target.container()), "the device opens what it gets");
        target.audio().ifPresent(a -> {
            assertTrue(device.plays().audio(a.codec()).isPresent(), "device plays the audio it gets: " + a);
            if (!a.copy()) {
                assertEquals("mp2", a.codec());
                assertTrue(a.channels().getAsInt() <= 2, "MP2 is encoded in stereo at most");
                assertTrue(java.util.Set.of(32_000, 44_100, 48_000).contains(a.sampleRate().getAsInt()),
                        "an MPEG-1 Layer II rate: " + a);
            }
        });
        target.video().ifPresent(v -> {
            VideoTrack source = media.video().get(v.track());
            if (v.copy()) {
                assertTrue(Compatibility.video(source, device).isEmpty(), "copied video plays: " + v);
                return;
            }
            VideoCapability cap = device.plays().video("h264").orElseThrow();
            assertEquals("h264", v.codec());
            assertTrue(v.width() % 2 == 0 && v.height() % 2 == 0, "even sides " + v);
            assertTrue(v.width() <= cap.maxWidth() && v.height() <= cap.maxHeight(), "fits the device " + v);
            assertTrue(v.width() <= source.width() && v.height() <= source.height(), "never upscaled " + v);
            double sourceAspect = (double) source.width() / source.height();
            double aspect = (double) v.width() / v.height();
            assertTrue(Math.abs(aspect / sourceAspect - 1) < 0.02, "aspect kept: " + aspect + " vs " + sourceAspect);
            v.frameRate().ifPresent(r -> assertTrue(r <= cap.maxFrameRate() + 0.01, "frame rate " + r));
            long bitrate = v.bitrate().getAsLong();
            device.plays().maxBitrate().ifPresent(max -> assertTrue(bitrate <= max, "bitrate " + bitrate));
            cap.maxLevel().ifPresent(max -> assertTrue(VideoCapability.levelNumber(v.level().orElseThrow())
                    <= VideoCapability.levelNumber(max) + 1e-9, "level " + v.level() + " within " + max));
            H264Levels.Level level = H264Levels.TABLE.stream().filter(l -> l.name().equals(v.level().orElseThrow()))
                    .findFirst().orElseThrow();
            assertTrue(level.fits(v.width(), v.height(), v.frameRate().orElse(30)) && bitrate <= level.maxBitrate(),
                    "the stream keeps its level's limits: " + v);
            assertTrue(cap.takesProfile(v.profile().orElseThrow()), "device takes profile " + v.profile());
        });
    }
}
