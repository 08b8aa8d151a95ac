package org.rtmmlab.workload.xrbench;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.OpType;
import org.rtmmlab.api.workload.Variant;
import org.rtmmlab.json.JsonNode;

/**
 * Width-multiplier variants of the XRBench models, read from {@code variants.json} (next to this class).
 *
 * <p><b>Rule (a modelling choice).</b> For multiplier {@code w} every layer keeps its operator, N, Y, X, R, S and
 * stride; a channel count that is scaled becomes {@code max(1, round(n x w))}. XRBench gives each model as a flat
 * layer list without its graph, so which channel counts are network <em>widths</em> (scaled) and which are fixed by the
 * task (classes, keypoints, anchors, box coordinates, input channels: kept) is read from the list itself, by matching
 * channel counts along it: a tensor of {@code n} channels written by one layer is read by a later layer with
 * {@code C = n}.
 * <ul>
 *   <li>a layer's output channels {@code K} are scaled only if some <em>later</em> layer reads that many channels
 *       ({@code C = K}, not necessarily the next layer: branches and skip connections), or the next layer flattens the
 *       output (below); otherwise the output is a head or branch output nobody in the model reads, and keeps its
 *       {@code K}. The last layer therefore always keeps its {@code K} (the network output);</li>
 *   <li>a layer's input channels {@code C} are scaled only if some <em>earlier</em> layer writes that many channels;
 *       otherwise the layer reads a network input (the first layer, or an input-like layer such as PlaneRCNN's
 *       3-channel {@code conv124}), or a concatenation the list does not show, and keeps its {@code C};</li>
 *   <li>a flatten: when {@code C} of a layer equals {@code K x outY x outX} of the layer before (and no earlier layer
 *       writes {@code C} channels), {@code C} becomes {@code K' x outY x outX} (HT_hand_graph_cnn_half {@code fc1}:
 *       4096 = 256 x 4 x 4);</li>
 *   <li>a width-preserving layer ({@code K = C}, e.g. a depthwise convolution written as CONV, or an attention
 *       projection), not first or last, scales both or neither: both when either rule above scales one of them;
 *       a {@code DWCONV} layer (which needs {@code C = K}) keeps both when it is the first or the last layer;</li>
 *   <li>per-model channel roles in {@code variants.json} ({@code channels.<model>.keep} / {@code .scale}, each with
 *       its reason) for the two cases the flat list cannot show: a head that a later layer reads back (the 21
 *       keypoint heatmaps of HT_hand_graph_cnn_half, fed into the next hourglass stack: {@code keep}), and a width
 *       that is split by an operator XRBench does not list (ASR_EM_24L's fused key/value projection, 2 x 512 = 1024:
 *       {@code scale}). A kept count is kept wherever it appears as K or C; a scaled count is scaled wherever it
 *       appears, except the first layer's C and the last layer's K.</li>
 * </ul>
 * Scaling is a function of the channel count, so a producer and every consumer of a tensor agree on its width: a
 * scaled {@code C} always has an earlier producer scaled the same way, and a kept {@code K} is never read by a scaled
 * {@code C}. Each variant layer carries the full layer's {@link Layer#weightId()}: it is a slice of the full tensor
 * (the first {@code K'} filters over the first {@code C'} channels), so all widths share the full model's weights.
 *
 * <p><b>Accuracy.</b> XRBench publishes no reduced-width accuracy; the relative accuracy of width {@code w} is the
 * MobileNet v1 ImageNet top-1 ratio of Howard et al., arXiv:1704.04861, Table 6: 68.4/70.6 (0.75), 63.7/70.6 (0.5),
 * 50.6/70.6 (0.25), cited in the resource and in each {@link Variant#source()}.
 */
final class XrbenchVariants {

    /** Resource with the widths, accuracy figures and channel roles. */
    static final String RESOURCE = "variants.json";

    private static final Set<String> ROLE_KEYS = Set.of("keep", "scale", "reason");

    private final List<Width> widths;
    private final String source;
    private final Map<String, ChannelRoles> roles;

    /** One width multiplier with its relative accuracy. */
    record Width(String id, double multiplier, double relativeAccuracy) {
    }

    /**
     * Channel counts of one model whose role the layer list cannot show.
     *
     * @param keep  counts that are never scaled (task-fixed, even where a later layer reads them)
     * @param scale counts that are always scaled (widths split or merged by an operator the list does not show)
     */
    record ChannelRoles(Set<Integer> keep, Set<Integer> scale) {
        /** No overrides: the rule from the layer list alone. */
        static final ChannelRoles NONE = new ChannelRoles(Set.of(), Set.of());

        ChannelRoles {
            keep = Set.copyOf(keep);
            scale = Set.copyOf(scale);
        }
    }

    /**
     * Which channel counts of a layer list a width variant scales (bit {@code i} set: layer {@code i}'s K or C is
     * scaled; {@code flatten}: layer {@code i}'s C flattens the previous layer's output).
     */
    record Plan(BitSet scaleK, BitSet scaleC, BitSet flatten) {
        /** @return names of the layers that keep their K, with it, e.g. {@code conv98(21)} */
        List<String> keptK(List<Layer> layers) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < layers.size(); i++) {
                if (!scaleK.get(i)) {
                    out.add(layers.get(i).name() + "(" + layers.get(i).k() + ")");
                }
            }
            return out;
        }

        /** @return names of the layers that keep their C, with it */
        List<String> keptC(List<Layer> layers) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < layers.size(); i++) {
                if (!scaleC.get(i)) {
                    out.add(layers.get(i).name() + "(" + layers.get(i).c() + ")");
                }
            }
            return out;
        }
    }

    private XrbenchVariants(List<Width> widths, String source, Map<String, ChannelRoles> roles) {
        this.widths = List.copyOf(widths);
        this.source = source;
        this.roles = Map.copyOf(roles);
    }

    /**
     * @param root   parsed {@code variants.json}
     * @param models the XRBench models, to check the channel roles against
     * @return the widths and channel roles
     */
    static XrbenchVariants parse(JsonNode root, Map<String, Model> models) {
        String source = root.get("_source").string();
        JsonNode fullNode = root.get("fullTop1");
        double full = fullNode.number();
        if (!(full > 0 && full <= 100)) {
            throw fullNode.error("top-1 must be in (0, 100], got " + full);
        }
        List<Width> out = new ArrayList<>();
        for (JsonNode w : root.get("widths").items()) {
            JsonNode m = w.get("multiplier");
            double multiplier = m.number();
            if (!(multiplier > 0 && multiplier < 1)) {
                throw m.error("multiplier must be in (0, 1), got " + multiplier);
            }
            JsonNode t = w.get("top1");
            double top1 = t.number();
            if (!(top1 > 0 && top1 <= full)) {
                throw t.error("top-1 must be in (0, fullTop1], got " + top1);
            }
            out.add(new Width(w.get("id").string(), multiplier, top1 / full));
        }
        Map<String, ChannelRoles> roles = new LinkedHashMap<>();
        JsonNode channels = root.opt("channels");
        if (channels != null) {
            for (Map.Entry<String, JsonNode> e : channels.entries()) {
                roles.put(e.getKey(), roles(e.getKey(), e.getValue(), models));
            }
        }
        return new XrbenchVariants(out, source, roles);
    }

    private static ChannelRoles roles(String name, JsonNode node, Map<String, Model> models) {
        node.onlyKeys(ROLE_KEYS);
        Model model = models.get(name);
        if (model == null) {
            throw node.error("unknown model '" + name + "'; models: " + String.join(", ", models.keySet()));
        }
        if (node.get("reason").string().isBlank()) {
            throw node.get("reason").error("must say why the layer list alone gets these channels wrong");
        }
        Set<Integer> present = new HashSet<>();
        for (Layer l : model.layers()) {
            present.add(l.k());
            present.add(l.c());
        }
        Set<Integer> keep = counts(node.opt("keep"), present);
        Set<Integer> scale = counts(node.opt("scale"), present);
        for (int n : keep) {
            if (scale.contains(n)) {
                throw node.get("scale").error("channel count " + n + " is listed under both keep and scale");
            }
        }
        return new ChannelRoles(keep, scale);
    }

    private static Set<Integer> counts(JsonNode list, Set<Integer> present) {
        Set<Integer> out = new TreeSet<>();
        if (list == null) {
            return out;
        }
        for (JsonNode item : list.items()) {
            int n = item.intValue();
            if (!present.contains(n)) {
                throw item.error("no layer of this model has " + n + " input or output channels");
            }
            out.add(n);
        }
        return out;
    }

    /** @return the widths in file order */
    List<Width> widths() {
        return widths;
    }

    /** @return the channel roles of model {@code id} ({@link ChannelRoles#NONE} when it has none) */
    ChannelRoles roles(String id) {
        return roles.getOrDefault(id, ChannelRoles.NONE);
    }

    /** @return {@code model} with one variant per width (replacing any variants it had) */
    Model widen(Model model) {
        List<Variant> variants = new ArrayList<>();
        ChannelRoles r = roles(model.id());
        for (Width w : widths) {
            variants.add(new Variant(w.id(), w.relativeAccuracy(), scale(model.layers(), w.multiplier(), r),
                    "width x" + w.multiplier() + ", " + source));
        }
        return new Model(model.id(), model.task(), model.layers(), variants);
    }

    /** @return the layers scaled by {@code w} with the rule alone, no channel roles (see the class comment) */
    static List<Layer> scale(List<Layer> layers, double w) {
        return scale(layers, w, ChannelRoles.NONE);
    }

    /** @return the layers scaled by {@code w} (see the class comment) */
    static List<Layer> scale(List<Layer> layers, double w, ChannelRoles roles) {
        return scale(layers, w, roles, plan(layers, roles));
    }

    /** @return the layers scaled by {@code w} along a plan made by {@link #plan} for them and {@code roles} */
    static List<Layer> scale(List<Layer> layers, double w, ChannelRoles roles, Plan plan) {
        List<Layer> out = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            int k = plan.scaleK().get(i) ? scaled(l.k(), w) : l.k();
            int c;
            if (plan.flatten().get(i)) {
                Layer prev = layers.get(i - 1);
                c = Math.multiplyExact(scaled(prev.k(), w), prev.outY() * prev.outX());
            } else {
                c = plan.scaleC().get(i) ? scaled(l.c(), w) : l.c();
            }
            out.add(new Layer(l.name(), l.type(), l.n(), k, c, l.y(), l.x(), l.r(), l.s(), l.stride(), l.weightId()));
        }
        return out;
    }

    /** @return which K and C of {@code layers} a width variant scales (see the class comment) */
    static Plan plan(List<Layer> layers, ChannelRoles roles) {
        int n = layers.size();
        BitSet scaleK = new BitSet(n);
        BitSet scaleC = new BitSet(n);
        BitSet flatten = new BitSet(n);
        Set<Integer> keep = roles.keep();
        Set<Integer> extra = roles.scale();
        Set<Integer> written = new HashSet<>();
        for (int j = 0; j < n; j++) {
            Layer l = layers.get(j);
            if (j > 0 && !keep.contains(l.c())) {
                if (written.contains(l.c()) || extra.contains(l.c())) {
                    scaleC.set(j);
                } else if (flattens(layers.get(j - 1), l, keep)) {
                    scaleC.set(j);
                    flatten.set(j);
                }
            }
            if (!(j == 0 && l.type() == OpType.DWCONV)) {
                written.add(l.k()); // a first DWCONV keeps its K (= its kept C): it writes no scaled tensor
            }
        }
        Set<Integer> read = new HashSet<>();
        for (int i = n - 1; i >= 0; i--) {
            Layer l = layers.get(i);
            if (i < n - 1 && !keep.contains(l.k())
                    && (read.contains(l.k()) || extra.contains(l.k()) || flatten.get(i + 1))) {
                scaleK.set(i);
            }
            if (!(i == n - 1 && l.type() == OpType.DWCONV)) {
                read.add(l.c()); // a last DWCONV keeps its C (= its kept K): it reads no scaled tensor
            }
        }
        for (int i = 0; i < n; i++) {
            Layer l = layers.get(i);
            boolean ends = i == 0 || i == n - 1;
            if (l.type() == OpType.DWCONV && ends) {
                scaleK.clear(i);
                scaleC.clear(i);
            } else if ((l.type() == OpType.DWCONV || l.k() == l.c()) && !ends && !keep.contains(l.k())
                    && (scaleK.get(i) || scaleC.get(i))) {
                scaleK.set(i);
                scaleC.set(i);
            }
        }
        return new Plan(scaleK, scaleC, flatten);
    }

    /** @return whether {@code next.C} is the flattened output of {@code prev} (more than one output position) */
    private static boolean flattens(Layer prev, Layer next, Set<Integer> keep) {
        long positions = (long) prev.outY() * prev.outX();
        return positions > 1 && !keep.contains(prev.k()) && next.c() == (long) prev.k() * positions;
    }

    static int scaled(int channels, double w) {
        return (int) Math.max(1, Math.round(channels * w));
    }
}
