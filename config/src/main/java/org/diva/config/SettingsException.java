package org.diva.config;

/**
 * A setting is wrong. The message names the setting, where its value came from, what is wrong and what to do,
 * and is meant to be printed to the household as it is.
 */
public class SettingsException extends Exception {
    public SettingsException(String message) {
        super(message);
    }

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
