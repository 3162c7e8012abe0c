/** DiVA's own H.264 (ISO/IEC 14496-10) decoder for progressive 8-bit 4:2:0 streams, CAVLC and CABAC, I/P/B. */
package org.diva.transcode.video.decode.avc;
