package org.rtmmlab.workload.drone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.ScenarioEvent;
import org.rtmmlab.api.workload.ScenarioProvider;
import org.rtmmlab.api.workload.Task;

class DroneScenarioProviderTest {

    @Test
    void patrolLoadsWithXrbenchStandInsRatesAndBursts() {
        Scenario s = new DroneScenarioProvider().load("drone/patrol");
        assertEquals("drone/patrol", s.id());
        assertEquals(20_000_000_000L, s.defaultDurationNs());
        assertEquals(List.of("obstacles", "depth", "segmentation", "tracking"), s.tasks().stream().map(Task::id).toList());
        assertEquals(138, s.model("OD_D2go_FasterRCNN").layers().size(), "the XRBench layer list");
        assertEquals(new Task("tracking", "GE_FBNet_C", 33_333_333, 33_333_333, 0, 0, 2, "obstacles", 0.3, true),
                s.tasks().get(3));
        long bursts = s.events().stream().filter(e -> e.kind() == ScenarioEvent.Kind.SET_PERIOD).count();
        assertEquals(5, bursts);
        assertEquals(new ScenarioEvent(5_000_000_000L, ScenarioEvent.Kind.SET_PERIOD, "obstacles", 16_666_667),
                s.events().get(0));
    }

    @Test
    void listedThroughServiceLoaderAndUnknownIdsNameTheKnownOne() {
        List<String> ids = new ArrayList<>();
        ServiceLoader.load(ScenarioProvider.class).forEach(p -> ids.add(p.id()));
        assertTrue(ids.contains("drone") && ids.contains("xrbench"), ids.toString());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new DroneScenarioProvider().load("drone/nope"));
        assertEquals("drone: unknown scenario id 'drone/nope'; known ids: drone/patrol", e.getMessage());
    }

    @Test
    void withoutTheXrbenchProviderTheRefFailsWithFileAndPath() {
        DroneScenarioProvider p = new DroneScenarioProvider();
        p.activate(null); // OSGi mode without a framework to look peers up in: no peer
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> p.load("drone/patrol"));
        assertEquals("patrol.json: $.models[0].ref: unknown model ref 'xrbench:OD_D2go_FasterRCNN': no installed"
                + " scenario has an id equal to or below 'xrbench'", e.getMessage());
    }

    /**
     * The drone and files providers need each other as peers; as greedy DS references that was a service cycle
     * (SCR: "ServiceFactory.getService() resulted in a cycle"). The generated component description must declare no
     * reference to scenario providers; this failed before the fix.
     */
    @Test
    void theComponentHasNoReferenceToOtherScenarioProviders() throws IOException {
        String xml;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(
                "OSGI-INF/org.rtmmlab.workload.drone.DroneScenarioProvider.xml")) {
            assertTrue(in != null, "bnd generates the component description into target/classes");
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(xml.contains("<implementation class=\"org.rtmmlab.workload.drone.DroneScenarioProvider\""), xml);
        assertTrue(!xml.contains("<reference"), "no DS reference (peers are looked up at first load): " + xml);
    }

    /** Activation touches no service; the first load looks the peers up through the framework and deactivation releases them. */
    @Test
    void peersAreLookedUpAtFirstLoadNotAtActivation() {
        List<String> calls = new ArrayList<>();
        ScenarioProvider xrbench = ServiceLoader.load(ScenarioProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("xrbench")).findFirst().orElseThrow();
        ServiceReference<?> ref = (ServiceReference<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, m, a) -> m.getName().equals("hashCode")
                        ? System.identityHashCode(proxy) : m.getName().equals("equals") ? proxy == a[0] : null);
        BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, m, a) -> {
                    calls.add(m.getName());
                    return switch (m.getName()) {
                        case "createFilter" -> FrameworkUtil.createFilter((String) a[0]);
                        case "getServiceReferences" -> new ServiceReference<?>[] {ref};
                        case "getService" -> xrbench;
                        case "ungetService" -> true;
                        default -> null; // addServiceListener, removeServiceListener
                    };
                });
        DroneScenarioProvider p = new DroneScenarioProvider();
        p.activate(context);
        assertEquals(List.of(), calls, "activation must not get services");
        assertEquals("drone/patrol", p.load("drone/patrol").id());
        assertTrue(calls.contains("getService"), calls.toString());
        p.load("drone/patrol");
        assertEquals(1, calls.stream().filter("getService"::equals).count(), "tracked once: " + calls);
        p.deactivate();
        assertTrue(calls.contains("ungetService"), calls.toString());
    }
}
