package org.diva.transcode.probe.audio;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.probe.ChannelReads;
import org.diva.transcode.probe.ContainerFormat;
import org.diva.transcode.probe.FileProbe;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.MediaKind;
import org.diva.transcode.probe.Probed;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.audio.AudioHeader;
import org.jaudiotagger.audio.exceptions.InvalidAudioFrameException;
import org.jaudiotagger.audio.mp3.MP3AudioHeader;

/**
 * Probes music files: MP3, FLAC, Ogg Vorbis, WAV and MP4 audio through jaudiotagger, which reads their tags and
 * cover art; Ogg Opus and raw AAC (ADTS), which it does not read, through DiVA's own readers. The file is read
 * as the format its first bytes say, whatever its name, and is never written: jaudiotagger's readers open it
 * read-only. For MP4 the tags and cover are what matters (an MP4 container probe knows the tracks better).
 */
public final class AudioFileProbe implements FileProbe {
    private static final int MAX_OGG_CODEC_HEADER = 64 * 1024;
    private static final byte[] VORBIS_MAGIC = "\u0001vorbis".getBytes(StandardCharsets.ISO_8859_1);

    /** Held, because java.util.logging keeps loggers weakly and a collected logger forgets its level. */
    private final Logger jaudiotaggerLog;
    private final AdtsProbe adts = new AdtsProbe();

    /**
     * Silences jaudiotagger, which logs every oddity of every file at INFO and WARNING through
     * java.util.logging: what matters reaches the caller as a {@link MediaFormatException}. Only the
     * "org.jaudiotagger" logger is touched.
     */
    public AudioFileProbe() {
        jaudiotaggerLog = Logger.getLogger("org.jaudiotagger");
        jaudiotaggerLog.setLevel(Level.OFF);
    }

    @Override
    public Probed probe(Path file, ContainerFormat format) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return switch (format) {
                case MP3 -> mp3(file, channel);
                case FLAC -> flac(file, channel);
                case OGG -> ogg(file, channel);
                case WAV -> {
                    AudioFile audio = read(file, "wav", "WAV");
                    yield assemble(file, "wav", audio, AudioHeaderReader.wav(audio.getAudioHeader()));
                }
                case MP4 -> {
                    AudioFile audio = read(file, "m4a", "MP4");
                    yield assemble(file, "mp4", audio, AudioHeaderReader.mp4(audio.getAudioHeader()));
                }
                case AAC_ADTS -> Probed.of(adts.probe(channel));
                default -> throw new IllegalArgumentException(format + " is not an audio format");
            };
        }
    }

    private Probed mp3(Path file, SeekableByteChannel channel) throws IOException {
        synchronized (Mp3Frames.LOCK) {
            AudioFile audio;
            try {
                audio = AudioFileIO.readAs(file.toFile(), "mp3");
            } catch (InvalidAudioFrameException e) {
                OptionalLong tagEnd = Mp3Frames.id3v2End(channel);
                if (tagEnd.isPresent() && tagEnd.getAsLong() >= channel.size()) {
                    throw new MediaFormatException(String.format(
                            "truncated MP3: its ID3 tag needs %,d bytes but the file ends at byte %,d",
                            tagEnd.getAsLong(), channel.size()), e);
                }
                if (tagEnd.isPresent() && isAdtsAt(channel, tagEnd.getAsLong())) {
                    return Probed.of(adts.probe(channel)); // raw AAC behind an ID3 tag, named .mp3 or .aac
                }
                throw JaudiotaggerErrors.translate(file, "MP3", e);
            } catch (Exception e) {
                throw JaudiotaggerErrors.translate(file, "MP3", e);
            }
            return assemble(file, "mp3", audio, Mp3Frames.track((MP3AudioHeader) audio.getAudioHeader(), channel));
        }
    }

    private Probed flac(Path file, SeekableByteChannel channel) throws IOException {
        AudioFile audio = read(file, "flac", "FLAC");
        AudioHeader header = audio.getAudioHeader();
        Long audioStart = header.getAudioDataStartPosition();
        if (audioStart != null && audioStart >= channel.size()) {
            throw new MediaFormatException(String.format(
                    "truncated FLAC: its audio should start at byte %,d but the file ends at byte %,d",
                    audioStart, channel.size()));
        }
        return assemble(file, "flac", audio, AudioHeaderReader.flac(header, channel.size()));
    }

    private Probed ogg(Path file, SeekableByteChannel channel) throws IOException {
        OggPacketReader reader = new OggPacketReader(channel);
        byte[] first = reader.next(MAX_OGG_CODEC_HEADER).orElseThrow(() -> new MediaFormatException(
                "damaged Ogg: its first packet is longer than any codec header"));
        if (OggOpusReader.startsWith(first, OggOpusReader.HEAD_MAGIC)) {
            return OggOpusReader.read(file, channel, first, reader);
        }
        if (!OggOpusReader.startsWith(first, VORBIS_MAGIC)) {
            throw new MediaFormatException("Ogg holding " + oggCodec(first) + " is not audio DiVA can read");
        }
        AudioFile audio = read(file, "ogg", "Ogg Vorbis");
        if (AudioHeaderReader.durationMillis(audio.getAudioHeader()).isEmpty()) {
            throw new MediaFormatException(String.format(
                    "truncated Ogg Vorbis: no audio after the headers (the file ends at byte %,d)", channel.size()));
        }
        return assemble(file, "ogg", audio, AudioHeaderReader.vorbis(audio.getAudioHeader()));
    }

    private static AudioFile read(Path file, String extension, String format) throws MediaFormatException {
        try {
            return AudioFileIO.readAs(file.toFile(), extension);
        } catch (Exception e) { // its checked exceptions, IOException for short reads, and runtime ones alike
            throw JaudiotaggerErrors.translate(file, format, e);
        }
    }

    private static Probed assemble(Path file, String container, AudioFile audio, AudioTrack track) {
        MediaInfo info = MediaInfo.empty(MediaKind.AUDIO, container).withTracks(List.of(), List.of(track), List.of());
        OptionalLong duration = AudioHeaderReader.durationMillis(audio.getAudioHeader());
        if (duration.isPresent()) {
            info = info.withDuration(duration.getAsLong());
        }
        TagReader.Result tags = TagReader.read(audio.getTag(), file.getFileName().toString());
        if (tags.tags().isPresent()) {
            info = info.withTags(tags.tags().get()).withTitle(tags.tags().get().title().orElse(null));
        }
        return new Probed(info, tags.artwork());
    }

    private static boolean isAdtsAt(SeekableByteChannel channel, long position) throws IOException {
        return AdtsProbe.Frame.at(ChannelReads.readUpTo(channel, position, 7), 0).isPresent();
    }

    private static String oggCodec(byte[] first) {
        String head = new String(first, 0, Math.min(8, first.length), StandardCharsets.ISO_8859_1);
        if (head.startsWith("\u0080theora")) {
            return "Theora video";
        }
        if (head.startsWith("\u007fFLAC")) {
            return "FLAC";
        }
        if (head.startsWith("Speex")) {
            return "Speex";
        }
        return "an unknown codec";
    }
}
