package org.rtmmlab.shell;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ctrl-C on the plain Felix console. The Gogo shell of the Felix distribution has no signal handling of its own, so
 * SIGINT used to end the JVM and with it every evaluation. When enabled (framework property
 * {@code rtmm.shell.sigint=interrupt}, set in the distribution's {@code etc/config.properties}; Karaf and other
 * consoles that handle Ctrl-C themselves leave it unset), this replaces the JVM's SIGINT handler: Ctrl-C interrupts
 * the shell commands that are waiting (an {@code rtmm:run} watching its evaluation detaches), and with none waiting
 * prints how to quit. {@code stop 0} or SIGTERM still stop the container.
 *
 * <p>Uses {@code sun.misc.Signal} (module jdk.unsupported, exported to everyone) through the system class loader
 * and reflection, so the bundle imports nothing from {@code sun.*}; if it is missing the handler is simply not
 * installed.
 */
final class ConsoleInterrupt implements AutoCloseable {

    private final Set<Thread> waiting = ConcurrentHashMap.newKeySet();
    private final PrintStream console;
    private Object signal;
    private Object previous;
    private Method handle;

    private ConsoleInterrupt(PrintStream console) {
        this.console = console;
    }

    /** @return a handler that does nothing on its own (no signal installed): commands still register and unregister */
    static ConsoleInterrupt none() {
        return new ConsoleInterrupt(System.out);
    }

    /**
     * @param console where to print the hint when nothing waits
     * @return the installed handler, or {@link #none()} with a message on {@code console} if the JVM refused it
     */
    static ConsoleInterrupt install(PrintStream console) {
        ConsoleInterrupt c = new ConsoleInterrupt(console);
        try {
            ClassLoader sys = ClassLoader.getSystemClassLoader();
            Class<?> signalClass = sys.loadClass("sun.misc.Signal");
            Class<?> handlerClass = sys.loadClass("sun.misc.SignalHandler");
            c.signal = signalClass.getConstructor(String.class).newInstance("INT");
            Object handler = Proxy.newProxyInstance(sys, new Class<?>[] {handlerClass}, (proxy, m, a) -> switch (m.getName()) {
                case "handle" -> {
                    c.interrupted();
                    yield null;
                }
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == a[0];
                default -> "rtmm console interrupt";
            });
            c.handle = signalClass.getMethod("handle", signalClass, handlerClass);
            c.previous = c.handle.invoke(null, c.signal, handler);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            console.println("[rtmm] Ctrl-C handling not installed (" + e + "): Ctrl-C ends the container");
            return none();
        }
        return c;
    }

    /**
     * Marks the calling thread as waiting until the returned handle is closed: Ctrl-C interrupts it then.
     *
     * @return closes the registration
     */
    AutoCloseable waiting() {
        Thread t = Thread.currentThread();
        waiting.add(t);
        return () -> waiting.remove(t);
    }

    /** What SIGINT does: interrupt the waiting commands, or say how to quit. */
    void interrupted() {
        if (waiting.isEmpty()) {
            console.println();
            console.println("[rtmm] Ctrl-C: no command to interrupt; type 'stop 0' to quit the container");
            return;
        }
        for (Thread t : waiting) {
            t.interrupt();
        }
    }

    /** Puts the JVM's previous SIGINT handler back. */
    @Override
    public void close() {
        if (handle != null && previous != null) {
            try {
                handle.invoke(null, signal, previous);
            } catch (ReflectiveOperationException | RuntimeException e) {
                console.println("[rtmm] could not restore the SIGINT handler: " + e);
            }
        }
    }
}
