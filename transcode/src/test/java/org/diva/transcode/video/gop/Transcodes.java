package org.diva.transcode.video.gop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.testing.Ffmpeg;
import org.diva.transcode.video.VideoFixtures;
import org.diva.transcode.video.h264.H264Encoder;

/** Runs the transcoder over a clip's packets and asks ffmpeg what it made of the result. */
final class Transcodes {
    private static final Pattern PSNR = Pattern.compile("PSNR y:[0-9.inf]+ u:[0-9.inf]+ v:[0-9.inf]+ "
            + "average:([0-9.]+|inf)");

    private Transcodes() {
    }

    static PacketSource source(List<Packet> packets) {
        Iterator<Packet> it = packets.iterator();
        return () -> it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    }

    static List<Packet> transcode(VideoFixtures.Clip clip, List<Packet> packets, VideoTarget target,
                                  ExecutorService executor, int inFlight) throws IOException {
        List<Packet> out = new ArrayList<>();
        try (VideoTranscoder transcoder = new VideoTranscoder(clip.stream(), source(packets), target, executor,
                H264Encoder.perGop(), inFlight)) {
            for (Optional<Packet> p = transcoder.next(); p.isPresent(); p = transcoder.next()) {
                out.add(p.get());
            }
        }
        return out;
    }

    /** Frames ffprobe counts in a file's first video stream. */
    static int frames(Path file) throws IOException {
        return Ffmpeg.probe(file, "-count_frames", "-select_streams", "v:0").path("streams").get(0)
                .path("nb_read_frames").asInt();
    }

    /** ffmpeg's average PSNR of {@code encoded} against {@code source} scaled by swscale to the same size. */
    static double psnr(Path encoded, Path source, int width, int height) throws IOException {
        Ffmpeg.Result r = Ffmpeg.run(List.of("ffmpeg", "-nostdin", "-i", encoded.toString(), "-i",
                source.toString(), "-lavfi", "[0:v]setpts=PTS-STARTPTS[a];[1:v]setpts=PTS-STARTPTS,scale=" + width
                        + ":" + height + ":flags=bilinear[b];[a][b]psnr", "-f", "null", "-"));
        Matcher m = PSNR.matcher(r.stderr());
        if (!m.find()) {
            throw new AssertionError("no PSNR from ffmpeg: " + r.stderr());
        }
        return m.group(1).equals("inf") ? 99 : Double.parseDouble(m.group(1));
    }
}
