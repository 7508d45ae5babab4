package org.vigil.notification.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The dispatcher's senders: a fixed number of threads, so one instance never has more than
 * {@code max-concurrent-sends} webhook requests or SMTP sessions open, whatever a tick claimed.
 */
final class SendPool implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SendPool.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ExecutorService threads;

    SendPool(int size) {
        this.threads = Executors.newFixedThreadPool(Math.max(1, size), r -> {
            Thread t = new Thread(r, "vigil-send-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs {@code send} for every item and returns when all are done. While it waits it calls {@code stillWaiting}
     * every {@code every} with the items not yet finished (the dispatcher renews their leases). A send that throws
     * is logged; the others go on.
     */
    <T> void runAll(List<T> items, Consumer<T> send, Duration every, Consumer<List<T>> stillWaiting) {
        Map<T, Future<?>> running = new LinkedHashMap<>();
        for (T item : items) {
            running.put(item, threads.submit(() -> send.accept(item)));
        }
        long everyMillis = Math.max(100, every.toMillis());
        for (var e : running.entrySet()) {
            while (true) {
                try {
                    e.getValue().get(everyMillis, TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException timeout) {
                    List<T> open = new ArrayList<>();
                    running.forEach((item, f) -> {
                        if (!f.isDone()) {
                            open.add(item);
                        }
                    });
                    try {
                        stillWaiting.accept(open);
                    } catch (RuntimeException renewFailed) {
                        LOG.warnf("Leases of %d waiting deliveries not renewed: %s", open.size(), renewFailed.getMessage());
                    }
                } catch (ExecutionException failed) {
                    LOG.error("A delivery attempt failed unexpectedly; it is retried after its lease", failed.getCause());
                    break;
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
