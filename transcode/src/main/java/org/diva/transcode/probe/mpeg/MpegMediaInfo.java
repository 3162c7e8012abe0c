package org.diva.transcode.probe.mpeg;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.MediaKind;
import org.diva.transcode.probe.SubtitleTrack;
import org.diva.transcode.probe.VideoTrack;

/** Assembles the probe result of an MPEG-TS or MPEG-PS file from what its head and tail told about each stream. */
final class MpegMediaInfo {
    private MpegMediaInfo() {
    }

    /**
     * @param streams  the streams in container order
     * @param ends     what the tail told, parallel to {@code streams}
     * @param fallbackTicks a duration to use when the streams' time stamps tell none (MPEG-PS SCR span)
     */
    static MediaInfo build(String container, List<MpegStreamHead> streams, List<MpegStreamTail> ends, long fileSize,
                           OptionalLong fallbackTicks) {
        List<VideoTrack> video = new ArrayList<>();
        List<AudioTrack> audio = new ArrayList<>();
        List<SubtitleTrack> subtitles = new ArrayList<>();
        for (MpegStreamHead stream : streams) {
            switch (stream.codec().kind()) {
                case VIDEO -> video.add(stream.videoTrack());
                case AUDIO -> audio.add(stream.audioTrack());
                case SUBTITLE -> subtitles.add(stream.subtitleTrack());
            }
        }
        MediaInfo info = MediaInfo.empty(video.isEmpty() ? MediaKind.AUDIO : MediaKind.VIDEO, container)
                .withTracks(video, audio, subtitles);
        OptionalLong ticks = durationTicks(streams, ends);
        if (ticks.isEmpty()) {
            ticks = fallbackTicks;
        }
        if (ticks.isPresent() && ticks.getAsLong() > 0) {
            info = info.withDuration(PtsClock.toMillis(ticks.getAsLong())).withDerivedBitrate(fileSize);
        }
        return info;
    }

    /**
     * From the earliest start to the latest end over the audio and video streams that have both, as ffprobe
     * measures a file: a single stream can end early (muxers leave the last video PES packets without a PTS).
     */
    static OptionalLong durationTicks(List<MpegStreamHead> streams, List<MpegStreamTail> ends) {
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (int i = 0; i < streams.size(); i++) {
            MpegStreamHead stream = streams.get(i);
            OptionalLong first = stream.startTicks();
            OptionalLong last = ends.get(i).endTicks(stream);
            if (stream.codec().kind() == MpegStreamCodec.Kind.SUBTITLE || first.isEmpty() || last.isEmpty()) {
                continue;
            }
            start = Math.min(start, first.getAsLong());
            end = Math.max(end, last.getAsLong());
        }
        return start == Long.MAX_VALUE || end <= start ? OptionalLong.empty() : OptionalLong.of(end - start);
    }
}
