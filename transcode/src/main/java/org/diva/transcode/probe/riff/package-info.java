/** Windows codec structures and codes (BITMAPINFOHEADER, WAVEFORMATEX) shared by AVI and Matroska. */
package org.diva.transcode.probe.riff;
