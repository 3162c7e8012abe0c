package org.diva.transcode.demux.mp4;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.diva.transcode.demux.Demuxer;
import org.diva.transcode.probe.ChannelReads;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.StreamKind;
import org.diva.transcode.stream.Ticks;

/**
 * Demuxes MP4 and QuickTime files, classic (sample tables) and fragmented (moof/traf/trun), with DiVA's own box
 * reader rather than JCodec's MP4 demuxer, which does not apply edit lists nor hand out normalised payloads.
 *
 * <p>The movie header and every fragment header are read into memory and expanded into per-track sample tables
 * (see {@link StblReader}, {@link Fragments}). Packets come out in file-offset order, merging the tracks' samples
 * as they lie in the file, so reading is one forward pass over the media data. Timestamps are computed from each
 * sample's absolute time in its track's timescale, shifted by the edit list's start, then converted to ticks, so
 * no rounding accumulates. Keyframes are the sync samples (stss, or fragment sample flags).
 */
public final class Mp4Demuxer implements Demuxer {
    private final SeekableByteChannel channel;
    private final List<Mp4Track> tracks;
    private final List<ElementaryStream> streams;
    private final OptionalLong duration;
    private final int[] next;
    /** After a seek, the track whose sample must come first (the keyframe sought), else -1. */
    private int forced = -1;

    private Mp4Demuxer(SeekableByteChannel channel, List<Mp4Track> tracks, OptionalLong duration) {
        this.channel = channel;
        this.tracks = tracks;
        this.streams = tracks.stream().map(Mp4Track::stream).toList();
        this.duration = duration;
        this.next = new int[tracks.size()];
    }

    /** Reads the file's structure; the channel stays the caller's. */
    public static Mp4Demuxer open(SeekableByteChannel channel) throws IOException {
        try {
            return read(channel);
        } catch (IndexOutOfBoundsException | BufferUnderflowException e) {
            // Header boxes are parsed from memory with bounds checks; a field past its box's end lands here.
            throw new MediaFormatException(
                    "damaged MP4: a header box is shorter than the fields it must hold (" + e.getMessage() + ")", e);
        }
    }

    private static Mp4Demuxer read(SeekableByteChannel channel) throws IOException {
        Mp4Layout layout = Mp4Layout.read(channel);
        Box moov = layout.moov();
        long movieTimescale = 0;
        long movieDuration = 0;
        Optional<Box> mvhd = moov.child("mvhd");
        if (mvhd.isPresent() && mvhd.get().data().remaining() >= 20) {
            ByteBuffer b = mvhd.get().data();
            boolean wide = b.get(0) == 1;
            if (b.remaining() >= (wide ? 32 : 20)) {
                movieTimescale = b.getInt(wide ? 20 : 12) & 0xffff_ffffL;
                movieDuration = wide ? b.getLong(24) : b.getInt(16) & 0xffff_ffffL;
            }
        }
        List<Mp4Track> tracks = new ArrayList<>();
        Set<Long> chapters = chapterTracks(moov);
        for (Box trak : moov.all("trak")) {
            Optional<Mp4Track> track = TrackReader.read(trak, tracks.size(), movieTimescale, channel.size());
            if (track.isPresent() && !chapters.contains(track.get().id())) {
                tracks.add(track.get());
            }
        }
        if (!layout.fragments().isEmpty()) {
            Fragments fragments = new Fragments(tracks, moov, channel.size());
            for (long at : layout.fragments()) {
                fragments.add(layout.readFragment(channel, at));
            }
        }
        OptionalLong duration = movieTimescale > 0 && movieDuration > 0 && movieDuration != 0xffff_ffffL
                && layout.fragments().isEmpty()
                ? OptionalLong.of(Ticks.fromTimescale(movieDuration, movieTimescale))
                : lastSampleEnd(tracks);
        return new Mp4Demuxer(channel, List.copyOf(tracks), duration);
    }

    /** QuickTime chapter titles are a text track named by another track's tref/chap: not a subtitle to show. */
    private static Set<Long> chapterTracks(Box moov) throws IOException {
        Set<Long> ids = new HashSet<>();
        for (Box trak : moov.all("trak")) {
            Optional<Box> chap = trak.path("tref", "chap");
            if (chap.isPresent()) {
                ByteBuffer b = chap.get().data();
                while (b.remaining() >= 4) {
                    ids.add(b.getInt() & 0xffff_ffffL);
                }
            }
        }
        return ids;
    }

    private static OptionalLong lastSampleEnd(List<Mp4Track> tracks) {
        long end = 0;
        for (Mp4Track t : tracks) {
            int n = t.samples().count();
            if (n > 1) {
                end = Math.max(end, t.pts(n - 1) + t.dts(n - 1) - t.dts(n - 2));
            }
        }
        return end > 0 ? OptionalLong.of(end) : OptionalLong.empty();
    }

    @Override
    public List<ElementaryStream> streams() {
        return streams;
    }

    @Override
    public OptionalLong duration() {
        return duration;
    }

    @Override
    public Optional<Packet> read() throws IOException {
        Optional<Packet> packet = readSample();
        while (packet.isPresent() && packet.get().data().remaining() == 0
                && streams.get(packet.get().stream()).kind() == StreamKind.SUBTITLE) {
            packet = readSample(); // an empty text sample is the gap between two cues, not a cue
        }
        return packet;
    }

    private Optional<Packet> readSample() throws IOException {
        int track = forced >= 0 ? forced : nextByOffset();
        forced = -1;
        if (track < 0) {
            return Optional.empty();
        }
        Mp4Track t = tracks.get(track);
        int i = next[track]++;
        SampleTable s = t.samples();
        byte[] bytes = new byte[s.size(i)];
        if (ChannelReads.readInto(channel, s.offset(i), ByteBuffer.wrap(bytes)) < bytes.length) {
            throw new MediaFormatException(String.format(Locale.ROOT,
                    "truncated MP4: sample %,d of track %d needs %,d bytes at byte %,d but the file ends at %,d",
                    i + 1, t.id(), bytes.length, s.offset(i), channel.size()));
        }
        boolean key = t.stream().kind() != StreamKind.VIDEO || s.sync(i);
        return Optional.of(new Packet(track, t.pts(i), t.dts(i), Math.max(0, t.duration(i)), key,
                Payloads.normalise(t.format(), bytes, key, s.offset(i))));
    }

    /** The track whose next sample lies first in the file, or -1 when all are read. */
    private int nextByOffset() {
        int best = -1;
        long bestOffset = Long.MAX_VALUE;
        for (int t = 0; t < next.length; t++) {
            SampleTable s = tracks.get(t).samples();
            if (next[t] < s.count() && s.offset(next[t]) < bestOffset) {
                best = t;
                bestOffset = s.offset(next[t]);
            }
        }
        return best;
    }

    @Override
    public long seek(long ticks) throws IOException {
        return Mp4Seek.seek(tracks, next, ticks, track -> forced = track);
    }

    @Override
    public void close() {
        forced = -1;
        Arrays.fill(next, Integer.MAX_VALUE); // reads after close return nothing
    }
}
