package org.rtmmlab.testkit;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.rtmmlab.api.RtmmPlugin;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunResult;

/**
 * Drives the real engine ({@code org.rtmmlab.engine.Evaluator} over a {@code PluginCatalog}) through its public API
 * by reflection.
 *
 * <p>Why reflection: rtmm-testkit cannot declare a Maven dependency on rtmm-engine today, because the engine's tests
 * depend on rtmm-accelerator-table, whose tests depend on rtmm-testkit (and the engine's tests also depend on
 * rtmm-scheduler-classic): the reactor would contain a cycle. The engine therefore comes from the test classpath of
 * the bundle that runs the contract (see the testkit README). The calls used are exactly those a direct dependency
 * would make: {@code ServiceLoaderCatalog.load}, {@code PluginKind.of}, {@code new PluginDescriptor},
 * {@code DefaultPluginCatalog.add}, {@code new Evaluator(catalog).run(config, null, warnings)}.
 */
final class EngineBridge {

    private static final String PACKAGE = "org.rtmmlab.engine.";
    private static final String MISSING = "SchedulerPolicyContract runs the real engine: add org.rtmmlab:rtmm-engine,"
            + " rtmm-workload-xrbench and rtmm-accelerator-table as test dependencies (see the rtmm-testkit README)";

    private final Object evaluator;
    private final Method run;
    private final Object catalog;
    private final Method add;
    private final Method kindOf;
    private final Constructor<?> descriptor;

    /**
     * A catalog with every plugin {@link java.util.ServiceLoader} finds through {@code loader}, plus an evaluator.
     *
     * @param errors receives one line per plugin that failed to load
     */
    EngineBridge(ClassLoader loader, Consumer<String> errors) {
        try {
            Class<?> catalogType = Class.forName(PACKAGE + "catalog.PluginCatalog", true, loader);
            Class<?> kindType = Class.forName(PACKAGE + "catalog.PluginKind", true, loader);
            Class<?> descriptorType = Class.forName(PACKAGE + "catalog.PluginDescriptor", true, loader);
            Class<?> loaderType = Class.forName(PACKAGE + "catalog.ServiceLoaderCatalog", true, loader);
            Class<?> evaluatorType = Class.forName(PACKAGE + "Evaluator", true, loader);
            catalog = loaderType.getMethod("load", ClassLoader.class, Consumer.class).invoke(null, loader, errors);
            add = catalog.getClass().getMethod("add", descriptorType); // the DefaultPluginCatalog load returns
            kindOf = kindType.getMethod("of", RtmmPlugin.class);
            descriptor = descriptorType.getConstructor(kindType, String.class, String.class, String.class,
                    String.class, RtmmPlugin.class);
            evaluator = evaluatorType.getConstructor(catalogType).newInstance(catalog);
            run = evaluatorType.getMethod("run", RunConfig.class, Path.class, Consumer.class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new IllegalStateException(MISSING + " (" + e + ")", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot set up the engine: " + e, e);
        }
    }

    /** Adds a plugin to the catalog; it wins look-ups of its kind and id over plugins added before. */
    void add(RtmmPlugin plugin) {
        try {
            Object kind = kindOf.invoke(null, plugin);
            add.invoke(catalog, descriptor.newInstance(kind, plugin.id(), plugin.description(), "rtmm-testkit", "0",
                    plugin));
        } catch (InvocationTargetException e) {
            throw unwrap(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot add plugin " + plugin.id() + ": " + e, e);
        }
    }

    /**
     * Runs one evaluation without output files.
     *
     * @throws RuntimeException what the engine throws: {@code InvalidInputException}, {@code SchedulingException}
     */
    RunResult run(RunConfig config, Consumer<String> warnings) {
        try {
            return (RunResult) run.invoke(evaluator, config, null, warnings);
        } catch (InvocationTargetException e) {
            throw unwrap(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot run the engine: " + e, e);
        }
    }

    /** @return true if {@code e} is the engine's {@code SchedulingException} (the policy broke the run) */
    static boolean isSchedulingException(Throwable e) {
        return e.getClass().getName().equals(PACKAGE + "SchedulingException");
    }

    private static RuntimeException unwrap(InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(cause);
    }
}
