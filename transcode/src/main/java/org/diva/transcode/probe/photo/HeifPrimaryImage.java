package org.diva.transcode.probe.photo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.diva.transcode.probe.ChannelReads;
import org.diva.transcode.probe.MediaFormatException;

/**
 * The size and orientation of a HEIF file's primary image (ISO/IEC 23008-12), read from the meta box: pitm names
 * the primary item, ipma lists its properties in ipco, and among them ispe is its size, irot and imir its display
 * transforms. metadata-extractor reports the first ispe it meets, which in a gridded HEIC (every iPhone photo) is a
 * 512x512 tile rather than the picture.
 *
 * <p>The orientation comes from irot/imir, not EXIF: HEIF readers must apply irot/imir and ignore the EXIF
 * Orientation, which Apple nevertheless writes to match; applying both would turn the picture twice.
 */
record HeifPrimaryImage(int width, int height, int orientation) {
    static final int MAX_META_BYTES = 4 * 1024 * 1024;
    private static final int MAX_TOP_LEVEL_BOXES = 64;

    static HeifPrimaryImage read(SeekableByteChannel channel) throws IOException {
        long size = channel.size();
        long at = 0;
        for (int i = 0; i < MAX_TOP_LEVEL_BOXES && at + 8 <= size; i++) {
            ByteBuffer header = ChannelReads.readExactly(channel, at, 8, "HEIF box header");
            long boxSize = header.getInt(0) & 0xFFFFFFFFL;
            int headerLength = 8;
            if (boxSize == 1) {
                boxSize = ChannelReads.readExactly(channel, at + 8, 8, "HEIF box size").getLong(0);
                headerLength = 16;
            } else if (boxSize == 0) {
                boxSize = size - at;
            }
            if (boxSize < headerLength) {
                throw new MediaFormatException(String.format("damaged HEIF: box at byte %,d has size %d", at, boxSize));
            }
            if (type(header, 4).equals("meta")) {
                if (boxSize - headerLength > MAX_META_BYTES) {
                    throw new MediaFormatException(String.format(
                            "HEIF meta box of %,d bytes is larger than DiVA reads (%,d)", boxSize, MAX_META_BYTES));
                }
                ByteBuffer meta = ChannelReads.readExactly(channel, at + headerLength,
                        (int) (boxSize - headerLength), "HEIF meta box");
                try {
                    return fromMeta(meta);
                } catch (RuntimeException e) {
                    throw new MediaFormatException("damaged HEIF: its meta box does not parse (" + e + ")", e);
                }
            }
            at += boxSize;
        }
        throw new MediaFormatException("damaged HEIF: no meta box, so no image is described");
    }

    /** @param meta the meta box's payload: a full box, so version and flags come first */
    static HeifPrimaryImage fromMeta(ByteBuffer meta) throws MediaFormatException {
        int primary = -1;
        List<Box> properties = List.of();
        Box ipma = null;
        for (Box box : children(meta, 4)) {
            if (box.type().equals("pitm")) {
                primary = box.version() == 0 ? box.data().getShort(4) & 0xFFFF : box.data().getInt(4);
            } else if (box.type().equals("iprp")) {
                for (Box child : children(box.data(), 0)) {
                    if (child.type().equals("ipco")) {
                        properties = children(child.data(), 0);
                    } else if (child.type().equals("ipma")) {
                        ipma = child;
                    }
                }
            }
        }
        if (primary < 0 || ipma == null) {
            throw new MediaFormatException("damaged HEIF: no primary image or no image properties");
        }
        int width = 0;
        int height = 0;
        ExifOrientation transform = new ExifOrientation();
        for (int index : associations(ipma, primary)) {
            if (index < 1 || index > properties.size()) {
                continue; // 0 means "no property"; out of range is damage we can read past
            }
            Box property = properties.get(index - 1);
            ByteBuffer d = property.data();
            switch (property.type()) {
                case "ispe" -> {
                    width = d.getInt(4);
                    height = d.getInt(8);
                }
                case "irot" -> transform.rotateAnticlockwise((d.get(0) & 3) * 90);
                case "imir" -> transform.mirror((d.get(0) & 1) == 0);
                default -> {
                }
            }
        }
        if (width <= 0 || height <= 0) {
            throw new MediaFormatException("damaged HEIF: the primary image has no size (ispe)");
        }
        return new HeifPrimaryImage(width, height, transform.exifOrientation());
    }

    /** The property indices associated with {@code item}, in order (the order transforms apply in). */
    private static List<Integer> associations(Box ipma, int item) {
        ByteBuffer d = ipma.data();
        boolean wideIndex = (d.get(3) & 1) != 0; // flags bit 0
        int entries = d.getInt(4);
        int at = 8;
        for (int e = 0; e < entries; e++) {
            int id = ipma.version() < 1 ? d.getShort(at) & 0xFFFF : d.getInt(at);
            at += ipma.version() < 1 ? 2 : 4;
            int count = d.get(at++) & 0xFF;
            List<Integer> indices = new ArrayList<>(count);
            for (int a = 0; a < count; a++) {
                indices.add(wideIndex ? d.getShort(at) & 0x7FFF : d.get(at) & 0x7F); // top bit: essential
                at += wideIndex ? 2 : 1;
            }
            if (id == item) {
                return indices;
            }
        }
        return List.of();
    }

    private static List<Box> children(ByteBuffer parent, int from) {
        List<Box> boxes = new ArrayList<>();
        int at = from;
        while (parent.limit() - at >= 8) {
            long size = parent.getInt(at) & 0xFFFFFFFFL;
            if (size < 8 || size > parent.limit() - at) {
                break; // a box running past its parent: keep what was complete
            }
            boxes.add(new Box(type(parent, at + 4), parent.slice(at + 8, (int) size - 8)));
            at += (int) size;
        }
        return boxes;
    }

    private static String type(ByteBuffer b, int at) {
        byte[] fourcc = new byte[4];
        b.get(at, fourcc);
        return new String(fourcc, StandardCharsets.ISO_8859_1);
    }

    /** A box's type and payload; for full boxes the payload starts with version and flags. */
    private record Box(String type, ByteBuffer data) {
        int version() {
            return data.get(0) & 0xFF;
        }
    }
}
