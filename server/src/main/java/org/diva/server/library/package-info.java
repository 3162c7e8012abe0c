/** Keeping the catalogue true to the media folders: scanning, incremental rescans and file-system watching. */
package org.diva.server.library;
