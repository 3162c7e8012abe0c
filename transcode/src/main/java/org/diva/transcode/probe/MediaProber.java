package org.diva.transcode.probe;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Probes a file: recognises its format from its first bytes (not its name), hands it to that format's probe and
 * completes what the probe could not know (bitrate from size and duration). Any failure, including a bug in a
 * probe on hostile input, becomes a {@link MediaFormatException} whose message is the reason a household reads.
 */
public final class MediaProber {
    private final FormatSniffer sniffer = new FormatSniffer();
    private final Map<ContainerFormat, ContainerProbe> containerProbes;
    private final Map<ContainerFormat, FileProbe> fileProbes;

    /**
     * @param containerProbes probes that read a channel, by format
     * @param fileProbes      probes that read a file, by format; where a format has both (MP4 audio), the file
     *                        probe adds tags and cover art to what the container probe found
     */
    public MediaProber(Map<ContainerFormat, ContainerProbe> containerProbes,
                       Map<ContainerFormat, FileProbe> fileProbes) {
        this.containerProbes = new EnumMap<>(ContainerFormat.class);
        this.containerProbes.putAll(containerProbes);
        this.fileProbes = new EnumMap<>(ContainerFormat.class);
        this.fileProbes.putAll(fileProbes);
    }

    public Probed probe(Path file) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw new MediaFormatException("empty file (0 bytes)");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ContainerFormat format = sniffer.sniff(channel).orElseThrow(() -> new MediaFormatException(
                    "not a media file DiVA can read: its first bytes match no known format"
                            + extensionHint(file)));
            Probed probed = probeAs(file, channel, format);
            return new Probed(probed.info().withDerivedBitrate(size), probed.artwork());
        } catch (RuntimeException e) {
            throw new MediaFormatException("damaged file: reading its headers failed (" + e + ")", e);
        }
    }

    private Probed probeAs(Path file, FileChannel channel, ContainerFormat format) throws IOException {
        ContainerProbe containerProbe = containerProbes.get(format);
        FileProbe fileProbe = fileProbes.get(format);
        if (containerProbe == null && fileProbe == null) {
            throw new MediaFormatException("recognised as " + format + " but DiVA has no reader for it yet");
        }
        if (containerProbe == null) {
            return fileProbe.probe(file, format);
        }
        MediaInfo info = containerProbe.probe(channel);
        if (fileProbe != null && info.kind() == MediaKind.AUDIO) {
            Probed tagged = fileProbe.probe(file, format);
            MediaInfo withTags = tagged.info().tags().map(info::withTags).orElse(info);
            if (withTags.title().isEmpty()) {
                withTags = tagged.info().title().map(withTags::withTitle).orElse(withTags);
            }
            return new Probed(withTags, tagged.artwork());
        }
        return Probed.of(info);
    }

    private static String extensionHint(Path file) {
        return MediaExtensions.kindOf(file.getFileName().toString())
                .map(kind -> " (its name says " + kind.name().toLowerCase(Locale.ROOT) + ")")
                .orElse("");
    }

    /** The format of a file's first bytes, for callers that only need to know what a file is. */
    public Optional<ContainerFormat> sniff(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return sniffer.sniff(channel);
        }
    }
}
