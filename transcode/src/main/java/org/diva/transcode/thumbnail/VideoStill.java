package org.diva.transcode.thumbnail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.diva.transcode.demux.Demuxer;
import org.diva.transcode.demux.StandardDemuxers;
import org.diva.transcode.demux.mp4.VideoDisplay;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.probe.VideoTrack;
import org.diva.transcode.probe.mp4.Mp4Probe;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.StreamKind;
import org.diva.transcode.stream.Ticks;
import org.diva.transcode.video.Frame;
import org.diva.transcode.video.decode.UnsupportedVideoException;

/**
 * A picture from a video in any container DiVA demuxes (MP4/QuickTime, Matroska/WebM, MPEG-TS/M2TS, MPEG-PS) and any
 * codec it decodes (H.264, MPEG-1/2, MPEG-4 Part 2). For each moment {@link KeyframePicker} proposes, the demuxer
 * seeks to the keyframe at or before it and a fresh decoder decodes from there until the keyframe's own picture
 * comes out (reordering codecs hold it back a packet or two); the first that is not blank is the picture.
 *
 * <p>Bounds: the deadline is checked before every packet; each candidate reads at most {@link #MAX_PACKETS} packets
 * of all streams, so a stream whose keyframe never decodes costs a bounded read; frames are refused above 4096x2304.
 */
final class VideoStill {
    /** 4096x2304 (4K with room for DCI's 4096 width): about 14 MB of planes. */
    static final long MAX_PIXELS = 4096L * 2304;
    /** Packets of all streams read per candidate: a few seconds of interleaved audio and subtitles, and the video. */
    static final int MAX_PACKETS = 2000;

    /** The frame chosen, and where it was in the video's timeline (ticks), for tests to compare with ffmpeg's. */
    record Still(BufferedImage picture, long pts) {
    }

    private VideoStill() {
    }

    static BufferedImage picture(SeekableByteChannel channel, String container, String name, ImageBox box,
                                 Deadline deadline) throws IOException {
        return still(channel, container, name, box, deadline).picture();
    }

    static Still still(SeekableByteChannel channel, String container, String name, ImageBox box, Deadline deadline)
            throws IOException {
        VideoDisplay display = container.equals("mp4") ? mp4Display(channel, name) : new VideoDisplay(0,
                Optional.empty());
        deadline.check("reading the " + container + " headers");
        try (Demuxer demuxer = StandardDemuxers.open(container, channel)) {
            boolean demuxedVideo = demuxer.streams().stream().anyMatch(s -> s.kind() == StreamKind.VIDEO);
            ElementaryStream video = KeyframeDecoding.videoStream(demuxer,
                    demuxedVideo ? Optional.empty() : probedMp4Codec(channel, container), name);
            long start = KeyframeDecoding.firstVideoTime(demuxer, video, name);
            List<String> problems = new ArrayList<>();
            Set<Long> tried = new HashSet<>();
            Still blank = null;
            for (long target : KeyframePicker.targets(start, demuxer.duration())) {
                String at = Ticks.toMillis(target - start) / 1000.0 + " s";
                deadline.check("seeking to " + at);
                long keyframe;
                try {
                    keyframe = demuxer.seek(target);
                } catch (MediaFormatException e) {
                    problems.add("seeking to " + at + ": " + e.getMessage());
                    continue;
                }
                if (!tried.add(keyframe)) {
                    continue;
                }
                Optional<KeyframeDecoding.Decoded> decoded = KeyframeDecoding.decode(demuxer, video, keyframe,
                        deadline, problems);
                if (decoded.isEmpty()) {
                    continue;
                }
                Frame f = decoded.get().frame();
                VideoLook look = VideoLook.of(video, decoded.get().keyframe(), f.width(), f.height())
                        .withPixelAspect(display.pixelAspect());
                YuvPicture yuv = new YuvPicture(Plane.of(f.y(), f.width(), f.height()),
                        Plane.of(f.u(), f.width() / 2, f.height() / 2), Plane.of(f.v(), f.width() / 2,
                        f.height() / 2), look.color(), look.pixelAspect(),
                        Orientation.ofClockwiseTurn(display.clockwiseTurn()));
                Still still = new Still(yuv.toRgb(box), f.pts());
                if (!yuv.isBlank()) {
                    return still;
                }
                if (blank == null) {
                    blank = still;
                }
            }
            if (blank != null) {
                return blank; // every candidate is a flat picture: show the first, it is what the video shows
            }
            throw new ThumbnailException(ThumbnailException.Reason.DAMAGED, name + ": no keyframe decodes; "
                    + String.join("; ", problems));
        } catch (UnsupportedVideoException e) {
            throw new ThumbnailException(ThumbnailException.Reason.UNSUPPORTED, name + ": " + e.getMessage(), e);
        } catch (MediaFormatException e) {
            throw new ThumbnailException(ThumbnailException.Reason.DAMAGED, name + ": " + e.getMessage(), e);
        }
    }

    private static VideoDisplay mp4Display(SeekableByteChannel channel, String name) throws IOException {
        try {
            return VideoDisplay.read(channel);
        } catch (MediaFormatException e) {
            throw new ThumbnailException(ThumbnailException.Reason.DAMAGED, name + ": " + e.getMessage(), e);
        }
    }

    /** The codec of an MP4's first video track as the probe names it, for tracks the demuxer leaves out. */
    private static Optional<String> probedMp4Codec(SeekableByteChannel channel, String container) throws IOException {
        if (!container.equals("mp4")) {
            return Optional.empty();
        }
        try {
            return new Mp4Probe().probe(channel).video().stream().findFirst().map(VideoTrack::codec);
        } catch (MediaFormatException e) {
            return Optional.empty(); // the demuxer, which read the same header, has its own say on damage
        }
    }
}
