package dev.kexwatch.probe;

import java.util.concurrent.ThreadFactory;

/**
 * Threads for background work, named (a thread dump says whose they are) and daemon (they never keep a command line
 * or a stopping service alive). The one factory of them for the probe engine, the command line and the service.
 */
public final class Daemons {

    private Daemons() {
    }

    public static ThreadFactory named(String name) {
        return work -> {
            Thread thread = new Thread(work, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A started daemon thread running {@code work}. */
    public static Thread start(String name, Runnable work) {
        Thread thread = named(name).newThread(work);
        thread.start();
        return thread;
    }
}
