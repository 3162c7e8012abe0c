/**
 * DiVA's own fast H.264 (ISO/IEC 14496-10) encoder: Constrained Baseline, CAVLC, I16x16 / P16x16 / P_Skip,
 * integer-pel motion search and frame-level rate control, built for one-instance-per-GOP parallel transcoding.
 */
package org.diva.transcode.video.h264;
