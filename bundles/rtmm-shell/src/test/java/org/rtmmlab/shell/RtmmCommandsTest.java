package org.rtmmlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.engine.catalog.DefaultPluginCatalog;
import org.rtmmlab.engine.catalog.PluginDescriptor;
import org.rtmmlab.engine.catalog.PluginKind;
import org.rtmmlab.engine.catalog.ServiceLoaderCatalog;

/** rtmm:list (plugins and failed bundles), the shadowing warning and the catalog listener, outside the container. */
class RtmmCommandsTest {

    private DefaultPluginCatalog catalog;
    private final AtomicBoolean booted = new AtomicBoolean(true);
    private final List<BundleProblem> problems = new ArrayList<>();
    private RtmmCommands commands;

    @BeforeEach
    void setUp() {
        catalog = ServiceLoaderCatalog.load(getClass().getClassLoader(), p -> { });
        commands = new RtmmCommands(catalog, () -> problems, booted::get);
    }

    @Test
    void listShowsPluginsAndFailedBundlesOnOneLineEach() {
        List<String> plain = Console.lines(() -> commands.list(false));
        assertTrue(plain.stream().anyMatch(l -> l.startsWith("  edf ")), plain.toString());
        assertTrue(plain.stream().noneMatch(l -> l.startsWith("failed bundles")), "none failed: no section");
        problems.add(new BundleProblem(42, "my-plugin", "1.0.0", "file:deploy/my.jar", List.of(),
                "does not resolve: missing package org.nowhere [1.0.0,2.0.0)"));
        List<String> out = Console.lines(() -> commands.list(false));
        assertEquals(List.of("failed bundles (1):", "  failed  my-plugin 1.0.0 [42]: does not resolve: missing package"
                + " org.nowhere [1.0.0,2.0.0)"), out.subList(out.size() - 2, out.size()));
    }

    @Test
    void shadowingIsAnnouncedAndWarnedAbout() {
        PluginDescriptor bundled = catalog.find(PluginKind.SCHEDULER, "edf").orElseThrow();
        booted.set(false); // as at boot: only shadowing additions are printed
        List<String> events = Console.lines(() -> {
            catalog.add(new PluginDescriptor(PluginKind.SCHEDULER, "quiet", "", "b", "1", policy("quiet")));
            catalog.add(new PluginDescriptor(PluginKind.SCHEDULER, "edf", "", "my-edf", "2.0", bundled.plugin()));
        });
        String shadows = ", shadowing the one of " + bundled.bundle() + " " + bundled.version();
        assertEquals(List.of("[rtmm] added scheduler edf (my-edf 2.0)" + shadows), events);
        assertEquals("warning: scheduler 'edf' is the one of my-edf 2.0" + shadows + " (rtmm:list marks the shadowed"
                + " one)", RtmmCommands.shadowWarning(catalog, "edf"));
        assertEquals(null, RtmmCommands.shadowWarning(catalog, "fcfs"));
    }

    @Test
    void afterStartUpEveryChangeIsPrintedUntilDeactivated() {
        SchedulerPolicy p = policy("hot");
        assertEquals(List.of("[rtmm] added scheduler hot (hot-bundle 1.0.0)", "[rtmm] removed scheduler hot"
                + " (hot-bundle 1.0.0)"), Console.lines(() -> {
                    catalog.add(new PluginDescriptor(PluginKind.SCHEDULER, "hot", "", "hot-bundle", "1.0.0", p));
                    catalog.remove(p);
                }));
        booted.set(false);
        assertEquals(List.of(), Console.lines(() -> catalog.add(new PluginDescriptor(PluginKind.SCHEDULER, "hot", "",
                "hot-bundle", "1.0.0", p))));
        booted.set(true);
        commands.deactivate();
        assertEquals(List.of(), Console.lines(() -> catalog.remove(p)));
    }

    @Test
    void eachReactivationRemovesTheListenerOfTheDeactivatedInstance() {
        int withOne = catalog.listenerCount();
        for (int i = 0; i < 3; i++) { // DS deactivates and recreates the component, e.g. when the catalog rebinds
            commands.deactivate();
            assertEquals(withOne - 1, catalog.listenerCount(), "the deactivated instance's listener is removed");
            commands = new RtmmCommands(catalog, () -> problems, booted::get);
        }
        assertEquals(withOne, catalog.listenerCount(), "one listener however often the shell was reactivated");
    }

    @Test
    void aPluginThatDoesNotWinIsAnnouncedAsShadowedEvenAtBoot() {
        PluginDescriptor bundled = catalog.find(PluginKind.SCHEDULER, "edf").orElseThrow();
        booted.set(false);
        PluginDescriptor ranked = new PluginDescriptor(PluginKind.SCHEDULER, "edf", "", "ranked-edf", "0.1", policy("edf"),
                10);
        PluginDescriptor older = new PluginDescriptor(PluginKind.SCHEDULER, "edf", "", "old-edf", "0.0.1", policy("edf"));
        List<String> events = Console.lines(() -> {
            catalog.add(ranked);
            catalog.add(older);
        });
        assertEquals(List.of("[rtmm] added scheduler edf (ranked-edf 0.1 ranking 10), shadowing the one of "
                + bundled.origin(), "[rtmm] added scheduler edf (old-edf 0.0.1), shadowed by the one of ranked-edf 0.1"
                + " ranking 10"), events);
        String warning = RtmmCommands.shadowWarning(catalog, "edf");
        assertTrue(warning.startsWith("warning: scheduler 'edf' is the one of ranked-edf 0.1 ranking 10, shadowing")
                && warning.contains(bundled.origin()) && warning.contains("old-edf 0.0.1"), warning);
    }

    private static SchedulerPolicy policy(String id) {
        return new SchedulerPolicy() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String description() {
                return "test";
            }

            @Override
            public org.rtmmlab.api.scheduler.Scheduler create(SchedulerContext context) {
                return (view, decisions) -> { };
            }
        };
    }
}
