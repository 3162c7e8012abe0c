package org.diva.transcode.probe.avi;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.probe.ContainerProbe;
import org.diva.transcode.probe.HeaderSource;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.MediaKind;
import org.diva.transcode.probe.SubtitleTrack;
import org.diva.transcode.probe.VideoTrack;
import org.diva.transcode.probe.riff.BitmapInfoHeader;
import org.diva.transcode.probe.riff.RiffCodecs;
import org.diva.transcode.probe.riff.WaveFormatEx;

/**
 * Probes AVI files, including OpenDML ("AVI 2.0") files over 1 GB, from their headers: the hdrl list (main header,
 * stream headers and formats, OpenDML frame count) and the INFO list's title.
 *
 * <p>How: the chunks of the first RIFF 'AVI ' are walked by their sizes. The movi list, the file's body, is
 * stepped over, never read, and so are the AVIX extension RIFFs after the first, since the OpenDML header already
 * counts their frames. Duration is the video stream's frame count (the larger of strh dwLength and dmlh
 * dwTotalFrames) times its frame duration (dwScale / dwRate, or avih dwMicroSecPerFrame); without video, the
 * longest audio stream's. A RIFF size larger than the file (a cut-off download) is read up to the end of the file.
 */
public final class AviProbe implements ContainerProbe {
    /** The most bytes one probe reads, whatever the file claims. */
    static final long READ_BUDGET = 16L * 1024 * 1024;

    @Override
    public MediaInfo probe(SeekableByteChannel channel) throws IOException {
        HeaderSource source = new HeaderSource(channel, "AVI", READ_BUDGET);
        try {
            return read(new RiffReader(source));
        } catch (RuntimeException e) {
            // A bug here must cost one file its metadata, not the library scan its thread.
            throw new MediaFormatException("internal error while reading AVI headers: " + e, e);
        }
    }

    private MediaInfo read(RiffReader riff) throws IOException {
        HeaderSource source = riff.source();
        if (source.size() < 12) {
            throw new MediaFormatException(String.format(Locale.ROOT, 
                    "not an AVI file: it is %,d bytes long, too short for a RIFF header", source.size()));
        }
        RiffReader.Chunk file = riff.chunk(0);
        if (!file.isList("AVI ")) {
            throw new MediaFormatException("not an AVI file: it starts with '" + RiffReader.printable(file.id())
                    + "' '" + RiffReader.printable(file.listType()) + "', not RIFF 'AVI '");
        }
        long end = Math.min(file.dataEnd(), source.size());
        AviHeaders headers = null;
        Optional<String> title = Optional.empty();
        long position = file.dataOffset();
        for (int i = 0; i < RiffReader.MAX_CHILDREN && position + 8 <= end; i++) {
            RiffReader.Chunk c;
            try {
                c = riff.chunk(position);
            } catch (MediaFormatException damaged) {
                if (headers == null) {
                    throw damaged;
                }
                break; // damage after the headers costs only a title that might have followed
            }
            if (c.isList("hdrl") && headers == null) {
                riff.requireWithin(c, end, file.describe());
                headers = AviHeaders.read(riff, c);
            } else if (c.isList("INFO") && title.isEmpty()) {
                title = readTitle(riff, c, end);
            }
            position = c.next();
        }
        if (headers == null) {
            throw new MediaFormatException("AVI file has no header list (LIST 'hdrl') in its first RIFF chunk");
        }
        return describe(headers, title, source.size());
    }

    private static MediaInfo describe(AviHeaders headers, Optional<String> title, long fileSize)
            throws MediaFormatException {
        List<VideoTrack> video = new ArrayList<>();
        List<AudioTrack> audio = new ArrayList<>();
        List<SubtitleTrack> subtitles = new ArrayList<>();
        double videoSeconds = 0;
        double audioSeconds = 0;
        for (AviHeaders.Stream s : headers.streams()) {
            switch (s.type()) {
                case "vids" -> {
                    Optional<BitmapInfoHeader> bih = BitmapInfoHeader.parse(s.format());
                    if (bih.isPresent() && bih.get().isXsub()) {
                        subtitles.add(SubtitleTrack.embedded("xsub", Optional.empty(), s.name()));
                        continue;
                    }
                    double exactFps = framesPerSecond(s, headers);
                    OptionalDouble fps = Math.round(exactFps * 1000) > 0 && exactFps <= 1000
                            ? OptionalDouble.of(Math.round(exactFps * 1000) / 1000.0) : OptionalDouble.empty();
                    video.add(new VideoTrack(bih.map(BitmapInfoHeader::codec)
                            .orElseGet(() -> RiffCodecs.videoCodec(s.handler())),
                            Optional.empty(), Optional.empty(),
                            bih.map(BitmapInfoHeader::width).filter(w -> w > 0).orElse(headers.width()),
                            bih.map(BitmapInfoHeader::height).filter(h -> h > 0).orElse(headers.height()),
                            fps, OptionalInt.empty(), false, OptionalLong.empty(), Optional.empty()));
                    if (video.size() == 1 && fps.isPresent()) {
                        long frames = Math.max(s.length(), headers.odmlFrames());
                        videoSeconds = (frames > 0 ? frames : headers.totalFrames()) / exactFps;
                    }
                }
                case "auds" -> {
                    audio.add(WaveFormatEx.parse(s.format()).map(w -> w.toTrack(Optional.empty()))
                            .orElseGet(() -> new AudioTrack("unknown", Optional.empty(), OptionalInt.empty(),
                                    OptionalInt.empty(), OptionalLong.empty(), Optional.empty())));
                    if (s.unitsPerSecond() > 0) {
                        audioSeconds = Math.max(audioSeconds, s.length() / s.unitsPerSecond());
                    }
                }
                case "txts" -> subtitles.add(SubtitleTrack.embedded("txts", Optional.empty(), s.name()));
                default -> { }
            }
        }
        if (video.isEmpty() && audio.isEmpty()) {
            throw new MediaFormatException("AVI file lists no video or audio stream in its header list");
        }
        MediaInfo info = MediaInfo.empty(video.isEmpty() ? MediaKind.AUDIO : MediaKind.VIDEO, "avi")
                .withTracks(video, audio, subtitles);
        if (title.isPresent()) {
            info = info.withTitle(title.get());
        }
        double seconds = video.isEmpty() ? audioSeconds : videoSeconds;
        if (seconds > 0 && seconds < 1e9) {
            info = info.withDuration(Math.round(seconds * 1000));
        }
        return info.withDerivedBitrate(fileSize);
    }

    /** Frames per second from the stream header, else from the main header; 0 when neither says. */
    private static double framesPerSecond(AviHeaders.Stream s, AviHeaders headers) {
        if (s.unitsPerSecond() > 0) {
            return s.unitsPerSecond();
        }
        return headers.microsPerFrame() > 0 ? 1e6 / headers.microsPerFrame() : 0;
    }

    /** INFO/INAM, leniently: a damaged INFO list costs only the title. */
    private static Optional<String> readTitle(RiffReader riff, RiffReader.Chunk info, long end) throws IOException {
        try {
            riff.requireWithin(info, end, "RIFF 'AVI '");
            for (RiffReader.Chunk c : riff.children(info)) {
                if (c.id().equals("INAM")) {
                    return AviHeaders.cString(riff.data(c, 1024));
                }
            }
        } catch (MediaFormatException damaged) {
            // fall through: no title
        }
        return Optional.empty();
    }
}
