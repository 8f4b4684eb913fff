package dev.kexwatch.cli;

import dev.kexwatch.probe.Daemons;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Start-up work run beside the main thread on a daemon thread of its own: a command line lives for about a second,
 * and reading its catalog, policy and targets one after another was a tenth of it. A thread, not the common pool:
 * with fewer than 3 cores {@link CompletableFuture} would start a thread per task anyway.
 */
final class Background {

    private Background() {
    }

    static <T> CompletableFuture<T> start(String name, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Daemons.start(name, () -> {
            try {
                result.complete(work.get());
            } catch (Throwable e) { // handed to whoever joins, as if thrown there
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** The result, or what the work threw, unwrapped. */
    static <T> T join(CompletableFuture<T> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
