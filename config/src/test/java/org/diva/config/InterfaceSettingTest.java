package org.diva.config;

import static org.diva.config.LoaderFixture.assertContainsAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code interface} picks the network interfaces UPnP discovery uses; every name is checked against the machine's
 * interfaces (here a pretend machine with eth0, lo and wlan0) so that a typo is reported, not silently ignored.
 */
class InterfaceSettingTest {
    @TempDir
    Path tmp;
    private LoaderFixture f;

    @BeforeEach
    void setUp() {
        f = new LoaderFixture(tmp);
    }

    @Test
    void interfaceIsRepeatableOnTheCommandLine() throws SettingsException {
        assertEquals(List.of("eth0", "wlan0"),
                f.load("--interface", "eth0", "--interface=wlan0").network().interfaces());
    }

    @Test
    void interfaceInTheFileIsAListOrASingleValue() throws SettingsException {
        assertEquals(List.of("eth0", "wlan0"), fromFile("interface: [eth0, wlan0]\n"));
        assertEquals(List.of("eth0", "wlan0"), fromFile("interface:\n  - eth0\n  - wlan0\n"));
        assertEquals(List.of("wlan0"), fromFile("interface: wlan0\n"));
        assertEquals(List.of(), fromFile("interface: []\n"));
    }

    /** Interface names are separated by commas, not the path separator: Linux aliases such as eth0:1 hold colons. */
    @ParameterizedTest(name = "DIVA_INTERFACE=''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
            eth0,wlan0       | eth0;wlan0
            ' eth0 , wlan0 ' | eth0;wlan0
            eth0,,wlan0,     | eth0;wlan0
            wlan0            | wlan0
            eth0:1           | eth0:1
            """)
    void divaInterfaceIsACommaSeparatedList(String value, String expected) throws SettingsException {
        f.interfaces = List.of("eth0", "eth0:1", "lo", "wlan0");
        f.env.put("DIVA_INTERFACE", value);

        assertEquals(List.of(expected.split(";")), f.load().network().interfaces());
    }

    @Test
    void commandLineReplacesTheEnvironmentWhichReplacesTheFile() throws SettingsException {
        String config = f.file("settings.yaml", "interface: [lo]\n").toString();

        assertEquals(List.of("lo"), f.load("--config", config).network().interfaces());
        f.env.put("DIVA_INTERFACE", "wlan0");
        assertEquals(List.of("wlan0"), f.load("--config", config).network().interfaces());
        assertEquals(List.of("eth0"), f.load("--config", config, "--interface", "eth0").network().interfaces());
    }

    @Test
    void aNameGivenTwiceIsUsedOnce() throws SettingsException {
        assertEquals(List.of("eth0", "wlan0"), f.load("--interface", "eth0", "--interface", "wlan0",
                "--interface", " eth0 ").network().interfaces());
    }

    @Test
    void unknownInterfaceIsNamedWithTheMachinesInterfaces() {
        String message = f.error("--interface", "eth7");

        assertContainsAll(message, "setting 'interface'", "from --interface", "'eth7'", "does not have",
                "eth0, lo, wlan0", "leave the setting out");
    }

    @Test
    void everyNameIsCheckedNotJustTheFirst() {
        f.env.put("DIVA_INTERFACE", "eth0,wlp3s0");

        assertContainsAll(f.error(), "'wlp3s0'", "from DIVA_INTERFACE", "eth0, lo, wlan0");
    }

    @Test
    void unknownInterfaceInTheFileNamesTheFile() {
        Path config = f.file("settings.yaml", "interface: [eth0, en0]\n");

        assertContainsAll(f.error("--config", config.toString()), "'en0'", "from " + config, "eth0, lo, wlan0");
    }

    /** Names are exact: Linux interface names are case-sensitive. */
    @Test
    void interfaceNamesAreCaseSensitive() {
        assertContainsAll(f.error("--interface", "ETH0"), "'ETH0'", "does not have");
    }

    @Test
    void emptyNameSaysWhatToGive() {
        Path config = f.file("settings.yaml", "interface: ['  ']\n");

        assertContainsAll(f.error("--config", config.toString()), "setting 'interface'", "empty name", "eth0",
                "leave the setting out");
    }

    @Test
    void machineWithoutInterfacesSaysSo() {
        f.interfaces = List.of();

        assertContainsAll(f.error("--interface", "eth0"), "'eth0'", "(none)");
    }

    @Test
    void interfacesThatCannotBeListedAreReportedWithTheWayOut() {
        SettingsLoader loader = new SettingsLoader(f.env, "Linux", f.home.toString(), 2, () -> {
            throw new IOException("netlink refused");
        });

        String message = assertThrows(SettingsException.class, () -> loader.load(List.of("--interface", "eth0")))
                .getMessage();

        assertContainsAll(message, "setting 'interface'", "cannot be checked", "netlink refused",
                "Leave the setting out");
    }

    @Test
    void withoutTheSettingTheMachinesInterfacesAreNotEvenListed() throws SettingsException {
        Settings s = new SettingsLoader(f.env, "Linux", f.home.toString(), 2, () -> {
            throw new IOException("listing interfaces should not be needed");
        }).load(List.of());

        assertEquals(List.of(), s.network().interfaces());
    }

    @Test
    void theRealMachineListsAtLeastLoopback() throws IOException {
        List<String> names = InterfaceNames.ofThisMachine().list();

        assertEquals(names.stream().sorted().toList(), names, "sorted, so messages are stable");
        assertFalse(names.isEmpty(), "every machine has an interface");
    }

    private List<String> fromFile(String yaml) throws SettingsException {
        return f.load("--config", f.file("settings.yaml", yaml).toString()).network().interfaces();
    }
}
