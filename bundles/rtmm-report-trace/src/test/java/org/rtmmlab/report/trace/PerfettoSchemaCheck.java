package org.rtmmlab.report.trace;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a trace file against Perfetto's own schema ({@link PerfettoSchema}: {@code perfetto.protos.Trace}, each packet
 * a {@link DynamicMessage} of {@code TracePacket}) and collects what Perfetto's importer would not take as meant:
 *
 * <ul>
 * <li><b>schema</b>: every field of every message, at any depth, is a field of Perfetto's schema read with the wire
 *     type the schema gives it (protobuf-java keeps a field of an unknown number, of another wire type, or an enum
 *     value the enum does not have, as an unknown field: none may be left), and nothing is lost in the reading (the
 *     message read writes back to as many bytes as the packet had: no singular field written twice, no two members
 *     of one oneof);</li>
 * <li><b>sequence</b> (TrackEvent's incremental state, as trace_processor tracks it): every packet has a timestamp and
 *     a {@code trusted_packet_sequence_id}; the first packet of a sequence sets {@code SEQ_INCREMENTAL_STATE_CLEARED};
 *     a packet that sets {@code SEQ_NEEDS_INCREMENTAL_STATE} comes after a clearing one (else trace_processor drops
 *     it); a packet whose event refers to interned data sets {@code SEQ_NEEDS_INCREMENTAL_STATE}; timestamps do not
 *     decrease within a sequence;</li>
 * <li><b>interning</b>: {@code interned_data} entries ({@code event_categories}, {@code event_names},
 *     {@code debug_annotation_names}, {@code debug_annotation_string_values}) have an iid &gt; 0 not defined before
 *     since the last clear, and every iid an event or annotation uses is defined;</li>
 * <li><b>tracks</b>: a {@code track_descriptor} has a uuid not described before, a name, and a {@code parent_uuid}
 *     that was described before it; every {@code track_event} names a {@code track_uuid} described before it;
 *     counters ({@code TYPE_COUNTER}, with {@code counter_value} or {@code double_counter_value}) only on tracks with
 *     a {@code counter} descriptor and nothing else there;</li>
 * <li><b>events</b>: a known {@code type}; slices and instants have a name; {@code TYPE_SLICE_END} only when a slice
 *     is open on its track and every slice ended by the end of the file; every debug annotation has a name and one
 *     value (a member of its {@code value} oneof, nested entries, or a {@code proto_value}) and no other field;
 *     every {@code terminating_flow_ids} entry was started by a {@code flow_ids} entry before.</li>
 * </ul>
 *
 * Field and enum names are Perfetto's (looked up in the schema), not the writer's numbers. Problems are collected,
 * not thrown, so a test can show them all.
 */
final class PerfettoSchemaCheck {

    /** A descriptor read back: name, parent uuid (0: none), counter track or not. */
    record TrackInfo(String name, long parent, boolean counter) {
    }

    /** An event read back; {@code type} is the schema's enum value name ({@code TYPE_SLICE_BEGIN}, ...). */
    record Event(long ts, String type, long track, String name, List<String> categories, Map<String, Object> args,
                 Double value) {
    }

    /** Problems found; empty for a trace Perfetto reads as meant. */
    final List<String> problems = new ArrayList<>();
    /** Track descriptors by uuid, in file order. */
    final Map<Long, TrackInfo> tracks = new LinkedHashMap<>();
    /** Track events in file order. */
    final List<Event> events = new ArrayList<>();
    /** trusted_packet_sequence_id values seen. */
    final Set<Long> sequenceIds = new HashSet<>();
    /** Packets read. */
    long packets;
    /** Packets that set SEQ_INCREMENTAL_STATE_CLEARED. */
    long clears;

    private final PerfettoSchema schema = PerfettoSchema.load();
    private final Schema s = new Schema(schema);
    private final Map<Long, Sequence> sequences = new HashMap<>();

    /** What trace_processor keeps per packet sequence. */
    private static final class Sequence {
        boolean valid;
        long lastTs = Long.MIN_VALUE;
        final Map<String, Map<Long, String>> interned = new HashMap<>();
    }

    /** The fields the checks read, looked up once by name. */
    private static final class Schema {
        final FieldDescriptor tracePacket;
        final FieldDescriptor timestamp;
        final FieldDescriptor sequenceId;
        final FieldDescriptor flags;
        final FieldDescriptor internedData;
        final FieldDescriptor trackEvent;
        final FieldDescriptor trackDescriptor;
        final int cleared;
        final int needsState;
        final List<FieldDescriptor> internedTables = new ArrayList<>();
        final FieldDescriptor uuid;
        final FieldDescriptor parentUuid;
        final FieldDescriptor trackName;
        final FieldDescriptor counterDescriptor;
        final FieldDescriptor type;
        final FieldDescriptor trackUuid;
        final FieldDescriptor nameIid;
        final FieldDescriptor name;
        final FieldDescriptor categoryIids;
        final FieldDescriptor categories;
        final FieldDescriptor counterValue;
        final FieldDescriptor doubleCounterValue;
        final FieldDescriptor debugAnnotations;
        final FieldDescriptor flowIds;
        final FieldDescriptor terminatingFlowIds;
        final FieldDescriptor annotationNameIid;
        final FieldDescriptor annotationName;
        final FieldDescriptor stringValueIid;
        final FieldDescriptor protoValue;
        final OneofDescriptor annotationValue;
        final OneofDescriptor annotationProtoType;

        Schema(PerfettoSchema p) {
            tracePacket = PerfettoSchema.field(p.trace, "packet");
            Descriptor packet = p.packet;
            timestamp = PerfettoSchema.field(packet, "timestamp");
            sequenceId = PerfettoSchema.field(packet, "trusted_packet_sequence_id");
            flags = PerfettoSchema.field(packet, "sequence_flags");
            internedData = PerfettoSchema.field(packet, "interned_data");
            trackEvent = PerfettoSchema.field(packet, "track_event");
            trackDescriptor = PerfettoSchema.field(packet, "track_descriptor");
            cleared = PerfettoSchema.enumValue(packet, "SequenceFlags", "SEQ_INCREMENTAL_STATE_CLEARED");
            needsState = PerfettoSchema.enumValue(packet, "SequenceFlags", "SEQ_NEEDS_INCREMENTAL_STATE");
            Descriptor interned = internedData.getMessageType();
            for (String table : List.of("event_categories", "event_names", "debug_annotation_names",
                    "debug_annotation_string_values")) {
                internedTables.add(PerfettoSchema.field(interned, table));
            }
            Descriptor track = trackDescriptor.getMessageType();
            uuid = PerfettoSchema.field(track, "uuid");
            parentUuid = PerfettoSchema.field(track, "parent_uuid");
            trackName = PerfettoSchema.field(track, "name");
            counterDescriptor = PerfettoSchema.field(track, "counter");
            Descriptor event = trackEvent.getMessageType();
            type = PerfettoSchema.field(event, "type");
            trackUuid = PerfettoSchema.field(event, "track_uuid");
            nameIid = PerfettoSchema.field(event, "name_iid");
            name = PerfettoSchema.field(event, "name");
            categoryIids = PerfettoSchema.field(event, "category_iids");
            categories = PerfettoSchema.field(event, "categories");
            counterValue = PerfettoSchema.field(event, "counter_value");
            doubleCounterValue = PerfettoSchema.field(event, "double_counter_value");
            debugAnnotations = PerfettoSchema.field(event, "debug_annotations");
            flowIds = PerfettoSchema.field(event, "flow_ids");
            terminatingFlowIds = PerfettoSchema.field(event, "terminating_flow_ids");
            Descriptor annotation = debugAnnotations.getMessageType();
            annotationNameIid = PerfettoSchema.field(annotation, "name_iid");
            annotationName = PerfettoSchema.field(annotation, "name");
            stringValueIid = PerfettoSchema.field(annotation, "string_value_iid");
            protoValue = PerfettoSchema.field(annotation, "proto_value");
            annotationValue = stringValueIid.getContainingOneof();
            annotationProtoType = PerfettoSchema.field(annotation, "proto_type_name_iid").getContainingOneof();
        }
    }

    private final Map<Long, Integer> open = new TreeMap<>();
    private final Set<Long> flows = new HashSet<>();

    private PerfettoSchemaCheck() {
    }

    /** @return the trace in {@code file}, read and checked */
    static PerfettoSchemaCheck read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /** @return the trace in {@code bytes}, read and checked */
    static PerfettoSchemaCheck read(byte[] bytes) throws IOException {
        return read(new ByteArrayInputStream(bytes));
    }

    private static PerfettoSchemaCheck read(InputStream in) throws IOException {
        PerfettoSchemaCheck t = new PerfettoSchemaCheck();
        CodedInputStream c = CodedInputStream.newInstance(in);
        c.setSizeLimit(Integer.MAX_VALUE);
        while (!c.isAtEnd()) {
            int tag = c.readTag();
            int number = WireFormat.getTagFieldNumber(tag);
            FieldDescriptor f = t.schema.trace.findFieldByNumber(number);
            if (f != t.s.tracePacket || WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                t.problems.add("Trace: field " + number + " (wire type " + WireFormat.getTagWireType(tag)
                        + ") is not Trace.packet");
                c.skipField(tag);
                continue;
            }
            ByteString bytes = c.readBytes();
            c.resetSizeCounter();
            DynamicMessage packet;
            try {
                packet = DynamicMessage.parseFrom(t.schema.packet, bytes);
            } catch (InvalidProtocolBufferException e) {
                t.problems.add("packet " + t.packets + ": not a TracePacket: " + e.getMessage());
                t.packets++;
                continue;
            }
            t.packet(packet, bytes.size());
        }
        t.open.forEach((track, depth) -> {
            if (depth != 0) {
                t.problems.add("track " + track + ": " + depth + " slices never ended");
            }
        });
        return t;
    }

    private void packet(DynamicMessage p, int size) {
        String at = "packet " + packets++;
        unknownFields(p, at);
        if (p.getSerializedSize() != size) {
            problems.add(at + ": " + size + " bytes read back as " + p.getSerializedSize()
                    + " (a singular field written twice, or two members of one oneof)");
        }
        if (!p.hasField(s.timestamp)) {
            problems.add(at + ": no timestamp");
        }
        if (!p.hasField(s.sequenceId)) {
            problems.add(at + ": no trusted_packet_sequence_id");
        }
        long ts = (Long) p.getField(s.timestamp);
        long id = ((Integer) p.getField(s.sequenceId)) & 0xffffffffL;
        sequenceIds.add(id);
        Sequence seq = sequences.computeIfAbsent(id, k -> new Sequence());
        int flags = (Integer) p.getField(s.flags);
        if ((flags & s.cleared) != 0) {
            clears++;
            seq.valid = true;
            seq.interned.clear();
        } else if (seq.lastTs == Long.MIN_VALUE) {
            problems.add(at + ": first packet of sequence " + id + " lacks SEQ_INCREMENTAL_STATE_CLEARED");
        }
        if ((flags & s.needsState) != 0 && !seq.valid) {
            problems.add(at + ": SEQ_NEEDS_INCREMENTAL_STATE before any SEQ_INCREMENTAL_STATE_CLEARED"
                    + " (trace_processor drops it)");
        }
        if (ts < seq.lastTs) {
            problems.add(at + ": timestamp " + ts + " before " + seq.lastTs + " on sequence " + id);
        }
        seq.lastTs = Math.max(seq.lastTs, ts);
        if (p.hasField(s.internedData)) {
            intern((Message) p.getField(s.internedData), seq, at);
        }
        if (p.hasField(s.trackDescriptor)) {
            descriptor((Message) p.getField(s.trackDescriptor), at);
        }
        if (p.hasField(s.trackEvent)) {
            event((Message) p.getField(s.trackEvent), ts, flags, seq, at);
        }
    }

    /** Every unknown field, at any depth of {@code m}, is a problem. */
    private void unknownFields(Message m, String at) {
        Descriptor d = m.getDescriptorForType();
        for (Map.Entry<Integer, UnknownFieldSet.Field> e : m.getUnknownFields().asMap().entrySet()) {
            FieldDescriptor known = d.findFieldByNumber(e.getKey());
            problems.add(at + ": " + d.getFullName() + " field " + e.getKey() + (known == null
                    ? " is not in Perfetto's schema"
                    : " (" + known.getName() + ", " + known.getType() + ") holds a wire type or enum value the"
                      + " schema cannot read"));
        }
        for (Map.Entry<FieldDescriptor, Object> f : m.getAllFields().entrySet()) {
            if (f.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                continue;
            }
            if (f.getKey().isRepeated()) {
                List<?> values = (List<?>) f.getValue();
                for (int i = 0; i < values.size(); i++) {
                    unknownFields((Message) values.get(i), at + "." + f.getKey().getName() + "[" + i + "]");
                }
            } else {
                unknownFields((Message) f.getValue(), at + "." + f.getKey().getName());
            }
        }
    }

    private void intern(Message interned, Sequence seq, String at) {
        for (FieldDescriptor table : s.internedTables) {
            Map<Long, String> defined = seq.interned.computeIfAbsent(table.getName(), k -> new HashMap<>());
            for (Object o : (List<?>) interned.getField(table)) {
                Message entry = (Message) o;
                Descriptor d = entry.getDescriptorForType();
                long iid = (Long) entry.getField(PerfettoSchema.field(d, "iid"));
                FieldDescriptor text = d.findFieldByName("name") != null ? d.findFieldByName("name")
                        : PerfettoSchema.field(d, "str");
                Object value = entry.getField(text);
                String str = value instanceof ByteString b ? b.toStringUtf8() : (String) value;
                if (iid == 0) {
                    problems.add(at + ": " + table.getName() + " entry with iid 0");
                } else if (defined.put(iid, str) != null) {
                    problems.add(at + ": " + table.getName() + " iid " + iid + " defined twice");
                }
            }
        }
    }

    private String lookup(Sequence seq, String table, long iid, String at) {
        String v = seq.interned.getOrDefault(table, Map.of()).get(iid);
        if (v == null) {
            problems.add(at + ": " + table + " iid " + iid + " used but not defined");
        }
        return v;
    }

    private void descriptor(Message d, String at) {
        if (!d.hasField(s.uuid)) {
            problems.add(at + ": track_descriptor without uuid");
        }
        long uuid = (Long) d.getField(s.uuid);
        long parent = (Long) d.getField(s.parentUuid);
        if (parent != 0 && !tracks.containsKey(parent)) {
            problems.add(at + ": track " + uuid + " before its parent " + parent);
        }
        if (!d.hasField(s.trackName)) {
            problems.add(at + ": track " + uuid + " has no name");
        }
        TrackInfo info = new TrackInfo((String) d.getField(s.trackName), parent, d.hasField(s.counterDescriptor));
        if (tracks.putIfAbsent(uuid, info) != null) {
            problems.add(at + ": track " + uuid + " described twice");
        }
    }

    private void event(Message e, long ts, int flags, Sequence seq, String at) {
        if (!e.hasField(s.type)) {
            problems.add(at + ": track_event without type");
        }
        String type = ((EnumValueDescriptor) e.getField(s.type)).getName();
        if (!e.hasField(s.trackUuid)) {
            problems.add(at + ": track_event without track_uuid");
        }
        long track = (Long) e.getField(s.trackUuid);
        TrackInfo info = tracks.get(track);
        if (info == null) {
            problems.add(at + ": event on track " + track + " before (or without) its track_descriptor");
        }
        boolean interned = false;
        String name = null;
        if (e.hasField(s.nameIid)) {
            interned = true;
            name = lookup(seq, "event_names", (Long) e.getField(s.nameIid), at);
        } else if (e.hasField(s.name)) {
            name = (String) e.getField(s.name);
        }
        List<String> categories = new ArrayList<>();
        for (Object iid : (List<?>) e.getField(s.categoryIids)) {
            interned = true;
            categories.add(lookup(seq, "event_categories", (Long) iid, at));
        }
        for (Object c : (List<?>) e.getField(s.categories)) {
            categories.add((String) c);
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (Object o : (List<?>) e.getField(s.debugAnnotations)) {
            interned |= annotation((Message) o, seq, args, at);
        }
        if (interned && (flags & s.needsState) == 0) {
            problems.add(at + ": refers to interned data without SEQ_NEEDS_INCREMENTAL_STATE");
        }
        Double value = e.hasField(s.counterValue) ? Double.valueOf((Long) e.getField(s.counterValue))
                : e.hasField(s.doubleCounterValue) ? (Double) e.getField(s.doubleCounterValue) : null;
        boolean counter = type.equals("TYPE_COUNTER");
        if (info != null && counter != info.counter()) {
            problems.add(at + ": " + type + " on " + (info.counter() ? "a counter" : "a slice") + " track " + track);
        }
        if (counter && value == null) {
            problems.add(at + ": counter without counter_value");
        }
        switch (type) {
            case "TYPE_SLICE_BEGIN", "TYPE_INSTANT" -> {
                if (name == null) {
                    problems.add(at + ": " + type + " without a name");
                }
            }
            case "TYPE_SLICE_END", "TYPE_COUNTER" -> {
            }
            default -> problems.add(at + ": event type " + type);
        }
        if (type.equals("TYPE_SLICE_BEGIN")) {
            open.merge(track, 1, Integer::sum);
        } else if (type.equals("TYPE_SLICE_END")) {
            int depth = open.getOrDefault(track, 0);
            if (depth == 0) {
                problems.add(at + ": TYPE_SLICE_END without an open slice on track " + track);
            } else {
                open.put(track, depth - 1);
            }
        }
        for (Object f : (List<?>) e.getField(s.terminatingFlowIds)) {
            if (!flows.remove((Long) f)) {
                problems.add(at + ": flow " + f + " terminated but never started");
            }
        }
        for (Object f : (List<?>) e.getField(s.flowIds)) {
            flows.add((Long) f);
        }
        events.add(new Event(ts, type, track, name, categories, args, value));
    }

    /** @return whether the annotation refers to interned data */
    private boolean annotation(Message a, Sequence seq, Map<String, Object> args, String at) {
        boolean interned = false;
        String key = null;
        if (a.hasField(s.annotationNameIid)) {
            interned = true;
            key = lookup(seq, "debug_annotation_names", (Long) a.getField(s.annotationNameIid), at);
        } else if (a.hasField(s.annotationName)) {
            key = (String) a.getField(s.annotationName);
        } else {
            problems.add(at + ": debug annotation without a name");
        }
        // one value: a member of the oneof "value", nested dict/array entries, or a proto_value (whose type name,
        // proto_type_name or its iid, may only come with it); nothing else
        Object value = null;
        int values = 0;
        boolean protoTypeName = false;
        for (Map.Entry<FieldDescriptor, Object> f : a.getAllFields().entrySet()) {
            FieldDescriptor fd = f.getKey();
            if (fd == s.annotationNameIid || fd == s.annotationName) {
                continue;
            }
            if (fd.getContainingOneof() == s.annotationValue || fd.getName().equals("dict_entries")
                    || fd.getName().equals("array_values") || fd.getName().equals("proto_value")) {
                values++;
                value = fd == s.stringValueIid
                        ? lookup(seq, "debug_annotation_string_values", (Long) f.getValue(), at) : f.getValue();
                interned |= fd == s.stringValueIid;
            } else if (fd.getContainingOneof() == s.annotationProtoType) {
                protoTypeName = true;
            } else {
                problems.add(at + ": debug annotation " + key + " has field " + fd.getName());
            }
        }
        if (values != 1) {
            problems.add(at + ": debug annotation " + key + " with " + values + " values");
        }
        if (protoTypeName && !a.hasField(s.protoValue)) {
            problems.add(at + ": debug annotation " + key + " has a proto type name but no proto_value");
        }
        args.put(key, value);
        return interned;
    }

    /** @return the events of one type (the schema's name: {@code TYPE_SLICE_BEGIN}, ...) */
    List<Event> ofType(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    /** @return the name of a described track */
    String trackName(long uuid) {
        TrackInfo t = tracks.get(uuid);
        return t == null ? null : t.name();
    }
}
