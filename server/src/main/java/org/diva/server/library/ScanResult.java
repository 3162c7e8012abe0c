package org.diva.server.library;

/** What one scan did. */
public record ScanResult(int files, int added, int changed, int removed, int failed, int unreadableFolders) {
}
