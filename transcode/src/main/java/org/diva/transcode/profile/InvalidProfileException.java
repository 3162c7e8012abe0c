package org.diva.transcode.profile;

/**
 * A profile file that cannot be used: the message names the file, the field and what to write instead
 * ("samsung.yaml: plays.video[0].maxWidth: must be a whole number, not 'wide'").
 */
public final class InvalidProfileException extends Exception {
    public InvalidProfileException(String message) {
        super(message);
    }

    public InvalidProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
