package dev.graphfleet.graph.kuzu;

import com.kuzudb.DataTypeID;
import com.kuzudb.InternalID;
import com.kuzudb.KuzuList;
import com.kuzudb.KuzuMap;
import com.kuzudb.KuzuStruct;
import com.kuzudb.Value;
import com.kuzudb.ValueNodeUtil;
import com.kuzudb.ValueRelUtil;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Engine values to plain Java and back. Nodes and relationships become maps with their label
 * ({@code _label}) and id ({@code _id}) beside their properties, the shape JSON clients expect.
 */
final class KuzuValues {

    private KuzuValues() {
    }

    static Object toJava(Value value) {
        if (value.isNull()) {
            return null;
        }
        DataTypeID type = value.getDataType().getID();
        switch (type) {
            case NODE:
                return node(value);
            case REL:
                return rel(value);
            case LIST:
            case ARRAY:
                return list(value);
            case STRUCT:
            case UNION:
                return struct(value);
            case MAP:
                return map(value);
            case INTERNAL_ID:
                return id(value.getValue());
            case RECURSIVE_REL:
                return value.toString();
            default:
                Object plain = value.getValue();
                return plain instanceof UUID ? plain.toString() : plain;
        }
    }

    private static Map<String, Object> node(Value value) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("_label", ValueNodeUtil.getLabelName(value));
        node.put("_id", id(ValueNodeUtil.getID(value)));
        long size = ValueNodeUtil.getPropertySize(value);
        for (long i = 0; i < size; i++) {
            node.put(ValueNodeUtil.getPropertyNameAt(value, i), toJava(ValueNodeUtil.getPropertyValueAt(value, i)));
        }
        return node;
    }

    private static Map<String, Object> rel(Value value) {
        Map<String, Object> rel = new LinkedHashMap<>();
        rel.put("_label", ValueRelUtil.getLabelName(value));
        rel.put("_src", id(ValueRelUtil.getSrcID(value)));
        rel.put("_dst", id(ValueRelUtil.getDstID(value)));
        long size = ValueRelUtil.getPropertySize(value);
        for (long i = 0; i < size; i++) {
            rel.put(ValueRelUtil.getPropertyNameAt(value, i), toJava(ValueRelUtil.getPropertyValueAt(value, i)));
        }
        return rel;
    }

    private static List<Object> list(Value value) {
        KuzuList list = new KuzuList(value);
        long size = list.getListSize();
        List<Object> out = new ArrayList<>((int) size);
        for (long i = 0; i < size; i++) {
            out.add(toJava(list.getListElement(i)));
        }
        return out;
    }

    private static Map<String, Object> struct(Value value) {
        KuzuStruct struct = new KuzuStruct(value);
        Map<String, Object> out = new LinkedHashMap<>();
        long fields = struct.getNumFields();
        for (long i = 0; i < fields; i++) {
            out.put(struct.getFieldNameByIndex(i), toJava(struct.getValueByIndex(i)));
        }
        return out;
    }

    private static Map<String, Object> map(Value value) {
        KuzuMap map = new KuzuMap(value);
        Map<String, Object> out = new LinkedHashMap<>();
        long fields = map.getNumFields();
        for (long i = 0; i < fields; i++) {
            out.put(String.valueOf(toJava(map.getKey(i))), toJava(map.getValue(i)));
        }
        return out;
    }

    private static String id(Object internalId) {
        InternalID id = (InternalID) internalId;
        return id.tableId + ":" + id.offset;
    }

    /** Java parameter to an engine value; unsupported types name the parameter. */
    static Value toKuzu(String name, Object value) {
        if (value == null) {
            return Value.createNull();
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return new Value(((Number) value).longValue());
        }
        if (value instanceof Float) {
            return new Value(((Float) value).doubleValue());
        }
        if (value instanceof Long || value instanceof Double || value instanceof Boolean || value instanceof String
                || value instanceof LocalDate || value instanceof Instant || value instanceof BigInteger) {
            return new Value(value);
        }
        if (value instanceof Collection<?> collection) {
            Value[] items = collection.stream().map(item -> toKuzu(name, item)).toArray(Value[]::new);
            if (items.length == 0) {
                throw new IllegalArgumentException("parameter " + name + ": empty lists cannot be typed; omit it or use NULL");
            }
            return new KuzuList(items).getValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Value> fields = new LinkedHashMap<>();
            map.forEach((key, item) -> fields.put(String.valueOf(key), toKuzu(name + "." + key, item)));
            return new KuzuStruct(fields).getValue();
        }
        throw new IllegalArgumentException("parameter " + name + ": unsupported type " + value.getClass().getSimpleName()
                + " (use strings, numbers, booleans, dates, lists or maps)");
    }

    /** A Cypher string literal; used only for our own settings, never for user input. */
    static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
