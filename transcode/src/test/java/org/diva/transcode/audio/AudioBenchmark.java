package org.diva.transcode.audio;

import java.io.IOException;
import java.util.List;

import org.diva.transcode.audio.mp2.Mp2Encoder;
import org.diva.transcode.audio.mp2.Mp2Settings;
import org.diva.transcode.stream.Packet;

/**
 * How many times real time the MP2 encoder and the AAC to MP2 converter run on one thread, against the anchor of
 * JCodec's AAC decoding alone, measured in the same run. Time is the thread's CPU time, so a busy machine does not
 * distort the figure "on one core". A command, not a test:
 * <pre>
 * mvn -o -q test-compile -pl transcode -am
 * java -cp transcode/target/test-classes:transcode/target/classes:$(cat cp.txt) org.diva.transcode.audio.AudioBenchmark
 * </pre>
 * (cp.txt from {@code mvn -o -q dependency:build-classpath -pl transcode -Dmdep.outputFile=cp.txt}).
 */
public final class AudioBenchmark {
    private AudioBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int seconds = 30;
        float[] music = AudioSignals.music(48000, 48000 * seconds, 1);
        float[][] pcm = {music, AudioSignals.sweep(48000, music.length, 40, 16000, 0.5)};
        AudioFixtures.Track track = AudioFixtures.adts(AudioFixtures.DIR.resolve("convert/lr-44k.aac"), 0);
        double trackSeconds = track.packets().size() * 1024 / 44100.0;
        for (int round = 0; round < 5; round++) { // the first rounds warm the JIT up
            double encode = encode(pcm, seconds);
            double decode = repeat(track.packets(), trackSeconds, false, track);
            double convert = repeat(track.packets(), trackSeconds, true, track);
            System.out.printf("round %d: MP2 encode 48 kHz stereo 192 kb/s %.0fx real time; AAC 44.1 kHz stereo"
                    + " decode (anchor) %.0fx; AAC -> MP2 convert %.0fx (%.2f of the anchor)%n", round, encode,
                    decode, convert, convert / decode);
        }
    }

    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static double encode(float[][] pcm, int seconds) {
        Mp2Encoder encoder = new Mp2Encoder(new Mp2Settings(48000, 2, 192, true));
        long start = cpuNanos();
        for (int offset = 0; offset + Mp2Encoder.SAMPLES_PER_FRAME <= pcm[0].length;
                offset += Mp2Encoder.SAMPLES_PER_FRAME) {
            encoder.encodeFrame(pcm, offset);
        }
        return seconds / ((cpuNanos() - start) / 1e9);
    }

    private static double repeat(List<Packet> packets, double trackSeconds, boolean convert,
                                 AudioFixtures.Track track) throws IOException {
        int loops = 10;
        long start = cpuNanos();
        for (int i = 0; i < loops; i++) {
            if (convert) {
                AudioConverter converter = AudioConverter.forTransportStream(track.stream(), 0);
                for (Packet p : packets) {
                    converter.push(p);
                }
                converter.finish();
            } else {
                AudioDecoder decoder = AudioDecoders.forStream(track.stream());
                for (Packet p : packets) {
                    decoder.decode(p);
                }
            }
        }
        return loops * trackSeconds / ((cpuNanos() - start) / 1e9);
    }
}
