package org.diva.transcode.video.decode.avc;

import org.diva.transcode.probe.MediaFormatException;

/**
 * Decodes the macroblocks of one slice into its picture: for each macroblock the entropy decoder reads the syntax,
 * motion-vector prediction fills in the motion of every 4x4 block, then intra prediction or motion compensation
 * writes the prediction into the picture and the residual is added (14496-10 clause 7.3.4 and 8.3-8.5). The
 * deblocking filter runs later, once per picture, when all its slices are in.
 */
final class SliceDecoder {
    private SliceDecoder() {
    }

    /**
     * @param rbsp          the slice NAL unit's RBSP
     * @param dataBitOffset where slice_data() starts in it
     * @param mb            scratch macroblock (its coefficient arrays must be all zero, as reconstruction leaves them)
     * @return the number of macroblocks decoded
     */
    static int decode(SliceContext ctx, byte[] rbsp, int dataBitOffset, Macroblock mb) throws MediaFormatException {
        AvcPicture picture = ctx.picture;
        int mbs = picture.mbs();
        int addr = ctx.header.firstMbInSlice();
        if (addr >= mbs) {
            throw new MediaFormatException("H.264 slice starts at macroblock " + addr + " of a picture of " + mbs);
        }
        MacroblockReader reader = ctx.pps.cabac()
                ? new CabacReader(ctx, rbsp, dataBitOffset) : new CavlcReader(ctx, rbsp, dataBitOffset);
        MotionPredictor motion = new MotionPredictor(ctx);
        InterPredictor inter = new InterPredictor(ctx);
        Reconstructor reconstructor = new Reconstructor(ctx);
        int count = 0;
        while (true) {
            if (picture.sliceId[addr] >= 0) {
                throw new MediaFormatException("H.264 macroblock " + addr + " is coded twice in one picture");
            }
            mb.reset(addr, ctx.widthMbs);
            picture.sliceId[addr] = ctx.sliceId;
            reader.read(mb);
            motion.predict(mb);
            if (MbKind.intra(mb.kind)) {
                reconstructor.intra(mb);
            } else {
                inter.predict(mb);
                reconstructor.residual(mb);
            }
            count++;
            if (!reader.hasMore()) {
                return count;
            }
            if (++addr >= mbs) {
                throw new MediaFormatException("H.264 slice runs past the last macroblock (" + mbs + ")");
            }
        }
    }
}
