package org.rtmmlab.json;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.ScenarioProvider;

/**
 * Resolves the model references of scenario files ({@code "ref": "xrbench:ES_RITNet"}) against the models that
 * installed {@link ScenarioProvider}s ship in their scenarios, so that a scenario file can reuse a published layer
 * list without this bundle depending on any plugin.
 *
 * <p><b>Rule.</b> A reference is {@code <namespace>:<model id>}. The namespace selects scenarios by id: a scenario
 * matches when its id equals the namespace or starts with the namespace followed by {@code /} (so {@code xrbench}
 * selects every {@code xrbench/...} scenario, {@code xrbench/width} the {@code xrbench/width/...} ones and
 * {@code xrbench/VR_gaming} exactly one). Providers are visited in the order given, each provider's scenarios in its
 * listing order; the first matching scenario that has a model with that id supplies it. A matching scenario that
 * fails to load (a malformed user file) is skipped. A reference that is being resolved while it is resolved again
 * on the same thread (a file referring to itself) is an error, not an endless recursion.
 */
public final class ModelRefs {

    private static final ThreadLocal<Deque<String>> IN_PROGRESS = ThreadLocal.withInitial(ArrayDeque::new);

    private ModelRefs() {
    }

    /**
     * @param providers supplies the providers to search, in search order (called at each resolution, so plugins
     *                  that come and go are seen)
     * @return a resolver for {@link ScenarioFiles}; it throws an {@link InvalidInputException} whose reason says why
     *         a reference cannot be resolved
     */
    public static Function<String, Model> over(Supplier<? extends Iterable<? extends ScenarioProvider>> providers) {
        return ref -> resolve(ref, providers.get());
    }

    /**
     * Resolves one reference.
     *
     * @param ref       {@code <namespace>:<model id>}
     * @param providers providers to search, in order
     * @return the model, with the variants its scenario gives it
     * @throws InvalidInputException (no source, no path) with the reason, if the reference is malformed, circular
     *                               or matches no model
     */
    public static Model resolve(String ref, Iterable<? extends ScenarioProvider> providers) {
        int colon = ref == null ? -1 : ref.lastIndexOf(':');
        if (colon <= 0 || colon == ref.length() - 1) {
            throw new InvalidInputException("", "", "model ref '" + ref + "' must read <provider or scenario>:<model>,"
                    + " e.g. xrbench:ES_RITNet");
        }
        String namespace = ref.substring(0, colon);
        String modelId = ref.substring(colon + 1);
        Deque<String> stack = IN_PROGRESS.get();
        if (stack.contains(ref)) {
            throw new InvalidInputException("", "", "circular model ref '" + ref + "'");
        }
        stack.push(ref);
        try {
            return find(namespace, modelId, ref, providers);
        } finally {
            stack.pop();
            if (stack.isEmpty()) {
                IN_PROGRESS.remove();
            }
        }
    }

    private static Model find(String namespace, String modelId, String ref,
                              Iterable<? extends ScenarioProvider> providers) {
        List<String> searched = new ArrayList<>();
        for (ScenarioProvider p : providers) {
            for (ScenarioProvider.Info info : p.scenarios()) {
                if (!matches(info.id(), namespace)) {
                    continue;
                }
                searched.add(info.id());
                Scenario s;
                try {
                    s = p.load(info.id());
                } catch (InvalidInputException e) {
                    if (e.reason().startsWith("circular model ref")) {
                        throw e;
                    }
                    continue; // a malformed scenario cannot supply models
                }
                for (Model m : s.models()) {
                    if (m.id().equals(modelId)) {
                        return m;
                    }
                }
            }
        }
        if (searched.isEmpty()) {
            throw new InvalidInputException("", "", "unknown model ref '" + ref + "': no installed scenario has an id"
                    + " equal to or below '" + namespace + "'");
        }
        throw new InvalidInputException("", "", "unknown model ref '" + ref + "': no model '" + modelId + "' in the "
                + searched.size() + " scenario(s) under '" + namespace + "'");
    }

    private static boolean matches(String scenarioId, String namespace) {
        return scenarioId.equals(namespace) || scenarioId.startsWith(namespace + "/");
    }
}
