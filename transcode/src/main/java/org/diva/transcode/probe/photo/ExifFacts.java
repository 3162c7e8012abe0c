package org.diva.transcode.probe.photo;

import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.StringValue;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The EXIF facts a photo library shows, read leniently: cameras pad Make and Model with spaces and NULs, write
 * "0000:00:00 00:00:00" for an unset clock, and fill ImageDescription with their own name, and EXIF's "ASCII"
 * strings are UTF-8 in practice.
 */
record ExifFacts(int orientation, Optional<LocalDateTime> dateTaken, Optional<String> make, Optional<String> model,
                 Optional<String> title) {
    /** ImageDescription values that cameras write by themselves: not a title anyone gave the picture. */
    private static final Set<String> CAMERA_DESCRIPTIONS = Set.of("olympus digital camera", "sony dsc",
            "exif_jpeg_picture", "digital camera", "konica minolta digital camera", "minolta digital camera",
            "default");

    static ExifFacts of(Metadata metadata) {
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        ExifSubIFDDirectory sub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        Integer orientation = ifd0 == null ? null : ifd0.getInteger(ExifDirectoryBase.TAG_ORIENTATION);
        Optional<String> description = text(ifd0, ExifDirectoryBase.TAG_IMAGE_DESCRIPTION)
                .filter(d -> !CAMERA_DESCRIPTIONS.contains(d.toLowerCase(Locale.ROOT)));
        Optional<String> xpTitle = ifd0 == null ? Optional.empty()
                : clean(ifd0.getDescription(ExifDirectoryBase.TAG_WIN_TITLE)); // UTF-16, decoded by the library
        return new ExifFacts(
                orientation == null ? 1 : orientation,
                text(sub, ExifDirectoryBase.TAG_DATETIME_ORIGINAL).flatMap(ExifFacts::dateTime),
                text(ifd0, ExifDirectoryBase.TAG_MAKE),
                text(ifd0, ExifDirectoryBase.TAG_MODEL),
                xpTitle.or(() -> description));
    }

    /** "2019:05:01 14:30:15", also with '-' in the date or 'T' before the time, and any fraction or zone after. */
    static Optional<LocalDateTime> dateTime(String exif) {
        if (exif.length() < 19) {
            return Optional.empty();
        }
        char[] c = exif.substring(0, 19).toCharArray();
        c[4] = '-';
        c[7] = '-';
        c[10] = 'T';
        try {
            return Optional.of(LocalDateTime.parse(new String(c)));
        } catch (DateTimeParseException e) {
            return Optional.empty(); // "0000:00:00 00:00:00" and "    :  :     :  :  " mean the clock was not set
        }
    }

    private static Optional<String> text(Directory directory, int tag) {
        if (directory == null) {
            return Optional.empty();
        }
        StringValue value = directory.getStringValue(tag);
        if (value == null) {
            return Optional.empty();
        }
        byte[] bytes = value.getBytes();
        try {
            return clean(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return clean(new String(bytes, StandardCharsets.ISO_8859_1)); // old cameras' Latin-1
        }
    }

    private static Optional<String> clean(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String stripped = value.replace('\0', ' ').strip();
        return stripped.isEmpty() ? Optional.empty() : Optional.of(stripped);
    }
}
