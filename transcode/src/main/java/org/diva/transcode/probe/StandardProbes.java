package org.diva.transcode.probe;

import java.util.EnumMap;
import java.util.Map;
import org.diva.transcode.probe.audio.AdtsProbe;
import org.diva.transcode.probe.audio.AudioFileProbe;
import org.diva.transcode.probe.avi.AviProbe;
import org.diva.transcode.probe.matroska.MatroskaProbe;
import org.diva.transcode.probe.mp4.Mp4Probe;
import org.diva.transcode.probe.mpeg.MpegPsProbe;
import org.diva.transcode.probe.mpeg.MpegTsProbe;
import org.diva.transcode.probe.photo.PhotoProbe;

/** DiVA's probes for every format it reads, wired into one {@link MediaProber}. */
public final class StandardProbes {
    private StandardProbes() {
    }

    public static MediaProber create() {
        Map<ContainerFormat, ContainerProbe> containers = new EnumMap<>(ContainerFormat.class);
        containers.put(ContainerFormat.MP4, new Mp4Probe());
        containers.put(ContainerFormat.MATROSKA, new MatroskaProbe());
        containers.put(ContainerFormat.MPEG_TS, new MpegTsProbe());
        containers.put(ContainerFormat.MPEG_PS, new MpegPsProbe());
        containers.put(ContainerFormat.AVI, new AviProbe());
        containers.put(ContainerFormat.AAC_ADTS, new AdtsProbe());

        AudioFileProbe audio = new AudioFileProbe();
        PhotoProbe photos = new PhotoProbe();
        Map<ContainerFormat, FileProbe> files = new EnumMap<>(ContainerFormat.class);
        for (ContainerFormat format : new ContainerFormat[] {ContainerFormat.MP3, ContainerFormat.FLAC,
                ContainerFormat.OGG, ContainerFormat.WAV, ContainerFormat.MP4}) {
            files.put(format, audio);
        }
        for (ContainerFormat format : new ContainerFormat[] {ContainerFormat.JPEG, ContainerFormat.PNG,
                ContainerFormat.HEIF}) {
            files.put(format, photos);
        }
        return new MediaProber(containers, files);
    }
}
