package org.rtmmlab.workload.xrbench;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.json.ScenarioFiles;

/**
 * The dynamic XRBench session ({@code session_dynamic.json}, a scenario file whose models are refs
 * {@code xrbench:<model>} to the XRBench models) and the width-variant and FLOPs-step twins of scenarios.
 */
final class XrbenchSessions {

    /** Scenario file of the dynamic session, next to this class. */
    static final String RESOURCE = "session_dynamic.json";
    /** Id of the dynamic session. */
    static final String SESSION = "xrbench/session_dynamic";
    /** Id prefix of the width-variant twins. */
    static final String WIDTH_PREFIX = "xrbench/width/";
    /** Id prefix of the FLOPs-step twins. */
    static final String STEPS_PREFIX = "xrbench/steps/";

    private static final String REF_PREFIX = "xrbench:";

    private XrbenchSessions() {
    }

    /** @return a UTF-8 reader of a resource next to this class */
    static Reader open(String name) {
        InputStream in = XrbenchSessions.class.getResourceAsStream(name);
        if (in == null) {
            throw new InvalidInputException(name, "", "resource not found next to " + XrbenchSessions.class.getName());
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** @return the session scenario, its refs resolved against {@code models} (only {@code xrbench:} refs) */
    static Scenario session(Reader json, Map<String, Model> models) {
        try (Reader r = json) {
            return ScenarioFiles.parse(RESOURCE, r, ref -> {
                Model m = ref.startsWith(REF_PREFIX) ? models.get(ref.substring(REF_PREFIX.length())) : null;
                if (m == null) {
                    throw new InvalidInputException("", "", "unknown model ref '" + ref + "'; this file may only"
                            + " refer to xrbench:<model> with a model of models.json");
                }
                return m;
            });
        } catch (java.io.IOException e) {
            throw new InvalidInputException(RESOURCE, "", "cannot read: " + e.getMessage());
        }
    }

    /**
     * @return {@code s} as {@code xrbench/steps/<name>}: same tasks and events, every model with FLOPs-step variants
     *         (shared slices and private heads, see {@link XrbenchSteps})
     */
    static Scenario stepsTwin(Scenario s, XrbenchSteps steps, XrbenchVariants variants) {
        List<Model> models = new ArrayList<>();
        for (Model m : s.models()) {
            models.add(steps.step(m, variants.roles(m.id())));
        }
        return new Scenario(stepsId(s), stepsDescription(s, steps), models, s.tasks(), s.events(),
                s.defaultDurationNs());
    }

    /** @return the id of {@code s}'s FLOPs-step twin, {@code xrbench/steps/<name>} */
    static String stepsId(Scenario s) {
        return STEPS_PREFIX + s.id().substring(XrbenchScenarios.PREFIX.length());
    }

    /** @return the description of {@code s}'s FLOPs-step twin */
    static String stepsDescription(Scenario s, XrbenchSteps steps) {
        return s.description() + " -- with " + steps.levels() + " FLOPs-step levels"
                + " (MACs (K-k)/K of the full model, private heads; needs a cost model that prices any layer shape,"
                + " e.g. analytic)";
    }

    /** @return {@code s} as {@code xrbench/width/<name>}: same tasks and events, every model with width variants */
    static Scenario widthTwin(Scenario s, XrbenchVariants variants) {
        List<Model> models = new ArrayList<>();
        for (Model m : s.models()) {
            models.add(variants.widen(m));
        }
        return new Scenario(widthId(s), widthDescription(s), models, s.tasks(), s.events(), s.defaultDurationNs());
    }

    /** @return the id of {@code s}'s width-variant twin, {@code xrbench/width/<name>} */
    static String widthId(Scenario s) {
        return WIDTH_PREFIX + s.id().substring(XrbenchScenarios.PREFIX.length());
    }

    /** @return the description of {@code s}'s width-variant twin */
    static String widthDescription(Scenario s) {
        return s.description() + " -- with width variants 0.75/0.5/0.25 (MobileNet v1"
                + " accuracy ratios; needs a cost model that prices any layer shape, e.g. analytic)";
    }
}
