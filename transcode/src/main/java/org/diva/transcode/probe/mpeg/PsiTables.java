package org.diva.transcode.probe.mpeg;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Parses the program association table and program map sections (ISO/IEC 13818-1 sections 2.4.4.3 and 2.4.4.8)
 * and the descriptors DiVA reads from them. Every length field is checked against the section it is in; the CRC
 * is not checked (a damaged table shows itself by its lengths, and the next repetition follows soon).
 */
public final class PsiTables {
    private static final int PAT_TABLE = 0x00;
    private static final int PMT_TABLE = 0x02;
    private static final int CRC_SIZE = 4;

    private PsiTables() {
    }

    /** A program listed in the PAT and the PID of its PMT. */
    public record Program(int number, int pmtPid) {
    }

    /** The programs of a PAT section, network PID entries left out; empty if the section is no current PAT. */
    public static List<Program> parsePat(byte[] section) {
        List<Program> programs = new ArrayList<>();
        if (!isCurrent(section, PAT_TABLE, 8 + CRC_SIZE)) {
            return programs;
        }
        int end = section.length - CRC_SIZE;
        for (int i = 8; i + 4 <= end; i += 4) {
            int number = ((section[i] & 0xff) << 8) | (section[i + 1] & 0xff);
            int pid = ((section[i + 2] & 0x1f) << 8) | (section[i + 3] & 0xff);
            if (number != 0) {
                programs.add(new Program(number, pid));
            }
        }
        return programs;
    }

    /**
     * Parses a PMT section received on {@code pid}.
     *
     * @return empty if the section is not a current PMT or its program_info_length runs past it; streams whose
     *         ES_info_length runs past the section end the list
     */
    public static Optional<ProgramMap> parsePmt(byte[] section, int pid) {
        if (!isCurrent(section, PMT_TABLE, 12 + CRC_SIZE)) {
            return Optional.empty();
        }
        int end = section.length - CRC_SIZE;
        int programNumber = ((section[3] & 0xff) << 8) | (section[4] & 0xff);
        int programInfoLength = ((section[10] & 0x0f) << 8) | (section[11] & 0xff);
        int at = 12 + programInfoLength;
        if (at > end) {
            return Optional.empty();
        }
        Descriptors program = Descriptors.parse(section, 12, at);
        List<ProgramMap.Stream> streams = new ArrayList<>();
        while (at + 5 <= end) {
            int streamType = section[at] & 0xff;
            int esPid = ((section[at + 1] & 0x1f) << 8) | (section[at + 2] & 0xff);
            int infoLength = ((section[at + 3] & 0x0f) << 8) | (section[at + 4] & 0xff);
            int next = at + 5 + infoLength;
            if (next > end) {
                break;
            }
            Descriptors d = Descriptors.parse(section, at + 5, next);
            streams.add(new ProgramMap.Stream(esPid, streamType, d.language, d.tags, d.registration,
                    d.teletextSubtitles));
            at = next;
        }
        return Optional.of(new ProgramMap(programNumber, pid, program.registration, streams));
    }

    /** A long-form section of the given table, current_next_indicator set, at least {@code minLength} bytes. */
    private static boolean isCurrent(byte[] section, int tableId, int minLength) {
        return section.length >= minLength && (section[0] & 0xff) == tableId && (section[1] & 0x80) != 0
                && (section[5] & 1) == 1;
    }

    /** What a descriptor loop (ISO/IEC 13818-1 section 2.6, ETSI EN 300 468 section 6.2) tells DiVA. */
    private static final class Descriptors {
        final Set<Integer> tags = new HashSet<>();
        Optional<String> language = Optional.empty();
        Optional<String> registration = Optional.empty();
        boolean teletextSubtitles;

        static Descriptors parse(byte[] data, int from, int to) {
            Descriptors d = new Descriptors();
            for (int at = from; at + 2 <= to; ) {
                int tag = data[at] & 0xff;
                int length = data[at + 1] & 0xff;
                int body = at + 2;
                if (body + length > to) {
                    break;
                }
                d.tags.add(tag);
                switch (tag) {
                    case 0x05 -> { // registration
                        if (length >= 4) {
                            d.registration = Optional.of(new String(data, body, 4, StandardCharsets.ISO_8859_1));
                        }
                    }
                    case 0x0a, 0x59 -> d.language = d.language.or(() -> language(data, body, length));
                    case 0x56 -> { // teletext: entries of language(3), type(5 bits) + magazine(3), page(8)
                        for (int e = body; e + 5 <= body + length; e += 5) {
                            int type = (data[e + 3] & 0xff) >> 3;
                            if (type == 2 || type == 5) { // subtitle page, subtitle page for the hard of hearing
                                int entry = e;
                                d.teletextSubtitles = true;
                                d.language = d.language.or(() -> language(data, entry, 3));
                            }
                        }
                    }
                    default -> { }
                }
                at = body + length;
            }
            return d;
        }

        /** An ISO 639-2 code: three letters, lower case; "und" and blanks mean no language. */
        private static Optional<String> language(byte[] data, int at, int length) {
            if (length < 3) {
                return Optional.empty();
            }
            String code = new String(data, at, 3, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            return code.chars().allMatch(c -> c >= 'a' && c <= 'z') && !code.equals("und")
                    ? Optional.of(code) : Optional.empty();
        }
    }
}
