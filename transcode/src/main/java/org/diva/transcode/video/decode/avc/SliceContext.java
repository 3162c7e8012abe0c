package org.diva.transcode.video.decode.avc;

/**
 * What every part of a slice's decoding shares: the parameter sets, the header, the picture being decoded, the
 * reference lists and neighbour availability (14496-10 6.4.8: a neighbour is available when it lies inside the
 * picture and belongs to the same slice, which in raster scan without slice groups means it is already decoded).
 */
final class SliceContext {
    final Sps sps;
    final Pps pps;
    final SliceHeader header;
    final AvcPicture picture;
    /** RefPicList0 and RefPicList1 after initialisation and modification; lengths = num_ref_idx_active. */
    final AvcPicture[][] refList;
    /** This slice's index in {@link AvcPicture#slices}, written to {@link AvcPicture#sliceId} for its macroblocks. */
    final int sliceId;
    final int widthMbs;

    SliceContext(Sps sps, Pps pps, SliceHeader header, AvcPicture picture, AvcPicture[][] refList, int sliceId) {
        this.sps = sps;
        this.pps = pps;
        this.header = header;
        this.picture = picture;
        this.refList = refList;
        this.sliceId = sliceId;
        this.widthMbs = picture.widthMbs;
    }

    /** Whether the macroblock at this address exists and belongs to this slice. */
    boolean available(int mbAddr) {
        return mbAddr >= 0 && mbAddr < picture.sliceId.length && picture.sliceId[mbAddr] == sliceId;
    }

    /** Neighbour A (left) of the macroblock at (mbX, mbY), or -1 when unavailable. */
    int left(int mbX, int mbY) {
        return mbX > 0 && available(mbY * widthMbs + mbX - 1) ? mbY * widthMbs + mbX - 1 : -1;
    }

    /** Neighbour B (above), or -1. */
    int above(int mbX, int mbY) {
        return mbY > 0 && available((mbY - 1) * widthMbs + mbX) ? (mbY - 1) * widthMbs + mbX : -1;
    }

    /** Neighbour C (above right), or -1. */
    int aboveRight(int mbX, int mbY) {
        return mbY > 0 && mbX + 1 < widthMbs && available((mbY - 1) * widthMbs + mbX + 1)
                ? (mbY - 1) * widthMbs + mbX + 1 : -1;
    }

    /** Neighbour D (above left), or -1. */
    int aboveLeft(int mbX, int mbY) {
        return mbY > 0 && mbX > 0 && available((mbY - 1) * widthMbs + mbX - 1) ? (mbY - 1) * widthMbs + mbX - 1 : -1;
    }
}
