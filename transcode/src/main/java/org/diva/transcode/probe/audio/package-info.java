/** Probes audio files (MP3, FLAC, Ogg, WAV, M4A, ADTS AAC): stream headers, tags and cover art. */
package org.diva.transcode.probe.audio;
