package org.diva.transcode.subtitle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.diva.transcode.demux.matroska.MatroskaDemuxer;
import org.diva.transcode.probe.ChannelReads;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.probe.mp4.Mp4TextSamples;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.StreamKind;
import org.diva.transcode.stream.Ticks;

/**
 * Pulls an embedded text subtitle track out of a Matroska or MP4 file as a SubRip document, for TVs that take
 * subtitles only as a separate .srt.
 *
 * <p>Tracks are numbered among the file's text subtitle tracks ({@link #TEXT_FORMATS}) in container order, the
 * order the probes list them in. Bitmap subtitles (pgs, dvdsub, dvbsub) are pictures and cannot become SubRip
 * without OCR, so they are not counted. The document is bounded: a track whose SubRip would pass the limit is
 * refused with {@link SubtitleTooLargeException} before more than the limit has been built.
 */
public final class SubtitleExtractor {
    /** Subtitle formats that are text and so can become SubRip. */
    public static final Set<String> TEXT_FORMATS = Set.of("srt", "ass", "ssa", "webvtt", "mov_text");
    /** SubRip's per-cue overhead: number, times and blank lines. */
    private static final int CUE_OVERHEAD = 40;
    private static final int MAX_SAMPLE = 1 << 20;

    private final long maxSrtBytes;

    public SubtitleExtractor(long maxSrtBytes) {
        if (maxSrtBytes <= 0) {
            throw new IllegalArgumentException("maxSrtBytes must be positive: " + maxSrtBytes);
        }
        this.maxSrtBytes = maxSrtBytes;
    }

    public static boolean isText(String format) {
        return TEXT_FORMATS.contains(format);
    }

    /** The {@code textTrack}-th (from 0) text subtitle track of the file as SubRip. */
    public String srt(SeekableByteChannel channel, int textTrack) throws IOException {
        return SrtWriter.write(cues(channel, textTrack));
    }

    /** The cues of the {@code textTrack}-th text subtitle track, in file order. */
    public List<SubtitleCue> cues(SeekableByteChannel channel, int textTrack) throws IOException {
        if (textTrack < 0) {
            throw new IllegalArgumentException("negative subtitle track " + textTrack);
        }
        ByteBuffer head = ChannelReads.readUpTo(channel, 0, 12);
        if (head.remaining() >= 4 && head.getInt(0) == 0x1A45DFA3) {
            return matroska(channel, textTrack);
        }
        if (head.remaining() >= 8) {
            return mp4(channel, textTrack);
        }
        throw new MediaFormatException("not a Matroska or MP4 file: it is " + channel.size() + " bytes long");
    }

    private List<SubtitleCue> matroska(SeekableByteChannel channel, int textTrack) throws IOException {
        try (MatroskaDemuxer demuxer = MatroskaDemuxer.open(channel)) {
            List<ElementaryStream> text = demuxer.streams().stream()
                    .filter(s -> s.kind() == StreamKind.SUBTITLE && isText(s.codec())).toList();
            ElementaryStream stream = pick(text, textTrack);
            demuxer.select(Set.of(stream.index()));
            Budget budget = new Budget();
            List<SubtitleCue> cues = new ArrayList<>();
            for (Optional<Packet> p = demuxer.read(); p.isPresent(); p = demuxer.read()) {
                Packet packet = p.get();
                if (packet.pts() == Ticks.NONE || packet.pts() < 0) {
                    continue;
                }
                byte[] bytes = new byte[packet.data().remaining()];
                packet.data().duplicate().get(bytes);
                String raw = new String(bytes, StandardCharsets.UTF_8);
                String shown = switch (stream.codec()) {
                    case "ass", "ssa" -> AssText.ofMatroskaEvent(raw);
                    default -> raw.replace("\r\n", "\n");
                };
                long end = packet.pts() + packet.duration() < packet.pts() ? Long.MAX_VALUE
                        : packet.pts() + packet.duration();
                cues.add(budget.charge(new SubtitleCue(packet.pts(), end, shown)));
            }
            return cues;
        }
    }

    private List<SubtitleCue> mp4(SeekableByteChannel channel, int textTrack) throws IOException {
        List<Mp4TextSamples.TextTrack> text = Mp4TextSamples.read(channel).stream()
                .filter(t -> isText(t.format())).toList();
        Mp4TextSamples.TextTrack track = pick(text, textTrack);
        if (!track.format().equals("mov_text")) {
            throw new MediaFormatException("the MP4 subtitle track " + textTrack + " is " + track.format()
                    + ", which DiVA cannot turn into SubRip yet");
        }
        Budget budget = new Budget();
        List<SubtitleCue> cues = new ArrayList<>();
        for (Mp4TextSamples.Sample s : track.samples()) {
            if (s.size() > MAX_SAMPLE) {
                throw new MediaFormatException(String.format(Locale.ROOT,
                        "damaged MP4: a text sample at byte %,d claims %,d bytes", s.offset(), s.size()));
            }
            byte[] sample = new byte[s.size()];
            ChannelReads.readExactly(channel, s.offset(), s.size(), "tx3g sample").get(sample);
            Optional<String> shown = Tx3gText.of(sample, s.offset());
            if (shown.isPresent()) {
                if (s.start() + s.duration() > Long.MAX_VALUE / Ticks.PER_SECOND) {
                    throw new MediaFormatException(String.format(Locale.ROOT,
                            "damaged MP4: the text sample at byte %,d is timed past any real film", s.offset()));
                }
                long start = Ticks.fromTimescale(s.start(), track.timescale());
                long end = Ticks.fromTimescale(s.start() + s.duration(), track.timescale());
                cues.add(budget.charge(new SubtitleCue(start, end, shown.get())));
            }
        }
        return cues;
    }

    private static <T> T pick(List<T> tracks, int textTrack) throws MediaFormatException {
        if (textTrack >= tracks.size()) {
            throw new MediaFormatException("the file has " + tracks.size() + " text subtitle track(s), not "
                    + (textTrack + 1));
        }
        return tracks.get(textTrack);
    }

    /** Counts the SubRip a track would make, so a huge or hostile track is refused early. */
    private final class Budget {
        private long bytes;

        SubtitleCue charge(SubtitleCue cue) throws SubtitleTooLargeException {
            bytes += CUE_OVERHEAD + cue.text().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > maxSrtBytes) {
                throw new SubtitleTooLargeException(String.format(Locale.ROOT,
                        "the subtitle track would make more than %,d bytes of SubRip; DiVA does not serve "
                                + "embedded subtitles that large", maxSrtBytes));
            }
            return cue;
        }
    }
}
