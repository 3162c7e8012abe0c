package org.diva.transcode.demux.matroska;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.probe.VideoTrack;
import org.diva.transcode.probe.matroska.MatroskaCodecs;
import org.diva.transcode.probe.matroska.MatroskaTrackEntry;
import org.diva.transcode.stream.ElementaryStream;

/**
 * Turns Matroska TrackEntries into the demuxer's tracks: codec names as the probe gives them, codec private data
 * in the form {@link ElementaryStream} promises (H.264/HEVC parameter sets as Annex B, AAC AudioSpecificConfig,
 * built from the CodecID for old files that have none), and how frames are restored.
 */
final class TrackFactory {
    private TrackFactory() {
    }

    /**
     * The track as stream {@code index}, or empty for tracks the demuxer cannot serve: types other than video,
     * audio and subtitle, and frames encrypted or compressed with bzlib or lzo1x, which no real muxer writes.
     */
    static Optional<DemuxTrack> create(MatroskaTrackEntry entry, int index, OptionalLong durationTicks)
            throws MediaFormatException {
        byte[] header = new byte[0];
        boolean zlib = false;
        if (entry.compression().isPresent()) {
            MatroskaTrackEntry.Compression c = entry.compression().get();
            switch (c.algorithm()) {
                case MatroskaTrackEntry.HEADER_STRIPPING -> header = c.settings();
                case 0 -> zlib = true;
                default -> {
                    return Optional.empty();
                }
            }
        }
        byte[] priv = entry.codecPrivate().orElse(new byte[0]);
        Optional<NalConfig> nal = Optional.empty();
        ElementaryStream stream;
        switch (entry.type()) {
            case MatroskaTrackEntry.TYPE_VIDEO -> {
                VideoTrack video = MatroskaCodecs.video(entry);
                byte[] config = priv;
                if (video.codec().equals("h264") && priv.length > 0) {
                    nal = Optional.of(NalConfig.avcC(priv));
                    config = nal.get().parameterSets();
                } else if (video.codec().equals("hevc") && priv.length > 0) {
                    nal = Optional.of(NalConfig.hvcC(priv));
                    config = nal.get().parameterSets();
                }
                stream = ElementaryStream.video(index, video.codec(), ByteBuffer.wrap(config), video.width(),
                        video.height());
            }
            case MatroskaTrackEntry.TYPE_AUDIO -> {
                AudioTrack audio = MatroskaCodecs.audio(entry);
                byte[] config = priv;
                if (audio.codec().equals("aac") && priv.length == 0) {
                    config = AacCodecPrivate.fromCodecId(entry.codecId(), entry.samplingRate(), entry.channels())
                            .orElse(config);
                }
                stream = ElementaryStream.audio(index, audio.codec(), ByteBuffer.wrap(config),
                        audio.sampleRate().orElse(0), audio.channels().orElse(0));
            }
            case MatroskaTrackEntry.TYPE_SUBTITLE -> stream = ElementaryStream.subtitle(index,
                    MatroskaCodecs.subtitle(entry).format(), ByteBuffer.wrap(priv));
            default -> {
                return Optional.empty();
            }
        }
        if (entry.number() <= 0) {
            throw new MediaFormatException(String.format(Locale.ROOT,
                    "damaged Matroska: the %s track %s has no TrackNumber", stream.kind().name().toLowerCase(
                            Locale.ROOT), entry.codecId()));
        }
        stream = stream.withLanguage(entry.language());
        if (durationTicks.isPresent()) {
            stream = stream.withDuration(durationTicks.getAsLong());
        }
        return Optional.of(new DemuxTrack(entry.number(), stream, header, zlib, nal, entry.defaultDuration(),
                entry.codecDelay()));
    }
}
