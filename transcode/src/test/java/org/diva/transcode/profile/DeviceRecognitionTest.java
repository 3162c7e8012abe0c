package org.diva.transcode.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Recognition as a table of what real clients send: their User-Agent, X-AV-Client-Info and UPnP description
 * fields, to the built-in profile they should get. Empty cells are absent.
 */
class DeviceRecognitionTest {
    private final DeviceRecognition recognition = new DeviceRecognition(DeviceProfiles.builtIn());

    @ParameterizedTest(name = "{0} <- {1}{2}{3}{4}{5}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            samsung-tv   | SEC_HHP_[TV]UE40ES6100/1.0 DLNADOC/1.50 | | | |
            samsung-tv   | DLNADOC/1.50 SEC_HHP_[TV] Samsung Q6 Series (49)/1.0 UPnP/1.0 | | | |
            samsung-tv   | SamsungWiselinkPro/1.0 | | | |
            samsung-tv   | Mozilla/5.0 (SMART-TV; LINUX; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) 85.0.4183.93/6.0 TV Safari/537.36 | | | |
            samsung-tv   | | | [TV] Samsung Q60 Series (55) | Samsung Electronics | QE55Q60RA
            lg-tv        | Linux/2.6.31-1.0 UPnP/1.0 DLNADOC/1.50 INTEL_NMPR/2.0 LGE_DLNA_SDK/1.5.0 | | | |
            lg-tv        | Linux/3.10.19-32.afro.4 UPnP/1.0 LGE WebOS TV LGE_DLNA_SDK/1.6.0/04.30.13 DLNADOC/1.50 | | | |
            lg-tv        | | | [LG] webOS TV OLED55C9PLA | LG Electronics. | LG TV
            sony-bravia  | UPnP/1.0 DLNADOC/1.50 | av=5.0; cn="Sony Corporation"; mn="BRAVIA KDL-40EX720"; mv="1.7"; | | |
            sony-bravia  | | | KD-55XE9005 | Sony Corporation | KD-55XE9005
            playstation  | UPnP/1.0 DLNADOC/1.50 | av=5.0; cn="Sony Computer Entertainment Inc."; mn="PLAYSTATION 3"; mv="1.0"; | | |
            playstation  | libhttp/4.50 (PlayStation 4) | | | |
            playstation  | PS4Application libhttp/1.000 (PS4) libhttp/3.15 (PlayStation 4) | | | |
            panasonic-tv | Panasonic MIL DLNA CP UPnP/1.0 DLNADOC/1.50 | | | |
            panasonic-tv | | | VIERA GT50 | Panasonic | VIERA TX-P50GT50
            xbox         | Xbox/2.0.17559.0 UPnP/1.0 Xbox/2.0.17559.0 | | | |
            xbox         | Mozilla/5.0 (Windows NT 10.0; Win64; x64; Xbox; Xbox One) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041 | | | |
            xbox         | | | Xbox One | Microsoft Corporation | Xbox One
            generic-dlna | NSPlayer/12.00.19041.1 WMFSDK/12.00.19041.1 | | Windows Media Player | Microsoft Corporation | Windows Media Player
            vlc          | VLC/3.0.18 LibVLC/3.0.18 | | | |
            kodi         | Kodi/20.2 (X11; Linux x86_64) Ubuntu/22.04 App_Bitness/64 Version/20.2-(20.2.0)-Git:20230629-5f418d0b13 | | | |
            kodi         | Kodi/19.4 (Linux; Android 11.0; SHIELD Android TV Build/RQ1A.210105.003) Android/11.0.0 Sys_CPU/aarch64 App_Bitness/64 Version/19.4-(19.4.0)-Git:20220304-0cd0b9bd5e | | | |
            kodi         | | | Kodi (living-room) | XBMC Foundation | Kodi
            android      | BubbleUPnP UPnP/1.1 | | | |
            android      | Dalvik/2.1.0 (Linux; U; Android 13; Pixel 7 Build/TQ3A.230805.001) | | | |
            android      | stagefright/1.2 (Linux;Android 9) | | | |
            android      | | | BubbleUPnP (Pixel 7) | Bubblesoft | BubbleUPnP Media Renderer
            browser      | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 | | | |
            browser      | Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0 | | | |
            browser      | Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15 | | | |
            browser      | Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36 | | | |
            generic-dlna | curl/8.4.0 | | | |
            generic-dlna | | | | |
            generic-dlna | Linux/5.4 UPnP/1.0 Portable SDK for UPnP devices/1.14.12 | | | |
            """)
    void recognises(String expected, String userAgent, String avClientInfo, String friendlyName, String manufacturer,
                    String modelName) {
        ClientIdentity client = new ClientIdentity(Optional.ofNullable(userAgent), Optional.ofNullable(avClientInfo),
                Optional.ofNullable(friendlyName), Optional.ofNullable(manufacturer), Optional.ofNullable(modelName),
                Optional.empty());
        assertEquals(expected, recognition.recognise(client).id());
    }

    @org.junit.jupiter.api.Test
    void aHouseholdProfileCanOutrankABuiltInForItsOwnTv() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("profiles");
        try {
            java.nio.file.Files.writeString(dir.resolve("den.yaml"), """
                    id: den-samsung
                    name: Den Samsung
                    priority: 20
                    recognise: {userAgent: 'UE40ES6100'}
                    plays: {containers: [mpegts]}
                    """);
            DeviceRecognition custom = new DeviceRecognition(DeviceProfiles.load(dir));
            assertEquals("den-samsung", custom.recognise(ClientIdentity.headers(
                    Optional.of("SEC_HHP_[TV]UE40ES6100/1.0 DLNADOC/1.50"), Optional.empty())).id());
            assertEquals("samsung-tv", custom.recognise(ClientIdentity.headers(
                    Optional.of("SEC_HHP_[TV]UE46F6400/1.0 DLNADOC/1.50"), Optional.empty())).id());
        } finally {
            try (var files = java.nio.file.Files.list(dir)) {
                for (java.nio.file.Path f : files.toList()) {
                    java.nio.file.Files.delete(f);
                }
            }
            java.nio.file.Files.delete(dir);
        }
    }
}
