package org.rtmmlab.shell.config;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.ComponentConstants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.metatype.MetaTypeProvider;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.rtmmlab.api.scheduler.ConfiguredPolicy;
import org.rtmmlab.api.scheduler.PropertySpec;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.shell.CommandFailedException;

/**
 * The ConfigAdmin forms of the scheduler policies, generated at run time from their {@link PropertySpec}s: every
 * deployed {@link ConfiguredPolicy} (one whose DS component reads a configuration) contributes the PIDs its
 * component description names ({@link ServiceComponentRuntime}), and this component registers a
 * {@link MetaTypeProvider} service whose {@code metatype.pid} lists them, updated as policies come and go, so the
 * MetaType service (Felix Metatype) and its consumers, such as the Felix WebConsole's configuration page, show a
 * form per PID. {@code rtmm:config [SCHEDULER]} prints the same forms.
 */
@Component(service = PolicyMetaTypes.class, immediate = true, property = {
    "osgi.command.scope=rtmm",
    "osgi.command.function=config"
})
public class PolicyMetaTypes {

    private final ServiceComponentRuntime scr;
    private final Map<ServiceReference<?>, SchedulerPolicy> policies = new LinkedHashMap<>();
    private final Map<ServiceReference<?>, List<String>> pids = new LinkedHashMap<>();
    private final Object registrationLock = new Object();
    private ServiceRegistration<MetaTypeProvider> registration;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removePolicy")
    void addPolicy(SchedulerPolicy policy, ServiceReference<SchedulerPolicy> ref) {
        List<String> read = policy instanceof ConfiguredPolicy ? configurationPids(ref) : List.of();
        synchronized (policies) {
            policies.put(ref, policy);
            pids.put(ref, read);
        }
        publish();
    }

    void removePolicy(ServiceReference<SchedulerPolicy> ref) {
        synchronized (policies) {
            policies.remove(ref);
            pids.remove(ref);
        }
        publish();
    }

    /**
     * DS constructor: registers the (still empty) provider before the policies are bound, each bind then updating
     * its {@code metatype.pid}.
     */
    @Activate
    public PolicyMetaTypes(@Reference ServiceComponentRuntime scr, BundleContext context) {
        this.scr = scr;
        synchronized (registrationLock) {
            registration = context.registerService(MetaTypeProvider.class, new Provider(), properties());
        }
    }

    @Deactivate
    void deactivate() {
        synchronized (registrationLock) {
            if (registration != null) {
                try {
                    registration.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // the framework unregisters a stopping bundle's services itself
                }
                registration = null;
            }
        }
    }

    /**
     * @return the forms now, one a PID, sorted by PID; built on each call, so the defaults are the policies'
     *         current ones (a ConfigAdmin update changes them)
     */
    Map<String, PolicyForm> forms() {
        synchronized (policies) {
            return PolicyForms.of(entries());
        }
    }

    /**
     * {@code rtmm:config}: the ConfigAdmin forms of every configured policy, or the form of one scheduler.
     *
     * @param args nothing, or a scheduler id
     */
    @Descriptor("print the ConfigAdmin form (PID, keys, types, defaults, ranges, help) of a scheduler, or list the"
            + " PIDs of every configurable scheduler")
    public void config(@Descriptor("scheduler id (none: list every PID)") String... args) {
        if (args.length > 1) {
            fail("usage: rtmm:config [SCHEDULER]");
        }
        Map<String, PolicyForm> now = forms();
        if (args.length == 0) {
            System.out.println(now.size() + " configurable scheduler PID(s); rtmm:config SCHEDULER shows a form");
            now.values().forEach(f -> System.out.println("  " + f.pid() + "  " + String.join(", ", f.policies())));
            return;
        }
        String id = args[0];
        List<PolicyForm> matching = now.values().stream().filter(f -> f.policies().contains(id)).toList();
        if (!matching.isEmpty()) {
            matching.forEach(f -> f.lines().forEach(System.out::println));
            return;
        }
        SchedulerPolicy plain;
        synchronized (policies) {
            plain = policies.values().stream().filter(p -> safeId(p).equals(id)).findFirst().orElse(null);
        }
        if (plain == null) {
            fail("unknown scheduler '" + id + "'; rtmm:list shows the installed ones");
        }
        System.out.println("scheduler " + id + " reads no ConfigAdmin configuration; set its properties per run"
                + " (rtmm:run --set KEY=VALUE): rtmm:list --all lists them");
    }

    private static void fail(String message) {
        System.out.println("error: " + message);
        throw new CommandFailedException("rtmm:config failed");
    }

    private static String safeId(SchedulerPolicy p) {
        try {
            return p.id();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** @return the configuration PIDs the DS component behind {@code ref} declares; none if it is not a DS one */
    private List<String> configurationPids(ServiceReference<?> ref) {
        Object name = ref.getProperty(ComponentConstants.COMPONENT_NAME);
        if (!(name instanceof String n) || ref.getBundle() == null) {
            return List.of();
        }
        ComponentDescriptionDTO d = scr.getComponentDescriptionDTO(ref.getBundle(), n);
        return d == null || d.configurationPid == null ? List.of() : List.of(d.configurationPid);
    }

    private List<PolicyForms.Entry> entries() {
        List<PolicyForms.Entry> out = new ArrayList<>();
        policies.forEach((ref, p) -> {
            for (String pid : pids.get(ref)) {
                out.add(new PolicyForms.Entry(pid, (ConfiguredPolicy) p));
            }
        });
        return out;
    }

    private void publish() {
        synchronized (registrationLock) {
            if (registration != null) {
                try {
                    registration.setProperties(properties());
                } catch (IllegalStateException unregistered) {
                    // deactivating
                }
            }
        }
    }

    private Hashtable<String, Object> properties() {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(MetaTypeProvider.METATYPE_PID, forms().keySet().toArray(new String[0]));
        p.put("service.description", "RTMM Lab: ConfigAdmin forms of the scheduler policies");
        return p;
    }

    /** The metatype face: the form of a PID, in the one (default) locale. */
    private final class Provider implements MetaTypeProvider {
        @Override
        public ObjectClassDefinition getObjectClassDefinition(String id, String locale) {
            return forms().get(id);
        }

        @Override
        public String[] getLocales() {
            return null;
        }
    }
}
