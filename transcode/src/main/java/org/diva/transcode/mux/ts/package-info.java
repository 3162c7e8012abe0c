/**
 * Writes MPEG-TS (ISO/IEC 13818-1), and its 192-byte M2TS variant, from normalised packets: what DLNA TVs play live.
 */
package org.diva.transcode.mux.ts;
