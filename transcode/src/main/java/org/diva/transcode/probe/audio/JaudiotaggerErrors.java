package org.diva.transcode.probe.audio;

import java.io.EOFException;
import java.nio.file.Path;
import org.diva.transcode.probe.MediaFormatException;
import org.jaudiotagger.audio.exceptions.CannotReadVideoException;
import org.jaudiotagger.audio.exceptions.InvalidAudioFrameException;
import org.jaudiotagger.audio.exceptions.NoReadPermissionsException;
import org.jaudiotagger.audio.exceptions.ReadOnlyFileException;
import org.jaudiotagger.tag.TagException;

/**
 * Words for what jaudiotagger throws. Its messages are written for developers and carry the absolute path
 * ("/music/a.flac Flac Header not found, not a flac file"); the household sees the file in its own list, so
 * the path is cut down to the file name and the message is prefixed with what kind of damage it is.
 */
final class JaudiotaggerErrors {
    private JaudiotaggerErrors() {
    }

    /**
     * @param format what the file was read as ("MP3")
     * @param e      anything jaudiotagger threw, including runtime exceptions from hostile input
     */
    static MediaFormatException translate(Path file, String format, Exception e) {
        String detail = detail(file, e);
        if (e instanceof InvalidAudioFrameException) {
            return new MediaFormatException("truncated or damaged " + format + ": no valid audio frame found", e);
        }
        if (e instanceof CannotReadVideoException) {
            return new MediaFormatException(format + " holds video, not just audio: probe it as a video", e);
        }
        if (e instanceof NoReadPermissionsException || e instanceof ReadOnlyFileException) {
            return new MediaFormatException("cannot read the file: DiVA has no permission to read it", e);
        }
        if (e instanceof TagException) {
            return new MediaFormatException("damaged " + format + " tag: " + detail, e);
        }
        if (detail.contains("too small to be valid audio")) {
            return new MediaFormatException("too short to be " + format + " audio", e);
        }
        if (e instanceof EOFException || detail.startsWith("Unable to read required number of databytes")) {
            return new MediaFormatException("truncated " + format + ": the file ends inside its headers", e);
        }
        if (e instanceof RuntimeException) {
            return new MediaFormatException("damaged " + format + ": reading it failed ("
                    + e.getClass().getSimpleName() + ": " + detail + ")", e);
        }
        return new MediaFormatException("damaged " + format + ": " + detail, e);
    }

    private static String detail(Path file, Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String name = file.getFileName().toString();
        message = message.replace(file.toAbsolutePath().toString(), name).replace(file.toString(), name).strip();
        if (message.startsWith(name + ":")) {
            message = message.substring(name.length() + 1).strip(); // "a.flac:Unable to read..." repeats the name
        }
        return message.isEmpty() ? e.getClass().getSimpleName() : message;
    }
}
