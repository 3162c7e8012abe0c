/** Audio conversion for devices that cannot play a title's audio: decoding to PCM, downmix, resampling, MP2. */
package org.diva.transcode.audio;
