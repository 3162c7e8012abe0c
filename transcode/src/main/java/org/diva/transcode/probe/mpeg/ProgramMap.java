package org.diva.transcode.probe.mpeg;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One program's map (PMT, ISO/IEC 13818-1 section 2.4.4.8): its elementary streams in the order the PMT lists
 * them, with what their descriptors say.
 *
 * @param programNumber program_number
 * @param pid           the PID the PMT came on
 * @param registration  format_identifier of a program-level registration descriptor ("HDMV" on Blu-ray)
 * @param streams       the elementary streams
 */
public record ProgramMap(int programNumber, int pid, Optional<String> registration, List<Stream> streams) {
    public ProgramMap {
        streams = List.copyOf(streams);
    }

    /**
     * @param pid               elementary_PID
     * @param streamType        stream_type
     * @param language          from an ISO 639 language (0x0A), DVB subtitling (0x59) or teletext (0x56) descriptor
     * @param descriptorTags    tags of all its descriptors
     * @param registration      format_identifier of its registration descriptor (0x05), e.g. "AC-3"
     * @param teletextSubtitles whether a teletext descriptor lists a subtitle page
     */
    public record Stream(int pid, int streamType, Optional<String> language, Set<Integer> descriptorTags,
                  Optional<String> registration, boolean teletextSubtitles) {
        public Stream {
            descriptorTags = Set.copyOf(descriptorTags);
        }
    }
}
