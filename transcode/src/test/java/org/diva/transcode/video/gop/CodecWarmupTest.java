package org.diva.transcode.video.gop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CodecWarmupTest {
    @Test
    void convertsEveryPictureOfBothBuiltInClipsEachRound() throws Exception {
        // make.sh makes 30 pictures of H.264 and 30 of MPEG-2.
        assertEquals(2 * 60, CodecWarmup.run(2));
    }
}
