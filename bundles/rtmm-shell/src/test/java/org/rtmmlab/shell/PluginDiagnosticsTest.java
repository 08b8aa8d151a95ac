package org.rtmmlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-line reasons, from the texts Felix and SCR produce (the live cases run in itests/ContainerIT). */
class PluginDiagnosticsTest {

    @Test
    void aMissingPackageIsNamedWithItsVersionRange() {
        String felix = "Unable to resolve rtmm-itest-missing-import [27](R 27.0): missing requirement"
                + " [rtmm-itest-missing-import [27](R 27.0)] osgi.wiring.package;"
                + " (&(osgi.wiring.package=org.nowhere.api)(version>=1.2.0)(!(version>=2.0.0)))"
                + " Unresolved requirements: [[rtmm-itest-missing-import [27](R 27.0)] osgi.wiring.package;"
                + " (&(osgi.wiring.package=org.nowhere.api)(version>=1.2.0)(!(version>=2.0.0)))]";
        assertEquals("does not resolve: missing package org.nowhere.api [1.2.0,2.0.0)",
                PluginDiagnostics.resolveReason(felix));
        assertEquals("does not resolve: missing package org.x",
                PluginDiagnostics.resolveReason("Unable to resolve a [3](R 3.0): missing requirement [a [3](R 3.0)]"
                        + " osgi.wiring.package; (osgi.wiring.package=org.x)"));
    }

    @Test
    void aWrongVersionNamesTheVersionsTheLabExports() {
        String felix = "Unable to resolve future [31](R 31.0): missing requirement [future [31](R 31.0)]"
                + " osgi.wiring.package; (&(osgi.wiring.package=org.rtmmlab.api.scheduler)(version>=99.0.0)"
                + "(!(version>=100.0.0))) Unresolved requirements: [...]";
        assertEquals("does not resolve: missing package org.rtmmlab.api.scheduler [99.0.0,100.0.0), but the lab"
                + " exports org.rtmmlab.api.scheduler 1.2.0, 1.3.0", PluginDiagnostics.resolveReason(felix,
                        pkg -> pkg.equals("org.rtmmlab.api.scheduler")
                                ? List.of(new org.osgi.framework.Version(1, 2, 0), new org.osgi.framework.Version(1, 3, 0))
                                : List.of()));
    }

    @Test
    void theInnermostMissingRequirementIsTheCause() {
        String chained = "Unable to resolve p [5](R 5.0): missing requirement [p [5](R 5.0)] osgi.wiring.package;"
                + " (&(osgi.wiring.package=lib.api)(version>=1.0.0)) [caused by: Unable to resolve lib [4](R 4.0):"
                + " missing requirement [lib [4](R 4.0)] osgi.extender; (&(osgi.extender=osgi.serviceloader.registrar)"
                + "(version>=1.0.0)(!(version>=2.0.0)))] Unresolved requirements: [...]";
        assertEquals("does not resolve: missing osgi.extender (&(osgi.extender=osgi.serviceloader.registrar)"
                + "(version>=1.0.0)(!(version>=2.0.0)))", PluginDiagnostics.resolveReason(chained));
        assertEquals("does not resolve: something else\u0020/ on two lines",
                PluginDiagnostics.resolveReason("something else\non two lines"));
    }

    @Test
    void aFailedActivationGivesItsInnermostCause() {
        String trace = "org.osgi.service.component.ComponentException: activate failed\n"
                + "\tat org.apache.felix.scr.impl.X.y(X.java:1)\n"
                + "Caused by: java.lang.IllegalStateException: faulty plugin: activation fails on purpose\n"
                + "\tat org.rtmmlab.itest.faulty.FaultyPolicy.activate(FaultyPolicy.java:17)\n";
        assertEquals("java.lang.IllegalStateException: faulty plugin: activation fails on purpose",
                PluginDiagnostics.failureLine(trace));
        assertEquals("java.lang.RuntimeException: x", PluginDiagnostics.failureLine("java.lang.RuntimeException: x\n\tat a.b"));
        assertEquals("(no reason recorded)", PluginDiagnostics.failureLine(null));
        assertEquals("java.lang.IllegalArgumentException: root", PluginDiagnostics.exceptionReason(
                new RuntimeException("outer", new IllegalArgumentException("root"))));
    }

    @Test
    void aFailedBundleMayProvideAnIdItsNameOrComponentsMention() {
        BundleProblem p = new BundleProblem(1, "rtmm-itest-faulty-plugin", "1", "file:/d/faulty.jar",
                List.of("org.rtmmlab.itest.faulty.FaultyPolicy"), "x");
        assertTrue(p.mayProvide("faulty"));
        assertTrue(p.mayProvide("FAULTY"));
        assertFalse(p.mayProvide("edf"));
        assertFalse(p.mayProvide(" "));
        assertEquals("failed  rtmm-itest-faulty-plugin 1 [1]: x", p.line());
    }
}
