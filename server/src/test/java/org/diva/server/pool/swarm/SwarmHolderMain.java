package org.diva.server.pool.swarm;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.diva.server.pool.ServerId;

/**
 * A holder process for bench/swarm: one pool member's content side (H2, content ids, peer content endpoints on
 * HTTPS with mutual TLS, upload cap) serving one file, so the bench can kill -9 or stop it like a real server.
 *
 * <p>Arguments: {@code <dataDir> <file> <uploadBytesPerSecond> <membersFile>}. The members file lists the ServerIds
 * it trusts, one a line. Prints {@code READY <peerBase> <serverId> <contentId>} once serving, then serves until
 * its standard input closes or it is killed.
 */
public final class SwarmHolderMain {
    private SwarmHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: SwarmHolderMain <dataDir> <file> <uploadBytesPerSecond> <membersFile>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        TestHolder holder = TestHolder.start(dir.getFileName().toString(), dir, Long.parseLong(args[2]));
        List<ServerId> members = new ArrayList<>();
        members.add(holder.id());
        for (String line : Files.readAllLines(Path.of(args[3]))) {
            if (!line.isBlank()) {
                members.add(ServerId.parse(line.strip()));
            }
        }
        holder.trust().setMembers(members);
        String contentId = holder.ids().chunksOf(Path.of(args[1])).contentId().hex();
        System.out.println("READY " + holder.base() + " " + holder.id() + " " + contentId);
        System.out.flush();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            while (in.readLine() != null) {
                // nothing to read: standard input only tells when the bench is gone
            }
        }
        holder.close();
    }
}
