package org.diva.upnp.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.diva.upnp.content.ContentDirectory;
import org.diva.upnp.didl.DidlDocuments;
import org.junit.jupiter.api.Test;

/** The UPnP device calls the ContentDirectory from many threads at once; answers must not depend on that. */
class ConcurrentBrowseTest {
    private final ContentDirectory cds = new LibraryContentDirectory(Household.view(), DirectoryOptions.defaults());

    @Test
    void answersTheSameFromManyThreads() throws Exception {
        Map<String, String> expected = new HashMap<>();
        List<String> pending = new ArrayList<>(List.of("0"));
        while (!pending.isEmpty()) {
            String id = pending.remove(0);
            String didl = Requests.children(cds, id).didl();
            expected.put(id, didl);
            DidlDocuments.objects(DidlDocuments.parse(didl)).stream()
                    .filter(e -> e.getLocalName().equals("container"))
                    .forEach(e -> pending.add(e.getAttribute("id")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                long seed = t;
                runs.add(pool.submit(() -> {
                    List<String> ids = new ArrayList<>(expected.keySet());
                    Collections.shuffle(ids, new Random(seed));
                    for (String id : ids) {
                        assertEquals(expected.get(id), Requests.children(cds, id).didl(), id);
                    }
                    return ids.size();
                }));
            }
            for (Future<Integer> run : runs) {
                assertEquals(expected.size(), run.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS), "browse threads did not finish");
        }
    }
}
