/**
 * Device profiles as data: what a device is called and how to recognise it, what it plays and its DLNA quirks,
 * loaded from built-in YAML and the household's own files in {@code <data dir>/profiles}.
 */
package org.diva.transcode.profile;
