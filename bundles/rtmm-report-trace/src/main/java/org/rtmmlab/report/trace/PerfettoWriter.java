package org.rtmmlab.report.trace;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Streams a Perfetto trace ({@code perfetto.protos.Trace}: a sequence of {@code TracePacket}s) with protobuf-java's
 * {@link CodedOutputStream}: each packet is encoded into a reused buffer and appended to the file as field 1 of
 * {@code Trace}, so memory does not grow with the trace. Packets go out in the order they are written and carry
 * timestamps that never decrease (an earlier time is raised to the last one written and counted in
 * {@link #clampedEvents()}); all of them belong to one packet sequence ({@value #SEQUENCE_ID}).
 *
 * <p>Field numbers, from the public Perfetto protos (github.com/google/perfetto):
 * <ul>
 * <li>protos/perfetto/trace/trace.proto: {@code Trace.packet = 1};</li>
 * <li>protos/perfetto/trace/trace_packet.proto: {@code timestamp = 8}, {@code trusted_packet_sequence_id = 10},
 *     {@code track_event = 11}, {@code interned_data = 12}, {@code sequence_flags = 13} (SEQ_INCREMENTAL_STATE_CLEARED
 *     = 1, SEQ_NEEDS_INCREMENTAL_STATE = 2), {@code track_descriptor = 60};</li>
 * <li>protos/perfetto/trace/track_event/track_descriptor.proto: {@code uuid = 1}, {@code name = 2},
 *     {@code parent_uuid = 5}, {@code counter = 8}, {@code child_ordering = 11} (EXPLICIT = 3),
 *     {@code sibling_order_rank = 12};</li>
 * <li>protos/perfetto/trace/track_event/track_event.proto: {@code category_iids = 3}, {@code debug_annotations = 4},
 *     {@code type = 9} (SLICE_BEGIN = 1, SLICE_END = 2, INSTANT = 3, COUNTER = 4), {@code name_iid = 10},
 *     {@code track_uuid = 11}, {@code counter_value = 30}, {@code double_counter_value = 44},
 *     {@code flow_ids = 47}, {@code terminating_flow_ids = 48} (both fixed64);</li>
 * <li>protos/perfetto/trace/track_event/debug_annotation.proto: {@code name_iid = 1}, {@code bool_value = 2},
 *     {@code uint_value = 3}, {@code int_value = 4}, {@code double_value = 5}, {@code string_value = 6},
 *     {@code string_value_iid = 17};</li>
 * <li>protos/perfetto/trace/interned_data/interned_data.proto: {@code event_categories = 1},
 *     {@code event_names = 2}, {@code debug_annotation_names = 3}, {@code debug_annotation_string_values = 29};
 *     each entry {@code iid = 1, name = 2} (InternedString of profiling/profile_common.proto: {@code iid = 1,
 *     str = 2}).</li>
 * </ul>
 * Every one of them is checked against Perfetto's merged schema ({@code perfetto_trace.proto} of google/perfetto at
 * ec5d16b, test data of this bundle) by the tests' {@code PerfettoSchemaTest}.
 *
 * <p>Rules of TrackEvent followed (Perfetto's docs, "Converting arbitrary timestamped data to Perfetto"): the first
 * packet of the sequence sets SEQ_INCREMENTAL_STATE_CLEARED; packets that refer to interned strings set
 * SEQ_NEEDS_INCREMENTAL_STATE; an interned string is defined in the {@code interned_data} of the first packet that
 * uses it; a track's descriptor is written before its first event; slice begin/end pairs on one track nest.
 *
 * <p>Size cap: a packet that would take the file past the cap (less a reserve for closing what is open) is not
 * written; instead every open slice is ended, an instant {@code trace truncated} is written on the root track and
 * every later call is ignored.
 */
final class PerfettoWriter implements Closeable {

    /** trusted_packet_sequence_id of every packet. */
    static final int SEQUENCE_ID = 1;

    static final int TYPE_SLICE_BEGIN = 1;
    static final int TYPE_SLICE_END = 2;
    static final int TYPE_INSTANT = 3;
    static final int TYPE_COUNTER = 4;

    private static final int SEQ_INCREMENTAL_STATE_CLEARED = 1;
    private static final int SEQ_NEEDS_INCREMENTAL_STATE = 2;
    private static final int CHILD_ORDERING_EXPLICIT = 3;
    /** Interned strings per kind, at most; past that, names are written inline. */
    static final int MAX_INTERNED = 1 << 16;

    /** One track: its descriptor, written before its first event. */
    record Track(long uuid, long parentUuid, String name, int rank, boolean counter, boolean explicitChildren) {
    }

    /** A growable byte buffer whose array the coded streams read without copying. */
    private static final class Buf extends ByteArrayOutputStream {
        Buf(int size) {
            super(size);
        }

        byte[] array() {
            return buf;
        }
    }

    private final OutputStream file;
    private final CodedOutputStream out;
    private final long maxBytes;
    private final long rootUuid;
    private final Map<Long, Track> tracks = new LinkedHashMap<>();
    private final Map<Long, Boolean> described = new HashMap<>();
    /** Open slices per track uuid (nesting depth), in uuid order for a deterministic close. */
    private final TreeMap<Long, Integer> open = new TreeMap<>();
    private final Map<String, Long> eventNames = new HashMap<>();
    private final Map<String, Long> categories = new HashMap<>();
    private final Map<String, Long> annotationNames = new HashMap<>();
    private final Map<String, Long> stringValues = new HashMap<>();

    private final Buf event = new Buf(512);
    private final CodedOutputStream eventOut = CodedOutputStream.newInstance(event, 512);
    private final Buf interned = new Buf(256);
    private final CodedOutputStream internedOut = CodedOutputStream.newInstance(interned, 256);
    private final Buf packet = new Buf(1024);
    private final CodedOutputStream packetOut = CodedOutputStream.newInstance(packet, 1024);
    private final Buf annotations = new Buf(512);
    private final CodedOutputStream annotationsOut = CodedOutputStream.newInstance(annotations, 512);

    private boolean first = true;
    private boolean truncated;
    private long bytes;
    private long lastTs;
    private long packets;
    private long clamped;
    private long sliceBegins;

    /**
     * @param file     where the trace goes (closed by {@link #close()})
     * @param maxBytes size cap ({@link Long#MAX_VALUE}: none)
     * @param root     the root track (the run), written first; every other track should descend from it
     */
    PerfettoWriter(OutputStream file, long maxBytes, Track root) throws IOException {
        this.file = file;
        this.out = CodedOutputStream.newInstance(file, 1 << 16);
        this.maxBytes = maxBytes;
        this.rootUuid = root.uuid();
        define(root);
        describe(root.uuid(), 0);
    }

    /** Declares a track; its descriptor is written just before its first event (or by {@link #describe}). */
    void define(Track track) {
        tracks.putIfAbsent(track.uuid(), track);
    }

    /** @return whether a track of that uuid was defined */
    boolean defined(long uuid) {
        return tracks.containsKey(uuid);
    }

    /** Writes the descriptor of a defined track (and of its parents) now, if not yet written. */
    void describe(long uuid, long tsNs) throws IOException {
        if (truncated || described.containsKey(uuid)) {
            return;
        }
        Track t = tracks.get(uuid);
        if (t == null) {
            throw new IllegalStateException("track " + uuid + " was never defined");
        }
        if (t.parentUuid() != 0) {
            describe(t.parentUuid(), tsNs);
        }
        resetEvent();
        resetInterned();
        eventOut.writeUInt64(1, t.uuid());
        if (t.name() != null) {
            eventOut.writeString(2, t.name());
        }
        if (t.parentUuid() != 0) {
            eventOut.writeUInt64(5, t.parentUuid());
        }
        if (t.counter()) {
            eventOut.writeTag(8, com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED);
            eventOut.writeUInt32NoTag(0); // an empty CounterDescriptor: a counter track
        }
        if (t.explicitChildren()) {
            eventOut.writeEnum(11, CHILD_ORDERING_EXPLICIT);
        }
        eventOut.writeInt32(12, t.rank());
        eventOut.flush();
        if (emit(tsNs, 60, false, 0)) {
            described.put(uuid, Boolean.TRUE);
        }
    }

    /** One debug annotation value: written by the caller through {@link Args}. */
    interface Args {
        /** Adds the annotations of one event. */
        void write(PerfettoWriter w) throws IOException;
    }

    /** Debug annotation with a string value (call only inside {@link Args#write}). */
    void arg(String name, String value) throws IOException {
        annotationHead(name, CodedOutputStream.computeStringSize(6, value));
        annotationsOut.writeString(6, value);
    }

    /**
     * Debug annotation with a string value from a small set (ids, outcomes): the value is interned
     * ({@code InternedData.debug_annotation_string_values = 29}, {@code DebugAnnotation.string_value_iid = 17}).
     */
    void argInterned(String name, String value) throws IOException {
        long valueIid = intern(stringValues, value, 29);
        if (valueIid == 0) {
            arg(name, value);
            return;
        }
        annotationHead(name, CodedOutputStream.computeUInt64Size(17, valueIid));
        annotationsOut.writeUInt64(17, valueIid);
    }

    /** Debug annotation with an integer value. */
    void arg(String name, long value) throws IOException {
        annotationHead(name, CodedOutputStream.computeInt64Size(4, value));
        annotationsOut.writeInt64(4, value);
    }

    /** Debug annotation with a floating-point value. */
    void arg(String name, double value) throws IOException {
        annotationHead(name, CodedOutputStream.computeDoubleSize(5, value));
        annotationsOut.writeDouble(5, value);
    }

    /** Debug annotation with a boolean value. */
    void arg(String name, boolean value) throws IOException {
        annotationHead(name, CodedOutputStream.computeBoolSize(2, value));
        annotationsOut.writeBool(2, value);
    }

    private static int nameSize(long iid, String name) {
        return iid != 0 ? CodedOutputStream.computeUInt64Size(1, iid) : CodedOutputStream.computeStringSize(10, name);
    }

    /** Starts a debug annotation named {@code name} (interned when it can be) whose value takes {@code valueSize}. */
    private void annotationHead(String name, int valueSize) throws IOException {
        long iid = intern(annotationNames, name, 3);
        int size = nameSize(iid, name) + valueSize;
        annotationsOut.writeTag(4, com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED);
        annotationsOut.writeUInt32NoTag(size);
        if (iid != 0) {
            annotationsOut.writeUInt64(1, iid);
        } else {
            annotationsOut.writeString(10, name);
        }
    }

    /** Begins a slice on {@code track}; {@code flowOut}/{@code flowIn} = 0 for none. */
    void begin(long tsNs, long track, String category, String name, long flowOut, long flowIn, Args args)
            throws IOException {
        if (trackEvent(tsNs, TYPE_SLICE_BEGIN, track, category, name, flowOut, flowIn, args, 0, false)) {
            open.merge(track, 1, Integer::sum);
            sliceBegins++;
        }
    }

    /** Ends the innermost open slice on {@code track}. */
    void end(long tsNs, long track) throws IOException {
        Integer depth = open.get(track);
        if (depth == null) {
            return; // its begin was never written (size cap)
        }
        if (trackEvent(tsNs, TYPE_SLICE_END, track, null, null, 0, 0, null, 0, false)) {
            if (depth == 1) {
                open.remove(track);
            } else {
                open.put(track, depth - 1);
            }
        }
    }

    /** An instant event on {@code track}. */
    void instant(long tsNs, long track, String category, String name, long flowIn, Args args) throws IOException {
        trackEvent(tsNs, TYPE_INSTANT, track, category, name, 0, flowIn, args, 0, false);
    }

    /** A counter value on a counter track. */
    void counter(long tsNs, long track, double value) throws IOException {
        trackEvent(tsNs, TYPE_COUNTER, track, null, null, 0, 0, null, value, true);
    }

    private boolean trackEvent(long tsNs, int type, long track, String category, String name, long flowOut,
                               long flowIn, Args args, double value, boolean isCounter) throws IOException {
        if (truncated) {
            return false;
        }
        describe(track, tsNs);
        if (truncated) {
            return false;
        }
        resetEvent();
        resetInterned();
        annotations.reset();
        if (args != null) {
            args.write(this);
        }
        annotationsOut.flush();
        eventOut.writeEnum(9, type);
        eventOut.writeUInt64(11, track);
        if (category != null) {
            long iid = intern(categories, category, 1);
            if (iid != 0) {
                eventOut.writeUInt64(3, iid);
            } else {
                eventOut.writeString(22, category);
            }
        }
        if (name != null) {
            long iid = intern(eventNames, name, 2);
            if (iid != 0) {
                eventOut.writeUInt64(10, iid);
            } else {
                eventOut.writeString(23, name);
            }
        }
        if (isCounter) {
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                eventOut.writeInt64(30, (long) value);
            } else {
                eventOut.writeDouble(44, value);
            }
        }
        if (flowOut != 0) {
            eventOut.writeFixed64(47, flowOut);
        }
        if (flowIn != 0) {
            eventOut.writeFixed64(48, flowIn);
        }
        eventOut.writeRawBytes(annotations.array(), 0, annotations.size());
        eventOut.flush();
        return emit(tsNs, 11, true, type == TYPE_SLICE_BEGIN ? 1 : 0);
    }

    /**
     * Wraps the encoded message in {@code event} as field {@code field} of a TracePacket and appends it.
     *
     * @param opens slices this packet opens (for the cap's reserve)
     * @return false if the cap stopped it
     */
    private boolean emit(long tsNs, int field, boolean needsState, int opens) throws IOException {
        internedOut.flush();
        long ts = tsNs;
        if (ts < lastTs) {
            ts = lastTs;
            clamped++;
        }
        packet.reset();
        packetOut.writeUInt64(8, ts);
        packetOut.writeUInt32(10, SEQUENCE_ID);
        int flags = (first ? SEQ_INCREMENTAL_STATE_CLEARED : 0) | (needsState ? SEQ_NEEDS_INCREMENTAL_STATE : 0);
        if (flags != 0) {
            packetOut.writeUInt32(13, flags);
        }
        if (interned.size() > 0) {
            packetOut.writeByteArray(12, interned.array(), 0, interned.size());
        }
        packetOut.writeByteArray(field, event.array(), 0, event.size());
        packetOut.flush();
        int size = packet.size();
        long total = CodedOutputStream.computeUInt32SizeNoTag(size) + 1L + size;
        if (maxBytes != Long.MAX_VALUE && bytes + total + reserve(opens) > maxBytes) {
            truncate(ts);
            return false;
        }
        out.writeByteArray(1, packet.array(), 0, size);
        bytes += total;
        lastTs = ts;
        packets++;
        first = false;
        return true;
    }

    /** @return bytes kept free to end the open slices and mark the truncation */
    private long reserve(int opens) {
        long openSlices = opens;
        for (int d : open.values()) {
            openSlices += d;
        }
        return 256 + 32 * openSlices;
    }

    /** Ends every open slice at {@code ts}, marks the cut on the root track, and stops writing. */
    private void truncate(long ts) throws IOException {
        long limit = maxBytes;
        // write the closing packets without the cap: the reserve was kept for them
        for (Map.Entry<Long, Integer> e : open.entrySet()) {
            for (int i = 0; i < e.getValue(); i++) {
                resetEvent();
                resetInterned();
                eventOut.writeEnum(9, TYPE_SLICE_END);
                eventOut.writeUInt64(11, e.getKey());
                eventOut.flush();
                raw(ts, 11, true);
            }
        }
        open.clear();
        resetEvent();
        resetInterned();
        eventOut.writeEnum(9, TYPE_INSTANT);
        eventOut.writeUInt64(11, rootUuid);
        eventOut.writeString(23, "trace truncated");
        eventOut.writeString(22, "trace");
        eventOut.writeTag(4, com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED);
        String reason = "size cap of " + limit + " bytes reached";
        eventOut.writeUInt32NoTag(CodedOutputStream.computeStringSize(10, "reason")
                + CodedOutputStream.computeStringSize(6, reason));
        eventOut.writeString(10, "reason");
        eventOut.writeString(6, reason);
        eventOut.flush();
        raw(ts, 11, false);
        truncated = true;
    }

    private void raw(long ts, int field, boolean needsState) throws IOException {
        internedOut.flush();
        packet.reset();
        packetOut.writeUInt64(8, ts);
        packetOut.writeUInt32(10, SEQUENCE_ID);
        if (needsState) {
            packetOut.writeUInt32(13, SEQ_NEEDS_INCREMENTAL_STATE);
        }
        packetOut.writeByteArray(field, event.array(), 0, event.size());
        packetOut.flush();
        int size = packet.size();
        out.writeByteArray(1, packet.array(), 0, size);
        bytes += CodedOutputStream.computeUInt32SizeNoTag(size) + 1L + size;
        packets++;
    }

    /**
     * @param kind field of InternedData (1 categories, 2 event names, 3 annotation names, 29 annotation values)
     * @return the iid of {@code s}, defining it in this packet's interned data if new; 0 when the table is full
     */
    private long intern(Map<String, Long> table, String s, int kind) throws IOException {
        Long iid = table.get(s);
        if (iid != null) {
            return iid;
        }
        if (table.size() >= MAX_INTERNED) {
            return 0;
        }
        long id = table.size() + 1L; // iid 0 is "not set"
        table.put(s, id);
        internedOut.writeTag(kind, com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED);
        internedOut.writeUInt32NoTag(CodedOutputStream.computeUInt64Size(1, id) + CodedOutputStream.computeStringSize(2, s));
        internedOut.writeUInt64(1, id);
        internedOut.writeString(2, s);
        return id;
    }

    private void resetEvent() throws IOException {
        eventOut.flush();
        event.reset();
    }

    private void resetInterned() throws IOException {
        internedOut.flush();
        interned.reset();
    }

    /** @return whether the size cap cut the trace */
    boolean truncated() {
        return truncated;
    }

    /** @return bytes written so far */
    long bytes() {
        return bytes;
    }

    /** @return packets written so far */
    long packets() {
        return packets;
    }

    /** @return slices begun so far */
    long sliceBegins() {
        return sliceBegins;
    }

    /** @return events whose time was raised to keep the sequence's timestamps from decreasing */
    long clampedEvents() {
        return clamped;
    }

    /** Ends slices still open at the last time written, then flushes and closes the file. */
    @Override
    public void close() throws IOException {
        try (OutputStream f = file) {
            if (!truncated) {
                for (Map.Entry<Long, Integer> e : new TreeMap<>(open).entrySet()) {
                    for (int i = 0; i < e.getValue(); i++) {
                        end(lastTs, e.getKey());
                    }
                }
            }
            out.flush();
        }
    }

    /** Closes the file without ending anything (a discarded run). */
    void abandon() throws IOException {
        file.close();
    }
}
