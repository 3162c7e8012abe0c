/** Test tools: the real ffprobe/ffmpeg from Debian as the judge of what DiVA writes. */
package org.diva.transcode.testing;
