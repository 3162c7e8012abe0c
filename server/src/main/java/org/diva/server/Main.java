package org.diva.server;

import java.nio.charset.Charset;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.diva.config.Settings;
import org.diva.config.SettingsException;
import org.diva.config.SettingsLoader;
import org.diva.server.pool.PoolTls;

/** Starts DiVA from the command line; stops it cleanly on SIGTERM or Ctrl-C. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // before any TLS context exists: a removed pool member must not come back on a resumed session
        PoolTls.disableStatelessTickets();
        System.exit(run(List.of(args)));
    }

    static int run(List<String> args) {
        if (args.contains("--help") || args.contains("-h")) {
            System.out.print(SettingsLoader.usage());
            return 0;
        }
        if (args.contains("--version")) {
            System.out.println("DiVA " + Version.current());
            return 0;
        }
        Settings settings;
        try {
            settings = SettingsLoader.forThisProcess().load(args);
        } catch (SettingsException e) {
            System.err.println("diva: " + e.getMessage());
            return 2;
        }
        warnIfFileNamesCannotBeRead();
        DivaServer server = new DivaServer(settings, Clock.systemUTC());
        try {
            server.start();
        } catch (Exception e) {
            System.err.println("diva: cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            int status = 0;
            try {
                server.close();
                System.out.println("DiVA stopped");
            } catch (Exception e) {
                System.err.println("diva: error while stopping: " + e);
                status = 1;
            } finally {
                stopped.countDown();
            }
            // A clean stop on SIGTERM is a success, not the JVM's 143: service managers read the status.
            System.out.flush();
            Runtime.getRuntime().halt(status);
        }, "shutdown"));
        System.out.println("DiVA \"" + settings.server().name() + "\" serving on " + server.url()
                + " (data in " + settings.server().dataDir() + ")");
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The JVM maps file names with the locale's charset: under a non-UTF-8 locale, non-ASCII names break. */
    private static void warnIfFileNamesCannotBeRead() {
        String encoding = System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name());
        if (!encoding.equalsIgnoreCase("UTF-8") && !System.getProperty("os.name", "").startsWith("Windows")) {
            System.err.println("diva: warning: file names are decoded as " + encoding + "; names with non-ASCII "
                    + "characters will be skipped. Run under a UTF-8 locale (e.g. LANG=C.UTF-8).");
        }
    }
}
