/** A pure-Java MPEG-1 Audio Layer II (MP2) encoder (ISO/IEC 11172-3), the audio every DLNA TV plays. */
package org.diva.transcode.audio.mp2;
